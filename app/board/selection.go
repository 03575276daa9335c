package board

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Selection is the set of cards selected on a board. It holds ids only:
// the board's model says where the cards are and in which order.
type Selection struct {
	ids map[uuid.UUID]bool
}

// NewSelection is an empty selection.
func NewSelection() *Selection { return &Selection{ids: map[uuid.UUID]bool{}} }

// Has reports whether the card id is selected.
func (s *Selection) Has(id uuid.UUID) bool { return s.ids[id] }

// Len is the number of cards selected.
func (s *Selection) Len() int { return len(s.ids) }

// InOrder lists the selected cards of bd in drawing order (nil: none).
func (s *Selection) InOrder(bd *canvas.Board) []uuid.UUID {
	if bd == nil || len(s.ids) == 0 {
		return nil
	}
	out := make([]uuid.UUID, 0, len(s.ids))
	for _, c := range bd.Cards {
		if s.ids[c.ID] {
			out = append(out, c.ID)
		}
	}
	return out
}

// Set is a copy of the selected ids, to change and Replace with.
func (s *Selection) Set() map[uuid.UUID]bool { return cloneSet(s.ids) }

// Toggled is the selection with the card id added, or taken out when it
// was in.
func (s *Selection) Toggled(id uuid.UUID) map[uuid.UUID]bool {
	next := cloneSet(s.ids)
	if next[id] {
		delete(next, id)
	} else {
		next[id] = true
	}
	return next
}

// Replace makes next the selection (it is kept, not copied). show, when
// not nil, is told of each card that left the selection and each that
// joined it; Replace reports whether the selection changed.
func (s *Selection) Replace(next map[uuid.UUID]bool, show func(id uuid.UUID, on bool)) bool {
	old := s.ids
	s.ids = next
	joined := false
	for id := range old {
		if !next[id] && show != nil {
			show(id, false)
		}
	}
	for id := range next {
		if !old[id] {
			joined = true
			if show != nil {
				show(id, true)
			}
		}
	}
	return joined || len(old) != len(next)
}

// Prune drops the selected cards that are no longer on bd (all of them
// once bd is gone).
func (s *Selection) Prune(bd *canvas.Board) {
	if len(s.ids) == 0 {
		return
	}
	if bd == nil {
		s.ids = map[uuid.UUID]bool{}
		return
	}
	on := make(map[uuid.UUID]bool, len(s.ids))
	for _, c := range bd.Cards {
		if s.ids[c.ID] {
			on[c.ID] = true
		}
	}
	s.ids = on
}

func cloneSet(m map[uuid.UUID]bool) map[uuid.UUID]bool {
	n := make(map[uuid.UUID]bool, len(m)+1)
	for k, v := range m {
		n[k] = v
	}
	return n
}
