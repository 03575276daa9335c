package app

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// clipWindows is two windows of one app, as two Jobcanvas instances of a
// user are: each has its own board.Clipboard, and they share only the system
// clipboard and the side folder (a folder of the test's own).
func clipWindows(t *testing.T) (from, to *Window) {
	t.Helper()
	t.Setenv(storage.ClipEnv, filepath.Join(t.TempDir(), "clipboard"))
	from, _ = newTestWindow(t)
	to = NewWindow(from.App)
	t.Cleanup(to.Window.Close)
	p, err := canvas.NewProject("Other", "free")
	if err != nil {
		t.Fatal(err)
	}
	to.SetDocument(NewDocument(p, ""))
	if from.clip == to.clip {
		t.Fatal("the windows share a Clipboard")
	}
	return from, to
}

// scoredPair adds a pain with a severity, quote and tag, and an outcome
// with scores, linked, to the window's first board.
func scoredPair(t *testing.T, w *Window) canvas.Clip {
	t.Helper()
	sev, imp, sat := 4, 9.0, 3.5
	pain := canvas.NewCard(canvas.KindPain, canvas.Point{X: -600, Y: -600}, "Arrive soaked")
	pain.Severity, pain.Quote, pain.Source, pain.Tags = &sev, "I keep a spare shirt at work", "Interview 2", []string{"rain"}
	pain.Unknown = []byte(`{"x-later":true}`)
	out := canvas.NewCard(canvas.KindOutcome, canvas.Point{X: -300, Y: -600}, "Minimize the time to dry off")
	out.Importance, out.Satisfaction = &imp, &sat
	link := canvas.Link{From: pain.ID, To: out.ID}
	bd := w.Document().Project.Boards[0]
	if err := w.Document().Do(&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{pain, out}, Links: []canvas.Link{link}}); err != nil {
		t.Fatal(err)
	}
	return canvas.Clip{Cards: []canvas.Card{*bd.Card(pain.ID), *bd.Card(out.ID)}, Links: []canvas.Link{link}}
}

// copyPair copies a scoredPair on the window's first board.
func copyPair(t *testing.T, w *Window) canvas.Clip {
	t.Helper()
	clip := scoredPair(t, w)
	b := w.boards[0]
	b.Select(clip.Cards[0].ID, clip.Cards[1].ID)
	b.Copy()
	return clip
}

// assertPasted checks that the board's last cards are copies of clip's,
// every member but id and place kept, linked as they were.
func assertPasted(t *testing.T, bd *canvas.Board, clip canvas.Clip) {
	t.Helper()
	if len(bd.Cards) < len(clip.Cards) {
		t.Fatalf("%d cards on the board, want at least %d", len(bd.Cards), len(clip.Cards))
	}
	pasted := bd.Cards[len(bd.Cards)-len(clip.Cards):]
	ids := map[uuid.UUID]uuid.UUID{}
	for i, c := range pasted {
		want := clip.Cards[i].Clone()
		if c.ID == want.ID {
			t.Errorf("card %d kept its id", i)
		}
		ids[want.ID] = c.ID
		want.ID, want.X, want.Y, want.Zone = c.ID, c.X, c.Y, c.Zone
		if !reflect.DeepEqual(*c, want) {
			t.Errorf("pasted card %d:\n got %+v\nwant %+v", i, *c, want)
		}
	}
	for _, l := range clip.Links {
		if !slices.Contains(bd.Links, canvas.Link{From: ids[l.From], To: ids[l.To]}) {
			t.Errorf("the link between the copied cards was lost: %v", bd.Links)
		}
	}
}

// TestPasteInAnotherWindowKeepsCards: cards copied in one window paste in
// another (another Jobcanvas alike) with kind, scores, quote, tags,
// unknown members and the links among them, not as text.
func TestPasteInAnotherWindowKeepsCards(t *testing.T) {
	from, to := clipWindows(t)
	clip := copyPair(t, from)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "Arrive soaked\nMinimize the time to dry off" {
		t.Errorf("system clipboard %q: other programs get the plain text", got)
	}
	to.boards[0].Paste()
	bd := to.Document().Project.Boards[0]
	if len(bd.Cards) != 2 || to.Document().History.UndoName() != "Paste" {
		t.Fatalf("%d cards pasted by %q, want 2 by Paste", len(bd.Cards), to.Document().History.UndoName())
	}
	assertPasted(t, bd, clip)

	// Pasting again there puts another copy a step further on.
	x := bd.Cards[0].X
	to.boards[0].Paste()
	if len(bd.Cards) != 4 || bd.Cards[2].X == x {
		t.Errorf("second paste: %d cards, at x %v (first at %v)", len(bd.Cards), bd.Cards[2].X, x)
	}
}

// TestPasteFromAnotherInstance: what another Jobcanvas leaves (the text on
// the system clipboard, the fragment in the side file) pastes as cards.
func TestPasteFromAnotherInstance(t *testing.T) {
	from, to := clipWindows(t)
	clip := scoredPair(t, from)
	dir, _ := storage.ClipDir()
	text := "Arrive soaked\r\nMinimize the time to dry off\r\n" // another system's line ends
	if err := storage.WriteClip(dir, clip, text); err != nil {
		t.Fatal(err)
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
	to.boards[0].Paste()
	assertPasted(t, to.Document().Project.Boards[0], clip)
}

// TestPasteIgnoresStaleOrDamagedSideFile: text copied elsewhere since the
// cards pastes as notes, and so does any text when the side file is
// damaged; nothing crashes.
func TestPasteIgnoresStaleOrDamagedSideFile(t *testing.T) {
	from, to := clipWindows(t)
	copyPair(t, from)
	bd := to.Document().Project.Boards[0]

	fyne.CurrentApp().Clipboard().SetContent("Copied in a mail\nafter the cards")
	to.boards[0].Paste()
	if len(bd.Cards) != 2 || bd.Cards[0].Text != "Copied in a mail" || bd.Cards[0].Kind != canvas.KindNote ||
		to.Document().History.UndoName() != "Paste text" {
		t.Errorf("stale side file: %d cards, first %q (%s), by %q", len(bd.Cards), bd.Cards[0].Text, bd.Cards[0].Kind, to.Document().History.UndoName())
	}

	dir, _ := storage.ClipDir()
	text := "Arrive soaked\nMinimize the time to dry off"
	damaged := `{"format":"jobcanvas-clip","version":1,"text_sha256":"` + storage.ClipTextSum(text) + `","cards":[{"kind":`
	if err := os.WriteFile(filepath.Join(dir, "clipboard.json"), []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	fyne.CurrentApp().Clipboard().SetContent(text)
	to.boards[0].Paste()
	if len(bd.Cards) != 4 || bd.Cards[2].Text != "Arrive soaked" || bd.Cards[2].Kind != canvas.KindNote || bd.Cards[2].Severity != nil {
		t.Errorf("damaged side file: %d cards, third %+v", len(bd.Cards), bd.Cards[2])
	}
}
