package render

import (
	"image/color"

	"fyne.io/fyne/v2/theme"
)

// PresentScale is how much larger card text and badges are in
// presentation mode: a projected board is read from across the room.
const PresentScale = 1.5

// Present is the palette of presentation mode: the light variant unless
// dark, with text and outlines at full strength (a projector washes out
// the faint lines a laptop screen shows well), and larger card text.
func Present(dark bool) Palette {
	v := theme.VariantLight
	if dark {
		v = theme.VariantDark
	}
	th := WithVariant(theme.DefaultTheme(), v)
	p := NewPalette(th, v)
	fg := color.NRGBA{0, 0, 0, 0xff}
	p.Background = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	if dark {
		fg = color.NRGBA{0xff, 0xff, 0xff, 0xff}
		p.Background = color.NRGBA{0x10, 0x10, 0x12, 0xff}
	}
	p.Foreground = fg
	p.Muted = WithAlpha(fg, 0xc0)
	p.Line = WithAlpha(fg, 0xc0)
	p.Frame = fg
	p.Header = WithAlpha(fg, 0x1c)
	p.Scale = PresentScale
	return p
}

// TextScale is the factor card text and badges are drawn at.
func (p *Palette) TextScale() float32 {
	if p == nil || p.Scale <= 0 {
		return 1
	}
	return p.Scale
}
