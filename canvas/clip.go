package canvas

import "github.com/google/uuid"

// Clip is a copy of some cards and the links among them, taken from one
// board and pasted onto any board of the project.
type Clip struct {
	Cards []Card
	Links []Link
}

// Copy takes the cards with those ids (in drawing order) and the links
// between them.
func (b *Board) Copy(ids []uuid.UUID) Clip {
	want := map[uuid.UUID]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var clip Clip
	for _, c := range b.Cards {
		if want[c.ID] {
			clip.Cards = append(clip.Cards, c.Clone())
		}
	}
	for _, l := range b.Links {
		if want[l.From] && want[l.To] {
			clip.Links = append(clip.Links, l)
		}
	}
	return clip
}

// Empty reports whether the clip holds no card.
func (c Clip) Empty() bool { return len(c.Cards) == 0 }

// Bounds is the smallest rectangle holding the clip's cards.
func (c Clip) Bounds() Rect {
	var r Rect
	for i := range c.Cards {
		r = r.Union(c.Cards[i].Rect())
	}
	return r
}

// Paste makes the edit that adds the clip's cards to a board, with fresh ids
// and moved by (dx, dy), so pasting twice gives two copies.
func (c Clip) Paste(board uuid.UUID, dx, dy float64, label string) *AddCards {
	ids := make(map[uuid.UUID]uuid.UUID, len(c.Cards))
	e := &AddCards{Board: board, Label: label}
	for _, card := range c.Cards {
		n := card.Clone()
		n.ID = uuid.New()
		ids[card.ID] = n.ID
		n.X += dx
		n.Y += dy
		e.Cards = append(e.Cards, n)
	}
	for _, l := range c.Links {
		e.Links = append(e.Links, Link{From: ids[l.From], To: ids[l.To], Strength: l.Strength})
	}
	return e
}
