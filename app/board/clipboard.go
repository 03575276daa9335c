package board

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// Clipboard holds the cards last copied or cut in a window. All the
// window's boards share one, so cards copied on one board paste on
// another. The cards' text also goes to the system clipboard, so it pastes
// into other programs; the Clipboard remembers that text to tell, when
// pasting, whether the system clipboard still holds our cards or something
// copied elsewhere since. The zero value is an empty clipboard.
//
// Fyne's system clipboard carries text only, so the cards themselves
// (kind, scores, quote, links, everything) reach other windows and other
// Jobcanvas instances of the user through a side file (storage.WriteClip),
// keyed by the text: a paste whose system text is the one copied with the
// side file's cards pastes those cards; other text pastes as notes.
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
	writeSideClip(clip, c.text)
}

// sideClip orders this process's writes of the side file, which happen in
// the background (a write is durable, so it may wait on the disk), and lets
// a paste wait for them: a copy in one window pastes in the next at once.
var sideClip struct {
	asked   atomic.Uint64  // writes asked for, numbered
	pending sync.WaitGroup // writes not done yet
	mu      sync.Mutex     // held by a write
	done    uint64         // the newest write done (mu)
}

// writeSideClip writes clip and text to the side file in the background;
// a write that finds a newer one done already is skipped. A failure only
// costs pasting the cards elsewhere (they paste as text there), so it is
// logged, not shown.
func writeSideClip(clip canvas.Clip, text string) {
	dir, err := storage.ClipDir()
	if err != nil {
		fyne.LogError("copied cards paste as text in other windows", err)
		return
	}
	n := sideClip.asked.Add(1)
	sideClip.pending.Add(1)
	go func() {
		defer sideClip.pending.Done()
		sideClip.mu.Lock()
		defer sideClip.mu.Unlock()
		if n <= sideClip.done {
			return
		}
		sideClip.done = n
		if err := storage.WriteClip(dir, clip, text); err != nil {
			fyne.LogError("copied cards paste as text in other windows", err)
		}
	}()
}

// forPaste returns the cards to paste when the system clipboard holds
// system: those copied with that text in any window or Jobcanvas of the
// user (the side file), else ours if the text is ours; ok is false when
// the text was copied elsewhere and pastes as text.
func (c *Clipboard) forPaste(system string) (clip canvas.Clip, ok bool) {
	sideClip.pending.Wait()
	if dir, err := storage.ClipDir(); err == nil {
		side, ok, err := storage.ReadClip(dir, system)
		if err != nil {
			fyne.LogError("pasting as text", err)
		}
		if ok && !sameCards(side, c.clip) {
			// Copied in another window: its pastes start over here.
			c.clip, c.text, c.pastes = side, system, 1
		}
	}
	if !c.owns(system) {
		return canvas.Clip{}, false
	}
	return c.clip, true
}

// sameCards reports whether two clips hold the same cards (by id): the
// side file holds what this Clipboard copied last.
func sameCards(a, b canvas.Clip) bool {
	return slices.EqualFunc(a.Cards, b.Cards, func(x, y canvas.Card) bool { return x.ID == y.ID })
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
