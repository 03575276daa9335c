package canvas_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// startVote starts a vote on f's value proposition canvas: 2 voters of 2
// dots each, for pains and gains.
func startVote(t *testing.T, f *fixture) {
	t.Helper()
	e := &canvas.StartVote{Board: f.vpc.ID, DotsPerPerson: 2, Voters: 2, Kinds: []canvas.Kind{canvas.KindPain, canvas.KindGain}}
	if err := e.Apply(f.p); err != nil {
		t.Fatal(err)
	}
}

func TestVoteLimits(t *testing.T) {
	f := newFixture(t)
	startVote(t, f)
	v := f.vpc.Vote
	if v.Left(f.vpc) != 4 {
		t.Fatalf("Left = %d at the start, want 2 × 2", v.Left(f.vpc))
	}
	cast := func(id uuid.UUID) error { return (&canvas.CastDot{Board: f.vpc.ID, Card: id}).Apply(f.p) }
	for i, id := range []uuid.UUID{f.pain, f.pain, f.gain, f.pain} {
		if err := cast(id); err != nil {
			t.Fatalf("dot %d: %v", i+1, err)
		}
		if got := v.Left(f.vpc); got != 3-i {
			t.Errorf("after dot %d: Left = %d, want %d", i+1, got, 3-i)
		}
	}
	err := cast(f.gain)
	if err == nil || !strings.Contains(err.Error(), "no dots left") || !strings.Contains(err.Error(), "all 4 dots") {
		t.Errorf("the fifth dot: err = %v, want no dots left, all 4 used", err)
	}
	if g := f.vpc.Card(f.gain); g.Votes != 1 {
		t.Errorf("refused dot changed the gain's votes to %d", g.Votes)
	}
	if p := f.vpc.Card(f.pain); p.Votes != 3 || v.Dots[f.pain] != 3 {
		t.Errorf("pain: votes %d, dots %d; want 3, 3", p.Votes, v.Dots[f.pain])
	}
	if err := f.p.Validate(); err != nil {
		t.Errorf("project mid-vote invalid: %v", err)
	}
}

func TestVoteDimmedKindsGetNoDots(t *testing.T) {
	f := newFixture(t)
	startVote(t, f)
	for _, id := range []uuid.UUID{f.job, f.reliever, f.note} {
		c := f.vpc.Card(id)
		if !f.vpc.VoteDimmed(c) {
			t.Errorf("%s is not dimmed", c.Kind)
		}
		err := (&canvas.CastDot{Board: f.vpc.ID, Card: id}).Apply(f.p)
		if err == nil || !strings.Contains(err.Error(), "may not get votes") {
			t.Errorf("dot on a %s: err = %v, want may not get votes", c.Kind, err)
		}
		if c.Votes != 0 {
			t.Errorf("%s got %d votes", c.Kind, c.Votes)
		}
	}
	if f.vpc.VoteDimmed(f.vpc.Card(f.pain)) {
		t.Error("a pain is dimmed in a vote on pains")
	}
}

func TestTakeDotOnlyThisVote(t *testing.T) {
	f := newFixture(t)
	f.vpc.Card(f.pain).Votes = 2 // from an earlier vote
	startVote(t, f)
	take := &canvas.TakeDot{Board: f.vpc.ID, Card: f.pain}
	if err := take.Apply(f.p); err == nil || !strings.Contains(err.Error(), "no dot of this vote") {
		t.Fatalf("taking back an earlier vote: err = %v", err)
	}
	if err := (&canvas.CastDot{Board: f.vpc.ID, Card: f.pain}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, &canvas.TakeDot{Board: f.vpc.ID, Card: f.pain})
	if c := f.vpc.Card(f.pain); c.Votes != 2 || f.vpc.Vote.Left(f.vpc) != 4 {
		t.Errorf("after take back: votes %d, left %d; want 2, 4", c.Votes, f.vpc.Vote.Left(f.vpc))
	}
	if err := (&canvas.TakeDot{Board: f.vpc.ID, Card: f.pain}).Apply(f.p); err == nil {
		t.Error("took back a dot twice")
	}
}

func TestVoteEditsUndo(t *testing.T) {
	f := newFixture(t)
	checkUndoRedo(t, f.p, &canvas.StartVote{Board: f.vpc.ID, DotsPerPerson: 3, Voters: 5, Kinds: []canvas.Kind{canvas.KindPain}})
	checkUndoRedo(t, f.p, &canvas.CastDot{Board: f.vpc.ID, Card: f.pain})
	checkUndoRedo(t, f.p, &canvas.CastDot{Board: f.vpc.ID, Card: f.pain})
	checkUndoRedo(t, f.p, &canvas.ClearVotes{Board: f.vpc.ID})
	if c := f.vpc.Card(f.pain); c.Votes != 0 || f.vpc.Vote.Left(f.vpc) != 15 {
		t.Errorf("after clear: votes %d, left %d; want 0, 15", c.Votes, f.vpc.Vote.Left(f.vpc))
	}
	checkUndoRedo(t, f.p, &canvas.CastDot{Board: f.vpc.ID, Card: f.pain})
	checkUndoRedo(t, f.p, &canvas.EndVote{Board: f.vpc.ID})
	if f.vpc.Vote != nil || f.vpc.Card(f.pain).Votes != 1 {
		t.Errorf("after end: vote %v, votes %d; want none, 1 kept", f.vpc.Vote, f.vpc.Card(f.pain).Votes)
	}
	for _, e := range []canvas.Edit{&canvas.CastDot{Board: f.vpc.ID, Card: f.pain}, &canvas.TakeDot{Board: f.vpc.ID, Card: f.pain}, &canvas.EndVote{Board: f.vpc.ID}} {
		if err := e.Apply(f.p); !errors.Is(err, canvas.ErrNoVote) {
			t.Errorf("%s with no vote: err = %v, want ErrNoVote", e.Name(), err)
		}
	}
	checkUndoRedo(t, f.p, &canvas.ClearVotes{Board: f.vpc.ID})
	if err := (&canvas.ClearVotes{Board: f.vpc.ID}).Apply(f.p); err == nil {
		t.Error("clearing a board without votes made an undo step")
	}
}

func TestStartVoteRefuses(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		e    canvas.StartVote
		want string
	}{
		{canvas.StartVote{DotsPerPerson: 0, Voters: 5, Kinds: []canvas.Kind{canvas.KindPain}}, "dotsPerPerson: must be between 1 and 100, not 0"},
		{canvas.StartVote{DotsPerPerson: 3, Voters: 0, Kinds: []canvas.Kind{canvas.KindPain}}, "voters: must be between 1 and 1000, not 0"},
		{canvas.StartVote{DotsPerPerson: 3, Voters: 5}, "kinds: pick at least one"},
		{canvas.StartVote{DotsPerPerson: 3, Voters: 5, Kinds: []canvas.Kind{"bogus"}}, `kinds[0]: unknown kind "bogus"`},
	} {
		tt.e.Board = f.vpc.ID
		if err := tt.e.Apply(f.p); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.e, err, tt.want)
		}
		if f.vpc.Vote != nil {
			t.Fatal("a refused start started a vote")
		}
	}
	startVote(t, f)
	if err := (&canvas.StartVote{Board: f.vpc.ID, DotsPerPerson: 1, Voters: 1, Kinds: []canvas.Kind{canvas.KindPain}}).Apply(f.p); err == nil {
		t.Error("started a second vote on a board")
	}
}

func TestVoteDeletedCardGivesDotsBack(t *testing.T) {
	f := newFixture(t)
	startVote(t, f)
	if err := (&canvas.CastDot{Board: f.vpc.ID, Card: f.pain}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	rm := &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}}
	if err := rm.Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if got := f.vpc.Vote.Left(f.vpc); got != 4 {
		t.Errorf("Left after deleting the voted card = %d, want 4", got)
	}
	// The dots of a deleted card stay in the vote for its undo; the
	// project may still be saved (a file holds the dots of its cards).
	if err := f.p.Validate(); err != nil {
		t.Errorf("project invalid after deleting a voted card: %v", err)
	}
	if err := rm.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	if got := f.vpc.Vote.Left(f.vpc); got != 3 {
		t.Errorf("Left after undoing the delete = %d, want 3", got)
	}
}

func TestLayOutByVotes(t *testing.T) {
	f := newFixture(t)
	b := f.vpc
	// Pains with 1, 3, none and 2 votes, left to right.
	var ids []uuid.UUID
	for i, votes := range []int{1, 3, 0, 2} {
		ids = append(ids, addAt(t, f, b, canvas.KindPain, canvas.Point{X: 1500 + float64(i)*60, Y: 950}, "p", func(c *canvas.Card) { c.Votes = votes }))
		if z := b.Card(ids[i]).Zone; z != "pains" {
			t.Fatalf("pain %d starts in zone %q", i, z)
		}
	}
	gain := b.Card(f.gain)
	gx, gy := gain.X, gain.Y
	e, err := canvas.LayOutByVotes(f.p, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	// The pains zone: most votes first, in reading order; the fixture's
	// own pain (no votes, higher up) and the unvoted one after them.
	order := []uuid.UUID{ids[1], ids[3], ids[0]}
	inReadingOrder(t, b, order)
	for _, id := range append(order, f.pain, ids[2]) {
		if c := b.Card(id); c.Kind != canvas.KindPain || c.Zone != "pains" {
			t.Errorf("%v: kind %s zone %q after the layout", id, c.Kind, c.Zone)
		}
	}
	last := b.Card(ids[0])
	for _, id := range []uuid.UUID{f.pain, ids[2]} {
		c := b.Card(id)
		if c.Y < last.Y || c.Y == last.Y && c.X < last.X {
			t.Errorf("an unvoted pain is laid out before a voted one")
		}
	}
	if gain.X != gx || gain.Y != gy {
		t.Error("a zone without votes was laid out")
	}
	if got := b.Ranked(); !slices.Equal([]uuid.UUID{got[0].ID, got[1].ID, got[2].ID}, order) || len(got) != 3 {
		t.Errorf("Ranked = %d cards, not the voted pains by votes", len(got))
	}
	if _, err := canvas.LayOutByVotes(f.p, f.jm.ID); err == nil {
		t.Error("laid out a board without votes")
	}
}

// BenchmarkVoteLeft is the bar's count of the dots left, worked out on
// every layout of the board, on 2,000 cards with 50 of them voted for.
func BenchmarkVoteLeft(b *testing.B) {
	bd := &canvas.Board{Vote: &canvas.Vote{DotsPerPerson: 3, Voters: 20, Dots: map[uuid.UUID]int{}}}
	for i := range 2000 {
		c := canvas.NewCard(canvas.KindPain, canvas.Point{X: float64(i), Y: 0}, "")
		bd.Cards = append(bd.Cards, &c)
		if i%40 == 0 {
			bd.Vote.Dots[c.ID] = 1
		}
	}
	for b.Loop() {
		if bd.Vote.Left(bd) < 0 {
			b.Fatal("more dots used than the room has")
		}
	}
}
