package board

import (
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/internal/bigboard"
	"github.com/jobcanvas/jobcanvas/app/render"
)

// drawCount is what a frame of the board draws: every visible leaf
// object that lies at least partly in the widget's bounds (what Fyne's GL
// painter issues a draw call for), and how many of them are texts (each a
// texture).
type drawCount struct{ objects, texts, cards int }

func countDrawn(b *Widget) drawCount {
	var n drawCount
	size := b.Size()
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		switch o := o.(type) {
		case fyne.Widget:
			if _, ok := o.(*render.CardView); ok {
				n.cards++
			}
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c, pos)
			}
			return
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, pos)
			}
			return
		}
		s := o.Size()
		if l, ok := o.(*fcanvas.Line); ok { // a line's position is its ends'
			p1, p2 := at.Add(l.Position1), at.Add(l.Position2)
			pos = fyne.NewPos(min(p1.X, p2.X), min(p1.Y, p2.Y))
			s = fyne.NewSize(max(p1.X, p2.X)-pos.X, max(p1.Y, p2.Y)-pos.Y)
		}
		if pos.X > size.Width || pos.Y > size.Height || pos.X+s.Width < 0 || pos.Y+s.Height < 0 {
			return
		}
		n.objects++
		if _, ok := o.(*fcanvas.Text); ok {
			n.texts++
		}
	}
	walk(b, fyne.Position{})
	return n
}

// The draw calls of a frame of a 2,000-card board stay within a budget at
// every zoom the user passes through: Mesa's software GL keeps memory for
// the draw calls of the biggest frame it drew (issue 13), and every text is
// a texture. A note drawn in more rectangles, or its text shown at sizes
// nobody can read, or cards out of view left drawn, shows here.
func TestBoardDrawCalls2000(t *testing.T) {
	test.NewTempApp(t)
	p, err := bigboard.Project(2000)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	bw := New(newDocument(p), bd.ID, nil)
	w := test.NewTempWindow(t, bw)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(960, 680)) // the board's part of a 1280×800 window
	// No frame draws more than the fitted board, one rectangle a note in
	// view and the links; card texts start where they can be read (at 33 %
	// only the one-glyph quote and hint marks show).
	const most = 2000
	for _, tc := range []struct {
		zoom  float32 // 0: as opened, fitted
		texts int
	}{{0, 0}, {0.15, 0}, {0.2, 0}, {0.25, 0}, {0.33, 60}, {0.5, 250}, {1, 60}} {
		if tc.zoom != 0 {
			bw.zoomAt(tc.zoom, bw.center())
		}
		n := countDrawn(bw)
		t.Logf("zoom %.2f: %d cards, %d objects drawn, %d of them texts", bw.Zoom(), n.cards, n.objects, n.texts)
		if n.objects > most || n.texts > tc.texts {
			t.Errorf("zoom %.2f: %d objects drawn, %d of them texts; want at most %d and %d",
				bw.Zoom(), n.objects, n.texts, most, tc.texts)
		}
	}
}
