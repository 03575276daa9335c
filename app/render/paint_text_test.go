package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// textCase is one canvas.Text placed on a canvas, painted by Fyne's
// software canvas and by the TextPainter.
type textCase struct {
	text   string
	size   float32
	style  fyne.TextStyle
	align  fyne.TextAlign
	col    color.Color
	bg     color.Color // nil: transparent
	pos    fyne.Position
	box    fyne.Size // the text's Size; zero: its MinSize
	scale  float32
	canvas fyne.Size
	src    fyne.Resource // FontSource
}

func (c textCase) String() string {
	return fmt.Sprintf("%q size %v style %+v align %v scale %v colour %v bg %v", c.text, c.size, c.style, c.align, c.scale, c.col, c.bg)
}

func (c textCase) object() *fcanvas.Text {
	t := fcanvas.NewText(c.text, c.col)
	t.TextSize = c.size
	t.TextStyle = c.style
	t.Alignment = c.align
	t.FontSource = c.src
	t.Move(c.pos)
	box := c.box
	if box.IsZero() {
		box = t.MinSize()
	}
	t.Resize(box)
	return t
}

// fyneRender is the text as export draws it today, on Fyne's software
// canvas.
func fyneRender(c textCase) *image.NRGBA {
	objs := []fyne.CanvasObject{}
	if c.bg != nil {
		r := fcanvas.NewRectangle(c.bg)
		r.Resize(c.canvas)
		objs = append(objs, r)
	}
	objs = append(objs, c.object())
	cv := software.NewTransparentCanvas()
	cv.SetPadded(false)
	cv.SetScale(c.scale)
	cv.SetContent(container.NewWithoutLayout(objs...))
	cv.Resize(c.canvas)
	return cv.Capture().(*image.NRGBA)
}

// toNRGBA is our premultiplied image as Fyne's NRGBA holds it: the same
// bytes wherever it is opaque, and elsewhere the same conversion as Fyne's
// image makes when its painter composites over transparency.
func toNRGBA(img *image.RGBA) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

func ourRender(tp *TextPainter, c textCase, dst *image.RGBA, clip image.Rectangle) {
	t := c.object()
	tp.PaintText(dst, clip, t, t.Position(), c.scale)
}

func background(c textCase, r image.Rectangle) *image.RGBA {
	img := image.NewRGBA(r)
	if c.bg != nil {
		draw.Draw(img, r, image.NewUniform(c.bg), image.Point{}, draw.Src)
	}
	return img
}

// compareNRGBA counts the pixels of r where a and b differ and the largest
// difference of a channel premultiplied by its alpha (where a pixel is
// nearly transparent, a colour channel may differ a lot and not show).
func compareNRGBA(a, b *image.NRGBA, r image.Rectangle) (n int, maxDiff int) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pa := a.Pix[a.PixOffset(x, y):][:4]
			pb := b.Pix[b.PixOffset(x, y):][:4]
			if [4]uint8(pa) == [4]uint8(pb) {
				continue
			}
			n++
			for i := range 4 {
				va, vb := float64(pa[i]), float64(pb[i])
				if i < 3 {
					va, vb = va*float64(pa[3])/255, vb*float64(pb[3])/255
				}
				maxDiff = max(maxDiff, int(math.Ceil(math.Abs(va-vb)-1e-9)))
			}
		}
	}
	return n, maxDiff
}

func newTextTestApp(t testing.TB) fyne.Theme {
	a := test.NewTempApp(t)
	th := WithScripts(theme.DefaultTheme())
	a.Settings().SetTheme(th)
	return th
}

var (
	textSamples = []string{
		"Get the kids to school on time",
		"Café crème, naïve façade — Ärger über Öl",
		"Fewer surprises at month's end; 42% less waiting!",
		"Aj gyp Qq WAVE fi fl",
		"价值主张 工作 痛点",
		"مرحبا بالعالم",
		"ภาษาไทย हिन्दी 한국어",
		"tab\tstop\there",
		"x\u0378y", // unassigned: no font has it, Fyne draws U+FFFD
		"Jobs 😀 done ✔ 1\uFE0F\u20E3\r",
	}
	textStyles = []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}, {Symbol: true}}
)

// textCases makes the cases compared with Fyne's painter: every sample in
// turn through the styles, sizes, scales, alignments and colours, so each
// shows up with several of each.
func textCases() []textCase {
	sizes := []float32{9, 11, 14, 17.5, 24, 40}
	scales := []float32{1, 1.5, 2, 3}
	aligns := []fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignCenter, fyne.TextAlignTrailing}
	cols := []color.Color{
		color.NRGBA{0x20, 0x20, 0x28, 0xff},
		color.NRGBA{0xc0, 0x30, 0x10, 0x90},
		color.NRGBA{0x10, 0x60, 0xd0, 0xff},
	}
	bgs := []color.Color{color.NRGBA{0xff, 0xf4, 0xb0, 0xff}, nil, color.NRGBA{0x30, 0x30, 0x30, 0xff}}
	var cases []textCase
	i := 0
	for _, s := range textSamples {
		for _, st := range textStyles {
			for k := 0; k < 3; k++ {
				c := textCase{
					text: s, style: st,
					size:  sizes[i%len(sizes)],
					scale: scales[(i/2)%len(scales)],
					align: aligns[i%len(aligns)],
					col:   cols[(i/3)%len(cols)],
					bg:    bgs[i%len(bgs)],
					pos:   fyne.NewPos(3.3+float32(i%5), 2.6+float32(i%3)),
				}
				if c.align != fyne.TextAlignLeading {
					c.box = fyne.NewSize(float32(len(s))*c.size*0.8, c.size*2.5)
				}
				c.canvas = fyne.NewSize(float32(len(s))*c.size*0.8+20, c.size*3+10)
				cases = append(cases, c)
				i++
			}
		}
	}
	// A text in a font of its own.
	for k, s := range textSamples[:4] {
		c := cases[k]
		c.text, c.style, c.src = s, fyne.TextStyle{}, theme.DefaultTextBoldItalicFont()
		cases = append(cases, c)
	}
	return cases
}

// The bound on differences from Fyne's painter. The glyph masks add up to
// the very area sums vector's rasteriser makes for a run (with the
// remainders it carries from row to row, see runPainter.carries), but:
//   - Fyne adds a glyph's points to its pen position in float32 and
//     flattens curves in float32, so the rounding depends on where the glyph
//     is. A mask is made once per power of two of x (see TextPainter.mask),
//     and a point can be 1/64 px off. (Keyed on the exact position, masks
//     would hardly ever be reused.)
//   - Text images over 512 px wide or high make vector sum in float32, in
//     an order a mask cannot follow.
//
// Either changes a channel by 1, rarely 2 or 3 (measured premultiplied), in
// at most 0.83 % of a case's pixels, 0.02 % of all compared. Nothing else
// differs: TestPaintTextLayoutMatchesFyne paints every case through
// go-text/render instead of the masks, identical to Fyne's.
const (
	textDiffShare = 100 // at most one pixel in this many
	textMaxDiff   = 3
)

func TestPaintTextMatchesFyne(t *testing.T) {
	th := newTextTestApp(t)
	tp := NewTextPainter(th)
	total, totalDiff, worst, worstShare := 0, 0, 0, 0.0
	for _, c := range textCases() {
		want := fyneRender(c)
		got := background(c, want.Bounds())
		ourRender(tp, c, got, got.Bounds())
		n, md := compareNRGBA(want, toNRGBA(got), want.Bounds())
		area := want.Bounds().Dx() * want.Bounds().Dy()
		total += area
		totalDiff += n
		worst = max(worst, md)
		worstShare = max(worstShare, float64(n)/float64(area))
		if n*textDiffShare > area || md > textMaxDiff {
			t.Errorf("%v: %d pixels of %d differ, by up to %d", c, n, area, md)
		}
	}
	t.Logf("%d of %d pixels differ, by up to %d; at most %.2f %% of a case's", totalDiff, total, worst, worstShare*100)
}

// TestPaintTextLayoutMatchesFyne paints the cases with go-text/render
// instead of the glyph masks: the faces, shaping, positions, clipping and
// blending are then Fyne's to the pixel, so the bound above is the masks'
// alone.
func TestPaintTextLayoutMatchesFyne(t *testing.T) {
	th := newTextTestApp(t)
	tp := NewTextPainter(th)
	tp.viaRenderer = true
	for _, c := range textCases() {
		want := fyneRender(c)
		got := background(c, want.Bounds())
		ourRender(tp, c, got, got.Bounds())
		if n, md := compareNRGBA(want, toNRGBA(got), want.Bounds()); n > 0 {
			t.Errorf("%v: %d pixels differ, by up to %d", c, n, md)
		}
	}
}

func TestPaintTextMinSize(t *testing.T) {
	th := newTextTestApp(t)
	tp := NewTextPainter(th)
	for _, c := range textCases() {
		o := c.object()
		if got, want := tp.MinSize(o), o.MinSize(); got != want {
			t.Errorf("%v: MinSize %v, Fyne's %v", c, got, want)
		}
	}
}

// TestPaintTextClipAndBand paints texts into bands of the image that start
// mid-text, with clip rectangles that cut glyphs: inside band ∩ clip the
// pixels are those of the whole text painted unclipped, outside untouched.
func TestPaintTextClipAndBand(t *testing.T) {
	th := newTextTestApp(t)
	tp := NewTextPainter(th)
	for i, c := range textCases()[:40] {
		full := background(c, image.Rectangle{Max: image.Pt(toPixels(c.canvas.Width, c.scale), toPixels(c.canvas.Height, c.scale))})
		ourRender(tp, c, full, full.Bounds())
		b := full.Bounds()
		ink := inked(full, background(c, b))
		// The band starts and the clip ends across the glyphs.
		band := image.Rect(b.Min.X, ink.Min.Y+ink.Dy()/3+i%4, b.Max.X, b.Max.Y)
		clip := image.Rect(ink.Min.X+ink.Dx()/5+i%3, b.Min.Y, ink.Max.X-ink.Dx()/4, ink.Min.Y+2*ink.Dy()/3)
		got := background(c, band)
		ourRender(tp, c, got, clip)
		want := background(c, band)
		in := band.Intersect(clip)
		draw.Draw(want, in, full, in.Min, draw.Src)
		if n, md := compareNRGBA(toNRGBA(want), toNRGBA(got), band); n > 0 {
			t.Errorf("%v, band %v, clip %v: %d pixels differ, by up to %d", c, band, clip, n, md)
		}
		if n, _ := compareNRGBA(toNRGBA(full), toNRGBA(background(c, b)), in); n == 0 {
			t.Errorf("%v: nothing painted in %v, the test shows nothing", c, in)
		}
	}
}

// inked is the bounding box of the pixels where a and b differ.
func inked(a, b *image.RGBA) image.Rectangle {
	var r image.Rectangle
	for y := a.Rect.Min.Y; y < a.Rect.Max.Y; y++ {
		for x := a.Rect.Min.X; x < a.Rect.Max.X; x++ {
			if [4]uint8(a.Pix[a.PixOffset(x, y):][:4]) != [4]uint8(b.Pix[b.PixOffset(x, y):][:4]) {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// TestPaintTextConcurrentBands paints many texts band by band on several
// goroutines at once, each with its own clip, into one image, as the
// exporter does; the result is the serial paint's. Run with -race.
func TestPaintTextConcurrentBands(t *testing.T) {
	th := newTextTestApp(t)
	cases := textCases()
	r := image.Rect(0, 0, 900, 600)
	place := func(i int, c textCase) (*fcanvas.Text, fyne.Position) {
		o := c.object()
		return o, fyne.NewPos(float32(i%7)*60+1.3, float32(i/7)*6.5+0.4)
	}
	serial := image.NewRGBA(r)
	tp := NewTextPainter(th)
	for i, c := range cases {
		o, pos := place(i, c)
		tp.PaintText(serial, r, o, pos, 1.5)
	}

	par := image.NewRGBA(r)
	tp = NewTextPainter(th) // cold caches: the goroutines fill them together
	objs := make([]*fcanvas.Text, len(cases))
	poss := make([]fyne.Position, len(cases))
	for i, c := range cases {
		objs[i], poss[i] = place(i, c)
	}
	const bandH = 37
	var wg sync.WaitGroup
	for y := r.Min.Y; y < r.Max.Y; y += bandH {
		band := image.Rect(r.Min.X, y, r.Max.X, min(y+bandH, r.Max.Y))
		dst := par.SubImage(band).(*image.RGBA)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range objs {
				tp.PaintText(dst, band, objs[i], poss[i], 1.5)
			}
		}()
	}
	wg.Wait()
	if n, md := compareNRGBA(toNRGBA(serial), toNRGBA(par), r); n > 0 {
		t.Errorf("parallel bands differ from the serial paint in %d pixels, by up to %d", n, md)
	}
	if n, _ := compareNRGBA(toNRGBA(serial), toNRGBA(image.NewRGBA(r)), r); n < 1000 {
		t.Errorf("only %d pixels painted", n)
	}
}

// TestPaintTextBoundedCaches paints many texts with tiny caches: they stay
// within their bounds, and what is painted is the same as with room for
// everything (evicted entries are made again, the same).
func TestPaintTextBoundedCaches(t *testing.T) {
	th := newTextTestApp(t)
	texts := benchCardTexts(300)
	r := image.Rect(0, 0, 1300, 1000)
	paint := func(tp *TextPainter) *image.RGBA {
		img := image.NewRGBA(r)
		for i, tx := range texts {
			tx.Resize(tp.MinSize(tx))
			tp.PaintText(img, r, tx, fyne.NewPos(float32(i%3)*200, float32(i)*1.6), 1.5)
			tp.glyphMu.RLock()
			if tp.glyphBytes > tp.glyphCap || len(tp.layouts) > tp.layoutCap {
				t.Fatalf("after %d texts: %d bytes of glyphs (cap %d), %d layouts (cap %d)", i+1, tp.glyphBytes, tp.glyphCap, len(tp.layouts), tp.layoutCap)
			}
			tp.glyphMu.RUnlock()
		}
		return img
	}
	rp := NewTextPainter(th)
	roomy := paint(rp)
	tight := NewTextPainter(th)
	tight.layoutCap, tight.glyphCap = 20, 200<<10
	got := paint(tight)
	if n, md := compareNRGBA(toNRGBA(roomy), toNRGBA(got), r); n > 0 {
		t.Errorf("with small caches %d pixels differ, by up to %d", n, md)
	}
	_, _, _, roomyMade := rp.CacheStats()
	_, layoutsMade, _, glyphsMade := tight.CacheStats()
	if layoutsMade < int64(len(texts)) || glyphsMade <= roomyMade {
		t.Errorf("%d layouts and %d glyphs made (%d with room): the caches did not evict", layoutsMade, glyphsMade, roomyMade)
	}
}
