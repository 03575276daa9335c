package canvas_test

import (
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A bad template file is refused with an error naming the file and where
// it is wrong: the line and column of bad JSON, or the field.
func TestParseTemplateErrors(t *testing.T) {
	const ok = `{"id": "q", "name": "Q", "bounds": {"x": 0, "y": 0, "w": 100, "h": 100}`
	for _, tc := range []struct{ name, json, want string }{
		{"syntax", "{\"id\": \"q\",\n  \"name\": \"Q\" \"bounds\": {}}", "q.json: line 2, column 15: invalid character"},
		{"type", ok + `, "zones": [{"id": "a", "rect": {"x": "left"}}]}`, "q.json: line 1, column 116: zones.rect.x: want a number, got text"},
		{"unknown member", ok + `, "zone": []}`, `q.json: unknown member "zone"`},
		{"truncated", ok, "q.json: the file ends before the template does"},
		{"trailing", ok + "} {}", "q.json: line 1, column 74: more after the template's object"},
		{"no id", `{"name": "Q"}`, "q.json: id: missing"},
		{"no bounds", `{"id": "q", "name": "Q"}`, "q.json: bounds.w: must be positive, got 0"},
		{"zone without size", ok + `, "zones": [{"id": "a", "rect": {"x": 0, "y": 0, "w": 10}}]}`, "q.json: zones[0].rect.h: must be positive, got 0"},
		{"unknown kind", ok + `, "zones": [{"id": "a", "kinds": ["job", "push"], "rect": {"w": 10, "h": 10}}]}`, `q.json: zones[0].kinds[1]: unknown kind "push"`},
		{"same id", ok + `, "zones": [{"id": "a", "rect": {"w": 10, "h": 10}}], "areas": [{"id": "a", "rect": {"w": 5, "h": 5}}]}`, `q.json: areas[0].id: "a" is also the id of zones[0]`},
		{"bad place", ok + `, "zones": [{"id": "a", "place": "middle", "rect": {"w": 10, "h": 10}}]}`, `q.json: zones[0].place: "middle": want "top" or "bottom"`},
		{"bad align", ok + `, "zones": [{"id": "a", "align": "justify", "rect": {"w": 10, "h": 10}}]}`, `q.json: zones[0].align: "justify"`},
		{"slice off its circle", ok + `, "zones": [{"id": "a", "rect": {"w": 10, "h": 10}, "circle": {"cx": 500, "cy": 500, "r": 10}}]}`, "q.json: zones[0].circle: does not meet the zone's rect"},
		{"frame of two shapes", ok + `, "frames": [{"id": "f", "rect": {"w": 10, "h": 10}, "circle": {"cx": 5, "cy": 5, "r": 5}}]}`, "q.json: frames[0]: needs either a rect or a circle"},
		{"axes crossing outside", ok + `, "axes": {"x": 500, "y": 50, "rect": {"w": 100, "h": 100}}}`, "q.json: axes: the axes cross at (500, 50), outside their rect"},
		{"column rows", `{"id": "q", "name": "Q", "columns": {"width": 100, "header": 10}}`, "q.json: columns.rows: a column template needs at least one row"},
		{"row height", `{"id": "q", "name": "Q", "columns": {"width": 100, "rows": [{"id": "r"}]}}`, "q.json: columns.rows[0].height: must be positive, got 0"},
		{"steps without columns", ok + `, "steps": [{"id": "s"}]}`, "q.json: steps: only a template with columns has steps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tpl, err := canvas.ParseTemplate("q.json", []byte(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseTemplate: %v, %v; want an error saying %q", tpl, err, tc.want)
			}
		})
	}
	if _, err := canvas.ParseTemplate("q.json", []byte(ok+"}")); err != nil {
		t.Errorf("a good template: %v", err)
	}
}

// A template read from a file is found like a bundled one once registered,
// and gone once removed; an id already taken is refused.
func TestRegisterTemplate(t *testing.T) {
	tpl, err := canvas.ParseTemplate("areas.json", []byte(`{"id": "test-areas", "name": "Areas",
		"bounds": {"x": 0, "y": 0, "w": 1000, "h": 600},
		"areas": [{"id": "a", "label": "Competitors", "rect": {"x": 40, "y": 40, "w": 400, "h": 300}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	remove, err := canvas.RegisterTemplate(tpl)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := canvas.TemplateByID("test-areas"); !ok || got != tpl {
		t.Errorf("TemplateByID after RegisterTemplate: %v, %v", got, ok)
	}
	if _, err := canvas.RegisterTemplate(tpl); err == nil {
		t.Error("the same id registered twice")
	}
	bundled, _ := canvas.TemplateByID(canvas.TemplateJobMap)
	if _, err := canvas.RegisterTemplate(&canvas.Template{ID: canvas.TemplateJobMap, Name: "Mine", Columns: bundled.Columns}); err == nil {
		t.Error("a template took the id of a bundled one")
	}
	remove()
	if _, ok := canvas.TemplateByID("test-areas"); ok {
		t.Error("the template is still there after remove")
	}
}
