package board

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// change edits the cards with fn through the document, as one step.
func change(t *testing.T, b *Widget, fn func(*canvas.Card), ids ...uuid.UUID) {
	t.Helper()
	e, err := canvas.ChangeCards(b.doc.Project, b.boardID, ids, "Change", fn)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.doc.Do(e); err != nil {
		t.Fatal(err)
	}
}

// At 100 % the customer profile's notes show their marks: a pain's
// severity and a gain's relevance as dots, a job's importance, the quote
// mark of a card with the customer's words, the check of an addressed pain
// or gain, and the hint mark of a job not stated as a job.
func TestBoardRendersMarks(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, fyne.NewSize(1000, 800), lightTheme())
	stolen, rain := s.byText["Bike stolen at the station"], s.byText["Rain"]
	change(t, b, func(c *canvas.Card) { c.Severity = ptrI(5); c.Quote = "They took it in broad daylight" }, stolen)
	change(t, b, func(c *canvas.Card) { c.Severity = ptrI(2) }, rain)
	change(t, b, func(c *canvas.Card) { c.Quote = "I want to show up looking fresh" }, s.byText["Get fit without finding time for the gym"])
	safe := s.byText["Feel safe in traffic"]
	change(t, b, func(c *canvas.Card) { c.Text = "Bike app"; c.Importance = ptrF(7.5) }, safe)
	if _, _, _, hint := b.r.view.Card(safe).Marks(); !hint {
		t.Fatal("“Bike app” as a job shows no hint mark")
	}
	if got := b.r.view.Card(safe).Badge(); got != "imp 7.5" {
		t.Errorf("the job's badge says %q, want imp 7.5", got)
	}
	if rank, quote, check, _ := b.r.view.Card(stolen).Marks(); rank != 5 || !quote || !check {
		t.Errorf("Bike stolen shows rank %d, quote %v, check %v; want 5, a quote and a check", rank, quote, check)
	}
	viewAt100(b, at(1800, 720))
	test.AssertImageMatches(t, "board/vpc_marks_100.png", w.Canvas().Capture())
}

// Links in the three strengths: weak thin and lighter, partial medium,
// strong thick; faint while none of their cards is selected, full when
// one is.
func TestBoardRendersLinkStrengths(t *testing.T) {
	b, doc, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	for _, l := range []struct {
		from, to string
		s        canvas.Strength
	}{
		{"Covered, guarded racks", "Bike stolen at the station", canvas.StrengthWeak},
		{"Arrive fresh: pedal assist on hills", "Get fit without finding time for the gym", canvas.StrengthPartial},
		{"Live ride time beats the bus", "Predictable arrival time", canvas.StrengthStrong},
	} {
		if err := doc.Do(&canvas.SetLinkStrength{Board: s.vpc.ID, From: s.byText[l.from], To: s.byText[l.to], Strength: l.s}); err != nil {
			t.Fatal(err)
		}
	}
	b.Select()
	test.AssertImageMatches(t, "board/vpc_links_faint.png", w.Canvas().Capture())
	b.Select(s.byText["Bike stolen at the station"], s.byText["Get fit without finding time for the gym"],
		s.byText["Predictable arrival time"])
	test.AssertImageMatches(t, "board/vpc_links_full.png", w.Canvas().Capture())
}
