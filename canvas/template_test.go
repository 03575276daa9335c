package canvas_test

import (
	"slices"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestTemplates(t *testing.T) {
	ts := canvas.Templates()
	var ids []string
	for _, tp := range ts {
		ids = append(ids, tp.ID)
		if tp.Name == "" || tp.Description == "" {
			t.Errorf("template %q has no name or description", tp.ID)
		}
		got, ok := canvas.TemplateByID(tp.ID)
		if !ok || got != tp {
			t.Errorf("TemplateByID(%q) = %v, %v", tp.ID, got, ok)
		}
		for _, z := range tp.Zones {
			for _, k := range z.Kinds {
				if !k.Valid() {
					t.Errorf("template %q zone %q takes unknown kind %q", tp.ID, z.ID, k)
				}
			}
		}
	}
	if len(ids) < 3 || !slices.Equal(ids[:3], []string{canvas.TemplateValueProposition, canvas.TemplateJobMap, canvas.TemplateFree}) {
		t.Errorf("templates = %v, want value-proposition, job-map, free first", ids)
	}
	if _, ok := canvas.TemplateByID("kanban"); ok {
		t.Error("TemplateByID found an unknown template")
	}

	jm, _ := canvas.TemplateByID(canvas.TemplateJobMap)
	var steps []string
	for _, s := range jm.Steps {
		steps = append(steps, s.Name)
		if s.Description == "" {
			t.Errorf("step %q has no description", s.ID)
		}
	}
	if want := []string{"Define", "Locate", "Prepare", "Confirm", "Execute", "Monitor", "Modify", "Conclude"}; !slices.Equal(steps, want) {
		t.Errorf("job map steps = %v, want %v", steps, want)
	}
	if jm.Columns == nil || len(jm.Columns.Rows) != 2 || jm.Columns.Rows[0].Kinds[0] != canvas.KindJobStep || jm.Columns.Rows[1].Kinds[0] != canvas.KindOutcome {
		t.Errorf("job map columns = %+v", jm.Columns)
	}
	if jm.Columns.Height() != 150+330+700 {
		t.Errorf("column height = %v", jm.Columns.Height())
	}

	vpc, _ := canvas.TemplateByID(canvas.TemplateValueProposition)
	if len(vpc.Zones) != 6 || len(vpc.Frames) != 2 || vpc.Columns != nil || len(vpc.Steps) != 0 {
		t.Errorf("value proposition canvas: %d zones, %d frames", len(vpc.Zones), len(vpc.Frames))
	}
	free, _ := canvas.TemplateByID(canvas.TemplateFree)
	if len(free.Zones) != 0 || free.Columns != nil || free.Bounds.Empty() {
		t.Errorf("free board = %+v", free)
	}
}

func TestNewBoardCopiesSteps(t *testing.T) {
	a, _ := canvas.NewBoard(canvas.TemplateJobMap, "")
	b, _ := canvas.NewBoard(canvas.TemplateJobMap, "Second")
	a.Steps[0].Name = "Changed"
	if b.Steps[0].Name != "Define" || b.Title != "Second" || a.Title != "Job map" || a.ID == b.ID {
		t.Error("boards share the template's steps")
	}
	jm, _ := canvas.TemplateByID(canvas.TemplateJobMap)
	if jm.Steps[0].Name != "Define" {
		t.Error("NewBoard's steps alias the template")
	}
	v, _ := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if v.Steps != nil || v.TemplateBounds() != (canvas.Rect{X: 0, Y: 0, W: 2400, H: 1240}) {
		t.Errorf("value proposition board: steps %v bounds %+v", v.Steps, v.TemplateBounds())
	}
}

func TestTemplateKinds(t *testing.T) {
	for id, want := range map[string][]canvas.Kind{
		canvas.TemplateValueProposition: {canvas.KindJob, canvas.KindPain, canvas.KindGain, canvas.KindProduct,
			canvas.KindPainReliever, canvas.KindGainCreator, canvas.KindNote},
		canvas.TemplateJobMap: {canvas.KindJobStep, canvas.KindOutcome, canvas.KindNote},
		canvas.TemplateFree:   canvas.Kinds,
	} {
		tpl, ok := canvas.TemplateByID(id)
		if !ok {
			t.Fatalf("no template %s", id)
		}
		if got := tpl.Kinds(); !slices.Equal(got, want) {
			t.Errorf("%s offers %v, want %v", id, got, want)
		}
	}
}

// TestJobMapTitleBounds: a job map with a title draws it above its
// columns, and its bounds make room for it; one without has none.
func TestJobMapTitleBounds(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateJobMap, "")
	if err != nil {
		t.Fatal(err)
	}
	b.Title = ""
	if _, ok := b.TitleRect(); ok {
		t.Error("an untitled job map has a title band")
	}
	untitled := b.TemplateBounds()
	b.Title = "Commute to work by bike"
	r, ok := b.TitleRect()
	c := b.TemplateOf().Columns
	if !ok || r.Y+r.H > c.Y || r.X != c.X || r.W != c.ColumnX(len(b.Steps))-c.X {
		t.Fatalf("title band %v over columns at y %v", r, c.Y)
	}
	if got := b.TemplateBounds(); got.Y != r.Y-c.Y || got.Y+got.H != untitled.Y+untitled.H || got.W != untitled.W {
		t.Errorf("bounds %v with a title, %v without", got, untitled)
	}
	vpc, _ := canvas.NewBoard(canvas.TemplateValueProposition, "Urban commuter")
	if _, ok := vpc.TitleRect(); ok {
		t.Error("the value proposition canvas has a title band: it draws its title within its bounds")
	}
}
