package canvas

import (
	"maps"

	"github.com/google/uuid"
)

// Default size of a new card in board units: large enough for a short
// sentence at a size readable from the back of a room.
const (
	DefaultCardW = 220
	DefaultCardH = 140
)

// Card is one sticky note. Scores are pointers because "not scored yet" is
// different from a score of zero.
type Card struct {
	ID     uuid.UUID
	Kind   Kind
	Zone   string // id of the zone its centre sits in; kept up to date by edits
	Text   string
	Quote  string // the customer's own words, verbatim
	Source string // who said it, and when
	Color  string // #RRGGBB; empty means Kind.DefaultColor
	X, Y   float64
	W, H   float64
	Tags   []string
	Votes  int

	Severity     *int      // pains: 1 (mild) … 5 (extreme)
	Relevance    *int      // gains: 1 (nice to have) … 5 (essential)
	Importance   *float64  // jobs and outcomes: 0 … 10
	Satisfaction *float64  // outcomes: 0 … 10
	JobTypes     []JobType // jobs: functional, social …; a job may be several
	// ForceStrength is how strongly a force of progress pushes, pulls or
	// holds back: 1 (faint) … 5 (decisive).
	ForceStrength *int

	// Parts holds the fields of a card written part by part (Kind.Parts:
	// a job story's situation, motivation and outcome), by key. Text is
	// then the sentence they compose (ComposeParts), set by SetParts and
	// kept so on every change (ChangeCard): to change it, change a part.
	// Edits replace the map, never write into it.
	Parts map[string]string

	// Unknown holds members of the file that this version does not know,
	// verbatim, so that a newer minor version's data survives a save.
	Unknown []byte
}

// NewCard makes a card of kind k centred on at, with a fresh id.
func NewCard(k Kind, at Point, text string) Card {
	return Card{ID: uuid.New(), Kind: k, Text: text,
		X: at.X - DefaultCardW/2, Y: at.Y - DefaultCardH/2, W: DefaultCardW, H: DefaultCardH}
}

// Rect is where the card sits on its board.
func (c *Card) Rect() Rect { return Rect{c.X, c.Y, c.W, c.H} }

// Center is the point that decides the card's zone.
func (c *Card) Center() Point { return c.Rect().Center() }

// DisplayColor is the colour to draw: the card's own or its kind's.
func (c *Card) DisplayColor() string {
	if c.Color != "" {
		return c.Color
	}
	return c.Kind.DefaultColor()
}

// Clone returns a deep copy, so edits can keep a card's old state.
func (c *Card) Clone() Card {
	d := *c
	d.Tags = append([]string(nil), c.Tags...)
	d.Unknown = append([]byte(nil), c.Unknown...)
	if c.Severity != nil {
		v := *c.Severity
		d.Severity = &v
	}
	if c.Relevance != nil {
		v := *c.Relevance
		d.Relevance = &v
	}
	if c.ForceStrength != nil {
		v := *c.ForceStrength
		d.ForceStrength = &v
	}
	if c.Importance != nil {
		v := *c.Importance
		d.Importance = &v
	}
	if c.Satisfaction != nil {
		v := *c.Satisfaction
		d.Satisfaction = &v
	}
	if len(c.Tags) == 0 {
		d.Tags = nil
	}
	d.JobTypes = nil
	if len(c.JobTypes) > 0 {
		d.JobTypes = append([]JobType(nil), c.JobTypes...)
	}
	if len(c.Unknown) == 0 {
		d.Unknown = nil
	}
	d.Parts = nil
	if len(c.Parts) > 0 {
		d.Parts = maps.Clone(c.Parts)
	}
	return d
}

// Opportunity is the outcome-driven opportunity score,
// importance + max(importance − satisfaction, 0); ok is false until both
// scores are set.
func (c *Card) Opportunity() (score float64, ok bool) {
	if c.Importance == nil || c.Satisfaction == nil {
		return 0, false
	}
	return Opportunity(*c.Importance, *c.Satisfaction), true
}

// Opportunity is importance + max(importance − satisfaction, 0).
func Opportunity(importance, satisfaction float64) float64 {
	return importance + max(importance-satisfaction, 0)
}

// Underserved is the opportunity score above which an outcome is a chance to
// innovate.
const Underserved = 10
