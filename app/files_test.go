package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
	"github.com/jobcanvas/jobcanvas/storage/testuser"
)

// saveAsDialog opens Save As on the window and returns its name field,
// which has the keyboard, and its folder.
func saveAsDialog(t *testing.T, w *Window) (*nameField, *widget.Label) {
	t.Helper()
	w.ShowSaveAs(nil)
	name, ok := w.Window.Canvas().Focused().(*nameField)
	if !ok {
		t.Fatal("the file name field does not have the keyboard")
	}
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(*widget.Label); ok && filepath.IsAbs(l.Text) {
			return name, l
		}
	}
	t.Fatal("the dialog shows no folder")
	return nil, nil
}

// TestSaveAsTypedPath: a path typed as the file name is split into its
// folder and name, not glued onto the folder shown.
func TestSaveAsTypedPath(t *testing.T) {
	home, _ := os.UserHomeDir()
	for _, c := range []struct{ typed, dir, name string }{
		{"bike", "/f", "bike"},
		{"  bike.jobcanvas ", "/f", "bike.jobcanvas"},
		{"/root/tmp/ux/bike.jobcanvas", "/root/tmp/ux", "bike.jobcanvas"},
		{"sub/bike", "/f/sub", "bike"},
		{"../up/bike", "/up", "bike"},
		{"~/ux/bike", filepath.Join(home, "ux"), "bike"},
		{"~", home, ""},
		{"~bob", "/f", "~bob"}, // not a home folder: a name
	} {
		if dir, name := typedPath("/f", c.typed); dir != c.dir || name != c.name {
			t.Errorf("typedPath(/f, %q) = %q, %q; want %q, %q", c.typed, dir, name, c.dir, c.name)
		}
	}

	w, _ := newTestWindow(t)
	name, folder := saveAsDialog(t, w)
	elsewhere := filepath.Join(t.TempDir(), "ux")
	os.Mkdir(elsewhere, 0o755)
	folder.SetText(t.TempDir())
	test.Type(name, filepath.Join(elsewhere, "bike.jobcanvas"))
	test.Tap(button(t, w, "Save"))
	want := filepath.Join(elsewhere, "bike.jobcanvas")
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog after saving:\n%s", dialogText(t, w))
	}
	if _, err := os.Stat(want); err != nil || w.Document().Path != want {
		t.Errorf("saved as %q (%v), want %s", w.Document().Path, err, want)
	}
}

// TestSaveAsEnterSaves: the name field has the keyboard with the name
// selected, so typing replaces it, and Enter presses Save (Escape,
// Cancel).
func TestSaveAsEnterSaves(t *testing.T) {
	w, path := newTestWindow(t)
	name, _ := saveAsDialog(t, w)
	if name.SelectedText() != "sample.jobcanvas" {
		t.Errorf("selected %q, want the whole name", name.SelectedText())
	}
	test.Type(name, "escaped")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Window.Canvas().Overlays().Top() != nil || w.Document().Path != path {
		t.Fatal("Escape did not cancel")
	}
	name, _ = saveAsDialog(t, w)
	test.Type(name, "bike")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := filepath.Join(filepath.Dir(path), "bike.jobcanvas")
	if _, err := os.Stat(want); err != nil || w.Document().Path != want {
		t.Errorf("Enter saved as %q (%v), want %s", w.Document().Path, err, want)
	}
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open")
	}
}

// TestSaveAsStartsInTheFilesFolder: Save As starts in the open file's
// folder; a project not saved yet starts where the last file was saved.
func TestSaveAsStartsInTheFilesFolder(t *testing.T) {
	w, path := newTestWindow(t)
	if _, folder := saveAsDialog(t, w); folder.Text != filepath.Dir(path) {
		t.Errorf("Save As of an open file starts in %s, want %s", folder.Text, filepath.Dir(path))
	}
	w.Window.Canvas().Overlays().Top().Hide()

	last := t.TempDir()
	if err := w.SaveTo(filepath.Join(last, "other.jobcanvas")); err != nil {
		t.Fatal(err)
	}
	p, _ := canvas.NewProject("Fresh", canvas.TemplateJobMap)
	w.SetDocument(NewDocument(p, ""))
	name, folder := saveAsDialog(t, w)
	if folder.Text != last || name.Text != "fresh.jobcanvas" {
		t.Errorf("Save As of a new project starts at %s, %s; want the last folder saved to, %s", folder.Text, name.Text, last)
	}
}

// TestExportDialogTypedPathAndEnter: the export dialog shares the name
// field's ways: a typed path names the folder, Enter exports, and the
// folder starts at the project's, not at the last export's.
func TestExportDialogTypedPathAndEnter(t *testing.T) {
	w, path := newTestWindow(t)
	w.App.Preferences().SetString(prefExportFolder, t.TempDir())
	e := w.newExportDialog()
	if e.folder.Text != filepath.Dir(path) {
		t.Errorf("export starts in %s, want the project's folder %s", e.folder.Text, filepath.Dir(path))
	}
	e.d.Show()
	focusName(w.Window, e.name)
	other := t.TempDir()
	want := filepath.Join(other, "map.png")
	// An image already there: Enter asks before replacing it. (Were the
	// export to start right away, the test driver would draw the board on
	// the export's goroutine while Enter is still redrawing the field.)
	os.WriteFile(want, nil, 0o644)
	test.Type(e.name, filepath.Join(other, "map"))
	e.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if msg := dialogText(t, w); !strings.Contains(msg, "map.png already exists") {
		t.Fatalf("Enter did not press Export:\n%s", msg)
	}
	done := make(chan exportResult, 1)
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	test.Tap(button(t, w, "Yes"))
	if r := waitExport(t, done); r.err != nil || len(r.paths) != 1 || r.paths[0] != want {
		t.Errorf("exported %v (%v), want %s", r.paths, r.err, want)
	}
}

// TestReadOnlyFileOffersSaveAs: a save refused because the file is
// read-only says so and offers Save As, which saves a copy beside it. It
// runs as a normal user (root too is refused a file without write bits).
func TestReadOnlyFileOffersSaveAs(t *testing.T) {
	dir, ok := testuser.Run(t, nil)
	if !ok {
		return
	}
	t.Setenv(storage.RecoveryEnv, filepath.Join(dir, "recovery"))
	path := filepath.Join(dir, "sample.jobcanvas")
	if err := os.WriteFile(path, assets.Sample, 0o444); err != nil {
		t.Fatal(err)
	}
	w := NewWindow(test.NewTempApp(t))
	t.Cleanup(w.Window.Close)
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	c := addCard(t, w, "Mine")
	w.Save()
	if msg := dialogText(t, w); !strings.Contains(msg, "sample.jobcanvas is read-only") || !strings.Contains(msg, "Save As") {
		t.Fatalf("message:\n%s", msg)
	}
	test.Tap(button(t, w, "Cancel"))
	if !w.Document().Dirty() || w.Document().Path != path {
		t.Error("Cancel changed the document")
	}

	w.Save()
	test.Tap(button(t, w, "Save As…"))
	name := firstEntry(t, w)
	if name.Text != "sample-2.jobcanvas" {
		t.Errorf("Save As suggests %q", name.Text)
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	copyPath := filepath.Join(dir, "sample-2.jobcanvas")
	if !has(t, copyPath, c) || w.Document().Path != copyPath || w.Document().Dirty() {
		t.Error("Save As did not save the project as another file")
	}
	if after, _ := os.ReadFile(path); string(after) != string(assets.Sample) {
		t.Error("the read-only file was changed")
	}
}

// TestSaveKeepsTextBeingTyped: Ctrl+S while a card's text is being typed
// saves that text (it used to stay in the open editor, out of the file).
func TestSaveKeepsTextBeingTyped(t *testing.T) {
	w, path := newTestWindow(t)
	b := w.CurrentBoard()
	b.NewCard()
	test.Type(w.Window.Canvas().Focused(), "Typed, not yet entered")
	w.Save()
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "Typed, not yet entered") || b.Editing() {
		t.Error("the text being typed was not saved")
	}
}

// TestEditShortcutsInDialogs: with a dialog up, the Edit menu's keys act
// on its field, never on the board behind it (Ctrl+A in the file name
// used to select every card).
func TestEditShortcutsInDialogs(t *testing.T) {
	w, _ := newTestWindow(t)
	w.CurrentBoard().Select(w.Document().Project.Boards[0].Cards[0].ID)
	name, _ := saveAsDialog(t, w)
	test.Type(name, "bike")
	menuItem(t, w, "Edit", "Select All").Action()
	if name.SelectedText() != "bike" || len(w.CurrentBoard().Selection()) != 1 {
		t.Errorf("Select All: field selection %q, %d cards selected", name.SelectedText(), len(w.CurrentBoard().Selection()))
	}
	n := len(w.Document().Project.Boards[0].Cards)
	menuItem(t, w, "Edit", "Duplicate").Action()
	if len(w.Document().Project.Boards[0].Cards) != n || w.Document().Dirty() {
		t.Error("Duplicate acted on the board behind the dialog")
	}
}

// TestChooseFolderGivesTheNameBack: after the folder dialog closes, chosen
// or cancelled, the file name field takes keys again. A real window takes
// the focus away on the click on Choose folder…; the test does the same.
func TestChooseFolderGivesTheNameBack(t *testing.T) {
	w, _ := newTestWindow(t)
	name, _ := saveAsDialog(t, w)
	for _, end := range []string{"Cancel", "Open"} {
		w.Window.Canvas().Unfocus()
		test.Tap(button(t, w, "Choose folder…"))
		test.Tap(button(t, w, end))
		if w.Window.Canvas().Focused() != name {
			t.Errorf("after %s in the folder dialog the name field has no keyboard", end)
		}
	}
}
