package board

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"
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
	link    bool      // the press is on card's link handle
}

// MouseDown implements desktop.Mouseable: it takes the focus, commits a
// text being edited and selects the card pressed on.
func (b *Widget) MouseDown(e *desktop.MouseEvent) {
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
	if id := b.linkHandleAt(e.Position); id != uuid.Nil && e.Button == desktop.MouseButtonPrimary {
		b.press.card, b.press.link = id, true
		return
	}
	if e.Button == desktop.MouseButtonPrimary || e.Button == desktop.MouseButtonSecondary {
		b.press.toggled = b.selectFor(b.press.card, e.Modifier, e.Button == desktop.MouseButtonSecondary)
	}
}

// panning reports whether a press of button drags the view: the middle
// button, or any while Space is held.
func (b *Widget) panning(button desktop.MouseButton) bool {
	return button == desktop.MouseButtonTertiary || b.keys.space
}

// pointerDown is how a press or a tap begins: the board takes the focus,
// a text being typed is committed, and the card under pos is found
// (uuid.Nil on empty space); ok is false once the board is gone.
func (b *Widget) pointerDown(pos fyne.Position) (card uuid.UUID, ok bool) {
	b.hideNotice()
	b.focus(b)
	b.CommitEdit()
	b.pointer = pos
	bd := b.board()
	if bd == nil {
		return uuid.Nil, false
	}
	if c := bd.CardAt(b.view.ToBoard(pos)); c != nil {
		return c.ID, true
	}
	return uuid.Nil, true
}

// selectFor updates the selection for a click on card (uuid.Nil: empty
// space) and reports whether it toggled the card.
func (b *Widget) selectFor(card uuid.UUID, mods fyne.KeyModifier, secondary bool) bool {
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
func (b *Widget) MouseUp(e *desktop.MouseEvent) {
	p := b.press
	b.press.active = false
	if !p.active || p.resize || p.link || b.drag.mode != dragNone || e.Button != desktop.MouseButtonPrimary {
		return
	}
	if p.card != uuid.Nil && !p.toggled && b.sel.Len() > 1 && b.sel.Has(p.card) {
		b.Select(p.card)
	}
}

// Tapped implements fyne.Tappable. A real click was handled when pressed;
// a tap with no press before it (a touch screen, a test) selects here.
func (b *Widget) Tapped(e *fyne.PointEvent) {
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
func (b *Widget) DoubleTapped(e *fyne.PointEvent) {
	b.press.handled = false
	bd := b.board()
	if bd == nil {
		return
	}
	p := b.view.ToBoard(e.Position)
	if c := bd.CardAt(p); c != nil {
		b.Select(c.ID)
		b.editCard(c.ID)
		return
	}
	if i, ok := stepHeaderAt(bd, p); ok {
		b.renameStep(bd.Steps[i].ID)
		return
	}
	if k, ok := clusterTitleAt(bd, p); ok {
		b.renameCluster(k.ID)
		return
	}
	b.startNewCard(p)
}

// TappedSecondary implements fyne.SecondaryTappable: the context menu of
// the cards, link, step header or board under the pointer.
func (b *Widget) TappedSecondary(e *fyne.PointEvent) {
	b.press = press{}
	b.CommitEdit()
	c := b.canvasOf()
	if c == nil {
		return
	}
	if menu := b.contextMenu(e.Position); menu != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, e.AbsolutePosition)
	}
}

// contextMenu is the menu of what is under pos: the cards (selecting the
// one pressed on first), a link, a step header or the board's space.
func (b *Widget) contextMenu(pos fyne.Position) *fyne.Menu {
	bd := b.board()
	if bd == nil {
		return nil
	}
	p := b.view.ToBoard(pos)
	if card := bd.CardAt(p); card != nil {
		if !b.sel.Has(card.ID) {
			b.Select(card.ID)
		}
		return b.menus().cardMenu(b.Selection())
	}
	if i, ok := b.linkAt(pos); ok && i < len(bd.Links) {
		return b.menus().linkMenu(bd.Links[i])
	}
	if i, ok := stepHeaderAt(bd, p); ok {
		return b.menus().stepMenu(bd.Steps[i].ID)
	}
	if k, ok := bd.ClusterAt(p); ok {
		return b.menus().clusterMenu(k.ID, p)
	}
	return b.menus().boardMenu(p)
}

// Scrolled implements fyne.Scrollable: the wheel zooms around the pointer,
// one zoom step per notch; a sideways scroll pans.
func (b *Widget) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DX != 0 {
		b.panBy(e.Scrolled.DX, 0)
	}
	if dir := b.wheel.step(e.Scrolled.DY); dir != 0 {
		b.zoomAt(nextZoom(b.Zoom(), dir), e.Position)
	}
}

// wheel turns the scroll wheel's vertical moves into zoom steps. A notch
// is 10 on macOS and 25 elsewhere, and faster spins are scaled up, so any
// move of a notch or more is one step; a trackpad's small moves add up
// to one.
type wheel struct{ acc float32 }

// step is the zoom step of a move of dy: 1 in, -1 out or 0, none yet.
func (w *wheel) step(dy float32) int {
	const notch = 10
	if dy >= notch || dy <= -notch {
		w.acc = 0
	} else {
		w.acc += dy
		if w.acc > -notch && w.acc < notch {
			return 0
		}
		dy, w.acc = w.acc, 0
	}
	if dy > 0 {
		return 1
	}
	return -1
}

// MouseIn implements desktop.Hoverable.
func (b *Widget) MouseIn(e *desktop.MouseEvent) {
	b.pointer, b.pointerIn = e.Position, true
}

// MouseMoved implements desktop.Hoverable.
func (b *Widget) MouseMoved(e *desktop.MouseEvent) {
	b.pointer, b.pointerIn = e.Position, true
}

// MouseOut implements desktop.Hoverable.
func (b *Widget) MouseOut() { b.pointerIn = false }
