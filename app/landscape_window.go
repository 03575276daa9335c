package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/storage"
)

// landscapeWindow is View ▸ Opportunity landscape: the landscape of a main
// window's project in a window of its own, to keep beside the board (on a
// second screen in a workshop).
type landscapeWindow struct {
	win  fyne.Window
	view *Landscape
}

// landscapes holds the landscape window of each main window, one each.
// Fyne's goroutine only.
var landscapes = map[*Window]*landscapeWindow{}

// ShowLandscape opens the opportunity landscape of the project in its own
// window, or brings it forward when it is open. A click on a dot shows
// that outcome's card on its board in this window.
func (w *Window) ShowLandscape() {
	if w.doc == nil {
		return
	}
	if lw := landscapes[w]; lw != nil {
		lw.view.follow()
		lw.win.RequestFocus()
		return
	}
	lw := &landscapeWindow{win: w.App.NewWindow("Opportunity landscape — Jobcanvas")}
	lw.view = NewLandscape(w.doc)
	lw.view.Follow(func() *Document { return w.doc })
	lw.view.OnSelect = func(board, card uuid.UUID) {
		if lw.view.Document() != w.doc || !w.ShowCard(board, card) {
			dialog.ShowError(errors.New("that outcome is no longer on its board"), lw.win)
		}
	}
	export := widget.NewButtonWithIcon("Export PNG…", theme.DocumentSaveIcon(), func() { w.showLandscapeExport(lw) })
	hint := widget.NewLabel("Point at a dot to read it; click it to show the card on its board.")
	hint.Importance = widget.LowImportance
	lw.win.SetContent(container.NewBorder(container.NewHBox(export, hint), nil, nil, nil, lw.view))
	lw.win.Canvas().AddShortcut(ctrl(fyne.KeyW), func(fyne.Shortcut) { lw.win.Close() })
	lw.win.Canvas().AddShortcut(ctrl(fyne.KeyE), func(fyne.Shortcut) { w.showLandscapeExport(lw) })
	lw.win.SetOnClosed(func() {
		lw.view.Close()
		delete(landscapes, w)
	})
	lw.win.Resize(fyne.NewSize(700, 780))
	landscapes[w] = lw
	lw.win.Show()
}

// landscapeFollows tells the window's landscape, if open, that the window
// shows another document, or closes it with the window (closed).
func (w *Window) landscapeFollows(closed bool) {
	lw := landscapes[w]
	switch {
	case lw == nil:
	case closed:
		lw.win.Close()
	default:
		lw.view.follow()
	}
}

// ShowCard switches to the tab of the board with that id and selects the
// card there, panning it into view; it reports false when there is no such
// board or card.
func (w *Window) ShowCard(board, card uuid.UUID) bool {
	for i, b := range w.boards {
		if b.BoardID() != board {
			continue
		}
		if w.tabs.SelectedIndex() != i {
			w.tabs.SelectIndex(i)
		}
		return b.Reveal(card)
	}
	return false
}

// landscapeExport is the landscape's Export PNG…: a file name, a folder,
// the size and the look. Like File ▸ Export PNG… it writes nothing until
// a whole image is made, then writes it atomically, and remembers the
// choices (the same ones: a size, a look, a background, a folder).
type landscapeExport struct {
	w           *Window
	lw          *landscapeWindow
	name        *nameField
	folder      *widget.Label
	size        *widget.RadioGroup
	look        *widget.RadioGroup
	transparent *widget.Check
	info        *widget.Label
	export      *widget.Button
	d           dialog.Dialog

	// done, when set, is called when an export ends (tests wait on it).
	done func(path string, err error)
}

func (w *Window) showLandscapeExport(lw *landscapeWindow) {
	e := w.newLandscapeExport(lw)
	e.d.Show()
	focusName(lw.win, e.name)
}

func (w *Window) newLandscapeExport(lw *landscapeWindow) *landscapeExport {
	e := &landscapeExport{w: w, lw: lw}
	prefs := w.App.Preferences()
	radio := func(options ...string) *widget.RadioGroup {
		r := widget.NewRadioGroup(options, func(string) { e.update() })
		r.Horizontal, r.Required = true, true
		r.SetSelected(options[0])
		return r
	}
	e.size = radio(exportScales...)
	if n, err := strconv.Atoi(prefs.StringWithFallback(prefExportSize, "2")); err == nil && n >= 1 && n <= len(exportScales) {
		e.size.SetSelected(exportScales[n-1])
	} else {
		e.size.SetSelected(exportScales[1])
	}
	e.look = radio(lookLight, lookDark)
	if prefs.Bool(prefExportDark) {
		e.look.SetSelected(lookDark)
	}
	e.transparent = widget.NewCheck("Transparent background", func(bool) { e.update() })
	e.transparent.SetChecked(prefs.Bool(prefExportTransparent))
	e.name = newNameField(LandscapeFileName(lw.view.Document().Project.Name))
	e.name.OnChanged = func(string) { e.update() }
	e.name.OnSubmitted = func(string) { e.confirm() }
	e.name.onEscape = func() { e.d.Hide() }
	// The folder dialog opens over the landscape's window, not the main
	// one: folderPicker takes its parent from a Window. The folder it
	// starts in is the board export's: the project's, else the last one.
	host := &Window{App: w.App, Window: lw.win, doc: w.doc}
	var folderRow fyne.CanvasObject
	e.folder, folderRow = host.folderPicker((&exportDialog{w: w}).defaultFolder(), e.name, e.update)
	e.info = widget.NewLabel("")
	e.info.Wrapping = fyne.TextWrapWord
	e.export = widget.NewButton("Export", e.confirm)
	e.export.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { e.d.Hide() })
	form := widget.NewForm(
		widget.NewFormItem("Size", e.size),
		widget.NewFormItem("Look", e.look),
		widget.NewFormItem("Background", e.transparent),
		widget.NewFormItem("File name", e.name),
		widget.NewFormItem("Folder", folderRow),
		widget.NewFormItem("", e.info),
	)
	e.d = dialog.NewCustomWithoutButtons("Export the landscape as PNG",
		container.NewVBox(form, container.NewHBox(layout.NewSpacer(), cancel, e.export)), lw.win)
	e.d.Resize(fyne.NewSize(600, 0))
	e.update()
	return e
}

func (e *landscapeExport) options() ExportOptions {
	opt := ExportOptions{Dark: e.look.Selected == lookDark, Transparent: e.transparent.Checked, Scale: 2}
	for i, s := range exportScales {
		if e.size.Selected == s {
			opt.Scale = float32(i + 1)
		}
	}
	return opt
}

// path is the image's file: the name typed (a path names its folder too)
// with .png.
func (e *landscapeExport) path() string {
	dir, name := typedPath(e.folder.Text, e.name.Text)
	return filepath.Join(dir, withPNG(name))
}

// check describes the image the choices make, and whether it can be made.
func (e *landscapeExport) check() (string, bool) {
	if _, name := typedPath(e.folder.Text, e.name.Text); strings.TrimSpace(strings.TrimSuffix(name, ".png")) == "" {
		return "Give the image a file name.", false
	}
	if dir := filepath.Dir(e.path()); !isDir(dir) {
		return fmt.Sprintf("The folder %s does not exist: choose another.", dir), false
	}
	px, err := LandscapeExportSize(e.options())
	if err != nil {
		return err.Error(), false
	}
	return fmt.Sprintf("The image will be %d × %d px.", px.X, px.Y), true
}

func (e *landscapeExport) update() {
	if e.export == nil {
		return // still being built
	}
	msg, ok := e.check()
	e.info.SetText(msg)
	if ok {
		e.export.Enable()
	} else {
		e.export.Disable()
	}
}

// confirm exports, after asking before replacing a file.
func (e *landscapeExport) confirm() {
	if _, ok := e.check(); !ok {
		return
	}
	prefs := e.w.App.Preferences()
	prefs.SetString(prefExportSize, strconv.Itoa(int(e.options().Scale)))
	prefs.SetBool(prefExportDark, e.look.Selected == lookDark)
	prefs.SetBool(prefExportTransparent, e.transparent.Checked)
	prefs.SetString(prefExportFolder, filepath.Dir(e.path()))
	path := e.path()
	if _, err := os.Stat(path); err != nil {
		e.d.Hide()
		e.run(path)
		return
	}
	dialog.ShowConfirm("Replace?", filepath.Base(path)+" already exists. Replace it?", func(yes bool) {
		if yes {
			e.d.Hide()
			e.run(path)
		}
	}, e.lw.win)
}

// run draws the image on Fyne's goroutine (its caches and text shaper are
// not safe from two), then encodes and writes it in the background,
// atomically: a failure leaves the file that was there.
func (e *landscapeExport) run(path string) {
	opt := e.options()
	opt.Theme = e.w.App.Settings().Theme()
	p := e.lw.view.Document().Project
	finish := func(err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("export failed: %w", err), e.lw.win)
		} else {
			dialog.ShowInformation("Export done", fmt.Sprintf("Saved in %s:\n%s", filepath.Dir(path), filepath.Base(path)), e.lw.win)
		}
		if e.done != nil {
			e.done(path, err)
		}
	}
	png, err := PrepareLandscapePNG(p, opt)
	if err != nil {
		finish(err)
		return
	}
	go func() {
		data, err := png.Encode()
		if err == nil {
			// The name is made up (or only prefilled): a link there is
			// not followed.
			batch := storage.NewBatch()
			if err = batch.Add(path, data, false); err == nil {
				err = batch.Commit()
			}
		} else {
			err = fmt.Errorf("%s: not saved: %w", path, err)
		}
		fyne.Do(func() { finish(err) })
	}()
}
