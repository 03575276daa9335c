package board

import (
	"math"

	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Viewport is the part of a board a widget shows: a board point p is
// drawn at p*Zoom + Pan. Until the user zooms or pans it fits the board,
// again whenever the widget's size changes (AutoFit).
type Viewport struct {
	zoom    float32
	pan     fyne.Position
	autoFit bool
}

// NewViewport is a view at 100 % that fits the board until told otherwise.
func NewViewport() *Viewport { return &Viewport{zoom: 1, autoFit: true} }

// Zoom is screen pixels per board unit.
func (v *Viewport) Zoom() float32 { return v.zoom }

// Pan is where the board's origin is drawn on the widget.
func (v *Viewport) Pan() fyne.Position { return v.pan }

// AutoFit reports whether the view fits the board whatever the widget's
// size, as it does until the user zooms or pans.
func (v *Viewport) AutoFit() bool { return v.autoFit }

// Set shows the board at zoom z with its origin at pan; the view no
// longer fits the board.
func (v *Viewport) Set(z float32, pan fyne.Position) {
	v.zoom, v.pan, v.autoFit = z, pan, false
}

// FitAlways makes the view fit r in size, and fit the board again
// whenever the widget's size changes.
func (v *Viewport) FitAlways(r canvas.Rect, size fyne.Size) {
	v.autoFit = true
	v.Fit(r, size)
}

// Fit sets the view so that r fills size with a small margin.
func (v *Viewport) Fit(r canvas.Rect, size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 || r.Empty() {
		return
	}
	const margin = 16
	z := float32(math.Min(float64(size.Width-2*margin)/r.W, float64(size.Height-2*margin)/r.H))
	z = min(max(z, minZoom), maxZoom)
	v.zoom = z
	c := r.Center()
	v.pan = fyne.NewPos(size.Width/2-float32(c.X)*z, size.Height/2-float32(c.Y)*z)
}

// ZoomAt sets the zoom, within its limits, keeping the board point under
// at where it is; it reports whether the zoom changed.
func (v *Viewport) ZoomAt(z float32, at fyne.Position) bool {
	z = min(max(z, minZoom), maxZoom)
	if z == v.zoom {
		return false
	}
	p := v.ToBoard(at)
	v.zoom = z
	v.pan = fyne.NewPos(at.X-float32(p.X)*z, at.Y-float32(p.Y)*z)
	v.autoFit = false
	return true
}

// PanBy moves the view by a screen distance.
func (v *Viewport) PanBy(dx, dy float32) {
	v.pan = v.pan.AddXY(dx, dy)
	v.autoFit = false
}

// CenterOn pans the view so that p is in the middle of a widget of size.
func (v *Viewport) CenterOn(p canvas.Point, size fyne.Size) {
	v.pan = fyne.NewPos(size.Width/2-float32(p.X)*v.zoom, size.Height/2-float32(p.Y)*v.zoom)
	v.autoFit = false
}

// Visible is the part of the board a widget of size shows, in board units.
func (v *Viewport) Visible(size fyne.Size) canvas.Rect {
	p := v.ToBoard(fyne.Position{})
	return canvas.Rect{X: p.X, Y: p.Y, W: float64(size.Width / v.zoom), H: float64(size.Height / v.zoom)}
}

// ToBoard converts a position on the widget to board units.
func (v *Viewport) ToBoard(p fyne.Position) canvas.Point {
	return canvas.Point{X: float64((p.X - v.pan.X) / v.zoom), Y: float64((p.Y - v.pan.Y) / v.zoom)}
}

// ToScreen converts a board point to a position on the widget.
func (v *Viewport) ToScreen(p canvas.Point) fyne.Position {
	return fyne.NewPos(float32(p.X)*v.zoom+v.pan.X, float32(p.Y)*v.zoom+v.pan.Y)
}

// ScreenRect converts a board rectangle to a position and size on the widget.
func (v *Viewport) ScreenRect(r canvas.Rect) (fyne.Position, fyne.Size) {
	return v.ToScreen(canvas.Point{X: r.X, Y: r.Y}), fyne.NewSize(float32(r.W)*v.zoom, float32(r.H)*v.zoom)
}

// ScreenDelta converts a distance on the widget to board units.
func (v *Viewport) ScreenDelta(d fyne.Delta) (dx, dy float64) {
	return float64(d.DX / v.zoom), float64(d.DY / v.zoom)
}
