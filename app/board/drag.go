package board

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

type dragMode int

const (
	dragNone dragMode = iota
	dragMove
	dragBand
	dragPan
	dragResize
	dragLink          // a link drawn from a card's handle
	dragCluster       // a cluster moved by its title bar, with its cards
	dragClusterResize // a cluster resized by its corner
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

// Dragged implements fyne.Draggable. The first event of a drag decides
// what it does, from the button pressed and what was under it.
func (b *Widget) Dragged(e *fyne.DragEvent) {
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
	case dragLink:
		b.linkDragTo(e.Position)
	case dragCluster:
		b.moveClusterBy(e.Dragged)
	case dragClusterResize:
		b.resizeClusterTo(e.Position)
	}
}

func (b *Widget) startDrag(start fyne.Position) {
	b.CommitEdit()
	bd := b.board()
	if bd == nil {
		return
	}
	p := b.press
	if !p.active { // no press seen (a test, a touch screen): as a primary press
		p = press{active: true, button: desktop.MouseButtonPrimary, mods: b.modifiers()}
		if c := bd.CardAt(b.view.ToBoard(start)); c != nil {
			p.card = c.ID
		}
		if id := b.handleAt(start); id != uuid.Nil && !b.panning(p.button) {
			p.card, p.resize = id, true
		} else if id := b.linkHandleAt(start); id != uuid.Nil && !b.panning(p.button) {
			p.card, p.link = id, true
		} else if !b.panning(p.button) {
			b.selectFor(p.card, p.mods, false)
		}
		b.press = p
	}
	switch {
	case b.panning(p.button):
		b.drag = drag{mode: dragPan}
	case p.link && bd.Card(p.card) != nil:
		b.startLinkDrag(p.card, start)
	case p.resize && bd.Card(p.card) != nil:
		c := bd.Card(p.card)
		b.drag = drag{mode: dragResize, gesture: gestures.Add(1), lead: c.ID, from: start, w0: c.W, h0: c.H}
	case p.card == uuid.Nil && b.startClusterDrag(start):
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
func (b *Widget) bandSelect() {
	bd := b.board()
	if bd == nil {
		return
	}
	f, t := b.drag.from, b.drag.to
	p0 := b.view.ToBoard(fyne.NewPos(min(f.X, t.X), min(f.Y, t.Y)))
	p1 := b.view.ToBoard(fyne.NewPos(max(f.X, t.X), max(f.Y, t.Y)))
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
func (b *Widget) DragEnd() {
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
	case dragLink:
		b.endLinkDrag(d)
	case dragCluster, dragClusterResize:
		b.endClusterDrag(d)
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
func (b *Widget) handleAt(pos fyne.Position) uuid.UUID {
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
		corner := b.view.ToScreen(canvas.Point{X: c.X + c.W, Y: c.Y + c.H})
		if pos.X >= corner.X-reach && pos.X <= corner.X+reach && pos.Y >= corner.Y-reach && pos.Y <= corner.Y+reach {
			return c.ID
		}
	}
	return uuid.Nil
}

// resizeTo resizes the card grabbed by its handle so that its corner
// follows the pointer at pos.
func (b *Widget) resizeTo(pos fyne.Position) {
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

// gestures numbers drag gestures for every board, so that the moves of one
// drag coalesce into one undo step and those of two drags never do.
var gestures atomic.Uint64
