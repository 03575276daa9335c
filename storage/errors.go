package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sentinels for errors.Is. Every error this package returns about a file
// starts with the file's name, so it can be shown as it is; the sentinels
// let callers react to a kind of failure without parsing text.
var (
	// ErrTooLarge is wrapped by errors about a file over one of the limits
	// of limits.go: its size, the number of boards, cards, links, steps or
	// tags, or the nesting depth of its members.
	ErrTooLarge = errors.New("over a size limit")

	// ErrNewerVersion is wrapped by a *VersionError: the file was written
	// by a newer Jobcanvas whose format this one cannot read.
	ErrNewerVersion = errors.New("newer format version")

	// ErrNotProject is wrapped by errors about a file that is not a
	// Jobcanvas project at all: empty, not a JSON object, or without
	// "format": "jobcanvas".
	ErrNotProject = errors.New("not a Jobcanvas project")

	// ErrReadOnly is wrapped by the error of a save refused because the
	// file is read-only: the app offers to save a copy instead.
	ErrReadOnly = errors.New("read-only file")

	// ErrSymlink is wrapped by the error of a write refused because a
	// file the program named (an export's image, a recovery file) is a
	// symbolic link, which someone else may have put there.
	ErrSymlink = errors.New("symbolic link not followed")

	// ErrInUse is wrapped by the error of a save that could not replace
	// the file because another program kept it open (Windows refuses to
	// replace an open file); the file is as it was.
	ErrInUse = errors.New("file in use by another program")
)

// SyntaxError reports a file that is not a well-formed document of the
// format: malformed JSON, a member of the wrong type, a duplicate member,
// or a list over its limit. Line and Column (1-based, counted in
// characters) point at the problem; they are 0 when the problem was found
// after migrating an older file, whose text no longer matches the file.
type SyntaxError struct {
	File   string
	Line   int
	Column int
	Path   string // e.g. boards[0].cards[2].x; empty when not inside a member
	Msg    string
	Err    error // a sentinel such as ErrTooLarge, or nil
}

func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Column))
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel, if any.
func (e *SyntaxError) Unwrap() error { return e.Err }

// maxShownProblems caps how many problems ValidationError.Error lists: a
// file with 50,000 bad cards needs its first few fixed, not a wall of text.
const maxShownProblems = 20

// ValidationError reports a well-formed file whose project breaks the
// rules of the model (canvas.Project.Validate), or that lacks a required
// member. errors.As finds the canvas.ValidationError, and through it each
// *canvas.FieldError with its path.
type ValidationError struct {
	File string // empty for a project that was never in a file
	Err  canvas.ValidationError
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	for i, fe := range e.Err {
		if i == maxShownProblems {
			fmt.Fprintf(&b, "\n%s… and %d more problems", e.prefix(), len(e.Err)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.prefix())
		b.WriteString(fe.Error())
	}
	return b.String()
}

func (e *ValidationError) prefix() string {
	if e.File == "" {
		return ""
	}
	return e.File + ": "
}

// Unwrap returns the canvas.ValidationError.
func (e *ValidationError) Unwrap() error { return e.Err }

// VersionError reports a file written in a newer major version of the
// format. Such a file is refused before any of it is decoded: guessing at
// it could lose what the newer version wrote.
type VersionError struct {
	File    string
	Version int64
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s: file was written by a newer Jobcanvas (format version %d); this version reads up to %d",
		e.File, e.Version, Version)
}

// Unwrap returns ErrNewerVersion.
func (e *VersionError) Unwrap() error { return ErrNewerVersion }

// FileError reports a problem with a file as a whole rather than a place
// in it: too large, empty, not a project, unreadable, not saved.
type FileError struct {
	File string
	Msg  string
	Err  error // a sentinel or the underlying error, for errors.Is
}

func (e *FileError) Error() string { return e.File + ": " + e.Msg }

// Unwrap returns the sentinel or underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// decodeError turns an error of the JSON codec into a *SyntaxError with
// the file's name, the line and column of the problem and, for values of
// the wrong type, the path of the member. migratedFrom is the version the
// data was migrated from, or -1: positions in migrated data are not
// positions in the file, so they are left out.
func decodeError(err error, data []byte, name string, migratedFrom int) error {
	e := &SyntaxError{File: name}
	var offset int64 = -1
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		offset = syn.ByteOffset
		switch {
		case errors.Is(syn.Err, jsontext.ErrDuplicateName):
			e.Path = pointerPath(syn.JSONPointer.Parent())
			e.Msg = fmt.Sprintf("duplicate member %s", strconv.Quote(syn.JSONPointer.LastToken()))
		case errors.Is(syn.Err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			e.Msg = "unexpected end of file"
			offset = int64(len(data))
		case syn.Err != nil && syn.Err.Error() == "invalid UTF-8":
			e.Msg = "invalid UTF-8: a project file is UTF-8 text"
		case syn.Err != nil && strings.Contains(syn.Err.Error(), "max depth"):
			e.Msg = fmt.Sprintf("nested too deep (the limit is %d)", MaxDepth)
			e.Err = ErrTooLarge
		case trailingComma(data, offset) != 0:
			e.Msg = fmt.Sprintf("trailing comma before '%c'", trailingComma(data, offset))
		case syn.Err != nil:
			e.Msg = syn.Err.Error()
		default:
			e.Msg = "malformed JSON"
		}
	case errors.As(err, &sem):
		offset = sem.ByteOffset
		e.Path = pointerPath(sem.JSONPointer)
		var lim *limitError
		switch {
		case errors.As(sem.Err, &lim):
			e.Msg = lim.msg
			e.Err = ErrTooLarge
		case errors.Is(sem.Err, json.ErrUnknownName):
			e.Path = pointerPath(sem.JSONPointer.Parent())
			e.Msg = fmt.Sprintf("unknown member %s: only the project, boards and cards may hold members this version does not know",
				strconv.Quote(sem.JSONPointer.LastToken()))
		default:
			e.Msg = typeMessage(sem)
		}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		e.Msg = "unexpected end of file"
		offset = int64(len(data))
	default:
		e.Msg = err.Error()
	}
	if migratedFrom >= 0 {
		e.Msg += fmt.Sprintf(" (in the file as migrated from format version %d)", migratedFrom)
	} else if offset >= 0 {
		e.Line, e.Column = position(data, offset)
	}
	return e
}

// trailingComma returns the '}' or ']' that follows a comma at offset,
// or 0: JSON allows no comma there, and people editing by hand often
// leave one.
func trailingComma(data []byte, offset int64) byte {
	if offset < 0 || offset >= int64(len(data)) || data[offset] != ',' {
		return 0
	}
	for _, c := range data[offset+1:] {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '}', ']':
			return c
		}
		return 0
	}
	return 0
}

// valueError is what our own decoding methods return about a value they
// refuse (a bad UUID); its text is the message.
type valueError struct{ msg string }

func (e *valueError) Error() string { return e.msg }

// typeMessage says what was wrong with a value the codec could not store.
func typeMessage(sem *json.SemanticError) string {
	var ve *valueError
	if errors.As(sem.Err, &ve) {
		return ve.msg
	}
	got := kindName(sem.JSONKind)
	if len(sem.JSONValue) > 0 && sem.JSONKind == '0' {
		got = shortRaw(sem.JSONValue)
		if errors.Is(sem.Err, strconv.ErrRange) {
			return "number out of range: " + got
		}
	}
	want := "a value of another type"
	if t := sem.GoType; t != nil {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t == reflect.TypeFor[fileID]():
			want = "a UUID string"
		case t.Kind() == reflect.Float64:
			want = "a number"
		case t.Kind() == reflect.Int:
			want = "a whole number"
		case t.Kind() == reflect.String:
			want = "a string"
		case t.Kind() == reflect.Slice:
			want = "an array"
		case t.Kind() == reflect.Struct:
			want = "an object"
		}
	}
	return fmt.Sprintf("want %s, got %s", want, got)
}

// kindName names a JSON kind for a message.
func kindName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "something else"
}

// pointerPath writes a JSON Pointer (/boards/0/cards/2/x) as the path
// people and canvas.ValidationError use (boards[0].cards[2].x). A number
// is taken for an index: no member of the format has a numeric name.
func pointerPath(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		switch {
		case isIndex(tok):
			b.WriteByte('[')
			b.WriteString(tok)
			b.WriteByte(']')
		case isPlainName(tok):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(tok)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(tok))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func isIndex(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isPlainName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// position converts a byte offset into data to a 1-based line and column,
// the column counted in characters as editors count them.
func position(data []byte, offset int64) (line, column int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[start:])
}
