package render

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
)

// The anti-aliased shapes (rounded or stroked rectangles, circles, lines)
// are rasterised as Fyne's software painter does it (its
// internal/painter/draw.go, BSD-3 licensed, followed step by step):
// rasterx's stroker over x/image/vector, in a small image of the shape's
// padded box, the same rounding of box, radius and stroke to whole
// pixels. That image is position-independent, so a scene keeps one per
// distinct shape: the same dot on 2,000 notes is rasterised once.

// quarterCircleControl places a cubic Bézier's control points on a
// quarter circle, as Fyne does.
const quarterCircleControl = 1 - 0.55228

// shapeKey tells shapes that rasterise alike.
type shapeKey struct {
	kind                    byte
	w, h, pad               float32
	stroke                  float32
	radii                   [4]float32
	p1, p2                  fyne.Position
	fill, strokeCol         [4]uint32
	hasFill, hasStrokeColor bool
}

func rgba64(c color.Color) (v [4]uint32) {
	if c != nil {
		v[0], v[1], v[2], v[3] = c.RGBA()
	}
	return v
}

// raw places a rasterised shape, its image's origin at the padded box's
// corner. Shapes are rasterised once the whole tree is walked, each
// distinct one once, on every core (rasterShapes).
func (b *sceneBuilder) raw(key shapeKey, pos fyne.Position, clip image.Rectangle, make func(*rasterx.ScannerGV) *image.RGBA) {
	sc := b.s.scale
	at := image.Pt(toPixels(pos.X-key.pad, sc), toPixels(pos.Y-key.pad, sc))
	// The software painter clips to the box rounded up, its image is the
	// box rounded: the smaller of the two.
	w := min(toPixels(key.w+2*key.pad, sc), int(roundPixels(key.w+2*key.pad, sc)))
	h := min(toPixels(key.h+2*key.pad, sc), int(roundPixels(key.h+2*key.pad, sc)))
	i, ok := b.shapes[key]
	if !ok {
		i = int32(len(b.pending))
		b.pending = append(b.pending, make)
		b.keys = append(b.keys, key)
		b.areas = append(b.areas, w*h)
		b.shapes[key] = i
	}
	r := image.Rectangle{Min: at, Max: at.Add(image.Pt(w, h))}
	b.push(op{kind: opRaw, r: r.Intersect(clip), shape: i, at: at})
}

// bigShapes keeps the big rasterised shapes from one export to the next:
// a template's frames and rings are millions of pixels at 2× and cost
// most of an export's rasterising, and every board of a template, every
// export of a board, has the same ones. The masks are never written once
// made, so scenes share them.
var bigShapes = shapeCache{max: 256 << 20}

// bigShapeBytes is the least a shape's mask takes to be kept: the notes'
// dots and marks are cheap to make again.
const bigShapeBytes = 256 << 10

// rasterKey is a shape at a scale.
type rasterKey struct {
	shape shapeKey
	scale float32
}

// shapeCache is a bounded set of rasterised shapes, safe for concurrent
// use; when full, it starts again empty (the next export fills it with
// what it needs).
type shapeCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	raws  map[rasterKey]*image.RGBA
}

func (c *shapeCache) get(k rasterKey) *image.RGBA {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.raws[k]
}

func (c *shapeCache) put(k rasterKey, raw *image.RGBA) {
	n := len(raw.Pix)
	if n < bigShapeBytes || n > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+n > c.max || c.raws == nil {
		c.raws, c.bytes = map[rasterKey]*image.RGBA{}, 0
	}
	if _, ok := c.raws[k]; !ok {
		c.raws[k] = raw
		c.bytes += n
	}
}

var scanners = sync.Pool{New: func() any { return rasterx.NewScannerGV(1, 1, nil, image.Rectangle{}) }}

// rasterShapes rasterises the scene's distinct shapes, the biggest first,
// on every core, in the background: the template's frames and rings are
// millions of pixels at 2×, and Fyne's goroutine need not wait for them.
// The shapes are copies of the objects' values, so that the views may
// change meanwhile; painting waits for them.
func (b *sceneBuilder) rasterShapes() {
	s := b.s
	s.raws = make([]*image.RGBA, len(b.pending))
	s.ready = make(chan struct{})
	order := make([]int, len(b.pending))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return b.areas[j] - b.areas[i] })
	jobs := make(chan int, len(b.pending))
	for _, i := range order {
		jobs <- i
	}
	close(jobs)
	pending, keys, scale := b.pending, b.keys, s.scale
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pending)) {
		wg.Go(func() {
			// One scanner a worker: its rasteriser's buffers, the size of
			// the biggest shape, are reused, from one export to the next too.
			scanner := scanners.Get().(*rasterx.ScannerGV)
			for i := range jobs {
				key := rasterKey{keys[i], scale}
				if raw := bigShapes.get(key); raw != nil {
					s.raws[i] = raw
					continue
				}
				s.raws[i] = pending[i](scanner)
				bigShapes.put(key, s.raws[i])
			}
			scanners.Put(scanner)
		})
	}
	go func() {
		wg.Wait()
		close(s.ready)
	}()
}

func (b *sceneBuilder) scaler() func(float32) float32 {
	sc := b.s.scale
	return func(v float32) float32 { return float32(math.Round(float64(v * sc))) }
}

func (b *sceneBuilder) addRectangle(o *fcanvas.Rectangle, pos fyne.Position, clip image.Rectangle) {
	sc := b.s.scale
	size := o.Size()
	width, height := size.Width, size.Height
	if o.Aspect != 0 {
		frame := width / height
		if frame > o.Aspect {
			w := height * o.Aspect
			pos.X += (width - w) / 2
			width = w
		} else if frame < o.Aspect {
			h := width / o.Aspect
			pos.Y += (height - h) / 2
			height = h
		}
	}
	tr := cornerRadius(o.TopRightCornerRadius, o.CornerRadius)
	tl := cornerRadius(o.TopLeftCornerRadius, o.CornerRadius)
	br := cornerRadius(o.BottomRightCornerRadius, o.CornerRadius)
	bl := cornerRadius(o.BottomLeftCornerRadius, o.CornerRadius)
	stroke := o.StrokeColor != nil && o.StrokeWidth > 0
	if !stroke && tr == 0 && tl == 0 && br == 0 && bl == 0 {
		if o.FillColor == nil {
			return
		}
		x, y := toPixels(pos.X, sc), toPixels(pos.Y, sc)
		r := image.Rect(x, y, x+toPixels(width, sc), y+toPixels(height, sc))
		b.push(op{kind: opFill, r: r.Intersect(clip), col: rgba64(o.FillColor)})
		return
	}
	var pad float32
	if stroke {
		pad = o.StrokeWidth + 2
	}
	key := shapeKey{kind: 'r', w: width, h: height, pad: pad, stroke: o.StrokeWidth, radii: [4]float32{tr, tl, br, bl},
		fill: rgba64(o.FillColor), strokeCol: rgba64(o.StrokeColor), hasFill: o.FillColor != nil, hasStrokeColor: o.StrokeColor != nil}
	fillCol, strokeCol, strokeWidth, scale := o.FillColor, o.StrokeColor, o.StrokeWidth, b.scaler()
	b.raw(key, pos, clip, func(sc *rasterx.ScannerGV) *image.RGBA {
		return rasterOblong(sc, fillCol, strokeCol, strokeWidth, tr, tl, br, bl, width, height, pad, scale)
	})
}

func cornerRadius(corner, base float32) float32 {
	if corner == 0 {
		return base
	}
	return corner
}

func (b *sceneBuilder) addCircle(o *fcanvas.Circle, pos fyne.Position, clip image.Rectangle) {
	pad := float32(1) // anti-aliasing of the fill
	if o.StrokeWidth > 0 && o.StrokeColor != nil {
		pad = o.StrokeWidth + 2
	}
	size := o.Size()
	key := shapeKey{kind: 'c', w: size.Width, h: size.Height, pad: pad, stroke: o.StrokeWidth,
		fill: rgba64(o.FillColor), strokeCol: rgba64(o.StrokeColor), hasFill: o.FillColor != nil, hasStrokeColor: o.StrokeColor != nil}
	snap := &fcanvas.Circle{FillColor: o.FillColor, StrokeColor: o.StrokeColor, StrokeWidth: o.StrokeWidth}
	snap.Resize(size)
	scale := b.scaler()
	b.raw(key, pos, clip, func(sc *rasterx.ScannerGV) *image.RGBA { return rasterCircle(sc, snap, pad, scale) })
}

func (b *sceneBuilder) addLine(o *fcanvas.Line, pos fyne.Position, clip image.Rectangle) {
	var pad float32
	if o.StrokeWidth > 0 {
		pad = o.StrokeWidth + 2
	}
	size := o.Size()
	at := o.Position()
	key := shapeKey{kind: 'l', w: size.Width, h: size.Height, pad: pad, stroke: o.StrokeWidth,
		p1: o.Position1.Subtract(at), p2: o.Position2.Subtract(at),
		strokeCol: rgba64(o.StrokeColor), hasStrokeColor: o.StrokeColor != nil}
	snap := &fcanvas.Line{Position1: o.Position1, Position2: o.Position2, StrokeColor: o.StrokeColor, StrokeWidth: o.StrokeWidth}
	scale := b.scaler()
	b.raw(key, pos, clip, func(sc *rasterx.ScannerGV) *image.RGBA { return rasterLine(sc, snap, pad, scale) })
}

// resetScanner makes a used scanner as rasterx.NewScannerGV makes a new
// one, drawing into raw.
func resetScanner(s *rasterx.ScannerGV, raw *image.RGBA, w, h int) {
	s.SetBounds(w, h)
	s.Dest, s.Targ = raw, raw.Bounds()
	s.SetColor(&color.RGBA{255, 0, 0, 255})
}

// rasterCircle is Fyne's painter.DrawCircle.
func rasterCircle(scanner *rasterx.ScannerGV, circle *fcanvas.Circle, vectorPad float32, scale func(float32) float32) *image.RGBA {
	size := circle.Size()
	radius := min(size.Width, size.Height) / 2
	width := int(scale(size.Width + vectorPad*2))
	height := int(scale(size.Height + vectorPad*2))
	stroke := scale(circle.StrokeWidth)

	raw := image.NewRGBA(image.Rect(0, 0, width, height))
	resetScanner(scanner, raw, int(size.Width), int(size.Height))
	if circle.FillColor != nil {
		filler := rasterx.NewFiller(width, height, scanner)
		filler.SetColor(circle.FillColor)
		rasterx.AddCircle(float64(width/2), float64(height/2), float64(scale(radius)), filler)
		filler.Draw()
	}
	dasher := rasterx.NewDasher(width, height, scanner)
	dasher.SetColor(circle.StrokeColor)
	dasher.SetStroke(fixed.Int26_6(float64(stroke)*64), 0, nil, nil, nil, 0, nil, 0)
	rasterx.AddCircle(float64(width/2), float64(height/2), float64(scale(radius)), dasher)
	dasher.Draw()
	return raw
}

// rasterLine is Fyne's painter.DrawLine.
func rasterLine(scanner *rasterx.ScannerGV, line *fcanvas.Line, vectorPad float32, scale func(float32) float32) *image.RGBA {
	size := line.Size()
	width := int(scale(size.Width + vectorPad*2))
	height := int(scale(size.Height + vectorPad*2))
	stroke := scale(line.StrokeWidth)
	if stroke < 1 { // the software painter does not fade thin lines
		stroke = 1
	}
	raw := image.NewRGBA(image.Rect(0, 0, width, height))
	resetScanner(scanner, raw, int(size.Width), int(size.Height))
	dasher := rasterx.NewDasher(width, height, scanner)
	dasher.SetColor(line.StrokeColor)
	dasher.SetStroke(fixed.Int26_6(float64(stroke)*64), 0, nil, nil, nil, 0, nil, 0)
	position := line.Position()
	p1x, p1y := scale(line.Position1.X-position.X+vectorPad), scale(line.Position1.Y-position.Y+vectorPad)
	p2x, p2y := scale(line.Position2.X-position.X+vectorPad), scale(line.Position2.Y-position.Y+vectorPad)
	if stroke <= 1.5 { // a one-pixel line on whole pixels
		if p1x == p2x {
			p1x -= 0.5
			p2x -= 0.5
		}
		if p1y == p2y {
			p1y -= 0.5
			p2y -= 0.5
		}
	}
	dasher.Start(rasterx.ToFixedP(float64(p1x), float64(p1y)))
	dasher.Line(rasterx.ToFixedP(float64(p2x), float64(p2y)))
	dasher.Stop(true)
	dasher.Draw()
	return raw
}

// maxCornerRadius is Fyne's painter.GetMaximumCornerRadius.
func maxCornerRadius(radius, adjacentWidthRadius, adjacentHeightRadius float32, size fyne.Size) float32 {
	maxW, maxH := size.Width/2, size.Height/2
	if radius <= min(maxW, maxH) {
		return radius
	}
	expandedW := 2*maxW - min(maxW, adjacentWidthRadius)
	expandedH := 2*maxH - min(maxH, adjacentHeightRadius)
	return min(expandedW, expandedH, radius)
}

// roundedPath adds a rectangle with these corner radii (in pixels) to a.
func roundedPath(a rasterx.Adder, p1x, p1y, p3x, p3y, rTL, rTR, rBR, rBL float32) {
	p2x, p2y := p3x, p1y
	p4x, p4y := p1x, p3y
	pt := func(x, y float32) fixed.Point26_6 { return rasterx.ToFixedP(float64(x), float64(y)) }
	c := quarterCircleControl * rTL
	if c != 0 {
		a.Start(pt(p1x, p1y+rTL))
		a.CubeBezier(pt(p1x, p1y+c), pt(p1x+c, p1y), pt(p1x+rTL, p2y))
	} else {
		a.Start(pt(p1x, p1y))
	}
	c = quarterCircleControl * rTR
	a.Line(pt(p2x-rTR, p2y))
	if c != 0 {
		a.CubeBezier(pt(p2x-c, p2y), pt(p2x, p2y+c), pt(p2x, p2y+rTR))
	}
	c = quarterCircleControl * rBR
	a.Line(pt(p3x, p3y-rBR))
	if c != 0 {
		a.CubeBezier(pt(p3x, p3y-c), pt(p3x-c, p3y), pt(p3x-rBR, p3y))
	}
	c = quarterCircleControl * rBL
	a.Line(pt(p4x+rBL, p4y))
	if c != 0 {
		a.CubeBezier(pt(p4x+c, p4y), pt(p4x, p4y-c), pt(p4x, p4y-rBL))
	}
}

// rasterOblong is Fyne's painter drawOblong.
func rasterOblong(scanner *rasterx.ScannerGV, fill, strokeCol color.Color, strokeWidth, topRightRadius, topLeftRadius, bottomRightRadius, bottomLeftRadius, rWidth, rHeight, vectorPad float32, scale func(float32) float32) *image.RGBA {
	size := fyne.NewSize(rWidth, rHeight)
	topRightRadius = maxCornerRadius(topRightRadius, topLeftRadius, bottomRightRadius, size)
	topLeftRadius = maxCornerRadius(topLeftRadius, topRightRadius, bottomLeftRadius, size)
	bottomRightRadius = maxCornerRadius(bottomRightRadius, bottomLeftRadius, topRightRadius, size)
	bottomLeftRadius = maxCornerRadius(bottomLeftRadius, bottomRightRadius, topLeftRadius, size)

	width := int(scale(rWidth + vectorPad*2))
	height := int(scale(rHeight + vectorPad*2))
	stroke := scale(strokeWidth)

	raw := image.NewRGBA(image.Rect(0, 0, width, height))
	resetScanner(scanner, raw, int(rWidth), int(rHeight))

	scaledPad := scale(vectorPad)
	p1x, p1y := scaledPad, scaledPad
	p3x, p3y := scale(rWidth)+scaledPad, scale(rHeight)+scaledPad
	rTL, rTR, rBR, rBL := scale(topLeftRadius), scale(topRightRadius), scale(bottomRightRadius), scale(bottomLeftRadius)

	if fill != nil {
		filler := rasterx.NewFiller(width, height, scanner)
		filler.SetColor(fill)
		if topRightRadius == topLeftRadius && bottomRightRadius == bottomLeftRadius && topRightRadius == bottomRightRadius {
			if topRightRadius == 0 {
				rasterx.AddRect(float64(p1x), float64(p1y), float64(p3x), float64(p3y), 0, filler)
			} else {
				r := float64(scale(topRightRadius))
				rasterx.AddRoundRect(float64(p1x), float64(p1y), float64(p3x), float64(p3y), r, r, 0, rasterx.RoundGap, filler)
			}
		} else {
			roundedPath(filler, p1x, p1y, p3x, p3y, rTL, rTR, rBR, rBL)
			filler.Line(rasterx.ToFixedP(float64(p1x), float64(p1y+rTL)))
			filler.Stop(true)
		}
		filler.Draw()
	}

	if strokeCol != nil && strokeWidth > 0 {
		dasher := rasterx.NewDasher(width, height, scanner)
		dasher.SetColor(strokeCol)
		dasher.SetStroke(fixed.Int26_6(float64(stroke)*64), 0, nil, nil, nil, 0, nil, 0)
		roundedPath(dasher, p1x, p1y, p3x, p3y, rTL, rTR, rBR, rBL)
		dasher.Stop(true)
		dasher.Draw()
	}
	return raw
}

// The compositing below is image/draw's general "over" onto the
// software canvas's non-premultiplied image, to the bit: 16-bit
// premultiplied arithmetic, then back to 8-bit NRGBA. During painting a
// band holds those non-premultiplied values; finish turns them into the
// band's final pixels.

// over puts the premultiplied 16-bit colour s over the NRGBA pixel p.
func over(p []uint8, sr, sg, sb, sa uint32) {
	p = p[:4:4]
	da8 := uint32(p[3])
	if sa == 0xffff || da8 == 0 {
		// Nothing under it, or nothing shows through: the colour itself.
		if sa == 0 {
			p[0], p[1], p[2], p[3] = 0, 0, 0, 0
			return
		}
		if sa != 0xffff {
			sr, sg, sb = sr*0xffff/sa, sg*0xffff/sa, sb*0xffff/sa
		}
		p[0], p[1], p[2], p[3] = uint8(sr>>8), uint8(sg>>8), uint8(sb>>8), uint8(sa>>8)
		return
	}
	a := 0xffff - sa
	if da8 == 0xff {
		p[0] = uint8((uint32(p[0])*0x101*a/0xffff + sr) >> 8)
		p[1] = uint8((uint32(p[1])*0x101*a/0xffff + sg) >> 8)
		p[2] = uint8((uint32(p[2])*0x101*a/0xffff + sb) >> 8)
		return
	}
	dr := uint32(p[0]) * 0x101 * da8 / 0xff
	dg := uint32(p[1]) * 0x101 * da8 / 0xff
	db := uint32(p[2]) * 0x101 * da8 / 0xff
	da := da8 * 0x101
	r := (dr*a/0xffff + sr) & 0xffff
	g := (dg*a/0xffff + sg) & 0xffff
	bl := (db*a/0xffff + sb) & 0xffff
	al := (da*a/0xffff + sa) & 0xffff
	if al != 0 && al != 0xffff {
		r, g, bl = r*0xffff/al, g*0xffff/al, bl*0xffff/al
	}
	p[0], p[1], p[2], p[3] = uint8(r>>8), uint8(g>>8), uint8(bl>>8), uint8(al>>8)
}

// fill paints r in the premultiplied 16-bit colour c: an opaque one as
// copies of one filled row, a translucent one pixel by pixel.
func fill(pix []uint8, stride int, r image.Rectangle, c [4]uint32, sc *scratch) {
	if r.Empty() {
		return
	}
	n := 4 * r.Dx()
	if c[3] == 0xffff {
		if cap(sc.row) < n {
			sc.row = make([]uint8, n)
		}
		row := sc.row[:n]
		cr, cg, cb := uint8(c[0]>>8), uint8(c[1]>>8), uint8(c[2]>>8)
		for i := 0; i < n; i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = cr, cg, cb, 0xff
		}
		for y := r.Min.Y; y < r.Max.Y; y++ {
			copy(pix[y*stride+4*r.Min.X:], row)
		}
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pix[y*stride+4*r.Min.X : y*stride+4*r.Max.X]
		for i := 0; i < n; i += 4 {
			over(row[i:], c[0], c[1], c[2], c[3])
		}
	}
}

// drawRaw puts the premultiplied image src, its origin at at, over r.
func drawRaw(pix []uint8, stride int, r image.Rectangle, src *image.RGBA, at image.Point) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pix[y*stride+4*r.Min.X : y*stride+4*r.Max.X]
		s := src.Pix[src.PixOffset(r.Min.X-at.X, y-at.Y):]
		for i := 0; i < len(row); i += 4 {
			sa := uint32(s[i+3])
			if sa == 0 && (row[i+3] == 0 || row[i+3] == 0xff) {
				continue // nothing to add, and the pixel keeps its value exactly
			}
			over(row[i:], uint32(s[i])*0x101, uint32(s[i+1])*0x101, uint32(s[i+2])*0x101, sa*0x101)
		}
	}
}

// drawImage puts any image, its origin at at, over r.
func drawImage(pix []uint8, stride int, r image.Rectangle, src image.Image, at image.Point) {
	s64, _ := src.(image.RGBA64Image)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pix[y*stride+4*r.Min.X : y*stride+4*r.Max.X]
		for i, x := 0, r.Min.X; i < len(row); i, x = i+4, x+1 {
			var sr, sg, sb, sa uint32
			if s64 != nil {
				c := s64.RGBA64At(x-at.X, y-at.Y)
				sr, sg, sb, sa = uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
			} else {
				sr, sg, sb, sa = src.At(x-at.X, y-at.Y).RGBA()
			}
			over(row[i:], sr, sg, sb, sa)
		}
	}
}
