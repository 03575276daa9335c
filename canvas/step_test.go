package canvas_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

var defaultSteps = []string{"define", "locate", "prepare", "confirm", "execute", "monitor", "modify", "conclude"}

// wantCard checks a job map card's column, zone and kind.
func wantCard(t *testing.T, b *canvas.Board, id uuid.UUID, col int, zone string, kind canvas.Kind) {
	t.Helper()
	c := b.Card(id)
	if c == nil {
		t.Errorf("card %s missing", id)
		return
	}
	if got := int((c.Center().X - colX) / colW); got != col || c.Zone != zone || c.Kind != kind {
		t.Errorf("card %q: column %d zone %q kind %s, want %d %q %s", c.Text, got, c.Zone, c.Kind, col, zone, kind)
	}
}

func TestStepEditsUndoRedo(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(f *fixture) canvas.Edit
		check func(t *testing.T, f *fixture)
	}{
		{
			name: "add a step shifts later columns right",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.AddStep{Board: f.jm.ID, Index: 1, Step: canvas.Step{ID: "park", Name: "Park", Description: "Find a space"}}
			},
			check: func(t *testing.T, f *fixture) {
				want := slices.Insert(slices.Clone(defaultSteps), 1, "park")
				if got := stepIDs(f.jm); !slices.Equal(got, want) {
					t.Errorf("steps = %v, want %v", got, want)
				}
				wantCard(t, f.jm, f.define, 0, "define/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.locate, 2, "locate/outcomes", canvas.KindOutcome)
				wantCard(t, f.jm, f.prepare, 3, "prepare/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.conclude, 8, "conclude/outcomes", canvas.KindOutcome)
				if x := f.jm.Card(f.locate).X; x != 410+colW {
					t.Errorf("locate card x = %v, want %v", x, 410+colW)
				}
				if z, ok := f.jm.Zone("park/outcomes"); !ok || z.Rect.X != colX+colW {
					t.Errorf("zone of the new step = %+v, %v", z, ok)
				}
			},
		},
		{
			name: "add a step first",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.AddStep{Board: f.jm.ID, Index: 0, Step: canvas.Step{ID: "trigger", Name: "Trigger"}}
			},
			check: func(t *testing.T, f *fixture) {
				wantCard(t, f.jm, f.define, 1, "define/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.conclude, 8, "conclude/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "append a step moves no card",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.AddStep{Board: f.jm.ID, Index: -1, Step: canvas.Step{ID: "reflect", Name: "Reflect"}}
			},
			check: func(t *testing.T, f *fixture) {
				if got := stepIDs(f.jm); got[8] != "reflect" || len(got) != 9 {
					t.Errorf("steps = %v", got)
				}
				wantCard(t, f.jm, f.conclude, 7, "conclude/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "remove a step removes its cards and their links",
			edit: func(f *fixture) canvas.Edit { return &canvas.RemoveStep{Board: f.jm.ID, Step: "locate"} },
			check: func(t *testing.T, f *fixture) {
				want := slices.Delete(slices.Clone(defaultSteps), 1, 2)
				if got := stepIDs(f.jm); !slices.Equal(got, want) {
					t.Errorf("steps = %v, want %v", got, want)
				}
				if got, want := cardIDs(f.jm), []uuid.UUID{f.define, f.prepare, f.conclude}; !slices.Equal(got, want) {
					t.Errorf("cards = %v, want %v", got, want)
				}
				if want := []canvas.Link{{From: f.prepare, To: f.conclude}}; !slices.Equal(f.jm.Links, want) {
					t.Errorf("links = %v, want %v", f.jm.Links, want)
				}
				wantCard(t, f.jm, f.define, 0, "define/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.prepare, 1, "prepare/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.conclude, 6, "conclude/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "remove the last step",
			edit: func(f *fixture) canvas.Edit { return &canvas.RemoveStep{Board: f.jm.ID, Step: "conclude"} },
			check: func(t *testing.T, f *fixture) {
				if f.jm.Card(f.conclude) != nil || len(f.jm.Links) != 2 || len(f.jm.Steps) != 7 {
					t.Errorf("after removing conclude: %s", strings.Join(describe(f.p), "\n"))
				}
			},
		},
		{
			name: "remove an empty step",
			edit: func(f *fixture) canvas.Edit { return &canvas.RemoveStep{Board: f.jm.ID, Step: "confirm"} },
			check: func(t *testing.T, f *fixture) {
				if len(f.jm.Cards) != 4 {
					t.Errorf("cards = %d", len(f.jm.Cards))
				}
				wantCard(t, f.jm, f.prepare, 2, "prepare/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.conclude, 6, "conclude/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "rename a step",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.UpdateStep{Board: f.jm.ID, Step: canvas.Step{ID: "locate", Name: "Find", Description: "Find the venue"}}
			},
			check: func(t *testing.T, f *fixture) {
				if s := f.jm.Steps[1]; s.Name != "Find" || s.Description != "Find the venue" {
					t.Errorf("step = %+v", s)
				}
				wantCard(t, f.jm, f.locate, 1, "locate/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "move a step right takes its cards along",
			edit: func(f *fixture) canvas.Edit { return &canvas.MoveStep{Board: f.jm.ID, Step: "define", To: 3} },
			check: func(t *testing.T, f *fixture) {
				want := []string{"locate", "prepare", "confirm", "define", "execute", "monitor", "modify", "conclude"}
				if got := stepIDs(f.jm); !slices.Equal(got, want) {
					t.Errorf("steps = %v, want %v", got, want)
				}
				wantCard(t, f.jm, f.define, 3, "define/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.locate, 0, "locate/outcomes", canvas.KindOutcome)
				wantCard(t, f.jm, f.prepare, 1, "prepare/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.conclude, 7, "conclude/outcomes", canvas.KindOutcome)
			},
		},
		{
			name: "move the last step first",
			edit: func(f *fixture) canvas.Edit { return &canvas.MoveStep{Board: f.jm.ID, Step: "conclude", To: 0} },
			check: func(t *testing.T, f *fixture) {
				wantCard(t, f.jm, f.conclude, 0, "conclude/outcomes", canvas.KindOutcome)
				wantCard(t, f.jm, f.define, 1, "define/steps", canvas.KindJobStep)
				wantCard(t, f.jm, f.prepare, 3, "prepare/steps", canvas.KindJobStep)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			checkUndoRedo(t, f.p, tt.edit(f))
			tt.check(t, f)
		})
	}
}

// Cards that are not in a column (a parking lot right of the map, notes
// above it) must come back exactly when a step edit is undone, even when
// the column layout now reaches them, and even at positions where adding
// and subtracting a column width is not exact in floating point.
func TestStepEditsUndoCardsOutsideColumns(t *testing.T) {
	edits := []struct {
		name string
		edit func(b *canvas.Board) canvas.Edit
	}{
		{"add first", func(b *canvas.Board) canvas.Edit {
			return &canvas.AddStep{Board: b.ID, Index: 0, Step: canvas.Step{ID: "s", Name: "S"}}
		}},
		{"add in the middle", func(b *canvas.Board) canvas.Edit {
			return &canvas.AddStep{Board: b.ID, Index: 4, Step: canvas.Step{ID: "s", Name: "S"}}
		}},
		{"append", func(b *canvas.Board) canvas.Edit {
			return &canvas.AddStep{Board: b.ID, Index: -1, Step: canvas.Step{ID: "s", Name: "S"}}
		}},
		{"remove", func(b *canvas.Board) canvas.Edit { return &canvas.RemoveStep{Board: b.ID, Step: "define"} }},
		{"move", func(b *canvas.Board) canvas.Edit { return &canvas.MoveStep{Board: b.ID, Step: "define", To: 7} }},
	}
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			var cards []canvas.Card
			for _, at := range []canvas.Point{
				{X: colX + 8*colW + 100, Y: outcomeY + 100}, // parking lot right of the last column
				{X: colX + 8*colW + 0.1, Y: stepsY + 0.3},   // right on the edge
				{X: 700.1, Y: 100.7},                        // in a column header
				{X: 1000.3, Y: 2000},                        // below the map
				{X: 1.1, Y: 700},                            // left of the map
				{X: 0.1 + colX + 5*colW, Y: 0.7 + outcomeY}, // in a column, at an inexact position
				{X: 1950.3, Y: 0.7 + outcomeY},              // x 1840.3 + 320 - 320 = 1840.3000000000002
			} {
				cards = append(cards, canvas.NewCard(canvas.KindNote, at, "parked"))
			}
			if err := (&canvas.AddCards{Board: f.jm.ID, Cards: cards}).Apply(f.p); err != nil {
				t.Fatal(err)
			}
			before := map[uuid.UUID]canvas.Card{}
			for _, c := range f.jm.Cards {
				before[c.ID] = *c
			}
			checkUndoRedo(t, f.p, tt.edit(f.jm))
			// No card changes zone or kind: a step edit moves columns with
			// their cards, it does not pull parked notes into the map.
			for _, c := range cards {
				got := f.jm.Card(c.ID)
				if want := before[c.ID]; got.Zone != want.Zone || got.Kind != want.Kind {
					t.Errorf("card at %v: zone %q kind %s, want zone %q kind %s", c.Center(), got.Zone, got.Kind, want.Zone, want.Kind)
				}
			}
		})
	}
}

func TestStepEditsRefused(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(f *fixture) canvas.Edit
		want    string
		notFind bool
	}{
		{"add a step to the value proposition canvas", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: f.vpc.ID, Step: canvas.Step{ID: "x", Name: "X"}}
		}, "has no steps", false},
		{"add a step to a missing board", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: uuid.New(), Step: canvas.Step{ID: "x", Name: "X"}}
		}, "not found", true},
		{"add a step with an id in use", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: f.jm.ID, Step: canvas.Step{ID: "locate", Name: "Locate again"}}
		}, `step "locate" is already on the board`, false},
		{"add a step with a bad id", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: f.jm.ID, Step: canvas.Step{ID: "Bad Id", Name: "X"}}
		}, "step.id: must be 1 to 64 of a-z, 0-9 and -", false},
		{"add a step without a name", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: f.jm.ID, Step: canvas.Step{ID: "x"}}
		}, "step.name: must not be empty", false},
		{"add a step with a long description", func(f *fixture) canvas.Edit {
			return &canvas.AddStep{Board: f.jm.ID, Step: canvas.Step{ID: "x", Name: "X", Description: strings.Repeat("d", canvas.MaxStepDescLen+1)}}
		}, "step.description: too long: 301 characters, the limit is 300", false},
		{"remove a missing step", func(f *fixture) canvas.Edit {
			return &canvas.RemoveStep{Board: f.jm.ID, Step: "nope"}
		}, "not found", true},
		{"remove a step of a free board", func(f *fixture) canvas.Edit {
			return &canvas.RemoveStep{Board: f.free.ID, Step: "define"}
		}, "has no steps", false},
		{"rename a missing step", func(f *fixture) canvas.Edit {
			return &canvas.UpdateStep{Board: f.jm.ID, Step: canvas.Step{ID: "nope", Name: "X"}}
		}, "not found", true},
		{"rename a step to nothing", func(f *fixture) canvas.Edit {
			return &canvas.UpdateStep{Board: f.jm.ID, Step: canvas.Step{ID: "locate"}}
		}, "step.name: must not be empty", false},
		{"move a step past the end", func(f *fixture) canvas.Edit {
			return &canvas.MoveStep{Board: f.jm.ID, Step: "locate", To: 8}
		}, "outside 0 … 7", false},
		{"move a step before the start", func(f *fixture) canvas.Edit {
			return &canvas.MoveStep{Board: f.jm.ID, Step: "locate", To: -1}
		}, "outside 0 … 7", false},
		{"move a missing step", func(f *fixture) canvas.Edit {
			return &canvas.MoveStep{Board: f.jm.ID, Step: "nope", To: 0}
		}, "not found", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			before := f.p.Clone()
			err := tt.edit(f).Apply(f.p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
			if errors.Is(err, canvas.ErrNotFound) != tt.notFind {
				t.Errorf("errors.Is(err, ErrNotFound) = %v, want %v", !tt.notFind, tt.notFind)
			}
			sameProject(t, "after the failed edit", before, f.p)
		})
	}
}

func TestAddStepLimit(t *testing.T) {
	f := newFixture(t)
	for len(f.jm.Steps) < canvas.MaxSteps {
		if err := (&canvas.AddStep{Board: f.jm.ID, Index: -1, Step: canvas.Step{ID: f.jm.NewStepID(), Name: "More"}}).Apply(f.p); err != nil {
			t.Fatal(err)
		}
	}
	err := (&canvas.AddStep{Board: f.jm.ID, Index: -1, Step: canvas.Step{ID: "one-more", Name: "More"}}).Apply(f.p)
	if err == nil || !strings.Contains(err.Error(), "at most 40 steps") {
		t.Errorf("step 41: err = %v", err)
	}
	if err := f.p.Validate(); err != nil {
		t.Errorf("a job map of %d steps is invalid: %v", canvas.MaxSteps, err)
	}
}

func TestCardsInStep(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		step string
		want []uuid.UUID
	}{
		{"define", []uuid.UUID{f.define}},
		{"locate", []uuid.UUID{f.locate}},
		{"confirm", nil},
		{"conclude", []uuid.UUID{f.conclude}},
		{"nope", nil},
	}
	for _, tt := range tests {
		var got []uuid.UUID
		for _, c := range f.jm.CardsInStep(tt.step) {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("CardsInStep(%q) = %v, want %v", tt.step, got, tt.want)
		}
	}
	if got := f.vpc.CardsInStep("define"); got != nil {
		t.Errorf("CardsInStep on the value proposition canvas = %v", got)
	}
}

func TestNewStepID(t *testing.T) {
	f := newFixture(t)
	seen := map[string]bool{}
	for range 50 {
		id := f.jm.NewStepID()
		if seen[id] || f.jm.StepIndex(id) >= 0 || !strings.HasPrefix(id, "step-") {
			t.Fatalf("NewStepID = %q: not fresh", id)
		}
		if err := (&canvas.AddStep{Board: f.jm.ID, Index: -1, Step: canvas.Step{ID: id, Name: "x"}}).Apply(f.p); err != nil && len(f.jm.Steps) < canvas.MaxSteps {
			t.Fatalf("a NewStepID id is refused: %v", err)
		}
		seen[id] = true
	}
}
