package app

import (
	"strings"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Clipboard holds the cards last copied or cut in a window. All the
// window's boards share one, so cards copied on one board paste on
// another. The cards' text also goes to the system clipboard, so it pastes
// into other programs; the Clipboard remembers that text to tell, when
// pasting, whether the system clipboard still holds our cards or something
// copied elsewhere since. The zero value is an empty clipboard.
type Clipboard struct {
	clip   canvas.Clip
	text   string // what went to the system clipboard with clip
	pastes int    // pastes since the copy: each lands a little further on
}

// NewClipboard returns an empty clipboard.
func NewClipboard() *Clipboard { return &Clipboard{} }

// Set puts clip on the clipboard. A cut's first paste goes back where the
// cards were; a copy's first paste sits beside the originals.
func (c *Clipboard) Set(clip canvas.Clip, cut bool) {
	c.clip = clip
	c.text = clipText(clip)
	c.pastes = 1
	if cut {
		c.pastes = 0
	}
}

// Clip returns the cards on the clipboard.
func (c *Clipboard) Clip() canvas.Clip { return c.clip }

// Empty reports whether no card was copied.
func (c *Clipboard) Empty() bool { return c.clip.Empty() }

// Text is the plain text put on the system clipboard with the cards.
func (c *Clipboard) Text() string { return c.text }

// owns reports whether the system clipboard's text is ours: the text we
// put there, or nothing at all (no system clipboard, or it was cleared).
func (c *Clipboard) owns(system string) bool {
	if c.clip.Empty() {
		return false
	}
	s := strings.TrimSpace(system)
	return s == "" || s == strings.TrimSpace(c.text)
}

// nextOffset is how far the next paste is moved from the copied cards, in
// board units, so that copies never sit exactly on the originals.
func (c *Clipboard) nextOffset() float64 {
	d := float64(c.pastes) * pasteStep
	c.pastes++
	return d
}

// pasteStep is how far each paste or duplicate moves from the last one.
const pasteStep = 30

// clipText is the clip's cards as plain text, one card a line.
func clipText(clip canvas.Clip) string {
	lines := make([]string, 0, len(clip.Cards))
	for _, c := range clip.Cards {
		if t := strings.Join(strings.Fields(c.Text), " "); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// textLines splits text pasted from elsewhere into one card text per
// non-empty line, at most max of them.
func textLines(text string, max int) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if r := []rune(l); len(r) > canvas.MaxTextLen {
			l = string(r[:canvas.MaxTextLen])
		}
		out = append(out, l)
		if len(out) == max {
			break
		}
	}
	return out
}
