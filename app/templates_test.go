package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// userTemplates points the user's templates folder at a new one, and
// takes the templates a test registers out again when it ends.
func userTemplates(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "templates")
	t.Setenv(storage.TemplateEnv, dir)
	t.Cleanup(forgetUserTemplates)
	return dir
}

// Board ▸ Save as template writes the job map's shape and its steps, and
// File ▸ New and Add board offer it at once, marked as the user's; a new
// project made with it has those steps and no cards.
func TestSaveBoardAsTemplateOfferedInNew(t *testing.T) {
	dir := userTemplates(t)
	w, _ := newTestWindow(t)
	w.tabs.SelectIndex(1)
	src := w.doc.Project.Boards[1]
	if src.Template != canvas.TemplateJobMap || len(src.Cards) == 0 {
		t.Fatalf("the sample's second board is a %s with %d cards", src.Template, len(src.Cards))
	}

	w.ShowSaveTemplate()
	name := uitest.FirstEntry(t, w.Window, nil)
	if name.Text != src.Title {
		t.Errorf("the name starts as %q, want the board's title %q", name.Text, src.Title)
	}
	if w.Window.Canvas().Focused() != name {
		t.Error("the name field does not have the focus")
	}
	name.SetText("Our commute map")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	if got := uitest.Labels(t, w.Window); !strings.Contains(got, `"Our commute map" is offered`) {
		t.Errorf("no word of the saved template: %q", got)
	}

	path := filepath.Join(dir, "our-commute-map.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := canvas.ParseTemplate(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(saved.Steps, src.Steps) || saved.Name != "Our commute map" || saved.Columns == nil {
		t.Errorf("saved %q with steps %v, want the board's %v", saved.Name, saved.Steps, src.Steps)
	}

	w.ShowNew()
	found := false
	for _, o := range uitest.TopDialog(t, w.Window) {
		if c, ok := o.(*widget.Check); ok {
			if c.Text == "Our commute map (yours)" {
				found = true
			}
			c.SetChecked(c.Text == "Our commute map (yours)")
		}
	}
	if !found {
		t.Fatal("File ▸ New does not offer the saved template, marked as the user's")
	}
	uitest.TapButton(t, w.Window, "Create")
	p := w.Document().Project
	if len(p.Boards) != 1 || p.Boards[0].Template != "our-commute-map" {
		t.Fatalf("the new project has boards %v", p.Boards)
	}
	if b := p.Boards[0]; !reflect.DeepEqual(b.Steps, src.Steps) || len(b.Cards) != 0 {
		t.Errorf("the new board has steps %v and %d cards", b.Steps, len(b.Cards))
	}

	w.ShowAddBoard()
	var offered []string
	for _, o := range uitest.TopDialog(t, w.Window) {
		if r, ok := o.(*widget.RadioGroup); ok {
			offered = r.Options
		}
	}
	if !strings.Contains(strings.Join(offered, "|"), "|Our commute map (yours)") {
		t.Errorf("Add board offers %v", offered)
	}
}

// A name whose id a template has cannot be saved: the dialog says so and
// its Save button stays off.
func TestSaveAsTemplateRefusesTakenName(t *testing.T) {
	dir := userTemplates(t)
	w, _ := newTestWindow(t)
	w.ShowSaveTemplate()
	name := uitest.FirstEntry(t, w.Window, nil)
	var save *widget.Button
	for _, o := range uitest.TopDialog(t, w.Window) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			save = b
		}
	}
	if save == nil {
		t.Fatal("no Save button")
	}
	for _, taken := range []string{"Job map", "  JOB   map!", "?!"} {
		name.SetText(taken)
		if err := name.Validate(); err == nil || !save.Disabled() {
			t.Errorf("%q: error %v, Save disabled %v", taken, err, save.Disabled())
		}
	}
	name.SetText("Job map")
	if err := name.Validate(); err == nil || !strings.Contains(err.Error(), `"Job map" has the id "job-map"`) {
		t.Errorf("the field says %v", err)
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("Enter saved a template under a taken name")
	}
	name.SetText("Job map two")
	if err := name.Validate(); err != nil || save.Disabled() {
		t.Errorf("a free name: error %v, Save disabled %v", err, save.Disabled())
	}
	b := w.doc.Project.Boards[0]
	if _, _, err := w.SaveBoardAsTemplate(b, "Free"); err == nil || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("saving over a bundled id: %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("a refused template made the folder")
	}
}

// At start, a bad template file is reported with its path and where it is
// wrong, and the good ones are offered all the same.
func TestUserTemplateFileErrorsReported(t *testing.T) {
	dir := userTemplates(t)
	free, _ := canvas.TemplateByID(canvas.TemplateFree)
	good := *free
	good.ID, good.Name = "retro", "Retro"
	if _, err := storage.SaveTemplate(dir, &good); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(bad, []byte("{\n  \"id\": \"broken\",\n  \"name\": \"Broken\",\n  \"zones\": [{\"id\": \"z\", \"kinds\": [\"jbo\"]}]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := LoadUserTemplates()
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	if _, ok := canvas.TemplateByID("retro"); !ok {
		t.Error("the good template is not registered")
	}
	w, _ := newTestWindow(t)
	w.ShowTemplateErrors(errs)
	got := uitest.Labels(t, w.Window)
	if !strings.Contains(got, "One of your template files could not be loaded") || !strings.Contains(got, bad) {
		t.Errorf("the dialog says %q", got)
	}
	uitest.TapButton(t, w.Window, "Close")
	w.ShowNew()
	var offered []string
	for _, o := range uitest.TopDialog(t, w.Window) {
		if c, ok := o.(*widget.Check); ok {
			offered = append(offered, c.Text)
		}
	}
	var want []string
	for _, tp := range canvas.Templates() {
		if tp.ID != "retro" {
			want = append(want, tp.Name)
		}
	}
	want = append(want, "Retro (yours)") // after every bundled one
	if strings.Join(offered, ",") != strings.Join(want, ",") {
		t.Errorf("New offers %v", offered)
	}
}

func TestTemplateID(t *testing.T) {
	for in, want := range map[string]string{
		"Our commute map":  "our-commute-map",
		"  Q3: retro! ":    "q3-retro",
		"Café ideas":       "café-ideas",
		"x.jobcanvas":      "x-jobcanvas",
		"../../etc/passwd": "etc-passwd",
		"?!":               "",
		"":                 "",
	} {
		if got := templateID(in); got != want {
			t.Errorf("templateID(%q) = %q, want %q", in, got, want)
		}
	}
}
