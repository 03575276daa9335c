package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// FuzzTemplateFile: whatever ParseTemplate accepts, EncodeTemplate writes
// out, and that reads back to the same bytes again: a user's template file
// survives being loaded and saved.
func FuzzTemplateFile(f *testing.F) {
	files, _ := filepath.Glob("../assets/templates/*.json")
	more, _ := filepath.Glob("../app/testdata/templates/*.json")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id": "x", "name": "X", "columns": {"x": 0, "y": 0, "width": 1, "rows": [{"id": "r", "height": 1}]}, "steps": [{"id": "s"}]}`))
	f.Add([]byte(`{"id": "x", "name": "X", "bounds": {"w": 1, "h": 1}, "frames": [], "zones": [{"id": "z", "kinds": [], "rect": {"w": 1, "h": 1}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl, err := canvas.ParseTemplate("fuzz.json", data)
		if err != nil {
			return
		}
		out, err := EncodeTemplate(tpl)
		if err != nil {
			t.Fatalf("a template that parsed does not encode: %v", err)
		}
		back, err := canvas.ParseTemplate("out.json", out)
		if err != nil {
			t.Fatalf("the encoding does not parse: %v\n%s", err, out)
		}
		again, err := EncodeTemplate(back)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("a second round trip differs (%v):\n%s\n%s", err, out, again)
		}
	})
}
