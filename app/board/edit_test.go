package board

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// longPain is long enough to wrap several times in a note's editor.
const longPain = "Bike stolen or vandalised while at work, costing hundreds and leaving me stranded without a way home in the evening rain"

// typeRunes types s one rune at a time, as the keyboard does.
func typeRunes(e fyne.Focusable, s string) {
	for _, r := range s {
		e.TypedRune(r)
	}
}

// At some widths the editor wraps just where a space is typed at the end
// of the text: Fyne's wrap leaves that space out of both rows, and the
// next letter went in before it.
func TestNoteEntryKeepsSpaceTypedAtWrap(t *testing.T) {
	test.NewTempApp(t)
	e := newNoteEntry(true)
	w := test.NewTempWindow(t, e)
	w.SetPadded(false)
	w.Canvas().Focus(e)
	for width := float32(120); width <= 420; width++ {
		e.SetText("")
		w.Resize(fyne.NewSize(width, 200))
		typeRunes(e, longPain)
		if e.Text != longPain {
			t.Fatalf("%v px wide: typed\n%q\nstored\n%q", width, longPain, e.Text)
		}
		if got := e.CursorTextOffset(); got != len([]rune(longPain)) {
			t.Fatalf("%v px wide: caret at %d, want the end", width, got)
		}
	}
}

// Where the wrap strands the caret, Backspace takes back the space, a new
// line and a paste go after it.
func TestNoteEntryStrandedCaretKeys(t *testing.T) {
	test.NewTempApp(t)
	e := newNoteEntry(true)
	w := test.NewTempWindow(t, e)
	w.SetPadded(false)
	w.Canvas().Focus(e)
	const prefix = "Bike stolen or vandalised while at work, costing hundreds and leaving me stranded without a way home"
	width := float32(0)
	for px := float32(120); px <= 420 && width == 0; px++ {
		e.SetText("")
		w.Resize(fyne.NewSize(px, 200))
		typeRunes(e, prefix+" ")
		if e.stranded.at != 0 {
			width = px
		}
	}
	if width == 0 {
		t.Fatal("no width strands the caret after \"home \": the test no longer covers the wrap")
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != prefix {
		t.Errorf("Backspace after the stranded space: %q", e.Text)
	}

	e.SetText("")
	typeRunes(e, prefix+" ")
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	typeRunes(e, "x")
	if want := prefix + " \nx"; e.Text != want {
		t.Errorf("Shift+Enter after the stranded space: %q, want %q", e.Text, want)
	}

	e.SetText("")
	typeRunes(e, prefix+" ")
	clip := textClip("in the rain")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &clip})
	if want := prefix + " in the rain"; e.Text != want {
		t.Errorf("paste after the stranded space: %q, want %q", e.Text, want)
	}
	// The space went out and back in with the paste: two steps to undo.
	e.TypedShortcut(&fyne.ShortcutUndo{})
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if want := prefix + " "; e.Text != want {
		t.Errorf("undo of the paste: %q, want %q", e.Text, want)
	}
}

// N, the long text and Enter, as in the issue, at zooms that put the
// editor's wrap at every place of the text.
func TestBoardTypedCardTextIsStoredExactly(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	for z := float32(1); z <= 2; z += 0.02 {
		b.zoomAt(z, b.view.ToScreen(at(1700, 900)))
		n := len(s.vpc.Cards)
		b.focus(b)
		test.MoveMouse(b.canvasOf(), b.view.ToScreen(at(1700, 900)))
		b.TypedRune('n')
		if !b.Editing() {
			t.Fatal("N did not open the editor")
		}
		typeRunes(b.edit.entry, longPain)
		b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if len(s.vpc.Cards) != n+1 {
			t.Fatal("Enter did not add the card")
		}
		if got := s.vpc.Cards[n].Text; got != longPain {
			t.Fatalf("zoom %.2f: card text\n%q\nwant\n%q", z, got, longPain)
		}
	}
}

// Editing a card's long text puts the caret at its end, not at the end of
// the editor's first row.
func TestBoardEditLongTextTypesAtTheEnd(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	id := s.byText["Quiet-street routes, avoiding lorries and the ring road at rush hour"]
	b.zoomAt(1, cardCenter(b, id))
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
	w.Canvas().Capture()
	typeRunes(b.edit.entry, " today")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := s.vpc.Card(id).Text, "Quiet-street routes, avoiding lorries and the ring road at rush hour today"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}

// editorView is what the in-place editor shows of its text: the scroll
// offset of its content, the content's height and the height in view.
func editorView(t *testing.T, e *noteEntry) (offset float32, content, view float32) {
	t.Helper()
	for _, o := range test.WidgetRenderer(e).Objects() {
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			continue
		}
		off, c := v.Elem().FieldByName("Offset"), v.Elem().FieldByName("Content")
		if !off.IsValid() || !c.IsValid() {
			continue
		}
		inner, ok := c.Interface().(fyne.CanvasObject)
		if !ok || inner == nil {
			continue
		}
		return off.Interface().(fyne.Position).Y, inner.MinSize().Height, o.Size().Height
	}
	t.Fatal("the editor has no scroller")
	return 0, 0, 0
}

// The editor shows a long text whole, at the size the note draws it, not
// at the largest size with its first lines scrolled out of view.
func TestBoardEditorShowsWholeText(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	p := at(1700, 1000)
	for _, z := range []float32{1, 1.5, 2} {
		b.zoomAt(z, b.view.ToScreen(p))
		test.MoveMouse(w.Canvas(), b.view.ToScreen(p))
		b.NewCard()
		typeRunes(b.edit.entry, longPain)
		w.Canvas().Capture()
		off, content, view := editorView(t, b.edit.entry)
		if off != 0 || content > view {
			t.Errorf("zoom %v: the editor scrolls: offset %v, text %v px high in %v px", z, off, content, view)
		}
		typed := b.edit.theme.textSize
		b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		c := s.vpc.Cards[len(s.vpc.Cards)-1]
		w.Canvas().Capture()
		if note := b.r.view.Card(c.ID).TextSize() * z; math.Abs(float64(typed-note)) > 0.01 {
			t.Errorf("zoom %v: the editor's text is %v px, the note's %v px", z, typed, note)
		}
	}

	// Text too long for the note even at its smallest size: the editor
	// grows to show all of it.
	id := s.byText["Quiet-street routes, avoiding lorries and the ring road at rush hour"]
	b.zoomAt(1, cardCenter(b, id))
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
	typeRunes(b.edit.entry, strings.Repeat(" and more", 30))
	w.Canvas().Capture()
	off, content, view := editorView(t, b.edit.entry)
	if off != 0 || content > view {
		t.Errorf("a text longer than the note: offset %v, text %v px high in %v px", off, content, view)
	}
	if h := b.edit.overlay.Size().Height; h <= float32(s.vpc.Card(id).H) {
		t.Errorf("the editor is %v px high, no taller than the note", h)
	}
}

// Zooming while a note is being typed rewraps its text: the caret stays
// at the same place in the text, not at the same row and column of the
// new wrap (typing then landed elsewhere in the text).
func TestZoomWhileEditingKeepsTheCaretInTheText(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	id := s.byText["Quiet-street routes, avoiding lorries and the ring road at rush hour"]
	for _, zoom := range []func(){b.ZoomIn, b.ZoomOut, b.ZoomOut} {
		b.zoomAt(1, cardCenter(b, id))
		b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, id)})
		w.Canvas().Capture()
		e := b.edit.entry
		const back = 30 // into an early row: "…lorries| and the ring road…"
		for range back {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		}
		before := e.CursorTextOffset()
		if before != len([]rune(e.Text))-back {
			t.Fatalf("caret at %d after %d Left from the end of %d runes", before, back, len([]rune(e.Text)))
		}
		zoom()
		w.Canvas().Capture()
		if got := e.CursorTextOffset(); got != before {
			t.Errorf("zoom %.2f: caret moved from %d to %d in the text", b.Zoom(), before, got)
		}
		typeRunes(e, "X")
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		text := []rune("Quiet-street routes, avoiding lorries and the ring road at rush hour")
		want := string(text[:before]) + "X" + string(text[before:])
		if got := s.vpc.Card(id).Text; got != want {
			t.Errorf("zoom %.2f: text %q, want %q", b.Zoom(), got, want)
		}
		b.doc.Undo()
	}
}
