package canvas

// Point is a position in board units.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned rectangle in board units.
type Rect struct{ X, Y, W, H float64 }

// Circle is a circle in board units.
type Circle struct{ CX, CY, R float64 }

// Contains reports whether p lies inside r; the left and top edges are
// inside, the right and bottom edges belong to the neighbour, so adjacent
// zones never both claim a point.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X < r.X+r.W && p.Y >= r.Y && p.Y < r.Y+r.H
}

// Center is the middle of r.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Union is the smallest rectangle holding r and o; an empty side is ignored.
func (r Rect) Union(o Rect) Rect {
	if r.Empty() {
		return o
	}
	if o.Empty() {
		return r
	}
	// The built-in min and max compile to a few instructions; math.Min
	// and math.Max are calls, and Union runs for every card of a board.
	x0, y0 := min(r.X, o.X), min(r.Y, o.Y)
	x1, y1 := max(r.X+r.W, o.X+o.W), max(r.Y+r.H, o.Y+o.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Intersects reports whether r and o overlap.
func (r Rect) Intersects(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Inset grows r by d on every side (shrinks it when d < 0).
func (r Rect) Inset(d float64) Rect { return Rect{r.X - d, r.Y - d, r.W + 2*d, r.H + 2*d} }

// Contains reports whether p lies inside c.
func (c Circle) Contains(p Point) bool {
	dx, dy := p.X-c.CX, p.Y-c.CY
	return dx*dx+dy*dy < c.R*c.R
}

// Bounds is the square around c.
func (c Circle) Bounds() Rect { return Rect{c.CX - c.R, c.CY - c.R, 2 * c.R, 2 * c.R} }
