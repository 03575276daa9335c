package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/storage"
)

// folderFiles lists the names in dir.
func folderFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestOpenSampleWorkshop: Help ▸ Open sample workshop opens a copy with no
// file; Save asks for one (Save As) and writes nothing until it is named.
func TestOpenSampleWorkshop(t *testing.T) {
	w, path := newTestWindow(t)
	wd, _ := os.Getwd()
	before := folderFiles(t, wd)
	menuItem(t, w, "Help", "Open sample workshop").Action()
	doc := w.Document()
	if doc.Path != "" || doc.Project.Name != "Commuter cycling (sample)" || doc.Dirty() {
		t.Fatalf("opened %q at %q (dirty %v): want the sample's copy, with no file, unchanged", doc.Project.Name, doc.Path, doc.Dirty())
	}
	if got := w.Window.Title(); !strings.Contains(got, "Commuter cycling (sample) — not saved yet") {
		t.Errorf("title %q", got)
	}
	bundled, err := storage.Decode(assets.Sample, assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Project.Boards) != len(bundled.Boards) || doc.Project.CardCount() != bundled.CardCount() || doc.Project.ID == bundled.ID {
		t.Errorf("%d boards, %d cards, id %s: not a copy of the sample", len(doc.Project.Boards), doc.Project.CardCount(), doc.Project.ID)
	}

	w.Save()
	if n := len(w.Window.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs after Save, want Save As", n)
	}
	name, ok := w.Window.Canvas().Focused().(*nameField)
	if !ok {
		t.Fatal("Save did not ask for a file name")
	}
	var folder *widget.Label
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(*widget.Label); ok && filepath.IsAbs(l.Text) {
			folder = l
		}
	}
	if folder == nil {
		t.Fatal("Save As shows no folder")
	}
	if name.Text != "commuter-cycling-sample.jobcanvas" {
		t.Errorf("Save As offers %q", name.Text)
	}
	if folder.Text == wd || folder.Text == filepath.Dir(os.Args[0]) {
		t.Errorf("Save As starts in the app's folder %s", folder.Text)
	}
	target := t.TempDir()
	folder.SetText(target)
	if got := folderFiles(t, target); len(got) != 0 {
		t.Fatalf("written before a name was given: %v", got)
	}
	test.Tap(button(t, w, "Save"))
	want := filepath.Join(target, "commuter-cycling-sample.jobcanvas")
	if _, err := os.Stat(want); err != nil || w.Document().Path != want {
		t.Errorf("saved as %q (%v), want %s", w.Document().Path, err, want)
	}
	if got := folderFiles(t, wd); strings.Join(got, ",") != strings.Join(before, ",") {
		t.Errorf("the app's folder changed: %v, was %v", got, before)
	}
	if b, _ := os.ReadFile(path); string(b) == "" {
		t.Error("the file open before was emptied")
	}
}

// TestOpenSampleAsksFirst: with unsaved changes, Open sample workshop asks;
// Cancel keeps the project, Don't save opens the sample.
func TestOpenSampleAsksFirst(t *testing.T) {
	w, path := newTestWindow(t)
	addCard(t, w, "not saved")
	open := menuItem(t, w, "Help", "Open sample workshop")
	open.Action()
	if !strings.Contains(dialogText(t, w), "Save the changes") {
		t.Fatalf("no question about the changes:\n%s", dialogText(t, w))
	}
	test.Tap(button(t, w, "Cancel"))
	if w.Document().Path != path || !w.Document().Dirty() {
		t.Fatal("Cancel did not keep the project")
	}
	open.Action()
	test.Tap(button(t, w, "Don't save"))
	if doc := w.Document(); doc.Path != "" || doc.Project.Name != "Commuter cycling (sample)" {
		t.Errorf("Don't save opened %q at %q", doc.Project.Name, doc.Path)
	}
}
