package canvas

import "github.com/google/uuid"

// Dot is one scored outcome on the opportunity landscape: where it sits
// (importance, satisfaction), what it says, and the card it stands for.
type Dot struct {
	Board, Card  uuid.UUID
	Statement    string
	Step         string // the name of the job-map step it sits in; "" when none
	Importance   float64
	Satisfaction float64
	Class        Class
}

// Dots lists every outcome card of p with both scores set, board by board
// in drawing order: the landscape plots these, and leaves out the outcomes
// not scored yet (an unscored outcome is not a zero).
func Dots(p *Project) []Dot {
	n := 0
	for _, b := range p.Boards {
		for _, c := range b.Cards {
			if c.Kind == KindOutcome && c.Importance != nil && c.Satisfaction != nil {
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	// Counted first: the landscape reads the dots at every change of the
	// project, drag events included, and growing the slice was most of it.
	dots := make([]Dot, 0, n)
	for _, b := range p.Boards {
		for _, c := range b.Cards {
			if c.Kind != KindOutcome {
				continue
			}
			class, ok := c.Class()
			if !ok {
				continue
			}
			d := Dot{Board: b.ID, Card: c.ID, Statement: c.Text,
				Importance: *c.Importance, Satisfaction: *c.Satisfaction, Class: class}
			if i := b.stepColumn(c.Center()); i >= 0 {
				d.Step = b.Steps[i].Name
			}
			dots = append(dots, d)
		}
	}
	return dots
}
