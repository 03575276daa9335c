package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// presenter is presentation mode: the window full screen with nothing
// but one board (or the opportunity landscape) and the timer, for a
// projector. It keeps what it changed, to put back exactly on leaving.
type presenter struct {
	page     int // index of the board shown; len(boards) is the landscape
	stage    *fyne.Container
	palette  render.Palette
	land     *Landscape // made when first shown
	unlisten func()     // stops following the document

	// What leaving restores.
	size       fyne.Size
	fullScreen bool
	padded     bool
	content    fyne.CanvasObject
	menu       *fyne.MainMenu // its shortcuts stay on while it is away
	views      map[*board.Widget]board.ViewState
}

// Presenting reports whether the window is in presentation mode.
func (w *Window) Presenting() bool { return w.present != nil }

// Present enters presentation mode (F5, View ▸ Present).
func (w *Window) Present() {
	if w.present != nil || w.doc == nil || len(w.boards) == 0 {
		return
	}
	c := w.Window.Canvas()
	p := &presenter{
		palette:    render.Present(w.ThemeChoice() == themeDark),
		size:       c.Size(),
		fullScreen: w.Window.FullScreen(),
		padded:     w.Window.Padded(),
		content:    w.Window.Content(),
		menu:       w.Window.MainMenu(),
		views:      map[*board.Widget]board.ViewState{},
		page:       max(w.tabs.SelectedIndex(), 0),
	}
	p.stage = container.NewStack(layout.NewSpacer(), w.timer.overlay)
	w.present = p
	// After the window's own listener, which has the tabs follow.
	p.unlisten = w.doc.OnChange(func(Change) { w.presentFollow() })
	w.Window.SetMainMenu(nil)
	w.menuShortcuts(p.menu, true)
	w.Window.SetPadded(false) // the board to the screen's edges
	w.Window.SetContent(p.stage)
	w.Window.SetFullScreen(true)
	w.timer.SetLarge(true)
	w.showPage(p.page)
}

// Unpresent leaves presentation mode: the window, its menus, toolbar,
// tabs and panels come back as they were, and every board shown takes back
// its zoom and pan. The board shown last stays selected.
func (w *Window) Unpresent() {
	p := w.present
	if p == nil {
		return
	}
	w.present = nil
	p.unlisten()
	for bw, v := range p.views {
		bw.SetPresentation(nil)
		bw.SetView(v)
	}
	if p.land != nil {
		p.land.Close()
	}
	w.timer.SetLarge(false)
	w.menuShortcuts(p.menu, false)
	w.Window.SetFullScreen(p.fullScreen)
	w.Window.SetPadded(p.padded)
	w.Window.SetContent(p.content)
	w.Window.Resize(p.size)
	w.refreshMenu()
	// SetContent laid the board out at the full-screen size; the restored
	// size lays it out again with the zoom and pan it had.
	for bw, v := range p.views {
		bw.SetView(v)
	}
	w.focusBoard()
}

// presentFollow keeps the page shown when boards come and go: a deleted
// board gives way to the next, and the landscape to the last board once no
// outcome is scored.
func (w *Window) presentFollow() {
	p := w.present
	if p == nil {
		return
	}
	if len(w.boards) == 0 {
		w.Unpresent()
		return
	}
	i := min(p.page, w.pages()-1)
	var want fyne.CanvasObject = p.land
	if i < len(w.boards) {
		want = w.boards[i]
	}
	if i != p.page || want == nil || p.stage.Objects[0] != want {
		w.showPage(i)
	}
}

// pages is how many pages presentation mode steps through: the boards,
// then the opportunity landscape when any outcome is scored.
func (w *Window) pages() int {
	n := len(w.boards)
	if len(canvas.Dots(w.doc.Project)) > 0 {
		n++
	}
	return n
}

// PresentStep shows the next (+1) or previous (-1) page, stopping at the
// ends.
func (w *Window) PresentStep(d int) {
	p := w.present
	if p == nil {
		return
	}
	i := min(max(p.page+d, 0), w.pages()-1)
	if i != p.page {
		w.showPage(i)
	}
}

// PresentPage is the page shown: a board's index, or len of the boards
// for the landscape; -1 outside presentation mode.
func (w *Window) PresentPage() int {
	if w.present == nil {
		return -1
	}
	return w.present.page
}

func (w *Window) showPage(i int) {
	p := w.present
	p.page = i
	if i >= len(w.boards) {
		if p.land == nil {
			p.land = NewLandscape(w.doc)
		}
		p.stage.Objects[0] = p.land
		p.stage.Refresh()
		w.Window.Canvas().Unfocus()
		return
	}
	bw := w.boards[i]
	if _, seen := p.views[bw]; !seen {
		p.views[bw] = bw.View()
	}
	w.tabs.SelectIndex(i)
	bw.SetPresentation(&p.palette)
	p.stage.Objects[0] = bw
	p.stage.Refresh()
	bw.ZoomFit() // and again whenever the screen's size changes
	w.Window.Canvas().Focus(bw)
}

// showingLandscape reports whether presentation mode shows the landscape.
func (w *Window) showingLandscape() bool {
	return w.present != nil && w.present.page >= len(w.boards)
}

// hookBoard gives the window the keys of presentation mode and the timer
// before the board acts on them.
func (w *Window) hookBoard(bw *board.Widget) {
	bw.OnRune = func(r rune) bool {
		if r == 't' || r == 'T' {
			w.timer.Toggle()
			return true
		}
		// The landscape takes no typing: N would add a card to a board
		// out of sight.
		return w.showingLandscape()
	}
	bw.OnKey = func(e *fyne.KeyEvent) bool { return w.presentKey(bw, e) }
}

// presentKey handles F5 and, while presenting, Escape and the paging keys.
// The arrows page only while no card is selected: they nudge cards.
func (w *Window) presentKey(bw *board.Widget, e *fyne.KeyEvent) bool {
	if e.Name == fyne.KeyF5 {
		w.Present()
		return true
	}
	if w.present == nil {
		return false
	}
	free := w.showingLandscape() || len(bw.Selection()) == 0
	switch e.Name {
	case fyne.KeyEscape:
		w.Unpresent()
	case fyne.KeyPageDown:
		w.PresentStep(1)
	case fyne.KeyPageUp:
		w.PresentStep(-1)
	case fyne.KeyRight:
		if !free {
			return false
		}
		w.PresentStep(1)
	case fyne.KeyLeft:
		if !free {
			return false
		}
		w.PresentStep(-1)
	default:
		return w.showingLandscape()
	}
	return true
}

// timerTop is where the board starts under the timer overlay: below the
// tab bar, or at the top while presenting.
func (w *Window) timerTop() float32 {
	if w.present != nil {
		return 0
	}
	if i := w.tabs.SelectedIndex(); i >= 0 && i < len(w.tabs.Items) {
		return w.tabs.Items[i].Content.Position().Y
	}
	return 0
}

// menuShortcuts registers the shortcuts of menu's items on the canvas
// (on), or removes them: the driver finds them in the main menu, and
// presentation mode takes it away, yet Ctrl+S must still save.
func (w *Window) menuShortcuts(menu *fyne.MainMenu, on bool) {
	if menu == nil {
		return
	}
	c := w.Window.Canvas()
	for _, m := range menu.Items {
		for _, it := range m.Items {
			// New and Open would replace the project being presented.
			if it.Shortcut == nil || it.Action == nil || it.Label == "New…" || it.Label == "Open…" {
				continue
			}
			if on {
				act := it.Action
				c.AddShortcut(it.Shortcut, func(fyne.Shortcut) { act() })
			} else {
				c.RemoveShortcut(it.Shortcut)
			}
		}
	}
}
