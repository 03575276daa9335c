package render

import (
	"image"
	"math"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
)

// Fyne's software painter draws a run of glyphs by feeding all their
// outlines, flattened by rasterx's Filler, into one golang.org/x/image/vector
// Rasterizer and compositing its coverage once. The rasteriser sums signed
// area deltas along each row and only then takes abs and clamps, so two
// glyphs sharing a pixel are not the "over" of two masks. A glyphMask keeps a
// glyph's row sums before abs and clamp: adding the masks of a run's glyphs
// gives exactly the sums the rasteriser would have (in its integer mode), and
// the same abs and clamp then give the same coverage.
//
// The line accumulation below is x/image/vector's fixedLineTo and
// floatingLineTo (BSD licence, The Go Authors), writing into a buffer the
// size of one glyph instead of the whole text image.

const (
	vecϕ = 9 // vector's fixed-point fraction bits

	vecOne          int32 = 1 << vecϕ
	vecOneAndAHalf  int32 = 1<<vecϕ + 1<<(vecϕ-1)
	vecOneMinusIota int32 = 1<<vecϕ - 1

	// vector switches to float32 accumulation above this width or height
	// of its image (the text's image, in Fyne's painter).
	vecFloatThreshold = 512

	vecAlmost65536 = 255.99998 * 256
)

// glyphMask is one glyph's accumulated area sums, w × h pixels whose top-left
// is (x0, y0) from the integer part of the pen position it was drawn at.
// Exactly one of fix and flt is set, after the rasteriser's mode.
type glyphMask struct {
	x0, y0, w, h int
	fix          []int32
	flt          []float32
	cov          []uint16 // the coverage of the glyph alone, from the sums
	// res is the sum at the end of each row, from row resY0 (in the frame of
	// y0): what the glyph leaves to the right of its box, and carries into
	// the rows after it (in integer mode, where it is exact; see run).
	resY0 int
	res   []int32
}

func (m *glyphMask) bytes() int {
	return 128 + 4*(len(m.fix)+len(m.flt)+len(m.res)) + 2*len(m.cov)
}

// outlineRecorder is the rasterx.Scanner under a Filler: it keeps the
// flattened path, in the same fixed-point points the vector rasteriser would
// get, so the glyph's extent is known before its buffer is made.
type outlineRecorder struct {
	pts  []fixed.Point26_6
	move []bool
}

func (o *outlineRecorder) Start(a fixed.Point26_6) {
	o.pts = append(o.pts, a)
	o.move = append(o.move, true)
}

func (o *outlineRecorder) Line(b fixed.Point26_6) {
	o.pts = append(o.pts, b)
	o.move = append(o.move, false)
}

func (o *outlineRecorder) Draw()                              {}
func (o *outlineRecorder) GetPathExtent() fixed.Rectangle26_6 { return fixed.Rectangle26_6{} }
func (o *outlineRecorder) SetBounds(int, int)                 {}
func (o *outlineRecorder) SetColor(interface{})               {}
func (o *outlineRecorder) SetWinding(bool)                    {}
func (o *outlineRecorder) SetClip(image.Rectangle)            {}
func (o *outlineRecorder) Clear()                             { o.pts, o.move = o.pts[:0], o.move[:0] }
func (o *outlineRecorder) addOutline(f *rasterx.Filler, g font.GlyphOutline, scale, x, y float32) {
	// go-text/render's drawOutline, point for point.
	p := func(a opentype.SegmentPoint) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6(int(float64(a.X*scale+x) * 64)), Y: fixed.Int26_6(int(float64(-a.Y*scale+y) * 64))}
	}
	for _, s := range g.Segments {
		switch s.Op {
		case opentype.SegmentOpMoveTo:
			f.Start(p(s.Args[0]))
		case opentype.SegmentOpLineTo:
			f.Line(p(s.Args[0]))
		case opentype.SegmentOpQuadTo:
			f.QuadBezier(p(s.Args[0]), p(s.Args[1]))
		case opentype.SegmentOpCubeTo:
			f.CubeBezier(p(s.Args[0]), p(s.Args[1]), p(s.Args[2]))
		}
	}
	f.Stop(true)
}

// rasterizeGlyph makes the mask of outline g drawn at (x, y) in the text's
// image, with the rasteriser in float mode or not. The mask's origin is
// relative to (floor(x), floor(y)).
func rasterizeGlyph(g font.GlyphOutline, scale, x, y float32, float bool) *glyphMask {
	rec := &outlineRecorder{}
	f := rasterx.NewFiller(0, 0, rec)
	rec.addOutline(f, g, scale, x, y)
	if len(rec.pts) == 0 {
		return &glyphMask{}
	}
	minX, minY := rec.pts[0].X, rec.pts[0].Y
	maxX, maxY := minX, minY
	for _, p := range rec.pts {
		minX, maxX = min(minX, p.X), max(maxX, p.X)
		minY, maxY = min(minY, p.Y), max(maxY, p.Y)
	}
	// Cells from floor(min) to ceil(max) inclusive get deltas.
	bx0 := int(minX>>6) - 1
	by0 := int(minY>>6) - 1
	bx1 := int((maxX+63)>>6) + 2
	by1 := int((maxY+63)>>6) + 1
	m := &glyphMask{w: bx1 - bx0, h: by1 - by0}
	ix, iy := int(math.Floor(float64(x))), int(math.Floor(float64(y)))
	m.x0, m.y0 = bx0-ix, by0-iy

	var penX, penY float32
	if float {
		buf := make([]float32, m.w*m.h)
		for i, p := range rec.pts {
			px, py := float32(p.X)/64, float32(p.Y)/64
			if !rec.move[i] {
				floatLine(buf, m.w, bx0, by0, penX, penY, px, py)
			}
			penX, penY = px, py
		}
		for r := 0; r < m.h; r++ {
			acc := float32(0)
			row := buf[r*m.w : (r+1)*m.w]
			for i, v := range row {
				acc += v
				row[i] = acc
			}
		}
		m.flt = buf
	} else {
		buf := make([]int32, m.w*m.h)
		for i, p := range rec.pts {
			px, py := float32(p.X)/64, float32(p.Y)/64
			if !rec.move[i] {
				fixedLine(buf, m.w, bx0, by0, penX, penY, px, py)
			}
			penX, penY = px, py
		}
		for r := 0; r < m.h; r++ {
			acc := int32(0)
			row := buf[r*m.w : (r+1)*m.w]
			for i, v := range row {
				acc += v
				row[i] = acc
			}
		}
		m.fix = buf
		r0, r1 := m.h, 0
		for r := 0; r < m.h; r++ {
			if buf[r*m.w+m.w-1] != 0 {
				r0, r1 = min(r0, r), max(r1, r+1)
			}
		}
		for r := r0; r < r1; r++ {
			m.res = append(m.res, buf[r*m.w+m.w-1])
		}
		m.resY0 = m.y0 + r0
	}
	res, resY0 := m.res, m.resY0
	m.trim()
	m.res, m.resY0 = res, resY0
	return m
}

// trim crops the mask to the pixels it covers. The sums it drops (the
// rasteriser's remainders, a few 1/2¹⁸ of a pixel) give no coverage alone;
// beside another glyph's they could change its coverage by 1/65535.
func (m *glyphMask) trim() {
	covered := func(x, y int) bool {
		if m.fix != nil {
			return coverageFixed(m.fix[y*m.w+x]) != 0
		}
		return coverageFloat(m.flt[y*m.w+x]) != 0
	}
	x0, y0, x1, y1 := m.w, m.h, 0, 0
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			if covered(x, y) {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x+1), max(y1, y+1)
			}
		}
	}
	if x0 >= x1 {
		*m = glyphMask{}
		return
	}
	w, h := x1-x0, y1-y0
	if m.fix != nil {
		fix := make([]int32, w*h)
		for y := range h {
			copy(fix[y*w:(y+1)*w], m.fix[(y0+y)*m.w+x0:])
		}
		m.fix = fix
	} else {
		flt := make([]float32, w*h)
		for y := range h {
			copy(flt[y*w:(y+1)*w], m.flt[(y0+y)*m.w+x0:])
		}
		m.flt = flt
	}
	m.x0, m.y0, m.w, m.h = m.x0+x0, m.y0+y0, w, h
	m.cov = make([]uint16, w*h)
	for i := range m.cov {
		if m.fix != nil {
			m.cov[i] = uint16(coverageFixed(m.fix[i]))
		} else {
			m.cov[i] = uint16(coverageFloat(m.flt[i]))
		}
	}
}

func vecFloor(x int32) int32 { return x >> vecϕ }
func vecCeil(x int32) int32  { return (x + vecOneMinusIota) >> vecϕ }

// fixedLine is vector's fixedLineTo from (ax, ay) to (bx, by), into buf, a
// w-wide buffer whose first cell is pixel (ox, oy).
func fixedLine(buf []int32, w, ox, oy int, ax, ay, bx, by float32) {
	dir := int32(1)
	if ay > by {
		dir, ax, ay, bx, by = -1, bx, by, ax, ay
	}
	if by-ay <= 0.000001 {
		return
	}
	dxdy := (bx - ax) / (by - ay)

	ayϕ := int32(ay * float32(vecOne))
	byϕ := int32(by * float32(vecOne))

	x := int32(ax * float32(vecOne))
	y := vecFloor(ayϕ)
	yMax := vecCeil(byϕ)

	add := func(row []int32, xi int32, v int32) {
		row[int(xi)-ox] += v
	}
	for ; y < yMax; y++ {
		dy := min(int32(y+1)<<vecϕ, byϕ) - max(int32(y)<<vecϕ, ayϕ)
		xNext := x + int32(float32(dy)*dxdy)
		row := buf[(int(y)-oy)*w : (int(y)-oy+1)*w]
		d := dy * dir
		x0, x1 := x, xNext
		if x > xNext {
			x0, x1 = x1, x0
		}
		x0i := vecFloor(x0)
		x0Floor := x0i << vecϕ
		x1i := vecCeil(x1)
		x1Ceil := x1i << vecϕ

		if x1i <= x0i+1 {
			xmf := (x+xNext)>>1 - x0Floor
			add(row, x0i, d*(vecOne-xmf))
			add(row, x0i+1, d*xmf)
		} else {
			oneOverS := x1 - x0
			twoOverS := 2 * oneOverS
			x0f := x0 - x0Floor
			oneMinusX0f := vecOne - x0f
			oneMinusX0fSquared := oneMinusX0f * oneMinusX0f
			x1f := x1 - x1Ceil + vecOne
			x1fSquared := x1f * x1f

			D := oneMinusX0fSquared
			D *= d
			D /= twoOverS
			add(row, x0i, D)

			if x1i == x0i+2 {
				D := twoOverS<<vecϕ - oneMinusX0fSquared - x1fSquared
				D *= d
				D /= twoOverS
				add(row, x0i+1, D)
			} else {
				D := (vecOneAndAHalf-x0f)<<(vecϕ+1) - oneMinusX0fSquared
				D *= d
				D /= twoOverS
				add(row, x0i+1, D)
				dTimesS := (d << (2 * vecϕ)) / oneOverS
				for xi := x0i + 2; xi < x1i-1; xi++ {
					add(row, xi, dTimesS)
				}
				const C = 1<<(vecϕ+2) - vecOneAndAHalf<<1
				D = x1f<<1 + C
				D <<= vecϕ
				D -= x1fSquared
				D *= d
				D /= twoOverS
				add(row, x1i-1, D)
			}
			D = x1fSquared
			D *= d
			D /= twoOverS
			add(row, x1i, D)
		}
		x = xNext
	}
}

// floatLine is vector's floatingLineTo, as fixedLine.
func floatLine(buf []float32, w, ox, oy int, ax, ay, bx, by float32) {
	dir := float32(1)
	if ay > by {
		dir, ax, ay, bx, by = -1, bx, by, ax, ay
	}
	if by-ay <= 0.000001 {
		return
	}
	dxdy := (bx - ax) / (by - ay)

	x := ax
	y := int32(math.Floor(float64(ay)))
	yMax := int32(math.Ceil(float64(by)))
	for ; y < yMax; y++ {
		dy := min(float32(y+1), by) - max(float32(y), ay)
		xNext := x + float32(dy*dxdy)
		row := buf[(int(y)-oy)*w : (int(y)-oy+1)*w]
		add := func(xi int32, v float32) { row[int(xi)-ox] += v }
		d := float32(dy * dir)
		x0, x1 := x, xNext
		if x > xNext {
			x0, x1 = x1, x0
		}
		x0i := int32(math.Floor(float64(x0)))
		x0Floor := float32(x0i)
		x1i := int32(math.Ceil(float64(x1)))
		x1Ceil := float32(x1i)

		if x1i <= x0i+1 {
			xmf := float32(0.5*(x+xNext)) - x0Floor
			add(x0i, d-float32(d*xmf))
			add(x0i+1, float32(d*xmf))
		} else {
			s := 1 / (x1 - x0)
			x0f := x0 - x0Floor
			oneMinusX0f := 1 - x0f
			a0 := float32(0.5 * s * oneMinusX0f * oneMinusX0f)
			x1f := x1 - x1Ceil + 1
			am := float32(0.5 * s * x1f * x1f)

			add(x0i, float32(d*a0))
			if x1i == x0i+2 {
				add(x0i+1, float32(d*(1-a0-am)))
			} else {
				a1 := float32(s * (1.5 - x0f))
				add(x0i+1, float32(d*(a1-a0)))
				dTimesS := float32(d * s)
				for xi := x0i + 2; xi < x1i-1; xi++ {
					add(xi, dTimesS)
				}
				a2 := a1 + float32(s*float32(x1i-x0i-3))
				add(x1i-1, float32(d*(1-a2-am)))
			}
			add(x1i, float32(d*am))
		}
		x = xNext
	}
}

// coverageFixed is vector's per-pixel mask value from an integer-mode sum.
func coverageFixed(acc int32) uint32 {
	if acc < 0 {
		acc = -acc
	}
	acc >>= 2*vecϕ - 16
	if acc > 0xffff {
		acc = 0xffff
	}
	return uint32(acc)
}

// coverageFloat is vector's per-pixel mask value from a float-mode sum.
func coverageFloat(acc float32) uint32 {
	if acc < 0 {
		acc = -acc
	}
	if acc > 1 {
		acc = 1
	}
	return uint32(vecAlmost65536 * acc)
}
