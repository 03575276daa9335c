package canvas

import (
	"fmt"
	"math"
	"slices"

	"github.com/google/uuid"
)

// Edit is one change to a project. Apply makes it and Undo takes it back;
// Apply is called again to redo, so an edit records on its first Apply
// whatever Undo needs, and leaves the project unchanged when it fails.
type Edit interface {
	Apply(p *Project) error
	Undo(p *Project) error
	// Name says what the edit does, for "Undo <name>" in the Edit menu.
	Name() string
}

// coalescer is an edit that can absorb the edit that follows it into one
// undo step; next has already been applied.
type coalescer interface {
	coalesce(next Edit) bool
}

// continuer is an edit that may carry on the one before it (the next move
// of a drag), which it is shown before its first Apply.
type continuer interface {
	continues(prev Edit)
}

func board(p *Project, id uuid.UUID) (*Board, error) {
	if b := p.Board(id); b != nil {
		return b, nil
	}
	return nil, fmt.Errorf("board %s: %w", id, ErrNotFound)
}

func boardCard(p *Project, bid, cid uuid.UUID) (*Board, *Card, error) {
	b, err := board(p, bid)
	if err != nil {
		return nil, nil, err
	}
	c := b.Card(cid)
	if c == nil {
		return nil, nil, fmt.Errorf("card %s: %w", cid, ErrNotFound)
	}
	return b, c, nil
}

// cardSet returns ids as a set, or an error naming the first id that is
// not on b. It walks the board once, not once per id: a facilitator may
// select all 2,000 cards and delete them.
func cardSet(b *Board, ids []uuid.UUID) (map[uuid.UUID]bool, error) {
	set := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	found := 0
	for _, c := range b.Cards {
		if set[c.ID] {
			found++
		}
	}
	if found < len(set) {
		for _, id := range ids {
			if b.Card(id) == nil {
				return nil, fmt.Errorf("card %s: %w", id, ErrNotFound)
			}
		}
	}
	return set, nil
}

// BoardEdit is an edit that changes one board and nothing else, so that a
// window redraws only that board.
type BoardEdit interface {
	Edit
	BoardID() uuid.UUID
}

// Plural picks the form of a word for n things ("1 card", "2 cards"): for
// the names of edits here, and for the counts the app and the command line
// show.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// AddCards puts new cards on a board (create, paste, duplicate), with links
// among them or to cards already there.
type AddCards struct {
	Board uuid.UUID
	Cards []Card
	Links []Link
	Label string // defaults to "Add card"
}

func (e *AddCards) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return Plural(len(e.Cards), "Add card", "Add cards")
}

func (e *AddCards) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if p.CardCount()+len(e.Cards) > MaxCards {
		return fmt.Errorf("a project holds at most %d cards", MaxCards)
	}
	fresh := map[uuid.UUID]bool{}
	for i := range e.Cards {
		c := &e.Cards[i]
		if err := ValidateCard(c); err != nil {
			return err
		}
		if c.ID == uuid.Nil || b.Card(c.ID) != nil || fresh[c.ID] {
			return fmt.Errorf("card %s is already on the board", c.ID)
		}
		fresh[c.ID] = true
	}
	links := map[linkKey]bool{}
	for _, l := range e.Links {
		switch {
		case (!fresh[l.From] && b.Card(l.From) == nil) || (!fresh[l.To] && b.Card(l.To) == nil):
			return fmt.Errorf("link %s → %s: %w", l.From, l.To, ErrNotFound)
		case !fresh[l.From] && !fresh[l.To]:
			// Undo takes away the links of the new cards only.
			return fmt.Errorf("link %s → %s joins no new card", l.From, l.To)
		case l.From == l.To:
			return fmt.Errorf("a card cannot link to itself")
		case links[keyOf(l)]:
			return fmt.Errorf("these cards are already linked")
		case !l.Strength.Valid():
			return fmt.Errorf("unknown link strength %q", l.Strength)
		}
		links[keyOf(l)] = true
	}
	if len(b.Links)+len(e.Links) > MaxLinks {
		return fmt.Errorf("a board holds at most %d links", MaxLinks)
	}
	for i := range e.Cards {
		c := e.Cards[i].Clone()
		b.placeCard(&c)
		b.Cards = append(b.Cards, &c)
	}
	b.Links = append(b.Links, e.Links...)
	return nil
}

func (e *AddCards) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	ids := map[uuid.UUID]bool{}
	for _, c := range e.Cards {
		ids[c.ID] = true
	}
	b.Cards = slices.DeleteFunc(b.Cards, func(c *Card) bool { return ids[c.ID] })
	b.Links = slices.DeleteFunc(b.Links, func(l Link) bool { return ids[l.From] || ids[l.To] })
	return nil
}

// RemoveCards deletes cards from a board, and every link that touches them.
type RemoveCards struct {
	Board uuid.UUID
	IDs   []uuid.UUID

	cards []indexed[*Card]
	links []indexed[Link]
}

type indexed[T any] struct {
	at int
	v  T
}

func (e *RemoveCards) Name() string { return Plural(len(e.IDs), "Delete card", "Delete cards") }

func (e *RemoveCards) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	ids, err := cardSet(b, e.IDs)
	if err != nil {
		return err
	}
	e.cards, e.links = e.cards[:0], e.links[:0]
	for i, c := range b.Cards {
		if ids[c.ID] {
			e.cards = append(e.cards, indexed[*Card]{i, c})
		}
	}
	for i, l := range b.Links {
		if ids[l.From] || ids[l.To] {
			e.links = append(e.links, indexed[Link]{i, l})
		}
	}
	b.Cards = slices.DeleteFunc(b.Cards, func(c *Card) bool { return ids[c.ID] })
	b.Links = slices.DeleteFunc(b.Links, func(l Link) bool { return ids[l.From] || ids[l.To] })
	return nil
}

func (e *RemoveCards) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	// Ascending order puts each item back where it was.
	for _, c := range e.cards {
		b.Cards = slices.Insert(b.Cards, min(c.at, len(b.Cards)), c.v)
	}
	for _, l := range e.links {
		b.Links = slices.Insert(b.Links, min(l.at, len(b.Links)), l.v)
	}
	return nil
}

// MoveCards moves cards by a delta; a card that lands in another zone takes
// that zone. Moves sent during one drag share a Gesture and become one undo
// step, and a card's kind follows from where the gesture began: a card
// dragged out of its zone and back, or across zones into open space, keeps
// its kind.
type MoveCards struct {
	Board   uuid.UUID
	IDs     []uuid.UUID
	DX, DY  float64
	Gesture uint64 // non-zero: coalesce with the previous move of the same gesture
	Raise   bool   // also draw the cards above all others, as cards picked up

	from, to []Card  // positions, zones and kinds before and after
	origin   []Card  // as from, when the gesture began (nil: from)
	order    []*Card // the drawing order before a raise changed it
}

func (e *MoveCards) Name() string { return Plural(len(e.IDs), "Move card", "Move cards") }

func (e *MoveCards) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	cards := make([]*Card, len(e.IDs))
	for i, id := range e.IDs {
		if cards[i] = b.Card(id); cards[i] == nil {
			return fmt.Errorf("card %s: %w", id, ErrNotFound)
		}
	}
	if e.to == nil {
		from, to := make([]Card, len(cards)), make([]Card, len(cards))
		for i, c := range cards {
			from[i] = placement(c)
			x, y := c.X+e.DX, c.Y+e.DY
			if x < -MaxCoordinate || x > MaxCoordinate || y < -MaxCoordinate || y > MaxCoordinate {
				return fmt.Errorf("card %s would leave the board", c.ID)
			}
			start := from[i]
			if e.origin != nil {
				start = e.origin[i]
			}
			to[i] = start
			to[i].X, to[i].Y, to[i].W, to[i].H = x, y, c.W, c.H
			b.placeCard(&to[i])
		}
		e.from, e.to = from, to
	}
	setPlacements(cards, e.to)
	if e.Raise && !onTop(b, cards) {
		if e.order == nil {
			e.order = slices.Clone(b.Cards)
		}
		raise(b, cards)
	}
	return nil
}

// onTop reports whether cards are the last ones drawn. It is asked on every
// event of a drag: for the few cards usually dragged it allocates nothing.
func onTop(b *Board, cards []*Card) bool {
	if len(cards) > len(b.Cards) {
		return false
	}
	top := b.Cards[len(b.Cards)-len(cards):]
	if len(cards) <= 16 {
		for _, c := range cards {
			if !slices.Contains(top, c) {
				return false
			}
		}
		return true
	}
	in := make(map[*Card]bool, len(top))
	for _, c := range top {
		in[c] = true
	}
	for _, c := range cards {
		if !in[c] {
			return false
		}
	}
	return true
}

// raise moves cards to the end of the drawing order, keeping their own
// order and that of the others.
func raise(b *Board, cards []*Card) {
	up := make(map[*Card]bool, len(cards))
	for _, c := range cards {
		up[c] = true
	}
	rest := make([]*Card, 0, len(b.Cards))
	var top []*Card
	for _, c := range b.Cards {
		if up[c] {
			top = append(top, c)
		} else {
			rest = append(rest, c)
		}
	}
	b.Cards = append(rest, top...)
}

func (e *MoveCards) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	cards := make([]*Card, len(e.IDs))
	for i, id := range e.IDs {
		if cards[i] = b.Card(id); cards[i] == nil {
			return fmt.Errorf("card %s: %w", id, ErrNotFound)
		}
	}
	setPlacements(cards, e.from)
	if e.order != nil {
		b.Cards = slices.Clone(e.order)
	}
	return nil
}

func (e *MoveCards) coalesce(next Edit) bool {
	n, ok := next.(*MoveCards)
	if !ok || !e.sameGesture(n) {
		return false
	}
	e.DX += n.DX
	e.DY += n.DY
	e.to = n.to
	return true
}

// continues implements continuer: the next move of a gesture places its
// cards from where the gesture began.
func (e *MoveCards) continues(prev Edit) {
	if p, ok := prev.(*MoveCards); ok && e.to == nil && p.sameGesture(e) {
		e.origin = p.from
	}
}

func (e *MoveCards) sameGesture(n *MoveCards) bool {
	return e.Gesture != 0 && n.Gesture == e.Gesture && n.Board == e.Board && slices.Equal(n.IDs, e.IDs)
}

// ResizeCard gives a card a new width and height, its top-left corner
// staying where it is; the zone follows its centre, and its kind as for a
// move. The resizes sent during one drag of the handle share a Gesture
// and become one undo step.
type ResizeCard struct {
	Board   uuid.UUID
	ID      uuid.UUID
	W, H    float64
	Gesture uint64 // non-zero: coalesce with the previous resize of the same gesture

	from, to Card // size, zone and kind before and after
	origin   *Card
}

func (e *ResizeCard) Name() string { return "Resize card" }

func (e *ResizeCard) Apply(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.ID)
	if err != nil {
		return err
	}
	for _, v := range []float64{e.W, e.H} {
		if math.IsNaN(v) || v < MinCardSize || v > MaxCardSize {
			return fmt.Errorf("a card is %d to %d wide and high, not %gx%g", MinCardSize, MaxCardSize, e.W, e.H)
		}
	}
	if e.to.W == 0 {
		e.from = sizing(c)
		start := e.from
		if e.origin != nil {
			start = *e.origin
		}
		e.to = start
		e.to.X, e.to.Y, e.to.W, e.to.H = c.X, c.Y, e.W, e.H
		b.placeCard(&e.to)
	}
	setSizing(c, e.to)
	return nil
}

func (e *ResizeCard) Undo(p *Project) error {
	_, c, err := boardCard(p, e.Board, e.ID)
	if err != nil {
		return err
	}
	setSizing(c, e.from)
	return nil
}

func (e *ResizeCard) sameGesture(n *ResizeCard) bool {
	return e.Gesture != 0 && n.Gesture == e.Gesture && n.Board == e.Board && n.ID == e.ID
}

func (e *ResizeCard) coalesce(next Edit) bool {
	n, ok := next.(*ResizeCard)
	if !ok || !e.sameGesture(n) {
		return false
	}
	e.W, e.H, e.to = n.W, n.H, n.to
	return true
}

// continues implements continuer: the zone and kind follow from where the
// gesture began.
func (e *ResizeCard) continues(prev Edit) {
	if p, ok := prev.(*ResizeCard); ok && e.to.W == 0 && p.sameGesture(e) {
		from := p.from
		e.origin = &from
	}
}

// sizing is the part of a card a resize changes: its size, and with its
// zone the kind and the fields of the kind.
func sizing(c *Card) Card {
	k := kindFields(c)
	k.W, k.H = c.W, c.H
	return k
}

func setSizing(c *Card, to Card) {
	c.W, c.H = to.W, to.H
	setKindFields(c, to)
}

// placement is the part of a card a move changes: its position, and with
// its zone the kind and the fields of the kind.
func placement(c *Card) Card {
	k := kindFields(c)
	k.X, k.Y = c.X, c.Y
	return k
}

func setPlacements(cards []*Card, to []Card) {
	for i, c := range cards {
		c.X, c.Y = to[i].X, to[i].Y
		setKindFields(c, to[i])
	}
}

// kindFields is the part of a card that follows its zone: the zone, the
// kind, and the fields that apply to some kinds only (a card that takes
// another kind drops them, and undo brings them back). The scores are
// shared, not copied: edits replace a score, never write through it.
func kindFields(c *Card) Card {
	return Card{Kind: c.Kind, Zone: c.Zone, Severity: c.Severity, Relevance: c.Relevance,
		Importance: c.Importance, Satisfaction: c.Satisfaction, JobTypes: c.JobTypes, ForceStrength: c.ForceStrength, Parts: c.Parts}
}

func setKindFields(c *Card, to Card) {
	c.Kind, c.Zone = to.Kind, to.Zone
	c.Severity, c.Relevance, c.Importance, c.Satisfaction = to.Severity, to.Relevance, to.Importance, to.Satisfaction
	c.JobTypes = to.JobTypes
	c.ForceStrength = to.ForceStrength
	c.Parts = to.Parts
}

// UpdateCard replaces what a card says and how it looks: text, quote,
// colour, kind, scores, votes, tags, size. Make one with ChangeCard.
type UpdateCard struct {
	Board uuid.UUID
	Card  Card // the new state; its ID names the card
	Label string

	old *Card
}

// ChangeCard makes an UpdateCard from the card's present state changed by
// fn; label names the change in the Edit menu ("Edit text", "Set colour").
// Fields that do not apply to the card's kind after fn are dropped (a kind
// set by hand): undo brings them back.
func ChangeCard(p *Project, boardID, cardID uuid.UUID, label string, fn func(*Card)) (*UpdateCard, error) {
	_, c, err := boardCard(p, boardID, cardID)
	if err != nil {
		return nil, err
	}
	return &UpdateCard{Board: boardID, Card: changed(c, fn), Label: label}, nil
}

func changed(c *Card, fn func(*Card)) Card {
	n := c.Clone()
	fn(&n)
	n.ID = c.ID
	n.DropInapplicable()
	if n.Parts != nil {
		// The text of a card written part by part is their sentence.
		n.Text = ComposeParts(n.Kind, n.Parts)
	}
	return n
}

// ChangeCards makes one undo step that changes each of the cards with
// those ids by fn, as ChangeCard does one: the inspector's change of a
// field on a selection, a colour or a kind for several cards. One id gives
// an *UpdateCard, several an *UpdateCards.
func ChangeCards(p *Project, boardID uuid.UUID, ids []uuid.UUID, label string, fn func(*Card)) (Edit, error) {
	if len(ids) == 1 {
		return ChangeCard(p, boardID, ids[0], label, fn)
	}
	b, err := board(p, boardID)
	if err != nil {
		return nil, err
	}
	set, err := cardSet(b, ids)
	if err != nil {
		return nil, err
	}
	if len(set) == 0 {
		return nil, fmt.Errorf("no card to change")
	}
	e := &UpdateCards{Board: boardID, Label: label, Cards: make([]Card, 0, len(set))}
	for _, c := range b.Cards { // board order, each card once
		if set[c.ID] {
			e.Cards = append(e.Cards, changed(c, fn))
		}
	}
	return e, nil
}

// UpdateCards is UpdateCard for several cards of a board, as one undo
// step. Make one with ChangeCards.
type UpdateCards struct {
	Board uuid.UUID
	Cards []Card // the new states; their IDs name the cards
	Label string

	old []Card
}

func (e *UpdateCards) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return Plural(len(e.Cards), "Change card", "Change cards")
}

// IDs lists the cards the edit changes.
func (e *UpdateCards) IDs() []uuid.UUID {
	ids := make([]uuid.UUID, len(e.Cards))
	for i := range e.Cards {
		ids[i] = e.Cards[i].ID
	}
	return ids
}

func (e *UpdateCards) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	cards := make([]*Card, len(e.Cards))
	for i := range e.Cards {
		if cards[i] = b.Card(e.Cards[i].ID); cards[i] == nil {
			return fmt.Errorf("card %s: %w", e.Cards[i].ID, ErrNotFound)
		}
		if err := ValidateCard(&e.Cards[i]); err != nil {
			return err
		}
	}
	if e.old == nil {
		e.old = make([]Card, len(cards))
		for i, c := range cards {
			e.old[i] = c.Clone()
		}
	}
	for i, c := range cards {
		*c = e.Cards[i].Clone()
		// The zone follows the position; the kind is the one asked for.
		c.Zone = ""
		if z, ok := b.ZoneAt(c.Center()); ok {
			c.Zone = z.ID
		}
	}
	return nil
}

func (e *UpdateCards) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	for i := range e.old {
		if c := b.Card(e.old[i].ID); c != nil {
			*c = e.old[i].Clone()
		}
	}
	return nil
}

// BoardID implements BoardEdit.
func (e *UpdateCards) BoardID() uuid.UUID { return e.Board }

func (e *UpdateCard) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return "Change card"
}

func (e *UpdateCard) Apply(p *Project) error {
	b, c, err := boardCard(p, e.Board, e.Card.ID)
	if err != nil {
		return err
	}
	if err := ValidateCard(&e.Card); err != nil {
		return err
	}
	if e.old == nil {
		old := c.Clone()
		e.old = &old
	}
	*c = e.Card.Clone()
	// The zone follows the position; the kind is the one asked for.
	if z, ok := b.ZoneAt(c.Center()); ok {
		c.Zone = z.ID
	} else {
		c.Zone = ""
	}
	return nil
}

func (e *UpdateCard) Undo(p *Project) error {
	_, c, err := boardCard(p, e.Board, e.Card.ID)
	if err != nil {
		return err
	}
	*c = e.old.Clone()
	return nil
}

// BringToFront draws cards above all others, keeping their own order.
type BringToFront struct {
	Board uuid.UUID
	IDs   []uuid.UUID

	order []*Card
}

func (e *BringToFront) Name() string { return "Bring to front" }

func (e *BringToFront) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	ids, err := cardSet(b, e.IDs)
	if err != nil {
		return err
	}
	e.order = slices.Clone(b.Cards)
	cards := make([]*Card, 0, len(ids))
	for _, c := range b.Cards {
		if ids[c.ID] {
			cards = append(cards, c)
		}
	}
	raise(b, cards)
	return nil
}

func (e *BringToFront) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Cards = slices.Clone(e.order)
	return nil
}

// AddLink joins two cards of a board with a fit link, which CanLink must
// allow. Links from files are not checked against it: a file keeps
// whatever links it was written with.
type AddLink struct {
	Board uuid.UUID
	Link  Link
}

func (e *AddLink) Name() string { return "Link cards" }

func (e *AddLink) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	l := e.Link
	from, to := b.Card(l.From), b.Card(l.To)
	if from == nil || to == nil {
		return fmt.Errorf("link: both cards must be on this board: %w", ErrNotFound)
	}
	if err := CanLink(from, to); err != nil {
		return err
	}
	switch {
	case !l.Strength.Valid():
		return fmt.Errorf("unknown link strength %q (want weak, partial or strong)", l.Strength)
	case b.HasLink(l):
		return fmt.Errorf("these cards are already linked")
	case len(b.Links) >= MaxLinks:
		return fmt.Errorf("a board holds at most %d links", MaxLinks)
	}
	b.Links = append(b.Links, l)
	return nil
}

func (e *AddLink) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Links = slices.DeleteFunc(b.Links, func(l Link) bool { return l.Joins(e.Link.From, e.Link.To) })
	return nil
}

// RemoveLink separates two linked cards.
type RemoveLink struct {
	Board uuid.UUID
	Link  Link

	at     int
	stored Link // the link as the board held it
}

func (e *RemoveLink) Name() string { return "Unlink cards" }

func (e *RemoveLink) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	// Links have no direction: B→A removes a stored A→B.
	e.at = b.LinkIndex(e.Link.From, e.Link.To)
	if e.at < 0 {
		return fmt.Errorf("link: %w", ErrNotFound)
	}
	e.stored = b.Links[e.at]
	b.Links = slices.Delete(b.Links, e.at, e.at+1)
	return nil
}

func (e *RemoveLink) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Links = slices.Insert(b.Links, min(e.at, len(b.Links)), e.stored)
	return nil
}

// AddBoard adds a board at Index (-1 or past the end: last).
type AddBoard struct {
	Board *Board
	Index int
}

func (e *AddBoard) Name() string { return "Add board" }

func (e *AddBoard) Apply(p *Project) error {
	if p.Board(e.Board.ID) != nil {
		return fmt.Errorf("board %s is already in the project", e.Board.ID)
	}
	if len(p.Boards) >= MaxBoards {
		return fmt.Errorf("a project holds at most %d boards", MaxBoards)
	}
	if p.CardCount()+len(e.Board.Cards) > MaxCards {
		return fmt.Errorf("a project holds at most %d cards", MaxCards)
	}
	at := e.Index
	if at < 0 || at > len(p.Boards) {
		at = len(p.Boards)
	}
	p.Boards = slices.Insert(p.Boards, at, e.Board)
	return nil
}

func (e *AddBoard) Undo(p *Project) error {
	p.Boards = slices.DeleteFunc(p.Boards, func(b *Board) bool { return b == e.Board })
	return nil
}

// RemoveBoard deletes a board with its cards.
type RemoveBoard struct {
	ID uuid.UUID

	board *Board
	at    int
}

func (e *RemoveBoard) Name() string { return "Delete board" }

func (e *RemoveBoard) Apply(p *Project) error {
	e.at = p.boardIndex(e.ID)
	if e.at < 0 {
		return fmt.Errorf("board %s: %w", e.ID, ErrNotFound)
	}
	e.board = p.Boards[e.at]
	p.Boards = slices.Delete(p.Boards, e.at, e.at+1)
	return nil
}

func (e *RemoveBoard) Undo(p *Project) error {
	p.Boards = slices.Insert(p.Boards, min(e.at, len(p.Boards)), e.board)
	return nil
}

// RenameBoard sets a board's title.
type RenameBoard struct {
	Board uuid.UUID
	Title string

	old string
}

func (e *RenameBoard) Name() string { return "Rename board" }

func (e *RenameBoard) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	c := &checker{}
	if c.text("title", e.Title, 0, MaxNameLen); c.errs != nil {
		return c.errs
	}
	e.old, b.Title = b.Title, e.Title
	return nil
}

func (e *RenameBoard) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	b.Title = e.old
	return nil
}

// RenameProject sets the project's name.
type RenameProject struct {
	To string

	old string
}

func (e *RenameProject) Name() string { return "Rename project" }

func (e *RenameProject) Apply(p *Project) error {
	c := &checker{}
	if c.text("name", e.To, 1, MaxNameLen); c.errs != nil {
		return c.errs
	}
	e.old, p.Name = p.Name, e.To
	return nil
}

func (e *RenameProject) Undo(p *Project) error {
	p.Name = e.old
	return nil
}

// Batch applies several edits as one undo step (paste with links, delete a
// step with its cards, a multi-card colour change).
type Batch struct {
	Label string
	Edits []Edit
}

func (e *Batch) Name() string { return e.Label }

func (e *Batch) Apply(p *Project) error {
	for i, ed := range e.Edits {
		if err := ed.Apply(p); err != nil {
			for j := i - 1; j >= 0; j-- {
				_ = e.Edits[j].Undo(p)
			}
			return err
		}
	}
	return nil
}

func (e *Batch) Undo(p *Project) error {
	for i := len(e.Edits) - 1; i >= 0; i-- {
		if err := e.Edits[i].Undo(p); err != nil {
			return err
		}
	}
	return nil
}

// The edits that change one board name it, for BoardEdit.

// BoardID implements BoardEdit.
func (e *AddCards) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *RemoveCards) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *MoveCards) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *UpdateCard) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *ResizeCard) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *BringToFront) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *AddLink) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *RemoveLink) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *AddStep) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *RemoveStep) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *UpdateStep) BoardID() uuid.UUID { return e.Board }

// BoardID implements BoardEdit.
func (e *MoveStep) BoardID() uuid.UUID { return e.Board }
