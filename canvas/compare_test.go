package canvas_test

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestCompareSame(t *testing.T) {
	f := newFixture(t)
	if d := canvas.Compare(f.p, f.p.Clone()); !d.Empty() {
		t.Errorf("a clone differs: %+v", d.Boards)
	}
}

// TestCompareEdits makes one change of each kind and checks that each is
// named on the right board and nothing else is.
func TestCompareEdits(t *testing.T) {
	f := newFixture(t)
	old := f.p.Clone()
	do := func(e canvas.Edit) {
		t.Helper()
		if err := e.Apply(f.p); err != nil {
			t.Fatal(err)
		}
	}
	added := canvas.NewCard(canvas.KindPain, ptPains, "Rain")
	do(&canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{added}})
	do(&canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}})
	upd, err := canvas.ChangeCard(f.p, f.vpc.ID, f.pain, "Edit", func(c *canvas.Card) {
		c.Text, c.Votes = "No parking at all", 3
	})
	if err != nil {
		t.Fatal(err)
	}
	do(upd)
	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.gain}, DX: 10})
	do(&canvas.RenameBoard{Board: f.jm.ID, Title: "Commute map"})
	do(&canvas.RemoveLink{Board: f.jm.ID, Link: canvas.Link{From: f.define, To: f.locate}})
	do(&canvas.RemoveBoard{ID: f.free.ID})
	nb, _ := canvas.NewBoard(canvas.TemplateFree, "Competitors")
	nb.Cards = []*canvas.Card{{ID: uuid.New(), Kind: canvas.KindNote, Text: "Taxi", W: 100, H: 100}}
	do(&canvas.AddBoard{Board: nb, Index: -1})
	do(&canvas.RenameProject{To: "Commute 2"})

	d := canvas.Compare(old, f.p)
	if d.Empty() || d.OldName != "Commute" || d.NewName != "Commute 2" {
		t.Errorf("names %q → %q", d.OldName, d.NewName)
	}
	if len(d.Boards) != 4 {
		t.Fatalf("%d boards in the diff, want 4 (canvas, map, new, removed)", len(d.Boards))
	}
	vpc, jm, added2, removed := d.Boards[0], d.Boards[1], d.Boards[2], d.Boards[3]
	if vpc.ID != f.vpc.ID || len(vpc.AddedCards) != 1 || vpc.AddedCards[0].Text != "Rain" ||
		len(vpc.RemovedCards) != 1 || vpc.RemovedCards[0].ID != f.note {
		t.Errorf("canvas: added %v, removed %v", vpc.AddedCards, vpc.RemovedCards)
	}
	var what [][]string
	for _, c := range vpc.Changed {
		what = append(what, c.What)
	}
	if len(vpc.Changed) != 2 || vpc.Changed[0].New.ID != f.pain || !slices.Equal(what[0], []string{"text", "votes"}) ||
		vpc.Changed[1].New.ID != f.gain || !slices.Equal(what[1], []string{"moved"}) {
		t.Errorf("canvas changes %v", what)
	}
	if jm.OldTitle != old.Board(f.jm.ID).Title || jm.Title != "Commute map" || jm.LinksRemoved != 1 || jm.LinksAdded != 0 ||
		len(jm.AddedCards)+len(jm.RemovedCards)+len(jm.Changed) != 0 || jm.StepsChanged {
		t.Errorf("job map: %+v", jm)
	}
	if !added2.Added || added2.Title != "Competitors" || len(added2.AddedCards) != 1 {
		t.Errorf("new board: %+v", added2)
	}
	if !removed.Removed || removed.ID != f.free.ID || len(removed.RemovedCards) != 1 {
		t.Errorf("removed board: %+v", removed)
	}
	if a, r, c := d.Counts(); a != 2 || r != 2 || c != 2 {
		t.Errorf("counts %d added, %d removed, %d changed; want 2, 2, 2", a, r, c)
	}
}

// TestCompareCardFields names each field of a card once.
func TestCompareCardFields(t *testing.T) {
	for _, tt := range []struct {
		want   string
		change func(c *canvas.Card)
	}{
		{"text", func(c *canvas.Card) { c.Text += "!" }},
		{"kind", func(c *canvas.Card) { c.Kind = canvas.KindGain }},
		{"moved", func(c *canvas.Card) { c.Y++ }},
		{"resized", func(c *canvas.Card) { c.W++ }},
		{"colour", func(c *canvas.Card) { c.Color = "#112233" }},
		{"quote", func(c *canvas.Card) { c.Source = "Ann, May" }},
		{"tags", func(c *canvas.Card) { c.Tags = []string{"x"} }},
		{"votes", func(c *canvas.Card) { c.Votes++ }},
		{"scores", func(c *canvas.Card) { v := 3; c.Severity = &v }},
		{"scores", func(c *canvas.Card) { *c.Importance = 1 }},
		{"job types", func(c *canvas.Card) { c.JobTypes = []canvas.JobType{canvas.JobSocial} }},
		{"other data", func(c *canvas.Card) { c.Unknown = []byte(`{"x":1}`) }},
	} {
		f := newFixture(t)
		old := f.p.Clone()
		tt.change(f.p.Board(f.vpc.ID).Card(f.job))
		d := canvas.Compare(old, f.p)
		if len(d.Boards) != 1 || len(d.Boards[0].Changed) != 1 || !slices.Equal(d.Boards[0].Changed[0].What, []string{tt.want}) {
			t.Errorf("%s: diff %+v", tt.want, d.Boards)
		}
	}
}

func TestCompareWithNothing(t *testing.T) {
	f := newFixture(t)
	d := canvas.Compare(nil, f.p)
	if a, r, c := d.Counts(); a != f.p.CardCount() || r != 0 || c != 0 || len(d.Boards) != 3 || !d.Boards[0].Added {
		t.Errorf("from nothing: %d added, %d removed, %d changed", a, r, c)
	}
	d = canvas.Compare(f.p, nil)
	if a, r, _ := d.Counts(); a != 0 || r != f.p.CardCount() || !d.Boards[0].Removed {
		t.Errorf("to nothing: %d added, %d removed", a, r)
	}
}

func TestCompareLinkStrengthAndScale(t *testing.T) {
	f := newFixture(t)
	old := f.p.Clone()
	f.vpc.Links[0].Strength = canvas.StrengthWeak
	f.p.ScoreScale = canvas.ScaleSurvey
	d := canvas.Compare(old, f.p)
	if d.Empty() || !d.ScaleChanged || len(d.Boards) != 1 {
		t.Fatalf("diff = %+v", d)
	}
	if b := d.Boards[0]; b.LinksChanged != 1 || b.LinksAdded != 0 || b.LinksRemoved != 0 {
		t.Errorf("links: %d changed, %d added, %d removed; want 1, 0, 0", b.LinksChanged, b.LinksAdded, b.LinksRemoved)
	}
}
