package app

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
	cardPad         = 12   // inner margin of a sticky note
	cardTextSize    = 20   // largest text on a note
	cardMinTextSize = 11   // the smallest a note's text shrinks to
	cardLineSpacing = 1.15 // line height as a multiple of the text size
	badgeTextSize   = 14

	zoneLabelSize    = 30
	zoneQuestionSize = 18
	frameLabelSize   = 34
	titleSize        = 40
	jobCaptionSize   = 20 // "Core job", over the job map's title
	stepNameSize     = 30
	stepDescSize     = 18

	// minTextPixels is the on-screen size below which text is not drawn:
	// it would be an unreadable smear that costs a texture upload.
	minTextPixels = 5

	// minDetailPixels is the on-screen width below which a note is drawn
	// without its shadow and edges.
	minDetailPixels = 24

	gridStep = 10 // cards snap to this grid when dropped
)

// zoomLevels are the fixed steps of the zoom. Text textures are cached by
// size, so stepping through a few fixed sizes keeps zooming cheap.
var zoomLevels = []float32{0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4}

const (
	minZoom = 0.1
	maxZoom = 4
)

// nextZoom returns the zoom level after z in direction dir (+1 in, -1 out).
func nextZoom(z float32, dir int) float32 {
	const eps = 0.001
	if dir > 0 {
		for _, l := range zoomLevels {
			if l > z+eps {
				return l
			}
		}
		return maxZoom
	}
	for i := len(zoomLevels) - 1; i >= 0; i-- {
		if zoomLevels[i] < z-eps {
			return zoomLevels[i]
		}
	}
	return minZoom
}

// cardTextColor is the text colour on every sticky note: notes stay pastel
// in both themes, so their text stays dark.
var cardTextColor = color.NRGBA{0x1d, 0x1d, 0x1f, 0xff}

// cardMutedColor is for badges and secondary marks on a note.
var cardMutedColor = color.NRGBA{0x1d, 0x1d, 0x1f, 0xb0}

// badgeHotColor marks an underserved outcome's opportunity score.
var badgeHotColor = color.NRGBA{0xc6, 0x28, 0x28, 0xff}

// extraCardColors are offered in the colour menu besides the kinds' own.
var extraCardColors = []struct{ Name, Hex string }{
	{"Pink", "#F8BBD9"},
	{"Orange", "#FFCC80"},
	{"Sand", "#E8D8B8"},
	{"White", "#FFFFFF"},
}

// parseHex turns #RRGGBB into a colour; a malformed value gives the note
// colour so that a bad file never draws an invisible card.
func parseHex(s string) color.NRGBA {
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
		}
	}
	if s != canvas.KindNote.DefaultColor() {
		return parseHex(canvas.KindNote.DefaultColor())
	}
	return color.NRGBA{0xe6, 0xe6, 0xe6, 0xff}
}

// darken scales a colour's channels by f (0 … 1).
func darken(c color.NRGBA, f float32) color.NRGBA {
	return color.NRGBA{uint8(float32(c.R) * f), uint8(float32(c.G) * f), uint8(float32(c.B) * f), c.A}
}

// withAlpha returns c with its alpha replaced.
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// boardColors are the theme colours a board is drawn with, looked up once
// per refresh so that a theme change is picked up on the next one.
type boardColors struct {
	background, foreground, muted, line, frame, header, primary, selection color.Color
	link                                                                   color.Color
}

func themeColors(th fyne.Theme) boardColors {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	return boardColors{
		background: th.Color(theme.ColorNameBackground, v),
		foreground: fg,
		muted:      th.Color(theme.ColorNamePlaceHolder, v),
		line:       withAlpha(fg, 0x70),
		frame:      withAlpha(fg, 0xb0),
		header:     withAlpha(fg, 0x12),
		primary:    th.Color(theme.ColorNamePrimary, v),
		selection:  withAlpha(th.Color(theme.ColorNamePrimary, v), 0x30),
		link:       withAlpha(th.Color(theme.ColorNamePrimary, v), 0xc0),
	}
}
