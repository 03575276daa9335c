package board

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// startTestVote starts a vote of 2 voters × 2 dots on pains and gains.
func startTestVote(t *testing.T, b *Widget) {
	t.Helper()
	if err := b.StartVote(2, 2, []canvas.Kind{canvas.KindPain, canvas.KindGain}); err != nil {
		t.Fatal(err)
	}
}

func TestVoteClicksCastAndTakeBack(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, fyne.NewSize(1200, 800), lightTheme())
	b.OnError = func(err error) { t.Logf("error: %v", err) }
	rain := s.byText["Rain"]
	sweaty := s.byText["Arrive sweaty before the 9:00 meeting"] // 4 votes from before
	b.Select(rain)
	startTestVote(t, b)
	if len(b.Selection()) != 0 {
		t.Error("starting a vote kept the selection")
	}
	if got := b.VoteBar(); !strings.HasPrefix(got, "Vote: 4 of 4 dots left") {
		t.Errorf("bar = %q", got)
	}
	click(b, cardCenter(b, rain), 0)
	click(b, cardCenter(b, rain), 0)
	if c := s.vpc.Card(rain); c.Votes != 2 {
		t.Errorf("two clicks: %d votes, want 2", c.Votes)
	}
	if len(b.Selection()) != 0 {
		t.Error("a click during a vote selected a card")
	}
	if got := b.VoteBar(); !strings.HasPrefix(got, "Vote: 2 of 4 dots left") {
		t.Errorf("bar after two dots = %q", got)
	}
	// Shift+click takes one back, never one from before the vote.
	click(b, cardCenter(b, rain), fyne.KeyModifierShift)
	click(b, cardCenter(b, sweaty), fyne.KeyModifierShift)
	if c := s.vpc.Card(rain); c.Votes != 1 {
		t.Errorf("Shift+click: %d votes, want 1", c.Votes)
	}
	if c := s.vpc.Card(sweaty); c.Votes != 4 {
		t.Errorf("Shift+click took back a vote from before: %d", c.Votes)
	}
	if !strings.Contains(b.Notice(), "no dot of this vote") {
		t.Errorf("notice = %q", b.Notice())
	}
	// Each dot is its own undo step.
	if doc.History.UndoName() != "Take back vote" {
		t.Errorf("undo names %q", doc.History.UndoName())
	}
	b.Undo()
	b.Undo()
	if c := s.vpc.Card(rain); c.Votes != 1 {
		t.Errorf("undo of a take back and a dot: %d votes, want 1", c.Votes)
	}
}

func TestVoteLimitAndDimmedCards(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, fyne.NewSize(1200, 800), lightTheme())
	startTestVote(t, b)
	job := s.byText["Get to work on time"]
	if !b.r.view.Card(job).Dimmed() {
		t.Error("a job is not dimmed in a vote on pains and gains")
	}
	if b.r.view.Card(s.byText["Rain"]).Dimmed() {
		t.Error("a pain is dimmed")
	}
	click(b, cardCenter(b, job), 0)
	if s.vpc.Card(job).Votes != 0 || !strings.Contains(b.Notice(), "may not get votes") {
		t.Errorf("a dimmed card: %d votes, notice %q", s.vpc.Card(job).Votes, b.Notice())
	}
	rain := s.byText["Rain"]
	for range 5 {
		click(b, cardCenter(b, rain), 0)
	}
	if c := s.vpc.Card(rain); c.Votes != 4 {
		t.Errorf("5 clicks with 4 dots: %d votes", c.Votes)
	}
	if !strings.Contains(b.Notice(), "no dots left") {
		t.Errorf("notice after the last dot = %q", b.Notice())
	}
	// A drag pans and moves nothing.
	before := *s.vpc.Card(rain)
	pan := b.view.Pan()
	dragSteps(b, cardCenter(b, rain), cardCenter(b, rain).Add(fyne.NewPos(120, 40)), 4)
	if c := s.vpc.Card(rain); c.X != before.X || c.Y != before.Y {
		t.Error("a drag during a vote moved a card")
	}
	if b.view.Pan() == pan {
		t.Error("a drag during a vote did not pan")
	}
	b.EndVote()
	if b.VoteBar() != "" || b.r.view.Card(job).Dimmed() {
		t.Error("the bar or the veil stayed after the vote")
	}
	b.Undo()
	if b.VoteBar() == "" || !b.r.view.Card(job).Dimmed() {
		t.Error("undoing the end did not bring the vote back")
	}
}

func TestVoteResultsLayOut(t *testing.T) {
	b, doc, s, w := newBoardTest(t, vpcBoard, fyne.NewSize(1200, 800), lightTheme())
	startTestVote(t, b)
	click(b, cardCenter(b, s.byText["Rain"]), 0)
	if err := doc.Do(&canvas.EndVote{Board: s.vpc.ID}); err != nil {
		t.Fatal(err)
	}
	res := b.showVoteResults()
	want := []string{"5\tCovered, guarded racks", "4\tArrive sweaty before the 9:00 meeting",
		"3\tArrive fresh: pedal assist on hills", "2\tPredictable arrival time", "1\tRain"}
	if strings.Join(res.rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(res.rows, "\n"), strings.Join(want, "\n"))
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	sweaty, rain := s.vpc.Card(s.byText["Arrive sweaty before the 9:00 meeting"]), s.vpc.Card(s.byText["Rain"])
	test.Tap(res.layout)
	if doc.History.UndoName() != "Lay out by votes" {
		t.Fatalf("undo names %q", doc.History.UndoName())
	}
	// In the pains zone, the pain with 4 votes comes before the one with 1.
	if !(sweaty.Y < rain.Y || sweaty.Y == rain.Y && sweaty.X < rain.X) {
		t.Errorf("sweaty (4) at %v,%v is not before rain (1) at %v,%v", sweaty.X, sweaty.Y, rain.X, rain.Y)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed after the layout")
	}
	b.ClearVotes()
	for _, c := range s.vpc.Cards {
		if c.Votes != 0 {
			t.Fatalf("%q kept %d votes after Clear votes", c.Text, c.Votes)
		}
	}
	if doc.History.UndoName() != "Clear votes" {
		t.Errorf("undo names %q", doc.History.UndoName())
	}
}

func TestVoteDoubleClickAndUndoStart(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, fyne.NewSize(1200, 800), lightTheme())
	rain := s.byText["Rain"]
	startTestVote(t, b)
	// Two quick clicks reach the board as a double tap: two dots, not
	// the card's text editor.
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, rain)})
	if c := s.vpc.Card(rain); c.Votes != 2 || b.Editing() {
		t.Errorf("double click: %d votes, editing %v; want 2 dots, no editor", c.Votes, b.Editing())
	}
	b.Undo()
	b.Undo()
	if doc.History.UndoName() != "Start vote" {
		t.Fatalf("undo names %q after undoing both dots", doc.History.UndoName())
	}
	b.Undo()
	if b.VoteRunning() || b.VoteBar() != "" || b.r.view.Card(s.byText["Get to work on time"]).Dimmed() {
		t.Error("undoing the start left the vote, its bar or its veil")
	}
	// With no vote, a click selects again.
	click(b, cardCenter(b, rain), 0)
	if got := b.Selection(); len(got) != 1 || got[0] != rain || s.vpc.Card(rain).Votes != 0 {
		t.Errorf("after the vote: selection %v, votes %d", got, s.vpc.Card(rain).Votes)
	}
}

// A vote in progress: the bar across the top with the dots left, the
// kinds that may not get votes veiled, the votes' badges on the others.
func TestBoardRendersVote(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, fyne.NewSize(1280, 720), lightTheme())
	startTestVote(t, b)
	click(b, cardCenter(b, s.byText["Rain"]), 0)
	test.AssertImageMatches(t, "board/vpc_vote.png", w.Canvas().Capture())
}

func TestVoteBarNarrow(t *testing.T) {
	b, _, _, w := newBoardTest(t, vpcBoard, fyne.NewSize(1280, 720), lightTheme())
	startTestVote(t, b)
	if !strings.Contains(b.VoteBar(), "Shift+click") {
		t.Errorf("wide bar = %q", b.VoteBar())
	}
	w.Resize(fyne.NewSize(500, 400))
	if got := b.VoteBar(); got != "Vote: 4 of 4 dots left" {
		t.Errorf("narrow bar = %q, want the dots left alone", got)
	}
}
