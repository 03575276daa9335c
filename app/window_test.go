package app

import (
	"github.com/jobcanvas/jobcanvas/app/render"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// newTestWindow opens a copy of the sample in a headless window.
func newTestWindow(t *testing.T) (*Window, string) {
	t.Helper()
	a := test.NewTempApp(t)
	w := NewWindow(a)
	// Once: the test driver fails on closing a closed window, and some
	// tests close it (File ▸ Close Window).
	t.Cleanup(func() {
		if windowOpen(w) {
			w.Window.Close()
		}
	})
	path := filepath.Join(t.TempDir(), "sample.jobcanvas")
	if err := os.WriteFile(path, assets.Sample, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	return w, path
}

// addCard makes an undoable change to the first board.
func addCard(t *testing.T, w *Window, text string) canvas.Card {
	t.Helper()
	b := w.Document().Project.Boards[0]
	c := canvas.NewCard(canvas.KindNote, canvas.Point{X: -500, Y: -500}, text)
	if err := w.Document().Do(&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}); err != nil {
		t.Fatal(err)
	}
	return c
}

// button finds the button labelled label in the topmost dialog.
func button(t *testing.T, w *Window, label string) *widget.Button {
	t.Helper()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
		if b, ok := o.(*defaultButton); ok && b.Text == label {
			return &b.Button
		}
	}
	t.Fatalf("no %q button in the dialog", label)
	return nil
}

func menuItem(t *testing.T, w *Window, menu, prefix string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.Window.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, prefix) {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s ▸ %s…", menu, prefix)
	return nil
}

func TestOpenShowsBoardsAsTabs(t *testing.T) {
	w, path := newTestWindow(t)
	if got := len(w.tabs.Items); got != 7 {
		t.Fatalf("%d tabs, want 7", got)
	}
	if w.tabs.Items[0].Text != "Urban commuter" || w.tabs.Items[1].Text != "Get to work" {
		t.Errorf("tab titles %q, %q", w.tabs.Items[0].Text, w.tabs.Items[1].Text)
	}
	want := "Commuter cycling — sample.jobcanvas — Jobcanvas"
	if got := w.Window.Title(); got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got := w.Recent(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v, want %s first", got, path)
	}
	if recent := menuItem(t, w, "File", "Open Recent"); recent.Disabled || recent.ChildMenu.Items[0].Label != path {
		t.Errorf("Open Recent menu does not list %s", path)
	}
}

func TestTitleMarksUnsavedChanges(t *testing.T) {
	w, _ := newTestWindow(t)
	addCard(t, w, "A new pain")
	if !strings.HasPrefix(w.Window.Title(), "• ") {
		t.Errorf("title %q has no unsaved mark", w.Window.Title())
	}
	menuItem(t, w, "Edit", "Undo").Action()
	if strings.HasPrefix(w.Window.Title(), "• ") {
		t.Errorf("title %q keeps the mark after undoing back to the saved state", w.Window.Title())
	}
}

func TestOpenDamagedFileKeepsProject(t *testing.T) {
	w, _ := newTestWindow(t)
	addCard(t, w, "Unsaved work")
	before := w.Document()
	bad := filepath.Join(t.TempDir(), "bad.jobcanvas")
	os.WriteFile(bad, []byte("{\n  \"format\": \"jobcanvas\",\n  \"version\": 1,\n  oops\n}"), 0o644)

	err := w.OpenPath(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.jobcanvas:4:") {
		t.Fatalf("error %v, want one naming bad.jobcanvas:4:", err)
	}
	if w.Document() != before || !before.Dirty() || len(w.tabs.Items) != 7 {
		t.Error("a failed open changed the open project")
	}
	w.openReported(bad)
	if w.Window.Canvas().Overlays().Top() == nil {
		t.Error("no error dialog after opening a damaged file")
	}
}

func TestSave(t *testing.T) {
	w, path := newTestWindow(t)
	c := addCard(t, w, "Saved card")
	w.Save()
	if strings.HasPrefix(w.Window.Title(), "• ") {
		t.Errorf("title %q still marked after save", w.Window.Title())
	}
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Boards[0].Card(c.ID); got == nil || got.Text != "Saved card" {
		t.Error("the saved file does not hold the new card")
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no backup of the previous version: %v", err)
	}
}

func TestFailedSaveKeepsEverything(t *testing.T) {
	w, path := newTestWindow(t)
	addCard(t, w, "Not yet saved")
	gone := filepath.Join(t.TempDir(), "missing", "x.jobcanvas")
	if err := w.SaveTo(gone); err == nil {
		t.Fatal("saving into a missing folder succeeded")
	}
	if w.Document().Path != path || !w.Document().Dirty() {
		t.Error("a failed save changed the document's file or cleared its unsaved mark")
	}
	if data, _ := os.ReadFile(path); string(data) != string(assets.Sample) {
		t.Error("a failed save elsewhere touched the open file")
	}
}

func TestSaveAsAddsExtension(t *testing.T) {
	w, _ := newTestWindow(t)
	w.doc.Path = ""
	w.ShowSaveAs(nil)
	dir := t.TempDir()
	// The form's entry holds the suggested name; point the dialog at dir.
	name := firstEntry(t, w)
	if name.Text != "commuter-cycling.jobcanvas" {
		t.Fatalf("suggested file name %q", name.Text)
	}
	name.SetText("workshop")
	w.Window.Canvas().Overlays().Top().Hide()
	if err := w.SaveTo(filepath.Join(dir, withExt(name.Text))); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "workshop.jobcanvas")); err != nil {
		t.Error(err)
	}
}

// windowOpen reports whether the window is still open.
func windowOpen(w *Window) bool {
	for _, o := range w.App.Driver().AllWindows() {
		if o == w.Window {
			return true
		}
	}
	return false
}

// TestCloseAsksAboutUnsavedChanges: Close (Ctrl+W) closes the window, as
// its close button does, after asking about unsaved changes.
func TestCloseAsksAboutUnsavedChanges(t *testing.T) {
	w, _ := newTestWindow(t)
	close := menuItem(t, w, "File", "Close")
	if sh, ok := close.Shortcut.(*desktop.CustomShortcut); !ok || sh.KeyName != fyne.KeyW || close.Label != "Close Window" {
		t.Errorf("File ▸ %s, shortcut %v", close.Label, close.Shortcut)
	}
	addCard(t, w, "Precious")
	doc := w.Document()
	close.Action()
	button(t, w, "Cancel").OnTapped()
	if w.Document() != doc || !windowOpen(w) {
		t.Fatal("Cancel closed the project")
	}
	close.Action()
	test.Tap(button(t, w, "Don't save"))
	if windowOpen(w) {
		t.Error("Don't save did not close the window")
	}
}

// TestCloseWithoutChanges: a window with nothing unsaved closes at once.
func TestCloseWithoutChanges(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Close()
	if windowOpen(w) {
		t.Error("the window is still open")
	}
}

func TestCloseSavesWhenAsked(t *testing.T) {
	w, path := newTestWindow(t)
	c := addCard(t, w, "Keep me")
	w.Close()
	test.Tap(button(t, w, "Save"))
	p, err := storage.Load(path)
	if err != nil || p.Boards[0].Card(c.ID) == nil {
		t.Errorf("Save in the close dialog did not save the card (err %v)", err)
	}
}

func TestBoardsAddRenameDeleteUndo(t *testing.T) {
	w, _ := newTestWindow(t)
	n := len(w.tabs.Items) // the sample's boards
	if err := w.AddBoard(canvas.TemplateFree, "Competitors"); err != nil {
		t.Fatal(err)
	}
	if len(w.tabs.Items) != n+1 || w.tabs.SelectedIndex() != n || w.tabs.Items[n].Text != "Competitors" {
		t.Fatalf("after Add board: %d tabs, selected %d", len(w.tabs.Items), w.tabs.SelectedIndex())
	}
	if err := w.Document().Do(&canvas.RenameBoard{Board: w.CurrentBoard().BoardID(), Title: "Hire & fire"}); err != nil {
		t.Fatal(err)
	}
	if w.tabs.Items[n].Text != "Hire & fire" {
		t.Errorf("tab title %q after rename", w.tabs.Items[n].Text)
	}
	w.tabs.SelectIndex(0)
	first := w.CurrentBoard()
	w.DeleteBoard()
	if len(w.tabs.Items) != n || w.tabs.Items[0].Text != "Get to work" {
		t.Fatalf("after Delete board: tabs %d, first %q", len(w.tabs.Items), w.tabs.Items[0].Text)
	}
	menuItem(t, w, "Edit", "Undo").Action()
	if len(w.tabs.Items) != n+1 || w.boards[0] != first {
		t.Error("undo of Delete board did not bring its tab back in place")
	}
	menuItem(t, w, "Edit", "Redo").Action()
	if len(w.tabs.Items) != n {
		t.Error("redo of Delete board did not remove the tab again")
	}
}

func TestNewProject(t *testing.T) {
	w, _ := newTestWindow(t)
	p, err := w.newProject("  Payroll  ", map[string]bool{canvas.TemplateJobMap: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Payroll" || len(p.Boards) != 1 || p.Boards[0].Template != canvas.TemplateJobMap || len(p.Boards[0].Steps) != 8 {
		t.Errorf("new project %q with %d boards", p.Name, len(p.Boards))
	}
}

func TestMenuShortcutsGoToTextWhileTyping(t *testing.T) {
	w, _ := newTestWindow(t)
	e := widget.NewEntry()
	e.SetText("call it out")
	w.Window.SetContent(e)
	w.Window.Canvas().Focus(e)
	menuItem(t, w, "Edit", "Select All").Action()
	if e.SelectedText() != "call it out" {
		t.Errorf("Select All while typing selected %q in the text field", e.SelectedText())
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Commuter cycling":      "commuter-cycling.jobcanvas",
		"  Q3: pay suppliers! ": "q3-pay-suppliers.jobcanvas",
		"":                      "untitled.jobcanvas",
		"Café ideas":            "café-ideas.jobcanvas",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// dialogObjects lists what the topmost dialog shows.
func dialogObjects(t *testing.T, w *Window) []fyne.CanvasObject {
	t.Helper()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return test.LaidOutObjects(top)
}

func TestNewDialogOffersTheTemplates(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowNew()
	var names []string
	var name *widget.Entry
	for _, o := range dialogObjects(t, w) {
		switch o := o.(type) {
		case *widget.Check:
			names = append(names, o.Text)
			if o.Text == "Value proposition canvas" {
				test.Tap(o) // untick: only the job map
			}
		case *widget.Entry:
			name = o
		}
	}
	var want []string
	for _, tp := range canvas.Templates() {
		want = append(want, tp.Name)
	}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("the New dialog offers %v, want every template %v", names, want)
	}
	name.SetText("Payroll run")
	test.Tap(button(t, w, "Create"))
	p := w.Document().Project
	if p.Name != "Payroll run" || len(p.Boards) != 1 || p.Boards[0].Template != canvas.TemplateJobMap {
		t.Fatalf("created %q with %d boards", p.Name, len(p.Boards))
	}
	if w.Document().Path != "" || len(w.tabs.Items) != 1 {
		t.Error("a new project has a file, or its tabs do not match its boards")
	}
}

func TestAddBoardDialogOffersTheTemplates(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowAddBoard()
	var radio *widget.RadioGroup
	var title *widget.Entry
	for _, o := range dialogObjects(t, w) {
		switch o := o.(type) {
		case *widget.RadioGroup:
			radio = o
		case *widget.Entry:
			title = o
		}
	}
	if radio == nil || len(radio.Options) != len(canvas.Templates()) {
		t.Fatalf("the Add board dialog offers %v", radio)
	}
	radio.SetSelected("Free board")
	title.SetText("Competitors")
	test.Tap(button(t, w, "Add"))
	last := len(w.Document().Project.Boards) - 1
	bd := w.Document().Project.Boards[last]
	if bd.Template != canvas.TemplateFree || bd.Title != "Competitors" || w.tabs.SelectedIndex() != last {
		t.Fatalf("added %q (%s), tab %d selected", bd.Title, bd.Template, w.tabs.SelectedIndex())
	}
}

func TestViewMenuThemeAndMinimap(t *testing.T) {
	w, _ := newTestWindow(t)
	theme := menuItem(t, w, "View", "Theme")
	for _, it := range theme.ChildMenu.Items {
		if it.Label == "Light" {
			it.Action()
		}
	}
	bg := func() color.Color {
		return render.NewPalette(w.CurrentBoard().Theme(), fyne.CurrentApp().Settings().ThemeVariant()).Background
	}
	light := bg()
	if w.ThemeChoice() != themeLight || !menuChecked(t, w, "Light") {
		t.Fatalf("theme choice %q after View ▸ Theme ▸ Light", w.ThemeChoice())
	}
	w.SetThemeChoice(themeDark)
	if bg() == light {
		t.Fatal("the dark theme draws the board as the light one")
	}
	// The choice holds for the next window.
	if w2 := NewWindow(w.App); w2.ThemeChoice() != themeDark {
		t.Error("the theme choice was not remembered")
	}

	// Ctrl+M (View ▸ Minimap) turns the minimaps off and on.
	mini := menuItem(t, w, "View", "Minimap")
	if !mini.Checked {
		t.Fatal("the minimap is off by default")
	}
	mini.Action()
	for _, tab := range w.tabsByBoard {
		if tab.minimap.Enabled() {
			t.Fatal("View ▸ Minimap left a minimap on")
		}
	}
	if menuItem(t, w, "View", "Minimap").Checked || w.minimapOn() {
		t.Error("the menu or the preference still says on")
	}
}

// menuChecked reports whether View ▸ Theme ▸ label is ticked.
func menuChecked(t *testing.T, w *Window, label string) bool {
	for _, it := range menuItem(t, w, "View", "Theme").ChildMenu.Items {
		if it.Label == label {
			return it.Checked
		}
	}
	t.Fatalf("no theme %q", label)
	return false
}

// TestWindowLetsGoOfDocuments: the window, its boards, their minimaps and
// the autosaver stop listening to a document once another replaces it and
// when the window closes, so a closed project is not kept alive (nor
// redrawn) by them.
func TestWindowLetsGoOfDocuments(t *testing.T) {
	w, _ := newTestWindow(t)
	first := w.Document()
	w.tabs.SelectIndex(1) // both boards' widgets made
	if first.Listeners() < 5 {
		t.Fatalf("%d listeners: the window, the autosaver, two boards and their minimaps should listen", first.Listeners())
	}
	p, err := canvas.NewProject("Second", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	second := NewDocument(p, "")
	w.SetDocument(second)
	if n := first.Listeners(); n != 0 {
		t.Errorf("%d listeners left on the document replaced", n)
	}
	if second.Listeners() == 0 {
		t.Fatal("nothing listens to the document shown")
	}
	w.Window.Close()
	if n := second.Listeners(); n != 0 {
		t.Errorf("%d listeners left after the window closed", n)
	}
}
