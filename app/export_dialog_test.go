package app

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openExport opens the export dialog of a window on the sample, with its
// folder set to a new temporary one.
func openExport(t *testing.T, w *Window) (*exportDialog, string) {
	t.Helper()
	e := w.newExportDialog()
	if e == nil {
		t.Fatal("no export dialog")
	}
	e.d.Show()
	dir := t.TempDir()
	e.folder.SetText(dir)
	e.update()
	return e, dir
}

type exportResult struct {
	paths []string
	err   error
}

// runExport presses Export and waits for the export to end.
func runExport(t *testing.T, e *exportDialog) exportResult {
	t.Helper()
	done := make(chan exportResult, 1)
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	if e.export.Disabled() {
		t.Fatalf("Export is disabled: %s", e.info.Text)
	}
	test.Tap(e.export)
	return waitExport(t, done)
}

func waitExport(t *testing.T, done chan exportResult) exportResult {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(60 * time.Second):
		t.Fatal("the export did not end")
		return exportResult{}
	}
}

func pngSize(t *testing.T, path string) image.Point {
	t.Helper()
	img, err := readPNG(path)
	if err != nil {
		t.Fatal(err)
	}
	return img.Bounds().Size()
}

func TestExportMenuOpensDialog(t *testing.T) {
	w, _ := newTestWindow(t)
	menuItem(t, w, "File", "Export PNG").Action()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("File ▸ Export PNG… showed nothing")
	}
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "4800 × 2480 px") {
			found = true
		}
	}
	if !found {
		t.Error("the dialog does not show the image's size (4800 × 2480 px at 2×)")
	}
}

// The current board is exported as it is in the document, without what
// the window shows around it: the selection, the text being typed.
func TestExportDialogCurrentBoard(t *testing.T) {
	w, _ := newTestWindow(t)
	w.App.Settings().SetTheme(theme.DefaultTheme())
	b := w.CurrentBoard()
	bd := w.Document().Project.Board(b.BoardID())
	b.Select(bd.Cards[0].ID, bd.Cards[1].ID)
	b.EditSelection()
	if !b.Editing() || len(b.Selection()) != 2 {
		t.Fatal("the window should show two selected cards and one being edited")
	}

	e, dir := openExport(t, w)
	e.size.SetSelected(sizeWidth)
	e.width.SetText("600")
	e.name.SetText("workshop") // the extension is added
	r := runExport(t, e)
	path := filepath.Join(dir, "workshop.png")
	if r.err != nil || len(r.paths) != 1 || r.paths[0] != path {
		t.Fatalf("export: %v, %v; want %s", r.paths, r.err, path)
	}
	got, err := readPNG(path)
	if err != nil {
		t.Fatal(err)
	}
	fresh := sampleProject(t)
	want := exportImage(t, fresh, fresh.Boards[0], ExportOptions{Width: 600})
	if got.Bounds() != want.Bounds() || countDiffering(toNRGBA(got), want, 0) > 0 {
		t.Error("the export differs from one of the document with nothing selected")
	}
}

// Every board, with every choice changed; the choices are there again
// the next time.
func TestExportDialogAllBoardsRemembersChoices(t *testing.T) {
	w, _ := newTestWindow(t)
	e, dir := openExport(t, w)
	e.boards.SetSelected(exportAll)
	e.size.SetSelected(sizeWidth)
	e.width.SetText("800")
	e.look.SetSelected(lookDark)
	e.transparent.SetChecked(true)
	e.area.SetSelected(areaCards)
	e.footer.SetChecked(true)
	if !strings.Contains(e.info.Text, "7 images: 800 × ") {
		t.Errorf("info %q; want the size of 7 images 800 px wide", e.info.Text)
	}
	r := runExport(t, e)
	if r.err != nil || len(r.paths) != 7 {
		t.Fatalf("export: %v, %v", r.paths, r.err)
	}
	for i, name := range ExportFileNames(w.Document().Project) {
		if r.paths[i] != filepath.Join(dir, name) {
			t.Errorf("image %d at %s, want %s", i, r.paths[i], name)
		}
		if got := pngSize(t, r.paths[i]); got.X != 800 {
			t.Errorf("%s is %v, want 800 px wide", name, got)
		}
		// A crop to the cards of the customer stories board starts
		// inside a cluster's frame, which is drawn.
		img, _ := readPNG(r.paths[i])
		if _, _, _, a := img.At(0, 0).RGBA(); a != 0 && len(w.Document().Project.Boards[i].Clusters) == 0 {
			t.Errorf("%s: the corner is not transparent", name)
		}
	}

	again, _ := openExport(t, w)
	if again.boards.Selected != exportAll || again.size.Selected != sizeWidth || again.width.Text != "800" ||
		again.look.Selected != lookDark || !again.transparent.Checked || again.area.Selected != areaCards || !again.footer.Checked {
		t.Errorf("choices not remembered: boards %q, size %q %q, look %q, transparent %v, area %q, footer %v",
			again.boards.Selected, again.size.Selected, again.width.Text, again.look.Selected,
			again.transparent.Checked, again.area.Selected, again.footer.Checked)
	}
	if got := w.App.Preferences().String(prefExportFolder); got != dir {
		t.Errorf("folder remembered as %q, want %q", got, dir)
	}
}

func TestExportDialogRefusesWhatCannotBeMade(t *testing.T) {
	w, _ := newTestWindow(t)
	e, dir := openExport(t, w)
	for _, tc := range []struct {
		name string
		set  func()
		want string
	}{
		{"too wide", func() { e.size.SetSelected(sizeWidth); e.width.SetText("20000") }, "over the limit of 16384 px"},
		{"not a number", func() { e.width.SetText("wide") }, "whole number of pixels"},
		{"no name", func() { e.width.SetText("800"); e.name.SetText(" .png") }, "file name"},
		{"no folder", func() { e.name.SetText("x"); e.folder.SetText(filepath.Join(dir, "gone")); e.update() }, "does not exist"},
	} {
		tc.set()
		if !e.export.Disabled() || !strings.Contains(e.info.Text, tc.want) {
			t.Errorf("%s: Export enabled %v, info %q; want it disabled, saying %q", tc.name, !e.export.Disabled(), e.info.Text, tc.want)
		}
	}
	e.folder.SetText(dir)
	e.update()
	if e.export.Disabled() {
		t.Errorf("Export still disabled: %s", e.info.Text)
	}
}

// An existing file is replaced only when the user says so, and a failed
// export leaves what was there.
func TestExportDialogReplacing(t *testing.T) {
	w, _ := newTestWindow(t)
	e, dir := openExport(t, w)
	e.size.SetSelected(sizeWidth)
	e.width.SetText("300")
	path := filepath.Join(dir, withPNG(e.name.Text))
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan exportResult, 1)
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	test.Tap(e.export)
	test.Tap(button(t, w, "No"))
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatal("the file changed although the user said No")
	}
	test.Tap(e.export)
	test.Tap(button(t, w, "Yes"))
	if r := waitExport(t, done); r.err != nil {
		t.Fatal(r.err)
	}
	if got := pngSize(t, path); got != image.Pt(300, 155) {
		t.Errorf("replaced image is %v", got)
	}

	// A folder where the image should go: the export fails, says why,
	// and writes nothing.
	e, dir = openExport(t, w)
	target := filepath.Join(dir, withPNG(e.name.Text))
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	test.Tap(e.export)
	test.Tap(button(t, w, "Yes"))
	r := waitExport(t, done)
	if r.err == nil || !strings.Contains(r.err.Error(), "not a regular file") || len(r.paths) != 0 {
		t.Errorf("export over a folder: %v, %v", r.paths, r.err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the failed export left %d files", len(entries)-1)
	}
}

// An export of every board is all or nothing: when the second image
// cannot be written (a folder has its name) the first is not left, and a
// link someone put at an image's name is not written through.
func TestExportDialogAllBoardsAllOrNothing(t *testing.T) {
	w, _ := newTestWindow(t)
	e, dir := openExport(t, w)
	e.boards.SetSelected(exportAll)
	e.size.SetSelected(sizeWidth)
	e.width.SetText("300")
	names := ExportFileNames(w.Document().Project)
	second := filepath.Join(dir, names[1])
	if err := os.Mkdir(second, 0o755); err != nil {
		t.Fatal(err)
	}
	done := make(chan exportResult, 1)
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	test.Tap(e.export)
	test.Tap(button(t, w, "Yes"))
	r := waitExport(t, done)
	if r.err == nil || !strings.Contains(r.err.Error(), second+": not saved: not a regular file") || len(r.paths) != 0 {
		t.Errorf("export over a folder: %v, %v", r.paths, r.err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the failed export left %d files", len(entries)-1)
	}

	os.Remove(second)
	victim := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(victim, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, names[0])); err != nil {
		t.Fatal(err)
	}
	e, _ = openExport(t, w)
	e.folder.SetText(dir)
	e.update()
	e.done = func(paths []string, err error) { done <- exportResult{paths, err} }
	test.Tap(e.export)
	test.Tap(button(t, w, "Yes"))
	r = waitExport(t, done)
	if r.err == nil || !strings.Contains(r.err.Error(), "is a symbolic link") {
		t.Errorf("export over a planted link: %v, %v", r.paths, r.err)
	}
	if got, _ := os.ReadFile(victim); string(got) != "mine" {
		t.Error("the export wrote through the link")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the failed export left %d files", len(entries)-1)
	}
}
