package storage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TestTemplateSchemaAcceptsTemplates: every bundled template and the test
// template of a new board shape are valid by the published schema, and
// the schema's kinds are the app's.
func TestTemplateSchemaAcceptsTemplates(t *testing.T) {
	s := compileTemplateSchema(t)
	files, _ := filepath.Glob("../assets/templates/*.json")
	more, _ := filepath.Glob("../app/testdata/templates/*.json")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := canvas.ParseTemplate(f, data); err != nil {
			t.Errorf("the app refuses %s: %v", f, err)
		}
		if err := schemaValidate(s, data); err != nil {
			t.Errorf("the schema refuses %s: %v", f, err)
		}
	}

	var schema struct {
		Defs struct {
			Kinds struct {
				Items struct {
					Enum []canvas.Kind `json:"enum"`
				} `json:"items"`
			} `json:"kinds"`
		} `json:"$defs"`
	}
	data, _ := os.ReadFile(templateSchemaPath)
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	if got := schema.Defs.Kinds.Items.Enum; !slices.Equal(got, canvas.Kinds) {
		t.Errorf("the schema's kinds %v are not the app's %v", got, canvas.Kinds)
	}
}

// TestTemplateSchemaRefusesWhatTheAppRefuses: the mistakes a schema can
// see are refused by both, so an editor with the schema warns before the
// app does.
func TestTemplateSchemaRefusesWhatTheAppRefuses(t *testing.T) {
	s := compileTemplateSchema(t)
	const zone = `{"id": "z", "label": "Z", "kinds": ["pain"], "rect": {"x": 0, "y": 0, "w": 100, "h": 100}}`
	for name, data := range map[string]string{
		"no id":               `{"name": "N", "bounds": {"w": 10, "h": 10}}`,
		"blank name":          `{"id": "t", "name": " ", "bounds": {"w": 10, "h": 10}}`,
		"unknown member":      `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "colour": "red"}`,
		"no bounds":           `{"id": "t", "name": "N"}`,
		"zero width":          `{"id": "t", "name": "N", "bounds": {"w": 0, "h": 10}}`,
		"unknown kind":        `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "zones": [{"id": "z", "kinds": ["worry"], "rect": {"w": 5, "h": 5}}]}`,
		"zone without rect":   `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "zones": [{"id": "z"}]}`,
		"frame rect & circle": `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "frames": [{"id": "f", "rect": {"w": 5, "h": 5}, "circle": {"r": 3}}]}`,
		"frame neither":       `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "frames": [{"id": "f"}]}`,
		"steps, no columns":   `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "steps": [{"id": "s"}]}`,
		"columns, no rows":    `{"id": "t", "name": "N", "columns": {"x": 0, "y": 0, "width": 100, "rows": []}}`,
		"negative radius":     `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "zones": [` + zone[:len(zone)-1] + `, "circle": {"r": -1}}]}`,
		"bad place":           `{"id": "t", "name": "N", "bounds": {"w": 10, "h": 10}, "zones": [` + zone[:len(zone)-1] + `, "place": "middle"}]}`,
	} {
		if _, err := canvas.ParseTemplate("t.json", []byte(data)); err == nil {
			t.Errorf("%s: the app accepts it", name)
		}
		if err := schemaValidate(s, []byte(data)); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
