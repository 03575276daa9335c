package board

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// editor is the board's in-place text editor: a card's text, a new card's
// text or a step's name, typed in an entry dressed as the note it edits.
//
// The entry and the theme override around it are made at the first edit
// and reused for every other: Fyne keeps the parsed fonts of each theme
// override scope for as long as the program runs (about 10 MB with the
// bundled fonts), and every NewThemeOverride, and every Refresh of one,
// makes a new scope. So the theme is changed in place and only the entry
// is refreshed. Between edits the override stays among the board's
// objects, empty, disabled and far out of view, rather than hidden: Fyne
// drops the renderer of what it has not walked for a minute, and making
// it again makes a new scope.
type editor struct {
	entry   *noteEntry
	theme   *noteTheme
	overlay *container.ThemeOverride

	target      *editTarget // what is edited; nil between edits
	caretPlaced bool        // the caret was put at the end of the text

	// onCommit and onCancel run on the entry's Enter (or lost focus) and
	// Escape; onChanged when a note's text changed, which resizes it.
	onCommit, onCancel, onChanged func()
}

// editTarget is what an edit changes. A new card joins the board only
// when its text is committed, so cancelling it, or committing it empty,
// leaves nothing behind and nothing to undo.
type editTarget struct {
	card    uuid.UUID   // the card edited; uuid.Nil for a new card or a step
	isNew   bool        // newCrd is not on the board yet
	newCrd  canvas.Card // the new card
	step    string      // id of the step renamed
	cluster uuid.UUID   // the cluster renamed
}

func newEditor(onCommit, onCancel, onChanged func()) *editor {
	return &editor{onCommit: onCommit, onCancel: onCancel, onChanged: onChanged}
}

// editing reports whether a text is being edited.
func (e *editor) editing() bool { return e.target != nil }

// current is what is being edited.
func (e *editor) current() (editTarget, bool) {
	if e.target == nil {
		return editTarget{}, false
	}
	return *e.target, true
}

// object is the editor's canvas object, nil until the first edit.
func (e *editor) object() fyne.CanvasObject {
	if e.overlay == nil {
		return nil
	}
	return e.overlay
}

// open starts editing t, whose text is text, in the base theme; fill is
// the note's colour (nil: not a note).
func (e *editor) open(t editTarget, text string, multiLine bool, base fyne.Theme, fill color.Color) {
	if e.overlay == nil {
		e.entry = newNoteEntry(multiLine)
		e.entry.onCommit, e.entry.onCancel = e.onCommit, e.onCancel
		e.entry.OnChanged = func(string) {
			// The text's size follows its length, as on the note.
			if e.target != nil && e.target.step == "" && e.target.cluster == uuid.Nil {
				e.onChanged()
			}
		}
		e.theme = &noteTheme{Theme: base}
		e.overlay = container.NewThemeOverride(e.entry, e.theme)
	}
	e.target = nil // the text put in is not a change to lay out
	e.theme.Theme, e.theme.fill = base, fill
	e.entry.Enable()
	e.entry.reset(text, multiLine)
	if t.step == "" && t.cluster == uuid.Nil {
		e.entry.SetPlaceHolder("Type, then Enter")
	} else {
		e.entry.SetPlaceHolder("")
	}
	e.target, e.caretPlaced = &t, false
	e.entry.Refresh() // a new fill: the entry, not the override (a new scope)
}

// close ends the edit, returning what was edited and the text typed.
func (e *editor) close() (editTarget, string, bool) {
	t, ok := e.current()
	if !ok {
		return t, "", false
	}
	e.target = nil
	return t, e.entry.Text, true
}

// hasFocus reports whether the entry has the focus of canvas c.
func (e *editor) hasFocus(c fyne.Canvas) bool {
	return e.entry != nil && c != nil && c.Focused() == fyne.Focusable(e.entry)
}

// idlePos is where the editor waits between edits: far from any window,
// where it takes no click. (Of no size, painters fail on its border.)
var idlePos = fyne.NewPos(-1e5, -1e5)

// idle empties the entry between edits and puts it out of view, where it
// takes no focus but stays among the board's objects (see editor).
func (e *editor) idle() {
	if e.overlay == nil || e.target != nil {
		return
	}
	e.entry.reset("", e.entry.MultiLine)
	e.entry.SetPlaceHolder("")
	e.entry.Disable()
	e.overlay.Move(idlePos)
	e.overlay.Resize(fyne.NewSize(40, 40))
}

// shortcut gives an editing shortcut to the text being typed, if any, and
// reports whether it did.
func (e *editor) shortcut(s fyne.Shortcut) bool {
	if e.target == nil {
		return false
	}
	e.entry.TypedShortcut(s)
	return true
}

// place puts the editor at pos, of size sz, on the board's widget at zoom
// z; it is never smaller than a usable box (at least minH high) when the
// board is zoomed far out. A step's name is drawn at textSize board
// units; a note's text (textSize 0) at the size the note will draw it, so
// the whole text shows as it will be.
func (e *editor) place(pos fyne.Position, sz fyne.Size, minH, textSize, z float32) {
	if e.target == nil {
		return
	}
	const minW = 200
	if sz.Width < minW {
		pos.X -= (minW - sz.Width) / 2
		sz.Width = minW
	}
	if sz.Height < minH {
		pos.Y -= (minH - sz.Height) / 2
		sz.Height = minH
	}
	ts, pad := min(max(textSize*z, 12), 48), float32(0)
	if textSize == 0 {
		ts, pad, sz.Height = fitNoteEditor(e.entry.Text, z, sz, e.theme.Theme.Size(theme.SizeNameInputBorder))
	}
	// A new size or width rewraps the text; the entry keeps the caret's
	// row and column, which then point elsewhere in the text.
	caret, rewrap := e.entry.CursorTextOffset(), e.caretPlaced && (e.theme.textSize != ts || e.theme.pad != pad || e.overlay.Size() != sz)
	if e.theme.textSize != ts || e.theme.pad != pad {
		e.theme.textSize, e.theme.pad = ts, pad
		e.entry.Refresh()
	}
	e.overlay.Move(pos)
	e.overlay.Resize(sz)
	if rewrap {
		e.entry.caretTo(caret)
	}
	if !e.caretPlaced {
		// At the end of the text: only now, wrapped to its width, does the
		// entry know the row and column of the end. (Row and column of the
		// text's last line put the caret at the end of the first row of a
		// long line, and typing went into the middle of the text.)
		e.caretPlaced = true
		e.entry.CursorRow, e.entry.CursorColumn = math.MaxInt32, math.MaxInt32
		e.entry.Refresh()
	}
}

// fitNoteEditor sizes a note's text in an editor box of size box at zoom
// z, the way the note fits its text (in board units, from cardTextSize
// down to cardMinTextSize), but never under 12 px nor over 48 px on
// screen. It returns the text size and margin in pixels, and the box's
// height: taller than box when the text does not fit even at the
// smallest size, which the note cuts short with "…" but the editor shows
// whole.
func fitNoteEditor(text string, z float32, box fyne.Size, border float32) (size, pad, height float32) {
	pad = max(cardPad*z, 2)
	w := (box.Width - 2*pad) / z
	h := (box.Height - 2*pad - 2*border) / z
	lo := max(cardMinTextSize, 12/z)
	hi := min(max(cardTextSize, lo), max(48/z, lo))
	block := fitText(text, w, h, hi, lo, fyne.TextStyle{})
	height = box.Height
	if block.Overflow {
		all := fitText(text, w, math.MaxFloat32, lo, lo, fyne.TextStyle{})
		height = float32(len(all.Lines))*all.LineH*z + 2*pad + 2*border
	}
	return block.Size * z, pad, height
}
