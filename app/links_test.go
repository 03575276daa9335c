package app

import (
	"testing"

	"github.com/jobcanvas/jobcanvas/app/render"
)

// TestViewMenuLinks: View ▸ Links shows all links, those of the selected
// cards or none, on every board; the choice is ticked, remembered, and
// holds for the boards of the next window.
func TestViewMenuLinks(t *testing.T) {
	w, _ := newTestWindow(t)
	choice := func(label string) bool {
		t.Helper()
		for _, it := range menuItem(t, w, "View", "Links").ChildMenu.Items {
			if it.Label == label {
				return it.Checked
			}
		}
		t.Fatalf("no View ▸ Links ▸ %s", label)
		return false
	}
	if !choice("All") || choice("None") {
		t.Fatal("View ▸ Links does not start at All")
	}
	for _, it := range menuItem(t, w, "View", "Links").ChildMenu.Items {
		if it.Label == "None" {
			it.Action()
		}
	}
	for _, tab := range w.tabsByBoard {
		if tab.board.LinkMode() != render.LinksNone {
			t.Fatalf("a board shows links %v after View ▸ Links ▸ None", tab.board.LinkMode())
		}
	}
	if !choice("None") || choice("All") {
		t.Error("the menu does not tick None")
	}
	w2 := NewWindow(w.App)
	t.Cleanup(func() {
		if windowOpen(w2) {
			w2.Window.Close()
		}
	})
	if err := w2.OpenSample(); err != nil {
		t.Fatal(err)
	}
	for _, tab := range w2.tabsByBoard {
		if tab.board.LinkMode() != render.LinksNone {
			t.Fatal("the next window's boards do not take the remembered choice")
		}
	}
	w.SetLinkMode(render.LinksSelected)
	if !choice("Selected Only") || w.CurrentBoard().LinkMode() != render.LinksSelected {
		t.Error("Selected Only")
	}
}
