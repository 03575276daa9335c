package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// Ext is the file name extension of project files.
const Ext = ".jobcanvas"

const (
	prefRecent     = "recent"
	prefSaveFolder = "save.folder" // the folder of the last file saved
	maxRecent      = 10
)

// OpenPath loads the project at path and shows it. On error the open
// project stays as it was.
func (w *Window) OpenPath(path string) error {
	p, stamp, err := storage.LoadStamped(path)
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	doc := NewDocument(p, path)
	doc.Disk = stamp
	w.SetDocument(doc)
	w.addRecent(path)
	return nil
}

// OpenSample shows the bundled sample workshop as a new, unsaved project.
func (w *Window) OpenSample() error {
	p, err := storage.Decode(assets.Sample, assets.SampleName)
	if err != nil {
		return err
	}
	w.SetDocument(NewDocument(p, ""))
	return nil
}

// ShowOpen asks for a project file and opens it, after asking about unsaved
// changes.
func (w *Window) ShowOpen() {
	w.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				w.showError(err)
				return
			}
			if r == nil {
				return // cancelled
			}
			path := r.URI().Path()
			r.Close()
			w.openReported(path)
		}, w.Window)
		d.SetFilter(fynestorage.NewExtensionFileFilter([]string{Ext}))
		if w.doc != nil && w.doc.Path != "" {
			if dir, err := fynestorage.ListerForURI(fynestorage.NewFileURI(filepath.Dir(w.doc.Path))); err == nil {
				d.SetLocation(dir)
			}
		}
		d.Show()
	})
}

// openReported opens path and shows any error in a dialog.
func (w *Window) openReported(path string) {
	if err := w.OpenPath(path); err != nil {
		w.showError(fmt.Errorf("could not open %s; the open project is unchanged.\n\n%w", filepath.Base(path), err))
		return
	}
	w.offerRecovery(func(r *storage.RecoveryInfo) bool { return r.Path == w.doc.Path })
}

// Save writes the project to its file, or asks where when it has none.
func (w *Window) Save() {
	if w.doc == nil {
		return
	}
	w.commitEdit()
	if w.doc.Path == "" {
		w.ShowSaveAs(nil)
		return
	}
	w.saveChecked(nil)
}

// SaveTo writes the project to path and makes it the document's file. A
// failed save leaves the file on disk and the project in memory as they
// were.
func (w *Window) SaveTo(path string) error {
	stamp, err := storage.SaveStamped(path, w.doc.Project)
	if err != nil {
		return err
	}
	w.doc.Path, w.doc.Disk = path, stamp
	w.doc.History.MarkSaved()
	w.recovery.saved()
	w.App.Preferences().SetString(prefSaveFolder, filepath.Dir(path))
	w.addRecent(path)
	w.updateTitle()
	return nil
}

// ShowSaveAs asks for a file name and folder and saves there; then runs
// (when not nil) after a successful save.
//
// Fyne's file-save dialog opens (and so truncates) an existing file before
// it hands it over, which would destroy the file and its backup if our save
// then failed; so we ask for a folder and a name and let storage write the
// file atomically.
func (w *Window) ShowSaveAs(then func()) {
	if w.doc == nil {
		return
	}
	w.commitEdit()
	dir, name := w.saveAsDefaults()
	w.showSaveAs(dir, name, then)
}

// showSaveAs is ShowSaveAs starting from the folder dir and file name.
func (w *Window) showSaveAs(dir, name string, then func()) {
	w.askFilePath("Save project as", "Save", dir, name, func(dir, name string) {
		w.saveAsPath(filepath.Join(dir, withExt(name)), then)
	})
}

// askFilePath asks for a file name and a folder, starting from dir and
// name, in a form titled title whose confirm button says confirm; chosen
// gets the folder and name typed (a name may carry a folder of its own).
func (w *Window) askFilePath(title, confirm, dir, name string, chosen func(dir, name string)) {
	nameEntry := newNameField(name)
	folder, folderRow := w.folderPicker(dir, nameEntry, nil)
	var form *dialog.FormDialog
	form = dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{
		widget.NewFormItem("File name", nameEntry),
		widget.NewFormItem("Folder", folderRow),
	}, func(ok bool) {
		if ok {
			chosen(typedPath(folder.Text, nameEntry.Text))
		}
	}, w.Window)
	nameEntry.OnSubmitted = func(string) { form.Submit() }
	nameEntry.onEscape = form.Hide
	form.Resize(fyne.NewSize(560, 240))
	form.Show()
	focusName(w.Window, nameEntry)
}

// saveAsPath is the end of Save As: it saves to path, after asking before
// replacing another file.
func (w *Window) saveAsPath(path string, then func()) {
	if path == w.doc.Path { // a plain save, asking if the file changed
		w.saveChecked(then)
		return
	}
	if _, err := os.Stat(path); err == nil {
		dialog.ShowConfirm("Replace file?", filepath.Base(path)+" already exists. Replace it? The old version is kept as "+filepath.Base(path)+".bak.", func(yes bool) {
			if yes {
				w.saveThen(path, then)
			}
		}, w.Window)
		return
	}
	w.saveThen(path, then)
}

// nameField is the file name field of the dialogs that write files: as in
// other apps' save dialogs, Enter confirms (OnSubmitted) and Escape
// cancels (onEscape).
type nameField struct {
	widget.Entry
	onEscape func()
}

func newNameField(text string) *nameField {
	e := &nameField{}
	e.ExtendBaseWidget(e)
	e.SetText(text)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *nameField) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// focusName gives the keyboard to a dialog's file name field with the
// name selected, so that typing replaces it.
func focusName(win fyne.Window, e *nameField) {
	win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// typedPath reads a file name field as a shell would: a name is a file in
// folder; a path with separators (absolute, relative to folder, or from
// "~", the home folder) names its own folder. "/tmp/x/w.jobcanvas" typed
// while folder is /home/ann saves w.jobcanvas in /tmp/x.
func typedPath(folder, typed string) (dir, name string) {
	typed = strings.TrimSpace(typed)
	if typed == "~" || strings.HasPrefix(typed, "~/") || strings.HasPrefix(typed, "~"+string(filepath.Separator)) {
		if home, err := os.UserHomeDir(); err == nil {
			typed = home + string(filepath.Separator) + typed[min(len(typed), 2):]
		}
	}
	dir, name = filepath.Split(typed)
	switch {
	case dir == "":
		dir = folder
	case filepath.IsAbs(dir):
		dir = filepath.Clean(dir)
	default:
		dir = filepath.Join(folder, dir)
	}
	return dir, strings.TrimSpace(name)
}

// folderPicker shows a folder with a Choose folder… button beside it, for
// the dialogs that write files (Save As, Export PNG): the label holds the
// folder chosen; changed, when not nil, runs after each choice. When the
// folder dialog closes, chosen or cancelled, the file name field name has
// the keyboard again (clicking the button had taken it away, so typed keys
// went nowhere until the field was clicked).
func (w *Window) folderPicker(dir string, name *nameField, changed func()) (*widget.Label, fyne.CanvasObject) {
	folder := widget.NewLabel(dir)
	folder.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButton("Choose folder…", func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			w.Window.Canvas().Focus(name)
			if err == nil && u != nil {
				folder.SetText(u.Path())
				if changed != nil {
					changed()
				}
			}
		}, w.Window)
		if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		d.Show()
	})
	return folder, container.NewBorder(nil, nil, nil, choose, folder)
}

// saveAsDefaults is where Save As starts: the open file's folder and name,
// else the folder of the last file saved (if it is still there) and a name
// made from the project's, else the Documents or home folder.
func (w *Window) saveAsDefaults() (dir, name string) {
	if w.doc.Path != "" {
		return filepath.Dir(w.doc.Path), filepath.Base(w.doc.Path)
	}
	name = FileName(w.doc.Project.Name)
	if dir := w.App.Preferences().String(prefSaveFolder); dir != "" && isDir(dir) {
		return dir, name
	}
	dir, err := os.UserHomeDir()
	if docs := filepath.Join(dir, "Documents"); err == nil && isDir(docs) {
		dir = docs
	} else if err != nil {
		dir, _ = os.Getwd()
	}
	return dir, name
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// withExt adds the project extension unless the name has it already.
func withExt(name string) string {
	if name == "" {
		name = "untitled"
	}
	if strings.EqualFold(filepath.Ext(name), Ext) {
		return name
	}
	return name + Ext
}

// FileName suggests a file name for a project name: "Commuter cycling" →
// "commuter-cycling.jobcanvas". Only letters and digits are kept, so the
// name is safe on every system, and it is kept short.
func FileName(project string) string {
	const maxLen = 80 // bytes, well under the 255 of most file systems
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(project) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if b.Len()+utf8.RuneLen(r) > maxLen {
				return withExt(strings.TrimSuffix(b.String(), "-"))
			}
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return withExt(strings.TrimSuffix(b.String(), "-"))
}

// commitEdit keeps the text being typed on the board, so that a save
// (or the question about unsaved changes) takes what the user sees.
func (w *Window) commitEdit() {
	if b := w.CurrentBoard(); b != nil {
		b.CommitEdit()
	}
}

// confirmDiscard runs then when there are no unsaved changes, or after the
// user chose to save or discard them; Cancel runs nothing.
func (w *Window) confirmDiscard(then func()) {
	w.commitEdit()
	if w.doc == nil || !w.doc.Dirty() {
		then()
		return
	}
	var d dialog.Dialog
	msg := widget.NewLabel(fmt.Sprintf("Save the changes to %q before closing it?\nIf you don't, they are lost.", w.doc.Project.Name))
	save := widget.NewButton("Save", func() {
		d.Hide()
		if w.doc.Path == "" {
			w.ShowSaveAs(then)
			return
		}
		w.saveChecked(then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Don't save", func() { d.Hide(); w.recovery.userDiscarded(); then() })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes",
		container.NewVBox(msg, container.NewHBox(discard, cancel, save)), w.Window)
	d.Show()
}

// Close closes the window, after asking about unsaved changes: Ctrl+W,
// as in other desktop apps, and the same as the window's close button.
// (It used to put an empty project in the window instead: a second,
// different "New" that offered no templates. File ▸ New is the one way to
// a new project.)
func (w *Window) Close() {
	w.confirmDiscard(w.Window.Close)
}

// ShowNew asks for a project name and its boards and opens the new project.
func (w *Window) ShowNew() {
	w.confirmDiscard(func() {
		name := widget.NewEntry()
		name.SetText("Untitled workshop")
		var checks []fyne.CanvasObject
		chosen := map[string]bool{canvas.TemplateValueProposition: true, canvas.TemplateJobMap: true}
		for _, t := range canvas.Templates() {
			id := t.ID
			c := widget.NewCheck(templateLabel(t), func(on bool) { chosen[id] = on })
			c.SetChecked(chosen[id])
			checks = append(checks, c)
		}
		dialog.ShowForm("New project", "Create", "Cancel", []*widget.FormItem{
			widget.NewFormItem("Name", name),
			widget.NewFormItem("Boards", container.NewVBox(checks...)),
		}, func(ok bool) {
			if !ok {
				return
			}
			p, err := w.newProject(name.Text, chosen)
			if err != nil {
				w.showError(err)
				return
			}
			w.SetDocument(NewDocument(p, ""))
		}, w.Window)
	})
}

func (w *Window) newProject(name string, chosen map[string]bool) (*canvas.Project, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "Untitled workshop"
	}
	var ids []string
	for _, t := range canvas.Templates() {
		if chosen[t.ID] {
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == 0 {
		ids = []string{canvas.TemplateFree}
	}
	return canvas.NewProject(name, ids...)
}

// Recent lists recently opened files, newest first.
func (w *Window) Recent() []string {
	return w.App.Preferences().StringList(prefRecent)
}

func (w *Window) addRecent(path string) {
	list := slices.DeleteFunc(w.Recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	w.App.Preferences().SetStringList(prefRecent, list)
	w.refreshMenu()
}

func (w *Window) openRecent(path string) {
	w.confirmDiscard(func() {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			list := slices.DeleteFunc(w.Recent(), func(p string) bool { return p == path })
			w.App.Preferences().SetStringList(prefRecent, list)
			w.refreshMenu()
			w.showError(fmt.Errorf("%s is no longer there; it was removed from the recent files", path))
			return
		}
		w.openReported(path)
	})
}
