package canvas

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

// Limits of a dot vote: more voters than a room holds, or more dots than
// a person can place in a minute, are typing mistakes.
const (
	MaxDotsPerPerson = 100
	MaxVoters        = 1000
)

// ErrNoVote is returned by the edits of a running vote when the board has
// none.
var ErrNoVote = errors.New("no vote is running on this board")

// Vote is a dot vote running on a board: each of Voters people has
// DotsPerPerson dots to put on the cards of Kinds. The dots go on the cards
// (Card.Votes, which stays when the vote ends); the vote also keeps which
// cards got dots in this round, so that a dot taken back is one of this
// round's and never one a card kept from an earlier vote. It is saved with
// the board: a workshop may be saved and reopened mid-vote.
type Vote struct {
	DotsPerPerson int
	Voters        int
	Kinds         []Kind            // the kinds that may get dots, at least one
	Dots          map[uuid.UUID]int // the dots each card got in this vote
}

// Total is the number of dots the room has.
func (v *Vote) Total() int { return v.DotsPerPerson * v.Voters }

// Used is the number of dots on the cards of b in this vote. Dots on a
// card deleted mid-vote go back to the room (undoing the delete brings
// them back on the card).
func (v *Vote) Used(b *Board) int {
	if len(v.Dots) == 0 {
		return 0
	}
	n := 0
	for _, c := range b.Cards { // once over the board, not once per card voted for
		n += v.Dots[c.ID]
	}
	return n
}

// Left is the number of dots the room still has: DotsPerPerson × Voters
// less the dots used on b.
func (v *Vote) Left(b *Board) int { return v.Total() - v.Used(b) }

// Allows reports whether cards of kind k may get dots.
func (v *Vote) Allows(k Kind) bool { return slices.Contains(v.Kinds, k) }

// Clone returns a deep copy of v.
func (v *Vote) Clone() *Vote {
	if v == nil {
		return nil
	}
	d := *v
	d.Kinds = slices.Clone(v.Kinds)
	d.Dots = maps.Clone(v.Dots)
	if d.Dots == nil {
		d.Dots = map[uuid.UUID]int{}
	}
	return &d
}

// VoteDimmed reports whether card c of b is shown dimmed: a vote runs and
// c's kind may not get dots.
func (b *Board) VoteDimmed(c *Card) bool { return b.Vote != nil && !b.Vote.Allows(c.Kind) }

// voteParams says what is wrong with the parameters of a vote, at
// path ("" in an edit, "boards[0].vote" in a file), or nothing.
func (c *checker) voteParams(path string, per, voters int, kinds []Kind) {
	if per < 1 || per > MaxDotsPerPerson {
		c.addf(path+"dotsPerPerson", "must be between 1 and %d, not %d", MaxDotsPerPerson, per)
	}
	if voters < 1 || voters > MaxVoters {
		c.addf(path+"voters", "must be between 1 and %d, not %d", MaxVoters, voters)
	}
	if len(kinds) == 0 {
		c.addf(path+"kinds", "pick at least one kind of card that may get votes")
	}
	seen := map[Kind]bool{}
	for i, k := range kinds {
		switch {
		case !k.Valid():
			c.addf(path+"kinds["+strconv.Itoa(i)+"]", "unknown kind %q", k)
		case seen[k]:
			c.addf(path+"kinds["+strconv.Itoa(i)+"]", "kind %q is listed twice", k)
		}
		seen[k] = true
	}
}

// vote checks the vote running on b (path "boards[0]"), whose cards are
// known to be valid.
func (c *checker) vote(path string, b *Board) {
	v := b.Vote
	if v == nil {
		return
	}
	path += ".vote."
	c.voteParams(path, v.DotsPerPerson, v.Voters, v.Kinds)
	used := 0
	for _, id := range slices.SortedFunc(maps.Keys(v.Dots), func(a, b uuid.UUID) int { return cmp.Compare(a.String(), b.String()) }) {
		d := v.Dots[id]
		card := b.Card(id)
		switch {
		case card == nil:
			// A card deleted mid-vote: its dots wait for an undo of
			// the delete, and are not written to a file.
			continue
		case d < 1:
			c.addf(path+"dots", "card %s: a card in the list has at least 1 dot, not %d", id, d)
		case d > card.Votes:
			c.addf(path+"dots", "card %s has %d votes, fewer than the %d dots of this vote", id, card.Votes, d)
		}
		used += d
	}
	if total := v.DotsPerPerson * v.Voters; used > total && total > 0 {
		c.addf(path+"dots", "%d dots used, more than the %d the room has", used, total)
	}
}

// StartVote starts a dot vote on a board: Voters people with DotsPerPerson
// dots each, for cards of Kinds. Cards keep the votes they have. One undo
// step.
type StartVote struct {
	Board         uuid.UUID
	DotsPerPerson int
	Voters        int
	Kinds         []Kind
}

func (e *StartVote) Name() string { return "Start vote" }

func (e *StartVote) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if b.Vote != nil {
		return fmt.Errorf("a vote is already running on this board: end it first")
	}
	c := &checker{}
	if c.voteParams("", e.DotsPerPerson, e.Voters, e.Kinds); c.errs != nil {
		return c.errs
	}
	b.Vote = &Vote{DotsPerPerson: e.DotsPerPerson, Voters: e.Voters, Kinds: slices.Clone(e.Kinds),
		Dots: map[uuid.UUID]int{}}
	return nil
}

func (e *StartVote) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Vote = nil
	return nil
}

// CastDot puts one dot of the running vote on a card: one more vote. It
// is refused, with the reason, when no dot is left or the card's kind may
// not get votes. Each dot is its own undo step.
type CastDot struct {
	Board uuid.UUID
	Card  uuid.UUID
}

func (e *CastDot) Name() string { return "Vote" }

func (e *CastDot) Apply(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.Card)
	if err != nil {
		return err
	}
	v := b.Vote
	switch {
	case v == nil:
		return ErrNoVote
	case !v.Allows(c.Kind):
		return fmt.Errorf("%s cards may not get votes in this vote", c.Kind.Label())
	case v.Left(b) <= 0:
		return fmt.Errorf("no dots left: all %d dots (%d %s × %d %s) are used; take one back with Shift+click",
			v.Total(), v.DotsPerPerson, Plural(v.DotsPerPerson, "dot", "dots"), v.Voters, Plural(v.Voters, "voter", "voters"))
	case c.Votes >= MaxVotes:
		return fmt.Errorf("a card has at most %d votes", MaxVotes)
	}
	c.Votes++
	v.Dots[c.ID]++
	return nil
}

func (e *CastDot) Undo(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.Card)
	if err != nil {
		return err
	}
	if b.Vote == nil || b.Vote.Dots[c.ID] < 1 {
		return ErrNoVote
	}
	c.Votes--
	takeDot(b.Vote, c.ID)
	return nil
}

func takeDot(v *Vote, id uuid.UUID) {
	if v.Dots[id]--; v.Dots[id] <= 0 {
		delete(v.Dots, id)
	}
}

// TakeDot takes back one of the dots the running vote put on a card; the
// votes a card had before this vote stay. One undo step.
type TakeDot struct {
	Board uuid.UUID
	Card  uuid.UUID
}

func (e *TakeDot) Name() string { return "Take back vote" }

func (e *TakeDot) Apply(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.Card)
	if err != nil {
		return err
	}
	switch {
	case b.Vote == nil:
		return ErrNoVote
	case b.Vote.Dots[c.ID] < 1:
		return fmt.Errorf("this card has no dot of this vote to take back")
	}
	c.Votes--
	takeDot(b.Vote, c.ID)
	return nil
}

func (e *TakeDot) Undo(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.Card)
	if err != nil {
		return err
	}
	if b.Vote == nil {
		return ErrNoVote
	}
	c.Votes++
	b.Vote.Dots[c.ID]++
	return nil
}

// EndVote ends the running vote: the cards keep their votes. One undo
// step; undo lets the vote run on.
type EndVote struct {
	Board uuid.UUID

	old *Vote
}

func (e *EndVote) Name() string { return "End vote" }

func (e *EndVote) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if b.Vote == nil {
		return ErrNoVote
	}
	e.old, b.Vote = b.Vote, nil
	return nil
}

func (e *EndVote) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Vote = e.old
	return nil
}

// ClearVotes sets the votes of every card of a board to 0, and gives a
// running vote all its dots back. One undo step.
type ClearVotes struct {
	Board uuid.UUID

	votes map[uuid.UUID]int // the cards that had votes
	dots  map[uuid.UUID]int // the running vote's dots
}

func (e *ClearVotes) Name() string { return "Clear votes" }

func (e *ClearVotes) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	e.votes = map[uuid.UUID]int{}
	for _, c := range b.Cards {
		if c.Votes != 0 {
			e.votes[c.ID] = c.Votes
			c.Votes = 0
		}
	}
	if len(e.votes) == 0 {
		return fmt.Errorf("no card on this board has votes")
	}
	e.dots = nil
	if b.Vote != nil {
		e.dots, b.Vote.Dots = b.Vote.Dots, map[uuid.UUID]int{}
	}
	return nil
}

func (e *ClearVotes) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	for _, c := range b.Cards {
		if n, ok := e.votes[c.ID]; ok {
			c.Votes = n
		}
	}
	if b.Vote != nil && e.dots != nil {
		b.Vote.Dots = e.dots
	}
	return nil
}

// Ranked lists the cards of b with votes, most votes first; cards with as
// many votes keep the board's reading order.
func (b *Board) Ranked() []*Card {
	var out []*Card
	for _, c := range readingOrder(b.Cards) {
		if c.Votes > 0 {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(x, y *Card) int { return cmp.Compare(y.Votes, x.Votes) })
	return out
}

// LayOutByVotes makes the edit that lays a board's cards out by votes, as
// SortZone does by rank: in each zone holding a card with votes, its cards
// in a grid in reading order, most votes first, those with none last (so
// no card changes zone or kind); cards off the zones in a grid where the
// first of them sat. Cards of zones without votes stay where they are. One
// undo step.
func LayOutByVotes(p *Project, boardID uuid.UUID) (Edit, error) {
	b, err := board(p, boardID)
	if err != nil {
		return nil, err
	}
	zones := b.Zones()
	in := map[string][]*Card{}
	voted := map[string]bool{}
	for _, c := range readingOrder(b.Cards) {
		id := zoneAt(zones, c.Center())
		in[id] = append(in[id], c)
		if c.Votes > 0 {
			voted[id] = true
		}
	}
	if len(voted) == 0 {
		return nil, fmt.Errorf("no card on this board has votes")
	}
	e := &ArrangeCards{Board: boardID, Label: "Lay out by votes"}
	place := func(cards []*Card, slots []Point, cellW float64) {
		for i, c := range cards {
			e.IDs = append(e.IDs, c.ID)
			e.At = append(e.At, Point{X: slots[i].X + (cellW-c.W)/2, Y: slots[i].Y})
		}
	}
	// Zones in the template's order, then the cards off them, so the edit
	// is the same whatever order the map gives.
	for i := range zones {
		z := &zones[i]
		if !voted[z.ID] {
			continue
		}
		cards, cellW, cellH := byVotes(in[z.ID])
		slots, ok := b.sortSlots(z, len(cards), cellW, cellH)
		if !ok {
			return nil, fmt.Errorf("%s is too small to lay its cards out", zoneName(z))
		}
		place(cards, slots, cellW)
	}
	if voted[""] {
		cards, cellW, cellH := byVotes(in[""])
		origin := Point{X: cards[0].X, Y: cards[0].Y}
		for _, c := range cards {
			origin.X, origin.Y = min(origin.X, c.X), min(origin.Y, c.Y)
		}
		// A grid about as wide as it is high, as notes on a wall.
		cols := 1
		for cols*cols < len(cards) {
			cols++
		}
		slots := make([]Point, len(cards))
		for i := range slots {
			slots[i] = Point{X: origin.X + float64(i%cols)*(cellW+sortGap), Y: origin.Y + float64(i/cols)*(cellH+sortGap)}
		}
		place(cards, slots, cellW)
	}
	return e, nil
}

// byVotes orders cards (in reading order) by votes, most first, and
// gives the cell that holds the largest of them.
func byVotes(cards []*Card) (out []*Card, cellW, cellH float64) {
	out = slices.Clone(cards)
	slices.SortStableFunc(out, func(x, y *Card) int { return cmp.Compare(y.Votes, x.Votes) })
	for _, c := range out {
		cellW, cellH = max(cellW, c.W), max(cellH, c.H)
	}
	return out, cellW, cellH
}

// BoardID implements BoardEdit.
func (e *StartVote) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *CastDot) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *TakeDot) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *EndVote) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *ClearVotes) BoardID() uuid.UUID { return e.Board }
