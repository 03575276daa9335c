package render

import (
	"math"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// coverCell is the side, in board units, of the grid on which covered
// notes are found: finer finds more, coarser is quicker.
const coverCell = 4

// coverMargin is how far a note's drawing may reach past its rectangle
// (its shadow, the padding of its text's image), in board units.
const coverMargin = 8

// SkipCovered makes Layout hide the notes that the notes drawn after them
// cover whole: nothing of them would show, and fitting their text is most
// of the work of exporting a long workshop's piles. Only for a view laid
// out once, as an export's: a view that follows drags must not, since
// moving a note away would uncover one that was never laid out.
func (v *BoardView) SkipCovered() { v.skipCovered = true }

// textInset is how far inside a note's rectangle its text, parts and
// badges stay, in board units: its padding, less the room a text's image
// takes past its line.
const textInset = CardPad - 4

// coveredCards tells, for each card in drawing order, whether the cards
// drawn after it cover it whole, margin included (hidden), and whether
// they cover at least what is inside its padding (textHidden): its text,
// parts and badges, when only its edge shows, as in a pile. Note bodies are opaque
// (ParseHex), so a note hides what it covers. The grid is conservative: a
// cell counts as covered only when it lies inside one later note, so a
// note along a gap between two others is kept.
func coveredCards(order []*CardView) (hidden, textHidden []bool) {
	hidden, textHidden = make([]bool, len(order)), make([]bool, len(order))
	if len(order) < 2 {
		return hidden, textHidden
	}
	var all canvas.Rect
	for i, c := range order {
		if i == 0 {
			all = c.card.Rect()
		} else {
			all = all.Union(c.card.Rect())
		}
	}
	all = all.Inset(coverMargin)
	cols := int(math.Ceil(all.W/coverCell)) + 1
	rows := int(math.Ceil(all.H/coverCell)) + 1
	if cols <= 0 || rows <= 0 || cols*rows > 64<<20 {
		return hidden, textHidden // a board too sparse for the grid: keep them all
	}
	grid := make([]bool, cols*rows)
	// cells is the cells of r: inner, the ones wholly inside it; outer,
	// the ones it touches.
	cells := func(r canvas.Rect, inner bool) (x0, y0, x1, y1 int) {
		fx0, fy0 := (r.X-all.X)/coverCell, (r.Y-all.Y)/coverCell
		fx1, fy1 := (r.X+r.W-all.X)/coverCell, (r.Y+r.H-all.Y)/coverCell
		if inner {
			return int(math.Ceil(fx0)), int(math.Ceil(fy0)), int(math.Floor(fx1)), int(math.Floor(fy1))
		}
		return int(math.Floor(fx0)), int(math.Floor(fy0)), int(math.Ceil(fx1)), int(math.Ceil(fy1))
	}
	// allCovered tells whether every cell r touches is covered.
	allCovered := func(r canvas.Rect) bool {
		x0, y0, x1, y1 := cells(r, false)
		if x0 < 0 || y0 < 0 || x1 > cols || y1 > rows {
			return false
		}
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if !grid[y*cols+x] {
					return false
				}
			}
		}
		return true
	}
	for i := len(order) - 1; i >= 0; i-- {
		r := order[i].card.Rect()
		if r.W > 2*textInset && r.H > 2*textInset {
			textHidden[i] = allCovered(r.Inset(-textInset))
		}
		if textHidden[i] && allCovered(r.Inset(coverMargin)) {
			hidden[i] = true
			continue // inside what is covered already
		}
		x0, y0, x1, y1 := cells(r, true)
		for y := max(y0, 0); y < min(y1, rows); y++ {
			for x := max(x0, 0); x < min(x1, cols); x++ {
				grid[y*cols+x] = true
			}
		}
	}
	return hidden, textHidden
}
