package board

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// ColorChoice is a colour a card can be painted: a name people read and
// #RRGGBB ("" for the card's kind's own colour).
type ColorChoice struct{ Name, Hex string }

// ColorChoices are the colours the card menu offers for the cards ids, in
// its order: the kind's own, the colour of each kind the board offers
// (once each), then the extra ones. The window's inspector offers the same.
func (b *Widget) ColorChoices(ids []uuid.UUID) []ColorChoice {
	out := []ColorChoice{{"Kind's colour", ""}}
	seen := map[string]bool{}
	for _, k := range menuKinds(b.board(), ids) {
		if hex := k.DefaultColor(); !seen[hex] {
			seen[hex] = true
			out = append(out, ColorChoice{k.Label(), hex})
		}
	}
	for _, c := range extraCardColors {
		if !seen[c.Hex] {
			out = append(out, ColorChoice{c.Name, c.Hex})
		}
	}
	return out
}

// MenuKinds are the kinds the card menu offers for the cards ids: the
// board template's and the cards' own.
func (b *Widget) MenuKinds(ids []uuid.UUID) []canvas.Kind { return menuKinds(b.board(), ids) }

// TextEntry is the board's in-place editor as a text field of its own:
// Enter commits (Shift+Enter starts a new line when multiLine), Escape
// cancels and losing the focus commits. It keeps the caret right where
// Fyne's word wrap would strand it.
type TextEntry = noteEntry

// NewTextEntry makes a TextEntry calling onCommit and onCancel.
func NewTextEntry(multiLine bool, onCommit, onCancel func()) *TextEntry {
	e := newNoteEntry(multiLine)
	e.onCommit, e.onCancel = onCommit, onCancel
	return e
}
