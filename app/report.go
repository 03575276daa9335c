package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// ReportScale is the scale of the board images of a report: one pixel per
// board unit is sharp enough on a wiki page, and a quarter of the pixels
// of a PNG export's default.
const ReportScale = 1

// ReportFileName is the file name of a project's report:
// "<project>-report.md", named as the board images beside it are.
func ReportFileName(project string) string {
	slug := strings.TrimSuffix(FileName(project), Ext)
	if slug == "" {
		return "report.md"
	}
	return slug + "-report.md"
}

// ReportFiles lists the files a report of p writes into dir: the
// Markdown file name (ReportFileName when empty) first, then the image of
// every board, in board order.
func ReportFiles(p *canvas.Project, dir, name string) []string {
	if name == "" {
		name = ReportFileName(p.Name)
	}
	files := []string{filepath.Join(dir, name)}
	for _, n := range ExportFileNames(p) {
		files = append(files, filepath.Join(dir, n))
	}
	return files
}

// WriteReport writes the report of p into the folder dir as name
// (ReportFileName when empty), with the PNG of every board it links to
// beside it, and returns the paths written, the report first. It is all
// or nothing: a failure leaves none of the files, and those they would
// have replaced as they were. Every check (the folder, a link or a
// read-only file where a file goes, the size of each image) is made
// before the first board is drawn. The names are made up, so a symbolic
// link at one is refused, not followed, as in a PNG export.
//
// draw runs each board's drawing, which must run on Fyne's goroutine (as
// RenderBoard): nil runs it in place, for a caller on that goroutine; the
// app, which writes in the background, passes fyne.DoAndWait. p must not
// change meanwhile: the app passes a copy.
func WriteReport(p *canvas.Project, dir, name string, draw func(func())) ([]string, error) {
	if draw == nil {
		draw = func(f func()) { f() }
	}
	files := ReportFiles(p, dir, name)
	if !isDir(dir) {
		return nil, fmt.Errorf("no folder %s to write the report in", dir)
	}
	for i, f := range files {
		for _, g := range files[:i] {
			if strings.EqualFold(filepath.Base(f), filepath.Base(g)) {
				return nil, fmt.Errorf("%s: the report and a board image would have the same name; give the report another", filepath.Base(f))
			}
		}
		if err := storage.CanReplace(f, false); err != nil {
			return nil, err
		}
	}
	opt := ExportOptions{Scale: ReportScale}
	for _, bd := range p.Boards {
		if _, err := ExportSize(p, bd.ID, opt); err != nil {
			return nil, fmt.Errorf("board %q: %w", BoardTitle(bd), err)
		}
	}
	images := map[uuid.UUID]string{}
	for i, bd := range p.Boards {
		images[bd.ID] = filepath.Base(files[i+1])
	}
	batch := storage.NewBatch()
	if err := batch.Add(files[0], []byte(canvas.Report(p, images)), false); err != nil {
		return nil, err
	}
	for i, bd := range p.Boards {
		var png *PNGExport
		var err error
		draw(func() { png, err = PrepareBoardPNG(p, bd.ID, opt) })
		var data []byte
		if err == nil {
			data, err = png.Encode()
		}
		if err != nil {
			batch.Abort()
			return nil, fmt.Errorf("%s: not saved: %w", files[i+1], err)
		}
		if err := batch.Add(files[i+1], data, false); err != nil {
			return nil, err
		}
	}
	if err := batch.Commit(); err != nil {
		return nil, err
	}
	return files, nil
}

// ShowExportReport asks for the report's name and folder and writes the
// report there with the board images beside it, after asking before
// replacing files.
func (w *Window) ShowExportReport() {
	if w.doc == nil {
		return
	}
	w.commitEdit()
	dir, _ := w.saveAsDefaults()
	if d := w.App.Preferences().String(prefExportFolder); d != "" && isDir(d) {
		dir = d
	}
	w.askFilePath("Export report", "Export", dir, ReportFileName(w.doc.Project.Name), func(dir, name string) {
		if name == "" {
			name = ReportFileName(w.doc.Project.Name)
		}
		if filepath.Ext(name) == "" {
			name += ".md"
		}
		var existing []string
		for _, f := range ReportFiles(w.doc.Project, dir, name) {
			if _, err := os.Stat(f); err == nil {
				existing = append(existing, filepath.Base(f))
			}
		}
		if len(existing) == 0 {
			w.exportReport(dir, name)
			return
		}
		msg := existing[0] + " already exists. Replace it?"
		if len(existing) > 1 {
			msg = fmt.Sprintf("%d files already exist: %s. Replace them?", len(existing), strings.Join(existing, ", "))
		}
		dialog.ShowConfirm("Replace?", msg, func(yes bool) {
			if yes {
				w.exportReport(dir, name)
			}
		}, w.Window)
	})
}

// reportDone, when set, runs after each report the app writes, with its
// outcome: tests wait on it, as the writing runs in the background.
var reportDone func(written []string, err error)

// exportReport writes the report in the background, a copy of the
// project being what it reports, and says how it went. The boards are
// drawn on Fyne's goroutine one at a time, so the window repaints in
// between.
func (w *Window) exportReport(dir, name string) {
	p := w.doc.Project.Clone()
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons("Exporting report", bar, w.Window)
	progress.Show()
	go func() {
		written, err := WriteReport(p, dir, name, fyne.DoAndWait)
		fyne.Do(func() {
			bar.Stop()
			progress.Hide()
			if err != nil {
				w.showError(fmt.Errorf("the report was not exported: %w", err))
			} else {
				w.App.Preferences().SetString(prefExportFolder, dir)
				names := make([]string, len(written))
				for i, p := range written {
					names[i] = filepath.Base(p)
				}
				dialog.ShowInformation("Report exported",
					fmt.Sprintf("Saved in %s:\n%s", dir, strings.Join(names, "\n")), w.Window)
			}
			if reportDone != nil {
				reportDone(written, err)
			}
		})
	}()
}
