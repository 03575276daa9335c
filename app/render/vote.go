package render

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
)

// While a dot vote runs, the cards whose kind may not get votes are
// dimmed: a veil of the board's background over the note, below its
// selection outline, so the room sees at a glance where its dots may go
// and the card can still be read and picked.

// veilAlpha is how much of the background the veil lays over a card.
const veilAlpha = 0xB0

// SetVoteVeils sets whether the cards a running vote may not give dots
// are veiled: the board in the room veils them, an export (a record of
// the board, the workshop report's pictures) does not. Sync applies it.
func (v *BoardView) SetVoteVeils(on bool) { v.veils = on }

// Dimmed reports whether the view shows the card dimmed for a vote.
func (w *CardView) Dimmed() bool { return w.dimmed }

// veilColor is the board's background, translucent.
func veilColor(p *Palette) color.Color {
	bg := color.NRGBAModel.Convert(color.White).(color.NRGBA)
	if p != nil && p.Background != nil {
		bg = color.NRGBAModel.Convert(p.Background).(color.NRGBA)
	}
	bg.A = veilAlpha
	return bg
}

// layoutVeil shows the veil over a dimmed note of size, made the first
// time a note is dimmed, so that notes never dimmed carry no object.
func (r *cardRenderer) layoutVeil(size fyne.Size) {
	if !r.w.dimmed {
		if r.veil != nil {
			r.veil.Hidden = true
		}
		return
	}
	if r.veil == nil {
		r.veil = fcanvas.NewRectangle(nil)
		r.objects = nil
	}
	r.veil.FillColor = veilColor(r.w.colors)
	r.veil.Hidden = false
	r.veil.Move(fyne.NewPos(0, 0))
	r.veil.Resize(size)
}
