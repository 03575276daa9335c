package render

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sizes on the board, in board units (one unit is one pixel at 100 %).
// They are chosen to read from the back of a room on a projector.
const (
	CardPad         = 12   // inner margin of a sticky note
	CardTextSize    = 20   // largest text on a note
	CardMinTextSize = 11   // the smallest a note's text shrinks to
	CardLineSpacing = 1.15 // line height as a multiple of the text size
	BadgeTextSize   = 14

	ZoneLabelSize    = 30
	ZoneQuestionSize = 18
	FrameLabelSize   = 34
	TitleSize        = 40
	JobCaptionSize   = 20 // "Core job", over the job map's title
	StepNameSize     = 30
	StepDescSize     = 18
	AxisLabelSize    = 26
	AreaLabelSize    = 24

	// MinTextPixels is the on-screen size below which text is not drawn:
	// it would be an unreadable smear that costs a texture upload.
	MinTextPixels = 5

	// MinDetailPixels is the on-screen width below which a note is drawn
	// without its shadow and edges.
	MinDetailPixels = 24

	// On screen, notes leave out detail sooner: the GL driver of a
	// machine without a GPU (Mesa's llvmpipe) keeps memory for the draw
	// calls of the biggest frame it drew, and every text is a texture
	// (issue 13). A note's shadow and edges show from ScreenDetailPixels
	// wide, and its text from the zoom where full-size text is
	// ScreenCardTextPixels high; below that it is unreadable anyway. An
	// export keeps the thresholds above, which its reference images hold.
	ScreenDetailPixels   = 36
	ScreenCardTextPixels = 7

	// HandleSize is the side of a selected note's resize handle, in
	// pixels whatever the zoom, so that it can always be grabbed.
	HandleSize = 12
)

// CardTextColor is the text colour on every sticky note: notes stay pastel
// in both themes, so their text stays dark.
var CardTextColor = color.NRGBA{0x1d, 0x1d, 0x1f, 0xff}

// CardMutedColor is for badges and secondary marks on a note.
var CardMutedColor = color.NRGBA{0x1d, 0x1d, 0x1f, 0xb0}

// BadgeHotColor marks an underserved outcome's opportunity score.
var BadgeHotColor = color.NRGBA{0xc6, 0x28, 0x28, 0xff}

// shadowColor is the shade a note casts on the board.
var shadowColor = color.NRGBA{0, 0, 0, 0x38}

// ParseHex turns #RRGGBB into a colour; a malformed value gives the note
// colour so that a bad file never draws an invisible card.
func ParseHex(s string) color.NRGBA {
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
		}
	}
	if s != canvas.KindNote.DefaultColor() {
		return ParseHex(canvas.KindNote.DefaultColor())
	}
	return color.NRGBA{0xe6, 0xe6, 0xe6, 0xff}
}

// darken scales a colour's channels by f (0 … 1).
func darken(c color.NRGBA, f float32) color.NRGBA {
	return color.NRGBA{uint8(float32(c.R) * f), uint8(float32(c.G) * f), uint8(float32(c.B) * f), c.A}
}

// WithAlpha returns c with its alpha replaced.
func WithAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// Opaque mixes fg over bg at alpha a: lines drawn where zones meet would
// otherwise show darker where they overlap.
func Opaque(bg, fg color.Color, a float32) color.NRGBA {
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float32(x)*(1-a) + float32(y)*a) }
	return color.NRGBA{mix(b.R, f.R), mix(b.G, f.G), mix(b.B, f.B), 0xff}
}

// Palette holds the colours a board is drawn with. The view takes them
// explicitly, not from the theme of the widget tree it sits in, so that an
// export draws in its own look without a theme override (whose fonts Fyne
// caches for good, once per override).
type Palette struct {
	Background, Foreground, Muted, Line, Frame, Header, Primary, Selection color.Color
	Link                                                                   color.Color
	Scale                                                                  float32 // card text and badges; 0 is 1 (present.go)
}

// ThemePalette is a board's colours in th, in the app's variant.
func ThemePalette(th fyne.Theme) Palette {
	return NewPalette(th, fyne.CurrentApp().Settings().ThemeVariant())
}

// NewPalette takes a board's colours from a theme in variant v.
func NewPalette(th fyne.Theme, v fyne.ThemeVariant) Palette {
	fg := th.Color(theme.ColorNameForeground, v)
	return Palette{
		Background: th.Color(theme.ColorNameBackground, v),
		Foreground: fg,
		Muted:      th.Color(theme.ColorNamePlaceHolder, v),
		Line:       WithAlpha(fg, 0x70),
		Frame:      WithAlpha(fg, 0xb0),
		Header:     WithAlpha(fg, 0x12),
		Primary:    th.Color(theme.ColorNamePrimary, v),
		Selection:  WithAlpha(th.Color(theme.ColorNamePrimary, v), 0x30),
		Link:       WithAlpha(th.Color(theme.ColorNamePrimary, v), 0xc0),
	}
}
