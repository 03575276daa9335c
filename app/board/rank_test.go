package board

import (
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// rankOf is a card's rank (0: none) in the model, and what its note shows.
func rankOf(t *testing.T, b *Widget, id uuid.UUID) (model, shown int) {
	t.Helper()
	if n, ok := b.board().Card(id).Rank(); ok {
		model = n
	}
	shown, _, _, _ = b.r.view.Card(id).Marks()
	return model, shown
}

// TestBoardRankKeys: with pains and gains selected, 1–5 set their
// severity and relevance in one undo step, the notes show it as dots, and
// 0 clears it; a job in the selection is left alone.
func TestBoardRankKeys(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, fit, job := s.byText["Rain"], s.byText["Get fit without finding time for the gym"], s.byText["Get to work on time"]
	b.Select(rain, fit, job)
	b.TypedRune('3')
	if c := s.vpc.Card(rain); c.Severity == nil || *c.Severity != 3 {
		t.Fatalf("pain severity %v, want 3", c.Severity)
	}
	if c := s.vpc.Card(fit); c.Relevance == nil || *c.Relevance != 3 {
		t.Fatalf("gain relevance %v, want 3", c.Relevance)
	}
	if c := s.vpc.Card(job); c.Importance == nil || *c.Importance != 9 || c.Severity != nil || c.Relevance != nil {
		t.Fatalf("the job changed: %+v", c)
	}
	for _, id := range []uuid.UUID{rain, fit} {
		if m, shown := rankOf(t, b, id); m != 3 || shown != 3 {
			t.Errorf("%s: rank %d, note shows %d dots, want 3", s.vpc.Card(id).Text, m, shown)
		}
	}
	if got := doc.History.UndoName(); got != "Set rank" {
		t.Errorf("undo names %q, want %q", got, "Set rank")
	}

	b.TypedRune('5')
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if m, _ := rankOf(t, b, rain); m != 3 {
		t.Fatalf("one undo gave rank %d, want the 3 before", m)
	}
	if m, _ := rankOf(t, b, fit); m != 3 {
		t.Fatalf("one undo gave relevance %d, want the 3 before: 5 was one step for both", m)
	}

	b.Select(rain)
	b.TypedRune('0')
	if c := s.vpc.Card(rain); c.Severity != nil {
		t.Fatalf("0 left severity %d", *c.Severity)
	}
	if _, shown := rankOf(t, b, rain); shown != 0 {
		t.Errorf("a cleared rank still shows %d dots", shown)
	}
	if got := doc.History.UndoName(); got != "Clear severity" {
		t.Errorf("undo names %q, want %q", got, "Clear severity")
	}
	doc.Undo()
	if m, shown := rankOf(t, b, rain); m != 3 || shown != 3 {
		t.Errorf("undo of clear: rank %d, %d dots, want 3", m, shown)
	}
}

// TestBoardRankKeysIgnoreOtherKindsAndTyping: a digit with no pain or
// gain selected, or typed into the card editor, changes nothing and
// reports nothing (the test's OnError fails on any report).
func TestBoardRankKeysIgnoreOtherKindsAndTyping(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	before := doc.History.UndoName()
	b.Select(s.byText["Get to work on time"], s.byText["Covered, guarded racks"])
	b.TypedRune('4')
	if doc.History.UndoName() != before || doc.Dirty() {
		t.Fatal("a digit on a job and a pain reliever made an edit")
	}

	rain := s.byText["Rain"]
	b.Select(rain)
	b.EditSelection()
	if !b.Editing() {
		t.Fatal("no editor")
	}
	b.TypedRune('4') // as if the board had the key while the text is typed
	if c := s.vpc.Card(rain); c.Severity != nil {
		t.Fatal("a digit ranked the card being edited")
	}
	b.cancelEdit()

	// A digit that would change nothing makes no undo step either.
	sweaty := s.byText["Arrive sweaty before the 9:00 meeting"]
	b.Select(sweaty)
	b.TypedRune('4')
	if doc.History.UndoName() != before {
		t.Fatalf("setting severity 4 again made the step %q", doc.History.UndoName())
	}
}

// TestBoardSortByRankFromZoneMenu: the pains zone's menu sorts its cards
// highest severity first, unscored last, in one undo step.
func TestBoardSortByRankFromZoneMenu(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, sweaty, stolen := s.byText["Rain"], s.byText["Arrive sweaty before the 9:00 meeting"], s.byText["Bike stolen at the station"]
	b.Select(rain)
	b.TypedRune('5')
	b.Select()
	places := func() map[uuid.UUID]canvas.Point {
		m := map[uuid.UUID]canvas.Point{}
		for _, c := range s.vpc.Cards {
			m[c.ID] = canvas.Point{X: c.X, Y: c.Y}
		}
		return m
	}
	before := places()

	empty := screenOf(b, at(1600, 1080)) // pains, below the cards
	cardMenuItem(t, b.contextMenu(empty), "Sort by rank").Action()
	if doc.History.UndoName() != "Sort by rank" {
		t.Fatalf("last step %q", doc.History.UndoName())
	}
	order := readingOrder(s.vpc, rain, sweaty, stolen)
	if order[0] != rain || order[1] != sweaty || order[2] != stolen {
		t.Errorf("reading order %v, want severity 5, 4, then the unscored pain", textsOf(s.vpc, order))
	}
	for _, id := range []uuid.UUID{rain, sweaty, stolen} {
		if z := s.vpc.Card(id).Zone; z != "pains" {
			t.Errorf("%s left the pains for %q", s.vpc.Card(id).Text, z)
		}
		v := b.r.view.Card(id)
		if pos, _ := b.view.ScreenRect(s.vpc.Card(id).Rect()); v.Position() != pos {
			t.Errorf("%s drawn at %v, its card is at %v", s.vpc.Card(id).Text, v.Position(), pos)
		}
	}
	doc.Undo()
	for id, p := range places() {
		if before[id] != p {
			t.Fatalf("one undo left %s at %v, was %v", s.vpc.Card(id).Text, p, before[id])
		}
	}
}

// TestBoardSortByRankFromStepMenu: a job map step's header menu sorts
// its outcomes by opportunity; a step with no card offers it disabled.
func TestBoardSortByRankFromStepMenu(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, jobMapBoard, screen, lightTheme())
	j := s.jobMap
	route, closure := s.byText["Minimize the time it takes to pick a safe route"], s.byText["Minimize the likelihood of a road closure on the way"]
	e, err := canvas.ChangeCards(s.project, j.ID, []uuid.UUID{closure}, "Score", func(c *canvas.Card) {
		c.Importance, c.Satisfaction = ptrF(10), ptrF(1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Do(e); err != nil {
		t.Fatal(err)
	}
	if order := readingOrder(j, route, closure); order[0] != route {
		t.Fatal("the test wants the lower opportunity first before sorting")
	}
	hdr := screenOf(b, at(200, 100)) // Define's header
	cardMenuItem(t, b.contextMenu(hdr), "Sort by rank").Action()
	if order := readingOrder(j, route, closure); order[0] != closure {
		t.Errorf("reading order %v, want opportunity 19 before 13", textsOf(j, order))
	}
	if doc.History.UndoName() != "Sort by rank" {
		t.Fatalf("last step %q", doc.History.UndoName())
	}
	doc.Undo()
	if order := readingOrder(j, route, closure); order[0] != route {
		t.Error("undo did not put the step back")
	}

	if it := cardMenuItem(t, b.menus().stepMenu("prepare"), "Sort by rank"); !it.Disabled {
		t.Error("sorting an empty step is offered")
	}
}

// readingOrder sorts ids by where their cards sit: by row, then left to
// right.
func readingOrder(bd *canvas.Board, ids ...uuid.UUID) []uuid.UUID {
	out := append([]uuid.UUID(nil), ids...)
	less := func(a, b *canvas.Card) bool {
		if a.Y+a.H/2 < b.Y || b.Y+b.H/2 < a.Y {
			return a.Y < b.Y
		}
		return a.X < b.X
	}
	for i := 1; i < len(out); i++ {
		for k := i; k > 0 && less(bd.Card(out[k]), bd.Card(out[k-1])); k-- {
			out[k], out[k-1] = out[k-1], out[k]
		}
	}
	return out
}

func textsOf(bd *canvas.Board, ids []uuid.UUID) []string {
	var s []string
	for _, id := range ids {
		s = append(s, bd.Card(id).Text)
	}
	return s
}
