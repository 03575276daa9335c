package render

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TemplateView draws a board's template under its cards, from the
// template's data only: frames (rectangles, circles), zones (rectangles,
// slices of a circle) with their labels and guiding questions, axes, free
// areas, step columns with their headers and rows. Its objects are built
// once per template, title and steps, then only moved and resized as the
// view changes.
type TemplateView struct {
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

// TemplateKey changes whenever what the template draws changes.
func TemplateKey(bd *canvas.Board) string {
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

// Build makes the template's objects when the template, title or steps
// changed (or the theme: the renderer then clears key); it reports whether
// it did.
func (t *TemplateView) Build(bd *canvas.Board, colors *Palette) bool {
	key := TemplateKey(bd)
	if key == t.key && t.objects != nil {
		return false
	}
	t.key = key
	t.items = t.items[:0]
	tb := &tplBuilder{t: t, c: colors}
	// Every template is drawn from its data alone, bottom to top: the
	// board's title, the dividers between zones, areas, frames, axes, the
	// zones' labels, the columns.
	tpl := bd.TemplateOf()
	tb.title(bd, tpl)
	tb.dividers(tpl)
	tb.areas(tpl.Areas)
	tb.frames(tpl.Frames)
	tb.axes(tpl.Axes)
	for _, z := range tpl.Zones {
		tb.zoneLabel(z)
	}
	if tpl.Columns != nil {
		tb.columns(bd, tpl.Columns)
	}
	t.objects = make([]fyne.CanvasObject, len(t.items))
	for i, it := range t.items {
		t.objects[i] = it.obj
	}
	return true
}

// Layout places the objects for the board's view.
func (t *TemplateView) Layout(vp Viewport) { layoutItems(t.items, vp) }

// layoutItems places drawn parts of a board given in board units.
func layoutItems(items []tplItem, vp Viewport) {
	z := vp.Zoom
	for i := range items {
		it := &items[i]
		pos, size := vp.ScreenRect(it.r)
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
			if it.size*z < MinTextPixels {
				o.Hidden = true
				continue
			}
			o.Hidden = false
			SetTextSize(o, it.size*z)
			o.Move(pos)
			o.Resize(size)
		}
	}
}

// strokeWidth is a line's width on screen: it follows the zoom, but never
// vanishes nor turns into a bar.
func strokeWidth(w, z float32) float32 { return min(max(w*z, 1), w*1.5) }

type tplBuilder struct {
	t *TemplateView
	c *Palette
}

func (tb *tplBuilder) add(it tplItem) { tb.t.items = append(tb.t.items, it) }

func (tb *tplBuilder) text(s string, r canvas.Rect, size float32, style fyne.TextStyle, align fyne.TextAlign, muted bool) {
	c := tb.c.Foreground
	if muted {
		c = tb.c.Muted
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
	h := float32(maxLines) * size * LineHeightRatio(style)
	blk := FitText(s, float32(w), h, size, minSize, style)
	for i, l := range blk.Lines {
		tb.text(l, canvas.Rect{X: x, Y: y + float64(float32(i)*blk.LineH), W: w, H: float64(blk.LineH)},
			blk.Size, style, align, muted)
	}
	return float64(float32(len(blk.Lines)) * blk.LineH)
}

func (tb *tplBuilder) line(x0, y0, x1, y1 float64, stroke float32, frame bool) {
	c := Opaque(tb.c.Background, tb.c.Foreground, 0.38)
	if frame {
		c = Opaque(tb.c.Background, tb.c.Foreground, 0.7)
	}
	o := fcanvas.NewLine(c)
	tb.add(tplItem{obj: o, kind: tplLine, r: canvas.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, stroke: stroke})
}

// title writes the board's title: over the columns under the template's
// caption, or at the top left of the template's shapes when there is room
// above them (a free board, with none, has no title drawn).
func (tb *tplBuilder) title(bd *canvas.Board, tpl *canvas.Template) {
	bold := fyne.TextStyle{Bold: true}
	if tpl.Columns != nil {
		if r, ok := bd.TitleRect(); ok {
			// The core job statement over its steps, under a caption
			// that says what it is.
			if c := tpl.Columns.Caption; c != "" {
				tb.text(c, canvas.Rect{X: r.X, Y: r.Y, W: r.W, H: JobCaptionSize * 1.4},
					JobCaptionSize, bold, fyne.TextAlignLeading, true)
			}
			tb.paragraph(bd.Title, r.X, r.Y+JobCaptionSize*1.5, r.W, 1, TitleSize, 24, bold, fyne.TextAlignLeading, false)
		}
		return
	}
	top, left := math.Inf(1), math.Inf(1)
	add := func(r canvas.Rect) { top, left = math.Min(top, r.Y), math.Min(left, r.X) }
	for _, f := range tpl.Frames {
		add(frameRect(f))
	}
	for _, z := range tpl.Zones {
		add(z.Rect)
	}
	for _, a := range tpl.Areas {
		add(a.Rect)
	}
	if tpl.Axes != nil {
		add(tpl.Axes.Rect)
	}
	if math.IsInf(top, 1) {
		return // open space
	}
	if title := bd.Title; title != "" && top-tpl.Bounds.Y >= 120 {
		tb.text(title, canvas.Rect{X: left, Y: tpl.Bounds.Y + 8, W: 1600, H: TitleSize * 1.4},
			TitleSize, bold, fyne.TextAlignLeading, false)
	}
}

// dividers draws the lines between zones: each zone's edges, cut to its
// circle, drawn once and not where a frame goes over them.
func (tb *tplBuilder) dividers(tpl *canvas.Template) {
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
}

// frames draws the outlines around groups of zones, with their labels
// above them.
func (tb *tplBuilder) frames(frames []canvas.Frame) {
	bold := fyne.TextStyle{Bold: true}
	for _, f := range frames {
		fc := Opaque(tb.c.Background, tb.c.Foreground, 0.7)
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
			tb.text(f.Label, canvas.Rect{X: fr.X, Y: fr.Y - FrameLabelSize*1.6, W: fr.W, H: FrameLabelSize * 1.4},
				FrameLabelSize, bold, fyne.TextAlignCenter, false)
		}
	}
}

// areas draws the free areas for named groups: a light outline with the
// group's name inside at the top left.
func (tb *tplBuilder) areas(areas []canvas.Area) {
	const pad = 16
	for _, a := range areas {
		o := fcanvas.NewRectangle(nil)
		o.StrokeColor = Opaque(tb.c.Background, tb.c.Foreground, 0.38)
		tb.add(tplItem{obj: o, kind: tplRect, r: a.Rect, stroke: 2})
		if a.Label != "" {
			tb.text(a.Label, canvas.Rect{X: a.Rect.X + pad, Y: a.Rect.Y + pad, W: a.Rect.W - 2*pad, H: AreaLabelSize * 1.4},
				AreaLabelSize, fyne.TextStyle{Bold: true}, fyne.TextAlignLeading, true)
		}
	}
}

// axes draws two lines crossing, each labelled at both ends: the left and
// right labels above the horizontal line's ends, the top and bottom ones
// beyond the vertical line's.
func (tb *tplBuilder) axes(a *canvas.Axes) {
	if a == nil {
		return
	}
	r := a.Rect
	tb.line(r.X, a.Y, r.X+r.W, a.Y, 4, true)
	tb.line(a.X, r.Y, a.X, r.Y+r.H, 4, true)
	const gap = 12
	bold := fyne.TextStyle{Bold: true}
	h := AxisLabelSize * 1.4
	if a.Left != "" {
		tb.text(a.Left, canvas.Rect{X: r.X + gap, Y: a.Y - h - gap, W: a.X - r.X - 2*gap, H: h},
			AxisLabelSize, bold, fyne.TextAlignLeading, false)
	}
	if a.Right != "" {
		tb.text(a.Right, canvas.Rect{X: a.X + gap, Y: a.Y - h - gap, W: r.X + r.W - a.X - 2*gap, H: h},
			AxisLabelSize, bold, fyne.TextAlignTrailing, false)
	}
	const w = 600
	if a.Top != "" {
		tb.text(a.Top, canvas.Rect{X: a.X - w/2, Y: r.Y - h - gap, W: w, H: h},
			AxisLabelSize, bold, fyne.TextAlignCenter, false)
	}
	if a.Bottom != "" {
		tb.text(a.Bottom, canvas.Rect{X: a.X - w/2, Y: r.Y + r.H + gap, W: w, H: h},
			AxisLabelSize, bold, fyne.TextAlignCenter, false)
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
	step := 10.0
	if z.Place == canvas.PlaceBottom {
		y, step = r.Y+r.H-24-block, -10
	}
	x0, x1 := r.X, r.X+r.W
	if z.Circle != nil {
		for ; y < r.Y+r.H-block && y > r.Y; y += step {
			a0, a1 := zoneBand(z, y)
			b0, b1 := zoneBand(z, y+block)
			x0, x1 = math.Max(a0, b0), math.Min(a1, b1)
			if x1-x0 >= need {
				break
			}
		}
	}
	w := x1 - x0 - 40
	qw := math.Min(w-20, 440)
	qx := x0 + 20 + (w-qw)/2
	align := fyne.TextAlignCenter
	switch z.Align {
	case canvas.AlignLeft:
		align, qx = fyne.TextAlignLeading, x0+20
	case canvas.AlignRight:
		align, qx = fyne.TextAlignTrailing, x0+20+w-qw
	}
	italic := fyne.TextStyle{Italic: true}
	if z.Place == canvas.PlaceBottom && z.Circle == nil {
		// As low as the question's lines allow.
		lines := 0
		if z.Question != "" {
			lines = len(FitText(z.Question, float32(qw), 3*ZoneQuestionSize*LineHeightRatio(italic), ZoneQuestionSize, 14, italic).Lines)
		}
		y = r.Y + r.H - 24 - ZoneLabelSize*1.5 - float64(float32(lines)*ZoneQuestionSize*LineHeightRatio(italic))
	}
	bold := fyne.TextStyle{Bold: true}
	tb.text(z.Label, canvas.Rect{X: x0 + 20, Y: y, W: w, H: ZoneLabelSize * 1.4},
		ZoneLabelSize, bold, align, false)
	tb.paragraph(z.Question, qx, y+ZoneLabelSize*1.5, qw, 3, ZoneQuestionSize, 14, italic, align, true)
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

// columns draws a column template: one column per step with a header
// (name and description) over a cell per row.
func (tb *tplBuilder) columns(bd *canvas.Board, c *canvas.Columns) {
	bold := fyne.TextStyle{Bold: true}
	for i, s := range bd.Steps {
		x := c.ColumnX(i)
		hdr := fcanvas.NewRectangle(tb.c.Header)
		hdr.StrokeColor = Opaque(tb.c.Background, tb.c.Foreground, 0.38)
		tb.add(tplItem{obj: hdr, kind: tplRect, r: canvas.Rect{X: x, Y: c.Y, W: c.Width, H: c.Header}, stroke: 2})
		const pad = 16
		nameH := tb.paragraph(s.Name, x+pad, c.Y+pad, c.Width-2*pad, 2, StepNameSize, 20, bold, fyne.TextAlignLeading, false)
		room := c.Header - 2*pad - nameH - 4
		if room > 0 {
			lines := max(int(room/(StepDescSize*float64(LineHeightRatio(fyne.TextStyle{})))), 1)
			tb.paragraph(s.Description, x+pad, c.Y+pad+nameH+4, c.Width-2*pad, lines, StepDescSize, 14,
				fyne.TextStyle{}, fyne.TextAlignLeading, true)
		}
		y := c.Y + c.Header
		for _, row := range c.Rows {
			cell := fcanvas.NewRectangle(nil)
			cell.StrokeColor = Opaque(tb.c.Background, tb.c.Foreground, 0.38)
			tb.add(tplItem{obj: cell, kind: tplRect, r: canvas.Rect{X: x, Y: y, W: c.Width, H: row.Height}, stroke: 2})
			tb.text(row.Label, canvas.Rect{X: x + pad, Y: y + 10, W: c.Width - 2*pad, H: ZoneQuestionSize * 1.4},
				ZoneQuestionSize, bold, fyne.TextAlignLeading, true)
			if i == 0 {
				tb.paragraph(row.Question, x+pad, y+10+ZoneQuestionSize*1.5, c.Width-2*pad, 3, 16, 13,
					fyne.TextStyle{Italic: true}, fyne.TextAlignLeading, true)
			}
			y += row.Height
		}
	}
}

// Objects are the template's canvas objects, bottom to top.
func (t *TemplateView) Objects() []fyne.CanvasObject { return t.objects }

// Key is the TemplateKey of the board the objects were built for.
func (t *TemplateView) Key() string { return t.key }

// TemplateText is one line of the template's text and its box, in board
// units.
type TemplateText struct {
	Text  string
	Box   canvas.Rect
	Size  float32
	Style fyne.TextStyle
	Align fyne.TextAlign
}

// Texts lists every line of text the template draws.
func (t *TemplateView) Texts() []TemplateText { return itemTexts(t.items) }

func itemTexts(items []tplItem) []TemplateText {
	var out []TemplateText
	for _, it := range items {
		if it.kind != tplText {
			continue
		}
		o := it.obj.(*fcanvas.Text)
		out = append(out, TemplateText{Text: o.Text, Box: it.r, Size: it.size, Style: o.TextStyle, Align: o.Alignment})
	}
	return out
}

// Ink is the part of the text's box its text covers.
func (tt TemplateText) Ink() canvas.Rect {
	w := math.Min(float64(fyne.MeasureText(tt.Text, tt.Size, tt.Style).Width), tt.Box.W)
	r := tt.Box
	switch tt.Align {
	case fyne.TextAlignCenter:
		r.X += (r.W - w) / 2
	case fyne.TextAlignTrailing:
		r.X += r.W - w
	}
	r.W = w
	return r
}
