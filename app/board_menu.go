package app

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// cardMenu is the context menu of the selected cards.
func (b *BoardWidget) cardMenu(ids []uuid.UUID) *fyne.Menu {
	bd := b.board()
	var items []*fyne.MenuItem
	if len(ids) == 1 {
		id := ids[0]
		items = append(items, fyne.NewMenuItem("Edit text", func() { b.editCard(id) }))
	}

	colours := []*fyne.MenuItem{fyne.NewMenuItem("Kind's colour", func() { b.setColor(ids, "") })}
	for _, k := range canvas.Kinds {
		hex := k.DefaultColor()
		colours = append(colours, fyne.NewMenuItem(k.Label(), func() { b.setColor(ids, hex) }))
	}
	for _, c := range extraCardColors {
		hex := c.Hex
		colours = append(colours, fyne.NewMenuItem(c.Name, func() { b.setColor(ids, hex) }))
	}
	colour := fyne.NewMenuItem("Colour", nil)
	colour.ChildMenu = fyne.NewMenu("", colours...)

	var kinds []*fyne.MenuItem
	for _, k := range menuKinds(bd, ids) {
		it := fyne.NewMenuItem(k.Label(), func() { b.setKind(ids, k) })
		it.Checked = bd != nil && allKind(bd, ids, k)
		kinds = append(kinds, it)
	}
	kind := fyne.NewMenuItem("Kind", nil)
	kind.ChildMenu = fyne.NewMenu("", kinds...)

	items = append(items, colour, kind, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Duplicate", b.Duplicate),
		fyne.NewMenuItem("Bring to front", b.BringToFront),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(canvas.Plural(len(ids), "Delete card", "Delete cards"), b.DeleteSelection))
	return fyne.NewMenu("", items...)
}

// menuKinds are the kinds the Kind menu offers: those the board's template
// has a place for, and any the cards already are (a card pasted from
// another board keeps its kind until changed).
func menuKinds(bd *canvas.Board, ids []uuid.UUID) []canvas.Kind {
	if bd == nil {
		return canvas.Kinds
	}
	offered := bd.TemplateOf().Kinds()
	for _, id := range ids {
		if c := bd.Card(id); c != nil && !slices.Contains(offered, c.Kind) {
			offered = append(offered, c.Kind)
		}
	}
	return offered
}

func allKind(bd *canvas.Board, ids []uuid.UUID, k canvas.Kind) bool {
	for _, id := range ids {
		if c := bd.Card(id); c == nil || c.Kind != k {
			return false
		}
	}
	return len(ids) > 0
}

// changeCards changes each card with fn, as one undo step.
func (b *BoardWidget) changeCards(ids []uuid.UUID, label string, fn func(*canvas.Card)) {
	var edits []canvas.Edit
	for _, id := range ids {
		e, err := canvas.ChangeCard(b.doc.Project, b.boardID, id, label, fn)
		if err != nil {
			b.report(err)
			return
		}
		edits = append(edits, e)
	}
	switch len(edits) {
	case 0:
	case 1:
		b.do(edits[0])
	default:
		b.do(&canvas.Batch{Label: label, Edits: edits})
	}
}

// setColor paints the cards; "" gives them back their kind's colour.
func (b *BoardWidget) setColor(ids []uuid.UUID, hex string) {
	b.changeCards(ids, "Set colour", func(c *canvas.Card) { c.Color = hex })
}

// setKind changes what the cards stand for, without moving them.
func (b *BoardWidget) setKind(ids []uuid.UUID, k canvas.Kind) {
	b.changeCards(ids, "Set kind", func(c *canvas.Card) { c.Kind = k })
}

// stepMenu is the context menu of a job map step's header.
func (b *BoardWidget) stepMenu(step string) *fyne.Menu {
	bd := b.board()
	at := -1
	n := 0
	if bd != nil {
		at, n = bd.StepIndex(step), len(bd.Steps)
	}
	left := fyne.NewMenuItem("Move left", func() { b.moveStep(step, at-1) })
	left.Disabled = at <= 0
	right := fyne.NewMenuItem("Move right", func() { b.moveStep(step, at+1) })
	right.Disabled = at < 0 || at >= n-1
	del := fyne.NewMenuItem("Delete step", func() { b.deleteStep(step) })
	del.Disabled = n <= 1
	return fyne.NewMenu("",
		fyne.NewMenuItem("Rename step", func() { b.renameStep(step) }),
		fyne.NewMenuItem("Edit description…", func() { b.editStepDescription(step) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add step before", func() { b.addStep(at) }),
		fyne.NewMenuItem("Add step after", func() { b.addStep(at + 1) }),
		fyne.NewMenuItemSeparator(), left, right,
		fyne.NewMenuItemSeparator(), del)
}

// addStep inserts a new step at index at and opens its name for editing.
func (b *BoardWidget) addStep(at int) {
	bd := b.board()
	if bd == nil || at < 0 {
		return
	}
	s := canvas.Step{ID: bd.NewStepID(), Name: fmt.Sprintf("Step %d", len(bd.Steps)+1)}
	if b.do(&canvas.AddStep{Board: b.boardID, Index: at, Step: s}) {
		b.renameStep(s.ID)
		// The name is a placeholder: typing replaces it.
		if t, ok := b.edit.current(); ok && t.step == s.ID {
			b.edit.shortcut(&fyne.ShortcutSelectAll{})
		}
	}
}

// deleteStep removes a step's column; when cards are in it, it asks first
// (undo brings back both either way).
func (b *BoardWidget) deleteStep(step string) {
	bd := b.board()
	if bd == nil || bd.StepIndex(step) < 0 {
		return
	}
	del := func() { b.do(&canvas.RemoveStep{Board: b.boardID, Step: step}) }
	n := len(bd.CardsInStep(step))
	win := b.window()
	if n == 0 || win == nil {
		del()
		return
	}
	name := bd.Steps[bd.StepIndex(step)].Name
	cards := fmt.Sprintf("its %d cards", n)
	if n == 1 {
		cards = "its card"
	}
	d := dialog.NewConfirm("Delete step",
		fmt.Sprintf("Delete step “%s” and %s?\n%s", name, cards, canvas.Plural(n, "Undo brings it back.", "Undo brings them back.")),
		func(yes bool) {
			if yes {
				del()
			}
			b.focus(b)
		}, win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// editStepDescription asks for a step's description, the line under its
// name that says what the step is for.
func (b *BoardWidget) editStepDescription(step string) {
	bd := b.board()
	win := b.window()
	if bd == nil || bd.StepIndex(step) < 0 || win == nil {
		return
	}
	s := bd.Steps[bd.StepIndex(step)]
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(4)
	entry.SetText(s.Description)
	entry.SetPlaceHolder("What the person does in this step, in a few words")
	entry.Validator = func(text string) error {
		if n := utf8.RuneCountInString(strings.TrimSpace(text)); n > canvas.MaxStepDescLen {
			return fmt.Errorf("%d characters; at most %d", n, canvas.MaxStepDescLen)
		}
		return nil
	}
	d := dialog.NewForm(fmt.Sprintf("Description of “%s”", s.Name), "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Description", entry),
	}, func(ok bool) {
		defer b.focus(b)
		text := strings.TrimSpace(entry.Text)
		if !ok || text == s.Description {
			return
		}
		cur := b.board()
		if cur == nil || cur.StepIndex(step) < 0 {
			return
		}
		ns := cur.Steps[cur.StepIndex(step)]
		ns.Description = text
		b.do(&canvas.UpdateStep{Board: b.boardID, Step: ns, Label: "Edit step description"})
	}, win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	win.Canvas().Focus(entry)
}

// window is the window showing the board, for its dialogs.
func (b *BoardWidget) window() fyne.Window {
	c := b.canvasOf()
	if c == nil {
		return nil
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

func (b *BoardWidget) moveStep(step string, to int) {
	b.do(&canvas.MoveStep{Board: b.boardID, Step: step, To: to})
}

// boardMenu is the context menu of the board's empty space at p.
func (b *BoardWidget) boardMenu(p canvas.Point) *fyne.Menu {
	paste := fyne.NewMenuItem("Paste", b.Paste)
	paste.Disabled = b.clip.Empty() && systemText() == ""
	return fyne.NewMenu("",
		fyne.NewMenuItem("New card here", func() { b.startNewCard(p) }),
		paste,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Select all", b.SelectAll),
		fyne.NewMenuItem("Zoom to fit", b.ZoomFit),
		fyne.NewMenuItem("Zoom 100 %", b.Zoom100),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Rename board…", b.renameBoard))
}

// renameBoard asks for the board's title: the tab's name, and what the
// board shows over its template (a job map's core job statement).
func (b *BoardWidget) renameBoard() {
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

func systemText() string {
	if cb := systemClipboard(); cb != nil {
		return cb.Content()
	}
	return ""
}
