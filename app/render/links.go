package render

import (
	"image/color"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// LinkHandleSize is the diameter of a selected note's link handle, in
// pixels whatever the zoom, like HandleSize.
const LinkHandleSize = 14

// LinkMode is which links a board shows.
type LinkMode int

// The link modes. In LinksAll every link shows, fully while one of its
// cards is selected and faintly otherwise (the board's fading); in
// LinksSelected only those of the selected cards show.
const (
	LinksAll LinkMode = iota
	LinksSelected
	LinksNone
)

// linkable holds the kinds that take a fit link, from canvas.CanLink.
var linkable = func() map[canvas.Kind]bool {
	m := map[canvas.Kind]bool{}
	for _, a := range canvas.Kinds {
		for _, b := range canvas.Kinds {
			ca, cb := canvas.Card{ID: uuid.New(), Kind: a}, canvas.Card{ID: uuid.New(), Kind: b}
			if canvas.CanLink(&ca, &cb) == nil {
				m[a], m[b] = true, true
			}
		}
	}
	return m
}()

// LinkableKind reports whether cards of kind k can be linked to any card:
// only they show a link handle.
func LinkableKind(k canvas.Kind) bool { return linkable[k] }

// linkWidth is the width in pixels of a link of strength s at zoom z:
// three widths far enough apart to tell from the back of a room, never
// thinner than a pixel and a half.
func linkWidth(s canvas.Strength, z float32) float32 {
	f := min(max(z, 0.85), 1.5)
	switch s {
	case canvas.StrengthWeak:
		return max(1.5*f, 1.5)
	case canvas.StrengthPartial:
		return 3.2 * f
	}
	return 6.5 * f
}

// linkColor is the colour of a link of strength s drawn in c: a weak link
// lighter as well as thinner, a faint one (none of its cards selected)
// much lighter.
func linkColor(c color.Color, s canvas.Strength, faint bool) color.Color {
	a := uint8(0xd8)
	if s == canvas.StrengthWeak {
		a = 0xa0
	}
	if faint {
		a /= 2
	}
	return WithAlpha(c, a)
}
