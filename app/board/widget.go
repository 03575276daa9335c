package board

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Widget shows one board of a document and edits it: sticky notes on
// the board's template, zoom and pan, selection, drag and drop, in-place
// text editing, copy and paste, context menus. It reads the model on every
// change and keeps no copy of it: every change goes through the document as
// an edit, so undo and redo cover everything.
//
// The widget handles the plain keys while it has the focus (N, Enter, F2,
// Delete, arrows, Escape, Space to pan) and the Ctrl shortcuts through
// TypedShortcut; the window may also call the exported methods from its
// menus.
type Widget struct {
	widget.BaseWidget

	// OnError is called when an edit fails; the window shows it.
	OnError func(error)
	Hooks   // the window's keys and presentation mode (hooks.go)

	doc     *document.Document
	boardID uuid.UUID
	clip    *Clipboard

	view *Viewport  // zoom and pan
	sel  *Selection // the cards selected
	edit *editor    // the text typed in place

	pointer   fyne.Position // last pointer position over the widget
	pointerIn bool
	pasted    struct { // the last paste under the pointer
		at canvas.Point // where
		n  int          // pastes there before it
	}
	wheel wheel

	press    press
	drag     drag
	keys     keyState
	linkMode render.LinkMode // which links show

	closed bool
	r      *boardRenderer // nil until the renderer is made

	// onView runs after the view moved or what it shows changed: the
	// minimap follows it.
	onView func()

	unlisten     []func()  // stop the document's notifications (Close)
	selListeners []*func() // told of selection changes (OnSelectionChanged)
}

// New makes the widget for the board with that id. clip is the
// window's clipboard, shared by its boards (nil: a clipboard of its own).
func New(doc *document.Document, boardID uuid.UUID, clip *Clipboard) *Widget {
	if clip == nil {
		clip = NewClipboard()
	}
	b := &Widget{doc: doc, boardID: boardID, clip: clip, view: NewViewport(),
		sel: NewSelection()}
	b.edit = newEditor(b.CommitEdit, b.cancelEdit, b.layoutEditor)
	b.ExtendBaseWidget(b)
	b.unlisten = []func(){doc.OnChange(b.changed)}
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *Widget) CreateRenderer() fyne.WidgetRenderer {
	r := newBoardRenderer(b)
	b.r = r
	return r
}

// Close stops the widget following the document, once its tab is gone for
// good.
func (b *Widget) Close() {
	b.cancelEdit()
	b.closed = true
	for _, stop := range b.unlisten {
		stop()
	}
	b.unlisten = nil
}

// BoardID is the id of the board shown.
func (b *Widget) BoardID() uuid.UUID { return b.boardID }

// board returns the model's board, or nil once it was deleted.
func (b *Widget) board() *canvas.Board { return b.doc.Project.Board(b.boardID) }

// changed is the document's listener: it brings the view up to date with
// the least work the change allows. A drag's moves touch only the moved
// cards and their links; anything else re-syncs by diffing.
func (b *Widget) changed(ch document.Change) {
	if b.closed {
		return
	}
	if ch.Board != uuid.Nil && ch.Board != b.boardID {
		return
	}
	if b.r == nil {
		b.pruneSelection()
		return
	}
	switch e := ch.Edit.(type) {
	case *canvas.MoveCards:
		if e.Raise && !b.r.topDrawnAsModel(len(e.IDs)) {
			b.r.sync() // picked up: drawn above the others from now on
			b.r.repaint()
			return
		}
		b.r.cardsMoved(e.IDs)
	case *canvas.UpdateCard:
		b.r.cardChanged(e.Card.ID)
	case *canvas.ResizeCard:
		b.r.cardChanged(e.ID)
	default:
		b.pruneSelection()
		b.r.sync()
	}
}

func (b *Widget) report(err error) {
	if err == nil {
		return
	}
	if b.OnError != nil {
		b.OnError(err)
		return
	}
	fyne.LogError("board", err)
}

// do applies an edit through the document, reporting a failure.
func (b *Widget) do(e canvas.Edit) bool {
	if err := b.doc.Do(e); err != nil {
		b.report(err)
		return false
	}
	return true
}

// Selection lists the selected cards, in drawing order.
func (b *Widget) Selection() []uuid.UUID { return b.sel.InOrder(b.board()) }

// Select replaces the selection with the cards given.
func (b *Widget) Select(ids ...uuid.UUID) {
	next := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		next[id] = true
	}
	b.setSelection(next)
}

func (b *Widget) setSelection(next map[uuid.UUID]bool) {
	defer b.selectionChanged() // the inspector follows the selection
	if b.r == nil {
		b.sel.Replace(next, nil)
		return
	}
	if b.sel.Replace(next, b.r.showSelected) {
		// An outline never drawn before is unknown to the window's canvas,
		// so refreshing it alone repaints nothing: ask for a frame.
		b.r.repaint()
	}
}

// pruneSelection drops selected cards that are no longer on the board.
func (b *Widget) pruneSelection() { b.sel.Prune(b.board()) }

// SelectAll selects every card of the board.
func (b *Widget) SelectAll() {
	if b.toEditor(&fyne.ShortcutSelectAll{}) {
		return
	}
	bd := b.board()
	if bd == nil {
		return
	}
	ids := make([]uuid.UUID, len(bd.Cards))
	for i, c := range bd.Cards {
		ids[i] = c.ID
	}
	b.Select(ids...)
}

// Undo takes back the document's last edit. While a text is being typed
// in place, it undoes the typing instead (as Copy, Cut, Paste and
// SelectAll act on the text), so the window's menu can call these methods
// whatever has the focus.
func (b *Widget) Undo() {
	if b.toEditor(&fyne.ShortcutUndo{}) {
		return
	}
	b.report(b.doc.Undo())
}

// Redo applies the last undone edit again.
func (b *Widget) Redo() {
	if b.toEditor(&fyne.ShortcutRedo{}) {
		return
	}
	b.report(b.doc.Redo())
}

// DeleteSelection deletes the selected cards and their links.
func (b *Widget) DeleteSelection() {
	if b.Editing() {
		return
	}
	ids := b.Selection()
	if len(ids) == 0 {
		return
	}
	if b.do(&canvas.RemoveCards{Board: b.boardID, IDs: ids}) {
		b.Select()
	}
}

// BringToFront draws the selected cards above the others.
func (b *Widget) BringToFront() {
	if ids := b.Selection(); len(ids) > 0 {
		b.do(&canvas.BringToFront{Board: b.boardID, IDs: ids})
	}
}

// nudge moves the selection by (dx, dy) board units, one undo step a call.
func (b *Widget) nudge(dx, dy float64) {
	if ids := b.Selection(); len(ids) > 0 {
		b.do(&canvas.MoveCards{Board: b.boardID, IDs: ids, DX: dx, DY: dy})
	}
}

// anchor is where a new card goes: under the pointer when it is over the
// board, else the middle of the view.
func (b *Widget) anchor() canvas.Point {
	if b.pointerIn {
		return b.view.ToBoard(b.pointer)
	}
	s := b.Size()
	return b.view.ToBoard(fyne.NewPos(s.Width/2, s.Height/2))
}

// NewCard starts a card under the pointer (or in the middle of the view),
// in its zone's kind, with its text being typed. The card joins the board
// when the text is committed; an empty or cancelled one leaves nothing.
func (b *Widget) NewCard() { b.startNewCard(b.anchor()) }

// EditSelection starts editing the text of the selected card (the topmost
// one when several are selected).
func (b *Widget) EditSelection() {
	if ids := b.Selection(); len(ids) > 0 {
		b.editCard(ids[len(ids)-1])
	}
}

// snap rounds a board coordinate to the grid.
func snap(v float64) float64 { return math.Round(v/gridStep) * gridStep }

// canvasOf is the canvas the widget is shown on (nil before it is).
func (b *Widget) canvasOf() fyne.Canvas {
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(b)
	}
	return nil
}

// focus gives the keyboard focus to obj (the board itself or its editor).
func (b *Widget) focus(obj fyne.Focusable) {
	if c := b.canvasOf(); c != nil && c.Focused() != obj {
		c.Focus(obj)
	}
}

// window is the window showing the board, for its dialogs.
func (b *Widget) window() fyne.Window {
	c := b.canvasOf()
	if c == nil {
		return nil
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}
