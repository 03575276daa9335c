// Package uitest holds what the tests of app and app/board share: themes
// as the app sets them, a big project for benchmarks, and finders for the
// widgets of a dialog. Only tests import it.
package uitest

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Light and Dark are the app's themes held in one variant, as View ▸ Theme
// sets them.
func Light() fyne.Theme { return render.WithVariant(theme.DefaultTheme(), theme.VariantLight) }
func Dark() fyne.Theme  { return render.WithVariant(theme.DefaultTheme(), theme.VariantDark) }

// BigProject is a free board of n cards in a grid, with a link from every
// fourth card to its neighbour.
func BigProject(tb testing.TB, n int) (*canvas.Project, *canvas.Board) {
	tb.Helper()
	p, err := canvas.NewProject("Benchmark", canvas.TemplateFree)
	if err != nil {
		tb.Fatal(err)
	}
	bd := p.Boards[0]
	e := &canvas.AddCards{Board: bd.ID}
	for i := range n {
		x, y := float64(i%50)*240+120, float64(i/50)*160+80
		c := canvas.NewCard(canvas.KindNote, canvas.Point{X: x, Y: y},
			fmt.Sprintf("Card %d: minimize the time it takes to get the job done", i))
		if i%7 == 0 {
			c.Votes = i % 5
		}
		e.Cards = append(e.Cards, c)
		if i%4 == 0 && i > 0 {
			e.Links = append(e.Links, canvas.Link{From: e.Cards[i-1].ID, To: c.ID})
		}
	}
	if err := e.Apply(p); err != nil {
		tb.Fatal(err)
	}
	return p, bd
}

// TopDialog lists what the window's topmost overlay shows.
func TopDialog(t testing.TB, w fyne.Window) []fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return test.LaidOutObjects(top)
}

// TapButton taps the button labelled label in the topmost dialog.
func TapButton(t testing.TB, w fyne.Window, label string) {
	t.Helper()
	for _, o := range TopDialog(t, w) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the dialog", label)
}

// Labels is the text of the labels in the topmost dialog, one a line.
func Labels(t testing.TB, w fyne.Window) string {
	t.Helper()
	var sb strings.Builder
	for _, o := range TopDialog(t, w) {
		switch o := o.(type) {
		case *widget.Label:
			sb.WriteString(o.Text + "\n")
		case *widget.RichText:
			sb.WriteString(o.String() + "\n")
		}
	}
	return sb.String()
}

// FirstEntry is the first text field in the topmost dialog; entry turns
// the app's own fields that embed one into it (nil: only *widget.Entry).
func FirstEntry(t testing.TB, w fyne.Window, entry func(fyne.CanvasObject) *widget.Entry) *widget.Entry {
	t.Helper()
	for _, o := range TopDialog(t, w) {
		if e, ok := o.(*widget.Entry); ok {
			return e
		}
		if entry != nil {
			if e := entry(o); e != nil {
				return e
			}
		}
	}
	t.Fatal("no text field in the dialog")
	return nil
}
