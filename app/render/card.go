package render

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// CardView draws one sticky note. It handles no events itself: the board
// finds the card under the pointer in the model and acts on it, so cards
// stay cheap however many there are.
//
// The widget holds no card data of its own: card points at the model's
// card, re-pointed by the board on every sync.
type CardView struct {
	widget.BaseWidget

	card      *canvas.Card
	zoom      float32 // screen pixels per board unit, set by the board
	selected  bool
	linked    bool // the card has at least one link
	addressed bool // a pain or gain that a fit link addresses
	dimmed    bool // a vote runs and the card's kind may not get votes (vote.go)
	screen    bool // drawn in three rectangles rather than seven (cardRenderer)
	// textCovered: later notes cover all inside the padding, so the text
	// is neither fitted nor drawn (BoardView.SkipCovered)
	textCovered bool
	colors      *Palette
	gen         uint64 // the board's sync that last saw the card
	shown       Look   // what the view shows now

	r *cardRenderer // set when the renderer exists
}

func newCardView(c *canvas.Card, colors *Palette) *CardView {
	w := &CardView{card: c, zoom: 1, colors: colors}
	w.Hidden = true // the board shows it once it is placed in view
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer implements fyne.Widget.
func (w *CardView) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{w: w}
	r.body = fcanvas.NewRectangle(color.Transparent)
	if w.screen {
		r.shadow[0] = fcanvas.NewRectangle(shadowColor)
		r.frame = fcanvas.NewRectangle(color.Transparent)
	} else {
		for i := range r.shadow {
			r.shadow[i] = fcanvas.NewRectangle(shadowColor)
		}
		for i := range r.edges {
			r.edges[i] = fcanvas.NewRectangle(color.Transparent)
		}
	}
	r.sel = fcanvas.NewRectangle(color.Transparent)
	r.sel.StrokeWidth = 4
	r.sel.Hide()
	r.handle = fcanvas.NewRectangle(color.Transparent)
	r.handle.StrokeWidth = 2
	r.handle.Hide()
	r.linkHandle = fcanvas.NewCircle(color.Transparent)
	r.linkHandle.StrokeWidth = 2
	r.linkHandle.Hide()
	r.voteDot = fcanvas.NewCircle(CardMutedColor)
	r.voteText = newBoardText("", CardTextColor, fyne.TextStyle{Bold: true})
	r.scoreText = newBoardText("", CardTextColor, fyne.TextStyle{Bold: true})
	r.scoreText.Alignment = fyne.TextAlignTrailing
	r.linkMark = fcanvas.NewCircle(color.Transparent)
	r.linkMark.StrokeColor = CardMutedColor
	r.linkMark.StrokeWidth = 2
	w.r = r
	r.update()
	return r
}

// Card is the model's card the view draws.
func (w *CardView) Card() *canvas.Card { return w.card }

// Selected reports whether the view shows the card selected.
func (w *CardView) Selected() bool { return w.selected }

// Shown is what the view shows now.
func (w *CardView) Shown() Look { return w.shown }

// TextSize is the size, in board units, the card's text is fitted at (0
// before the view was first drawn).
func (w *CardView) TextSize() float32 {
	if w.r == nil {
		return 0
	}
	return w.r.block.Size
}

// Lines are the texts of the card's wrapped lines, hidden ones included.
func (w *CardView) Lines() []*fcanvas.Text {
	if w.r == nil {
		return nil
	}
	return w.r.lines
}

// HandleShown reports whether the resize handle is drawn.
func (w *CardView) HandleShown() bool { return w.r != nil && w.r.handle.Visible() }

// LinkHandleShown reports whether the link handle is drawn.
func (w *CardView) LinkHandleShown() bool { return w.r != nil && w.r.linkHandle.Visible() }

// Marks are what the note's marks say: its rank (0: none), whether it
// shows the quote mark, the check of an addressed pain or gain, and the
// hint mark of a statement off its pattern.
func (w *CardView) Marks() (rank int, quote, check, hint bool) {
	if w.r == nil {
		return 0, false, false, false
	}
	m := w.r.shownMarks
	return m.rank, m.quote, m.check, m.hint
}

// Badge is the score the note's badge row shows at its right ("opp 12.0",
// "imp 9"), empty when none.
func (w *CardView) Badge() string {
	if w.r == nil || !w.r.hasScore {
		return ""
	}
	return w.r.score
}

// Look is what a card's view shows, to tell when it must be redrawn. It
// holds what decides the badges and marks, not the badges themselves:
// comparing it is cheap enough for every drag event.
type Look struct {
	Text, Color string
	Kind        canvas.Kind
	W, H        float64
	Votes       int
	Imp, Sat    float64
	HasImp      bool
	HasSat      bool
	Rank        int // a pain's severity or a gain's relevance, 0: none
	Quote       bool
}

// LookOf is how card c should look.
func LookOf(c *canvas.Card) Look {
	l := Look{Text: c.Text, Color: c.DisplayColor(), Kind: c.Kind, W: c.W, H: c.H, Votes: c.Votes,
		Quote: c.Quote != ""}
	if c.Importance != nil {
		l.Imp, l.HasImp = *c.Importance, true
	}
	if c.Satisfaction != nil {
		l.Sat, l.HasSat = *c.Satisfaction, true
	}
	if n, ok := c.Rank(); ok {
		l.Rank = n
	}
	return l
}

// setSelected shows or hides the selection outline.
func (w *CardView) setSelected(on bool) {
	if w.selected == on {
		return
	}
	w.selected = on
	if w.r != nil {
		w.r.updateSelection()
	}
}

// contentKey is what decides how a card's text is wrapped.
type contentKey struct {
	text   string
	parts  string // partsKey: "" for a card that is one text
	w, h   float64
	badges bool
	scale  float32 // Palette.TextScale
}

// cardRenderer owns a note's canvas objects: shadow, body, edges,
// selection outline, one canvas.Text per wrapped line and the badges.
//
// A note is square, like paper ones, and drawn from plain rectangles only:
// the shadow is the L its offset copy shows beside and below the note, and
// the edges are four thin strips. Fyne's software renderer (PNG export)
// fills a plain rectangle directly but rasterises a rounded or stroked one
// through a mask, which made exporting a full board three times slower.
//
// On screen (CardView.screen) a note is three rectangles instead: the
// shadow is one offset copy under the opaque note, showing only as the same
// L, and the edge is a frame of the edge colour with the body laid over it
// one unit in. Mesa's software GL (llvmpipe, what a machine without a GPU
// runs) keeps memory in step with the draw calls of the biggest frame it
// drew, and a zoomed-out board draws thousands of notes (issue 13). An
// export keeps the seven, whose pixel rounding its reference images hold.
type cardRenderer struct {
	w *CardView

	shadow             [2]*fcanvas.Rectangle // right and bottom; on screen [0] only, the offset copy
	edges              [4]*fcanvas.Rectangle // top, bottom, left, right; nil on screen
	frame              *fcanvas.Rectangle    // on screen: the edge colour, the note's size
	body, sel          *fcanvas.Rectangle
	handle             *fcanvas.Rectangle // the resize handle, bottom right
	linkHandle         *fcanvas.Circle    // the link handle, on the right edge
	lines              []*fcanvas.Text
	voteDot            *fcanvas.Circle
	voteText           *fcanvas.Text
	scoreText          *fcanvas.Text
	linkMark           *fcanvas.Circle
	marks              *cardMarks // nil until the note needs one
	shownMarks         marksShown
	linkable           bool // the card's kind takes fit links
	objects            []fyne.CanvasObject
	key                contentKey
	block              TextBlock
	parts              partsText // the segments of a card written part by part
	fitted             bool      // block matches key
	votes, score       string
	hasVotes, hasScore bool

	// hintOf is the text and kind the hint mark was worked out for:
	// checking a statement is done when those change, not on every
	// refresh.
	hintOf struct {
		text string
		kind canvas.Kind
		done bool
	}

	veil *fcanvas.Rectangle // over a card dimmed for a vote, nil until one is
}

func newBoardText(s string, c color.Color, style fyne.TextStyle) *fcanvas.Text {
	t := fcanvas.NewText(s, c)
	t.TextStyle = style
	return t
}

// update reads the card from the model: colour, badges and, if its text or
// size changed, forgets the wrapped lines (they are fitted again when next
// drawn with readable text).
func (r *cardRenderer) update() {
	c := r.w.card
	r.w.shown = LookOf(c)
	fill := ParseHex(c.DisplayColor())
	r.body.FillColor = fill
	edge := darken(fill, 0.72)
	if r.frame != nil {
		r.frame.FillColor = edge
	}
	for _, e := range r.edges {
		if e != nil {
			e.FillColor = edge
		}
	}
	if r.w.colors != nil {
		r.sel.StrokeColor = r.w.colors.Primary
		r.handle.FillColor = r.w.colors.Primary
		r.handle.StrokeColor = r.w.colors.Background // apart from the outline
		r.linkHandle.FillColor = r.w.colors.Background
		r.linkHandle.StrokeColor = r.w.colors.Primary
	}
	r.linkable = LinkableKind(c.Kind)

	r.hasVotes = c.Votes > 0
	r.votes = strconv.Itoa(c.Votes)
	r.voteText.Text = r.votes
	r.hasScore = false
	if s, ok := c.Opportunity(); ok {
		r.hasScore = true
		r.score = "opp " + strconv.FormatFloat(s, 'f', 1, 64)
		cl, _ := c.Class()
		r.scoreText.Color = ClassColor(cl)
	} else if c.Kind == canvas.KindJob && c.Importance != nil {
		r.hasScore = true
		r.score = "imp " + formatScore(*c.Importance)
		r.scoreText.Color = CardTextColor
	}
	if r.hasScore {
		r.scoreText.Text = r.score
	}
	r.updateMarks()
	key := contentKey{c.Text, partsKey(c), c.W, c.H, r.hasVotes || r.hasScore || r.shownMarks.rank > 0, r.w.colors.TextScale()}
	if key != r.key {
		r.key = key
		r.fitted = false
	}
}

// formatScore writes a 0–10 score with at most one decimal: "9", "7.5".
func formatScore(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// updateMarks works out the note's marks; the statement is checked only
// when its text or kind changed.
func (r *cardRenderer) updateMarks() {
	c := r.w.card
	m := marksShown{quote: c.Quote != "", check: r.w.addressed}
	if n, ok := c.Rank(); ok {
		m.rank = min(max(n, 0), rankDots)
	}
	h := &r.hintOf
	if !h.done || h.text != c.Text || h.kind != c.Kind {
		h.text, h.kind, h.done = c.Text, c.Kind, true
		r.shownMarks.hint = hasHint(c)
	}
	m.hint = r.shownMarks.hint
	m.hasMark = m.rank > 0 || m.quote || m.check || m.hint
	r.shownMarks = m
	if m.hasMark && r.marks == nil {
		r.marks = newCardMarks()
		r.objects = nil
	}
	if r.marks != nil {
		r.marks.setRank(m.rank)
	}
}

// fit wraps the card's text into its text area, in board units.
func (r *cardRenderer) fit() {
	if r.fitted {
		return
	}
	k := r.key
	w := float32(k.w) - 2*CardPad
	h := float32(k.h) - 2*CardPad
	if k.badges {
		h -= badgeRowHeight() * k.scale
	}
	if k.parts != "" {
		if r.parts.fit(PartRuns(r.w.card), w, h) {
			r.objects = nil
		}
		pb := r.parts.block
		r.block = TextBlock{Size: pb.Size, LineH: pb.LineH, Overflow: pb.Overflow}
	} else {
		r.block = FitText(k.text, w, h, CardTextSize*k.scale, CardMinTextSize, fyne.TextStyle{})
		r.parts.block = RunBlock{}
	}
	r.fitted = true
	for len(r.lines) < len(r.block.Lines) {
		t := newBoardText("", CardTextColor, fyne.TextStyle{})
		t.Alignment = fyne.TextAlignCenter
		r.lines = append(r.lines, t)
	}
	for i, t := range r.lines {
		s := ""
		if i < len(r.block.Lines) {
			s = r.block.Lines[i]
		}
		if t.Text != s {
			t.Text = s
			t.Refresh()
		}
	}
	r.objects = nil
}

func badgeRowHeight() float32 { return BadgeTextSize*1.4 + 4 }

// Layout places every object for the widget's size at the card's zoom.
func (r *cardRenderer) Layout(size fyne.Size) {
	z := r.w.zoom
	bz := BadgeTextSize * r.key.scale * z // a badge's text, on screen
	// Shadow and edges are lost on a note a few pixels wide; hiding them
	// there keeps a zoomed-out board of thousands of notes cheap to draw.
	minDetail := float32(MinDetailPixels)
	if r.frame != nil {
		minDetail = ScreenDetailPixels
	}
	detail := size.Width >= minDetail
	if r.frame != nil {
		r.layoutScreenBody(size, z, detail)
	} else {
		r.layoutBody(size, z, detail)
	}
	r.sel.Move(fyne.NewPos(-4, -4))
	r.sel.Resize(size.AddWidthHeight(8, 8))
	r.sel.CornerRadius = 3
	r.handle.Move(fyne.NewPos(size.Width+2-HandleSize/2, size.Height+2-HandleSize/2)) // on the outline's corner
	r.handle.Resize(fyne.NewSize(HandleSize, HandleSize))
	lh := float32(LinkHandleSize)
	r.linkHandle.Move(fyne.NewPos(size.Width+2-lh/2, size.Height/2-lh/2)) // on the outline's right edge
	r.linkHandle.Resize(fyne.NewSize(lh, lh))

	showText := CardTextSize*z >= MinTextPixels
	if r.frame != nil { // on screen: from where full-size text can be read
		showText = CardTextSize*r.key.scale*z >= ScreenCardTextPixels
	}
	showText = showText && !r.w.textCovered
	if showText {
		r.fit()
	}
	if showText && r.block.Size*z < MinTextPixels {
		showText = false
	}
	b := r.block
	textH := float32(r.key.h) - 2*CardPad
	if r.key.badges {
		textH -= badgeRowHeight() * r.key.scale
	}
	y0 := CardPad + (textH-float32(len(b.Lines))*b.LineH)/2
	innerW := float32(r.key.w) - 2*CardPad
	for i, t := range r.lines {
		if !showText || i >= len(b.Lines) {
			t.Hidden = true
			continue
		}
		t.Hidden = false
		SetTextSize(t, b.Size*z)
		t.Move(fyne.NewPos(CardPad*z, (y0+float32(i)*b.LineH)*z))
		t.Resize(fyne.NewSize(innerW*z, b.LineH*z))
	}
	r.parts.layout(showText, innerW, textH, z)

	showBadges := showText || (bz >= MinTextPixels && !r.w.textCovered)
	by := float32(r.key.h-CardPad)*z - bz*1.4
	bh := bz * 1.4
	r.voteDot.Hidden = !(showBadges && r.hasVotes)
	r.voteText.Hidden = r.voteDot.Hidden
	if r.hasVotes {
		d := bz * 0.8
		r.voteDot.Move(fyne.NewPos(CardPad*z, by+(bh-d)/2))
		r.voteDot.Resize(fyne.NewSize(d, d))
		SetTextSize(r.voteText, bz)
		r.voteText.Move(fyne.NewPos(CardPad*z+d+4*z, by))
		r.voteText.Resize(fyne.NewSize(60*z, bh))
	}
	r.scoreText.Hidden = !(showBadges && r.hasScore)
	if r.hasScore {
		SetTextSize(r.scoreText, bz)
		r.scoreText.Move(fyne.NewPos(size.Width-CardPad*z-120*z, by))
		r.scoreText.Resize(fyne.NewSize(120*z, bh))
	}
	if r.marks != nil {
		r.marks.layout(r.shownMarks, size, z, by, bh, showBadges, 10*z >= 3)
	}
	r.linkMark.Hidden = !r.w.linked || r.shownMarks.check || 10*z < 3
	if r.w.linked {
		d := 10 * z
		r.linkMark.Move(fyne.NewPos(size.Width-d-6*z, 6*z))
		r.linkMark.Resize(fyne.NewSize(d, d))
		r.linkMark.StrokeWidth = max(1, 2*z)
	}
	r.layoutVeil(size)
}

// layoutBody places the seven rectangles of an exported note.
func (r *cardRenderer) layoutBody(size fyne.Size, z float32, detail bool) {
	r.body.Resize(size)
	sx, sy := 3*z, 4*z
	r.shadow[0].Move(fyne.NewPos(size.Width, sy))
	r.shadow[0].Resize(fyne.NewSize(sx, size.Height))
	r.shadow[1].Move(fyne.NewPos(sx, size.Height))
	r.shadow[1].Resize(fyne.NewSize(size.Width-sx, sy))
	e := max(z, 1) // the edge: one board unit, never under a pixel
	r.edges[0].Resize(fyne.NewSize(size.Width, e))
	r.edges[1].Move(fyne.NewPos(0, size.Height-e))
	r.edges[1].Resize(fyne.NewSize(size.Width, e))
	r.edges[2].Resize(fyne.NewSize(e, size.Height))
	r.edges[3].Move(fyne.NewPos(size.Width-e, 0))
	r.edges[3].Resize(fyne.NewSize(e, size.Height))
	for _, o := range r.shadow {
		o.Hidden = !detail
	}
	for _, o := range r.edges {
		o.Hidden = !detail
	}
}

// layoutScreenBody places the three rectangles of a note on screen.
func (r *cardRenderer) layoutScreenBody(size fyne.Size, z float32, detail bool) {
	r.shadow[0].Move(fyne.NewPos(3*z, 4*z))
	r.shadow[0].Resize(size)
	r.frame.Resize(size)
	r.shadow[0].Hidden, r.frame.Hidden = !detail, !detail
	if !detail {
		r.body.Move(fyne.Position{})
		r.body.Resize(size)
		return
	}
	e := max(z, 1) // the edge: one board unit, never under a pixel
	r.body.Move(fyne.NewPos(e, e))
	r.body.Resize(size.SubtractWidthHeight(2*e, 2*e))
}

func (r *cardRenderer) updateSelection() {
	r.showSelection()
	r.sel.Refresh()
}

// showSelection shows the outline and handles of a selected note.
func (r *cardRenderer) showSelection() {
	r.sel.Hidden = !r.w.selected
	r.handle.Hidden = !r.w.selected
	r.linkHandle.Hidden = !r.w.selected || !r.linkable
}

// MinSize implements fyne.WidgetRenderer: the board sizes cards itself.
func (r *cardRenderer) MinSize() fyne.Size { return fyne.NewSize(1, 1) }

// Objects implements fyne.WidgetRenderer.
func (r *cardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.objects = make([]fyne.CanvasObject, 0, 12+len(r.lines))
		if r.frame != nil {
			r.objects = append(r.objects, r.shadow[0], r.frame, r.body)
		} else {
			r.objects = append(r.objects, r.shadow[0], r.shadow[1], r.body, r.edges[0], r.edges[1], r.edges[2], r.edges[3])
		}
		for _, t := range r.lines {
			r.objects = append(r.objects, t)
		}
		for _, t := range r.parts.texts {
			r.objects = append(r.objects, t)
		}
		r.objects = append(r.objects, r.voteDot, r.voteText, r.scoreText, r.linkMark)
		if r.marks != nil {
			r.objects = append(r.objects, r.marks.objects()...)
		}
		if r.veil != nil {
			r.objects = append(r.objects, r.veil)
		}
		r.objects = append(r.objects, r.sel, r.handle, r.linkHandle)
	}
	return r.objects
}

// Refresh implements fyne.WidgetRenderer: it re-reads the card and lays
// the note out again.
func (r *cardRenderer) Refresh() {
	r.update()
	r.showSelection()
	r.Layout(r.w.Size())
	fcanvas.Refresh(r.w)
}

// Destroy implements fyne.WidgetRenderer.
func (r *cardRenderer) Destroy() { r.w.r = nil }
