package canvas_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestJobTypesAndStrengths(t *testing.T) {
	labels := map[string]bool{}
	for _, jt := range canvas.JobTypes {
		if !jt.Valid() || jt.Label() == "" || jt.Label() == string(jt) || labels[jt.Label()] {
			t.Errorf("job type %q: valid %v, label %q", jt, jt.Valid(), jt.Label())
		}
		labels[jt.Label()] = true
	}
	if len(canvas.JobTypes) != 5 || canvas.JobType("financial").Valid() || canvas.JobType("").Valid() {
		t.Errorf("job types = %v", canvas.JobTypes)
	}
	for _, tt := range []struct {
		s      canvas.Strength
		weight float64
		label  string
	}{
		{canvas.StrengthWeak, 0.25, "Weak"},
		{canvas.StrengthPartial, 0.5, "Partial"},
		{canvas.StrengthStrong, 1, "Strong"},
		{"", 1, "Strong"}, // a link from a file written before strengths
	} {
		if got := tt.s.Weight(); got != tt.weight {
			t.Errorf("%q.Weight() = %v, want %v", tt.s, got, tt.weight)
		}
		if got := tt.s.Label(); got != tt.label {
			t.Errorf("%q.Label() = %q, want %q", tt.s, got, tt.label)
		}
		if !tt.s.Valid() {
			t.Errorf("%q not valid", tt.s)
		}
	}
	if canvas.Strength("total").Valid() || !slices.Equal(canvas.Strengths,
		[]canvas.Strength{canvas.StrengthWeak, canvas.StrengthPartial, canvas.StrengthStrong}) {
		t.Errorf("strengths = %v", canvas.Strengths)
	}
}

func TestApplies(t *testing.T) {
	// Which kind has which field: the inspector shows these and no others.
	want := map[canvas.Kind][]canvas.Field{
		canvas.KindJob:     {canvas.FieldJobTypes, canvas.FieldImportance},
		canvas.KindPain:    {canvas.FieldSeverity},
		canvas.KindGain:    {canvas.FieldRelevance},
		canvas.KindOutcome: {canvas.FieldImportance, canvas.FieldSatisfaction},

		canvas.KindForcePush:    {canvas.FieldStrength},
		canvas.KindForcePull:    {canvas.FieldStrength},
		canvas.KindForceAnxiety: {canvas.FieldStrength},
		canvas.KindForceHabit:   {canvas.FieldStrength},
	}
	for _, k := range canvas.Kinds {
		for _, f := range canvas.Fields {
			if got := k.Applies(f); got != slices.Contains(want[k], f) {
				t.Errorf("%s.Applies(%s) = %v", k, f, got)
			}
		}
	}
}

// scored is a card with every kind-dependent field set.
func scored(k canvas.Kind) canvas.Card {
	c := canvas.NewCard(k, canvas.Point{}, "x")
	c.Severity, c.Relevance = ptr(3), ptr(4)
	c.Importance, c.Satisfaction = ptr(7.0), ptr(2.5)
	c.JobTypes = []canvas.JobType{canvas.JobSocial}
	c.ForceStrength = ptr(2)
	return c
}

func TestDropInapplicableAndRank(t *testing.T) {
	for _, k := range canvas.Kinds {
		c := scored(k)
		c.DropInapplicable()
		has := map[canvas.Field]bool{
			canvas.FieldSeverity:     c.Severity != nil,
			canvas.FieldRelevance:    c.Relevance != nil,
			canvas.FieldImportance:   c.Importance != nil,
			canvas.FieldSatisfaction: c.Satisfaction != nil,
			canvas.FieldJobTypes:     c.JobTypes != nil,
			canvas.FieldStrength:     c.ForceStrength != nil,
		}
		for f, ok := range has {
			if ok != k.Applies(f) {
				t.Errorf("%s after DropInapplicable: %s set = %v", k, f, ok)
			}
		}
		rank, ok := c.Rank()
		switch k {
		case canvas.KindPain:
			if !ok || rank != 3 {
				t.Errorf("pain rank = %d, %v; want its severity 3", rank, ok)
			}
		case canvas.KindGain:
			if !ok || rank != 4 {
				t.Errorf("gain rank = %d, %v; want its relevance 4", rank, ok)
			}
		case canvas.KindForcePush, canvas.KindForcePull, canvas.KindForceAnxiety, canvas.KindForceHabit:
			if !ok || rank != 2 {
				t.Errorf("%s rank = %d, %v; want its strength 2", k, rank, ok)
			}
		default:
			if ok {
				t.Errorf("%s has rank %d", k, rank)
			}
		}
	}
	pain := canvas.NewCard(canvas.KindPain, canvas.Point{}, "unranked")
	if _, ok := pain.Rank(); ok {
		t.Error("a pain without severity has a rank")
	}
}

func TestSetScoreScale(t *testing.T) {
	f := newFixture(t)
	checkUndoRedo(t, f.p, &canvas.SetScoreScale{Scale: canvas.ScaleSurvey})
	if f.p.ScoreScale != canvas.ScaleSurvey {
		t.Errorf("scale = %q", f.p.ScoreScale)
	}
	before := f.p.Clone()
	if err := (&canvas.SetScoreScale{Scale: "guess"}).Apply(f.p); err == nil || !strings.Contains(err.Error(), `unknown score scale "guess"`) {
		t.Errorf("unknown scale: %v", err)
	}
	sameProject(t, "after a refused scale", before, f.p)
	if canvas.ScoreScale("").Label() != canvas.ScaleRoom.Label() || canvas.ScaleSurvey.Label() == canvas.ScaleRoom.Label() {
		t.Error("labels: the empty scale is the room's, the survey's differs")
	}
	f.p.ScoreScale = "guess"
	if err := f.p.Validate(); err == nil || !strings.Contains(err.Error(), "scoreScale: unknown score scale") {
		t.Errorf("Validate = %v", err)
	}
}

func TestChangeCards(t *testing.T) {
	f := newFixture(t)
	// Pain, gain and job made gains in one step: the pain loses its
	// severity and the job its importance; the gain keeps its relevance.
	e, err := canvas.ChangeCards(f.p, f.vpc.ID, []uuid.UUID{f.job, f.pain, f.gain}, "Set kind", func(c *canvas.Card) {
		c.Kind = canvas.KindGain
		c.Color = "#123456"
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.(canvas.BoardEdit); !ok {
		t.Errorf("%T is not a BoardEdit", e)
	}
	checkUndoRedo(t, f.p, e)
	if e.Name() != "Set kind" {
		t.Errorf("Name = %q", e.Name())
	}
	for _, id := range []uuid.UUID{f.job, f.pain, f.gain} {
		c := f.vpc.Card(id)
		if c.Kind != canvas.KindGain || c.Color != "#123456" || c.Severity != nil || c.Importance != nil {
			t.Errorf("changed card = %s", describeCard(c))
		}
	}
	if c := f.vpc.Card(f.gain); c.Relevance == nil || *c.Relevance != 5 {
		t.Errorf("gain lost its relevance: %s", describeCard(c))
	}
	if c := f.vpc.Card(f.job); c.Zone != "jobs" {
		t.Errorf("a kind set by hand moves no card out of its zone: %s", describeCard(c))
	}

	// One card: an UpdateCard, as ChangeCard makes, which also drops.
	one, err := canvas.ChangeCards(f.p, f.vpc.ID, []uuid.UUID{f.product}, "Set kind", func(c *canvas.Card) {
		c.Kind = canvas.KindJob
		c.Severity = ptr(2)
		c.JobTypes = []canvas.JobType{canvas.JobFunctional, canvas.JobEmotional}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := one.(*canvas.UpdateCard); !ok {
		t.Errorf("one card: %T, want *canvas.UpdateCard", one)
	}
	checkUndoRedo(t, f.p, one)
	if c := f.vpc.Card(f.product); c.Severity != nil || len(c.JobTypes) != 2 {
		t.Errorf("product made a job = %s", describeCard(c))
	}

	before := f.p.Clone()
	for name, ids := range map[string][]uuid.UUID{
		"missing card":        {f.job, uuid.New()},
		"card of other board": {f.job, f.define},
		"no card":             {},
	} {
		if _, err := canvas.ChangeCards(f.p, f.vpc.ID, ids, "x", func(*canvas.Card) {}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	bad, err := canvas.ChangeCards(f.p, f.vpc.ID, []uuid.UUID{f.job, f.pain}, "x", func(c *canvas.Card) {
		c.JobTypes = []canvas.JobType{"financial"}
		c.Kind = canvas.KindJob
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := bad.Apply(f.p); err == nil || !strings.Contains(err.Error(), `unknown job type "financial"`) {
		t.Errorf("bad job type: %v", err)
	}
	sameProject(t, "after refused changes", before, f.p)
}

func TestMoveDropsFieldsOfTheOldKind(t *testing.T) {
	f := newFixture(t)
	// Dragged from Pains into Gains and on into Pain relievers, one
	// gesture: the severity goes when the pain becomes a gain, stays gone
	// as it becomes a pain reliever, and comes back with undo.
	step1 := &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DY: ptGains.Y - ptPains.Y, Gesture: 7}
	var h canvas.History
	before := f.p.Clone()
	if err := h.Do(f.p, step1); err != nil {
		t.Fatal(err)
	}
	if c := f.vpc.Card(f.pain); c.Kind != canvas.KindGain || c.Severity != nil {
		t.Fatalf("in Gains: %s", describeCard(c))
	}
	// Back into Pains within the same gesture: the kind comes from where
	// the gesture began, and with it the severity.
	if err := h.Do(f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DY: ptPains.Y - ptGains.Y, Gesture: 7}); err != nil {
		t.Fatal(err)
	}
	if c := f.vpc.Card(f.pain); c.Kind != canvas.KindPain || c.Severity == nil || *c.Severity != 4 {
		t.Fatalf("back in Pains: %s", describeCard(c))
	}
	if err := h.Do(f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: ptPainRelievers.X - ptPains.X, Gesture: 7}); err != nil {
		t.Fatal(err)
	}
	if c := f.vpc.Card(f.pain); c.Kind != canvas.KindPainReliever || c.Severity != nil {
		t.Fatalf("in Pain relievers: %s", describeCard(c))
	}
	if ok, err := h.Undo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "one undo after the drag", before, f.p)

	// An outcome dragged onto the job steps row becomes a job step and
	// loses both scores in the one step; checkUndoRedo sees them back.
	checkUndoRedo(t, f.p, &canvas.MoveCards{Board: f.jm.ID, IDs: []uuid.UUID{f.locate}, DY: inColumn(1, false).Y - inColumn(1, true).Y})
	if c := f.jm.Card(f.locate); c.Kind != canvas.KindJobStep || c.Importance != nil || c.Satisfaction != nil {
		t.Errorf("outcome moved to the steps row = %s", describeCard(c))
	}

	// A move within a zone keeps even fields that do not apply (a file
	// may hold them): only a change of kind drops them.
	g := f.vpc.Card(f.gain)
	g.Severity = ptr(2)
	checkUndoRedo(t, f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.gain}, DX: 5})
	if g := f.vpc.Card(f.gain); g.Severity == nil {
		t.Error("a nudge dropped a field")
	}
}

func TestResizeDropsFieldsOfTheOldKind(t *testing.T) {
	f := newFixture(t)
	// The pain at y 830–970 grows to 700 high: its centre goes to y 1180,
	// below the circle, open space, so it keeps its kind and severity.
	checkUndoRedo(t, f.p, &canvas.ResizeCard{Board: f.vpc.ID, ID: f.pain, W: canvas.DefaultCardW, H: 700})
	if c := f.vpc.Card(f.pain); c.Kind != canvas.KindPain || c.Severity == nil {
		t.Errorf("resized into open space = %s", describeCard(c))
	}
	// The job step in Define grown down into the outcomes row becomes an
	// outcome; a job step has no scores, so give it one to lose.
	c := f.jm.Card(f.define)
	c.Severity = ptr(5)
	checkUndoRedo(t, f.p, &canvas.ResizeCard{Board: f.jm.ID, ID: f.define, W: c.W, H: 600})
	if c := f.jm.Card(f.define); c.Kind != canvas.KindOutcome || c.Severity != nil {
		t.Errorf("job step grown into outcomes = %s", describeCard(c))
	}
}
