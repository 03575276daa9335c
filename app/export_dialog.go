package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// Preferences that remember the last export's choices.
const (
	prefExportAll         = "export.all"
	prefExportSize        = "export.size" // "1", "2", "3" or "width"
	prefExportWidth       = "export.width"
	prefExportTransparent = "export.transparent"
	prefExportDark        = "export.dark"
	prefExportCrop        = "export.crop"
	prefExportFooter      = "export.footer"
	prefExportFolder      = "export.folder"
)

// The choices of the export dialog, as shown.
const (
	exportCurrent  = "Current board"
	exportAll      = "All boards"
	sizeWidth      = "Width"
	lookLight      = "Light"
	lookDark       = "Dark"
	areaTemplate   = "Whole template"
	areaCards      = "Cards only"
	defaultPxWidth = 1920
)

var exportScales = []string{"1×", "2×", "3×"}

// exportDialog is File ▸ Export PNG…: the choices, where the images go,
// and the export itself.
//
// It asks for a folder and a file name rather than showing Fyne's file-save
// dialog, for the reason given at ShowSaveAs: that dialog empties an
// existing file before handing it over, so a failed export would leave an
// empty image where the old one was. Here nothing is touched until a whole
// image is written, atomically.
type exportDialog struct {
	w       *Window
	project *canvas.Project // a copy taken when the dialog opened
	current uuid.UUID       // the board shown when it opened

	boards      *widget.RadioGroup
	size        *widget.RadioGroup
	width       *widget.Entry
	transparent *widget.Check
	look        *widget.RadioGroup
	area        *widget.RadioGroup
	footer      *widget.Check
	name        *nameField
	names       *widget.Label // the file names of an export of every board
	folder      *widget.Label
	info        *widget.Label // the image's size, or what is wrong
	export      *widget.Button
	form        *widget.Form
	files       *widget.FormItem

	d dialog.Dialog

	// done, when set, is called when an export ends (tests wait on it).
	done func(paths []string, err error)
}

// ShowExport shows the export dialog for the current board or every board.
func (w *Window) ShowExport() {
	w.commitEdit()
	if e := w.newExportDialog(); e != nil {
		e.d.Show()
		focusName(w.Window, e.name)
	}
}

func (w *Window) newExportDialog() *exportDialog {
	if w.doc == nil {
		return nil
	}
	if len(w.doc.Project.Boards) == 0 {
		w.showError(fmt.Errorf("the project has no boards to export"))
		return nil
	}
	e := &exportDialog{w: w, project: w.doc.Project.Clone()}
	if b := w.CurrentBoard(); b != nil {
		e.current = b.BoardID()
	} else {
		e.current = e.project.Boards[0].ID
	}
	prefs := w.App.Preferences()

	radio := func(options ...string) *widget.RadioGroup {
		r := widget.NewRadioGroup(options, func(string) { e.update() })
		r.Horizontal, r.Required = true, true
		r.SetSelected(options[0])
		return r
	}
	e.boards = radio(exportCurrent, exportAll)
	if prefs.Bool(prefExportAll) && len(e.project.Boards) > 1 {
		e.boards.SetSelected(exportAll)
	}
	e.size = radio(append(append([]string{}, exportScales...), sizeWidth)...)
	e.width = widget.NewEntry()
	e.width.SetText(strconv.Itoa(prefs.IntWithFallback(prefExportWidth, defaultPxWidth)))
	e.width.OnChanged = func(string) { e.update() }
	switch s := prefs.StringWithFallback(prefExportSize, "2"); s {
	case "1", "2", "3":
		n, _ := strconv.Atoi(s)
		e.size.SetSelected(exportScales[n-1])
	default:
		e.size.SetSelected(sizeWidth)
	}
	e.transparent = widget.NewCheck("Transparent background", func(bool) { e.update() })
	e.transparent.SetChecked(prefs.Bool(prefExportTransparent))
	e.look = radio(lookLight, lookDark)
	if prefs.Bool(prefExportDark) {
		e.look.SetSelected(lookDark)
	}
	e.area = radio(areaTemplate, areaCards)
	if prefs.Bool(prefExportCrop) {
		e.area.SetSelected(areaCards)
	}
	e.footer = widget.NewCheck("Project, board and date below the board", func(bool) { e.update() })
	e.footer.SetChecked(prefs.Bool(prefExportFooter))

	e.name = newNameField(ExportFileNames(e.project)[e.currentIndex()])
	e.name.OnChanged = func(string) { e.update() }
	e.name.OnSubmitted = func(string) { e.confirm() }
	e.name.onEscape = func() { e.d.Hide() }
	e.names = widget.NewLabel("")
	e.names.Wrapping = fyne.TextWrapWord
	var folderRow fyne.CanvasObject
	e.folder, folderRow = w.folderPicker(e.defaultFolder(), e.name, func() { e.update() })
	e.info = widget.NewLabel("")
	e.info.Wrapping = fyne.TextWrapWord

	e.export = widget.NewButton("Export", e.confirm)
	e.export.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { e.d.Hide() })

	e.files = widget.NewFormItem("File name", container.NewStack(e.name, e.names))
	e.form = widget.NewForm(
		widget.NewFormItem("Boards", e.boards),
		widget.NewFormItem("Size", container.NewBorder(nil, nil, e.size, nil, e.width)),
		widget.NewFormItem("Look", e.look),
		widget.NewFormItem("Background", e.transparent),
		widget.NewFormItem("Area", e.area),
		widget.NewFormItem("Footer", e.footer),
		e.files,
		widget.NewFormItem("Folder", folderRow),
		widget.NewFormItem("", e.info),
	)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, e.export)
	dlg := dialog.NewCustomWithoutButtons("Export PNG", container.NewVBox(e.form, buttons), w.Window)
	e.d = dlg
	e.update()
	dlg.Resize(fyne.NewSize(640, 0)) // as tall as it needs
	return e
}

func (e *exportDialog) currentIndex() int {
	for i, bd := range e.project.Boards {
		if bd.ID == e.current {
			return i
		}
	}
	return 0
}

// defaultFolder is the project's folder, else the last export's, else
// the Documents or home folder: the images of a project go beside it.
func (e *exportDialog) defaultFolder() string {
	if e.w.doc.Path != "" {
		return filepath.Dir(e.w.doc.Path)
	}
	if dir := e.w.App.Preferences().String(prefExportFolder); dir != "" && isDir(dir) {
		return dir
	}
	dir, _ := e.w.saveAsDefaults()
	return dir
}

// dir is the folder the images go to: the one shown, or the one a path
// typed as the file name names.
func (e *exportDialog) dir() string {
	if e.all() {
		return e.folder.Text
	}
	dir, _ := typedPath(e.folder.Text, e.name.Text)
	return dir
}

// all reports whether every board is to be exported.
func (e *exportDialog) all() bool { return e.boards.Selected == exportAll }

// options reads the choices; the error says what is wrong with them.
func (e *exportDialog) options() (ExportOptions, error) {
	opt := ExportOptions{
		Transparent: e.transparent.Checked,
		Dark:        e.look.Selected == lookDark,
		Crop:        e.area.Selected == areaCards,
		Footer:      e.footer.Checked,
	}
	for i, s := range exportScales {
		if e.size.Selected == s {
			opt.Scale = float32(i + 1)
		}
	}
	if e.size.Selected == sizeWidth {
		n, err := strconv.Atoi(strings.TrimSpace(e.width.Text))
		if err != nil || n < 1 {
			return opt, fmt.Errorf("the width must be a whole number of pixels, such as %d", defaultPxWidth)
		}
		opt.Width = n
	}
	return opt, nil
}

// selected lists the boards to export, with the files their images go to.
func (e *exportDialog) selected() (ids []uuid.UUID, paths []string) {
	dir := e.dir()
	if e.all() {
		names := ExportFileNames(e.project)
		for i, bd := range e.project.Boards {
			ids = append(ids, bd.ID)
			paths = append(paths, filepath.Join(dir, names[i]))
		}
		return ids, paths
	}
	_, name := typedPath(e.folder.Text, e.name.Text)
	return []uuid.UUID{e.current}, []string{filepath.Join(dir, withPNG(name))}
}

// nameList lists file names, the first few when there are many.
func nameList(names []string) string {
	const shown = 4
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown-1], ", "), len(names)-shown+1)
}

// withPNG adds the extension unless the name has it already.
func withPNG(name string) string {
	name = strings.TrimSpace(name)
	if strings.EqualFold(filepath.Ext(name), ".png") {
		return name
	}
	return name + ".png"
}

// update shows what the choices make, the size of the image or what is
// wrong, and allows Export only when the export can be made.
func (e *exportDialog) update() {
	if e.export == nil {
		return // still being built
	}
	if e.size.Selected == sizeWidth {
		e.width.Enable()
	} else {
		e.width.Disable()
	}
	if e.all() {
		e.files.Text = "File names"
		e.name.Hide()
		e.names.SetText(nameList(ExportFileNames(e.project)))
		e.names.Show()
	} else {
		e.files.Text = "File name"
		e.names.Hide()
		e.name.Show()
	}
	e.form.Refresh()
	msg, ok := e.check()
	e.info.SetText(msg)
	if ok {
		e.export.Enable()
	} else {
		e.export.Disable()
	}
}

// check describes the export the choices make, and whether it can be made.
func (e *exportDialog) check() (string, bool) {
	opt, err := e.options()
	if err != nil {
		return err.Error(), false
	}
	if _, name := typedPath(e.folder.Text, e.name.Text); !e.all() && strings.TrimSpace(strings.TrimSuffix(name, ".png")) == "" {
		return "Give the image a file name.", false
	}
	if dir := e.dir(); !isDir(dir) {
		return fmt.Sprintf("The folder %s does not exist: choose another.", dir), false
	}
	ids, _ := e.selected()
	var sizes []string
	for _, id := range ids {
		px, err := ExportSize(e.project, id, opt)
		if err != nil {
			return fmt.Sprintf("%s: %v", BoardTitle(e.project.Board(id)), err), false
		}
		sizes = append(sizes, fmt.Sprintf("%d × %d px", px.X, px.Y))
	}
	if len(sizes) == 1 {
		return "The image will be " + sizes[0] + ".", true
	}
	return fmt.Sprintf("%d images: %s.", len(sizes), strings.Join(sizes, ", ")), true
}

// remember stores the choices for the next export.
func (e *exportDialog) remember() {
	prefs := e.w.App.Preferences()
	prefs.SetBool(prefExportAll, e.all())
	size := sizeWidth
	for i, s := range exportScales {
		if e.size.Selected == s {
			size = strconv.Itoa(i + 1)
		}
	}
	if size == sizeWidth {
		size = "width"
		if n, err := strconv.Atoi(strings.TrimSpace(e.width.Text)); err == nil {
			prefs.SetInt(prefExportWidth, n)
		}
	}
	prefs.SetString(prefExportSize, size)
	prefs.SetBool(prefExportTransparent, e.transparent.Checked)
	prefs.SetBool(prefExportDark, e.look.Selected == lookDark)
	prefs.SetBool(prefExportCrop, e.area.Selected == areaCards)
	prefs.SetBool(prefExportFooter, e.footer.Checked)
	prefs.SetString(prefExportFolder, e.dir())
}

// confirm starts the export, after asking before replacing files.
func (e *exportDialog) confirm() {
	opt, err := e.options()
	if _, ok := e.check(); err != nil || !ok {
		return
	}
	e.remember()
	ids, paths := e.selected()
	var existing []string
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			existing = append(existing, filepath.Base(p))
		}
	}
	start := func() {
		e.d.Hide()
		e.run(ids, paths, opt)
	}
	if len(existing) == 0 {
		start()
		return
	}
	msg := existing[0] + " already exists. Replace it?"
	if len(existing) > 1 {
		msg = fmt.Sprintf("%d files already exist: %s. Replace them?", len(existing), strings.Join(existing, ", "))
	}
	dialog.ShowConfirm("Replace?", msg, func(yes bool) {
		if yes {
			start()
		}
	}, e.w.Window)
}

// run exports the boards one by one, all or nothing. Drawing runs on Fyne's goroutine, one
// board per turn so that the window repaints in between: Fyne's caches and
// text shaper are not safe to use from two goroutines, and the window uses
// them as it paints. Encoding and writing, most of the rest, run in the
// background.
func (e *exportDialog) run(ids []uuid.UUID, paths []string, opt ExportOptions) {
	status := widget.NewLabel("")
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Exporting PNG", container.NewVBox(status, bar), e.w.Window)
	progress.Show()
	opt.Theme = e.w.App.Settings().Theme()

	finish := func(written []string, err error) {
		bar.Stop()
		progress.Hide()
		if err != nil {
			e.w.showError(fmt.Errorf("export failed: %w", err))
		} else {
			names := make([]string, len(written))
			for i, p := range written {
				names[i] = filepath.Base(p)
			}
			dialog.ShowInformation("Export done",
				fmt.Sprintf("Saved in %s:\n%s", filepath.Dir(written[0]), strings.Join(names, "\n")), e.w.Window)
		}
		if e.done != nil {
			e.done(written, err)
		}
	}
	go func() {
		// One batch: the images replace files only once all are
		// written, so a failure leaves none of them. The names are
		// made up (or only prefilled): a link there is not followed.
		batch := storage.NewBatch()
		for i, id := range ids {
			fyne.Do(func() {
				status.SetText(fmt.Sprintf("Board %d of %d: %s", i+1, len(ids), BoardTitle(e.project.Board(id))))
			})
			var png *PNGExport
			var err error
			// Only the drawing is made on Fyne's goroutine; it is
			// painted and compressed here, on every core.
			fyne.DoAndWait(func() { png, err = PrepareBoardPNG(e.project, id, opt) })
			var data []byte
			if err == nil {
				data, err = png.Encode()
				if err != nil {
					err = fmt.Errorf("%s: not saved: %w", paths[i], err)
				}
			}
			if err == nil {
				err = batch.Add(paths[i], data, false)
			} else {
				batch.Abort()
			}
			if err != nil {
				fyne.Do(func() { finish(nil, err) })
				return
			}
		}
		if err := batch.Commit(); err != nil {
			fyne.Do(func() { finish(nil, err) })
			return
		}
		fyne.Do(func() { finish(paths, nil) })
	}()
}
