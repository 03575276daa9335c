package storage

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Limits on what a file may be, so that opening a broken or hostile file
// fails with a clear message instead of exhausting memory. The limits of
// the model itself (text lengths, scores) are canvas's; these bound what
// the decoder holds before the model ever sees it.
const (
	// MaxFileSize is the largest file Load reads. 50,000 cards with long
	// texts fit with room to spare.
	MaxFileSize = 64 << 20

	// MaxDepth is how deeply objects and arrays may nest, counting the
	// project object as 1. Known members nest 6 deep; the rest is for
	// unknown members a newer version may write.
	MaxDepth = 64
)

// limitError is returned from inside the decoder when a list grows past
// its limit; decoding stops right there, so memory stays bounded by the
// limit rather than by the file.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// decodeList decodes a JSON array into *out, one element at a time,
// refusing more than limit elements. It is what the list types of the
// file format use instead of the default slice decoding, which would grow
// a slice as far as the file goes: a 64 MiB file of `"",` is 20 million
// tags.
//
// check, when not nil, runs after each element, to enforce limits on the
// whole file.
func decodeList[T any](d *jsontext.Decoder, out *[]T, limit int, what string, check func([]T) error) error {
	switch d.PeekKind() {
	case 'n':
		_, err := d.ReadToken()
		*out = nil
		return err
	case '[':
	case '"', '0', 't', 'f', '{':
		// json fills in the position, path and types.
		return &json.SemanticError{JSONKind: d.PeekKind()}
	case ']', '}':
		// ReadValue would blame the enclosing object ("after object
		// value"); the problem is a value that never starts. The decoder
		// stands before the separator, so skip it and the spaces around it.
		off := d.InputOffset() + int64(len(d.UnreadBuffer())-len(bytes.TrimLeft(d.UnreadBuffer(), " \t\r\n:,")))
		return &jsontext.SyntacticError{ByteOffset: off,
			Err: fmt.Errorf("invalid character '%c' at start of value", d.PeekKind())}
	default: // malformed: ReadValue says how
		_, err := d.ReadValue()
		return err
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	s := (*out)[:0]
	for d.PeekKind() != ']' {
		if len(s) == limit {
			return &limitError{fmt.Sprintf("too many %s: the limit is %d", what, limit)}
		}
		var v T
		s = append(s, v)
		if err := json.UnmarshalDecode(d, &s[len(s)-1]); err != nil {
			return err
		}
		if check != nil {
			if err := check(s); err != nil {
				return err
			}
		}
	}
	if _, err := d.ReadToken(); err != nil {
		return err
	}
	if s == nil {
		s = []T{} // present but empty: not the same as missing
	}
	*out = s
	return nil
}

// UnmarshalJSONFrom decodes the boards, at most canvas.MaxBoards, and
// stops as soon as the project holds more than canvas.MaxCards cards.
func (bs *fileBoards) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []fileBoard(*bs)
	err := decodeList(d, &s, canvas.MaxBoards, "boards", func(s []fileBoard) error {
		n := 0
		for i := range s {
			n += len(s[i].Cards)
		}
		if n > canvas.MaxCards {
			return &limitError{fmt.Sprintf("too many cards in the project: the limit is %d", canvas.MaxCards)}
		}
		return nil
	})
	*bs = s
	return err
}

// UnmarshalJSONFrom decodes a board's cards, at most canvas.MaxCards; the
// board list checks the total.
func (cs *fileCards) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []fileCard(*cs)
	err := decodeList(d, &s, canvas.MaxCards, "cards", nil)
	*cs = s
	return err
}

// UnmarshalJSONFrom decodes a board's links, at most canvas.MaxLinks.
func (ls *fileLinks) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []fileLink(*ls)
	err := decodeList(d, &s, canvas.MaxLinks, "links", nil)
	*ls = s
	return err
}

// UnmarshalJSONFrom decodes a job map's steps, at most canvas.MaxSteps.
func (ss *fileSteps) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []fileStep(*ss)
	err := decodeList(d, &s, canvas.MaxSteps, "steps", nil)
	*ss = s
	return err
}

// UnmarshalJSONFrom decodes a card's tags, at most canvas.MaxTags.
func (ts *fileTags) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []string(*ts)
	err := decodeList(d, &s, canvas.MaxTags, "tags", nil)
	*ts = s
	return err
}

// UnmarshalJSONFrom decodes a job's types, at most as many as there are.
func (ts *fileJobTypes) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	s := []canvas.JobType(*ts)
	err := decodeList(d, &s, len(canvas.JobTypes), "job types", nil)
	*ts = s
	return err
}

// depth returns how deeply objects and arrays nest in v, a valid JSON
// value: 0 for a string, number or literal.
func depth(v []byte) int {
	d, maxd := 0, 0
	inString := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			d++
			maxd = max(maxd, d)
		case '}', ']':
			d--
		}
	}
	return maxd
}

// formatSize says n bytes in MiB (or KiB), exactly enough that two
// different sizes never read the same.
func formatSize(n, limit int64) string {
	s := roundSize(n)
	if n != limit && s == roundSize(limit) {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	return s
}

func roundSize(n int64) string {
	switch {
	case n >= 1<<20:
		return trimZero(float64(n)/(1<<20)) + " MiB"
	case n >= 1<<10:
		return trimZero(float64(n)/(1<<10)) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func trimZero(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

func tooLarge(name string, size int64) error {
	return &FileError{File: name,
		Msg: fmt.Sprintf("file is %s, the limit is %s", formatSize(size, MaxFileSize), formatSize(MaxFileSize, size)),
		Err: ErrTooLarge}
}
