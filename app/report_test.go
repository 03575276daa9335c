package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// reportDialog opens File ▸ Export report… and returns its name field and
// folder.
func reportDialog(t *testing.T, w *Window) (*nameField, *widget.Label) {
	t.Helper()
	menuItem(t, w, "File", "Export report").Action()
	name, ok := w.Window.Canvas().Focused().(*nameField)
	if !ok {
		t.Fatal("the file name field does not have the keyboard")
	}
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(*widget.Label); ok && filepath.IsAbs(l.Text) {
			return name, l
		}
	}
	t.Fatal("the dialog shows no folder")
	return nil, nil
}

// waitReport runs export, which starts a report in the background, and
// waits for it to be written.
func waitReport(t *testing.T, export func()) {
	t.Helper()
	done := make(chan error, 1)
	reportDone = func(_ []string, err error) { done <- err }
	t.Cleanup(func() { reportDone = nil })
	export()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestExportReport: File ▸ Export report writes the report and every
// board's image into the folder chosen, and says so.
func TestExportReport(t *testing.T) {
	w, _ := newTestWindow(t)
	name, folder := reportDialog(t, w)
	if name.Text != "commuter-cycling-report.md" {
		t.Errorf("the report is offered as %q", name.Text)
	}
	dir := t.TempDir()
	folder.SetText(dir)
	waitReport(t, func() { test.Tap(button(t, w, "Export")) })
	p := w.Document().Project
	want := append([]string{"commuter-cycling-report.md"}, ExportFileNames(p)...)
	got := folderFiles(t, dir)
	slices.Sort(got)
	if !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Fatalf("the folder holds %v, want %v", got, want)
	}
	if msg := dialogText(t, w); !strings.Contains(msg, "Saved in "+dir) || !strings.Contains(msg, "commuter-cycling-report.md") {
		t.Errorf("the app says:\n%s", msg)
	}
	md, err := os.ReadFile(filepath.Join(dir, "commuter-cycling-report.md"))
	if err != nil {
		t.Fatal(err)
	}
	images := map[uuid.UUID]string{}
	for i, bd := range p.Boards {
		images[bd.ID] = want[i+1]
	}
	if string(md) != canvas.Report(p, images) {
		t.Errorf("the report written is not the project's:\n%s", md)
	}
	if w.App.Preferences().String(prefExportFolder) != dir {
		t.Error("the folder is not remembered for the next export")
	}
}

// TestExportReportAsksBeforeReplacing: files already there are named, and
// No leaves them as they were.
func TestExportReportAsksBeforeReplacing(t *testing.T) {
	w, _ := newTestWindow(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "commuter-cycling-urban-commuter.png")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	name, folder := reportDialog(t, w)
	folder.SetText(dir)
	test.Type(name, "notes")
	test.Tap(button(t, w, "Export"))
	if msg := dialogText(t, w); !strings.Contains(msg, "commuter-cycling-urban-commuter.png already exists") {
		t.Fatalf("no question before replacing:\n%s", msg)
	}
	test.Tap(button(t, w, "No"))
	if got := folderFiles(t, dir); len(got) != 1 {
		t.Errorf("No wrote %v", got)
	}
	name, folder = reportDialog(t, w)
	folder.SetText(dir)
	test.Type(name, "notes")
	test.Tap(button(t, w, "Export"))
	waitReport(t, func() { test.Tap(button(t, w, "Yes")) })
	if b, _ := os.ReadFile(old); string(b) == "old" {
		t.Error("Yes did not replace the image")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.md")); err != nil {
		t.Errorf("the report named notes: %v", err)
	}
}

// TestWriteReportAllOrNothing: a file that cannot be replaced stops the
// report before anything is written.
func TestWriteReportAllOrNothing(t *testing.T) {
	w, _ := newTestWindow(t)
	p := w.Document().Project
	dir := t.TempDir()
	second := ExportFileNames(p)[1]
	if err := os.Mkdir(filepath.Join(dir, second), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteReport(p, dir, "", nil); err == nil || !strings.Contains(err.Error(), second) {
		t.Errorf("err = %v, want one naming the image in the way", err)
	}
	if got := folderFiles(t, dir); len(got) != 1 {
		t.Errorf("a failed report wrote %v", got)
	}
	if _, err := WriteReport(p, dir, "commuter-cycling-urban-commuter.png", nil); err == nil {
		t.Error("a report named as a board's image was written")
	}
	if _, err := WriteReport(p, filepath.Join(dir, "missing"), "", nil); err == nil || !strings.Contains(err.Error(), "no folder") {
		t.Errorf("err = %v for a missing folder", err)
	}
}
