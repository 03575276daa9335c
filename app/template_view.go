package app

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// templateView draws a board's template under its cards: the value
// proposition canvas's square and circle with their zones, the job map's
// step columns with their headers and rows, every zone's label and guiding
// question. Its objects are built once per template, title and steps, then
// only moved and resized as the view changes.
type templateView struct {
	key     string
	items   []tplItem
	objects []fyne.CanvasObject
}

type tplKind int

const (
	tplRect tplKind = iota
	tplCircle
	tplLine
	tplText
)

// tplItem is one object of the template with its place in board units; a
// line runs from (X, Y) to (X+W, Y+H).
type tplItem struct {
	obj    fyne.CanvasObject
	kind   tplKind
	r      canvas.Rect
	size   float32 // text size
	stroke float32 // stroke width
}

// templateKey changes whenever what the template draws changes.
func templateKey(bd *canvas.Board) string {
	var sb strings.Builder
	sb.WriteString(bd.Template)
	sb.WriteByte(0)
	sb.WriteString(bd.Title)
	for _, s := range bd.Steps {
		sb.WriteByte(0)
		sb.WriteString(s.ID)
		sb.WriteByte(1)
		sb.WriteString(s.Name)
		sb.WriteByte(1)
		sb.WriteString(s.Description)
	}
	return sb.String()
}

// build makes the template's objects when the template, title or steps
// changed (or the theme: the renderer then clears key); it reports whether
// it did.
func (t *templateView) build(b *BoardWidget, bd *canvas.Board, colors *boardColors) bool {
	key := templateKey(bd)
	if key == t.key && t.objects != nil {
		return false
	}
	t.key = key
	t.items = t.items[:0]
	tb := &tplBuilder{t: t, c: colors}
	tpl := bd.TemplateOf()
	if tpl.Columns != nil {
		tb.jobMap(bd, tpl.Columns)
	} else {
		tb.zones(bd, tpl)
	}
	t.objects = make([]fyne.CanvasObject, len(t.items))
	for i, it := range t.items {
		t.objects[i] = it.obj
	}
	return true
}

// layout places the objects for the board's view.
func (t *templateView) layout(b *BoardWidget) {
	z := b.Zoom()
	for i := range t.items {
		it := &t.items[i]
		pos, size := b.view.ScreenRect(it.r)
		switch it.kind {
		case tplRect:
			o := it.obj.(*fcanvas.Rectangle)
			o.Move(pos)
			o.Resize(size)
			o.StrokeWidth = strokeWidth(it.stroke, z)
		case tplCircle:
			o := it.obj.(*fcanvas.Circle)
			o.Move(pos)
			o.Resize(size)
			o.StrokeWidth = strokeWidth(it.stroke, z)
		case tplLine:
			o := it.obj.(*fcanvas.Line)
			o.Position1 = pos
			o.Position2 = pos.AddXY(size.Width, size.Height)
			o.StrokeWidth = strokeWidth(it.stroke, z)
		case tplText:
			o := it.obj.(*fcanvas.Text)
			if it.size*z < minTextPixels {
				o.Hidden = true
				continue
			}
			o.Hidden = false
			setTextSize(o, it.size*z)
			o.Move(pos)
			o.Resize(size)
		}
	}
}

// strokeWidth is a line's width on screen: it follows the zoom, but never
// vanishes nor turns into a bar.
func strokeWidth(w, z float32) float32 { return min(max(w*z, 1), w*1.5) }

type tplBuilder struct {
	t *templateView
	c *boardColors
}

func (tb *tplBuilder) add(it tplItem) { tb.t.items = append(tb.t.items, it) }

func (tb *tplBuilder) text(s string, r canvas.Rect, size float32, style fyne.TextStyle, align fyne.TextAlign, muted bool) {
	c := tb.c.foreground
	if muted {
		c = tb.c.muted
	}
	o := fcanvas.NewText(s, c)
	o.TextStyle = style
	o.Alignment = align
	tb.add(tplItem{obj: o, kind: tplText, r: r, size: size})
}

// paragraph wraps s into the box at x, y, w (at most maxLines lines,
// shrinking from size to minSize) and returns the height used.
func (tb *tplBuilder) paragraph(s string, x, y, w float64, maxLines int, size, minSize float32, style fyne.TextStyle, align fyne.TextAlign, muted bool) float64 {
	if s == "" {
		return 0
	}
	h := float32(maxLines) * size * lineHeightRatio(style)
	blk := fitText(s, float32(w), h, size, minSize, style)
	for i, l := range blk.Lines {
		tb.text(l, canvas.Rect{X: x, Y: y + float64(float32(i)*blk.LineH), W: w, H: float64(blk.LineH)},
			blk.Size, style, align, muted)
	}
	return float64(float32(len(blk.Lines)) * blk.LineH)
}

func (tb *tplBuilder) line(x0, y0, x1, y1 float64, stroke float32, frame bool) {
	c := opaque(tb.c.background, tb.c.foreground, 0.38)
	if frame {
		c = opaque(tb.c.background, tb.c.foreground, 0.7)
	}
	o := fcanvas.NewLine(c)
	tb.add(tplItem{obj: o, kind: tplLine, r: canvas.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, stroke: stroke})
}

// zones draws a template of zones and frames: the value proposition canvas.
func (tb *tplBuilder) zones(bd *canvas.Board, tpl *canvas.Template) {
	if len(tpl.Frames) == 0 && len(tpl.Zones) == 0 {
		return // the free board: open space
	}
	bold := fyne.TextStyle{Bold: true}
	top, left := math.Inf(1), math.Inf(1)
	for _, f := range tpl.Frames {
		r := frameRect(f)
		top, left = math.Min(top, r.Y), math.Min(left, r.X)
	}
	if title := bd.Title; title != "" && top-tpl.Bounds.Y >= 120 {
		tb.text(title, canvas.Rect{X: left, Y: tpl.Bounds.Y + 8, W: 1600, H: titleSize * 1.4},
			titleSize, bold, fyne.TextAlignLeading, false)
	}

	// Dividers between zones: each zone's edges, cut to its circle, drawn
	// once; the frames go on top of them.
	seen := map[[4]float64]bool{}
	for _, z := range tpl.Zones {
		r := z.Rect
		edges := [][4]float64{
			{r.X, r.Y, r.X + r.W, r.Y}, {r.X, r.Y + r.H, r.X + r.W, r.Y + r.H},
			{r.X, r.Y, r.X, r.Y + r.H}, {r.X + r.W, r.Y, r.X + r.W, r.Y + r.H},
		}
		for _, e := range edges {
			if z.Circle != nil {
				var ok bool
				if e, ok = clipToCircle(e, *z.Circle); !ok {
					continue
				}
			}
			if seen[e] || onFrame(e, tpl.Frames) {
				continue
			}
			seen[e] = true
			tb.line(e[0], e[1], e[2], e[3], 3, false)
		}
	}
	for _, f := range tpl.Frames {
		fc := opaque(tb.c.background, tb.c.foreground, 0.7)
		var fr canvas.Rect
		if f.Circle != nil {
			o := fcanvas.NewCircle(nil)
			o.StrokeColor = fc
			fr = f.Circle.Bounds()
			tb.add(tplItem{obj: o, kind: tplCircle, r: fr, stroke: 5})
		} else if f.Rect != nil {
			o := fcanvas.NewRectangle(nil)
			o.StrokeColor = fc
			fr = *f.Rect
			tb.add(tplItem{obj: o, kind: tplRect, r: fr, stroke: 5})
		}
		if f.Label != "" {
			tb.text(f.Label, canvas.Rect{X: fr.X, Y: fr.Y - frameLabelSize*1.6, W: fr.W, H: frameLabelSize * 1.4},
				frameLabelSize, bold, fyne.TextAlignCenter, false)
		}
	}
	for _, z := range tpl.Zones {
		tb.zoneLabel(z)
	}
}

// zoneLabel writes a zone's label and guiding question near its top,
// centred in the widest band of the zone (for a segment of a circle, lower
// down, where the circle is wide enough).
func (tb *tplBuilder) zoneLabel(z canvas.Zone) {
	const need = 360.0 // width the label and its question want
	const block = 150.0
	r := z.Rect
	y := r.Y + 24
	x0, x1 := r.X, r.X+r.W
	if z.Circle != nil {
		for ; y < r.Y+r.H-block; y += 10 {
			a0, a1 := zoneBand(z, y)
			b0, b1 := zoneBand(z, y+block)
			x0, x1 = math.Max(a0, b0), math.Min(a1, b1)
			if x1-x0 >= need {
				break
			}
		}
	}
	w := x1 - x0 - 40
	bold := fyne.TextStyle{Bold: true}
	tb.text(z.Label, canvas.Rect{X: x0 + 20, Y: y, W: w, H: zoneLabelSize * 1.4},
		zoneLabelSize, bold, fyne.TextAlignCenter, false)
	qw := math.Min(w-20, 440)
	tb.paragraph(z.Question, x0+20+(w-qw)/2, y+zoneLabelSize*1.5, qw, 3, zoneQuestionSize, 14,
		fyne.TextStyle{Italic: true}, fyne.TextAlignCenter, true)
}

// zoneBand is the horizontal extent of a zone at height y.
func zoneBand(z canvas.Zone, y float64) (x0, x1 float64) {
	x0, x1 = z.Rect.X, z.Rect.X+z.Rect.W
	if c := z.Circle; c != nil {
		dy := y - c.CY
		if math.Abs(dy) >= c.R {
			return x0, x0
		}
		half := math.Sqrt(c.R*c.R - dy*dy)
		x0, x1 = math.Max(x0, c.CX-half), math.Min(x1, c.CX+half)
	}
	return x0, max(x0, x1)
}

// clipToCircle cuts an axis-aligned segment to the part inside c.
func clipToCircle(e [4]float64, c canvas.Circle) ([4]float64, bool) {
	if e[1] == e[3] { // horizontal
		dy := e[1] - c.CY
		if math.Abs(dy) >= c.R {
			return e, false
		}
		half := math.Sqrt(c.R*c.R - dy*dy)
		x0, x1 := math.Max(e[0], c.CX-half), math.Min(e[2], c.CX+half)
		return [4]float64{x0, e[1], x1, e[3]}, x1-x0 > 1
	}
	dx := e[0] - c.CX
	if math.Abs(dx) >= c.R {
		return e, false
	}
	half := math.Sqrt(c.R*c.R - dx*dx)
	y0, y1 := math.Max(e[1], c.CY-half), math.Min(e[3], c.CY+half)
	return [4]float64{e[0], y0, e[2], y1}, y1-y0 > 1
}

// onFrame reports whether a segment lies on a rectangular frame's outline.
func onFrame(e [4]float64, frames []canvas.Frame) bool {
	for _, f := range frames {
		if f.Rect == nil {
			continue
		}
		r := *f.Rect
		if e[1] == e[3] && (e[1] == r.Y || e[1] == r.Y+r.H) && e[0] >= r.X && e[2] <= r.X+r.W {
			return true
		}
		if e[0] == e[2] && (e[0] == r.X || e[0] == r.X+r.W) && e[1] >= r.Y && e[3] <= r.Y+r.H {
			return true
		}
	}
	return false
}

func frameRect(f canvas.Frame) canvas.Rect {
	if f.Circle != nil {
		return f.Circle.Bounds()
	}
	if f.Rect != nil {
		return *f.Rect
	}
	return canvas.Rect{}
}

// jobMap draws the job map: one column per step with a header (name and
// description) over a cell per row.
func (tb *tplBuilder) jobMap(bd *canvas.Board, c *canvas.Columns) {
	bold := fyne.TextStyle{Bold: true}
	if r, ok := bd.TitleRect(); ok {
		// The core job statement over its steps, under a caption that
		// says what it is.
		tb.text("Core job", canvas.Rect{X: r.X, Y: r.Y, W: r.W, H: jobCaptionSize * 1.4},
			jobCaptionSize, bold, fyne.TextAlignLeading, true)
		tb.paragraph(bd.Title, r.X, r.Y+jobCaptionSize*1.5, r.W, 1, titleSize, 24, bold, fyne.TextAlignLeading, false)
	}
	for i, s := range bd.Steps {
		x := c.ColumnX(i)
		hdr := fcanvas.NewRectangle(tb.c.header)
		hdr.StrokeColor = opaque(tb.c.background, tb.c.foreground, 0.38)
		tb.add(tplItem{obj: hdr, kind: tplRect, r: canvas.Rect{X: x, Y: c.Y, W: c.Width, H: c.Header}, stroke: 2})
		const pad = 16
		nameH := tb.paragraph(s.Name, x+pad, c.Y+pad, c.Width-2*pad, 2, stepNameSize, 20, bold, fyne.TextAlignLeading, false)
		room := c.Header - 2*pad - nameH - 4
		if room > 0 {
			lines := max(int(room/(stepDescSize*float64(lineHeightRatio(fyne.TextStyle{})))), 1)
			tb.paragraph(s.Description, x+pad, c.Y+pad+nameH+4, c.Width-2*pad, lines, stepDescSize, 14,
				fyne.TextStyle{}, fyne.TextAlignLeading, true)
		}
		y := c.Y + c.Header
		for _, row := range c.Rows {
			cell := fcanvas.NewRectangle(nil)
			cell.StrokeColor = opaque(tb.c.background, tb.c.foreground, 0.38)
			tb.add(tplItem{obj: cell, kind: tplRect, r: canvas.Rect{X: x, Y: y, W: c.Width, H: row.Height}, stroke: 2})
			tb.text(row.Label, canvas.Rect{X: x + pad, Y: y + 10, W: c.Width - 2*pad, H: zoneQuestionSize * 1.4},
				zoneQuestionSize, bold, fyne.TextAlignLeading, true)
			if i == 0 {
				tb.paragraph(row.Question, x+pad, y+10+zoneQuestionSize*1.5, c.Width-2*pad, 3, 16, 13,
					fyne.TextStyle{Italic: true}, fyne.TextAlignLeading, true)
			}
			y += row.Height
		}
	}
}

// stepHeaderAt returns the index of the job map step whose header holds p.
func stepHeaderAt(bd *canvas.Board, p canvas.Point) (int, bool) {
	c := bd.TemplateOf().Columns
	if c == nil || p.Y < c.Y || p.Y >= c.Y+c.Header || p.X < c.X {
		return -1, false
	}
	i := int((p.X - c.X) / c.Width)
	if i >= len(bd.Steps) {
		return -1, false
	}
	return i, true
}

// stepHeaderRect is the header of step i, in board units.
func stepHeaderRect(bd *canvas.Board, i int) canvas.Rect {
	c := bd.TemplateOf().Columns
	return canvas.Rect{X: c.ColumnX(i), Y: c.Y, W: c.Width, H: c.Header}
}
