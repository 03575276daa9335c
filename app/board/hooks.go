package board

import (
	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/app/render"
)

// Hooks let the window take keys the board has no use for (T for the
// timer, F5 and the paging keys of presentation mode) before the board
// acts on them. They are never asked while a text is typed in place: the
// keys are the text's then.
type Hooks struct {
	// OnRune is offered each rune typed on the board; true means the
	// window took it.
	OnRune func(rune) bool
	// OnKey is offered each key typed on the board; true means the window
	// took it.
	OnKey func(*fyne.KeyEvent) bool

	present *render.Palette // presentation mode's look (present.go), or nil
}

// hookRune offers r to OnRune.
func (b *Widget) hookRune(r rune) bool {
	return b.OnRune != nil && !b.Editing() && b.OnRune(r)
}

// hookKey offers e to OnKey.
func (b *Widget) hookKey(e *fyne.KeyEvent) bool {
	return b.OnKey != nil && !b.Editing() && b.OnKey(e)
}
