package render

import (
	"image"
	"image/color"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// TextPainter draws canvas.Text for the export's own painter with the same
// pixels as Fyne's software painter (internal/painter/software drawText and
// internal/painter/font.go DrawString), without its costs: each string is
// shaped once, and each glyph is rasterised once per size and sub-pixel
// position, then only added up and blended.
//
// Shaping and reading glyph outlines go through go-text values that are not
// safe for concurrent use; they happen under shapeMu, and only on a cache
// miss. Everything else runs in parallel.
type TextPainter struct {
	th fyne.Theme

	shapeMu  sync.Mutex // guards the fields below it up to layoutMu
	shaper   shaping.HarfbuzzShaper
	seg      shaping.Segmenter
	parsed   parsedFonts
	maps     map[faceKey]*faceMap
	outlines map[glyphRef]glyphSource

	layoutMu sync.RWMutex
	layouts  map[layoutKey]*textLayout

	glyphMu    sync.RWMutex
	glyphs     map[maskKey]*glyphMask
	glyphBytes int

	// viaRenderer paints every text through go-text/render, as paintSlow:
	// the tests check the shaping and placing apart from the masks with it.
	viaRenderer bool
	// The caches' bounds: maxLayouts and maxGlyphBytes but in tests.
	layoutCap, glyphCap int

	layoutHits, layoutMisses atomic.Int64
	glyphHits, glyphMisses   atomic.Int64
}

// The caches' bounds. A card's text at 2× has a few dozen distinct glyphs
// at up to 64 sub-pixel positions each: a whole board fits many times over.
const (
	maxLayouts    = 8192
	maxGlyphBytes = 48 << 20
)

// The constants of Fyne's text painter (internal/painter).
const (
	fyneTabSpaceSize = 10
	fyneReplacement  = 0xfffd
	fyneTextPad      = 1 // TextVectorPad: room below for descenders
	emojiVS16        = '\uFE0F'
	keycap           = '\u20E3'
)

// NewTextPainter makes a text painter drawing in th's fonts (the app's theme,
// which the views measure text in).
func NewTextPainter(th fyne.Theme) *TextPainter {
	return &TextPainter{
		th:       th,
		parsed:   parsedFonts{},
		maps:     map[faceKey]*faceMap{},
		outlines: map[glyphRef]glyphSource{},
		layouts:  map[layoutKey]*textLayout{},
		glyphs:   map[maskKey]*glyphMask{},

		layoutCap: maxLayouts,
		glyphCap:  maxGlyphBytes,
	}
}

type layoutKey struct {
	text  string
	size  float32
	style fyne.TextStyle
	src   fyne.Resource
}

type faceKey struct {
	style fyne.TextStyle
	src   fyne.Resource
}

// textLayout is a string shaped as Fyne's walkString shapes it: the shaped
// runs between tabs, in order, and the metrics that do not depend on scale.
type textLayout struct {
	items     []layoutItem
	spaceAdv  fixed.Int26_6 // the space's advance, for monospace tab stops
	ascent    fixed.Int26_6 // the highest ascent of the runs drawn
	width     float32       // MinSize
	height    float32
	fontSize  float32
	slow      bool // a glyph is a bitmap or SVG: drawn by go-text/render
	tabWidth  int
	monospace bool
}

type layoutItem struct {
	tab bool
	out shaping.Output
	// For a piece that is one .notdef glyph, Fyne draws U+FFFD shaped on
	// its own: repl[i] is that line for the piece starting at glyph i.
	repl map[int][]shaping.Output
}

type glyphRef struct {
	face *font.Face
	gid  font.GID
}

// glyphSource is a glyph's outline, or none for a bitmap or SVG glyph.
type glyphSource struct {
	outline font.GlyphOutline
	vector  bool
}

type maskKey struct {
	face     *font.Face
	gid      font.GID
	scale    float32 // font units to pixels
	fx, fy   float32 // the pen position: x's fraction, y exactly
	bx, by   int32   // the binade of x's integer part (see mask)
	floating bool    // the rasteriser's float mode
}

// CacheStats reports the text and glyph caches' hits and misses since the
// painter was made.
func (tp *TextPainter) CacheStats() (layoutHits, layoutMisses, glyphHits, glyphMisses int64) {
	return tp.layoutHits.Load(), tp.layoutMisses.Load(), tp.glyphHits.Load(), tp.glyphMisses.Load()
}

// MinSize is t's MinSize as Fyne measures it, from this painter's own
// shaping: canvas.Text.MinSize goes through Fyne's shaper, which is not safe
// off the main goroutine.
func (tp *TextPainter) MinSize(t *fcanvas.Text) fyne.Size {
	l := tp.layout(t.Text, t.TextSize, t.TextStyle, t.FontSource)
	return fyne.NewSize(l.width, l.height)
}

func (tp *TextPainter) layout(text string, size float32, style fyne.TextStyle, src fyne.Resource) *textLayout {
	k := layoutKey{text, size, style, src}
	tp.layoutMu.RLock()
	l := tp.layouts[k]
	tp.layoutMu.RUnlock()
	if l != nil {
		tp.layoutHits.Add(1)
		return l
	}
	tp.layoutMisses.Add(1)
	tp.shapeMu.Lock()
	l = tp.shape(text, size, style, src)
	tp.shapeMu.Unlock()

	tp.layoutMu.Lock()
	if len(tp.layouts) >= tp.layoutCap {
		n := 0
		for k := range tp.layouts { // map order: a random quarter goes
			delete(tp.layouts, k)
			if n++; n >= max(1, tp.layoutCap/4) {
				break
			}
		}
	}
	tp.layouts[k] = l
	tp.layoutMu.Unlock()
	return l
}

func (tp *TextPainter) faces(style fyne.TextStyle, src fyne.Resource) *faceMap {
	k := faceKey{style, src}
	m := tp.maps[k]
	if m == nil {
		if src != nil {
			m = customFaceMap(tp.th, src, tp.parsed)
		} else {
			m = newFaceMap(tp.th, style, tp.parsed)
		}
		tp.maps[k] = m
	}
	return m
}

// shape is Fyne's walkString up to the drawing, keeping what it shaped.
// It runs under shapeMu.
func (tp *TextPainter) shape(s string, size float32, style fyne.TextStyle, src fyne.Resource) *textLayout {
	faces := tp.faces(style, src)
	textSize := fixed.Int26_6(float64(size) * (1 << 6))
	s = strings.ReplaceAll(s, "\r", "")
	runes := []rune(s)
	in := shaping.Input{
		Text:      []rune{' '},
		RunStart:  0,
		RunEnd:    1,
		Direction: di.DirectionLTR,
		Face:      faces.ResolveFace(' '),
		Size:      textSize,
	}
	space := tp.shaper.Shape(in)
	l := &textLayout{spaceAdv: space.Advance, fontSize: size, tabWidth: style.TabWidth, monospace: style.Monospace,
		height: fixed266ToFloat32(space.LineBounds.LineThickness())}

	in.Text = runes
	in.RunStart = 0
	in.RunEnd = len(runes)
	for _, in := range tp.splitEmojiSequences(in, faces) {
		inEnd := in.RunEnd
		pending := false
		for i, r := range in.Text[in.RunStart:in.RunEnd] {
			if r == '\t' {
				if pending {
					in.RunEnd = i // sic: Fyne's index, relative to RunStart
					l.items = append(l.items, layoutItem{out: tp.shaper.Shape(in)})
				}
				l.items = append(l.items, layoutItem{tab: true})
				in.RunStart = i + 1
				in.RunEnd = inEnd
				pending = false
			} else {
				pending = true
			}
		}
		l.items = append(l.items, layoutItem{out: tp.shaper.Shape(in)})
	}

	for i := range l.items {
		it := &l.items[i]
		if it.tab || len(it.out.Glyphs) == 0 {
			continue
		}
		if it.out.LineBounds.Ascent > l.ascent {
			l.ascent = it.out.LineBounds.Ascent
		}
		for gi, g := range it.out.Glyphs {
			if g.GlyphID == 0 {
				if it.repl == nil {
					it.repl = map[int][]shaping.Output{}
				}
				it.repl[gi] = tp.shapeReplacement(faces, size)
			}
		}
		for _, g := range it.out.Glyphs {
			if !tp.source(it.out.Face, g.GlyphID).vector {
				l.slow = true
			}
		}
		for _, r := range it.repl {
			for _, o := range r {
				for _, g := range o.Glyphs {
					if !tp.source(o.Face, g.GlyphID).vector {
						l.slow = true
					}
				}
			}
		}
	}
	l.width = l.walk(1, func(shaping.Output, float32, []shaping.Output) {})
	return l
}

// shapeReplacement shapes U+FFFD as go-text/render's DrawStringAt does, for
// Fyne's drawing of a glyph no font has.
func (tp *TextPainter) shapeReplacement(faces *faceMap, size float32) []shaping.Output {
	face := faces.ResolveFace(fyneReplacement)
	text := []rune{fyneReplacement}
	in := shaping.Input{Text: text, RunStart: 0, RunEnd: 1, Face: face, Size: fixed.I(int(size))}
	var line []shaping.Output
	for _, run := range tp.seg.Split(in, singleFace{face}) {
		line = append(line, tp.shaper.Shape(run))
	}
	slices.SortStableFunc(line, func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
	return line
}

type singleFace struct{ face *font.Face }

func (f singleFace) ResolveFace(rune) *font.Face { return f.face }

// source returns a glyph's outline, read once. Under shapeMu.
func (tp *TextPainter) source(face *font.Face, gid font.GID) glyphSource {
	ref := glyphRef{face, gid}
	if s, ok := tp.outlines[ref]; ok {
		return s
	}
	var s glyphSource
	if o, ok := face.GlyphData(gid).(font.GlyphOutline); ok {
		s = glyphSource{outline: o, vector: true}
	}
	tp.outlines[ref] = s
	return s
}

// walk replays Fyne's walkString on the shaped runs at scale, calling draw
// for each piece it would draw, at its x, with the replacement line for a
// .notdef piece. It returns the advance.
func (l *textLayout) walk(scale float32, draw func(run shaping.Output, x float32, repl []shaping.Output)) float32 {
	x := float32(0)
	spacew := scale * fyneTabSpaceSize
	if l.monospace {
		spacew = scale * fixed266ToFloat32(l.spaceAdv)
	}
	for _, it := range l.items {
		if it.tab {
			x = fyneTabStop(spacew, x, l.tabWidth)
			continue
		}
		// Fyne's shapeCallback, with its sums as they are.
		out := it.out
		glyphs := out.Glyphs
		start := 0
		adv := fixed.I(0)
		for i, g := range glyphs {
			if g.GlyphID == 0 {
				if start < i {
					out.Glyphs = glyphs[start:i]
					draw(out, x, nil)
					x += fixed266ToFloat32(adv) * scale
				}
				out.Glyphs = glyphs[i : i+1]
				draw(out, x, it.repl[i])
				x += fixed266ToFloat32(glyphs[i].Advance) * scale
				adv = 0
				start = i + 1
			}
			adv += g.Advance
		}
		if start < len(glyphs) {
			out.Glyphs = glyphs[start:]
			draw(out, x, nil)
			x += fixed266ToFloat32(adv) * scale
			adv = 0
		}
		x += fixed266ToFloat32(adv) * scale
	}
	return x
}

func fyneTabStop(spacew, x float32, tabWidth int) float32 {
	if tabWidth <= 0 {
		tabWidth = 4
	}
	tabw := spacew * float32(tabWidth)
	tabs, _ := math.Modf(float64((x + tabw) / tabw))
	return tabw * float32(tabs)
}

func fixed266ToFloat32(i fixed.Int26_6) float32 { return float32(float64(i) / (1 << 6)) }

// splitEmojiSequences is Fyne's: emoji sequences are shaped whole in one face.
func (tp *TextPainter) splitEmojiSequences(in shaping.Input, faces shaping.Fontmap) []shaping.Input {
	if !slices.Contains(in.Text[in.RunStart:in.RunEnd], emojiVS16) {
		return tp.seg.Split(in, faces)
	}
	var out []shaping.Input
	split := func(start, end int, faces shaping.Fontmap) {
		in.RunStart, in.RunEnd = start, end
		out = append(out, tp.seg.Split(in, faces)...)
	}
	start, end := in.RunStart, in.RunEnd
	for i := start; i < end; {
		var face *font.Face
		length := 0
		if i+1 < end && in.Text[i+1] == emojiVS16 {
			length = 2
			if i+2 < end && in.Text[i+2] == keycap {
				length = 3
			}
		}
		if length > 0 {
			face = resolveSequence(faces, in.Text[i:i+length])
		}
		if face == nil {
			i++
			continue
		}
		if i > start {
			split(start, i, faces)
		}
		split(i, i+length, singleFace{face})
		i += length
		start = i
	}
	if start < end {
		split(start, end, faces)
	}
	return out
}

func resolveSequence(faces shaping.Fontmap, seq []rune) *font.Face {
	var candidates []*font.Face
	torn := false
	for _, r := range seq {
		if r == emojiVS16 {
			continue
		}
		face := faces.ResolveFace(r)
		if len(candidates) > 0 && face != candidates[0] {
			torn = true
		}
		candidates = append(candidates, face)
	}
	if !torn {
		return nil
	}
	for _, face := range candidates {
		all := true
		for _, r := range seq {
			if _, ok := face.NominalGlyph(r); !ok {
				all = false
				break
			}
		}
		if all {
			return face
		}
	}
	return nil
}

// textScratch is the per-call memory of PaintText, pooled: the text's image
// (premultiplied RGBA, only its visible part) and one run's area sums.
type textScratch struct {
	pix   []uint8
	fix   []int32
	flt   []float32
	cov   []uint16
	base  []int32
	steps []int32

	byStart, byEnd []int
	masks          []placedMask
	runs           []placedRun
}

var textScratchPool = sync.Pool{New: func() any { return &textScratch{} }}

// PaintText draws t, whose top-left is at pos (absolute, in canvas units:
// parents' offsets already added; its size is t.Size()), into dst at scale
// pixels per unit, touching only pixels inside clip ∩ dst.Bounds(). Safe for
// concurrent use (bands are painted in parallel).
func (tp *TextPainter) PaintText(dst *image.RGBA, clip image.Rectangle, t *fcanvas.Text, pos fyne.Position, scale float32) {
	if t.Text == "" || scale <= 0 {
		return
	}
	l := tp.layout(t.Text, t.TextSize, t.TextStyle, t.FontSource)

	img := textImageRect(t, fyne.NewSize(l.width, l.height), pos, scale)
	vis := img.Intersect(clip).Intersect(dst.Bounds())
	if vis.Empty() {
		return
	}

	c := t.Color
	if c == nil {
		c = theme.Color(theme.ColorNameForeground)
	}
	sr, sg, sb, sa := c.RGBA()

	sc := textScratchPool.Get().(*textScratch)
	defer textScratchPool.Put(sc)
	n := vis.Dx() * vis.Dy()

	if l.slow || tp.viaRenderer {
		sc.pix = grow(sc.pix, 4*n)
		clear(sc.pix)
		tp.paintSlow(sc.pix, vis, img, l, c, scale)
		blendOver(dst, vis, vis, sc.pix)
		return
	}

	floating := img.Dx() > vecFloatThreshold || img.Dy() > vecFloatThreshold
	if floating {
		sc.flt = grow(sc.flt, n)
	} else {
		sc.fix = grow(sc.fix, n)
	}
	yPix := int(math.Ceil(float64(fixed266ToFloat32(l.ascent) * scale)))
	rp := runPainter{tp: tp, sc: sc, vis: vis, img: img, floating: floating, fontSize: l.fontSize, scale: scale,
		sr: sr, sg: sg, sb: sb, sa: sa, masks: sc.masks[:0], runs: sc.runs[:0]}
	l.walk(scale, func(run shaping.Output, x float32, repl []shaping.Output) {
		if len(run.Glyphs) == 1 && run.Glyphs[0].GlyphID == 0 {
			x := int(x)
			for _, r := range repl {
				x = rp.place(r, x, yPix)
			}
			return
		}
		rp.place(run, int(x), yPix)
	})
	sc.masks, sc.runs = rp.masks, rp.runs

	// Each run is composited over the ones before it in the text's own
	// image, which then goes over dst. Where no two runs share a pixel (words
	// apart), that is the same as each run straight over dst, with no image
	// in between.
	direct := true
	var ink image.Rectangle
	for i, r := range rp.runs {
		for _, q := range rp.runs[:i] {
			if r.area.Overlaps(q.area) {
				direct = false
			}
		}
		ink = ink.Union(r.area)
	}
	if ink.Empty() {
		return
	}
	if !direct {
		sc.pix = grow(sc.pix, 4*n)
		clear(sc.pix)
	}
	for _, r := range rp.runs {
		if r.area.Empty() {
			continue
		}
		if r.disjoint {
			// Each pixel has one glyph's sum, and what the glyphs before it
			// carry: without those, its coverage is the glyph's own.
			base := rp.carries(r, r.area)
			byStart, byEnd := rp.sc.byStart[:0], rp.sc.byEnd[:0]
			for i := r.start; i < r.end; i++ {
				byStart, byEnd = append(byStart, i), append(byEnd, i)
			}
			ms := rp.masks
			slices.SortFunc(byStart, func(i, j int) int { return ms[i].x - ms[j].x })
			slices.SortFunc(byEnd, func(i, j int) int { return (ms[i].x + ms[i].m.w) - (ms[j].x + ms[j].m.w) })
			rp.sc.byStart, rp.sc.byEnd = byStart, byEnd
			for y := r.area.Min.Y; y < r.area.Max.Y; y++ {
				// What the glyphs ending left of each one leave in this row.
				left, e := base[y-r.area.Min.Y], 0
				for _, i := range byStart {
					pm := ms[i]
					for ; e < len(byEnd) && ms[byEnd[e]].x+ms[byEnd[e]].m.w <= pm.x; e++ {
						left += ms[byEnd[e]].resAt(y)
					}
					if !pm.visible || y < pm.y || y >= pm.y+pm.m.h {
						continue
					}
					mr := pm.rect().Intersect(vis)
					mo := (y-pm.y)*pm.m.w + mr.Min.X - pm.x
					cov := pm.m.cov[mo : mo+mr.Dx()]
					if left != 0 {
						cov = rp.sc.cov[:0]
						for _, v := range pm.m.fix[mo : mo+mr.Dx()] {
							cov = append(cov, uint16(coverageFixed(v+left)))
						}
						rp.sc.cov = cov
					}
					if direct {
						rp.overRow(dst.Pix[dst.PixOffset(mr.Min.X, y):], cov, true)
					} else {
						rp.overRow(sc.pix[4*((y-vis.Min.Y)*vis.Dx()+mr.Min.X-vis.Min.X):], cov, false)
					}
				}
			}
			continue
		}
		rp.accumulate(r)
		if direct {
			rp.coverOver(r.area, dst.Pix[dst.PixOffset(r.area.Min.X, r.area.Min.Y):], dst.Stride, true)
		} else {
			rp.coverOver(r.area, sc.pix[4*((r.area.Min.Y-vis.Min.Y)*vis.Dx()+r.area.Min.X-vis.Min.X):], 4*vis.Dx(), false)
		}
	}
	if !direct {
		blendOver(dst, vis, ink, sc.pix)
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// textImageRect is where Fyne's software painter (its drawText) puts the
// image of t's text, min in size (MinSize): that and a little room for
// descenders and italics, placed by the alignment in t's box and centred
// down it.
func textImageRect(t *fcanvas.Text, min fyne.Size, pos fyne.Position, scale float32) image.Rectangle {
	var italic float32
	if t.TextStyle.Italic {
		italic = t.TextSize / 5 // its VectorPad
	}
	w, h := toPixels(min.Width+italic, scale), toPixels(min.Height+fyneTextPad, scale)
	size := t.Size()
	var dx, dy float32
	switch t.Alignment {
	case fyne.TextAlignTrailing:
		dx = size.Width - min.Width
	case fyne.TextAlignCenter:
		dx = (size.Width - min.Width) / 2
	}
	if size.Height > min.Height {
		dy = (size.Height - min.Height) / 2
	}
	x, y := toPixels(pos.X+dx, scale), toPixels(pos.Y+dy, scale)
	return image.Rect(x, y, x+w, y+h)
}

// runPainter draws one PaintText's runs.
type runPainter struct {
	tp              *TextPainter
	sc              *textScratch
	vis, img        image.Rectangle // the visible part, and the text's image, in dst's pixels
	floating        bool
	fontSize, scale float32
	sr, sg, sb, sa  uint32
	masks           []placedMask
	runs            []placedRun
}

type placedMask struct {
	m       *glyphMask
	x, y    int  // the mask's top-left in dst's pixels
	visible bool // any of it is in vis
}

func (pm placedMask) rect() image.Rectangle {
	return image.Rect(pm.x, pm.y, pm.x+pm.m.w, pm.y+pm.m.h)
}

// placedRun is a run's masks, masks[start:end], and the visible part of
// their union.
type placedRun struct {
	start, end int
	area       image.Rectangle
	disjoint   bool // no two of its masks share a pixel
}

// place lays out a run as go-text/render's DrawShapedRunAt does: its glyphs
// make one path, composited over the text's image at once. It returns the
// run's end, as DrawShapedRunAt does.
func (rp *runPainter) place(run shaping.Output, startX, startY int) int {
	fscale := rp.fontSize * rp.scale / float32(run.Face.Upem())
	x := float32(startX)
	y := float32(startY)
	pr := placedRun{start: len(rp.masks), disjoint: true}
	for _, g := range run.Glyphs {
		xPos := x + fixed266ToFloat(g.XOffset)*rp.scale
		yPos := y - fixed266ToFloat(g.YOffset)*rp.scale
		m := rp.tp.mask(run.Face, g.GlyphID, fscale, xPos, yPos, rp.floating)
		if m.w > 0 || len(m.res) > 0 {
			px := rp.img.Min.X + int(math.Floor(float64(xPos))) + m.x0
			py := rp.img.Min.Y + int(math.Floor(float64(yPos))) + m.y0
			pm := placedMask{m: m, x: px, y: py}
			r := pm.rect().Intersect(rp.vis)
			if pm.visible = !r.Empty(); pm.visible {
				for _, q := range rp.masks[pr.start:] {
					if q.visible && r.Overlaps(q.rect()) {
						pr.disjoint = false
					}
				}
				pr.area = pr.area.Union(r)
			}
			rp.masks = append(rp.masks, pm)
		}
		x += fixed266ToFloat(g.Advance) * rp.scale
	}
	pr.end = len(rp.masks)
	rp.runs = append(rp.runs, pr)
	return int(math.Ceil(float64(x)))
}

// resAt is what the mask leaves at the end of row y (in dst's pixels).
func (pm placedMask) resAt(y int) int32 {
	i := y - (pm.y - pm.m.y0 + pm.m.resY0)
	if i < 0 || i >= len(pm.m.res) {
		return 0
	}
	return pm.m.res[i]
}

// carries is, for each row of area, what the run's glyphs carry into it
// from the rows above. vector's rasteriser sums one row after the other
// without starting again, so in integer mode a remainder of its divisions
// at the end of a row (a few 1/2¹⁸ of a pixel) is in every pixel after it.
// Rows above the text's image are not drawn, so carry nothing. In float
// mode its remainders are float rounding: none are kept.
func (rp *runPainter) carries(pr placedRun, area image.Rectangle) []int32 {
	base := grow(rp.sc.base, area.Dy())
	clear(base)
	rp.sc.base = base
	if rp.floating {
		return base
	}
	for _, pm := range rp.masks[pr.start:pr.end] {
		y0 := pm.y - pm.m.y0 + pm.m.resY0
		for i, v := range pm.m.res {
			y := y0 + i
			if v == 0 || y < rp.img.Min.Y || y >= area.Max.Y-1 {
				continue
			}
			// Row y's remainder is in every row below it.
			from := max(y+1, area.Min.Y) - area.Min.Y
			for j := from; j < len(base); j++ {
				base[j] += v
			}
		}
	}
	return base
}

// accumulate adds up the run's masks over its area.
func (rp *runPainter) accumulate(pr placedRun) {
	vw := rp.vis.Dx()
	area := pr.area
	if rp.floating {
		acc := rp.sc.flt
		for y := area.Min.Y; y < area.Max.Y; y++ {
			o := (y-rp.vis.Min.Y)*vw - rp.vis.Min.X
			clear(acc[o+area.Min.X : o+area.Max.X])
		}
		for _, pm := range rp.masks[pr.start:pr.end] {
			if !pm.visible {
				continue
			}
			r := image.Rect(pm.x, pm.y, pm.x+pm.m.w, pm.y+pm.m.h).Intersect(rp.vis)
			for y := r.Min.Y; y < r.Max.Y; y++ {
				src := pm.m.flt[(y-pm.y)*pm.m.w+r.Min.X-pm.x : (y-pm.y)*pm.m.w+r.Max.X-pm.x]
				row := acc[(y-rp.vis.Min.Y)*vw+r.Min.X-rp.vis.Min.X:][:len(src)]
				for i, v := range src {
					row[i] += v
				}
			}
		}
		return
	}
	acc := rp.sc.fix
	for y := area.Min.Y; y < area.Max.Y; y++ {
		o := (y-rp.vis.Min.Y)*vw - rp.vis.Min.X
		clear(acc[o+area.Min.X : o+area.Max.X])
	}
	// What the glyphs leave at the ends of rows: carried into the rows
	// below, and along a row to the right of a glyph's box.
	base := rp.carries(pr, area)
	steps := grow(rp.sc.steps, area.Dx()+1)
	for y := area.Min.Y; y < area.Max.Y; y++ {
		clear(steps)
		run := base[y-area.Min.Y]
		for _, pm := range rp.masks[pr.start:pr.end] {
			v := pm.resAt(y)
			if v == 0 {
				continue
			}
			switch end := pm.x + pm.m.w; {
			case end <= area.Min.X:
				run += v
			case end < area.Max.X:
				steps[end-area.Min.X] += v
			}
		}
		row := acc[(y-rp.vis.Min.Y)*vw+area.Min.X-rp.vis.Min.X:][:area.Dx()]
		for i := range row {
			run += steps[i]
			row[i] += run
		}
	}
	rp.sc.steps = steps
	for _, pm := range rp.masks[pr.start:pr.end] {
		if !pm.visible {
			continue
		}
		r := image.Rect(pm.x, pm.y, pm.x+pm.m.w, pm.y+pm.m.h).Intersect(rp.vis)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			src := pm.m.fix[(y-pm.y)*pm.m.w+r.Min.X-pm.x : (y-pm.y)*pm.m.w+r.Max.X-pm.x]
			row := acc[(y-rp.vis.Min.Y)*vw+r.Min.X-rp.vis.Min.X:][:len(src)]
			for i, v := range src {
				row[i] += v
			}
		}
	}
}

// coverOver turns the accumulated sums of area into coverage and composites
// the text's colour with it over pix (whose first pixel is area.Min, rows
// stride bytes apart), as vector's rasterizeDstRGBASrcUniformOpOver does
// into the text's image. With direct, pix is dst, holding no other run of
// the text: the run goes over a transparent pixel, and that over dst, as
// blendOver does.
func (rp *runPainter) coverOver(area image.Rectangle, pix []uint8, stride int, direct bool) {
	vw := rp.vis.Dx()
	w := area.Dx()
	rp.sc.cov = grow(rp.sc.cov, w)
	cov := rp.sc.cov
	for y := area.Min.Y; y < area.Max.Y; y++ {
		o := (y-rp.vis.Min.Y)*vw + area.Min.X - rp.vis.Min.X
		if rp.floating {
			for i, v := range rp.sc.flt[o : o+w] {
				cov[i] = uint16(coverageFloat(v))
			}
		} else {
			for i, v := range rp.sc.fix[o : o+w] {
				cov[i] = uint16(coverageFixed(v))
			}
		}
		rp.overRow(pix[(y-area.Min.Y)*stride:], cov, direct)
	}
}

// overRow composites the text's colour with coverage cov over the pixels
// at the start of pix, as coverOver.
func (rp *runPainter) overRow(pix []uint8, cov []uint16, direct bool) {
	sr, sg, sb, sa := rp.sr, rp.sg, rp.sb, rp.sa
	// Where a pixel is wholly covered by an opaque colour, the result is
	// the colour, whatever was under it.
	full := [4]uint8{uint8(sr >> 8), uint8(sg >> 8), uint8(sb >> 8), uint8(sa >> 8)}
	opaque := sa == 0xffff
	row := pix[:4*len(cov)]
	for i, m16 := range cov {
		if m16 == 0 {
			continue
		}
		m := uint32(m16)
		p := row[4*i : 4*i+4 : 4*i+4]
		if m == 0xffff && opaque {
			p[0], p[1], p[2], p[3] = full[0], full[1], full[2], full[3]
			continue
		}
		if direct {
			// Over a transparent pixel, then over dst.
			r8, g8, b8, a8 := (sr*m/0xffff)>>8, (sg*m/0xffff)>>8, (sb*m/0xffff)>>8, (sa*m/0xffff)>>8
			if r8|g8|b8|a8 == 0 {
				continue
			}
			a := (0xffff - a8*0x101) * 0x101
			p[0] = uint8((uint32(p[0])*a/0xffff + r8*0x101) >> 8)
			p[1] = uint8((uint32(p[1])*a/0xffff + g8*0x101) >> 8)
			p[2] = uint8((uint32(p[2])*a/0xffff + b8*0x101) >> 8)
			p[3] = uint8((uint32(p[3])*a/0xffff + a8*0x101) >> 8)
			continue
		}
		a := 0xffff - (sa * m / 0xffff)
		p[0] = uint8(((uint32(p[0])*0x101*a + sr*m) / 0xffff) >> 8)
		p[1] = uint8(((uint32(p[1])*0x101*a + sg*m) / 0xffff) >> 8)
		p[2] = uint8(((uint32(p[2])*0x101*a + sb*m) / 0xffff) >> 8)
		p[3] = uint8(((uint32(p[3])*0x101*a + sa*m) / 0xffff) >> 8)
	}
}

func fixed266ToFloat(i fixed.Int26_6) float32 { return float32(float64(i) / 64) }

// mask returns the glyph's mask at pen position (x, y) of the text's image,
// from the cache or rasterised.
func (tp *TextPainter) mask(face *font.Face, gid font.GID, scale, x, y float32, floating bool) *glyphMask {
	// Fyne places a glyph's points in float32, so moving a glyph by whole
	// pixels can move a point by 1/64 px where the rounding changes with the
	// magnitude. A line's glyphs share their y: it is kept exactly. Across,
	// masks are made at the middle of the power of two the position is in
	// (float32 steps are the same through it), so the same glyph always gets
	// the same mask, in whichever order bands and texts are painted, and is
	// exact unless it straddles a power of two.
	ix := math.Floor(float64(x))
	fx, fy := x-float32(ix), y
	bx, by := binade(ix), int32(0)
	k := maskKey{face, gid, scale, fx, fy, bx, by, floating}
	tp.glyphMu.RLock()
	m := tp.glyphs[k]
	tp.glyphMu.RUnlock()
	if m != nil {
		tp.glyphHits.Add(1)
		return m
	}
	tp.glyphMisses.Add(1)
	tp.shapeMu.Lock()
	src := tp.source(face, gid)
	tp.shapeMu.Unlock()
	if !src.vector {
		return &glyphMask{}
	}
	m = rasterizeGlyph(src.outline, scale, float32(bx+bx/2)+fx, y, floating)

	if m.bytes() > tp.glyphCap/4 {
		return m // too big to keep: a huge size, drawn rarely
	}
	tp.glyphMu.Lock()
	if tp.glyphBytes+m.bytes() > tp.glyphCap {
		for k, old := range tp.glyphs { // map order: a random part goes
			delete(tp.glyphs, k)
			tp.glyphBytes -= old.bytes()
			if tp.glyphBytes+m.bytes() <= tp.glyphCap*3/4 {
				break
			}
		}
	}
	if old := tp.glyphs[k]; old != nil {
		tp.glyphBytes -= old.bytes()
	}
	tp.glyphs[k] = m
	tp.glyphBytes += m.bytes()
	tp.glyphMu.Unlock()
	return m
}

// binade is the largest power of two not above v, or 0 below 1.
func binade(v float64) int32 {
	if v < 1 {
		return 0
	}
	return 1 << (bits.Len32(uint32(v)) - 1)
}

// paintSlow draws a text with a bitmap or SVG glyph (colour emoji) through
// go-text/render as Fyne does, into a whole text image, under shapeMu since
// the renderer reads the faces.
func (tp *TextPainter) paintSlow(pix []uint8, vis, img image.Rectangle, l *textLayout, c color.Color, scale float32) {
	txt := image.NewRGBA(image.Rect(0, 0, img.Dx(), img.Dy()))
	r := render.Renderer{FontSize: l.fontSize, PixScale: scale, Color: c}
	yPix := int(math.Ceil(float64(fixed266ToFloat32(l.ascent) * scale)))
	tp.shapeMu.Lock()
	l.walk(scale, func(run shaping.Output, x float32, repl []shaping.Output) {
		if len(run.Glyphs) == 1 && run.Glyphs[0].GlyphID == 0 {
			x := int(x)
			for _, rr := range repl {
				x = r.DrawShapedRunAt(rr, txt, x, yPix)
			}
			return
		}
		r.DrawShapedRunAt(run, txt, int(x), yPix)
	})
	tp.shapeMu.Unlock()
	w := vis.Dx()
	for y := vis.Min.Y; y < vis.Max.Y; y++ {
		so := txt.PixOffset(vis.Min.X-img.Min.X, y-img.Min.Y)
		copy(pix[4*(y-vis.Min.Y)*w:4*(y-vis.Min.Y+1)*w], txt.Pix[so:so+4*w])
	}
}

// blendOver composites the text's image pix (the visible part vis) over
// dst within ink, as image/draw's Over does (drawCopyOver; the same sums as
// its generic path into Fyne's NRGBA image wherever the result is opaque).
func blendOver(dst *image.RGBA, vis, ink image.Rectangle, pix []uint8) {
	const m = 0xffff
	w := vis.Dx()
	for y := ink.Min.Y; y < ink.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(ink.Min.X, y):]
		so := 4 * ((y-vis.Min.Y)*w + ink.Min.X - vis.Min.X)
		s := pix[so : so+4*ink.Dx()]
		for i := 0; i < len(s); i += 4 {
			sp := s[i : i+4 : i+4]
			if sp[0]|sp[1]|sp[2]|sp[3] == 0 {
				continue
			}
			sr, sg, sb, sa := uint32(sp[0])*0x101, uint32(sp[1])*0x101, uint32(sp[2])*0x101, uint32(sp[3])*0x101
			a := (m - sa) * 0x101
			dp := d[i : i+4 : i+4]
			dp[0] = uint8((uint32(dp[0])*a/m + sr) >> 8)
			dp[1] = uint8((uint32(dp[1])*a/m + sg) >> 8)
			dp[2] = uint8((uint32(dp[2])*a/m + sb) >> 8)
			dp[3] = uint8((uint32(dp[3])*a/m + sa) >> 8)
		}
	}
}
