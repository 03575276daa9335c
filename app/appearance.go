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
	prefLinks         = "links.show"     // "" (all), "selected" or "none"
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

// linkChoices are the View ▸ Links choices and how they are remembered.
var linkChoices = []struct {
	id, label string
	mode      render.LinkMode
}{
	{"", "All", render.LinksAll},
	{"selected", "Selected Only", render.LinksSelected},
	{"none", "None", render.LinksNone},
}

// linkMode is which links the boards show, as last chosen.
func (w *Window) linkMode() render.LinkMode {
	id := w.App.Preferences().String(prefLinks)
	for _, c := range linkChoices {
		if c.id == id {
			return c.mode
		}
	}
	return render.LinksAll
}

// SetLinkMode shows all links, those of the selected cards or none, on
// every board, and remembers it.
func (w *Window) SetLinkMode(m render.LinkMode) {
	for _, c := range linkChoices {
		if c.mode == m {
			w.App.Preferences().SetString(prefLinks, c.id)
		}
	}
	for _, t := range w.tabsByBoard {
		t.board.SetLinkMode(m)
	}
	w.refreshMenu()
}
