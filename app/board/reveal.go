package board

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Reveal selects the card with that id, alone, and pans the view to put it
// in the middle when it is not wholly in view; the zoom stays as the user
// left it. Text being typed is kept first. It reports false when the board
// has no such card (it was deleted, or the board is gone).
func (b *Widget) Reveal(id uuid.UUID) bool {
	bd := b.board()
	if bd == nil || bd.Card(id) == nil {
		return false
	}
	b.CommitEdit()
	c := bd.Card(id) // the commit may have changed the board
	if c == nil {
		return false
	}
	b.Select(id)
	// Before the widget is laid out (a tab not shown yet) and while the
	// view fits the whole board, the card is in view once drawn.
	if s := b.Size(); s.Width > 0 && s.Height > 0 && !b.view.AutoFit() && !rectHolds(b.viewRect(), c.Rect()) {
		b.centerOn(c.Center())
	}
	return true
}

// rectHolds reports whether r holds all of o.
func rectHolds(r, o canvas.Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.X+o.W <= r.X+r.W && o.Y+o.H <= r.Y+r.H
}
