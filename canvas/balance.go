package canvas

import "slices"

// Balance weighs the cards of b by its template's balance: the sum of the
// strengths of the cards whose kind is towards, and of those whose kind is
// against. A card not given a strength yet counts 1, the faintest force:
// a force put on the wall weighs something before anyone scores it. ok is
// false when b's template has no balance.
func Balance(b *Board) (towards, against int, ok bool) {
	bal := b.TemplateOf().Balance
	if bal == nil {
		return 0, 0, false
	}
	for _, c := range b.Cards {
		w := 1
		if r, ok := c.Rank(); ok {
			w = r
		}
		switch {
		case slices.Contains(bal.Towards, c.Kind):
			towards += w
		case slices.Contains(bal.Against, c.Kind):
			against += w
		}
	}
	return towards, against, true
}

// Leaning says which way a balance tips.
type Leaning int

const (
	LeansBalanced Leaning = iota
	LeansTowards
	LeansAgainst
)

// Lean is the way towards against against tips.
func Lean(towards, against int) Leaning {
	switch {
	case towards > against:
		return LeansTowards
	case against > towards:
		return LeansAgainst
	}
	return LeansBalanced
}
