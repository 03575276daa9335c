package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Copied cards travel between windows and between Jobcanvas instances of
// one user as a clip fragment: JSON marked with its own format and
// version, holding the cards in the project file's shape (so every member
// survives, unknown ones too) and the links among them.
//
// Fyne's clipboard carries only text, so the fragment cannot sit on the
// system clipboard beside the plain text the way whiteboard apps put a
// second format there. It goes to a side file instead (ClipDir), with the
// SHA-256 of the plain text put on the system clipboard: a paste whose
// system text has that sum pastes the fragment's cards; any other text was
// copied elsewhere since, and pastes as text.
const (
	ClipFormat  = "jobcanvas-clip"
	ClipVersion = 1

	// ClipEnv names the environment variable that, when set, is the folder
	// of the clip file (tests, or to keep it somewhere else).
	ClipEnv = "JOBCANVAS_CLIP_DIR"

	clipFileName = "clipboard.json"
)

type fileClip struct {
	Format  string    `json:"format"`
	Version int64     `json:"version"`
	TextSum string    `json:"text_sha256"`
	Cards   fileCards `json:"cards"`
	Links   fileLinks `json:"links,omitempty"`
}

// ErrNotClip marks data that is not a clip fragment of a version this
// Jobcanvas reads.
var ErrNotClip = errors.New("not a Jobcanvas clip")

// ClipTextSum is the sum a fragment is keyed by: the SHA-256 of the text
// with its line ends and surrounding spaces as any clipboard may leave
// them, so that the same text from another program's hands still matches.
func ClipTextSum(text string) string {
	t := strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// EncodeClip returns the fragment of clip, keyed by the plain text that
// goes to the system clipboard with it. An invalid clip is refused.
func EncodeClip(clip canvas.Clip, text string) ([]byte, error) {
	return encodeClip(clip, ClipTextSum(text))
}

func encodeClip(clip canvas.Clip, sum string) ([]byte, error) {
	if err := clip.Validate(); err != nil {
		return nil, validationError("clip", err)
	}
	fc := fileClip{Format: ClipFormat, Version: ClipVersion, TextSum: sum,
		Cards: make(fileCards, len(clip.Cards))}
	for i := range clip.Cards {
		c := &clip.Cards[i]
		fc.Cards[i] = toFileCard(c, c.Zone)
		if len(c.Unknown) > 0 {
			if msg := unknownProblem(c.Unknown, 3); msg != "" {
				return nil, fmt.Errorf("storage: encode clip: cards[%d]: %s", i, msg)
			}
			fc.Cards[i].Unknown = c.Unknown
		}
	}
	if len(clip.Links) > 0 {
		fc.Links = make(fileLinks, len(clip.Links))
		for i, l := range clip.Links {
			fc.Links[i] = fileLink{From: fileID(l.From), To: fileID(l.To), Strength: l.Strength}
		}
	}
	data, err := json.Marshal(&fc, json.Deterministic(true))
	if err != nil {
		return nil, fmt.Errorf("storage: encode clip: %w", err)
	}
	return data, nil
}

// DecodeClip reads a fragment; name begins every error message. It
// returns the clip and the sum of the text it was copied with. Whatever
// data holds, it never panics, and a clip it returns is valid
// (canvas.Clip.Validate): ids unique, links between its cards, texts and
// scores within the limits.
func DecodeClip(data []byte, name string) (canvas.Clip, string, error) {
	if len(data) > MaxFileSize {
		return canvas.Clip{}, "", tooLarge(name, int64(len(data)))
	}
	// The mark first, so that anything else says what it is not rather
	// than failing on some member deep inside.
	var mark struct {
		Format  jsontext.Value `json:"format"`
		Version jsontext.Value `json:"version"`
	}
	if err := json.Unmarshal(data, &mark); err != nil {
		return canvas.Clip{}, "", decodeError(err, data, name, -1)
	}
	var format string
	if json.Unmarshal(mark.Format, &format) != nil || format != ClipFormat {
		return canvas.Clip{}, "", &FileError{File: name, Err: ErrNotClip,
			Msg: fmt.Sprintf(`not a Jobcanvas clip: "format" is %s, want %q`, orMissing(mark.Format), ClipFormat)}
	}
	if v, err := parseVersion(mark.Version); err != nil || v != ClipVersion {
		return canvas.Clip{}, "", &FileError{File: name, Err: ErrNotClip,
			Msg: fmt.Sprintf(`clip version %s, this Jobcanvas reads %d`, orMissing(mark.Version), ClipVersion)}
	}
	var fc fileClip
	if err := json.Unmarshal(data, &fc, decodeOptions); err != nil {
		return canvas.Clip{}, "", decodeError(err, data, name, -1)
	}
	if _, err := hex.DecodeString(fc.TextSum); err != nil || len(fc.TextSum) != 2*sha256.Size || strings.ToLower(fc.TextSum) != fc.TextSum {
		return canvas.Clip{}, "", &SyntaxError{File: name, Path: "text_sha256", Msg: "want 64 lower-case hexadecimal digits"}
	}
	cv := &converter{name: name}
	if fc.Cards == nil {
		cv.miss("cards")
	}
	clip := canvas.Clip{Cards: make([]canvas.Card, len(fc.Cards))}
	for i := range fc.Cards {
		if err := cv.card(&fc.Cards[i], &clip.Cards[i], 3, func() string { return "cards[" + strconv.Itoa(i) + "]" }); err != nil {
			return canvas.Clip{}, "", err
		}
	}
	for i, l := range fc.Links {
		if l.From == (fileID{}) {
			cv.miss("links[" + strconv.Itoa(i) + "].from")
		}
		if l.To == (fileID{}) {
			cv.miss("links[" + strconv.Itoa(i) + "].to")
		}
		clip.Links = append(clip.Links, canvas.Link{From: uuid.UUID(l.From), To: uuid.UUID(l.To), Strength: l.Strength})
	}
	if len(cv.missing) > 0 {
		return canvas.Clip{}, "", &ValidationError{File: name, Err: cv.missing}
	}
	if err := clip.Validate(); err != nil {
		return canvas.Clip{}, "", validationError(name, err)
	}
	return clip, fc.TextSum, nil
}

func orMissing(v jsontext.Value) string {
	if v == nil {
		return "missing"
	}
	return shortRaw(v)
}

// ClipDir is the folder of the clip file: ClipEnv when set, else
// jobcanvas/clipboard in the user's configuration folder. It is made
// readable by its owner only, as copied cards may be confidential.
func ClipDir() (string, error) { return userDir(ClipEnv, "clipboard", "copied cards") }

// WriteClip replaces the clip file in dir with the fragment of clip and
// text, atomically: a Jobcanvas reading it at the same time finds the old
// fragment or the new one, whole. The name is made up, so a link there is
// refused rather than followed.
func WriteClip(dir string, clip canvas.Clip, text string) error {
	data, err := EncodeClip(clip, text)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ioError(dir, "cannot create the clipboard folder", err)
	}
	return replaceFile(osFS{}, filepath.Join(dir, clipFileName), data, false, false)
}

// ReadClip reads the clip file in dir and returns its cards if they were
// copied with text (the system clipboard's text now); ok is false when
// there is no clip file or it belongs to other text. A damaged file is an
// error naming it, for the caller to log: the paste goes on as text.
func ReadClip(dir, text string) (clip canvas.Clip, ok bool, err error) {
	path := filepath.Join(dir, clipFileName)
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return canvas.Clip{}, false, nil
	case err != nil:
		return canvas.Clip{}, false, ioError(path, "cannot read", err)
	case !fi.Mode().IsRegular():
		return canvas.Clip{}, false, &FileError{File: path, Msg: "not a regular file", Err: ErrNotClip}
	}
	data, _, err := readLimited(path, MaxFileSize)
	if err != nil {
		return canvas.Clip{}, false, err
	}
	// A cheap look at the sum before decoding every card: most pastes of
	// text copied elsewhere stop here.
	if !bytes.Contains(data, []byte(ClipTextSum(text))) {
		return canvas.Clip{}, false, nil
	}
	clip, sum, err := DecodeClip(data, path)
	if err != nil {
		return canvas.Clip{}, false, err
	}
	return clip, sum == ClipTextSum(text), nil
}
