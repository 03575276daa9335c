package render

import (
	"image"
	"image/color"
	"math"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"github.com/srwiley/rasterx"
	xdraw "golang.org/x/image/draw"
)

// Scene is a board's drawing flattened to drawing operations in absolute
// pixels, painted without Fyne: an export paints it band by band, on every
// core, instead of compositing the object tree on Fyne's software canvas
// (a temporary image per object, covered cards painted in full).
//
// It is built on Fyne's goroutine (it reads widgets and measures text) and
// never changes after: Paint may then run on any goroutines at once.
type Scene struct {
	ops    []op
	bg     color.Color // painted under everything, nil: none
	pixels image.Point
	scale  float32
	text   *TextPainter
	raws   []*image.RGBA // the rasterised shapes, once ready is closed
	ready  chan struct{}
	images []image.Image // the images and rasters, at their size in pixels
	// rows holds the indices of the drawn ops, in paint order, by bucket
	// of bucketRows pixel rows, so that a band reads only its own.
	rows [][]int32
}

const bucketRows = 64

type opKind uint8

const (
	opFill opKind = iota // an axis-aligned rectangle of whole pixels
	opRaw                // a rasterised shape
	opText
	opImage
)

type op struct {
	kind   opKind
	hidden bool            // covered by a later opaque fill
	shape  int32           // opRaw: its image in Scene.raws, shared by alike shapes; opImage: in Scene.images
	r      image.Rectangle // the pixels it may touch: inside its clip and the canvas
	col    [4]uint32       // opFill: premultiplied, 16 bits a channel
	at     image.Point     // opRaw, opImage: where the image's origin goes
	text   *fcanvas.Text   // opText
	pos    fyne.Position   // opText: its absolute top-left, in units
}

// NewScene flattens the visible objects of root, a canvas of size units,
// to be painted at scale pixels per unit. background, when not nil, is
// painted first, over the whole image; text is drawn with text.
//
// Widgets are drawn through their renderers' objects as Fyne's painters
// walk them; a widget that clips (a scroller, a renderer with IsClip) cuts
// off what it holds at its bounds.
func NewScene(root fyne.CanvasObject, size fyne.Size, scale float32, background color.Color, text *TextPainter) *Scene {
	s := &Scene{scale: scale, text: text,
		pixels: image.Pt(toPixels(size.Width, scale), toPixels(size.Height, scale))}
	s.bg = background
	b := sceneBuilder{s: s, size: size, canvas: image.Rectangle{Max: s.pixels}, shapes: map[shapeKey]int32{}}
	b.walk(root, fyne.Position{}, fyne.Position{}, fyne.NewSize(math.MaxInt32, math.MaxInt32))
	b.rasterShapes()
	s.cull()
	s.index()
	return s
}

// Pixels is the size of the scene's image.
func (s *Scene) Pixels() image.Point { return s.pixels }

// Ops reports how many drawing operations the scene holds and how many of
// them are painted (the others are covered by an opaque fill drawn later).
func (s *Scene) Ops() (all, drawn int) {
	for i := range s.ops {
		if !s.ops[i].hidden {
			drawn++
		}
	}
	return len(s.ops), drawn
}

// toPixels is how Fyne's software canvas turns a length in units into
// pixels: rounding up.
func toPixels(v, scale float32) int { return int(math.Ceil(float64(v * scale))) }

// roundPixels is how Fyne's vector painters scale a length: to the
// nearest pixel.
func roundPixels(v, scale float32) float32 { return float32(math.Round(float64(v * scale))) }

type sceneBuilder struct {
	s       *Scene
	size    fyne.Size
	canvas  image.Rectangle
	shapes  map[shapeKey]int32 // index in pending
	pending []func(*rasterx.ScannerGV) *image.RGBA
	keys    []shapeKey // of the pending shapes
	areas   []int      // of the pending shapes' images, in pixels
}

// walk follows Fyne's walk of the visible object tree: an object is drawn
// before its children, and a clipping widget replaces the clip (it does
// not narrow it).
func (b *sceneBuilder) walk(obj fyne.CanvasObject, offset, clipPos fyne.Position, clipSize fyne.Size) {
	if obj == nil || !obj.Visible() {
		return
	}
	pos := obj.Position().Add(offset)
	var children []fyne.CanvasObject
	isClip := false
	switch o := obj.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children, isClip = widgetObjects(o)
	}
	if _, ok := obj.(fyne.Scrollable); ok {
		isClip = true
	}
	if isClip {
		clipPos, clipSize = pos, obj.Size()
	}
	b.add(obj, pos, b.pixelClip(clipPos, clipSize))
	for _, c := range children {
		b.walk(c, pos, clipPos, clipSize)
	}
}

// pixelClip is the clip in pixels as Fyne's software painter works it out.
func (b *sceneBuilder) pixelClip(pos fyne.Position, size fyne.Size) image.Rectangle {
	sc := b.s.scale
	w := min(pos.X+size.Width, b.size.Width)
	h := min(pos.Y+size.Height, b.size.Height)
	return image.Rect(toPixels(pos.X, sc), toPixels(pos.Y, sc), toPixels(w, sc), toPixels(h, sc)).Intersect(b.canvas)
}

func (b *sceneBuilder) push(o op) {
	if o.r.Empty() {
		return
	}
	b.s.ops = append(b.s.ops, o)
}

func (b *sceneBuilder) add(obj fyne.CanvasObject, pos fyne.Position, clip image.Rectangle) {
	sc := b.s.scale
	switch o := obj.(type) {
	case *fcanvas.Rectangle:
		b.addRectangle(o, pos, clip)
	case *fcanvas.Circle:
		b.addCircle(o, pos, clip)
	case *fcanvas.Line:
		b.addLine(o, pos, clip)
	case *fcanvas.Text:
		if o.Text == "" {
			return
		}
		b.push(op{kind: opText, r: textImageRect(o, o.MinSize(), pos, sc).Intersect(clip), text: o, pos: pos})
	case *fcanvas.Raster:
		w, h := toPixels(o.Size().Width, sc), toPixels(o.Size().Height, sc)
		if w <= 0 || h <= 0 {
			return
		}
		// Generated here, on Fyne's goroutine: a generator need not be
		// safe to call from the painting goroutines.
		b.addImage(o.Generator(w, h), o.ScaleMode, pos, w, h, clip)
	case *fcanvas.Image:
		w, h := toPixels(o.Size().Width, sc), toPixels(o.Size().Height, sc)
		if o.Image == nil || w <= 0 || h <= 0 {
			return // only in-memory images: the board draws no others
		}
		b.addImage(o.Image, o.ScaleMode, pos, w, h, clip)
	}
}

// addImage places img stretched over w × h pixels at pos.
func (b *sceneBuilder) addImage(img image.Image, mode fcanvas.ImageScale, pos fyne.Position, w, h int, clip image.Rectangle) {
	if img.Bounds().Dx() != w || img.Bounds().Dy() != h {
		scaled := image.NewNRGBA(image.Rect(0, 0, w, h))
		var k xdraw.Interpolator = xdraw.CatmullRom
		switch mode {
		case fcanvas.ImageScalePixels:
			k = xdraw.NearestNeighbor
		case fcanvas.ImageScaleFastest:
			k = xdraw.ApproxBiLinear
		}
		k.Scale(scaled, scaled.Bounds(), img, img.Bounds(), xdraw.Over, nil)
		img = scaled
	}
	at := image.Pt(toPixels(pos.X, b.s.scale), toPixels(pos.Y, b.s.scale))
	r := image.Rectangle{Min: at, Max: at.Add(image.Pt(w, h))}
	b.s.images = append(b.s.images, img)
	b.push(op{kind: opImage, r: r.Intersect(clip), shape: int32(len(b.s.images) - 1), at: at.Sub(img.Bounds().Min)})
}

// cull hides the ops fully covered by an opaque fill painted after them
// (the shadows, bodies and text of notes under other notes), and trims
// from an op a strip along a side that such a fill covers (the part of a
// note the next one in a pile hides): the fill paints those pixels over
// anyway. Only big fills are occluders, found through a coarse grid of
// the ones that overlap a cell; one that covers a side of an op holds
// two of its corners, so the cells of the corners are enough.
func (s *Scene) cull() {
	const cell = 128
	gw, gh := (s.pixels.X+cell-1)/cell, (s.pixels.Y+cell-1)/cell
	grid := make([][]int32, gw*gh)
	for i := range s.ops {
		o := &s.ops[i]
		if o.kind != opFill || o.col[3] != 0xffff || o.r.Dx() < 16 || o.r.Dy() < 16 {
			continue
		}
		for y := o.r.Min.Y / cell; y <= (o.r.Max.Y-1)/cell; y++ {
			for x := o.r.Min.X / cell; x <= (o.r.Max.X-1)/cell; x++ {
				grid[y*gw+x] = append(grid[y*gw+x], int32(i))
			}
		}
	}
	// Ops are taken in paint order: the fills after op i still have the
	// bounds they paint or a covered part of them.
	for i := range s.ops {
		o := &s.ops[i]
		for changed := true; changed && !o.hidden; {
			changed = false
			r := o.r
			for _, c := range [4]image.Point{r.Min, {r.Max.X - 1, r.Min.Y}, {r.Min.X, r.Max.Y - 1}, r.Max.Sub(image.Pt(1, 1))} {
				occ := grid[(c.Y/cell)*gw+c.X/cell]
				for j := len(occ) - 1; j >= 0 && int(occ[j]) > i; j-- {
					t := trim(o.r, s.ops[occ[j]].r)
					if t.Empty() {
						o.hidden = true
						break
					}
					if t != o.r {
						o.r, changed = t, true
					}
				}
				if o.hidden || changed {
					break
				}
			}
		}
	}
}

// trim is r without the strip along one of its sides that q covers (or
// an empty rectangle when q covers all of r).
func trim(r, q image.Rectangle) image.Rectangle {
	if r.In(q) {
		return image.Rectangle{}
	}
	if q.Min.X <= r.Min.X && q.Max.X >= r.Max.X { // across the whole width
		if q.Min.Y <= r.Min.Y && q.Max.Y > r.Min.Y {
			r.Min.Y = q.Max.Y
		} else if q.Max.Y >= r.Max.Y && q.Min.Y < r.Max.Y {
			r.Max.Y = q.Min.Y
		}
	}
	if q.Min.Y <= r.Min.Y && q.Max.Y >= r.Max.Y { // down the whole height
		if q.Min.X <= r.Min.X && q.Max.X > r.Min.X {
			r.Min.X = q.Max.X
		} else if q.Max.X >= r.Max.X && q.Min.X < r.Max.X {
			r.Max.X = q.Min.X
		}
	}
	return r
}

func (s *Scene) index() {
	s.rows = make([][]int32, (s.pixels.Y+bucketRows-1)/bucketRows)
	for i := range s.ops {
		o := &s.ops[i]
		if o.hidden {
			continue
		}
		for y := o.r.Min.Y / bucketRows; y <= (o.r.Max.Y-1)/bucketRows; y++ {
			s.rows[y] = append(s.rows[y], int32(i))
		}
	}
}

// scratch is one painting goroutine's working memory.
type scratch struct {
	idx  []int32
	row  []uint8
	text []uint8
}

var sceneScratch = sync.Pool{New: func() any { return new(scratch) }}

// Paint paints the part of the scene inside dst.Bounds() (in the image's
// pixels) into dst, which must be transparent. It may be called on several
// goroutines at once with different dst.
func (s *Scene) Paint(dst *image.RGBA) {
	b := s.paint(dst.Pix, dst.Stride, dst.Rect)
	if s.bg == nil {
		premultiply(dst.Pix, dst.Stride, b.Sub(dst.Rect.Min))
	}
}

// PaintNRGBA is Paint into a non-premultiplied image, which a transparent
// export keeps to the bit as Fyne's software canvas made it.
func (s *Scene) PaintNRGBA(dst *image.NRGBA) { s.paint(dst.Pix, dst.Stride, dst.Rect) }

// paint paints into the pixels of an image of bounds rect: the scene's
// ops, which leave the non-premultiplied values of the software canvas,
// then the background under them. It returns the part painted.
func (s *Scene) paint(pix []uint8, stride int, rect image.Rectangle) image.Rectangle {
	b := rect.Intersect(image.Rectangle{Max: s.pixels})
	if b.Empty() {
		return b
	}
	<-s.ready // the shapes
	sc := sceneScratch.Get().(*scratch)
	defer sceneScratch.Put(sc)
	// An op spans consecutive buckets: it is taken from the first one of
	// them the band reads.
	idx := sc.idx[:0]
	b0, b1 := b.Min.Y/bucketRows, (b.Max.Y-1)/bucketRows
	for bk := b0; bk <= b1; bk++ {
		for _, i := range s.rows[bk] {
			o := &s.ops[i]
			if max(o.r.Min.Y/bucketRows, b0) == bk && o.r.Overlaps(b) {
				idx = append(idx, i)
			}
		}
	}
	if b1 > b0 {
		slices.Sort(idx)
	}
	// The ops work in the band's own coordinates.
	origin := rect.Min
	for _, i := range idx {
		o := &s.ops[i]
		r := o.r.Intersect(b).Sub(origin)
		switch o.kind {
		case opFill:
			fill(pix, stride, r, o.col, sc)
		case opRaw:
			raw, at := s.raws[o.shape], o.at.Sub(origin)
			drawRaw(pix, stride, r.Intersect(raw.Bounds().Add(at)), raw, at)
		case opText:
			s.paintText(pix, stride, r, o, origin, sc)
		case opImage:
			drawImage(pix, stride, r, s.images[o.shape], o.at.Sub(origin))
		}
	}
	sc.idx = idx
	if s.bg != nil {
		fillUnder(pix, stride, b.Sub(origin), s.bg)
	}
	return b
}

// paintText paints a text op within r (band coordinates, the band's
// origin at origin) as the software painter does: the text drawn alone
// into a transparent image, which is then put over the band.
func (s *Scene) paintText(pix []uint8, stride int, r image.Rectangle, o *op, origin image.Point, sc *scratch) {
	if s.text == nil || r.Empty() {
		return
	}
	n := 4 * r.Dx() * r.Dy()
	if cap(sc.text) < n {
		sc.text = make([]uint8, n)
	}
	buf := sc.text[:n]
	clear(buf)
	abs := r.Add(origin)
	s.text.PaintText(&image.RGBA{Pix: buf, Stride: 4 * r.Dx(), Rect: abs}, abs, o.text, o.pos, s.scale)
	drawRaw(pix, stride, r, &image.RGBA{Pix: buf, Stride: 4 * r.Dx(), Rect: image.Rectangle{Max: r.Size()}}, r.Min)
}

// fillUnder puts the opaque background under the painted pixels as the
// export did under the software canvas's image: translucent pixels round
// alike.
func fillUnder(pix []uint8, stride int, r image.Rectangle, bg color.Color) {
	c := color.NRGBAModel.Convert(bg).(color.NRGBA)
	br, bgc, bb := uint32(c.R), uint32(c.G), uint32(c.B)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pix[y*stride+4*r.Min.X : y*stride+4*r.Max.X]
		for i := 0; i < len(row); i += 4 {
			p := row[i : i+4 : i+4]
			switch a := uint32(p[3]); a {
			case 0xff:
			case 0:
				p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xff
			default:
				na := 0xff - a
				p[0] = uint8((uint32(p[0])*a + br*na + 0x7f) / 0xff)
				p[1] = uint8((uint32(p[1])*a + bgc*na + 0x7f) / 0xff)
				p[2] = uint8((uint32(p[2])*a + bb*na + 0x7f) / 0xff)
				p[3] = 0xff
			}
		}
	}
}

// premultiply turns non-premultiplied pixels into premultiplied ones.
func premultiply(pix []uint8, stride int, r image.Rectangle) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := pix[y*stride+4*r.Min.X : y*stride+4*r.Max.X]
		for i := 0; i < len(row); i += 4 {
			p := row[i : i+4 : i+4]
			if a := uint32(p[3]); a != 0xff {
				// As color.NRGBA's RGBA does it, so that the image says what
				// the non-premultiplied one would.
				p[0] = uint8((uint32(p[0]) * 0x101 * a / 0xff) >> 8)
				p[1] = uint8((uint32(p[1]) * 0x101 * a / 0xff) >> 8)
				p[2] = uint8((uint32(p[2]) * 0x101 * a / 0xff) >> 8)
			}
		}
	}
}
