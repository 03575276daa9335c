package canvas_test

import (
	"reflect"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The landscape plots the outcome cards with both scores, from every
// board, named by the step they sit in; outcomes half scored or not scored,
// and other kinds of card carrying scores, are left out.
func TestDots(t *testing.T) {
	f := newFixture(t)
	add := func(b *canvas.Board, k canvas.Kind, at canvas.Point, text string, imp, sat *float64) uuid.UUID {
		c := canvas.NewCard(k, at, text)
		c.Importance, c.Satisfaction = imp, sat
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(f.p); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	over := add(f.jm, canvas.KindOutcome, inColumn(3, true), "Minimize the time it takes to lock the bike", ptr(3.0), ptr(9.0))
	add(f.jm, canvas.KindOutcome, inColumn(4, true), "Minimize the likelihood of a flat tyre", ptr(7.0), nil)
	add(f.jm, canvas.KindOutcome, inColumn(5, true), "Minimize the time it takes to shower", nil, ptr(4.0))
	add(f.vpc, canvas.KindJob, ptJobs, "Stay dry on the way", ptr(9.0), ptr(1.0))
	free := add(f.free, canvas.KindOutcome, canvas.Point{X: 300, Y: 300}, "Minimize the cost of repairs", ptr(8.0), ptr(8.0))

	got := canvas.Dots(f.p)
	steps := f.jm.Steps
	want := []canvas.Dot{
		{Board: f.jm.ID, Card: f.locate, Statement: "Minimize the time it takes to find parking", Step: steps[1].Name,
			Importance: 9, Satisfaction: 2, Class: canvas.ClassExtreme},
		{Board: f.jm.ID, Card: over, Statement: "Minimize the time it takes to lock the bike", Step: steps[3].Name,
			Importance: 3, Satisfaction: 9, Class: canvas.ClassOverserved},
		{Board: f.free.ID, Card: free, Statement: "Minimize the cost of repairs",
			Importance: 8, Satisfaction: 8, Class: canvas.ClassAppropriate},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dots:\n got %+v\nwant %+v", got, want)
	}
	if steps[1].Name == "" || steps[1].Name == steps[3].Name {
		t.Fatalf("the job map's steps %q and %q do not tell the columns apart", steps[1].Name, steps[3].Name)
	}

	// A renamed step names its dots from then on.
	renamed := steps[1]
	renamed.Name = "Find a place to park"
	if err := (&canvas.UpdateStep{Board: f.jm.ID, Step: renamed}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if d := canvas.Dots(f.p)[0]; d.Step != "Find a place to park" {
		t.Errorf("after the rename the dot's step is %q", d.Step)
	}
}

// A project with no scored outcome has no dots.
func TestDotsNoneScored(t *testing.T) {
	p, err := canvas.NewProject("Empty", canvas.TemplateJobMap)
	if err != nil {
		t.Fatal(err)
	}
	c := canvas.NewCard(canvas.KindOutcome, inColumn(0, true), "Minimize the time it takes to pump a tyre")
	if err := (&canvas.AddCards{Board: p.Boards[0].ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	if d := canvas.Dots(p); len(d) != 0 {
		t.Errorf("dots of unscored outcomes: %+v", d)
	}
}
