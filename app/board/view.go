package board

import (
	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Zoom is the current zoom: screen pixels per board unit.
func (b *Widget) Zoom() float32 { return b.view.Zoom() }

// ZoomIn zooms one step in, around the middle of the view.
func (b *Widget) ZoomIn() { b.zoomAt(nextZoom(b.Zoom(), 1), b.center()) }

// ZoomOut zooms one step out, around the middle of the view.
func (b *Widget) ZoomOut() { b.zoomAt(nextZoom(b.Zoom(), -1), b.center()) }

// Zoom100 shows the board at its natural size, around the middle of the view.
func (b *Widget) Zoom100() { b.zoomAt(1, b.center()) }

// ZoomFit fits the template and every card in the view.
func (b *Widget) ZoomFit() {
	bd := b.board()
	if bd == nil {
		return
	}
	b.view.FitAlways(bd.Bounds(), b.Size())
	b.relayout()
}

// ShowAt sets the zoom and puts the board point topLeft at the widget's
// top-left corner: for views that must match another drawing exactly.
func (b *Widget) ShowAt(zoom float32, topLeft canvas.Point) {
	b.view.Set(zoom, fyne.NewPos(-float32(topLeft.X)*zoom, -float32(topLeft.Y)*zoom))
	b.relayout()
}

func (b *Widget) center() fyne.Position {
	s := b.Size()
	return fyne.NewPos(s.Width/2, s.Height/2)
}

// zoomAt sets the zoom, keeping the board point under at where it is.
func (b *Widget) zoomAt(z float32, at fyne.Position) {
	if b.view.ZoomAt(z, at) {
		b.relayout()
	}
}

// panBy moves the view by a screen distance.
func (b *Widget) panBy(dx, dy float32) {
	b.view.PanBy(dx, dy)
	b.relayout()
}

// viewRect is the part of the board in view, in board units.
// InView is the part of the board in view, in board units.
func (b *Widget) InView() canvas.Rect { return b.viewRect() }

func (b *Widget) viewRect() canvas.Rect { return b.view.Visible(b.Size()) }

// centerOn pans the view so that p is in its middle.
func (b *Widget) centerOn(p canvas.Point) {
	b.view.CenterOn(p, b.Size())
	b.relayout()
}

func (b *Widget) relayout() {
	if b.r != nil {
		b.r.layoutView()
	}
}
