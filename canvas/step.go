package canvas

import (
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// The job map's steps are its columns: adding, removing or reordering a step
// moves the cards of every column after it, so each keeps its step.

// stepColumn returns the index of the step column holding p, or -1.
func (b *Board) stepColumn(p Point) int {
	c := b.TemplateOf().Columns
	if c == nil || p.Y < c.Y || p.Y >= c.Y+c.Height() || p.X < c.X {
		return -1
	}
	i := int((p.X - c.X) / c.Width)
	if i >= len(b.Steps) {
		return -1
	}
	return i
}

// setSteps replaces the steps and moves each card with its column. Cards
// parked right of the last column move with the map's right edge, so that
// a new column does not swallow them (and turn a note into an outcome).
func (b *Board) setSteps(steps []Step) {
	c := b.TemplateOf().Columns
	if c == nil {
		b.Steps = steps
		return
	}
	newIndex := map[string]int{}
	for i, s := range steps {
		newIndex[s.ID] = i
	}
	shift := make([]float64, len(b.Cards))
	for i, card := range b.Cards {
		p := card.Center()
		if col := b.stepColumn(p); col >= 0 {
			if to, ok := newIndex[b.Steps[col].ID]; ok {
				shift[i] = float64(to-col) * c.Width
			}
		} else if p.Y >= c.Y && p.Y < c.Y+c.Height() && p.X >= c.ColumnX(len(b.Steps)) {
			if d := float64(len(steps)-len(b.Steps)) * c.Width; card.X+d <= MaxCoordinate {
				shift[i] = d
			}
		}
	}
	b.Steps = steps
	for i, card := range b.Cards {
		card.X += shift[i]
		b.placeCard(card)
	}
}

// cardPlaces records where each card of b sits: undoing a step edit puts
// them back from it rather than moving them back by column widths, which is
// not exact in floating point and cannot restore a kind a zone changed.
func cardPlaces(b *Board) map[uuid.UUID]Card {
	m := make(map[uuid.UUID]Card, len(b.Cards))
	for _, c := range b.Cards {
		m[c.ID] = placement(c)
	}
	return m
}

// restoreSteps puts back the steps and the cards' places as recorded.
func (b *Board) restoreSteps(steps []Step, places map[uuid.UUID]Card) {
	b.Steps = slices.Clone(steps)
	for _, c := range b.Cards {
		if pl, ok := places[c.ID]; ok {
			setPlacements([]*Card{c}, []Card{pl})
		}
	}
}

func stepBoard(p *Project, id uuid.UUID) (*Board, error) {
	b, err := board(p, id)
	if err != nil {
		return nil, err
	}
	if b.TemplateOf().Columns == nil {
		return nil, fmt.Errorf("board %q has no steps", b.Title)
	}
	return b, nil
}

// NewStepID returns a step id not yet used on b.
func (b *Board) NewStepID() string {
	for {
		id := "step-" + uuid.NewString()[:8]
		if b.StepIndex(id) < 0 {
			return id
		}
	}
}

// AddStep inserts a step (a column) at Index; -1 appends.
type AddStep struct {
	Board uuid.UUID
	Index int
	Step  Step

	old    []Step
	places map[uuid.UUID]Card
}

func (e *AddStep) Name() string { return "Add step" }

func (e *AddStep) Apply(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	if b.StepIndex(e.Step.ID) >= 0 {
		return fmt.Errorf("step %q is already on the board", e.Step.ID)
	}
	if len(b.Steps) >= MaxSteps {
		return fmt.Errorf("a job map holds at most %d steps", MaxSteps)
	}
	if err := validateStep(e.Step); err != nil {
		return err
	}
	at := e.Index
	if at < 0 || at > len(b.Steps) {
		at = len(b.Steps)
	}
	e.old, e.places = slices.Clone(b.Steps), cardPlaces(b)
	b.setSteps(slices.Insert(slices.Clone(b.Steps), at, e.Step))
	return nil
}

func (e *AddStep) Undo(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	b.restoreSteps(e.old, e.places)
	return nil
}

func validateStep(s Step) error {
	c := &checker{}
	if !stepIDRE.MatchString(s.ID) {
		c.addf("step.id", "must be 1 to 64 of a-z, 0-9 and -")
	}
	c.text("step.name", s.Name, 1, MaxStepNameLen)
	c.text("step.description", s.Description, 0, MaxStepDescLen)
	if c.errs != nil {
		return c.errs
	}
	return nil
}

// RemoveStep deletes a step's column with the cards in it; undo brings both
// back.
type RemoveStep struct {
	Board uuid.UUID
	Step  string

	old    []Step
	places map[uuid.UUID]Card
	cards  *RemoveCards
}

func (e *RemoveStep) Name() string { return "Delete step" }

func (e *RemoveStep) Apply(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	at := b.StepIndex(e.Step)
	if at < 0 {
		return fmt.Errorf("step %q: %w", e.Step, ErrNotFound)
	}
	e.cards = &RemoveCards{Board: e.Board}
	for _, c := range b.Cards {
		if b.stepColumn(c.Center()) == at {
			e.cards.IDs = append(e.cards.IDs, c.ID)
		}
	}
	if err := e.cards.Apply(p); err != nil {
		return err
	}
	e.old, e.places = slices.Clone(b.Steps), cardPlaces(b)
	b.setSteps(slices.Delete(slices.Clone(b.Steps), at, at+1))
	return nil
}

func (e *RemoveStep) Undo(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	b.restoreSteps(e.old, e.places)
	return e.cards.Undo(p)
}

// CardsInStep lists the cards in the column of the step with that id.
func (b *Board) CardsInStep(step string) []*Card {
	at := b.StepIndex(step)
	var out []*Card
	for _, c := range b.Cards {
		if at >= 0 && b.stepColumn(c.Center()) == at {
			out = append(out, c)
		}
	}
	return out
}

// UpdateStep renames a step or changes its description.
type UpdateStep struct {
	Board uuid.UUID
	Step  Step   // its ID names the step
	Label string // the undo menu's name; "" is "Rename step"

	old Step
}

func (e *UpdateStep) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return "Rename step"
}

func (e *UpdateStep) Apply(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	at := b.StepIndex(e.Step.ID)
	if at < 0 {
		return fmt.Errorf("step %q: %w", e.Step.ID, ErrNotFound)
	}
	if err := validateStep(e.Step); err != nil {
		return err
	}
	e.old, b.Steps[at] = b.Steps[at], e.Step
	return nil
}

func (e *UpdateStep) Undo(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	if at := b.StepIndex(e.old.ID); at >= 0 {
		b.Steps[at] = e.old
	}
	return nil
}

// MoveStep moves a step's column, with its cards, to position To.
type MoveStep struct {
	Board uuid.UUID
	Step  string
	To    int

	old    []Step
	places map[uuid.UUID]Card
}

func (e *MoveStep) Name() string { return "Move step" }

func (e *MoveStep) Apply(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	at := b.StepIndex(e.Step)
	if at < 0 {
		return fmt.Errorf("step %q: %w", e.Step, ErrNotFound)
	}
	if e.To < 0 || e.To >= len(b.Steps) {
		return fmt.Errorf("step position %d is outside 0 … %d", e.To, len(b.Steps)-1)
	}
	e.old, e.places = slices.Clone(b.Steps), cardPlaces(b)
	s := b.Steps[at]
	steps := slices.Delete(slices.Clone(b.Steps), at, at+1)
	b.setSteps(slices.Insert(steps, e.To, s))
	return nil
}

func (e *MoveStep) Undo(p *Project) error {
	b, err := stepBoard(p, e.Board)
	if err != nil {
		return err
	}
	b.restoreSteps(e.old, e.places)
	return nil
}
