package app

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// variantTheme draws its base theme in one variant, whatever the system
// asks for: a light board on a projector while the laptop runs dark, or an
// export in the look chosen for it.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// withVariant returns base drawn always in variant v.
func withVariant(base fyne.Theme, v fyne.ThemeVariant) fyne.Theme {
	if t, ok := base.(*variantTheme); ok {
		base = t.Theme
	}
	return &variantTheme{Theme: base, variant: v}
}

// Color implements fyne.Theme.
func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
