package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sizes of the opportunity landscape, in units (one unit is one pixel at
// 100 %, as on a board).
const (
	LandscapeTitleSize   = 20
	LandscapeAxisSize    = 15
	LandscapeTickSize    = 13
	LandscapeCaptionSize = 14
	LandscapeNoteSize    = 12 // a caption's second line, the legend
	LandscapeDotRadius   = 7

	// LandscapePlotSide is the side of the square plot of an export.
	LandscapePlotSide = 640

	landscapeLeft   = 44  // the satisfaction ticks
	landscapeRight  = 24  // room for the last tick's label
	landscapeTop    = 76  // the title and the satisfaction axis's name
	landscapeBottom = 100 // the importance ticks, the axis's name, the legend
)

// LandscapeExportSize is the size of the landscape an export draws: the
// square plot with its axes, title and legend around it.
var LandscapeExportSize = fyne.NewSize(landscapeLeft+LandscapePlotSide+landscapeRight,
	landscapeTop+LandscapePlotSide+landscapeBottom)

// LandscapeEmpty is what the landscape says while no outcome is scored.
const LandscapeEmpty = "No outcome is scored yet. Give outcome cards an importance and a satisfaction (0–10) in the inspector (View ▸ Inspector) to plot them here."

// landscapeClasses are the classes in the legend's order, most served last.
var landscapeClasses = []canvas.Class{canvas.ClassExtreme, canvas.ClassHigh, canvas.ClassSolid,
	canvas.ClassAppropriate, canvas.ClassOverserved}

// legendNames are the classes as the legend names them, short enough for
// one row under the plot.
var legendNames = map[canvas.Class]string{canvas.ClassExtreme: "Extreme", canvas.ClassHigh: "High",
	canvas.ClassSolid: "Solid", canvas.ClassAppropriate: "Appropriately served", canvas.ClassOverserved: "Over-served"}

// LandscapeColors are the colours of the landscape that a board has no use
// for: the shades of its regions and the dots of each class.
type LandscapeColors struct {
	Underserved, Extreme, Overserved color.NRGBA // alpha is the shade's strength
	Dot                              map[canvas.Class]color.NRGBA
}

// NewLandscapeColors picks the landscape's colours to go with a board
// palette, light or dark after its background: warm shades where an
// outcome is a chance to innovate, a cool one where it is over-served.
func NewLandscapeColors(p Palette) LandscapeColors {
	bg := color.NRGBAModel.Convert(p.Background).(color.NRGBA)
	dark := 0.299*float64(bg.R)+0.587*float64(bg.G)+0.114*float64(bg.B) < 128
	if dark {
		return LandscapeColors{
			Underserved: color.NRGBA{0xef, 0x53, 0x50, 0x40},
			Extreme:     color.NRGBA{0xef, 0x53, 0x50, 0x80},
			Overserved:  color.NRGBA{0x42, 0xa5, 0xf5, 0x38},
			Dot: map[canvas.Class]color.NRGBA{
				canvas.ClassExtreme:     {0xff, 0x52, 0x52, 0xff},
				canvas.ClassHigh:        {0xff, 0x8a, 0x3d, 0xff},
				canvas.ClassSolid:       {0xff, 0xca, 0x28, 0xff},
				canvas.ClassAppropriate: {0xbd, 0xbd, 0xbd, 0xff},
				canvas.ClassOverserved:  {0x64, 0xb5, 0xf6, 0xff},
			},
		}
	}
	return LandscapeColors{
		Underserved: color.NRGBA{0xe5, 0x39, 0x35, 0x24},
		Extreme:     color.NRGBA{0xe5, 0x39, 0x35, 0x52},
		Overserved:  color.NRGBA{0x1e, 0x88, 0xe5, 0x20},
		Dot: map[canvas.Class]color.NRGBA{
			canvas.ClassExtreme:     {0xb7, 0x1c, 0x1c, 0xff},
			canvas.ClassHigh:        {0xe6, 0x4a, 0x19, 0xff},
			canvas.ClassSolid:       {0xf5, 0x9e, 0x0b, 0xff},
			canvas.ClassAppropriate: {0x75, 0x75, 0x75, 0xff},
			canvas.ClassOverserved:  {0x15, 0x65, 0xc0, 0xff},
		},
	}
}

// LandscapeView draws the opportunity landscape of outcome-driven
// innovation without taking input: importance (x, 0–10) against
// satisfaction (y, 0–10) on a square plot, the under-served region
// (opportunity ≥ 10, darker from 15) and the over-served one (satisfaction
// above importance) shaded, captions, axes with their ticks, and one dot
// per scored outcome in its class's colour. The interactive landscape
// (package app) puts its hover label over it; an export puts it on a
// software canvas.
type LandscapeView struct {
	colors Palette
	lc     LandscapeColors

	bg       *fcanvas.Rectangle
	regions  *fcanvas.Raster
	grid     []*fcanvas.Line // 0 … 10 across, then 0 … 10 up
	frame    *fcanvas.Rectangle
	xTicks   []*fcanvas.Text
	yTicks   []*fcanvas.Text
	title    *fcanvas.Text
	xName    *fcanvas.Text
	yName    *fcanvas.Text
	captions []caption
	legend   []legendItem
	dots     []*fcanvas.Circle
	stacks   []stack // counts beside dots that lie on one another
	emptyBox *fcanvas.Rectangle
	empty    []*fcanvas.Text

	data    []canvas.Dot
	plot    fyne.Position // the plot's top left
	side    float32       // the plot's side
	objects []fyne.CanvasObject
}

// caption names a region: a bold line and a muted one under it, centred on
// a point of the plot given in scores.
type caption struct {
	main, sub *fcanvas.Text
	imp, sat  float32
	align     fyne.TextAlign
}

// stack is a count of the dots at one point: outcomes scored alike lie on
// one another, and the chart says how many.
type stack struct {
	text     *fcanvas.Text
	imp, sat float64
}

type legendItem struct {
	dot   *fcanvas.Circle
	text  *fcanvas.Text
	class canvas.Class
}

// NewLandscapeView makes a view in colours p, over a background of
// p.Background when background is true (an export fills its own).
func NewLandscapeView(p Palette, background bool) *LandscapeView {
	v := &LandscapeView{}
	v.bg = fcanvas.NewRectangle(p.Background)
	v.bg.Hidden = !background
	v.regions = fcanvas.NewRaster(v.drawRegions)
	for range 2 * 11 {
		v.grid = append(v.grid, fcanvas.NewLine(color.Transparent))
	}
	v.frame = fcanvas.NewRectangle(color.Transparent)
	for i := range 11 {
		for _, ticks := range []*[]*fcanvas.Text{&v.xTicks, &v.yTicks} {
			t := fcanvas.NewText(strconv.Itoa(i), color.Black)
			t.TextSize = LandscapeTickSize
			*ticks = append(*ticks, t)
		}
	}
	for _, t := range v.yTicks {
		t.Alignment = fyne.TextAlignTrailing
	}
	for _, t := range v.xTicks {
		t.Alignment = fyne.TextAlignCenter
	}
	bold := fyne.TextStyle{Bold: true}
	v.title = newSizedText("Opportunity landscape", LandscapeTitleSize, bold)
	v.xName = newSizedText("Importance", LandscapeAxisSize, bold)
	v.xName.Alignment = fyne.TextAlignCenter
	v.yName = newSizedText("Satisfaction", LandscapeAxisSize, bold)
	v.captions = []caption{
		{main: newSizedText("Over-served", LandscapeCaptionSize, bold),
			sub: newSizedText("satisfaction above importance", LandscapeNoteSize, fyne.TextStyle{}),
			imp: 0.3, sat: 9.55, align: fyne.TextAlignLeading},
		{main: newSizedText("Appropriately served", LandscapeCaptionSize, bold),
			sub: newSizedText("opportunity below 10", LandscapeNoteSize, fyne.TextStyle{}),
			imp: 3.9, sat: 1.2, align: fyne.TextAlignCenter},
		{main: newSizedText("Under-served", LandscapeCaptionSize, bold),
			sub: newSizedText("opportunity ≥ 10", LandscapeNoteSize, fyne.TextStyle{}),
			imp: 8.95, sat: 5.8, align: fyne.TextAlignCenter},
		{main: newSizedText("Extreme", LandscapeCaptionSize, bold),
			sub: newSizedText("opportunity ≥ 15", LandscapeNoteSize, fyne.TextStyle{}),
			imp: 9.0, sat: 0.9, align: fyne.TextAlignCenter},
	}
	for _, c := range v.captions {
		c.main.Alignment, c.sub.Alignment = c.align, c.align
	}
	for _, cl := range landscapeClasses {
		v.legend = append(v.legend, legendItem{dot: fcanvas.NewCircle(color.Transparent),
			text: newSizedText("", LandscapeNoteSize, fyne.TextStyle{}), class: cl})
	}
	v.emptyBox = fcanvas.NewRectangle(color.Transparent)
	v.emptyBox.CornerRadius = 6
	v.SetPalette(p)
	v.SetDots(nil)
	return v
}

func newSizedText(s string, size float32, style fyne.TextStyle) *fcanvas.Text {
	t := fcanvas.NewText(s, color.Black)
	t.TextSize = size
	t.TextStyle = style
	return t
}

// SetPalette changes the colours; Layout or Refresh of the objects shows
// them.
func (v *LandscapeView) SetPalette(p Palette) {
	v.colors = p
	v.lc = NewLandscapeColors(p)
	v.bg.FillColor = p.Background
	for i, l := range v.grid {
		l.StrokeColor = WithAlpha(p.Foreground, 0x18)
		if i == 5 || i == 16 { // the middle of each axis
			l.StrokeColor = WithAlpha(p.Foreground, 0x28)
		}
	}
	v.frame.StrokeColor = Opaque(p.Background, p.Foreground, 0.7)
	for _, t := range append(append([]*fcanvas.Text{}, v.xTicks...), v.yTicks...) {
		t.Color = p.Muted
	}
	v.title.Color, v.xName.Color, v.yName.Color = p.Foreground, p.Foreground, p.Foreground
	for _, c := range v.captions {
		c.main.Color, c.sub.Color = Opaque(p.Background, p.Foreground, 0.8), p.Muted
	}
	for _, it := range v.legend {
		it.dot.FillColor = v.lc.Dot[it.class]
		it.text.Color = p.Foreground
	}
	v.emptyBox.FillColor = WithAlpha(p.Background, 0xe8)
	v.emptyBox.StrokeColor = WithAlpha(p.Foreground, 0x40)
	for _, t := range v.empty {
		t.Color = p.Foreground
	}
	for i, d := range v.dots {
		v.styleDot(d, v.data[i].Class)
	}
	for _, st := range v.stacks {
		st.text.Color = p.Foreground
	}
	v.regions.Refresh()
}

func (v *LandscapeView) styleDot(c *fcanvas.Circle, cl canvas.Class) {
	c.FillColor = v.lc.Dot[cl]
	c.StrokeColor = v.colors.Background
	c.StrokeWidth = 1.5
}

// Palette is the colours the view draws in.
func (v *LandscapeView) Palette() *Palette { return &v.colors }

// SetTitle sets the line over the chart (the project's name goes there).
func (v *LandscapeView) SetTitle(s string) { v.title.Text = s }

// Title is the line over the chart.
func (v *LandscapeView) Title() string { return v.title.Text }

// SetDots replaces the dots drawn, in drawing order (the last on top); it
// reports whether the set of objects changed, so the caller knows to ask
// for Objects again. Layout places them.
func (v *LandscapeView) SetDots(dots []canvas.Dot) bool {
	v.data = append(v.data[:0], dots...)
	counts := map[canvas.Class]int{}
	for _, d := range dots {
		counts[d.Class]++
	}
	for _, it := range v.legend {
		it.text.Text = fmt.Sprintf("%s (%d)", legendNames[it.class], counts[it.class])
	}
	changed := v.objects == nil || len(v.dots) != len(dots) || (len(dots) == 0) != (len(v.empty) == 0)
	for len(v.dots) < len(dots) {
		v.dots = append(v.dots, fcanvas.NewCircle(color.Transparent))
	}
	v.dots = v.dots[:len(dots)]
	for i, d := range dots {
		v.styleDot(v.dots[i], d.Class)
	}
	changed = v.setStacks(dots) || changed
	if len(dots) > 0 {
		v.empty = nil
	} else if v.empty == nil {
		v.empty = []*fcanvas.Text{} // filled by Layout, which knows the width
	}
	if changed {
		v.rebuildObjects()
	}
	return changed
}

// setStacks makes a count for every point with more than one dot; it
// reports whether the number of counts changed.
func (v *LandscapeView) setStacks(dots []canvas.Dot) bool {
	type at struct{ imp, sat float64 }
	count := map[at]int{}
	var order []at
	for _, d := range dots {
		k := at{d.Importance, d.Satisfaction}
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	n := len(v.stacks)
	v.stacks = v.stacks[:0]
	for _, k := range order {
		if count[k] < 2 {
			continue
		}
		t := newSizedText("×"+strconv.Itoa(count[k]), LandscapeNoteSize, fyne.TextStyle{Bold: true})
		t.Color = v.colors.Foreground
		v.stacks = append(v.stacks, stack{text: t, imp: k.imp, sat: k.sat})
	}
	return n != len(v.stacks) || len(v.stacks) > 0
}

// Dots are the dots drawn, in drawing order.
func (v *LandscapeView) Dots() []canvas.Dot { return v.data }

// Objects are the view's canvas objects, bottom to top.
func (v *LandscapeView) Objects() []fyne.CanvasObject {
	if v.objects == nil {
		v.rebuildObjects()
	}
	return v.objects
}

func (v *LandscapeView) rebuildObjects() {
	objs := []fyne.CanvasObject{v.bg, v.regions}
	for _, l := range v.grid {
		objs = append(objs, l)
	}
	objs = append(objs, v.frame)
	for _, t := range v.xTicks {
		objs = append(objs, t)
	}
	for _, t := range v.yTicks {
		objs = append(objs, t)
	}
	objs = append(objs, v.title, v.xName, v.yName)
	for _, c := range v.captions {
		objs = append(objs, c.main, c.sub)
	}
	for _, it := range v.legend {
		objs = append(objs, it.dot, it.text)
	}
	for _, d := range v.dots {
		objs = append(objs, d)
	}
	for _, st := range v.stacks {
		objs = append(objs, st.text)
	}
	if v.empty != nil {
		objs = append(objs, v.emptyBox)
		for _, t := range v.empty {
			objs = append(objs, t)
		}
	}
	v.objects = objs
}

// Plot is where the square plot is: its top left corner and its side.
func (v *LandscapeView) Plot() (fyne.Position, float32) { return v.plot, v.side }

// At is the point of the view where an outcome with these scores is drawn.
func (v *LandscapeView) At(importance, satisfaction float64) fyne.Position {
	u := v.side / 10
	return fyne.NewPos(v.plot.X+float32(importance)*u, v.plot.Y+v.side-float32(satisfaction)*u)
}

// DotsAt lists the dots under p (within a dot's radius and a little
// more, to be easy to point at), topmost first.
func (v *LandscapeView) DotsAt(p fyne.Position) []int {
	const reach = LandscapeDotRadius + 3
	var hit []int
	for i := len(v.data) - 1; i >= 0; i-- {
		c := v.At(v.data[i].Importance, v.data[i].Satisfaction)
		dx, dy := p.X-c.X, p.Y-c.Y
		if dx*dx+dy*dy <= reach*reach {
			hit = append(hit, i)
		}
	}
	return hit
}

// Layout places everything for a view of size: the plot is the largest
// square the margins leave, centred across.
func (v *LandscapeView) Layout(size fyne.Size) {
	v.bg.Resize(size)
	side := min(size.Width-landscapeLeft-landscapeRight, size.Height-landscapeTop-landscapeBottom)
	side = max(float32(math.Floor(float64(side))), 100)
	v.side = side
	v.plot = fyne.NewPos(float32(math.Floor(float64(landscapeLeft+(size.Width-landscapeLeft-landscapeRight-side)/2))), landscapeTop)
	x0, y0 := v.plot.X, v.plot.Y
	u := side / 10

	v.regions.Move(v.plot)
	if v.regions.Size() != fyne.NewSize(side, side) {
		v.regions.Resize(fyne.NewSize(side, side))
		v.regions.Refresh()
	}
	for i := range 11 {
		across, up := v.grid[i], v.grid[11+i]
		x := x0 + float32(i)*u
		across.Position1, across.Position2 = fyne.NewPos(x, y0), fyne.NewPos(x, y0+side)
		y := y0 + side - float32(i)*u
		up.Position1, up.Position2 = fyne.NewPos(x0, y), fyne.NewPos(x0+side, y)
		across.StrokeWidth, up.StrokeWidth = 1, 1
	}
	v.frame.Move(v.plot)
	v.frame.Resize(fyne.NewSize(side, side))
	v.frame.StrokeWidth = 2

	tickH := LandscapeTickSize * LineHeightRatio(fyne.TextStyle{})
	for i, t := range v.xTicks {
		t.Move(fyne.NewPos(x0+float32(i)*u-20, y0+side+4))
		t.Resize(fyne.NewSize(40, tickH))
	}
	for i, t := range v.yTicks {
		t.Move(fyne.NewPos(x0-48, y0+side-float32(i)*u-tickH/2))
		t.Resize(fyne.NewSize(40, tickH))
	}
	bold := fyne.TextStyle{Bold: true}
	titleH := LandscapeTitleSize * LineHeightRatio(bold)
	v.title.Move(fyne.NewPos(x0, 10))
	v.title.Resize(fyne.NewSize(side, titleH))
	axisH := LandscapeAxisSize * LineHeightRatio(bold)
	v.yName.Move(fyne.NewPos(x0, y0-axisH-6))
	v.yName.Resize(fyne.NewSize(side/2, axisH))
	xNameY := y0 + side + 4 + tickH + 2
	v.xName.Move(fyne.NewPos(x0, xNameY))
	v.xName.Resize(fyne.NewSize(side, axisH))

	v.layoutCaptions()
	v.layoutLegend(xNameY + axisH + 10)

	r := float32(LandscapeDotRadius)
	for i, d := range v.dots {
		c := v.At(v.data[i].Importance, v.data[i].Satisfaction)
		d.Move(c.SubtractXY(r, r))
		d.Resize(fyne.NewSize(2*r, 2*r))
	}
	h := LandscapeNoteSize * LineHeightRatio(fyne.TextStyle{Bold: true})
	for _, st := range v.stacks {
		c := v.At(st.imp, st.sat)
		st.text.Move(fyne.NewPos(c.X+r+1, c.Y-r-h+4))
		st.text.Resize(fyne.NewSize(40, h))
	}
	if v.empty != nil {
		v.layoutEmpty()
	}
}

func (v *LandscapeView) layoutCaptions() {
	bold := fyne.TextStyle{Bold: true}
	mainH := LandscapeCaptionSize * LineHeightRatio(bold)
	subH := LandscapeNoteSize * LineHeightRatio(fyne.TextStyle{})
	const w = 220
	for _, c := range v.captions {
		at := v.At(float64(c.imp), float64(c.sat))
		x := at.X
		switch c.align {
		case fyne.TextAlignCenter:
			x -= w / 2
		case fyne.TextAlignTrailing:
			x -= w
		}
		top := at.Y - (mainH+subH)/2
		c.main.Move(fyne.NewPos(x, top))
		c.main.Resize(fyne.NewSize(w, mainH))
		c.sub.Move(fyne.NewPos(x, top+mainH))
		c.sub.Resize(fyne.NewSize(w, subH))
	}
}

// layoutLegend puts the classes with their colours and counts in one
// centred row at y.
func (v *LandscapeView) layoutLegend(y float32) {
	const gap, dotGap = 18, 6
	d := float32(LandscapeNoteSize * 0.85)
	h := LandscapeNoteSize * LineHeightRatio(fyne.TextStyle{})
	widths := make([]float32, len(v.legend))
	total := float32(0)
	for i, it := range v.legend {
		widths[i] = fyne.MeasureText(it.text.Text, LandscapeNoteSize, fyne.TextStyle{}).Width
		total += d + dotGap + widths[i]
	}
	total += gap * float32(len(v.legend)-1)
	x := v.plot.X + (v.side-total)/2
	for i, it := range v.legend {
		it.dot.Move(fyne.NewPos(x, y+(h-d)/2))
		it.dot.Resize(fyne.NewSize(d, d))
		x += d + dotGap
		it.text.Move(fyne.NewPos(x, y))
		it.text.Resize(fyne.NewSize(widths[i]+2, h))
		x += widths[i] + gap
	}
}

// layoutEmpty writes LandscapeEmpty in a box in the middle of the plot,
// wrapped to its width.
func (v *LandscapeView) layoutEmpty() {
	const pad = 14
	w := v.side - 80
	blk := FitText(LandscapeEmpty, w-2*pad, 6*LandscapeAxisSize*2, LandscapeAxisSize, LandscapeNoteSize, fyne.TextStyle{})
	changed := len(v.empty) != len(blk.Lines)
	for len(v.empty) < len(blk.Lines) {
		v.empty = append(v.empty, fcanvas.NewText("", v.colors.Foreground))
	}
	v.empty = v.empty[:len(blk.Lines)]
	h := float32(len(blk.Lines))*blk.LineH + 2*pad
	top := v.plot.Y + (v.side-h)/2
	left := v.plot.X + (v.side-w)/2
	v.emptyBox.Move(fyne.NewPos(left, top))
	v.emptyBox.Resize(fyne.NewSize(w, h))
	v.emptyBox.StrokeWidth = 1
	for i, t := range v.empty {
		if t.Text != blk.Lines[i] || t.TextSize != blk.Size {
			t.Text, t.TextSize = blk.Lines[i], blk.Size
			t.Refresh()
		}
		t.Alignment = fyne.TextAlignCenter
		t.Move(fyne.NewPos(left+pad, top+pad+float32(i)*blk.LineH))
		t.Resize(fyne.NewSize(w-2*pad, blk.LineH))
	}
	if changed {
		v.rebuildObjects()
	}
}

// Refresh redraws the objects whose look or text may have changed (after
// SetPalette, SetTitle or SetDots); the shaded regions are redrawn only
// by SetPalette and a change of size.
func (v *LandscapeView) Refresh() {
	for _, o := range v.Objects() {
		if o != v.regions {
			o.Refresh()
		}
	}
}

// Empty is the text shown while there is no dot, line by line.
func (v *LandscapeView) Empty() []string {
	var lines []string
	for _, t := range v.empty {
		lines = append(lines, t.Text)
	}
	return lines
}

// drawRegions rasterises the shaded regions at the plot's size in pixels.
// Their edges are straight lines in score space: satisfaction = importance
// (over-served above it), and, below that diagonal, where the opportunity
// 2·importance − satisfaction reaches 10 and 15: satisfaction =
// 2·importance − 10 and 2·importance − 15. Each pixel is shaded by how much
// of it lies past each edge (the signed distance to the line, in pixels),
// so the edges are smooth at any scale and a screen and an export agree.
func (v *LandscapeView) drawRegions(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w <= 0 || h <= 0 {
		return img
	}
	lc := v.lc
	px := 10 / float64(w) // one pixel, in score units across
	py := 10 / float64(h)
	cover := func(d float64) float64 { return min(max(0.5+d, 0), 1) }
	sqrt5 := math.Sqrt(5)
	for y := range h {
		sat := 10 - (float64(y)+0.5)*py
		for x := range w {
			imp := (float64(x) + 0.5) * px
			var c color.NRGBA
			var a float64
			if over := cover((sat - imp) / math.Sqrt2 / px); over > 0 {
				c, a = lc.Overserved, over*float64(lc.Overserved.A)
			}
			if under := cover((2*imp - 10 - sat) / sqrt5 / px); under > 0 {
				ext := cover((2*imp - 15 - sat) / sqrt5 / px)
				c = lc.Underserved
				a = under*float64(lc.Underserved.A) + ext*float64(int(lc.Extreme.A)-int(lc.Underserved.A))
			}
			if a <= 0 {
				continue
			}
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, uint8(math.Round(a))
		}
	}
	return img
}
