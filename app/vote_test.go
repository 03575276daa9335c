package app

import (
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestStartVoteDialog(t *testing.T) {
	w, _ := newTestWindow(t)
	b := w.CurrentBoard()
	bd := w.Document().Project.Board(b.BoardID())
	f := w.showStartVote()
	if f.dots.Text != "3" || f.voters.Text != "5" {
		t.Errorf("defaults: %s dots, %s voters; want 3, 5", f.dots.Text, f.voters.Text)
	}
	if got, want := len(f.kinds.Selected), len(bd.TemplateOf().Kinds()); got != want || got < 2 {
		t.Errorf("%d kinds ticked, want all %d of the template", got, want)
	}
	f.voters.SetText("0")
	if f.voters.Validate() == nil {
		t.Error("0 voters accepted")
	}
	f.dots.SetText("2")
	f.voters.SetText("7")
	f.kinds.SetSelected([]string{canvas.KindGain.Label(), canvas.KindPain.Label()})
	f.dialog.Submit()
	v := bd.Vote
	if v == nil || v.DotsPerPerson != 2 || v.Voters != 7 || strings.Join(kindNames(v.Kinds), ",") != "gain,pain" && strings.Join(kindNames(v.Kinds), ",") != "pain,gain" {
		t.Fatalf("vote started = %+v", v)
	}
	if w.Document().History.UndoName() != "Start vote" {
		t.Errorf("undo names %q", w.Document().History.UndoName())
	}
	// The next vote offers the same room.
	w.EndVote()
	if bd.Vote != nil {
		t.Fatal("End Vote left the vote running")
	}
	if f2 := w.showStartVote(); f2.voters.Text != "7" {
		t.Errorf("voters offered next time = %s, want the last 7", f2.voters.Text)
	}
}

func kindNames(ks []canvas.Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// totalVotes is the sum of the votes of bd's cards.
func totalVotes(bd *canvas.Board) int {
	n := 0
	for _, c := range bd.Cards {
		n += c.Votes
	}
	return n
}

func TestClearVotesAsks(t *testing.T) {
	w, _ := newTestWindow(t)
	bd := w.Document().Project.Board(w.CurrentBoard().BoardID())
	before := totalVotes(bd)
	if before == 0 {
		t.Fatal("the sample's first board has no votes to clear")
	}
	w.ShowClearVotes().Dismiss()
	if totalVotes(bd) != before {
		t.Fatal("Cancel cleared votes")
	}
	w.ShowClearVotes().Confirm()
	if n := totalVotes(bd); n != 0 {
		t.Fatalf("%d votes left after Clear votes", n)
	}
	w.CurrentBoard().Undo()
	if totalVotes(bd) != before {
		t.Error("undo did not bring the votes back")
	}
}
