package board

import (
	"math"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Copy puts the selected cards, with the links among them, on the
// clipboard, and their text on the system clipboard.
func (b *Widget) Copy() {
	if !b.toEditor(&fyne.ShortcutCopy{Clipboard: systemClipboard()}) {
		b.copySelection(false)
	}
}

func (b *Widget) copySelection(cut bool) bool {
	bd := b.board()
	ids := b.Selection()
	if bd == nil || len(ids) == 0 {
		return false
	}
	b.clip.Set(bd.Copy(ids), cut)
	if cb := systemClipboard(); cb != nil {
		cb.SetContent(b.clip.Text())
	}
	return true
}

func systemClipboard() fyne.Clipboard {
	if a := fyne.CurrentApp(); a != nil {
		return a.Clipboard()
	}
	return nil
}

// Cut copies the selected cards and deletes them, as one undo step.
func (b *Widget) Cut() {
	if b.toEditor(&fyne.ShortcutCut{Clipboard: systemClipboard()}) || !b.copySelection(true) {
		return
	}
	b.do(&canvas.Batch{Label: "Cut", Edits: []canvas.Edit{
		&canvas.RemoveCards{Board: b.boardID, IDs: b.Selection()}}})
}

// Paste adds the clipboard's cards centred under the pointer when it is
// over the board (a little further on for each paste at the same place),
// else a little apart from where they were copied; text copied from
// another program becomes one card per line.
func (b *Widget) Paste() {
	if b.toEditor(&fyne.ShortcutPaste{Clipboard: systemClipboard()}) {
		return
	}
	var system string
	if cb := systemClipboard(); cb != nil {
		system = cb.Content()
	}
	if clip, ok := b.clip.forPaste(system); ok {
		var dx, dy float64
		if b.pointerIn {
			dx, dy = b.pasteAtPointer(clip.Bounds())
		} else {
			dx = b.clip.nextOffset()
			dy = dx
		}
		e := clip.Paste(b.boardID, dx, dy, "Paste")
		if b.do(e) {
			b.selectAdded(e)
		}
		return
	}
	lines := textLines(system, maxPastedCards)
	if len(lines) == 0 {
		return
	}
	b.pasteText(lines, b.anchor())
}

// pasteAtPointer is the move that centres cards within bounds under the
// pointer, their top-left corner on the grid. Pasting again at the same
// place moves each copy a step further, so that none hides another.
func (b *Widget) pasteAtPointer(bounds canvas.Rect) (dx, dy float64) {
	at := b.view.ToBoard(b.pointer)
	if at == b.pasted.at {
		b.pasted.n++
	} else {
		b.pasted.at, b.pasted.n = at, 0
	}
	c := bounds.Center()
	step := float64(b.pasted.n) * pasteStep
	return snap(bounds.X+at.X-c.X) - bounds.X + step, snap(bounds.Y+at.Y-c.Y) - bounds.Y + step
}

// maxPastedCards caps the cards made from pasted text.
const maxPastedCards = 200

// pasteText makes one card per line, in a grid centred on at.
func (b *Widget) pasteText(lines []string, at canvas.Point) {
	bd := b.board()
	if bd == nil {
		return
	}
	cols := int(math.Ceil(math.Sqrt(float64(len(lines)))))
	rows := (len(lines) + cols - 1) / cols
	const gap = 20
	w, h := float64(canvas.DefaultCardW+gap), float64(canvas.DefaultCardH+gap)
	x0 := at.X - w*float64(cols-1)/2
	y0 := at.Y - h*float64(rows-1)/2
	e := &canvas.AddCards{Board: b.boardID, Label: "Paste text"}
	for i, l := range lines {
		p := canvas.Point{X: snap(x0 + w*float64(i%cols)), Y: snap(y0 + h*float64(i/cols))}
		e.Cards = append(e.Cards, canvas.NewCard(bd.KindAt(p), p, l))
	}
	if b.do(e) {
		b.selectAdded(e)
	}
}

func (b *Widget) selectAdded(e *canvas.AddCards) {
	ids := make([]uuid.UUID, len(e.Cards))
	for i, c := range e.Cards {
		ids[i] = c.ID
	}
	b.Select(ids...)
}

// Duplicate copies the selected cards beside themselves, links included,
// without touching the clipboard.
func (b *Widget) Duplicate() {
	if b.Editing() {
		return
	}
	bd := b.board()
	ids := b.Selection()
	if bd == nil || len(ids) == 0 {
		return
	}
	e := bd.Copy(ids).Paste(b.boardID, pasteStep, pasteStep, "Duplicate")
	if b.do(e) {
		b.selectAdded(e)
	}
}
