package board

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// newMethodBoardTest shows board i of uitest.MethodBoards (0 forces of
// progress, 1 competition, 2 success outcomes) in a projector-sized window.
func newMethodBoardTest(t *testing.T, i int, th fyne.Theme) (*Widget, *document.Document, *canvas.Board, fyne.Window) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(th)
	p := uitest.MethodBoards(t)
	doc := newDocument(p)
	b := New(doc, p.Boards[i].ID, NewClipboard())
	b.OnError = func(err error) { t.Errorf("board error: %v", err) }
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 720))
	return b, doc, p.Boards[i], w
}

// cardByText is the id of the card of bd with that text.
func cardByText(t *testing.T, bd *canvas.Board, text string) uuid.UUID {
	t.Helper()
	for _, c := range bd.Cards {
		if c.Text == text {
			return c.ID
		}
	}
	t.Fatalf("no card %q", text)
	return uuid.Nil
}

// The three boards of the method's other tools, with a few cards each,
// fitted to the window in both themes; the forces board shows its balance.
func TestBoardRendersMethodBoards(t *testing.T) {
	for i, name := range []string{"forces", "competition", "outcomes"} {
		for _, th := range []struct {
			name  string
			theme func() fyne.Theme
		}{{"light", lightTheme}, {"dark", darkTheme}} {
			golden := "board/" + name + "_" + th.name + ".png"
			t.Run(golden, func(t *testing.T) {
				_, _, _, w := newMethodBoardTest(t, i, th.theme())
				test.AssertImageMatches(t, golden, w.Canvas().Capture())
			})
		}
	}
}

// dragCardTo drags a card by its centre to p, as the mouse does.
func dragCardTo(b *Widget, id uuid.UUID, p canvas.Point) {
	from, to := cardCenter(b, id), screenOf(b, p)
	pressAt(b, from, desktop.MouseButtonPrimary, 0)
	dragSteps(b, from, to, 6)
	release(b, to, desktop.MouseButtonPrimary)
}

// balanceSays is the balance's verdict line and totals as drawn.
func balanceSays(b *Widget) (verdict string, totals []string) {
	texts := b.r.view.Balance().Texts()
	for _, tt := range texts {
		if strings.HasPrefix(tt.Text, render.LeansTowards) || strings.HasPrefix(tt.Text, render.LeansAgainst) ||
			strings.HasPrefix(tt.Text, render.Balanced) || tt.Text == render.NoForces {
			verdict = tt.Text
		}
		if tt.Size == 30 && tt.Text != "" && tt.Text[0] >= '0' && tt.Text[0] <= '9' {
			totals = append(totals, tt.Text)
		}
	}
	return verdict, totals
}

// Keys 1–5 set the strength of the selected forces, in one undo step, the
// notes show it as dots, and the balance follows: from 7 against 4 to 8
// each, and back on undo.
func TestBoardStrengthKeysOnForces(t *testing.T) {
	b, doc, bd, _ := newMethodBoardTest(t, 0, lightTheme())
	if v, tot := balanceSays(b); v != "Leans towards switching (7 to 4)" || strings.Join(tot, " ") != "7 4" {
		t.Fatalf("balance says %q, totals %v; want towards 7 to 4", v, tot)
	}
	push := cardByText(t, bd, "The bus was late three times last week")
	unscored := cardByText(t, bd, "Where do I leave the bike safely?")
	b.Select(push, unscored)
	b.TypedRune('5')
	for _, id := range []uuid.UUID{push, unscored} {
		c := bd.Card(id)
		if c.ForceStrength == nil || *c.ForceStrength != 5 {
			t.Fatalf("%q: strength %v, want 5", c.Text, c.ForceStrength)
		}
		if dots, _, _, _ := b.r.view.Card(id).Marks(); dots != 5 {
			t.Errorf("%q shows %d dots, want 5", c.Text, dots)
		}
	}
	if got := doc.History.UndoName(); got != "Set strength" {
		t.Errorf("undo names %q, want %q", got, "Set strength")
	}
	if v, tot := balanceSays(b); v != "Balanced (8 each)" || strings.Join(tot, " ") != "8 8" {
		t.Errorf("after 5: balance says %q, totals %v; want balanced at 8", v, tot)
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(unscored); c.ForceStrength != nil {
		t.Errorf("undo left strength %d", *c.ForceStrength)
	}
	if v, _ := balanceSays(b); v != "Leans towards switching (7 to 4)" {
		t.Errorf("after undo: balance says %q", v)
	}
}

// A force made a note in the inspector loses its strength and leaves the
// balance, which leans the other way; undo brings both back. A force
// dragged into the opposite quadrant takes its kind and changes side.
func TestBoardBalanceFollowsKindAndZone(t *testing.T) {
	b, doc, bd, _ := newMethodBoardTest(t, 0, lightTheme())
	push := cardByText(t, bd, "The bus was late three times last week")
	e, err := canvas.ChangeCard(doc.Project, bd.ID, push, "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindNote })
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Do(e); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(push); c.ForceStrength != nil || c.Kind != canvas.KindNote {
		t.Fatalf("the note: %s, strength %v", c.Kind, c.ForceStrength)
	}
	if v, _ := balanceSays(b); v != "Leans against switching (4 to 3)" {
		t.Errorf("with the push a note: %q", v)
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(push); c.Kind != canvas.KindForcePush || c.ForceStrength == nil || *c.ForceStrength != 4 {
		t.Fatalf("after undo: %s, strength %v; want a push of 4", c.Kind, c.ForceStrength)
	}
	if v, _ := balanceSays(b); v != "Leans towards switching (7 to 4)" {
		t.Errorf("after undo: %q", v)
	}

	// Drag the pull (3) down into the anxiety quadrant.
	pull := cardByText(t, bd, "Colleagues who cycle arrive relaxed")
	dragCardTo(b, pull, at(1880, 1080))
	c := bd.Card(pull)
	if c.Kind != canvas.KindForceAnxiety || c.Zone != "anxiety" || c.ForceStrength == nil || *c.ForceStrength != 3 {
		t.Fatalf("dragged into anxiety: %s in %q, strength %v", c.Kind, c.Zone, c.ForceStrength)
	}
	if v, _ := balanceSays(b); v != "Leans against switching (7 to 4)" {
		t.Errorf("after the drag: %q", v)
	}
}

// On the competition and success outcomes boards, a card dragged into
// another zone takes that zone's kind.
func TestBoardMethodCardsTakeTheZonesKind(t *testing.T) {
	for _, tc := range []struct {
		board int
		text  string
		to    canvas.Point
		zone  string
		kind  canvas.Kind
	}{
		{1, "The bus: get there without effort", at(1800, 560), "indirect", canvas.KindCompetitorIndirect},
		{1, "Gets me there on time, every time", at(1700, 1250), "fire", canvas.KindFireCriterion},
		{2, "Bike stolen at the station", at(1100, 800), "hazards", canvas.KindHazard},
	} {
		t.Run(tc.text, func(t *testing.T) {
			b, doc, bd, _ := newMethodBoardTest(t, tc.board, lightTheme())
			id := cardByText(t, bd, tc.text)
			old := bd.Card(id).Kind
			dragCardTo(b, id, tc.to)
			if c := bd.Card(id); c.Zone != tc.zone || c.Kind != tc.kind {
				t.Fatalf("dropped: %s in %q; want %s in %q", c.Kind, c.Zone, tc.kind, tc.zone)
			}
			if b.r.view.Card(id).Shown().Kind != tc.kind {
				t.Error("the note does not show its new kind")
			}
			doc.Undo()
			if c := bd.Card(id); c.Kind != old {
				t.Errorf("undo: %s, want %s", c.Kind, old)
			}
		})
	}
}
