package board

import (
	"image/color"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// Every theme override scope Fyne makes keeps its own parsed fonts for as
// long as the program runs (about 10 MB with the bundled fonts), so the
// editor must not make one per edit nor per zoom: a workshop of hundreds
// of edits kept gigabytes.
func TestBoardEditsDoNotGrowTheHeap(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	id := s.byText["Rain"]
	edit := func(i int) {
		b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
		if !b.Editing() {
			t.Fatal("double tap did not open the editor")
		}
		typeRunes(b.edit.entry, " again")
		w.Canvas().Capture() // the editor's text is drawn, at one size…
		if i%2 == 0 {
			b.ZoomIn()
		} else {
			b.ZoomOut()
		}
		w.Canvas().Capture() // …and at another
		b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if b.Editing() {
			t.Fatal("Enter did not close the editor")
		}
	}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	edit(0) // the first edit may fill caches that stay
	before := heap()
	const n = 20
	for i := 1; i <= n; i++ {
		edit(i)
	}
	grown := int64(heap()) - int64(before)
	t.Logf("heap grew %.1f MB over %d edits", float64(grown)/(1<<20), n)
	if grown > 4<<20 {
		t.Errorf("%d card edits grew the heap by %.1f MB, want at most 4 MB", n, float64(grown)/(1<<20))
	}
}

// The one editor, reused, is dressed anew for every edit: the fill of the
// note it edits and the text size of the zoom.
func TestBoardEditorTakesEachNotesColourAndSize(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	for i, c := range []struct {
		text string
		zoom float32
	}{{"Rain", 1}, {"Predictable arrival time", 2}, {"Rain", 1.5}} {
		id := s.byText[c.text]
		b.zoomAt(c.zoom, cardCenter(b, id))
		b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
		fill := parseHex(s.vpc.Card(id).DisplayColor())
		check := func(zoom float32) {
			t.Helper()
			w.Canvas().Capture()
			var filled bool
			var sizes []float32
			for _, o := range test.LaidOutObjects(b.edit.entry) {
				switch o := o.(type) {
				case *fcanvas.Rectangle:
					filled = filled || colorsEqual(o.FillColor, fill)
				case *fcanvas.Text:
					if o.Text != "" && strings.Contains(c.text, strings.TrimSpace(o.Text)) {
						sizes = append(sizes, o.TextSize)
					}
				}
			}
			if !filled {
				t.Errorf("edit %d (%q): the editor is not filled with the note's colour %v", i, c.text, fill)
			}
			want := b.edit.theme.textSize
			if len(sizes) == 0 {
				t.Fatalf("edit %d (%q): the editor shows no text", i, c.text)
			}
			for _, sz := range sizes {
				if sz != want {
					t.Errorf("edit %d (%q) at zoom %v: text drawn at %v px, want %v", i, c.text, zoom, sz, want)
				}
			}
		}
		check(c.zoom)
		b.zoomAt(c.zoom*1.4, cardCenter(b, id)) // while editing
		check(c.zoom * 1.4)
		b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}

func colorsEqual(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// Between edits the one editor waits among the board's objects, out of
// view, empty and disabled (so Tab skips it), and the next edit reuses it:
// hidden, Fyne would drop its renderer, and making it again makes a new
// theme scope.
func TestBoardEditorWaitsOutOfViewBetweenEdits(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	id := s.byText["Rain"]
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
	first := b.edit.object()
	typeRunes(b.edit.entry, " today")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.vpc.Card(id).Text != "Rain today" {
		t.Fatalf("text %q", s.vpc.Card(id).Text)
	}
	w.Canvas().Capture()
	if !first.Visible() || !slices.Contains(b.r.Objects(), first) {
		t.Error("the editor left the board's objects, or was hidden, between edits")
	}
	if e := b.edit.entry; !e.Disabled() || e.Text != "" || e.PlaceHolder != "" {
		t.Errorf("between edits the entry is enabled %v, says %q / %q", !e.Disabled(), e.Text, e.PlaceHolder)
	}
	if p := first.Position(); p.X+first.Size().Width > 0 || p.Y+first.Size().Height > 0 {
		t.Errorf("between edits the editor is at %v, in view", p)
	}
	if w.Canvas().Focused() != fyne.Focusable(b) {
		t.Errorf("focus on %v, want the board", w.Canvas().Focused())
	}
	w.Canvas().FocusNext()
	if w.Canvas().Focused() == fyne.Focusable(b.edit.entry) {
		t.Error("Tab gave the focus to the waiting editor")
	}
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
	if b.edit.object() != first || b.edit.entry.Disabled() || b.edit.entry.Text != "Rain today" {
		t.Errorf("the next edit: same editor %v, disabled %v, text %q", b.edit.object() == first, b.edit.entry.Disabled(), b.edit.entry.Text)
	}
}
