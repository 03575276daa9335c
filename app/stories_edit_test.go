package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// storiesWindow opens storiesProject in a window, on the job stories
// board, with the story about the cancelled train selected.
func storiesWindow(t *testing.T) (*Window, *canvas.Board, *canvas.Card) {
	t.Helper()
	w, _ := newTestWindow(t)
	data, err := storage.Encode(storiesProject(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "stories.jobcanvas")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	bd := w.Document().Project.Boards[0]
	story := cardByText(t, bd, "When the train is cancelled")
	w.CurrentBoard().Select(story.ID)
	if w.insp.card == nil {
		t.Fatal("no card view")
	}
	return w, bd, story
}

// The inspector shows a field a part; each commits on Enter or focus loss
// as one undo step, and the card's text, read only there, follows.
func TestInspectorPartFields(t *testing.T) {
	w, _, story := storiesWindow(t)
	v := w.insp.card
	if len(v.parts) != 3 {
		t.Fatalf("%d part fields, want 3", len(v.parts))
	}
	if !v.text.entry.Disabled() {
		t.Error("the composed text can be typed over")
	}
	if got := v.parts[1].entry.Text; got != "know another way in at once" {
		t.Errorf("motivation field shows %q", got)
	}
	n := edits(w)
	typeIn(w, v.parts[1].entry, "find another way in at once", fyne.KeyReturn)
	if *n != 1 || story.Parts["motivation"] != "find another way in at once" {
		t.Fatalf("%d edits, motivation %q", *n, story.Parts["motivation"])
	}
	if story.Text != "When the train is cancelled, I want to find another way in at once, so I can still be on time" {
		t.Errorf("text %q", story.Text)
	}
	if got := w.Document().History.UndoName(); got != "Edit motivation" {
		t.Errorf("undo step %q", got)
	}
	typeIn(w, v.parts[2].entry, "keep my promise", "") // focus loss
	if *n != 2 || story.Parts["outcome"] != "keep my promise" {
		t.Fatalf("focus loss: %d edits, outcome %q", *n, story.Parts["outcome"])
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if story.Parts["outcome"] != "still be on time" || v.parts[2].entry.Text != "still be on time" {
		t.Errorf("undo left outcome %q, field %q", story.Parts["outcome"], v.parts[2].entry.Text)
	}
	// Competitors of two kinds share their parts, and their fields.
	free := w.Document().Project.Boards[1]
	w.tabs.SelectIndex(1)
	w.CurrentBoard().Select(cardByText(t, free, "City bike share").ID, cardByText(t, free, "Bus pass").ID)
	if v := w.insp.card; len(v.parts) != 2 || v.parts[0].entry.PlaceHolder != several {
		t.Errorf("two competitors: %d part fields", len(v.parts))
	}
}

// Make a job card, from the inspector: a customer job saying the story's
// motivation, in "Jobs found", linked from the story, selected; one undo
// step takes all of it back.
func TestInspectorMakeJobCard(t *testing.T) {
	w, bd, story := storiesWindow(t)
	cards, links := len(bd.Cards), len(bd.Links)
	n := edits(w)
	test.Tap(findButton(t, w.insp.card.box, "Make a job card"))
	if *n != 1 || len(bd.Cards) != cards+1 || len(bd.Links) != links+1 {
		t.Fatalf("%d edits, %d cards, %d links", *n, len(bd.Cards), len(bd.Links))
	}
	job := bd.Cards[len(bd.Cards)-1]
	if job.Kind != canvas.KindJob || job.Text != "Know another way in at once" || job.Zone != "jobs" {
		t.Errorf("job card: %s %q in %q", job.Kind, job.Text, job.Zone)
	}
	if bd.LinkIndex(story.ID, job.ID) < 0 {
		t.Error("not linked to the story")
	}
	if sel := w.CurrentBoard().Selection(); len(sel) != 1 || sel[0] != job.ID {
		t.Errorf("selection %v, want the job", sel)
	}
	if got := w.Document().History.UndoName(); got != "Make a job card" {
		t.Errorf("undo step %q", got)
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if len(bd.Cards) != cards || len(bd.Links) != links {
		t.Errorf("undo left %d cards, %d links", len(bd.Cards), len(bd.Links))
	}
}
