package canvas

import (
	"bytes"
	"fmt"

	"github.com/google/uuid"
)

// Link joins two cards of one board: a pain reliever to the pain it
// relieves, a gain creator to a gain, a product to a job (see CanLink).
// From is the value-map card, To the customer-profile card; links have no
// direction otherwise. Strength is "" in files from before it existed,
// which counts as strong.
type Link struct {
	From, To uuid.UUID
	Strength Strength
}

// Joins reports whether l joins the cards a and b, in either order.
func (l Link) Joins(a, b uuid.UUID) bool {
	return (l.From == a && l.To == b) || (l.From == b && l.To == a)
}

// linkKey is a link's pair of cards in a fixed order, to find duplicates
// whatever the order or strength.
type linkKey struct{ a, b uuid.UUID }

func keyOf(l Link) linkKey {
	if bytes.Compare(l.To[:], l.From[:]) < 0 {
		return linkKey{l.To, l.From}
	}
	return linkKey{l.From, l.To}
}

// Board is one canvas of a project, made from a template. Cards are kept in
// drawing order: the last one is on top.
type Board struct {
	ID       uuid.UUID
	Template string
	Title    string
	Steps    []Step // job map only: the columns, left to right
	Cards    []*Card
	Links    []Link
	Clusters []Cluster // named groups of cards, in drawing order (cluster.go)
	Unknown  []byte    // file members this version does not know, verbatim
}

// NewBoard makes an empty board from the template with that id; a job map
// starts with the template's default steps.
func NewBoard(templateID, title string) (*Board, error) {
	t, ok := TemplateByID(templateID)
	if !ok {
		return nil, fmt.Errorf("canvas: no board template %q", templateID)
	}
	if title == "" {
		title = t.Name
	}
	return &Board{ID: uuid.New(), Template: t.ID, Title: title,
		Steps: append([]Step(nil), t.Steps...)}, nil
}

// TemplateOf returns the board's template; a board whose template is
// unknown is drawn as a free board.
func (b *Board) TemplateOf() *Template {
	if t, ok := TemplateByID(b.Template); ok {
		return t
	}
	t, _ := TemplateByID(TemplateFree)
	return t
}

// Zones lists the board's zones. For a column template they follow from
// the board's steps; otherwise they are the template's.
func (b *Board) Zones() []Zone {
	t := b.TemplateOf()
	if t.Columns == nil {
		return t.Zones
	}
	c := t.Columns
	zones := make([]Zone, 0, len(b.Steps)*len(c.Rows))
	for i, s := range b.Steps {
		y := c.Y + c.Header
		for _, r := range c.Rows {
			zones = append(zones, Zone{
				ID: StepZoneID(s.ID, r.ID), Label: r.Label, Question: r.Question,
				Kinds: r.Kinds, Rect: Rect{c.ColumnX(i), y, c.Width, r.Height},
				Step: s.ID, Row: r.ID,
			})
			y += r.Height
		}
	}
	return zones
}

// StepZoneID is the id of the zone of a job-map step's row.
func StepZoneID(step, row string) string { return step + "/" + row }

// Zone returns the zone with that id.
func (b *Board) Zone(id string) (Zone, bool) {
	for _, z := range b.Zones() {
		if z.ID == id {
			return z, true
		}
	}
	return Zone{}, false
}

// ZoneAt returns the zone that holds p; ok is false on open board space.
func (b *Board) ZoneAt(p Point) (z Zone, ok bool) {
	for _, z := range b.Zones() {
		if z.Contains(p) {
			return z, true
		}
	}
	return Zone{}, false
}

// KindAt is the kind of a card made at p: its zone's default, a note on
// open board space.
func (b *Board) KindAt(p Point) Kind {
	if z, ok := b.ZoneAt(p); ok {
		return z.DefaultKind()
	}
	return KindNote
}

// TitleBand is the height of the band above a job map's columns that
// shows its title, the core job statement the steps break down.
const TitleBand = 100

// TitleRect is where a column template shows the board's title: above the
// columns, as wide as they are. ok is false when the board has no title,
// or its template shows it elsewhere (the value proposition canvas has
// room for it within its bounds).
func (b *Board) TitleRect() (r Rect, ok bool) {
	c := b.TemplateOf().Columns
	if c == nil || b.Title == "" {
		return Rect{}, false
	}
	return Rect{X: c.X, Y: -TitleBand, W: c.ColumnX(len(b.Steps)) - c.X, H: TitleBand}, true
}

// TemplateBounds is the area the template draws: zones, frames, headers
// and the job map's title, with the template's margin around them.
func (b *Board) TemplateBounds() Rect {
	t := b.TemplateOf()
	r := t.Bounds
	if c := t.Columns; c != nil {
		r = r.Union(Rect{0, 0, c.ColumnX(len(b.Steps)) + c.X, c.Y + c.Height() + c.Y})
		if title, ok := b.TitleRect(); ok {
			r = r.Union(Rect{0, title.Y - c.Y, title.W + 2*c.X, c.Y})
		}
	}
	return r
}

// Bounds is the area holding the template and every card.
func (b *Board) Bounds() Rect {
	r := b.TemplateBounds()
	for _, k := range b.Clusters {
		r = r.Union(k.Rect)
	}
	for _, c := range b.Cards {
		r = r.Union(c.Rect())
	}
	return r
}

// CardsBounds is the area holding every card (empty when there is none).
func (b *Board) CardsBounds() Rect {
	var r Rect
	for _, c := range b.Cards {
		r = r.Union(c.Rect())
	}
	return r
}

// Card returns the card with that id, or nil.
func (b *Board) Card(id uuid.UUID) *Card {
	if i := b.indexOf(id); i >= 0 {
		return b.Cards[i]
	}
	return nil
}

func (b *Board) indexOf(id uuid.UUID) int {
	for i, c := range b.Cards {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// CardAt returns the topmost card under p, or nil.
func (b *Board) CardAt(p Point) *Card {
	for i := len(b.Cards) - 1; i >= 0; i-- {
		if b.Cards[i].Rect().Contains(p) {
			return b.Cards[i]
		}
	}
	return nil
}

// HasLink reports whether l's cards are linked on the board (in either
// direction, whatever the strength).
func (b *Board) HasLink(l Link) bool { return b.LinkIndex(l.From, l.To) >= 0 }

// LinkIndex is the position in b.Links of the link joining a and b, in
// either order, or -1.
func (b *Board) LinkIndex(a, c uuid.UUID) int {
	for i, m := range b.Links {
		if m.Joins(a, c) {
			return i
		}
	}
	return -1
}

// StepIndex returns the position of the step with that id, or -1.
func (b *Board) StepIndex(id string) int {
	for i, s := range b.Steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// placeCard updates c's zone from where it sits; c.Zone is the zone it was
// in. When it enters another zone that does not take its kind, it becomes
// that zone's kind, losing the fields the new kind does not have: dropping a note into "Pains" makes it a pain, as a
// facilitator sorting the wall expects. A card that stays in its zone
// keeps its kind, even one the zone would not give it: a kind set by hand
// survives a nudge.
func (b *Board) placeCard(c *Card) {
	z, ok := b.ZoneAt(c.Center())
	if !ok {
		c.Zone = ""
		return
	}
	if z.ID != c.Zone && !z.Accepts(c.Kind) {
		c.Kind = z.DefaultKind()
		// A pain's severity on what is now a gain would read as its
		// relevance: the fields of the old kind go (undo brings them back).
		c.DropInapplicable()
	}
	c.Zone = z.ID
}

// Clone returns a deep copy of b.
func (b *Board) Clone() *Board {
	d := *b
	d.Steps = append([]Step(nil), b.Steps...)
	d.Links = append([]Link(nil), b.Links...)
	d.Clusters = append([]Cluster(nil), b.Clusters...)
	d.Unknown = append([]byte(nil), b.Unknown...)
	d.Cards = make([]*Card, len(b.Cards))
	for i, c := range b.Cards {
		cc := c.Clone()
		d.Cards[i] = &cc
	}
	return &d
}
