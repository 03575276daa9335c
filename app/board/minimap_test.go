package board

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// newMinimapTest shows a board with its minimap as the window shows it.
func newMinimapTest(t *testing.T) (*Widget, *Minimap, *sample, fyne.Window) {
	t.Helper()
	test.NewTempApp(t).Settings().SetTheme(lightTheme())
	s := newSample(t)
	bw := New(newDocument(s.project), s.vpc.ID, NewClipboard())
	mm := NewMinimap(bw)
	w := test.NewTempWindow(t, WithMinimap(bw, mm))
	w.SetPadded(false)
	w.Resize(screen)
	return bw, mm, s, w
}

func TestMinimapShowsOnlyWhenPartOfTheBoardIsOutOfView(t *testing.T) {
	b, mm, _, _ := newMinimapTest(t)
	if mm.Visible() {
		t.Error("the minimap shows while the whole board is in view")
	}
	b.Zoom100()
	if !mm.Visible() {
		t.Fatal("zoomed in, no minimap")
	}
	if got := mm.Position(); got.X+mm.Size().Width > screen.Width || got.Y+mm.Size().Height > screen.Height || got.X < screen.Width/2 {
		t.Errorf("minimap at %v size %v: not in the bottom-right corner", got, mm.Size())
	}
	mm.SetEnabled(false)
	if mm.Visible() {
		t.Error("turned off, the minimap still shows")
	}
	mm.SetEnabled(true)
	b.ZoomFit()
	if mm.Visible() {
		t.Error("fitted again, the minimap still shows")
	}
}

func TestMinimapOutlinesTheViewAndMovesIt(t *testing.T) {
	b, mm, s, w := newMinimapTest(t)
	b.Zoom100()
	// The outline covers the part of the map that stands for the view.
	v := b.viewRect()
	o0, o1 := mm.r.view.Position(), mm.r.view.Position().Add(mm.r.view.Size())
	if c := mm.toBoard(fyne.NewPos((o0.X+o1.X)/2, (o0.Y+o1.Y)/2)); !near2(c, v.Center(), 20) {
		t.Errorf("the outline's centre stands for %v, the view's centre is %v", c, v.Center())
	}

	// A click on the map centres the view there.
	target := s.vpc.Card(s.byText["Rain"]).Center()
	bounds, sc, off := mm.frame(mm.Size())
	at := fyne.NewPos(off.X+float32(target.X-bounds.X)*sc, off.Y+float32(target.Y-bounds.Y)*sc)
	test.TapAt(mm, at)
	if c := b.viewRect().Center(); !near2(c, target, 10) {
		t.Fatalf("after a click on the map the view is centred on %v, want %v", c, target)
	}
	if b.view.AutoFit() {
		t.Error("the view still follows the window size after the user moved it")
	}
	// A drag on the map moves the view with the pointer.
	test.Drag(w.Canvas(), mm.Position().Add(at), -40, 0)
	if c := b.viewRect().Center(); !(c.X < target.X-200) {
		t.Errorf("dragging the map left did not move the view left: centre %v", c)
	}
	if b.doc.History.UndoName() != "" {
		t.Error("the minimap changed the model")
	}
}

func TestMinimapRedrawsWhenTheBoardChanges(t *testing.T) {
	b, mm, s, w := newMinimapTest(t)
	b.Zoom100()
	w.Canvas().Capture() // draw the map once
	drawn := mm.drawn
	if drawn == 0 {
		t.Fatal("the map was not drawn")
	}
	c := canvas.NewCard(canvas.KindPain, canvas.Point{X: 1500, Y: 1000}, "Potholes")
	if err := b.doc.Do(&canvas.AddCards{Board: s.vpc.ID, Cards: []canvas.Card{c}}); err != nil {
		t.Fatal(err)
	}
	w.Canvas().Capture()
	if mm.drawn == drawn {
		t.Error("a new card did not redraw the map")
	}
	// Panning only moves the outline.
	drawn = mm.drawn
	b.panBy(-30, 0)
	w.Canvas().Capture()
	if mm.drawn != drawn {
		t.Error("panning redrew the map's picture")
	}
	// The picture shows the new card in its colour.
	img := mm.r.draw(240, 150)
	bounds, sc, off := mm.frame(mm.Size())
	cc := c.Center()
	px := img.At(int(off.X+float32(cc.X-bounds.X)*sc), int(off.Y+float32(cc.Y-bounds.Y)*sc))
	if r, g, bl, _ := px.RGBA(); [3]uint32{r >> 8, g >> 8, bl >> 8} != [3]uint32{0xF7, 0xA8, 0xA8} {
		t.Errorf("the new pain shows as %v on the map, want its colour #F7A8A8", px)
	}
}

func near2(a, b canvas.Point, d float64) bool {
	return a.X-b.X < d && b.X-a.X < d && a.Y-b.Y < d && b.Y-a.Y < d
}

// TestMinimapDrawsAxesAndAreas: the map shows a board's quadrant lines and
// its free areas, as the board does, whatever the template.
func TestMinimapDrawsAxesAndAreas(t *testing.T) {
	tpl, err := canvas.ParseTemplate("axes.json", []byte(`{"id": "test-minimap-axes", "name": "Axes",
		"bounds": {"x": 0, "y": 0, "w": 2000, "h": 1600},
		"axes": {"x": 1000, "y": 600, "rect": {"x": 0, "y": 0, "w": 2000, "h": 1200}},
		"areas": [{"id": "a", "label": "Parking lot", "rect": {"x": 100, "y": 1300, "w": 1800, "h": 250}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	remove, err := canvas.RegisterTemplate(tpl)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(remove)
	test.NewTempApp(t).Settings().SetTheme(lightTheme())
	p, err := canvas.NewProject("Axes", tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	bw := New(newDocument(p), p.Boards[0].ID, NewClipboard())
	mm := NewMinimap(bw)
	w := test.NewTempWindow(t, WithMinimap(bw, mm))
	w.SetPadded(false)
	w.Resize(screen)
	bw.Zoom100()
	size := mm.Size()
	img := mm.r.draw(int(size.Width), int(size.Height))
	bounds, s, off := mm.frame(size)
	at := func(x, y float64) (int, int) {
		return int(off.X + float32(x-bounds.X)*s), int(off.Y + float32(y-bounds.Y)*s)
	}
	drawn := func(x, y float64) bool {
		px, py := at(x, y)
		// The template's tint is faint (alpha 0x18); lines are darker.
		_, _, _, a := img.At(px, py).RGBA()
		return a > 0x30*0x101
	}
	for name, pt := range map[string][2]float64{
		"the vertical axis":   {1000, 300},
		"the horizontal axis": {500, 600},
		"the area's top edge": {1000, 1300},
	} {
		if !drawn(pt[0], pt[1]) {
			t.Errorf("the minimap does not draw %s", name)
		}
	}
	if drawn(500, 300) {
		t.Error("the minimap draws a line inside a quadrant")
	}
}
