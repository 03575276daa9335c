package board

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// freeBoard is a free board with a card near the origin and one far off,
// shown in a 600×400 window.
func freeBoard(t *testing.T) (*Widget, []uuid.UUID) {
	t.Helper()
	test.NewTempApp(t)
	p, err := canvas.NewProject("Observe", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	near := canvas.NewCard(canvas.KindNote, at(200, 200), "near")
	far := canvas.NewCard(canvas.KindNote, at(6000, 4000), "far")
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{near, far}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	b := New(newDocument(p), bd.ID, nil)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(600, 400))
	b.ShowAt(1, canvas.Point{})
	return b, []uuid.UUID{near.ID, far.ID}
}

// TestOnSelectionChanged: listeners hear every change of the selection,
// by a call or by a click, until they cancel.
func TestOnSelectionChanged(t *testing.T) {
	b, ids := freeBoard(t)
	heard, other := 0, 0
	cancel := b.OnSelectionChanged(func() { heard++ })
	cancelOther := b.OnSelectionChanged(func() { other++ })
	b.Select(ids[0])
	click(b, cardCenter(b, ids[0]), fyne.KeyModifierShift) // toggles it out
	if heard != 2 || len(b.Selection()) != 0 {
		t.Fatalf("heard %d changes, selection %v; want 2, none", heard, b.Selection())
	}
	b.SelectAll()
	key(b, fyne.KeyEscape)
	if heard != 4 {
		t.Errorf("Select All and Escape: heard %d changes in all, want 4", heard)
	}
	cancel()
	cancel() // twice is harmless
	b.Select(ids[1])
	if heard != 4 || other != 5 {
		t.Errorf("after cancel heard %d (want 4), the other listener %d (want 5)", heard, other)
	}
	cancelOther()
	if len(b.selListeners) != 0 {
		t.Errorf("%d listeners left", len(b.selListeners))
	}
}

// TestReveal: revealing a card selects it and pans to it when it is out
// of view, and leaves the view alone when it is in view.
func TestReveal(t *testing.T) {
	b, ids := freeBoard(t)
	pan := b.view.Pan()
	b.Reveal(ids[0])
	if sel := b.Selection(); len(sel) != 1 || sel[0] != ids[0] || b.view.Pan() != pan {
		t.Fatalf("revealing a card in view: selection %v, pan %v → %v", sel, pan, b.view.Pan())
	}
	b.Reveal(ids[1])
	far := b.board().Card(ids[1])
	if sel := b.Selection(); len(sel) != 1 || sel[0] != ids[1] || !b.viewRect().Contains(far.Center()) {
		t.Fatalf("the far card is not selected and in view: %v, view %v", sel, b.viewRect())
	}
	b.Reveal(uuid.New()) // a card no longer there: nothing happens
	if sel := b.Selection(); len(sel) != 1 || sel[0] != ids[1] {
		t.Errorf("revealing a missing card changed the selection to %v", sel)
	}
}

// TestColorChoices: the inspector offers what the card menu offers.
func TestColorChoices(t *testing.T) {
	b, ids := freeBoard(t)
	cs := b.ColorChoices(ids[:1])
	if len(cs) < 1+len(extraCardColors) || cs[0].Hex != "" {
		t.Fatalf("%d choices, first %v", len(cs), cs[0])
	}
	var menu []string
	for _, it := range b.menus().cardMenu(ids[:1]).Items {
		if it.Label == "Colour" {
			for _, c := range it.ChildMenu.Items {
				menu = append(menu, c.Label)
			}
		}
	}
	if len(menu) != len(cs) {
		t.Fatalf("the menu offers %d colours, ColorChoices %d", len(menu), len(cs))
	}
	for i, c := range cs {
		if menu[i] != c.Name {
			t.Errorf("choice %d is %q, the menu says %q", i, c.Name, menu[i])
		}
	}
}
