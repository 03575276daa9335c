package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// crashed leaves an orphan for a copy of the sample with one card added,
// as a Jobcanvas killed after its autosave would, and returns a fresh
// window on the same file (as after a restart) with the card and file.
func crashed(t *testing.T) (w *Window, c canvas.Card, path, dir string) {
	t.Helper()
	old, path, dir := newRecoveryWindow(t)
	c = addCard(t, old, "Recover me")
	autosave(old)
	crashWindow(old)
	w = NewWindow(old.App)
	t.Cleanup(w.Window.Close)
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	return w, c, path, dir
}

// TestRestoreAfterCrash: the restart offers the lost changes; Restore
// shows them as unsaved changes to the same file, which stays untouched
// until the user saves.
func TestRestoreAfterCrash(t *testing.T) {
	w, c, path, dir := crashed(t)
	w.OfferRecovery()
	msg := dialogText(t, w)
	for _, want := range []string{"Jobcanvas stopped before these changes were saved", "Commuter cycling",
		"sample.jobcanvas, in " + filepath.Dir(path), "101 cards, last autosaved today at ",
		"the file stays as it is until you save"} {
		if !strings.Contains(msg, want) {
			t.Errorf("offer does not say %q:\n%s", want, msg)
		}
	}
	test.Tap(button(t, w, "Restore"))
	doc := w.Document()
	if doc.Project.Boards[0].Card(c.ID) == nil || doc.Path != path || !doc.Dirty() {
		t.Fatalf("restored: card %v, path %q, dirty %v", doc.Project.Boards[0].Card(c.ID) != nil, doc.Path, doc.Dirty())
	}
	if !strings.HasPrefix(w.Window.Title(), "• Commuter cycling — sample.jobcanvas") {
		t.Errorf("title %q", w.Window.Title())
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, assets.Sample) {
		t.Error("restoring wrote the user's file")
	}
	if o, _ := storage.Orphans(dir); len(o) != 0 {
		t.Error("the restored recovery file is still offered")
	}
	// Undo cannot make it look saved: it is not what the file holds.
	menuItem(t, w, "Edit", "Undo").Action()
	if !doc.Dirty() {
		t.Error("clean after an undo, though the file lacks the card")
	}
	w.Save()
	w.recovery.reported.Wait()
	if p, err := storage.Load(path); err != nil || p.Boards[0].Card(c.ID) == nil {
		t.Errorf("saved file lacks the restored card (%v)", err)
	}
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("recovery file left after saving the restored project: %v", files)
	}
}

// TestRestoreWithKeyboard: Restore has the focus, and Enter presses it.
func TestRestoreWithKeyboard(t *testing.T) {
	w, c, _, _ := crashed(t)
	w.OfferRecovery()
	f, ok := w.Window.Canvas().Focused().(*defaultButton)
	if !ok || f.Text != "Restore" {
		t.Fatalf("focus on %#v, want the Restore button", w.Window.Canvas().Focused())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Document().Project.Boards[0].Card(c.ID) == nil {
		t.Error("Enter did not restore")
	}
}

// TestCompareRecovered: Compare lists, per board, what restoring brings
// back; Back returns to the offer.
func TestCompareRecovered(t *testing.T) {
	w, _, _, _ := crashed(t)
	w.OfferRecovery()
	test.Tap(button(t, w, "Compare…"))
	msg := dialogText(t, w)
	for _, want := range []string{
		`The recovered version of "Commuter cycling" compared with sample.jobcanvas as it is on disk:`,
		"1 card only in the recovered version.",
		"Urban commuter", `+ "Recover me" (note)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("comparison does not say %q:\n%s", want, msg)
		}
	}
	test.Tap(button(t, w, "Back"))
	if !strings.Contains(dialogText(t, w), "Jobcanvas stopped before") {
		t.Error("Back did not return to the offer")
	}
}

// TestDiscardAndNotNow: Not now keeps the file for the next start; Discard
// deletes it after asking, and leaves the open project as it was.
func TestDiscardAndNotNow(t *testing.T) {
	w, c, _, dir := crashed(t)
	w.OfferRecovery()
	test.Tap(button(t, w, "Not now"))
	if o, _ := storage.Orphans(dir); len(o) != 1 {
		t.Fatalf("Not now: %d orphans, want 1", len(o))
	}
	w.OfferRecovery()
	test.Tap(button(t, w, "Discard…"))
	test.Tap(button(t, w, "Cancel"))
	if o, _ := storage.Orphans(dir); len(o) != 1 {
		t.Fatal("cancelling the discard deleted the file")
	}
	test.Tap(button(t, w, "Discard…")) // Cancel went back to the offer
	test.Tap(button(t, w, "Discard"))
	if o, _ := storage.Orphans(dir); len(o) != 0 {
		t.Errorf("Discard left %d orphans", len(o))
	}
	if w.Document().Project.Boards[0].Card(c.ID) != nil || w.Document().Dirty() {
		t.Error("Discard changed the open project")
	}
}

// TestRecoverNeverSaved: the sample, edited and never saved, comes back as
// a project not saved yet, compared with the sample.
func TestRecoverNeverSaved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	t.Setenv(storage.RecoveryEnv, dir)
	a := test.NewTempApp(t)
	old := NewWindow(a)
	t.Cleanup(old.Window.Close)
	if err := old.OpenSample(); err != nil {
		t.Fatal(err)
	}
	c := addCard(t, old, "Never saved")
	crashWindow(old)

	w := NewWindow(a)
	t.Cleanup(w.Window.Close)
	if err := w.OpenSample(); err != nil {
		t.Fatal(err)
	}
	w.OfferRecovery()
	if msg := dialogText(t, w); !strings.Contains(msg, "Never saved\n101 cards") || !strings.Contains(msg, "as a project not saved yet") {
		t.Errorf("offer:\n%s", msg)
	}
	test.Tap(button(t, w, "Compare…"))
	if msg := dialogText(t, w); !strings.Contains(msg, "compared with the bundled sample") || !strings.Contains(msg, `+ "Never saved" (note)`) {
		t.Errorf("comparison:\n%s", msg)
	}
	test.Tap(button(t, w, "Back"))
	test.Tap(button(t, w, "Restore"))
	if doc := w.Document(); doc.Path != "" || !doc.Dirty() || doc.Project.Boards[0].Card(c.ID) == nil {
		t.Errorf("restored: path %q, dirty %v", doc.Path, doc.Dirty())
	}
}

// TestNothingToRecover: a recovery file holding what the file holds (a
// crash between a save and the file's removal) is deleted, not offered.
func TestNothingToRecover(t *testing.T) {
	old, path, dir := newRecoveryWindow(t)
	addCard(t, old, "Saved")
	autosave(old)
	if err := storage.Save(path, old.Document().Project); err != nil { // saved, but not by old
		t.Fatal(err)
	}
	crashWindow(old)
	if len(recoveryFiles(t, dir)) != 1 {
		t.Fatal("no recovery file to start with")
	}
	w := NewWindow(old.App)
	t.Cleanup(w.Window.Close)
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	w.OfferRecovery()
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Errorf("offered:\n%s", dialogText(t, w))
	}
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("left: %v", files)
	}
}

// TestRecoverFileChangedSince: the offer says when the file changed after
// the lost session opened it, and saving the restored project asks.
func TestRecoverFileChangedSince(t *testing.T) {
	w, c, path, _ := crashed(t)
	theirs := w.Document().Project.Clone()
	theirs.Name = "Renamed by a colleague"
	if err := storage.Save(path, theirs); err != nil {
		t.Fatal(err)
	}
	w.OfferRecovery()
	if msg := dialogText(t, w); !strings.Contains(msg, "The file was also changed after this version was opened") {
		t.Errorf("offer:\n%s", msg)
	}
	test.Tap(button(t, w, "Restore"))
	w.Save()
	if msg := dialogText(t, w); !strings.Contains(msg, "sample.jobcanvas was changed on disk") {
		t.Fatalf("saving over their change did not ask:\n%s", msg)
	}
	test.Tap(button(t, w, "Overwrite"))
	if p, _ := storage.Load(path); p == nil || p.Boards[0].Card(c.ID) == nil {
		t.Error("Overwrite did not save")
	}
}

// TestOpenOffersThatFile: opening a file from the menu offers its own
// orphan, not others'.
func TestOpenOffersThatFile(t *testing.T) {
	w, _, path, _ := crashed(t)
	w.openReported(path)
	if msg := dialogText(t, w); !strings.Contains(msg, "sample.jobcanvas, in") {
		t.Errorf("offer:\n%s", msg)
	}
	w.Window.Canvas().Overlays().Remove(w.Window.Canvas().Overlays().Top())
	other := filepath.Join(t.TempDir(), "other.jobcanvas")
	os.WriteFile(other, assets.Sample, 0o644)
	w.openReported(other)
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Errorf("another file's orphan offered:\n%s", dialogText(t, w))
	}
}
