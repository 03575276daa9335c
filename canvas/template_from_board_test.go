package canvas_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A job map saved as a template keeps the team's steps as they are now,
// and the template's rows, but none of the board's cards.
func TestTemplateFromBoardJobMap(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateJobMap, "Get to work")
	if err != nil {
		t.Fatal(err)
	}
	b.Steps = []canvas.Step{{ID: "leave", Name: "Leave home", Description: "Lock the door"}, {ID: "arrive", Name: "Arrive"}}
	b.Cards = append(b.Cards, &canvas.Card{Text: "a card"})
	tpl, err := canvas.TemplateFromBoard(b, "commute-map", "Commute map")
	if err != nil {
		t.Fatal(err)
	}
	if tpl.ID != "commute-map" || tpl.Name != "Commute map" {
		t.Errorf("id, name = %q, %q", tpl.ID, tpl.Name)
	}
	if !reflect.DeepEqual(tpl.Steps, b.Steps) {
		t.Errorf("steps %+v, want the board's %+v", tpl.Steps, b.Steps)
	}
	jm, _ := canvas.TemplateByID(canvas.TemplateJobMap)
	if !reflect.DeepEqual(tpl.Columns, jm.Columns) {
		t.Errorf("columns %+v, want the job map's %+v", tpl.Columns, jm.Columns)
	}
	// The copy is the new template's own: changing it leaves the board and
	// the bundled job map alone.
	tpl.Steps[0].Name = "changed"
	tpl.Columns.Rows[0].Kinds[0] = canvas.KindNote
	if b.Steps[0].Name != "Leave home" || jm.Columns.Rows[0].Kinds[0] != canvas.KindJobStep {
		t.Error("the template shares its steps or rows with the board or the bundled template")
	}
}

// A zone template keeps its frames, zones and questions; it has no steps.
func TestTemplateFromBoardZones(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := canvas.TemplateFromBoard(b, "my-vpc", "My canvas")
	if err != nil {
		t.Fatal(err)
	}
	vp, _ := canvas.TemplateByID(canvas.TemplateValueProposition)
	if !reflect.DeepEqual(tpl.Zones, vp.Zones) || !reflect.DeepEqual(tpl.Frames, vp.Frames) || tpl.Bounds != vp.Bounds {
		t.Error("zones, frames or bounds differ from the value proposition canvas's")
	}
	if tpl.Steps != nil || tpl.Columns != nil {
		t.Errorf("steps %v, columns %v on a zone template", tpl.Steps, tpl.Columns)
	}
	*tpl.Frames[1].Circle = canvas.Circle{R: 1}
	tpl.Zones[0].Question = "changed"
	if vp.Frames[1].Circle.R != 500 || vp.Zones[0].Question == "changed" {
		t.Error("the template shares its frames or zones with the bundled one")
	}
}

func TestTemplateFromBoardRefusesNoName(t *testing.T) {
	b, _ := canvas.NewBoard(canvas.TemplateFree, "")
	for _, tc := range []struct{ id, name, field string }{{"", "x", "id"}, {"x", " ", "name"}} {
		if _, err := canvas.TemplateFromBoard(b, tc.id, tc.name); err == nil || !strings.Contains(err.Error(), tc.field+": missing") {
			t.Errorf("id %q name %q: err %v, want %s missing", tc.id, tc.name, err, tc.field)
		}
	}
}

func TestIsBundled(t *testing.T) {
	for _, id := range []string{canvas.TemplateValueProposition, canvas.TemplateJobMap, canvas.TemplateFree} {
		if !canvas.IsBundled(id) {
			t.Errorf("IsBundled(%q) = false", id)
		}
	}
	b, _ := canvas.NewBoard(canvas.TemplateFree, "")
	tpl, err := canvas.TemplateFromBoard(b, "test-is-bundled", "Mine")
	if err != nil {
		t.Fatal(err)
	}
	remove, err := canvas.RegisterTemplate(tpl)
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	if canvas.IsBundled(tpl.ID) {
		t.Error("a registered template is reported bundled")
	}
	if _, ok := canvas.TemplateByID(tpl.ID); !ok {
		t.Error("the registered template is not found")
	}
}
