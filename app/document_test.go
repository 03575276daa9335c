package app

import (
	"github.com/jobcanvas/jobcanvas/app/board"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// TestBoardWidgetCloseStopsListening: a closed board stops hearing the
// document, so that the document does not keep it (and its drawing) alive.
func TestBoardWidgetCloseStopsListening(t *testing.T) {
	doc, bd := bigDocument(t, 2)
	before := doc.Listeners()
	b := board.New(doc, bd.ID, nil)
	if doc.Listeners() != before+1 {
		t.Fatalf("%d listeners after making the board, want %d", doc.Listeners(), before+1)
	}
	b.Close()
	if doc.Listeners() != before {
		t.Errorf("%d listeners after closing the board, want %d", doc.Listeners(), before)
	}
}

// TestAutosaveWithoutWindow: the autosaver needs a document and three
// callbacks, no window: its results come back through run, to the
// document's goroutine, and its errors through showError.
func TestAutosaveWithoutWindow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	t.Setenv(storage.RecoveryEnv, dir)
	var errs []error
	queue := make(chan func(), 4)
	owner := func(fn func()) { queue <- fn }
	a := newAutosaver(autosaveUI{run: owner, showError: func(err error) { errs = append(errs, err) }})
	defer a.shutdown()
	p, err := canvas.NewProject("Served", "free")
	if err != nil {
		t.Fatal(err)
	}
	doc := document.New(p, "", owner)
	a.attach(doc)
	add := canvas.NewCard(canvas.KindNote, canvas.Point{X: 100, Y: 100}, "From a server")
	if err := doc.Do(&canvas.AddCards{Board: p.Boards[0].ID, Cards: []canvas.Card{add}}); err != nil {
		t.Fatal(err)
	}
	a.flush()
	a.io.Wait()
	(<-queue)() // the report, handed to the document's goroutine
	a.reported.Wait()
	if r, _ := recovered(t, dir); r.Boards[0].Card(add.ID) == nil || len(errs) != 0 {
		t.Errorf("recovery file without the card, or errors: %v", errs)
	}

	// A failure reaches the user through the callback.
	os.RemoveAll(dir)
	os.WriteFile(dir, nil, 0o644)
	doc.Do(&canvas.RenameBoard{Board: p.Boards[0].ID, Title: "Renamed"})
	a.flush()
	a.io.Wait()
	(<-queue)()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "Autosave failed") {
		t.Errorf("errors reported: %v", errs)
	}
}
