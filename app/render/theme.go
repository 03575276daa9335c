package render

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/assets"
)

// variantTheme draws its base theme in one variant, whatever the system
// asks for: a light board on a projector while the laptop runs dark, or an
// export in the look chosen for it.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// withVariant returns base drawn always in variant v, with the fonts of
// withScripts.
func WithVariant(base fyne.Theme, v fyne.ThemeVariant) fyne.Theme {
	if t, ok := base.(*variantTheme); ok {
		base = t.Theme
	}
	return &variantTheme{Theme: WithScripts(base), variant: v}
}

// Color implements fyne.Theme.
func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// ScriptsFont has the Thai, Devanagari and Korean glyphs Fyne's Noto Sans
// lacks, and nothing Noto Sans has but the spaces: see assets/fonts.
var ScriptsFont = fyne.NewStaticResource("JobcanvasScripts-Regular.otf", assets.ScriptsFont)

// scriptsTheme draws text that Fyne's fonts cannot in the bundled
// ScriptsFont, instead of as boxes: system fonts, which Fyne falls back to
// next, may not have these scripts (a fresh Windows or Debian, a CI box
// exporting PNGs), and the export should look the same everywhere.
//
// A theme gives one font per style, and Fyne tries that font first, then
// its own font for the style, then the system's. So scriptsTheme gives
// ScriptsFont and leaves the rest to Fyne's fallback: Latin, Greek and
// Cyrillic come from Noto Sans exactly as before (ScriptsFont has the same
// vertical metrics and space width, so lines measure and wrap the same).
type scriptsTheme struct {
	fyne.Theme
}

// withScripts returns base with the scripts fonts.
func WithScripts(base fyne.Theme) fyne.Theme {
	switch base.(type) {
	case *scriptsTheme, *variantTheme:
		return base
	}
	return &scriptsTheme{Theme: base}
}

// Font implements fyne.Theme.
func (t *scriptsTheme) Font(style fyne.TextStyle) fyne.Resource {
	f := t.Theme.Font(style)
	switch {
	case style.Symbol:
		return f // icons, not text
	case style.Monospace:
		// Fyne sets tab stops by the width of the first font's space:
		// ScriptsFont's would make them those of a proportional font.
		return f
	case f != builtinFont(style):
		// A font chosen by the user (FYNE_FONT) or the base theme would
		// come after ScriptsFont and Fyne's fallback for the style: keep
		// it first, and leave the other scripts to the system's fonts.
		return f
	}
	return ScriptsFont
}

// builtinFont is the font Fyne falls back to, after the theme's, for a
// style other than symbol and monospace.
func builtinFont(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Bold && style.Italic:
		return theme.DefaultTextBoldItalicFont()
	case style.Bold:
		return theme.DefaultTextBoldFont()
	case style.Italic:
		return theme.DefaultTextItalicFont()
	}
	return theme.DefaultTextFont()
}
