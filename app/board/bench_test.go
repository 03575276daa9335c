package board

import (
	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// bigDocument is uitest.BigProject as a document.
func bigDocument(tb testing.TB, n int) (*document.Document, *canvas.Board) {
	p, bd := uitest.BigProject(tb, n)
	return newDocument(p), bd
}

func openBig(b testing.TB) (*Widget, *canvas.Board) {
	test.NewTempApp(b)
	doc, bd := bigDocument(b, 2000)
	bw := New(doc, bd.ID, nil)
	// As a tab shows it: the minimap follows every drag and zoom too.
	w := test.NewTempWindow(b, WithMinimap(bw, NewMinimap(bw)))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 720))
	return bw, bd
}

// BenchmarkBoardDrag2000 is one drag event of one card on a 2,000-card
// board: an edit through the document, then only that card and its links
// move.
func BenchmarkBoardDrag2000(b *testing.B) {
	for _, zoom := range []float32{1, 0} {
		name := "100%"
		if zoom == 0 {
			name = "fit"
		}
		b.Run(name, func(b *testing.B) {
			bw, bd := openBig(b)
			if zoom != 0 {
				bw.Zoom100()
			}
			card := bd.Cards[1025] // in the middle of the board
			bw.Select(card.ID)
			start := bw.view.ToScreen(card.Center())
			bw.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.NewDelta(0, 0)})
			d := float32(1)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if i%2 == 1 {
					d = -d
				}
				bw.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.NewDelta(d, d)})
			}
			b.StopTimer()
			bw.DragEnd()
		})
	}
}

// BenchmarkBoardZoom2000 is one zoom step on a 2,000-card board: at 100 %
// most cards are out of view; zoomed out all of them are in view, their
// text too small to draw.
func BenchmarkBoardZoom2000(b *testing.B) {
	for _, tc := range []struct {
		name   string
		levels [2]float32
	}{{"100%", [2]float32{1, 1.25}}, {"all-in-view", [2]float32{0.1, 0.15}}, {"text-shown", [2]float32{0.25, 0.33}}} {
		b.Run(tc.name, func(b *testing.B) {
			bw, _ := openBig(b)
			at := fyne.NewPos(640, 360)
			bw.zoomAt(tc.levels[0], at)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				bw.zoomAt(tc.levels[(i+1)%2], at)
			}
		})
	}
}

// BenchmarkBoardOpen2000 builds the widget for a 2,000-card board and lays
// it out for the first time, fitted to the window.
func BenchmarkBoardOpen2000(b *testing.B) {
	test.NewTempApp(b)
	doc, bd := bigDocument(b, 2000)
	w := test.NewTempWindow(b, nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 720))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		bw := New(doc, bd.ID, nil)
		w.SetContent(WithMinimap(bw, NewMinimap(bw)))
	}
}

// A drag event on a 2,000-card board allocates no more than it did when
// this test was written (3 times, as BenchmarkBoardDrag2000 measured), so
// that no change can quietly rebuild the board, or part of it, per event.
func TestBoardDragAllocations(t *testing.T) {
	const most = 3
	for _, zoom := range []float32{1, 0} {
		bw, bd := openBig(t)
		if zoom != 0 {
			bw.Zoom100()
		}
		card := bd.Cards[1025]
		bw.Select(card.ID)
		start := bw.view.ToScreen(card.Center())
		bw.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.NewDelta(0, 0)})
		d := float32(1)
		allocs := testing.AllocsPerRun(200, func() {
			d = -d
			bw.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start}, Dragged: fyne.NewDelta(d, d)})
		})
		bw.DragEnd()
		t.Logf("zoom %v: %v allocations a drag event", zoom, allocs)
		if allocs > most {
			t.Errorf("zoom %v: a drag event allocates %v times, want at most %d", zoom, allocs, most)
		}
	}
}
