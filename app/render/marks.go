package render

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sizes of a note's marks, in board units, next to BadgeTextSize: the
// rank dots in the badge row and the marks in the note's top corners.
const (
	rankDots   = 5  // a pain's severity and a gain's relevance are 1–5
	rankDot    = 10 // diameter of one dot
	rankGap    = 4
	markSize   = 16 // the check and hint marks
	quoteSize  = 34 // the opening quote mark's text size
	markInset  = 5  // from the note's top edge
	rankStroke = 1.5
)

// Colours of the marks. They sit on pastel notes in both themes, like
// the text, so they are dark or saturated whatever the theme.
var (
	checkColor = color.NRGBA{0x1b, 0x5e, 0x20, 0xff} // an addressed pain or gain
	hintColor  = color.NRGBA{0xe0, 0x7b, 0x00, 0xff} // a statement off its pattern
	quoteColor = color.NRGBA{0x1d, 0x1d, 0x1f, 0xb0}
)

// classColors colour an outcome's opportunity score by its class: the
// under-served ones stand out, the most in red.
var classColors = map[canvas.Class]color.Color{
	canvas.ClassExtreme:     BadgeHotColor,
	canvas.ClassHigh:        color.NRGBA{0xd8, 0x43, 0x15, 0xff},
	canvas.ClassSolid:       color.NRGBA{0x9a, 0x5b, 0x00, 0xff},
	canvas.ClassAppropriate: CardTextColor,
	canvas.ClassOverserved:  color.NRGBA{0x15, 0x65, 0xc0, 0xff},
}

// ClassColor is the colour an outcome's score is drawn in for class c.
func ClassColor(c canvas.Class) color.Color {
	if col, ok := classColors[c]; ok {
		return col
	}
	return CardTextColor
}

// cardMarks are the marks only some notes carry: the rank dots, the quote
// mark, the check of an addressed pain or gain and the hint mark. They are
// made the first time a note needs one of them, so a board of plain notes
// carries none of their objects.
type cardMarks struct {
	dots  [rankDots]*fcanvas.Circle
	quote *fcanvas.Text
	check [2]*fcanvas.Line
	hint  *fcanvas.Circle
	bang  *fcanvas.Text
}

func newCardMarks() *cardMarks {
	m := &cardMarks{}
	for i := range m.dots {
		m.dots[i] = fcanvas.NewCircle(color.Transparent)
		m.dots[i].StrokeColor = CardMutedColor
	}
	m.quote = newBoardText("“", quoteColor, fyne.TextStyle{Bold: true})
	for i := range m.check {
		m.check[i] = fcanvas.NewLine(checkColor)
	}
	m.hint = fcanvas.NewCircle(hintColor)
	m.bang = newBoardText("!", color.White, fyne.TextStyle{Bold: true})
	m.bang.Alignment = fyne.TextAlignCenter
	return m
}

func (m *cardMarks) objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(m.dots)+6)
	for _, d := range m.dots {
		objs = append(objs, d)
	}
	return append(objs, m.quote, m.check[0], m.check[1], m.hint, m.bang)
}

// setRank fills the first n dots and rings the others.
func (m *cardMarks) setRank(n int) {
	for i, d := range m.dots {
		if i < n {
			d.FillColor = CardMutedColor
		} else {
			d.FillColor = color.Transparent
		}
	}
}

// marksShown is which of the marks a note shows: what its card says,
// computed when the card changes, never while it is only moved.
type marksShown struct {
	rank    int // 1–5; 0 for none
	quote   bool
	check   bool // an addressed pain or gain
	hint    bool
	hasMark bool // any of them: the marks exist
}

// layout places the marks on a note of size (in pixels) at zoom z: the
// dots at the right of the badge row whose top is by, the quote mark in
// the top-left corner, the check and hint marks in the top-right one (the
// check where a linked note shows its link mark).
func (m *cardMarks) layout(s marksShown, size fyne.Size, z, by, bh float32, badges, detail bool) {
	showDots := badges && s.rank > 0
	d := rankDot * z
	x := size.Width - CardPad*z - float32(rankDots)*d - float32(rankDots-1)*rankGap*z
	for i, dot := range m.dots {
		dot.Hidden = !showDots
		if !showDots {
			continue
		}
		dot.Move(fyne.NewPos(x+float32(i)*(d+rankGap*z), by+(bh-d)/2))
		dot.Resize(fyne.NewSize(d, d))
		dot.StrokeWidth = max(rankStroke*z, 1)
	}

	m.quote.Hidden = !(detail && s.quote)
	if s.quote {
		SetTextSize(m.quote, quoteSize*z)
		m.quote.Move(fyne.NewPos(markInset*z, -quoteSize*0.12*z))
		m.quote.Resize(fyne.NewSize(quoteSize*z, quoteSize*1.2*z))
	}

	ms := markSize * z
	right := size.Width - ms - markInset*z
	y := markInset * z
	for _, l := range m.check {
		l.Hidden = !(detail && s.check)
	}
	if s.check {
		w := max(2.5*z, 1)
		m.check[0].StrokeWidth, m.check[1].StrokeWidth = w, w
		m.check[0].Position1 = fyne.NewPos(right+ms*0.1, y+ms*0.55)
		m.check[0].Position2 = fyne.NewPos(right+ms*0.4, y+ms*0.85)
		m.check[1].Position1 = m.check[0].Position2
		m.check[1].Position2 = fyne.NewPos(right+ms*0.95, y+ms*0.1)
		right -= ms + 4*z
	}
	m.hint.Hidden = !(detail && s.hint)
	m.bang.Hidden = m.hint.Hidden
	if s.hint {
		m.hint.Move(fyne.NewPos(right, y))
		m.hint.Resize(fyne.NewSize(ms, ms))
		SetTextSize(m.bang, ms*0.8)
		m.bang.Move(fyne.NewPos(right, y))
		m.bang.Resize(fyne.NewSize(ms, ms))
	}
}

// hasHint reports whether c's statement breaks the pattern of its kind.
func hasHint(c *canvas.Card) bool { return len(canvas.Hints(c)) > 0 }
