package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// File ▸ Export outcomes CSV… and File ▸ Import outcome scores…: the
// survey round trip of the outcome scores, as `jobcanvas outcomes` does it.

// maxShownRows is how many bad rows the import's error lists; the rest are
// counted (the command line lists them all).
const maxShownRows = 20

// ShowExportOutcomes asks for a folder and a file name and writes the
// outcome statements and scores there as CSV. It asks as Save As does, not
// with Fyne's file-save dialog, for the reason given at ShowSaveAs.
func (w *Window) ShowExportOutcomes() {
	if w.doc == nil {
		return
	}
	w.commitEdit()
	dir, name := w.saveAsDefaults()
	name = strings.TrimSuffix(name, filepath.Ext(name)) + "-outcomes.csv"
	w.askFilePath("Export outcomes CSV", "Export", dir, name, func(dir, name string) {
		if name == "" {
			w.showError(errors.New("give the CSV file a name"))
			return
		}
		if !strings.EqualFold(filepath.Ext(name), ".csv") {
			name += ".csv"
		}
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Replace file?", name+" already exists. Replace it?", func(yes bool) {
				if yes {
					w.exportOutcomesReported(path)
				}
			}, w.Window)
			return
		}
		w.exportOutcomesReported(path)
	})
}

func (w *Window) exportOutcomesReported(path string) {
	n, err := w.ExportOutcomes(path)
	if err != nil {
		w.showError(fmt.Errorf("export failed: %w", err))
		return
	}
	dialog.ShowInformation("Export done", fmt.Sprintf("%d %s saved in %s.",
		n, canvas.Plural(n, "outcome", "outcomes"), path), w.Window)
}

// ExportOutcomes writes the outcome scores CSV to path, whole or not at
// all, and says how many outcomes it holds.
func (w *Window) ExportOutcomes(path string) (int, error) {
	var buf bytes.Buffer
	if err := storage.WriteOutcomes(&buf, w.doc.Project); err != nil {
		return 0, err
	}
	if err := storage.WriteFile(path, buf.Bytes()); err != nil {
		return 0, err
	}
	n := 0
	for _, b := range w.doc.Project.Boards {
		for _, c := range b.Cards {
			if c.Kind == canvas.KindOutcome {
				n++
			}
		}
	}
	return n, nil
}

// ShowImportOutcomes asks for a CSV file of scores and imports it.
func (w *Window) ShowImportOutcomes() {
	if w.doc == nil {
		return
	}
	w.commitEdit()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		w.importOutcomesReported(r, r.URI().Name())
	}, w.Window)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
	if w.doc.Path != "" {
		if dir, err := fynestorage.ListerForURI(fynestorage.NewFileURI(filepath.Dir(w.doc.Path))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// importOutcomesReported imports the scores file r, named name, and tells
// the user what came of it.
func (w *Window) importOutcomesReported(r io.Reader, name string) {
	n, err := w.ImportOutcomes(r, name)
	var oe *storage.OutcomesError
	switch {
	case errors.As(err, &oe):
		w.showError(importError(oe))
	case err != nil:
		w.showError(fmt.Errorf("nothing was imported.\n\n%w", err))
	case n == 0:
		dialog.ShowInformation("Import outcome scores", "The scores in "+name+" are those of the project already: nothing changed.", w.Window)
	}
}

// ImportOutcomes reads importance and satisfaction from the CSV file r
// (named name in messages) into the project, as one undo step, and says
// how many outcomes changed. Any bad row fails it with a
// *storage.OutcomesError, and the project is left as it was.
func (w *Window) ImportOutcomes(r io.Reader, name string) (int, error) {
	edit, err := storage.ReadOutcomes(r, name, w.doc.Project)
	if err != nil {
		return 0, err
	}
	if len(edit.Edits) == 0 {
		return 0, nil
	}
	if err := w.doc.Do(edit); err != nil {
		return 0, err
	}
	return len(edit.Edits), nil
}

// importError says that nothing was imported and lists the first bad rows.
func importError(oe *storage.OutcomesError) error {
	n := len(oe.Problems)
	var b strings.Builder
	fmt.Fprintf(&b, "nothing was imported: %s has %d %s to fix.\n", oe.File, n, canvas.Plural(n, "problem", "problems"))
	for i, p := range oe.Problems {
		if i == maxShownRows {
			fmt.Fprintf(&b, "\n… and %d more", n-i)
			break
		}
		fmt.Fprintf(&b, "\nLine %d: %s", p.Line, p.Msg)
	}
	return errors.New(b.String())
}
