package board

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestViewportConvertsBothWays(t *testing.T) {
	v := NewViewport()
	v.Set(2, fyne.NewPos(-100, 50))
	p := canvas.Point{X: 300, Y: 40}
	s := v.ToScreen(p)
	if s != fyne.NewPos(500, 130) {
		t.Fatalf("ToScreen %v", s)
	}
	if back := v.ToBoard(s); back != p {
		t.Errorf("ToBoard(ToScreen(%v)) = %v", p, back)
	}
	pos, size := v.ScreenRect(canvas.Rect{X: 300, Y: 40, W: 200, H: 100})
	if pos != s || size != fyne.NewSize(400, 200) {
		t.Errorf("ScreenRect %v %v", pos, size)
	}
	if dx, dy := v.ScreenDelta(fyne.NewDelta(10, -4)); dx != 5 || dy != -2 {
		t.Errorf("ScreenDelta %v %v", dx, dy)
	}
	if r := v.Visible(fyne.NewSize(800, 600)); r != (canvas.Rect{X: 50, Y: -25, W: 400, H: 300}) {
		t.Errorf("Visible %v", r)
	}
}

func TestViewportZoomKeepsThePointUnderThePointer(t *testing.T) {
	v := NewViewport()
	at := fyne.NewPos(320, 200)
	under := v.ToBoard(at)
	if !v.ZoomAt(2.5, at) || v.Zoom() != 2.5 || v.AutoFit() {
		t.Fatalf("zoom %v, autoFit %v", v.Zoom(), v.AutoFit())
	}
	if got := v.ToBoard(at); math.Abs(got.X-under.X) > 1e-3 || math.Abs(got.Y-under.Y) > 1e-3 {
		t.Errorf("under the pointer %v, was %v", got, under)
	}
	if v.ZoomAt(2.5, at) {
		t.Error("the same zoom again reported a change")
	}
	v.ZoomAt(100, at)
	if v.Zoom() != maxZoom {
		t.Errorf("zoom in stops at %v, got %v", maxZoom, v.Zoom())
	}
	v.ZoomAt(0, at)
	if v.Zoom() != minZoom {
		t.Errorf("zoom out stops at %v, got %v", minZoom, v.Zoom())
	}
}

func TestViewportFit(t *testing.T) {
	v := NewViewport()
	v.PanBy(10, 0)
	if v.AutoFit() {
		t.Fatal("a pan left the view fitting the board")
	}
	r := canvas.Rect{X: 100, Y: 100, W: 1000, H: 500}
	size := fyne.NewSize(532, 532)
	v.FitAlways(r, size)
	if !v.AutoFit() || v.Zoom() != 0.5 {
		t.Fatalf("zoom %v, autoFit %v; want 0.5, true", v.Zoom(), v.AutoFit())
	}
	if c := v.ToScreen(r.Center()); c != fyne.NewPos(266, 266) {
		t.Errorf("the rectangle's centre is drawn at %v, want the middle", c)
	}
	v.CenterOn(canvas.Point{X: 0, Y: 0}, size)
	if c := v.ToScreen(canvas.Point{}); c != fyne.NewPos(266, 266) || v.AutoFit() {
		t.Errorf("centred on the origin: drawn at %v, autoFit %v", c, v.AutoFit())
	}
}
