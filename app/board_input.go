package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The board handles its events itself and finds what is under the pointer
// in the model; cards are drawn, not hit. A press selects at once (the tap
// of a double-tappable object only comes after the double-click delay), a
// drag then moves the selection, draws a rubber band or pans.

var (
	_ fyne.Focusable         = (*BoardWidget)(nil)
	_ fyne.Draggable         = (*BoardWidget)(nil)
	_ fyne.Scrollable        = (*BoardWidget)(nil)
	_ fyne.Tappable          = (*BoardWidget)(nil)
	_ fyne.DoubleTappable    = (*BoardWidget)(nil)
	_ fyne.SecondaryTappable = (*BoardWidget)(nil)
	_ fyne.Shortcutable      = (*BoardWidget)(nil)
	_ desktop.Mouseable      = (*BoardWidget)(nil)
	_ desktop.Hoverable      = (*BoardWidget)(nil)
	_ desktop.Keyable        = (*BoardWidget)(nil)
)

// press is the mouse button held down on the board.
type press struct {
	active  bool
	button  desktop.MouseButton
	mods    fyne.KeyModifier
	card    uuid.UUID // the card pressed on, or uuid.Nil
	toggled bool      // the press toggled the card's selection
	handled bool      // the click was handled by MouseDown/MouseUp
	resize  bool      // the press is on card's resize handle
}

type dragMode int

const (
	dragNone dragMode = iota
	dragMove
	dragBand
	dragPan
	dragResize
)

// drag is the gesture under way.
type drag struct {
	mode     dragMode
	gesture  uint64
	ids      []uuid.UUID
	lead     uuid.UUID     // the card grabbed, snapped to the grid on drop
	from, to fyne.Position // rubber band corners; a resize starts at from
	base     map[uuid.UUID]bool
	w0, h0   float64 // the size of the card resized, when grabbed
}

// keyState is what the board saw of the modifier keys and Space.
type keyState struct {
	shift, ctrl, space bool
}

func (k keyState) mods() fyne.KeyModifier {
	var m fyne.KeyModifier
	if k.shift {
		m |= fyne.KeyModifierShift
	}
	if k.ctrl {
		m |= fyne.KeyModifierShortcutDefault
	}
	return m
}

// MouseDown implements desktop.Mouseable: it takes the focus, commits a
// text being edited and selects the card pressed on.
func (b *BoardWidget) MouseDown(e *desktop.MouseEvent) {
	card, ok := b.pointerDown(e.Position)
	if !ok {
		return
	}
	b.press = press{active: true, button: e.Button, mods: e.Modifier, handled: true, card: card}
	if b.panning(e.Button) {
		return // a hand that moves the view, not a pick: nothing is selected
	}
	if id := b.handleAt(e.Position); id != uuid.Nil && e.Button == desktop.MouseButtonPrimary {
		b.press.card, b.press.resize = id, true
		return
	}
	if e.Button == desktop.MouseButtonPrimary || e.Button == desktop.MouseButtonSecondary {
		b.press.toggled = b.selectFor(b.press.card, e.Modifier, e.Button == desktop.MouseButtonSecondary)
	}
}

// panning reports whether a press of button drags the view: the middle
// button, or any while Space is held.
func (b *BoardWidget) panning(button desktop.MouseButton) bool {
	return button == desktop.MouseButtonTertiary || b.keys.space
}

// pointerDown is how a press or a tap begins: the board takes the focus,
// a text being typed is committed, and the card under pos is found
// (uuid.Nil on empty space); ok is false once the board is gone.
func (b *BoardWidget) pointerDown(pos fyne.Position) (card uuid.UUID, ok bool) {
	b.focus(b)
	b.commitEdit()
	b.pointer = pos
	bd := b.board()
	if bd == nil {
		return uuid.Nil, false
	}
	if c := bd.CardAt(b.toBoard(pos)); c != nil {
		return c.ID, true
	}
	return uuid.Nil, true
}

// selectFor updates the selection for a click on card (uuid.Nil: empty
// space) and reports whether it toggled the card.
func (b *BoardWidget) selectFor(card uuid.UUID, mods fyne.KeyModifier, secondary bool) bool {
	additive := mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	switch {
	case card == uuid.Nil:
		if !additive && !secondary {
			b.Select()
		}
	case additive && !secondary:
		b.setSelection(b.sel.Toggled(card))
		return true
	case !b.sel.Has(card):
		b.Select(card)
	}
	return false
}

// MouseUp implements desktop.Mouseable: a click on a card of a larger
// selection, without dragging, selects that card alone.
func (b *BoardWidget) MouseUp(e *desktop.MouseEvent) {
	p := b.press
	b.press.active = false
	if !p.active || p.resize || b.drag.mode != dragNone || e.Button != desktop.MouseButtonPrimary {
		return
	}
	if p.card != uuid.Nil && !p.toggled && b.sel.Len() > 1 && b.sel.Has(p.card) {
		b.Select(p.card)
	}
}

// Tapped implements fyne.Tappable. A real click was handled when pressed;
// a tap with no press before it (a touch screen, a test) selects here.
func (b *BoardWidget) Tapped(e *fyne.PointEvent) {
	if b.press.handled {
		b.press.handled = false
		return
	}
	id, ok := b.pointerDown(e.Position)
	if !ok {
		return
	}
	if !b.selectFor(id, b.modifiers(), false) && id != uuid.Nil {
		b.Select(id)
	}
}

// DoubleTapped implements fyne.DoubleTappable: on a card it edits the
// card's text, on a step header it renames the step, on empty space it
// starts a new card there.
func (b *BoardWidget) DoubleTapped(e *fyne.PointEvent) {
	b.press.handled = false
	bd := b.board()
	if bd == nil {
		return
	}
	p := b.toBoard(e.Position)
	if c := bd.CardAt(p); c != nil {
		b.Select(c.ID)
		b.editCard(c.ID)
		return
	}
	if i, ok := stepHeaderAt(bd, p); ok {
		b.renameStep(bd.Steps[i].ID)
		return
	}
	b.startNewCard(p)
}

// TappedSecondary implements fyne.SecondaryTappable: the context menu of
// the cards, step header or board under the pointer.
func (b *BoardWidget) TappedSecondary(e *fyne.PointEvent) {
	b.press = press{}
	b.commitEdit()
	bd := b.board()
	c := b.canvasOf()
	if bd == nil || c == nil {
		return
	}
	p := b.toBoard(e.Position)
	var menu *fyne.Menu
	if card := bd.CardAt(p); card != nil {
		if !b.sel.Has(card.ID) {
			b.Select(card.ID)
		}
		menu = b.cardMenu(b.Selection())
	} else if i, ok := stepHeaderAt(bd, p); ok {
		menu = b.stepMenu(bd.Steps[i].ID)
	} else {
		menu = b.boardMenu(p)
	}
	widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
}

// Dragged implements fyne.Draggable. The first event of a drag decides
// what it does, from the button pressed and what was under it.
func (b *BoardWidget) Dragged(e *fyne.DragEvent) {
	b.pointer = e.Position
	if b.drag.mode == dragNone {
		b.startDrag(e.Position.Subtract(e.Dragged))
	}
	switch b.drag.mode {
	case dragPan:
		b.panBy(e.Dragged.DX, e.Dragged.DY)
	case dragMove:
		dx, dy := b.view.ScreenDelta(e.Dragged)
		m := &canvas.MoveCards{Board: b.boardID, IDs: b.drag.ids, Raise: true, DX: dx, DY: dy, Gesture: b.drag.gesture}
		if !b.do(m) {
			b.drag.mode = dragBand // stop moving; the band is harmless
			b.drag.base = b.sel.Set()
			b.drag.from = e.Position
		}
	case dragBand:
		b.drag.to = e.Position
		b.bandSelect()
	case dragResize:
		b.resizeTo(e.Position)
	}
}

func (b *BoardWidget) startDrag(start fyne.Position) {
	b.commitEdit()
	bd := b.board()
	if bd == nil {
		return
	}
	p := b.press
	if !p.active { // no press seen (a test, a touch screen): as a primary press
		p = press{active: true, button: desktop.MouseButtonPrimary, mods: b.modifiers()}
		if c := bd.CardAt(b.toBoard(start)); c != nil {
			p.card = c.ID
		}
		if id := b.handleAt(start); id != uuid.Nil && !b.panning(p.button) {
			p.card, p.resize = id, true
		} else if !b.panning(p.button) {
			b.selectFor(p.card, p.mods, false)
		}
		b.press = p
	}
	switch {
	case b.panning(p.button):
		b.drag = drag{mode: dragPan}
	case p.resize && bd.Card(p.card) != nil:
		c := bd.Card(p.card)
		b.drag = drag{mode: dragResize, gesture: gestures.Add(1), lead: c.ID, from: start, w0: c.W, h0: c.H}
	case p.card != uuid.Nil && b.sel.Has(p.card):
		b.drag = drag{mode: dragMove, gesture: gestures.Add(1), lead: p.card,
			ids: b.sel.InOrder(bd)}
	default:
		b.drag = drag{mode: dragBand, from: start, to: start}
		if p.mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
			b.drag.base = b.sel.Set()
		} else {
			b.drag.base = map[uuid.UUID]bool{}
		}
	}
}

// bandSelect selects the cards touching the rubber band (added to those
// selected before, when Shift or Ctrl was held).
func (b *BoardWidget) bandSelect() {
	bd := b.board()
	if bd == nil {
		return
	}
	f, t := b.drag.from, b.drag.to
	p0 := b.toBoard(fyne.NewPos(min(f.X, t.X), min(f.Y, t.Y)))
	p1 := b.toBoard(fyne.NewPos(max(f.X, t.X), max(f.Y, t.Y)))
	band := canvas.Rect{X: p0.X, Y: p0.Y, W: p1.X - p0.X, H: p1.Y - p0.Y}
	next := cloneSet(b.drag.base)
	for _, c := range bd.Cards {
		if c.Rect().Intersects(band) {
			next[c.ID] = true
		}
	}
	b.setSelection(next)
	if b.r != nil {
		b.r.showBand(&f, &t)
	}
}

// DragEnd implements fyne.Draggable. A moved selection snaps to the grid:
// the grabbed card lands on a grid point and the others keep their places
// relative to it, all in the same undo step as the drag.
func (b *BoardWidget) DragEnd() {
	d := b.drag
	b.drag = drag{}
	b.press = press{}
	switch d.mode {
	case dragMove:
		if bd := b.board(); bd != nil {
			if c := bd.Card(d.lead); c != nil {
				dx, dy := snap(c.X)-c.X, snap(c.Y)-c.Y
				if dx != 0 || dy != 0 {
					b.do(&canvas.MoveCards{Board: b.boardID, IDs: d.ids, DX: dx, DY: dy, Gesture: d.gesture, Raise: true})
				}
			}
		}
		b.doc.History.Seal()
	case dragBand:
		if b.r != nil {
			b.r.showBand(nil, nil)
		}
	case dragResize:
		// The size snaps to the grid, as a drop does, in the same step.
		if c := b.board().Card(d.lead); c != nil {
			w, h := resizeLimits(snap(c.W), snap(c.H))
			if w != c.W || h != c.H {
				b.do(&canvas.ResizeCard{Board: b.boardID, ID: c.ID, W: w, H: h, Gesture: d.gesture})
			}
		}
		b.doc.History.Seal()
	}
}

// minCardW and minCardH are the smallest a card is resized to by hand, in
// board units: a line or two of text at the smallest size.
const minCardW, minCardH = 80, 50

// resizeLimits keeps a size between the smallest a hand resize gives and
// the largest a file allows.
func resizeLimits(w, h float64) (float64, float64) {
	return min(max(w, minCardW), canvas.MaxCardSize), min(max(h, minCardH), canvas.MaxCardSize)
}

// handleAt returns the selected card whose resize handle is under pos, the
// topmost when several are, or uuid.Nil.
func (b *BoardWidget) handleAt(pos fyne.Position) uuid.UUID {
	bd := b.board()
	if bd == nil || b.sel.Len() == 0 {
		return uuid.Nil
	}
	const reach = handleSize/2 + 3 // pixels from the corner
	for i := len(bd.Cards) - 1; i >= 0; i-- {
		c := bd.Cards[i]
		if !b.sel.Has(c.ID) {
			continue
		}
		corner := b.toScreen(canvas.Point{X: c.X + c.W, Y: c.Y + c.H})
		if pos.X >= corner.X-reach && pos.X <= corner.X+reach && pos.Y >= corner.Y-reach && pos.Y <= corner.Y+reach {
			return c.ID
		}
	}
	return uuid.Nil
}

// resizeTo resizes the card grabbed by its handle so that its corner
// follows the pointer at pos.
func (b *BoardWidget) resizeTo(pos fyne.Position) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := bd.Card(b.drag.lead)
	if c == nil {
		return
	}
	d := pos.Subtract(b.drag.from)
	dx, dy := b.view.ScreenDelta(fyne.NewDelta(d.X, d.Y))
	w, h := resizeLimits(b.drag.w0+dx, b.drag.h0+dy)
	if w != c.W || h != c.H {
		b.do(&canvas.ResizeCard{Board: b.boardID, ID: c.ID, W: w, H: h, Gesture: b.drag.gesture})
	}
}

// Scrolled implements fyne.Scrollable: the wheel zooms around the pointer,
// one zoom step per notch; a sideways scroll pans. A notch is 10 on macOS
// and 25 elsewhere, and faster spins are scaled up, so any event of a
// notch or more is one step; a trackpad's small deltas add up to one.
func (b *BoardWidget) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DX != 0 {
		b.panBy(e.Scrolled.DX, 0)
	}
	const notch = 10
	dy := e.Scrolled.DY
	if dy >= notch || dy <= -notch {
		b.scrollAcc = 0
	} else {
		b.scrollAcc += dy
		if b.scrollAcc > -notch && b.scrollAcc < notch {
			return
		}
		dy, b.scrollAcc = b.scrollAcc, 0
	}
	if dy > 0 {
		b.zoomAt(nextZoom(b.Zoom(), 1), e.Position)
	} else {
		b.zoomAt(nextZoom(b.Zoom(), -1), e.Position)
	}
}

// MouseIn implements desktop.Hoverable.
func (b *BoardWidget) MouseIn(e *desktop.MouseEvent) {
	b.pointer, b.pointerIn = e.Position, true
}

// MouseMoved implements desktop.Hoverable.
func (b *BoardWidget) MouseMoved(e *desktop.MouseEvent) {
	b.pointer, b.pointerIn = e.Position, true
}

// MouseOut implements desktop.Hoverable.
func (b *BoardWidget) MouseOut() { b.pointerIn = false }

// FocusGained implements fyne.Focusable.
func (b *BoardWidget) FocusGained() {}

// FocusLost implements fyne.Focusable: modifier keys released elsewhere
// are not seen, so forget them.
func (b *BoardWidget) FocusLost() { b.keys = keyState{} }

// TypedRune implements fyne.Focusable: N starts a new card. (A rune, not a
// key: the key event comes first, so handling N there would type the "n"
// into the new card's editor.)
func (b *BoardWidget) TypedRune(r rune) {
	if r == 'n' || r == 'N' {
		b.NewCard()
	}
}

// TypedKey implements fyne.Focusable.
func (b *BoardWidget) TypedKey(e *fyne.KeyEvent) {
	step := float64(gridStep)
	if b.keys.shift || b.modifiers()&fyne.KeyModifierShift != 0 {
		step = 5 * gridStep
	}
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		b.EditSelection()
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.DeleteSelection()
	case fyne.KeyLeft:
		b.nudge(-step, 0)
	case fyne.KeyRight:
		b.nudge(step, 0)
	case fyne.KeyUp:
		b.nudge(0, -step)
	case fyne.KeyDown:
		b.nudge(0, step)
	case fyne.KeyEscape:
		b.Select()
	}
}

// KeyDown implements desktop.Keyable: it tracks Space (held to pan) and
// the modifiers.
func (b *BoardWidget) KeyDown(e *fyne.KeyEvent) { b.setKey(e.Name, true) }

// KeyUp implements desktop.Keyable.
func (b *BoardWidget) KeyUp(e *fyne.KeyEvent) { b.setKey(e.Name, false) }

func (b *BoardWidget) setKey(k fyne.KeyName, down bool) {
	switch k {
	case fyne.KeySpace:
		b.keys.space = down
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		b.keys.shift = down
	case desktop.KeyControlLeft, desktop.KeyControlRight, desktop.KeySuperLeft, desktop.KeySuperRight:
		b.keys.ctrl = down
	}
}

// TypedShortcut implements fyne.Shortcutable. While the board has the
// focus the driver gives it the shortcuts instead of the window's canvas,
// so each one runs exactly once, here; the ones the board does not know go
// on to the canvas.
func (b *BoardWidget) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		b.Copy()
	case *fyne.ShortcutCut:
		b.Cut()
	case *fyne.ShortcutPaste:
		b.Paste()
	case *fyne.ShortcutSelectAll:
		b.SelectAll()
	case *fyne.ShortcutUndo:
		b.Undo()
	case *fyne.ShortcutRedo:
		b.Redo()
	case *desktop.CustomShortcut:
		if !b.customShortcut(s) {
			b.forwardShortcut(s)
		}
	default:
		b.forwardShortcut(s)
	}
}

func (b *BoardWidget) customShortcut(s *desktop.CustomShortcut) bool {
	ctrl := s.Modifier == fyne.KeyModifierControl || s.Modifier == fyne.KeyModifierSuper
	ctrlShift := s.Modifier == fyne.KeyModifierControl|fyne.KeyModifierShift ||
		s.Modifier == fyne.KeyModifierSuper|fyne.KeyModifierShift
	switch {
	case ctrl && s.KeyName == fyne.KeyD:
		b.Duplicate()
	case ctrlShift && s.KeyName == fyne.KeyZ:
		b.Redo()
	case (ctrl || ctrlShift) && (s.KeyName == fyne.KeyEqual || s.KeyName == fyne.KeyPlus):
		b.ZoomIn()
	case ctrl && s.KeyName == fyne.KeyMinus:
		b.ZoomOut()
	case ctrl && s.KeyName == fyne.Key0:
		b.ZoomFit()
	case ctrl && s.KeyName == fyne.Key1:
		b.Zoom100()
	default:
		return false
	}
	return true
}

// forwardShortcut hands a shortcut the board does not handle to the
// canvas, where the window registered it.
func (b *BoardWidget) forwardShortcut(s fyne.Shortcut) {
	if c, ok := b.canvasOf().(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}
