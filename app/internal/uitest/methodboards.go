package uitest

import (
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// MethodBoards is a project with a forces of progress board, a
// competition board and a success outcomes board, a few cards of the
// commuter workshop in each zone; the forces carry strengths (one left
// unscored) so that the balance shows: 4 + 3 towards, 2 + 1 + 1 against.
func MethodBoards(tb testing.TB) *canvas.Project {
	tb.Helper()
	p, err := canvas.NewProject("Commuter cycling", "forces-of-progress", "competition", "success-outcomes")
	if err != nil {
		tb.Fatal(err)
	}
	forces, comp, outcomes := p.Boards[0], p.Boards[1], p.Boards[2]
	forces.Title = "Switching to the bike"
	comp.Title = "Getting to work"
	outcomes.Title = "Get to work"
	strength := func(n int) func(*canvas.Card) { return func(c *canvas.Card) { c.ForceStrength = &n } }
	add := func(bd *canvas.Board, k canvas.Kind, x, y float64, text string, fn func(*canvas.Card)) {
		c := canvas.NewCard(k, canvas.Point{X: x, Y: y}, text)
		if fn != nil {
			fn(&c)
		}
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			tb.Fatal(err)
		}
	}
	add(forces, canvas.KindForcePush, 260, 480, "The bus was late three times last week", strength(4))
	add(forces, canvas.KindForcePull, 1880, 480, "Colleagues who cycle arrive relaxed", strength(3))
	add(forces, canvas.KindForceHabit, 560, 860, "The monthly bus pass is already paid", strength(2))
	add(forces, canvas.KindForceAnxiety, 1600, 860, "Arriving sweaty at a client meeting", strength(1))
	add(forces, canvas.KindForceAnxiety, 1870, 1000, "Where do I leave the bike safely?", nil)

	add(comp, canvas.KindCompetitorDirect, 300, 460, "Shared city bikes: a bike without owning one", nil)
	add(comp, canvas.KindCompetitorSecondary, 1050, 460, "The bus: get there without effort", nil)
	add(comp, canvas.KindCompetitorSecondary, 1320, 640, "Car pooling: company on the way", nil)
	add(comp, canvas.KindCompetitorIndirect, 1800, 460, "Working from home: no commute at all", nil)
	add(comp, canvas.KindHireCriterion, 340, 1220, "Gets me there on time, every time", nil)
	add(comp, canvas.KindFireCriterion, 1460, 1220, "Soaked twice in a week", nil)

	add(outcomes, canvas.KindGoal, 300, 520, "Maximize the likelihood of arriving on time", nil)
	add(outcomes, canvas.KindHazard, 1050, 520, "Minimize the likelihood of arriving soaked", nil)
	add(outcomes, canvas.KindProblem, 1800, 520, "Minimize the time it takes to park near the office", nil)
	add(outcomes, canvas.KindProblem, 1800, 720, "Bike stolen at the station", nil)
	return p
}
