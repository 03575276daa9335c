package board

import (
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Fit links are made in two ways: dragging from a selected card's link
// handle (a ring on its right edge) to another card, or selecting two
// cards and pressing L. Either way canvas.NewLink decides; a refusal says
// why in the words people use ("A pain reliever links to a pain, not to a
// gain"), in a notice at the foot of the board that goes by itself: no
// error dialog to click away in front of the room.

// linkReach is how far from a link's line, in pixels, a right-click still
// finds it.
const linkReach = 6

// LinkMode is which links the board shows.
func (b *Widget) LinkMode() render.LinkMode { return b.linkMode }

// SetLinkMode shows every link (fully while one of its cards is selected,
// faintly otherwise), only those of the selected cards, or none.
func (b *Widget) SetLinkMode(m render.LinkMode) {
	if b.linkMode == m {
		return
	}
	b.linkMode = m
	if b.r != nil {
		b.r.view.SetLinks(m, true)
		b.r.layoutView()
	}
}

// LinkSelection links the two selected cards, as L does.
func (b *Widget) LinkSelection() {
	if b.Editing() {
		return
	}
	ids := b.Selection()
	if len(ids) != 2 {
		b.say(fmt.Sprintf("Select two cards to link them (%d selected)", len(ids)))
		return
	}
	b.linkCards(ids[0], ids[1])
}

// linkCards joins two cards of the board with a strong link, reporting a
// refusal with its reason.
func (b *Widget) linkCards(a, c uuid.UUID) bool {
	bd := b.board()
	if bd == nil {
		return false
	}
	ca, cc := bd.Card(a), bd.Card(c)
	if ca == nil || cc == nil {
		return false
	}
	l, err := canvas.NewLink(ca, cc, canvas.StrengthStrong)
	if err != nil {
		b.say(err.Error())
		return false
	}
	if bd.HasLink(l) {
		b.say(fmt.Sprintf("“%s” and “%s” are already linked", short(ca.Text), short(cc.Text)))
		return false
	}
	return b.do(&canvas.AddLink{Board: b.boardID, Link: l})
}

// short is a card's text cut to a few words for a message.
func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// linkHandleAt returns the selected card whose link handle is under pos,
// the topmost when several are, or uuid.Nil.
func (b *Widget) linkHandleAt(pos fyne.Position) uuid.UUID {
	bd := b.board()
	if bd == nil || b.sel.Len() == 0 {
		return uuid.Nil
	}
	const reach = render.LinkHandleSize/2 + 3
	for i := len(bd.Cards) - 1; i >= 0; i-- {
		c := bd.Cards[i]
		if !b.sel.Has(c.ID) || !render.LinkableKind(c.Kind) {
			continue
		}
		p := b.view.ToScreen(canvas.Point{X: c.X + c.W, Y: c.Y + c.H/2})
		p.X += 2 // on the selection outline
		if dx, dy := pos.X-p.X, pos.Y-p.Y; dx*dx+dy*dy <= reach*reach {
			return c.ID
		}
	}
	return uuid.Nil
}

// startLinkDrag begins drawing a link from card id's handle.
func (b *Widget) startLinkDrag(id uuid.UUID, at fyne.Position) {
	b.drag = drag{mode: dragLink, lead: id, from: at, to: at}
	b.showRubberLine()
}

// linkDragTo follows the pointer while a link is drawn.
func (b *Widget) linkDragTo(pos fyne.Position) {
	b.drag.to = pos
	b.showRubberLine()
}

// endLinkDrag links the card the drag began on to the card under the
// pointer, if any.
func (b *Widget) endLinkDrag(d drag) {
	if b.r != nil {
		b.r.showRubber(nil, nil, false)
	}
	bd := b.board()
	if bd == nil {
		return
	}
	target := bd.CardAt(b.view.ToBoard(d.to))
	if target == nil || target.ID == d.lead {
		return // dropped on nothing: nothing happens
	}
	b.linkCards(d.lead, target.ID)
}

// showRubberLine draws the link being made from the grabbed card to the
// pointer, in the selection's colour while the card under the pointer
// would take it and in the error's colour when it would not.
func (b *Widget) showRubberLine() {
	bd := b.board()
	if b.r == nil || bd == nil {
		return
	}
	from := bd.Card(b.drag.lead)
	if from == nil {
		return
	}
	start := b.view.ToScreen(canvas.Point{X: from.X + from.W, Y: from.Y + from.H/2}).AddXY(2, 0) // the handle
	ok := true
	if to := bd.CardAt(b.view.ToBoard(b.drag.to)); to != nil && to.ID != from.ID {
		ok = canvas.CanLink(from, to) == nil
	}
	end := b.drag.to
	b.r.showRubber(&start, &end, ok)
}

// linkAt returns the index of the board's link drawn under pos.
func (b *Widget) linkAt(pos fyne.Position) (int, bool) {
	if b.r == nil {
		return -1, false
	}
	return b.r.view.LinkAt(pos, linkReach)
}

// linkMenu is the context menu of a link: its strength, and removing it.
func (m menus) linkMenu(l canvas.Link) *fyne.Menu {
	b := m.b
	var strengths []*fyne.MenuItem
	for _, s := range canvas.Strengths {
		it := fyne.NewMenuItem(s.Label(), func() { m.setStrength(l, s) })
		it.Checked = s == l.Strength || (l.Strength == "" && s == canvas.StrengthStrong)
		strengths = append(strengths, it)
	}
	strength := fyne.NewMenuItem("Strength", nil)
	strength.ChildMenu = fyne.NewMenu("", strengths...)
	return fyne.NewMenu("", strength, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Remove link", func() { b.do(&canvas.RemoveLink{Board: b.boardID, Link: l}) }))
}

// setStrength changes how strongly a link's value-map card addresses the
// other.
func (m menus) setStrength(l canvas.Link, s canvas.Strength) {
	if l.Strength == s {
		return
	}
	m.b.do(&canvas.SetLinkStrength{Board: m.b.boardID, From: l.From, To: l.To, Strength: s})
}
