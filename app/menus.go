package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/jobcanvas/jobcanvas/app/board"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// onBoard runs fn on the current board. Fyne gives menu shortcuts to the
// menu before the focused widget, so while a text is being typed the
// editing shortcuts go to the text field instead: Ctrl+C copies text there,
// not cards. While a dialog is up the board behind it takes none of them:
// Ctrl+A in Save As selects the file name, not every card.
func (w *Window) onBoard(sh fyne.Shortcut, fn func(*board.Widget)) func() {
	return func() {
		c := w.Window.Canvas()
		focused := c.Focused()
		if _, board := focused.(*board.Widget); !board && c.Overlays().Top() != nil {
			if s, ok := focused.(fyne.Shortcutable); ok && sh != nil {
				s.TypedShortcut(sh)
			}
			return
		}
		if sh != nil {
			if e, ok := focused.(fyne.Shortcutable); ok && w.textTakes(focused, sh) {
				e.TypedShortcut(sh)
				return
			}
		}
		if b := w.CurrentBoard(); b != nil {
			fn(b)
		}
	}
}

func (w *Window) mainMenu() *fyne.MainMenu {
	item := func(label string, sh fyne.Shortcut, action func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, action)
		m.Shortcut = sh
		return m
	}
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, path := range w.Recent() {
		recent.ChildMenu.Items = append(recent.ChildMenu.Items,
			fyne.NewMenuItem(path, func() { w.openRecent(path) }))
	}
	recent.Disabled = len(recent.ChildMenu.Items) == 0

	undo := item("Undo", &fyne.ShortcutUndo{}, w.onBoard(&fyne.ShortcutUndo{}, (*board.Widget).Undo))
	redo := item("Redo", ctrlShift(fyne.KeyZ), w.onBoard(&fyne.ShortcutRedo{}, (*board.Widget).Redo))
	if w.doc != nil {
		if n := w.doc.History.UndoName(); n != "" {
			undo.Label = "Undo " + n
		}
		if n := w.doc.History.RedoName(); n != "" {
			redo.Label = "Redo " + n
		}
	}
	minimap := item("Minimap", ctrl(fyne.KeyM), func() { w.SetMinimap(!w.minimapOn()) })
	minimap.Checked = w.minimapOn()
	inspector := item("Inspector", ctrl(fyne.KeyI), func() { w.SetInspector(!w.inspectorOn()) })
	inspector.Checked = w.inspectorOn()
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("")
	for _, c := range themeChoices {
		it := fyne.NewMenuItem(c.label, func() { w.SetThemeChoice(c.id) })
		it.Checked = w.ThemeChoice() == c.id
		themes.ChildMenu.Items = append(themes.ChildMenu.Items, it)
	}
	links := fyne.NewMenuItem("Links", nil)
	links.ChildMenu = fyne.NewMenu("")
	for _, c := range linkChoices {
		it := fyne.NewMenuItem(c.label, func() { w.SetLinkMode(c.mode) })
		it.Checked = w.linkMode() == c.mode
		links.ChildMenu.Items = append(links.ChildMenu.Items, it)
	}
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("New…", ctrl(fyne.KeyN), w.ShowNew),
			item("Open…", ctrl(fyne.KeyO), w.ShowOpen),
			recent,
			fyne.NewMenuItemSeparator(),
			item("Save", ctrl(fyne.KeyS), w.Save),
			item("Save As…", ctrlShift(fyne.KeyS), func() { w.ShowSaveAs(nil) }),
			item("Export PNG…", ctrl(fyne.KeyE), w.ShowExport),
			fyne.NewMenuItem("Export outcomes CSV…", w.ShowExportOutcomes),
			fyne.NewMenuItem("Import outcome scores…", w.ShowImportOutcomes),
			fyne.NewMenuItem("Export report…", w.ShowExportReport),
			fyne.NewMenuItemSeparator(),
			item("Close Window", ctrl(fyne.KeyW), w.Close),
		),
		fyne.NewMenu("Edit",
			undo, redo,
			fyne.NewMenuItemSeparator(),
			item("Cut", &fyne.ShortcutCut{}, w.onBoard(&fyne.ShortcutCut{Clipboard: w.App.Clipboard()}, (*board.Widget).Cut)),
			item("Copy", &fyne.ShortcutCopy{}, w.onBoard(&fyne.ShortcutCopy{Clipboard: w.App.Clipboard()}, (*board.Widget).Copy)),
			item("Paste", &fyne.ShortcutPaste{}, w.onBoard(&fyne.ShortcutPaste{Clipboard: w.App.Clipboard()}, (*board.Widget).Paste)),
			item("Duplicate", ctrl(fyne.KeyD), w.onBoard(nil, (*board.Widget).Duplicate)),
			item("Select All", &fyne.ShortcutSelectAll{}, w.onBoard(&fyne.ShortcutSelectAll{}, (*board.Widget).SelectAll)),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("New Card", w.onBoard(nil, (*board.Widget).NewCard)),
			fyne.NewMenuItem("Edit Card", w.onBoard(nil, (*board.Widget).EditSelection)),
			fyne.NewMenuItem("Delete", w.onBoard(nil, (*board.Widget).DeleteSelection)),
		),
		fyne.NewMenu("View",
			item("Zoom In", ctrl(fyne.KeyEqual), w.onBoard(nil, (*board.Widget).ZoomIn)),
			item("Zoom Out", ctrl(fyne.KeyMinus), w.onBoard(nil, (*board.Widget).ZoomOut)),
			item("Fit Board", ctrl(fyne.Key0), w.onBoard(nil, (*board.Widget).ZoomFit)),
			item("Actual Size", ctrl(fyne.Key1), w.onBoard(nil, (*board.Widget).Zoom100)),
			fyne.NewMenuItemSeparator(),
			minimap,
			inspector,
			themes,
			links,
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Opportunity Landscape", w.ShowLandscape),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Present (F5)", w.Present),
			w.timerMenu(),
		),
		fyne.NewMenu("Board",
			fyne.NewMenuItem("Add Board…", w.ShowAddBoard),
			fyne.NewMenuItem("Rename Board…", w.ShowRenameBoard),
			fyne.NewMenuItem("Delete Board", w.DeleteBoard),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Save as Template…", w.ShowSaveTemplate),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Start Vote…", w.ShowStartVote),
			fyne.NewMenuItem("End Vote", w.EndVote),
			fyne.NewMenuItem("Clear Votes…", func() { w.ShowClearVotes() }),
		),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("Open sample workshop", w.ShowSample),
			fyne.NewMenuItem("About Jobcanvas", w.ShowAbout),
		),
	)
}

// addShortcuts registers the second keys of actions that already have one
// in the menu (a menu item shows one shortcut).
func (w *Window) addShortcuts() {
	c := w.Window.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.onBoard(nil, (*board.Widget).Redo)() })
	c.AddShortcut(ctrl(fyne.KeyPlus), func(fyne.Shortcut) { w.onBoard(nil, (*board.Widget).ZoomIn)() })
	c.AddShortcut(ctrlShift(fyne.KeyEqual), func(fyne.Shortcut) { w.onBoard(nil, (*board.Widget).ZoomIn)() })
}

// ShowAddBoard asks for a template and a title and adds the board.
func (w *Window) ShowAddBoard() {
	if w.doc == nil {
		return
	}
	var names []string
	byName := map[string]*canvas.Template{}
	for _, t := range canvas.Templates() {
		names = append(names, templateLabel(t))
		byName[templateLabel(t)] = t
	}
	title := widget.NewEntry()
	title.SetPlaceHolder("Title (optional)")
	desc := widget.NewLabel("")
	desc.Wrapping = fyne.TextWrapWord
	choice := widget.NewRadioGroup(names, func(s string) {
		if t := byName[s]; t != nil {
			desc.SetText(t.Description)
		}
	})
	choice.Required = true
	choice.SetSelected(names[0])
	d := dialog.NewForm("Add board", "Add", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Template", choice),
		widget.NewFormItem("", desc),
		widget.NewFormItem("Title", title),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := w.AddBoard(byName[choice.Selected].ID, title.Text); err != nil {
			w.showError(err)
		}
	}, w.Window)
	d.Resize(fyne.NewSize(520, 380))
	d.Show()
}

// AddBoard adds a board made from a template and shows it.
func (w *Window) AddBoard(templateID, title string) error {
	b, err := canvas.NewBoard(templateID, title)
	if err != nil {
		return err
	}
	if err := w.doc.Do(&canvas.AddBoard{Board: b, Index: -1}); err != nil {
		return err
	}
	w.tabs.SelectIndex(len(w.boards) - 1)
	return nil
}

// ShowRenameBoard asks for a new title for the current board.
func (w *Window) ShowRenameBoard() {
	if b := w.CurrentBoard(); b != nil {
		b.RenameBoard()
	}
}

// DeleteBoard removes the current board (undo brings it back).
func (w *Window) DeleteBoard() {
	b := w.CurrentBoard()
	if b == nil {
		return
	}
	if err := w.doc.Do(&canvas.RemoveBoard{ID: b.BoardID()}); err != nil {
		w.showError(err)
	}
}
