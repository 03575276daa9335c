package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/jobcanvas/jobcanvas/app/render"
)

// Preferences of how the window looks; they hold for every project.
const (
	prefTheme         = "theme"          // themeSystem, themeLight or themeDark
	prefMinimapHidden = "minimap.hidden" // the user turned the minimap off
)

// The theme choices. A projector in a bright room wants the light look
// even when the laptop runs dark, so the app lets the room decide.
const (
	themeSystem = ""
	themeLight  = "light"
	themeDark   = "dark"
)

var themeChoices = []struct{ id, label string }{
	{themeSystem, "System"},
	{themeLight, "Light"},
	{themeDark, "Dark"},
}

// applyTheme sets the app's theme for a choice. Each has the scripts
// fonts (withScripts), which text is measured with as well as drawn.
func applyTheme(a fyne.App, choice string) {
	switch choice {
	case themeLight:
		a.Settings().SetTheme(render.WithVariant(theme.DefaultTheme(), theme.VariantLight))
	case themeDark:
		a.Settings().SetTheme(render.WithVariant(theme.DefaultTheme(), theme.VariantDark))
	default:
		a.Settings().SetTheme(render.WithScripts(theme.DefaultTheme()))
	}
}

// ThemeChoice is the theme the user chose ("" follows the system).
func (w *Window) ThemeChoice() string { return w.App.Preferences().String(prefTheme) }

// SetThemeChoice changes the theme and remembers it.
func (w *Window) SetThemeChoice(choice string) {
	w.App.Preferences().SetString(prefTheme, choice)
	applyTheme(w.App, choice)
	w.refreshMenu()
}

func (w *Window) minimapOn() bool { return !w.App.Preferences().Bool(prefMinimapHidden) }

// SetMinimap turns the minimap of every board on or off and remembers it.
func (w *Window) SetMinimap(on bool) {
	w.App.Preferences().SetBool(prefMinimapHidden, !on)
	for _, t := range w.tabsByBoard {
		t.minimap.SetEnabled(on)
	}
	w.refreshMenu()
}
