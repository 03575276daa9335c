package app

import (
	"math"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// BoardWidget shows one board of a document and edits it: sticky notes on
// the board's template, zoom and pan, selection, drag and drop, in-place
// text editing, copy and paste, context menus. It reads the model on every
// change and keeps no copy of it: every change goes through the document as
// an edit, so undo and redo cover everything.
//
// The widget handles the plain keys while it has the focus (N, Enter, F2,
// Delete, arrows, Escape, Space to pan) and the Ctrl shortcuts through
// TypedShortcut; the window may also call the exported methods from its
// menus.
type BoardWidget struct {
	widget.BaseWidget

	// OnError is called when an edit fails; the window shows it.
	OnError func(error)

	doc     *Document
	boardID uuid.UUID
	clip    *Clipboard

	view *Viewport

	sel *Selection

	pointer   fyne.Position // last pointer position over the widget
	pointerIn bool
	pasted    struct { // the last paste under the pointer
		at canvas.Point // where
		n  int          // pastes there before it
	}
	scrollAcc float32

	press press
	drag  drag
	keys  keyState
	edit  *editor

	closed bool
	bare   bool           // drawn for an export: no background of its own
	r      *boardRenderer // nil until the renderer is made

	// onView runs after the view moved or what it shows changed: the
	// minimap follows it.
	onView func()
}

// gestures numbers drag gestures for every board, so that the moves of one
// drag coalesce into one undo step and those of two drags never do.
var gestures atomic.Uint64

// NewBoardWidget makes the widget for the board with that id. clip is the
// window's clipboard, shared by its boards (nil: a clipboard of its own).
func NewBoardWidget(doc *Document, boardID uuid.UUID, clip *Clipboard) *BoardWidget {
	if clip == nil {
		clip = NewClipboard()
	}
	b := &BoardWidget{doc: doc, boardID: boardID, clip: clip, view: NewViewport(),
		sel: NewSelection()}
	b.edit = newEditor(b.commitEdit, b.cancelEdit, b.layoutEditor)
	b.ExtendBaseWidget(b)
	doc.OnChange(b.changed)
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *BoardWidget) CreateRenderer() fyne.WidgetRenderer {
	r := newBoardRenderer(b)
	b.r = r
	return r
}

// Close stops the widget following the document, once its tab is gone for
// good. (The document keeps the listener, which then does nothing.)
func (b *BoardWidget) Close() {
	b.cancelEdit()
	b.closed = true
}

// BoardID is the id of the board shown.
func (b *BoardWidget) BoardID() uuid.UUID { return b.boardID }

// board returns the model's board, or nil once it was deleted.
func (b *BoardWidget) board() *canvas.Board { return b.doc.Project.Board(b.boardID) }

// changed is the document's listener: it brings the view up to date with
// the least work the change allows. A drag's moves touch only the moved
// cards and their links; anything else re-syncs by diffing.
func (b *BoardWidget) changed(ch Change) {
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

func (b *BoardWidget) report(err error) {
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
func (b *BoardWidget) do(e canvas.Edit) bool {
	if err := b.doc.Do(e); err != nil {
		b.report(err)
		return false
	}
	return true
}

// Selection lists the selected cards, in drawing order.
func (b *BoardWidget) Selection() []uuid.UUID { return b.sel.InOrder(b.board()) }

// Select replaces the selection with the cards given.
func (b *BoardWidget) Select(ids ...uuid.UUID) {
	next := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		next[id] = true
	}
	b.setSelection(next)
}

func (b *BoardWidget) setSelection(next map[uuid.UUID]bool) {
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
func (b *BoardWidget) pruneSelection() { b.sel.Prune(b.board()) }

// SelectAll selects every card of the board.
func (b *BoardWidget) SelectAll() {
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
func (b *BoardWidget) Undo() {
	if b.toEditor(&fyne.ShortcutUndo{}) {
		return
	}
	b.report(b.doc.Undo())
}

// Redo applies the last undone edit again.
func (b *BoardWidget) Redo() {
	if b.toEditor(&fyne.ShortcutRedo{}) {
		return
	}
	b.report(b.doc.Redo())
}

// Copy puts the selected cards, with the links among them, on the
// clipboard, and their text on the system clipboard.
func (b *BoardWidget) Copy() {
	if !b.toEditor(&fyne.ShortcutCopy{Clipboard: systemClipboard()}) {
		b.copySelection(false)
	}
}

func (b *BoardWidget) copySelection(cut bool) bool {
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
func (b *BoardWidget) Cut() {
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
func (b *BoardWidget) Paste() {
	if b.toEditor(&fyne.ShortcutPaste{Clipboard: systemClipboard()}) {
		return
	}
	var system string
	if cb := systemClipboard(); cb != nil {
		system = cb.Content()
	}
	if b.clip.owns(system) {
		clip := b.clip.Clip()
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
func (b *BoardWidget) pasteAtPointer(bounds canvas.Rect) (dx, dy float64) {
	at := b.toBoard(b.pointer)
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
func (b *BoardWidget) pasteText(lines []string, at canvas.Point) {
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
		e.Cards = append(e.Cards, canvas.NewCard(zoneKind(bd, p), p, l))
	}
	if b.do(e) {
		b.selectAdded(e)
	}
}

// zoneKind is the kind of a card made at p: its zone's default.
func zoneKind(bd *canvas.Board, p canvas.Point) canvas.Kind {
	if z, ok := bd.ZoneAt(p); ok {
		return z.DefaultKind()
	}
	return canvas.KindNote
}

func (b *BoardWidget) selectAdded(e *canvas.AddCards) {
	ids := make([]uuid.UUID, len(e.Cards))
	for i, c := range e.Cards {
		ids[i] = c.ID
	}
	b.Select(ids...)
}

// Duplicate copies the selected cards beside themselves, links included,
// without touching the clipboard.
func (b *BoardWidget) Duplicate() {
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

// DeleteSelection deletes the selected cards and their links.
func (b *BoardWidget) DeleteSelection() {
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
func (b *BoardWidget) BringToFront() {
	if ids := b.Selection(); len(ids) > 0 {
		b.do(&canvas.BringToFront{Board: b.boardID, IDs: ids})
	}
}

// nudge moves the selection by (dx, dy) board units, one undo step a call.
func (b *BoardWidget) nudge(dx, dy float64) {
	if ids := b.Selection(); len(ids) > 0 {
		b.do(&canvas.MoveCards{Board: b.boardID, IDs: ids, DX: dx, DY: dy})
	}
}

// anchor is where a new card goes: under the pointer when it is over the
// board, else the middle of the view.
func (b *BoardWidget) anchor() canvas.Point {
	if b.pointerIn {
		return b.toBoard(b.pointer)
	}
	s := b.Size()
	return b.toBoard(fyne.NewPos(s.Width/2, s.Height/2))
}

// NewCard starts a card under the pointer (or in the middle of the view),
// in its zone's kind, with its text being typed. The card joins the board
// when the text is committed; an empty or cancelled one leaves nothing.
func (b *BoardWidget) NewCard() { b.startNewCard(b.anchor()) }

// EditSelection starts editing the text of the selected card (the topmost
// one when several are selected).
func (b *BoardWidget) EditSelection() {
	if ids := b.Selection(); len(ids) > 0 {
		b.editCard(ids[len(ids)-1])
	}
}

// Zoom is the current zoom: screen pixels per board unit.
func (b *BoardWidget) Zoom() float32 { return b.view.Zoom() }

// ZoomIn zooms one step in, around the middle of the view.
func (b *BoardWidget) ZoomIn() { b.zoomAt(nextZoom(b.Zoom(), 1), b.center()) }

// ZoomOut zooms one step out, around the middle of the view.
func (b *BoardWidget) ZoomOut() { b.zoomAt(nextZoom(b.Zoom(), -1), b.center()) }

// Zoom100 shows the board at its natural size, around the middle of the view.
func (b *BoardWidget) Zoom100() { b.zoomAt(1, b.center()) }

// ZoomFit fits the template and every card in the view.
func (b *BoardWidget) ZoomFit() {
	bd := b.board()
	if bd == nil {
		return
	}
	b.view.FitAlways(bd.Bounds(), b.Size())
	b.relayout()
}

func (b *BoardWidget) center() fyne.Position {
	s := b.Size()
	return fyne.NewPos(s.Width/2, s.Height/2)
}

// zoomAt sets the zoom, keeping the board point under at where it is.
func (b *BoardWidget) zoomAt(z float32, at fyne.Position) {
	if b.view.ZoomAt(z, at) {
		b.relayout()
	}
}

// panBy moves the view by a screen distance.
func (b *BoardWidget) panBy(dx, dy float32) {
	b.view.PanBy(dx, dy)
	b.relayout()
}

// viewRect is the part of the board in view, in board units.
func (b *BoardWidget) viewRect() canvas.Rect { return b.view.Visible(b.Size()) }

// centerOn pans the view so that p is in its middle.
func (b *BoardWidget) centerOn(p canvas.Point) {
	b.view.CenterOn(p, b.Size())
	b.relayout()
}

func (b *BoardWidget) relayout() {
	if b.r != nil {
		b.r.layoutView()
	}
}

// toBoard converts a position on the widget to board units.
func (b *BoardWidget) toBoard(p fyne.Position) canvas.Point { return b.view.ToBoard(p) }

// toScreen converts a board point to a position on the widget.
func (b *BoardWidget) toScreen(p canvas.Point) fyne.Position { return b.view.ToScreen(p) }

// screenRect converts a board rectangle to a position and size on the widget.
func (b *BoardWidget) screenRect(r canvas.Rect) (fyne.Position, fyne.Size) {
	return b.view.ScreenRect(r)
}

// snap rounds a board coordinate to the grid.
func snap(v float64) float64 { return math.Round(v/gridStep) * gridStep }

// canvasOf is the canvas the widget is shown on (nil before it is).
func (b *BoardWidget) canvasOf() fyne.Canvas {
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(b)
	}
	return nil
}

// focus gives the keyboard focus to obj (the board itself or its editor).
func (b *BoardWidget) focus(obj fyne.Focusable) {
	if c := b.canvasOf(); c != nil && c.Focused() != obj {
		c.Focus(obj)
	}
}

// modifiers are the keyboard modifiers held now, from the driver when it
// knows them, else from the key events the board has seen.
func (b *BoardWidget) modifiers() fyne.KeyModifier {
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()
		}
	}
	return b.keys.mods()
}
