package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/jobcanvas/jobcanvas/app/board"
)

// keysToBoard gives the board shown the keys typed while nothing in the
// window has the focus, and the focus with them. A click on anything that
// cannot take the focus (the menu bar, the toolbar, the tabs) leaves the
// window's focus empty, and the driver then hands the keys to the canvas:
// after choosing a menu item, N and the text typed went nowhere until the
// board was clicked. While a dialog or pop-up is open the keys are its own.
func (w *Window) keysToBoard() {
	c := w.Window.Canvas()
	board := func(focus bool) *board.Widget {
		if c.Overlays().Top() != nil {
			return nil
		}
		b := w.CurrentBoard()
		if b != nil && focus {
			c.Focus(b)
		}
		return b
	}
	c.SetOnTypedRune(func(r rune) {
		if b := board(true); b != nil {
			b.TypedRune(r)
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if b := board(true); b != nil {
			b.TypedKey(e)
		}
	})
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(e *fyne.KeyEvent) {
			if b := board(true); b != nil {
				b.KeyDown(e)
			}
		})
		// A release only ends what a press began: it takes no focus.
		dc.SetOnKeyUp(func(e *fyne.KeyEvent) {
			if b := board(false); b != nil {
				b.KeyUp(e)
			}
		})
	}
}
