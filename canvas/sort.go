package canvas

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/google/uuid"
)

// RankScore is the number a card is sorted by in its zone, highest first:
// a pain's severity, a gain's relevance, a force's strength, an outcome's
// opportunity, a job's importance. ok is false for a card not scored yet and for kinds that
// have no score.
func (c *Card) RankScore() (score float64, ok bool) {
	switch c.Kind {
	case KindPain, KindGain, KindForcePush, KindForcePull, KindForceAnxiety, KindForceHabit:
		r, ok := c.Rank()
		return float64(r), ok
	case KindOutcome:
		return c.Opportunity()
	case KindJob:
		if c.Importance != nil {
			return *c.Importance, true
		}
	}
	return 0, false
}

// Band is the horizontal extent of z at height y (x0 == x1 where z has
// none): the whole rectangle, or the chord of its circle.
func (z *Zone) Band(y float64) (x0, x1 float64) {
	x0, x1 = z.Rect.X, z.Rect.X+z.Rect.W
	if y < z.Rect.Y || y > z.Rect.Y+z.Rect.H {
		return x0, x0
	}
	if c := z.Circle; c != nil {
		dy := y - c.CY
		if math.Abs(dy) >= c.R {
			return x0, x0
		}
		half := math.Sqrt(c.R*c.R - dy*dy)
		x0, x1 = max(x0, c.CX-half), min(x1, c.CX+half)
	}
	return x0, max(x0, x1)
}

// The room a sorted zone leaves around its cards, in board units.
const (
	sortGap    = 20  // between cards, and between cards and the zone's edge
	labelBlock = 150 // the height the board looks for to put a zone's label in
	labelNeed  = 360 // the width the label and question want
	labelText  = 130 // the height they take: the label and three lines of question
	rowSearch  = 10  // the step down to a row where a card fits
	rowLabel   = 100 // a job map row's label and question
	rowLabelQ  = 50  // a job map row's label alone
	minPitch   = 24  // a card overlapped by the next still shows a line of text
)

// cardArea is the part of z, a zone of b, where sorted cards go, from top
// to bottom, less the band [labelTop, labelBottom) its label and question
// take as app/render's zoneLabel draws them (keep the two in step): at the
// top or the bottom, or in a segment of a circle, the first place from
// there wide enough for them (halfway down the narrow jobs segment).
func (b *Board) cardArea(z *Zone) (top, bottom, labelTop, labelBottom float64) {
	r := z.Rect
	top, bottom = r.Y+sortGap, r.Y+r.H-sortGap
	if z.Row != "" {
		// The first column's rows show their question, the others their
		// label only.
		h := float64(rowLabelQ)
		if len(b.Steps) > 0 && b.Steps[0].ID == z.Step {
			h = rowLabel
		}
		return top, bottom, r.Y, r.Y + h
	}
	y, step := r.Y+24, 10.0
	if z.Place == PlaceBottom {
		y, step = r.Y+r.H-24-labelBlock, -10
	}
	if z.Circle != nil {
		for ; y < r.Y+r.H-labelBlock && y > r.Y; y += step {
			a0, a1 := z.Band(y)
			b0, b1 := z.Band(y + labelBlock)
			if min(a1, b1)-max(a0, b0) >= labelNeed {
				break
			}
		}
	}
	return top, bottom, y - sortGap, y + labelText
}

// How much of a card sortSlots keeps inside a zone.
const (
	fitWhole  = iota // the whole card
	fitCentre        // the middle of its top and bottom edges; maybe over a circle's side
	fitAny           // its centre, the card maybe wider than the zone
)

// sortSlots returns n top-left corners for cards of cellW × cellH in z, in
// reading order: a grid centred row by row in the zone's shape, around its
// label. When whole cards do not fit, cards may reach over the edge of a
// zone's circle (as people put them on the value proposition canvas's
// narrow jobs segment); then the rows move closer, so that each card
// overlaps the one above and leaves its first lines showing; then the
// columns. Each centre lies in z, so no card changes zone or kind. ok is
// false only when z has no room for even one card's centre.
func (b *Board) sortSlots(z *Zone, n int, cellW, cellH float64) (slots []Point, ok bool) {
	top, bottom, lt, lb := b.cardArea(z)
	r := z.Rect
	layout := func(px, py float64, fit int) []Point {
		var out []Point
		for y := top; len(out) < n && y+cellH <= bottom; {
			if y < lb && y+cellH > lt { // the label's band: go on below it
				y = lb
				continue
			}
			// l0 … l1 is where the left edge of a card may go.
			var l0, l1 float64
			if fit == fitWhole {
				// A circle's chord is narrowest at the edge farthest
				// from its centre: the band at the card's top and bottom
				// edges holds the whole card.
				a0, a1 := z.Band(y)
				b0, b1 := z.Band(y + cellH)
				l0, l1 = max(a0, b0)+sortGap, min(a1, b1)-sortGap-cellW
			} else {
				// The middle of the card's top and bottom edges in the
				// zone: it may reach over the circle's side, not its top.
				a0, a1 := z.Band(y)
				b0, b1 := z.Band(y + cellH)
				c0, c1 := max(a0, b0), min(a1, b1)
				l0 = max(r.X+sortGap, c0+sortGap-cellW/2)
				l1 = min(r.X+r.W-sortGap-cellW, c1-sortGap-cellW/2)
				if l1 < l0 && fit == fitAny && c1-c0 > 2*sortGap {
					mid := (c0 + c1) / 2
					l0, l1 = mid-cellW/2, mid-cellW/2
				}
			}
			if l1 < l0 { // too narrow here (a circle's top): a little lower
				y += rowSearch
				continue
			}
			k := min(int((l1-l0)/px)+1, n-len(out))
			x := l0 + (l1-l0-float64(k-1)*px)/2
			for i := range k {
				out = append(out, Point{x + float64(i)*px, y})
			}
			y += py
		}
		return out
	}
	fullX, fullY := cellW+sortGap, cellH+sortGap
	slots = layout(fullX, fullY, fitWhole)
	if len(slots) < n {
		slots = layout(fullX, fullY, fitCentre)
	}
	for py := fullY; len(slots) < n && py > minPitch; {
		py = max(py*0.9, minPitch)
		slots = layout(fullX, py, fitCentre)
	}
	for px := fullX; len(slots) < n && px > minPitch; {
		px = max(px*0.9, minPitch)
		slots = layout(px, minPitch, fitCentre)
	}
	if len(slots) < n {
		slots = layout(minPitch, minPitch, fitAny)
	}
	if len(slots) == 0 {
		return nil, false
	}
	for len(slots) < n { // thousands of cards in one zone: the rest stack
		slots = append(slots, slots[len(slots)-1])
	}
	return slots, true
}

// readingOrder sorts cards as a person reads a wall: rows top to bottom,
// each left to right. A card is in the row of the first card above it
// when its centre is within half that card's height of the row's.
func readingOrder(cards []*Card) []*Card {
	out := slices.Clone(cards)
	slices.SortStableFunc(out, func(a, b *Card) int { return cmp.Compare(a.Center().Y, b.Center().Y) })
	for i := 0; i < len(out); {
		first := out[i].Center().Y + out[i].H/2
		j := i + 1
		for j < len(out) && out[j].Center().Y < first {
			j++
		}
		slices.SortStableFunc(out[i:j], func(a, b *Card) int { return cmp.Compare(a.Center().X, b.Center().X) })
		i = j
	}
	return out
}

// SortZone makes the edit that sorts a zone by rank: the cards whose
// centre is in the zone with that id (or in any row of the job map step
// with that id) are laid out in a tidy grid inside it, in reading order,
// highest RankScore first, unscored last, ties kept in their present
// reading order. They are drawn in that order too, so where a crowded
// zone makes cards overlap, each shows its first lines. One undo step.
func SortZone(p *Project, boardID uuid.UUID, zone string) (Edit, error) {
	b, err := board(p, boardID)
	if err != nil {
		return nil, err
	}
	var zones []Zone
	all := b.Zones()
	if z, ok := b.Zone(zone); ok {
		zones = []Zone{z}
	} else if b.StepIndex(zone) >= 0 {
		for _, z := range all {
			if z.Step == zone {
				zones = append(zones, z)
			}
		}
	} else {
		return nil, fmt.Errorf("zone %q: %w", zone, ErrNotFound)
	}
	in := map[string][]*Card{}
	for _, c := range b.Cards {
		if id := zoneAt(all, c.Center()); id != "" {
			in[id] = append(in[id], c)
		}
	}
	e := &ArrangeCards{Board: boardID, Label: "Sort by rank"}
	for i := range zones {
		z := &zones[i]
		cards := readingOrder(in[z.ID])
		if len(cards) == 0 {
			continue
		}
		slices.SortStableFunc(cards, func(a, b *Card) int {
			sa, oka := a.RankScore()
			sb, okb := b.RankScore()
			switch {
			case oka != okb:
				if oka {
					return -1
				}
				return 1
			case !oka:
				return 0
			}
			return cmp.Compare(sb, sa)
		})
		var cellW, cellH float64
		for _, c := range cards {
			cellW, cellH = max(cellW, c.W), max(cellH, c.H)
		}
		slots, ok := b.sortSlots(z, len(cards), cellW, cellH)
		if !ok {
			return nil, fmt.Errorf("%s is too small to lay its cards out", zoneName(z))
		}
		for i, c := range cards {
			at := Point{slots[i].X + (cellW-c.W)/2, slots[i].Y}
			if zoneAt(all, Rect{at.X, at.Y, c.W, c.H}.Center()) != z.ID {
				// Only a zone smaller than a card gets here.
				return nil, fmt.Errorf("%s is too small to lay its cards out", zoneName(z))
			}
			e.IDs = append(e.IDs, c.ID)
			e.At = append(e.At, at)
		}
	}
	if len(e.IDs) == 0 {
		if len(zones) == 1 {
			return nil, fmt.Errorf("%s holds no card to sort", zoneName(&zones[0]))
		}
		return nil, fmt.Errorf("this step holds no card to sort")
	}
	return e, nil
}

func zoneName(z *Zone) string {
	if z.Label != "" {
		return z.Label
	}
	return "the zone"
}

// zoneAt is the id of the first of zones that holds pt, or "".
func zoneAt(zones []Zone, pt Point) string {
	for i := range zones {
		if zones[i].Contains(pt) {
			return zones[i].ID
		}
	}
	return ""
}

// ArrangeCards puts cards at new places (top-left corners) as one undo
// step, and draws them in the order given, each in a place in the drawing
// order one of them held: the layout of a sorted zone.
type ArrangeCards struct {
	Board uuid.UUID
	IDs   []uuid.UUID
	At    []Point // top-left corners, one for each of IDs
	Label string  // defaults to "Arrange cards"

	from  []Card
	order []*Card
}

func (e *ArrangeCards) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return "Arrange cards"
}

func (e *ArrangeCards) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if len(e.At) != len(e.IDs) {
		return fmt.Errorf("%d places for %d cards", len(e.At), len(e.IDs))
	}
	set, err := cardSet(b, e.IDs)
	if err != nil {
		return err
	}
	if len(set) != len(e.IDs) {
		return fmt.Errorf("a card is arranged twice")
	}
	cards := make([]*Card, len(e.IDs))
	for i, id := range e.IDs {
		cards[i] = b.Card(id)
		if at := e.At[i]; math.IsNaN(at.X) || math.IsNaN(at.Y) || math.Abs(at.X) > MaxCoordinate || math.Abs(at.Y) > MaxCoordinate {
			return fmt.Errorf("card %s would leave the board", id)
		}
	}
	e.order = slices.Clone(b.Cards)
	e.from = make([]Card, len(cards))
	for i, c := range cards {
		e.from[i] = placement(c)
		c.X, c.Y = e.At[i].X, e.At[i].Y
		b.placeCard(c)
	}
	next := 0
	for i, c := range b.Cards {
		if set[c.ID] {
			b.Cards[i] = cards[next]
			next++
		}
	}
	return nil
}

func (e *ArrangeCards) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	cards := make([]*Card, len(e.IDs))
	for i, id := range e.IDs {
		if cards[i] = b.Card(id); cards[i] == nil {
			return fmt.Errorf("card %s: %w", id, ErrNotFound)
		}
	}
	setPlacements(cards, e.from)
	b.Cards = slices.Clone(e.order)
	return nil
}

// BoardID implements BoardEdit.
func (e *ArrangeCards) BoardID() uuid.UUID { return e.Board }
