package app

import (
	"github.com/jobcanvas/jobcanvas/app/board"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbar holds the actions a facilitator reaches for with the mouse in
// front of a room; each names itself, with its key, in a tooltip.
func (w *Window) toolbar(tips *tooltips) fyne.CanvasObject {
	onBoard := func(fn func(*board.Widget)) func() {
		return func() {
			if b := w.CurrentBoard(); b != nil {
				fn(b)
				w.focusBoard()
			}
		}
	}
	act := func(icon fyne.Resource, tip string, fn func()) widget.ToolbarItem {
		return tips.action(icon, tip, fn)
	}
	return widget.NewToolbar(
		act(newProjectIcon, "New project… (Ctrl+N)", w.ShowNew),
		act(theme.FolderOpenIcon(), "Open… (Ctrl+O)", w.ShowOpen),
		act(theme.DocumentSaveIcon(), "Save (Ctrl+S)", w.Save),
		widget.NewToolbarSeparator(),
		act(theme.ContentUndoIcon(), "Undo (Ctrl+Z)", onBoard((*board.Widget).Undo)),
		act(theme.ContentRedoIcon(), "Redo (Ctrl+Shift+Z)", onBoard((*board.Widget).Redo)),
		widget.NewToolbarSeparator(),
		act(theme.ContentAddIcon(), "New card (N)", onBoard((*board.Widget).NewCard)),
		act(theme.GridIcon(), "Add board…", w.ShowAddBoard),
		widget.NewToolbarSpacer(),
		act(theme.ZoomOutIcon(), "Zoom out (Ctrl+−)", onBoard((*board.Widget).ZoomOut)),
		act(theme.ZoomFitIcon(), "Fit board (Ctrl+0)", onBoard((*board.Widget).ZoomFit)),
		act(theme.ZoomInIcon(), "Zoom in (Ctrl+=)", onBoard((*board.Widget).ZoomIn)),
	)
}

// newProjectIcon is a page with a plus (Material's "note add", the icon
// set Fyne's own come from): Fyne's document-create icon is a pencil,
// which reads as "edit".
var newProjectIcon = theme.NewThemedResource(fyne.NewStaticResource("document-new.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">`+
		`<path d="M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zm2 14h-3v3h-2v-3H8v-2h3v-3h2v3h3v2zm-3-7V3.5L18.5 9H13z"/>`+
		`</svg>`)))

// tooltipDelay is how long the pointer rests on a button before its
// tooltip shows; 0 shows it at once (tests).
var tooltipDelay = 600 * time.Millisecond

// tooltips shows the name of the toolbar button under the pointer (Fyne
// 2.8's toolbar actions have no tooltips). The tooltip lives in a layer
// over the window's content rather than in a pop-up: a pop-up would take
// the keyboard focus from the board and the pointer from the button.
type tooltips struct {
	layer *fyne.Container // fills the window, over its content
	box   *fcanvas.Rectangle
	text  *fcanvas.Text
	tip   *fyne.Container

	owner *toolButton // the button the tooltip is for, shown or pending
	timer *time.Timer
}

func newTooltips() *tooltips {
	t := &tooltips{box: fcanvas.NewRectangle(nil), text: fcanvas.NewText("", nil)}
	t.tip = container.NewWithoutLayout(t.box, t.text)
	t.tip.Hide()
	t.layer = container.NewWithoutLayout(t.tip)
	return t
}

// over lays the tooltips over content.
func (t *tooltips) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, t.layer)
}

func (t *tooltips) action(icon fyne.Resource, tip string, fn func()) widget.ToolbarItem {
	b := &toolButton{tip: tip, tips: t}
	b.Icon, b.OnTapped, b.Importance = icon, fn, widget.LowImportance
	b.ExtendBaseWidget(b)
	return toolAction{b}
}

// pointerIn starts the wait before b's tooltip shows.
func (t *tooltips) pointerIn(b *toolButton) {
	t.hide()
	t.owner = b
	if tooltipDelay <= 0 {
		t.show(b)
		return
	}
	t.timer = time.AfterFunc(tooltipDelay, func() {
		fyne.Do(func() {
			if t.owner == b {
				t.show(b)
			}
		})
	})
}

// show puts b's tooltip under it, inside the window.
func (t *tooltips) show(b *toolButton) {
	d := fyne.CurrentApp().Driver()
	size := theme.CaptionTextSize()
	pad := theme.Padding()
	t.text.Text, t.text.TextSize, t.text.Color = b.tip, size, theme.Color(theme.ColorNameForeground)
	t.box.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.box.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.box.StrokeWidth = 1
	t.box.CornerRadius = theme.InputRadiusSize()
	ts := t.text.MinSize()
	box := fyne.NewSize(ts.Width+4*pad, ts.Height+2*pad)
	at := d.AbsolutePositionForObject(b).Subtract(d.AbsolutePositionForObject(t.layer))
	x := at.X + (b.Size().Width-box.Width)/2
	x = max(pad, min(x, t.layer.Size().Width-box.Width-pad))
	t.box.Resize(box)
	t.text.Move(fyne.NewPos(2*pad, pad))
	t.text.Resize(ts)
	t.tip.Move(fyne.NewPos(x, at.Y+b.Size().Height+pad))
	t.tip.Resize(box)
	t.tip.Show()
	// The layer, not the tip: in a real window (not the test driver) a
	// refresh of the tip alone left it undrawn.
	t.layer.Refresh()
}

// hide takes the tooltip away, shown or pending.
func (t *tooltips) hide() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.owner = nil
	if t.tip.Visible() {
		t.tip.Hide()
	}
}

// Shown is the tooltip's text while one shows, else "".
func (t *tooltips) Shown() string {
	if !t.tip.Visible() {
		return ""
	}
	return t.text.Text
}

// toolAction is a toolbar item made of a toolButton.
type toolAction struct{ b *toolButton }

// ToolbarObject implements widget.ToolbarItem.
func (a toolAction) ToolbarObject() fyne.CanvasObject { return a.b }

// toolButton is a toolbar button with a tooltip.
type toolButton struct {
	widget.Button
	tip  string
	tips *tooltips
}

// MouseIn implements desktop.Hoverable.
func (b *toolButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.tips.pointerIn(b)
}

// MouseOut implements desktop.Hoverable.
func (b *toolButton) MouseOut() {
	b.Button.MouseOut()
	if b.tips.owner == b {
		b.tips.hide()
	}
}

// Tapped implements fyne.Tappable: the action's dialog or result is what
// matters now, not the button's name.
func (b *toolButton) Tapped(e *fyne.PointEvent) {
	b.tips.hide()
	b.Button.Tapped(e)
}
