package board

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// RenameBoard asks for the board's title: the tab's name, and what the
// board shows over its template (a job map's core job statement).
func (b *Widget) RenameBoard() {
	bd := b.board()
	win := b.window()
	if bd == nil || win == nil {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(bd.Title)
	label := "Title"
	if bd.TemplateOf().Columns != nil {
		label = "Core job"
		entry.SetPlaceHolder("Verb + object + context, e.g. Commute to work by bike")
	}
	var d *dialog.FormDialog
	d = dialog.NewForm("Rename board", "Rename", "Cancel", []*widget.FormItem{
		widget.NewFormItem(label, entry),
	}, func(ok bool) {
		defer b.focus(b)
		if ok && entry.Text != bd.Title {
			b.do(&canvas.RenameBoard{Board: b.boardID, Title: entry.Text})
		}
	}, win)
	entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	win.Canvas().Focus(entry)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}
