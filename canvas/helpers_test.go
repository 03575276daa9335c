package canvas_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// describe renders a project as text, one line per element, so that a
// failed comparison shows what differs instead of pointer addresses.
func describe(p *canvas.Project) []string {
	out := []string{fmt.Sprintf("project %s %q %q scale=%q unknown=%q", p.ID, p.Name, p.Description, p.ScoreScale, p.Unknown)}
	for i, b := range p.Boards {
		out = append(out, fmt.Sprintf("boards[%d] %s %s %q unknown=%q", i, b.ID, b.Template, b.Title, b.Unknown))
		for j, s := range b.Steps {
			out = append(out, fmt.Sprintf("boards[%d].steps[%d] %+v", i, j, s))
		}
		for j, c := range b.Cards {
			out = append(out, fmt.Sprintf("boards[%d].cards[%d] %s", i, j, describeCard(c)))
		}
		for j, l := range b.Links {
			out = append(out, fmt.Sprintf("boards[%d].links[%d] %s->%s %s", i, j, l.From, l.To, l.Strength))
		}
	}
	return out
}

func describeCard(c *canvas.Card) string {
	f := func(v *float64) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	n := func(v *int) string {
		if v == nil {
			return "nil"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("%s kind=%s zone=%q text=%q quote=%q source=%q color=%q x=%v y=%v w=%v h=%v tags=%q votes=%d sev=%s rel=%s imp=%s sat=%s jobTypes=%q unknown=%q",
		c.ID, c.Kind, c.Zone, c.Text, c.Quote, c.Source, c.Color, c.X, c.Y, c.W, c.H, c.Tags, c.Votes,
		n(c.Severity), n(c.Relevance), f(c.Importance), f(c.Satisfaction), c.JobTypes, c.Unknown)
}

// sameProject fails t when got is not a deep copy of want.
func sameProject(t *testing.T, what string, want, got *canvas.Project) {
	t.Helper()
	w, g := want.Clone(), got.Clone()
	if reflect.DeepEqual(w, g) {
		return
	}
	wl, gl := describe(w), describe(g)
	var diff []string
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			diff = append(diff, "- "+a, "+ "+b)
		}
	}
	if len(diff) == 0 {
		diff = []string{"(differs in a way describe does not show)"}
	}
	t.Errorf("%s: project differs (- want, + got):\n%s", what, strings.Join(diff, "\n"))
}

// checkUndoRedo applies e through a History and checks that undo restores
// the project exactly as it was, and that redo restores it exactly as the
// first apply left it, twice over (an edit must survive several undo and
// redo rounds). It returns the state after the apply, with p left in it.
func checkUndoRedo(t *testing.T, p *canvas.Project, e canvas.Edit) *canvas.Project {
	t.Helper()
	var h canvas.History
	before := p.Clone()
	if err := h.Do(p, e); err != nil {
		t.Fatalf("%s: %v", e.Name(), err)
	}
	after := p.Clone()
	if reflect.DeepEqual(before, after) {
		t.Errorf("%s: apply left the project unchanged", e.Name())
	}
	if err := p.Validate(); err != nil {
		t.Errorf("%s: project invalid after apply:\n%v", e.Name(), err)
	}
	for round := 1; round <= 2; round++ {
		if got := h.UndoName(); got != e.Name() {
			t.Errorf("UndoName = %q, want %q", got, e.Name())
		}
		if ok, err := h.Undo(p); !ok || err != nil {
			t.Fatalf("%s: undo #%d: ok=%v err=%v", e.Name(), round, ok, err)
		}
		sameProject(t, fmt.Sprintf("%s: after undo #%d", e.Name(), round), before, p)
		if got := h.RedoName(); got != e.Name() {
			t.Errorf("RedoName = %q, want %q", got, e.Name())
		}
		if ok, err := h.Redo(p); !ok || err != nil {
			t.Fatalf("%s: redo #%d: ok=%v err=%v", e.Name(), round, ok, err)
		}
		sameProject(t, fmt.Sprintf("%s: after redo #%d", e.Name(), round), after, p)
	}
	return after
}

// fixture is a project with a value proposition canvas, a job map and a
// free board, with cards in known places.
type fixture struct {
	p                 *canvas.Project
	vpc, jm, free     *canvas.Board
	job, pain, gain   uuid.UUID // customer profile cards on the canvas
	reliever, creator uuid.UUID // value map cards
	product, note     uuid.UUID // note: open space
	define, locate    uuid.UUID // job map: job step in Define, outcome in Locate
	prepare, conclude uuid.UUID // job map: job step in Prepare, outcome in Conclude
	freeNote          uuid.UUID
}

// Points inside each zone of the value proposition canvas.
var (
	ptProducts      = canvas.Point{X: 300, Y: 600}
	ptGainCreators  = canvas.Point{X: 800, Y: 300}
	ptPainRelievers = canvas.Point{X: 800, Y: 900}
	ptJobs          = canvas.Point{X: 2100, Y: 640}
	ptGains         = canvas.Point{X: 1600, Y: 400}
	ptPains         = canvas.Point{X: 1600, Y: 900}
	ptOpen          = canvas.Point{X: 1200, Y: 1300}
)

// Job map geometry from assets/templates/job-map.json.
const (
	colX     = 40.0
	colW     = 320.0
	stepsY   = 190.0 // top of the job steps row
	outcomeY = 520.0 // top of the outcomes row
)

// inColumn is a point in column i of the job map, in the job steps row
// (outcome false) or the outcomes row.
func inColumn(i int, outcome bool) canvas.Point {
	y := stepsY + 150
	if outcome {
		y = outcomeY + 300
	}
	return canvas.Point{X: colX + float64(i)*colW + colW/2, Y: y}
}

func ptr[T any](v T) *T { return &v }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	p, err := canvas.NewProject("Commute", canvas.TemplateValueProposition, canvas.TemplateJobMap, canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{p: p, vpc: p.Boards[0], jm: p.Boards[1], free: p.Boards[2]}
	add := func(b *canvas.Board, k canvas.Kind, at canvas.Point, text string, fn func(*canvas.Card)) uuid.UUID {
		c := canvas.NewCard(k, at, text)
		if fn != nil {
			fn(&c)
		}
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatalf("add %s: %v", text, err)
		}
		return c.ID
	}
	f.job = add(f.vpc, canvas.KindJob, ptJobs, "Get to a client meeting on time", func(c *canvas.Card) { c.Importance = ptr(8.0) })
	f.pain = add(f.vpc, canvas.KindPain, ptPains, "No parking near the venue", func(c *canvas.Card) { c.Severity = ptr(4) })
	f.gain = add(f.vpc, canvas.KindGain, ptGains, "Arrive relaxed", func(c *canvas.Card) { c.Relevance = ptr(5) })
	f.reliever = add(f.vpc, canvas.KindPainReliever, ptPainRelievers, "Reserved parking", nil)
	f.creator = add(f.vpc, canvas.KindGainCreator, ptGainCreators, "Live traffic routing", nil)
	f.product = add(f.vpc, canvas.KindProduct, ptProducts, "Commute app", func(c *canvas.Card) { c.Tags = []string{"mvp"} })
	f.note = add(f.vpc, canvas.KindNote, ptOpen, "Ask about trains", nil)
	f.define = add(f.jm, canvas.KindJobStep, inColumn(0, false), "Pick the route", nil)
	f.locate = add(f.jm, canvas.KindOutcome, inColumn(1, true), "Minimize the time it takes to find parking", func(c *canvas.Card) {
		c.Importance, c.Satisfaction = ptr(9.0), ptr(2.0)
	})
	f.prepare = add(f.jm, canvas.KindJobStep, inColumn(2, false), "Pack the laptop", nil)
	f.conclude = add(f.jm, canvas.KindOutcome, inColumn(7, true), "Minimize the effort to file expenses", nil)
	f.freeNote = add(f.free, canvas.KindNote, canvas.Point{X: 500, Y: 500}, "Competitor: taxi", nil)
	for _, l := range []struct {
		b        *canvas.Board
		from, to uuid.UUID
	}{
		{f.vpc, f.reliever, f.pain},
		{f.vpc, f.creator, f.gain},
		{f.vpc, f.product, f.job},
	} {
		if err := (&canvas.AddLink{Board: l.b.ID, Link: canvas.Link{From: l.from, To: l.to}}).Apply(p); err != nil {
			t.Fatal(err)
		}
	}
	// Links between job steps and outcomes are not fit links, and AddLink
	// refuses them; files written before it may hold them, and the edits
	// must carry them along (a step removed takes its cards' links).
	f.jm.Links = append(f.jm.Links,
		canvas.Link{From: f.define, To: f.locate},
		canvas.Link{From: f.prepare, To: f.conclude},
		canvas.Link{From: f.locate, To: f.prepare})
	if err := p.Validate(); err != nil {
		t.Fatalf("fixture invalid: %v", err)
	}
	return f
}

func cardIDs(b *canvas.Board) []uuid.UUID {
	ids := make([]uuid.UUID, len(b.Cards))
	for i, c := range b.Cards {
		ids[i] = c.ID
	}
	return ids
}

func stepIDs(b *canvas.Board) []string {
	ids := make([]string, len(b.Steps))
	for i, s := range b.Steps {
		ids[i] = s.ID
	}
	return ids
}

// allIDs lists the ids of the project, its boards and their cards.
func allIDs(p *canvas.Project) []uuid.UUID {
	ids := []uuid.UUID{p.ID}
	for _, b := range p.Boards {
		ids = append(ids, b.ID)
		ids = append(ids, cardIDs(b)...)
	}
	return ids
}
