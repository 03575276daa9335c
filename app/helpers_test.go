package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/canvas"
)

func at(x, y float64) canvas.Point { return canvas.Point{X: x, Y: y} }

func lightTheme() fyne.Theme { return uitest.Light() }

// bigDocument is uitest.BigProject as a document.
func bigDocument(tb testing.TB, n int) (*Document, *canvas.Board) {
	p, bd := uitest.BigProject(tb, n)
	return NewDocument(p, ""), bd
}

// firstEntryIn is the first text field in the window's topmost dialog,
// the file name field of the app's file dialogs included.
func firstEntryIn(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	return uitest.FirstEntry(t, w, func(o fyne.CanvasObject) *widget.Entry {
		if n, ok := o.(*nameField); ok {
			return &n.Entry
		}
		return nil
	})
}

func ptrF(v float64) *float64 { return &v }
