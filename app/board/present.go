package board

import (
	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/app/render"
)

// ViewState is a board's zoom and pan, kept to be restored exactly.
type ViewState struct {
	zoom    float32
	pan     fyne.Position
	autoFit bool
}

// AutoFit reports whether the view fits the board whatever its size.
func (s ViewState) AutoFit() bool { return s.autoFit }

// View is the board's zoom and pan now.
func (b *Widget) View() ViewState {
	return ViewState{b.view.zoom, b.view.pan, b.view.autoFit}
}

// SetView brings back a zoom and pan View gave.
func (b *Widget) SetView(s ViewState) {
	b.view.zoom, b.view.pan, b.view.autoFit = s.zoom, s.pan, s.autoFit
	b.relayout()
}

// SetPresentation draws the board in p (presentation mode's look) or,
// with nil, in the theme's colours again.
func (b *Widget) SetPresentation(p *render.Palette) {
	b.present = p
	b.Refresh()
}

// Presenting reports whether the board has presentation mode's look.
func (b *Widget) Presenting() bool { return b.present != nil }

// palette is the colours the board is drawn in.
func (b *Widget) palette() render.Palette {
	if b.present != nil {
		return *b.present
	}
	return render.ThemePalette(b.Theme())
}
