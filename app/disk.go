package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// saveChecked saves to the document's file and then runs then (when not
// nil), but first asks when someone else changed the file since it was
// opened or saved here: a git pull, a synced folder, another window.
func (w *Window) saveChecked(then func()) {
	changed, now, err := storage.ChangedOnDisk(w.doc.Path, w.doc.Disk)
	if err == nil && changed {
		w.showChangedOnDisk(now, then)
		return
	}
	// A file that cannot be read now will not be written either: the
	// save says why.
	w.saveThen(w.doc.Path, then)
}

func (w *Window) saveThen(path string, then func()) {
	if err := w.SaveTo(path); errors.Is(err, storage.ErrReadOnly) {
		w.showReadOnly(path, then)
		return
	} else if err != nil {
		w.showError(err)
		return
	}
	if then != nil {
		then()
	}
}

// showChangedOnDisk asks whether to overwrite a file someone else changed,
// reload it (dropping the changes made here), or save under another name
// (keeping both). Save As is the default: it loses nothing.
func (w *Window) showChangedOnDisk(now storage.Stamp, then func()) {
	path := w.doc.Path
	name := filepath.Base(path)
	var d dialog.Dialog
	hide := func(fn func()) func() { return func() { d.Hide(); fn() } }
	again := func() { w.showChangedOnDisk(now, then) }
	msg := wrappedLabel(fmt.Sprintf("%s was changed on disk %s, after you opened it here "+
		"(by a git pull, a synced folder or another window, for example).\n\n"+
		"Overwrite replaces those changes with yours. Reload opens the file as it is now and drops "+
		"your unsaved changes. Save As keeps both.", name, when(now.ModTime)), fyne.TextStyle{})
	buttons := container.NewHBox(
		widget.NewButton("Cancel", hide(func() {})),
		layout.NewSpacer(),
		widget.NewButton("Compare…", hide(func() {
			disk, err := storage.Load(path)
			if err != nil {
				w.showError(err)
				return
			}
			w.showCompare("Compare with the file on disk", "Your version compared with "+name+" as it is on disk now:",
				canvas.Compare(disk, w.doc.Project), "yours", "the file", again)
		})),
		widget.NewButton("Reload", hide(func() {
			w.recovery.userDiscarded()
			w.openReported(path)
		})),
		widget.NewButton("Overwrite", hide(func() { w.saveThen(path, then) })),
		newDefaultButton("Save As…", hide(func() {
			w.showSaveAs(filepath.Dir(path), freeName(path), then)
		})),
	)
	d = dialog.NewCustomWithoutButtons("File changed on disk", container.NewVBox(msg, buttons), w.Window)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
	if f, ok := buttons.Objects[len(buttons.Objects)-1].(fyne.Focusable); ok {
		w.Window.Canvas().Focus(f)
	}
}

// showReadOnly says that path is read-only and was left as it is, and
// offers to save the project as another file (then runs after that save).
func (w *Window) showReadOnly(path string, then func()) {
	var d dialog.Dialog
	msg := wrappedLabel(fmt.Sprintf("%s is read-only, so Jobcanvas did not write over it; "+
		"the file and your changes are as they were.\n\n"+
		"Save As… saves your version as another file.", filepath.Base(path)), fyne.TextStyle{})
	saveAs := newDefaultButton("Save As…", func() {
		d.Hide()
		w.showSaveAs(filepath.Dir(path), freeName(path), then)
	})
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("Cancel", func() { d.Hide() }), saveAs)
	d = dialog.NewCustomWithoutButtons("File is read-only", container.NewVBox(msg, buttons), w.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	w.Window.Canvas().Focus(saveAs)
}

// freeName suggests a name beside path that is not taken:
// "w.jobcanvas" → "w-2.jobcanvas".
func freeName(path string) string {
	dir, stem := filepath.Dir(path), strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for i := 2; ; i++ {
		name := fmt.Sprintf("%s-%d%s", stem, i, Ext)
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil || i > 999 {
			return name
		}
	}
}
