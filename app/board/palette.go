package board

import (
	"github.com/jobcanvas/jobcanvas/app/render"
)

// gridStep is the grid cards snap to when dropped, in board units.
const gridStep = 10

// The board's interaction code sizes and colours notes as render draws
// them; these short names keep it reading as before the drawing moved
// there.
const (
	cardPad         = render.CardPad
	cardTextSize    = render.CardTextSize
	cardMinTextSize = render.CardMinTextSize
	stepNameSize    = render.StepNameSize
	handleSize      = render.HandleSize
)

var (
	cardTextColor  = render.CardTextColor
	cardMutedColor = render.CardMutedColor
	parseHex       = render.ParseHex
	fitText        = render.FitText
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

// extraCardColors are offered in the colour menu besides the kinds' own.
var extraCardColors = []struct{ Name, Hex string }{
	{"Pink", "#F8BBD9"},
	{"Orange", "#FFCC80"},
	{"Sand", "#E8D8B8"},
	{"White", "#FFFFFF"},
}
