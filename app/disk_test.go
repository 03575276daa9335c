package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// changedElsewhere opens a copy of the sample, adds a card here, and has
// "someone else" save another version of the file (a card of theirs).
func changedElsewhere(t *testing.T) (w *Window, mine, theirs canvas.Card, path string) {
	t.Helper()
	w, path, _ = newRecoveryWindow(t)
	other, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	theirs = canvas.NewCard(canvas.KindNote, canvas.Point{X: 100, Y: 100}, "Theirs")
	if err := (&canvas.AddCards{Board: other.Boards[0].ID, Cards: []canvas.Card{theirs}}).Apply(other); err != nil {
		t.Fatal(err)
	}
	mine = addCard(t, w, "Mine")
	if err := storage.Save(path, other); err != nil {
		t.Fatal(err)
	}
	return w, mine, theirs, path
}

func has(t *testing.T, path string, c canvas.Card) bool {
	t.Helper()
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return p.Boards[0].Card(c.ID) != nil
}

func TestSaveAsksWhenChangedOnDisk(t *testing.T) {
	w, mine, theirs, path := changedElsewhere(t)
	before, _ := os.ReadFile(path)
	w.Save()
	if msg := dialogText(t, w); !strings.Contains(msg, "sample.jobcanvas was changed on disk today at ") ||
		!strings.Contains(msg, "Save As keeps both") {
		t.Fatalf("dialog:\n%s", msg)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the file was written before the user chose")
	}

	test.Tap(button(t, w, "Compare…"))
	if msg := dialogText(t, w); !strings.Contains(msg, "1 card only in yours, 1 card only in the file.") ||
		!strings.Contains(msg, `+ "Mine" (note)`) || !strings.Contains(msg, `− "Theirs" (note)`) {
		t.Errorf("comparison:\n%s", msg)
	}
	test.Tap(button(t, w, "Back"))
	test.Tap(button(t, w, "Cancel"))
	if !has(t, path, theirs) || has(t, path, mine) || !w.Document().Dirty() {
		t.Fatal("Cancel changed something")
	}

	w.Save()
	test.Tap(button(t, w, "Overwrite"))
	if has(t, path, theirs) || !has(t, path, mine) || w.Document().Dirty() {
		t.Error("Overwrite did not save mine over theirs")
	}
	w.Save() // the file is ours again: no question
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("asked again after overwriting:\n%s", dialogText(t, w))
	}
}

func TestReloadFromDisk(t *testing.T) {
	w, mine, theirs, _ := changedElsewhere(t)
	dir := os.Getenv(storage.RecoveryEnv)
	autosave(w)
	w.Save()
	test.Tap(button(t, w, "Reload"))
	doc := w.Document()
	if doc.Project.Boards[0].Card(theirs.ID) == nil || doc.Project.Boards[0].Card(mine.ID) != nil || doc.Dirty() {
		t.Error("Reload did not open the file as it is on disk")
	}
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("the dropped changes' recovery file is left: %v", files)
	}
}

func TestSaveAsWhenChangedOnDisk(t *testing.T) {
	w, mine, theirs, path := changedElsewhere(t)
	w.Save()
	test.Tap(button(t, w, "Save As…"))
	if name := firstEntry(t, w); name.Text != "sample-2.jobcanvas" {
		t.Fatalf("suggested name %q, want one beside the file that is free", name.Text)
	}
	test.Tap(button(t, w, "Save"))
	copyPath := filepath.Join(filepath.Dir(path), "sample-2.jobcanvas")
	if !has(t, copyPath, mine) || !has(t, path, theirs) || w.Document().Path != copyPath {
		t.Error("Save As did not keep both")
	}
}

// TestSaveAsSameNameStillAsks: choosing the file's own name in Save As is
// a save, and asks like one.
func TestSaveAsSameNameStillAsks(t *testing.T) {
	w, _, theirs, path := changedElsewhere(t)
	w.ShowSaveAs(nil)
	test.Tap(button(t, w, "Save"))
	if msg := dialogText(t, w); !strings.Contains(msg, "was changed on disk") {
		t.Errorf("Save As onto the changed file did not ask:\n%s", msg)
	}
	if !has(t, path, theirs) {
		t.Error("their change was overwritten")
	}
}

// TestSaveWithoutRealChange: a file touched (same content) or deleted is
// not a change by someone else: saving just saves.
func TestSaveWithoutRealChange(t *testing.T) {
	w, path, _ := newRecoveryWindow(t)
	c := addCard(t, w, "Mine")
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)
	w.Save()
	if w.Window.Canvas().Overlays().Top() != nil || !has(t, path, c) {
		t.Error("a touched file asked, or was not saved")
	}
	addCard(t, w, "More")
	os.Remove(path)
	w.Save()
	if w.Window.Canvas().Overlays().Top() != nil || !has(t, path, c) {
		t.Error("a deleted file asked, or was not saved again")
	}
}

// TestSaveFaultsKeepProject: a save that fails says why and where, and
// leaves the project, its unsaved mark and its recovery file as they were.
// (storage's TestSaveFaults fails each step of the write; this is the
// window's side, with a fault a test can cause for real: the folder gone.)
func TestSaveFaultsKeepProject(t *testing.T) {
	w, path, dir := newRecoveryWindow(t)
	c := addCard(t, w, "Precious")
	autosave(w)
	if err := os.RemoveAll(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	w.Save()
	if msg := dialogText(t, w); !strings.Contains(msg, path+": not saved: folder "+filepath.Dir(path)+" does not exist") {
		t.Errorf("message:\n%s", msg)
	}
	if !w.Document().Dirty() || w.Document().Project.Boards[0].Card(c.ID) == nil || w.Document().Path != path {
		t.Error("a failed save changed the project")
	}
	if p, _ := recovered(t, dir); p.Boards[0].Card(c.ID) == nil {
		t.Error("a failed save removed the recovery file")
	}
}
