package render

import (
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A card written part by part (canvas.Kind.Parts) is drawn as runs of
// text in two weights: the leads ("When", "I want to") bold and muted, the
// parts regular, a competitor's product bold. One line may mix them, so
// each line is a few segments, each its own canvas.Text.

// RunStyle is how a run of a card's text is drawn.
type RunStyle uint8

// The styles of a run.
const (
	RunPlain  RunStyle = iota // a part: regular
	RunLead                   // a lead: bold, muted
	RunStrong                 // a name to read first: bold
)

func (s RunStyle) textStyle() fyne.TextStyle { return fyne.TextStyle{Bold: s != RunPlain} }

// Run is a stretch of a card's text in one style, of the part Part (its
// key; a lead belongs to the part it leads); Break starts it on a new line.
type Run struct {
	Text  string
	Style RunStyle
	Break bool
	Part  string
}

// Seg is a piece of a wrapped line in one style and of one part, X from
// the line's start, both in board units at the block's size.
type Seg struct {
	Text  string
	Style RunStyle
	Part  string
	X, W  float32
}

// RunBlock is runs wrapped to fit a box, like TextBlock.
type RunBlock struct {
	Lines    [][]Seg
	Widths   []float32 // each line's width
	Size     float32
	LineH    float32
	Overflow bool
}

// PartRuns are the runs a card of c's kind is drawn as: a job story
// "When …, I want to …, so I can …"; a customer story its who and when as
// a bold header line, then "from … to …", the first thought and the
// trade-offs a line each; a competitor its product in bold, "hired for …"
// below. nil when c is one text (canvas.Card.HasParts).
func PartRuns(c *canvas.Card) []Run {
	if !c.HasParts() {
		return nil
	}
	get := func(key string) string { return strings.TrimRight(strings.TrimSpace(c.Parts[key]), ",;. ") }
	var runs []Run
	lead := func(p canvas.Part, v string, brk bool) {
		if p.Lead != "" {
			runs = append(runs, Run{Text: p.Lead, Style: RunLead, Break: brk, Part: p.Key})
			brk = false
		}
		runs = append(runs, Run{Text: v, Break: brk, Part: p.Key})
	}
	parts := c.Kind.Parts()
	switch c.Kind {
	case canvas.KindJobStory:
		var present []canvas.Part
		for _, p := range parts {
			if get(p.Key) != "" {
				present = append(present, p)
			}
		}
		for i, p := range present {
			v := get(p.Key)
			if i < len(present)-1 {
				v += ","
			}
			lead(p, v, false)
		}
	case canvas.KindCustomerStory:
		// Who and when, one header line; each word stays its part's.
		if v := get(canvas.PartWho); v != "" {
			if get(canvas.PartWhen) != "" {
				v += ","
			}
			runs = append(runs, Run{Text: v, Style: RunStrong, Part: canvas.PartWho})
		}
		if v := get(canvas.PartWhen); v != "" {
			runs = append(runs, Run{Text: v, Style: RunStrong, Part: canvas.PartWhen})
		}
		brk := len(runs) > 0
		for _, p := range parts[2:4] { // from, to
			if v := get(p.Key); v != "" {
				lead(p, v, brk)
				brk = false
			}
		}
		for _, p := range parts[4:] {
			if v := get(p.Key); v != "" {
				lead(p, v, len(runs) > 0)
			}
		}
	default: // competitors
		if v := get(canvas.PartProduct); v != "" {
			runs = append(runs, Run{Text: v, Style: RunStrong, Part: canvas.PartProduct})
		}
		if v := get(canvas.PartHiredFor); v != "" {
			lead(parts[1], v, len(runs) > 0)
		}
	}
	return runs
}

// partsKey is what decides how a card written part by part is wrapped,
// beside its size: its kind and parts, in the kind's order.
func partsKey(c *canvas.Card) string {
	if !c.HasParts() {
		return ""
	}
	var b strings.Builder
	b.WriteString(string(c.Kind))
	for _, p := range c.Kind.Parts() {
		b.WriteByte(0)
		b.WriteString(c.Parts[p.Key])
	}
	return b.String()
}

// runWord is a word of a run, measured, and whether a line starts at it.
type runWord struct {
	text  string
	style RunStyle
	part  string
	w     float32 // at measureRef
	brk   bool
}

// FitRuns wraps runs into a w×h box as FitText wraps text: the largest
// size from maxSize down to minSize at which they fit, else minSize with
// the last line that fits ending in "…".
func FitRuns(runs []Run, w, h, maxSize, minSize float32) RunBlock {
	regular, bold := newMeasurer(fyne.TextStyle{}), newMeasurer(fyne.TextStyle{Bold: true})
	measure := func(s string, st RunStyle) float32 {
		if st == RunPlain {
			return regular.width(s)
		}
		return bold.width(s)
	}
	var words []runWord
	for _, r := range runs {
		brk := r.Break
		for _, f := range strings.FieldsFunc(r.Text, unicode.IsSpace) {
			words = append(words, runWord{f, r.Style, r.Part, measure(f, r.Style), brk})
			brk = false
		}
	}
	if len(words) == 0 || w <= 0 || h <= 0 {
		return RunBlock{Size: maxSize, LineH: maxSize * CardLineSpacing}
	}
	ratio := max(LineHeightRatio(fyne.TextStyle{}), LineHeightRatio(fyne.TextStyle{Bold: true}))
	space := regular.space
	for size := maxSize; size >= minSize; size-- {
		lines := wrapWords(words, w*wrapSafety*measureRef/size, space)
		if float32(len(lines))*size*ratio <= h {
			return runBlock(lines, size, ratio, space, measure)
		}
	}
	size := float32(minSize)
	limit := w * wrapSafety * measureRef / size
	lines := wrapWords(words, limit, space)
	n := max(int(h/(size*ratio)), 1)
	if n >= len(lines) {
		return runBlock(lines, size, ratio, space, measure)
	}
	lines = lines[:n]
	last := lines[n-1]
	ell := regular.width("…")
	for len(last) > 1 && lineWidth(last, space)+ell > limit {
		last = last[:len(last)-1]
	}
	e := last[len(last)-1]
	e.text = strings.TrimRight(e.text, ",;.") + "…"
	e.w = measure(e.text, e.style)
	last[len(last)-1] = e
	lines[n-1] = last
	b := runBlock(lines, size, ratio, space, measure)
	b.Overflow = true
	return b
}

// wrapWords breaks words into lines no wider than width (at measureRef);
// a word wider than a line gets a line of its own (FitRuns then shrinks).
func wrapWords(words []runWord, width, space float32) [][]runWord {
	var lines [][]runWord
	var line []runWord
	var lw float32
	for _, wd := range words {
		if len(line) > 0 && (wd.brk || lw+space+wd.w > width) {
			lines = append(lines, line)
			line, lw = nil, 0
		}
		if len(line) > 0 {
			lw += space
		}
		line = append(line, wd)
		lw += wd.w
	}
	return append(lines, line)
}

func lineWidth(line []runWord, space float32) float32 {
	var w float32
	for i, wd := range line {
		if i > 0 {
			w += space
		}
		w += wd.w
	}
	return w
}

// runBlock joins each line's words of one style into segments, in board
// units at size.
func runBlock(lines [][]runWord, size, ratio, space float32, measure func(string, RunStyle) float32) RunBlock {
	scale := size / measureRef
	b := RunBlock{Size: size, LineH: size * ratio, Lines: make([][]Seg, len(lines)), Widths: make([]float32, len(lines))}
	for i, line := range lines {
		var segs []Seg
		var x float32
		for j, wd := range line {
			if j > 0 {
				x += space
			}
			if n := len(segs); n > 0 && segs[n-1].Style == wd.style && segs[n-1].Part == wd.part {
				segs[n-1].Text += " " + wd.text
			} else {
				segs = append(segs, Seg{Text: wd.text, Style: wd.style, Part: wd.part, X: x})
			}
			x += wd.w
		}
		// Measured whole, a segment's width includes its kerning.
		for k := range segs {
			segs[k].X *= scale
			segs[k].W = measure(segs[k].Text, segs[k].Style) * scale
		}
		b.Lines[i] = segs
		b.Widths[i] = x * scale
	}
	return b
}

// partsText is the pool of canvas.Texts a card written part by part draws
// its segments with, and the block they show.
type partsText struct {
	block RunBlock
	texts []*fcanvas.Text
}

// fit wraps runs into the card's text area; grew reports new canvas
// objects, which the card's object list must take in.
func (p *partsText) fit(runs []Run, w, h float32) (grew bool) {
	p.block = FitRuns(runs, w, h, CardTextSize, CardMinTextSize)
	n := 0
	for _, line := range p.block.Lines {
		n += len(line)
	}
	grew = n > len(p.texts)
	for len(p.texts) < n {
		p.texts = append(p.texts, newBoardText("", CardTextColor, fyne.TextStyle{}))
	}
	i := 0
	for _, line := range p.block.Lines {
		for _, s := range line {
			t := p.texts[i]
			col := CardTextColor
			if s.Style == RunLead {
				col = CardMutedColor
			}
			if t.Text != s.Text || t.TextStyle != s.Style.textStyle() || t.Color != col {
				t.Text, t.TextStyle, t.Color = s.Text, s.Style.textStyle(), col
				t.Refresh()
			}
			i++
		}
	}
	return grew
}

// layout places the segments at zoom z, each line centred in the text
// area (innerW × textH, below the card's padding); show false hides them.
func (p *partsText) layout(show bool, innerW, textH, z float32) {
	b := p.block
	y0 := CardPad + (textH-float32(len(b.Lines))*b.LineH)/2
	i := 0
	for li, line := range b.Lines {
		x0 := CardPad + (innerW-b.Widths[li])/2
		for _, s := range line {
			t := p.texts[i]
			i++
			t.Hidden = !show
			if !show {
				continue
			}
			SetTextSize(t, b.Size*z)
			t.Move(fyne.NewPos((x0+s.X)*z, (y0+float32(li)*b.LineH)*z))
			t.Resize(fyne.NewSize(s.W*z+2, b.LineH*z))
		}
	}
	for ; i < len(p.texts); i++ {
		p.texts[i].Hidden = true
	}
}

// PartAt is the key of the part of c drawn at p (board units), for the
// editor to open on: the part of the nearest segment of the nearest line,
// or the first part when c has none drawn.
func PartAt(c *canvas.Card, p canvas.Point) string {
	parts := c.Kind.Parts()
	if len(parts) == 0 {
		return ""
	}
	w, h := float32(c.W)-2*CardPad, float32(c.H)-2*CardPad
	if LookOf(c).Votes > 0 || c.Importance != nil {
		h -= badgeRowHeight()
	}
	b := FitRuns(PartRuns(c), w, h, CardTextSize, CardMinTextSize)
	if len(b.Lines) == 0 {
		return parts[0].Key
	}
	x, y := float32(p.X-c.X), float32(p.Y-c.Y)
	y0 := CardPad + (h-float32(len(b.Lines))*b.LineH)/2
	li := min(max(int((y-y0)/b.LineH), 0), len(b.Lines)-1)
	line := b.Lines[li]
	x0 := CardPad + (w-b.Widths[li])/2
	best, dist := line[0].Part, float32(math.MaxFloat32)
	for _, s := range line {
		l, r := x0+s.X, x0+s.X+s.W
		d := max(l-x, x-r, 0)
		if d < dist {
			best, dist = s.Part, d
		}
	}
	return best
}
