package canvas_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestHistoryDirty(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	move := func(gesture uint64, dx float64) canvas.Edit {
		return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}, DX: dx, Gesture: gesture}
	}
	rename := func(to string) canvas.Edit { return &canvas.RenameProject{To: to} }
	steps := []struct {
		do    string // "do", "undo", "redo", "save", "seal"
		edit  canvas.Edit
		dirty bool
	}{
		{"", nil, false}, // a new history is clean
		{"do", rename("A"), true},
		{"save", nil, false},
		{"do", rename("B"), true},
		{"undo", nil, false}, // back at the saved point
		{"undo", nil, true},  // before it
		{"redo", nil, false},
		{"redo", nil, true},
		{"undo", nil, false},
		{"do", move(5, 10), true}, // a new edit on the saved point
		{"save", nil, false},
		{"do", move(5, 10), true}, // coalesced into the saved step: still a change
		{"undo", nil, true},       // takes back both moves: before the saved point
		{"redo", nil, true},       // both moves again: not what was saved
		{"save", nil, false},
		{"seal", nil, false},
		{"do", move(5, 10), true}, // sealed: a step of its own
		{"undo", nil, false},
		{"do", rename("C"), true}, // clears the redo stack
		{"undo", nil, false},
		{"undo", nil, true},
		{"undo", nil, true},
		{"undo", nil, true}, // nothing left to undo
	}
	for i, s := range steps {
		switch s.do {
		case "do":
			if err := h.Do(f.p, s.edit); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		case "undo":
			if _, err := h.Undo(f.p); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		case "redo":
			if _, err := h.Redo(f.p); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
		case "save":
			h.MarkSaved()
		case "seal":
			h.Seal()
		}
		if got := h.Dirty(); got != s.dirty {
			t.Fatalf("step %d (%s): Dirty = %v, want %v", i, s.do, got, s.dirty)
		}
	}
}

func TestHistoryNamesAndRedoStack(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	if h.UndoName() != "" || h.RedoName() != "" {
		t.Fatalf("empty history names: %q %q", h.UndoName(), h.RedoName())
	}
	if ok, err := h.Undo(f.p); ok || err != nil {
		t.Errorf("Undo on an empty history = %v, %v", ok, err)
	}
	if ok, err := h.Redo(f.p); ok || err != nil {
		t.Errorf("Redo on an empty history = %v, %v", ok, err)
	}
	do := func(e canvas.Edit) {
		t.Helper()
		if err := h.Do(f.p, e); err != nil {
			t.Fatal(err)
		}
	}
	names := func(undo, redo string) {
		t.Helper()
		if h.UndoName() != undo || h.RedoName() != redo {
			t.Errorf("UndoName, RedoName = %q, %q; want %q, %q", h.UndoName(), h.RedoName(), undo, redo)
		}
	}
	do(&canvas.RenameBoard{Board: f.vpc.ID, Title: "Canvas"})
	do(&canvas.BringToFront{Board: f.vpc.ID, IDs: []uuid.UUID{f.job}})
	do(&canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}})
	names("Delete card", "")
	h.Undo(f.p)
	names("Bring to front", "Delete card")
	h.Undo(f.p)
	names("Rename board", "Bring to front")
	// A new edit drops what could be redone.
	do(&canvas.Batch{Label: "Paste", Edits: []canvas.Edit{&canvas.RenameProject{To: "X"}}})
	names("Paste", "")
	if ok, err := h.Redo(f.p); ok || err != nil {
		t.Errorf("Redo after a new edit = %v, %v", ok, err)
	}
	if f.vpc.Card(f.pain) == nil || f.vpc.Cards[len(f.vpc.Cards)-1].ID == f.job {
		t.Error("an undone edit came back")
	}
	// A failed edit changes nothing, not even the redo stack.
	h.Undo(f.p)
	if err := h.Do(f.p, &canvas.RenameProject{To: ""}); err == nil {
		t.Fatal("empty name accepted")
	}
	names("Rename board", "Paste")
	// Sealing keeps the name.
	h.Seal()
	names("Rename board", "Paste")
}

func TestHistoryMaxUndo(t *testing.T) {
	p, _ := canvas.NewProject("v0")
	var h canvas.History
	const extra = 5
	for i := 1; i <= canvas.MaxUndo+extra; i++ {
		if err := h.Do(p, &canvas.RenameProject{To: fmt.Sprint("v", i)}); err != nil {
			t.Fatal(err)
		}
	}
	undos := 0
	for {
		ok, err := h.Undo(p)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		undos++
	}
	if undos != canvas.MaxUndo {
		t.Errorf("undo steps = %d, want %d", undos, canvas.MaxUndo)
	}
	if want := fmt.Sprint("v", extra); p.Name != want {
		t.Errorf("oldest state reachable = %q, want %q", p.Name, want)
	}
	// The project never was saved, and the oldest steps are gone: undoing
	// all that is left does not bring back the state of a new project.
	if !h.Dirty() {
		t.Error("Dirty = false after undoing down to a trimmed history")
	}
	h.Redo(p)
	if want := fmt.Sprint("v", extra+1); p.Name != want {
		t.Errorf("after one redo: %q, want %q", p.Name, want)
	}
	// Saved at a point then trimmed away: undoing to just after it is that
	// same state only when it is the newest dropped step.
	var g canvas.History
	q, _ := canvas.NewProject("w0")
	g.Do(q, &canvas.RenameProject{To: "w1"})
	g.MarkSaved()
	for i := 2; i <= canvas.MaxUndo+1; i++ {
		g.Do(q, &canvas.RenameProject{To: fmt.Sprint("w", i)})
	}
	for {
		if ok, _ := g.Undo(q); !ok {
			break
		}
	}
	if q.Name != "w1" || g.Dirty() {
		t.Errorf("back at the saved state %q: name %q, Dirty %v", "w1", q.Name, g.Dirty())
	}
}

// When an edit cannot be undone (its board is gone behind the history's
// back), History reports the error and keeps the step.
func TestHistoryUndoError(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	if err := h.Do(f.p, &canvas.RenameBoard{Board: f.free.ID, Title: "Gone"}); err != nil {
		t.Fatal(err)
	}
	f.p.Boards = f.p.Boards[:2]
	if ok, err := h.Undo(f.p); ok || !errors.Is(err, canvas.ErrNotFound) {
		t.Errorf("Undo = %v, %v", ok, err)
	}
	if h.UndoName() != "Rename board" || h.RedoName() != "" {
		t.Errorf("after a failed undo: %q, %q", h.UndoName(), h.RedoName())
	}
	f.p.Boards = append(f.p.Boards, f.free)
	h.Undo(f.p)
	f.p.Boards = f.p.Boards[:2]
	if ok, err := h.Redo(f.p); ok || !errors.Is(err, canvas.ErrNotFound) {
		t.Errorf("Redo = %v, %v", ok, err)
	}
	if h.RedoName() != "Rename board" {
		t.Errorf("a failed redo lost the step")
	}
}

func TestMaxCards(t *testing.T) {
	p, _ := canvas.NewProject("full", canvas.TemplateFree)
	b := p.Boards[0]
	for range canvas.MaxCards {
		c := canvas.NewCard(canvas.KindNote, canvas.Point{X: 500, Y: 500}, "")
		b.Cards = append(b.Cards, &c)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("%d cards: %v", canvas.MaxCards, err)
	}
	if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{canvas.NewCard(canvas.KindNote, canvas.Point{}, "")}}).Apply(p); err == nil {
		t.Error("AddCards went past MaxCards")
	}
	nb, _ := canvas.NewBoard(canvas.TemplateFree, "")
	c := canvas.NewCard(canvas.KindNote, canvas.Point{}, "")
	nb.Cards = []*canvas.Card{&c}
	if err := (&canvas.AddBoard{Board: nb}).Apply(p); err == nil || len(p.Boards) != 1 {
		t.Error("AddBoard went past MaxCards")
	}
	p.Boards = append(p.Boards, nb)
	if err := p.Validate(); err == nil || err.Error() != "boards: too many cards: 50001, the limit is 50000" {
		t.Errorf("Validate = %v", err)
	}
}

// TestHistoryMarkUnsaved: a project restored from a recovery file is not
// what its file holds, whatever is done or undone, until it is saved.
func TestHistoryMarkUnsaved(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	h.MarkUnsaved()
	if !h.Dirty() {
		t.Fatal("clean right after MarkUnsaved")
	}
	if err := h.Do(f.p, &canvas.RenameProject{To: "A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	if !h.Dirty() {
		t.Error("undo back to the restored state counts as saved")
	}
	h.MarkSaved()
	if h.Dirty() {
		t.Error("dirty after MarkSaved")
	}
}
