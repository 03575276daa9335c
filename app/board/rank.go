package board

import (
	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// RankSelection sets the rank of the selected pains (their severity),
// gains (their relevance) and forces of progress (their strength) to n,
// 1–5; 0 clears it. Cards of other kinds are left as they are, and so is
// a selection with no card that takes a rank:
// the keys 1–5 mean nothing there. One undo step for all the cards.
func (b *Widget) RankSelection(n int) {
	if b.Editing() || n < 0 || n > 5 {
		return
	}
	bd := b.board()
	if bd == nil {
		return
	}
	var ids []uuid.UUID
	pains, gains, forces := false, false, false
	for _, id := range b.Selection() {
		c := bd.Card(id)
		if c == nil || !takesRank(c) {
			continue
		}
		if r, ok := c.Rank(); (ok && r == n) || (!ok && n == 0) {
			continue // already so: no undo step that changes nothing
		}
		ids = append(ids, id)
		pains = pains || c.Kind == canvas.KindPain
		gains = gains || c.Kind == canvas.KindGain
		forces = forces || c.Kind.Applies(canvas.FieldStrength)
	}
	if len(ids) == 0 {
		return
	}
	label := "Set rank"
	switch {
	case pains && !gains && !forces:
		label = "Set severity"
	case gains && !pains && !forces:
		label = "Set relevance"
	case forces && !pains && !gains:
		label = "Set strength"
	}
	if n == 0 {
		label = "Clear " + label[len("Set "):]
	}
	b.changeCards(ids, label, func(c *canvas.Card) {
		var v *int
		if n > 0 {
			v = &n
		}
		switch c.Kind {
		case canvas.KindPain:
			c.Severity = v
		case canvas.KindGain:
			c.Relevance = v
		default:
			if c.Kind.Applies(canvas.FieldStrength) {
				c.ForceStrength = v
			}
		}
	})
}

// takesRank reports whether c is ranked 1–5 by the keys: a pain by its
// severity, a gain by its relevance, a force by its strength.
func takesRank(c *canvas.Card) bool {
	return c.Kind.Applies(canvas.FieldSeverity) || c.Kind.Applies(canvas.FieldRelevance) ||
		c.Kind.Applies(canvas.FieldStrength)
}

// sortItem is the menu item that sorts a zone, or a job map step's
// column, by rank; it is disabled when there is nothing to sort there.
func (m menus) sortItem(zone string) *fyne.MenuItem {
	it := fyne.NewMenuItem("Sort by rank", func() { m.b.SortZone(zone) })
	_, err := canvas.SortZone(m.b.doc.Project, m.b.boardID, zone)
	it.Disabled = err != nil
	return it
}

// SortZone lays out the cards of a zone (or of a job map step, by its id)
// in a grid, highest rank first, unscored last: one undo step.
func (b *Widget) SortZone(zone string) {
	e, err := canvas.SortZone(b.doc.Project, b.boardID, zone)
	if err != nil {
		b.report(err)
		return
	}
	b.do(e)
}
