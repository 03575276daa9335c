package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/storage"
)

// A force shows "Strength 1–5" in the inspector, which sets it in one
// undo step; a competitor has no strength row. The strength comes from
// the file and goes back to it.
func TestInspectorForceStrength(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewWindow(a)
	t.Cleanup(func() {
		if windowOpen(w) {
			w.Window.Close()
		}
	})
	data, err := storage.Encode(uitest.MethodBoards(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "forces.jobcanvas")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	bd := w.Document().Project.Boards[0]
	c := cardByText(t, bd, "Colleagues who cycle")
	w.CurrentBoard().Select(c.ID)
	v := w.insp.card
	if v == nil || v.strength == nil || v.severity != nil || v.relevance != nil {
		t.Fatalf("a force's inspector: %+v", v)
	}
	if v.strength.radio.Selected != "3" {
		t.Fatalf("the strength row shows %q, the card has 3", v.strength.radio.Selected)
	}
	v.strength.radio.SetSelected("5")
	if c.ForceStrength == nil || *c.ForceStrength != 5 || w.Document().History.UndoName() != "Set strength" {
		t.Fatalf("after choosing 5: %v, undo %q", c.ForceStrength, w.Document().History.UndoName())
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if *c.ForceStrength != 3 || v.strength.radio.Selected != "3" {
		t.Errorf("undo: %d, row shows %q", *c.ForceStrength, v.strength.radio.Selected)
	}

	w.tabs.SelectIndex(1)
	comp := w.Document().Project.Boards[1]
	w.CurrentBoard().Select(cardByText(t, comp, "Shared city bikes").ID)
	if v := w.insp.card; v == nil || v.strength != nil {
		t.Errorf("a competitor shows a strength row")
	}
}
