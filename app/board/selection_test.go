package board

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestSelection(t *testing.T) {
	p, err := canvas.NewProject("Selection", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	add := &canvas.AddCards{Board: bd.ID}
	for i := range 4 {
		add.Cards = append(add.Cards, canvas.NewCard(canvas.KindNote, canvas.Point{X: float64(i) * 200}, "card"))
	}
	if err := add.Apply(p); err != nil {
		t.Fatal(err)
	}
	a, b, c, d := bd.Cards[0].ID, bd.Cards[1].ID, bd.Cards[2].ID, bd.Cards[3].ID

	s := NewSelection()
	if s.Len() != 0 || s.InOrder(bd) != nil {
		t.Fatal("a new selection is not empty")
	}
	shown := map[uuid.UUID]bool{}
	show := func(id uuid.UUID, on bool) { shown[id] = on }
	if !s.Replace(map[uuid.UUID]bool{c: true, a: true}, show) {
		t.Error("selecting two cards reported no change")
	}
	if got := s.InOrder(bd); !slices.Equal(got, []uuid.UUID{a, c}) {
		t.Errorf("InOrder %v, want drawing order %v", got, []uuid.UUID{a, c})
	}
	if !shown[a] || !shown[c] || len(shown) != 2 {
		t.Errorf("shown %v", shown)
	}
	if s.Replace(s.Set(), show) {
		t.Error("the same selection again reported a change")
	}
	if !s.Replace(s.Toggled(a), show) || s.Has(a) || !s.Has(c) || shown[a] {
		t.Errorf("toggling a selected card: has %v, shown %v", s.Has(a), shown[a])
	}
	if !s.Replace(s.Toggled(d), show) || !s.Has(d) || s.Len() != 2 {
		t.Errorf("toggling an unselected card: has %v, len %d", s.Has(d), s.Len())
	}
	set := s.Set()
	set[b] = true
	if s.Has(b) {
		t.Error("changing the copy from Set changed the selection")
	}

	if err := (&canvas.RemoveCards{Board: bd.ID, IDs: []uuid.UUID{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	s.Prune(bd)
	if got := s.InOrder(bd); !slices.Equal(got, []uuid.UUID{d}) || s.Len() != 1 {
		t.Errorf("after the card was removed: %v", got)
	}
	s.Prune(nil)
	if s.Len() != 0 {
		t.Error("the board gone, the selection is not empty")
	}
}
