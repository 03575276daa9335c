package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// newLandscapeTest shows the landscape of the hand-made project in a
// headless window at the export's size.
func newLandscapeTest(t *testing.T) (*Landscape, *Document, fyne.Window) {
	t.Helper()
	exportApp(t)
	doc := NewDocument(landscapeProject(t), "")
	l := NewLandscape(doc)
	t.Cleanup(l.Close)
	win := test.NewTempWindow(t, l)
	win.SetPadded(false)
	win.Resize(render.LandscapeExportSize)
	return l, doc, win
}

// dotOf finds the dot of the outcome with that statement.
func dotOf(t *testing.T, l *Landscape, statement string) (canvas.Dot, fyne.Position) {
	t.Helper()
	for _, d := range l.Dots() {
		if d.Statement == statement {
			pos, ok := l.DotPosition(d.Card)
			if !ok {
				t.Fatalf("no position for the dot of %q", statement)
			}
			return d, pos
		}
	}
	t.Fatalf("no dot for %q", statement)
	return canvas.Dot{}, fyne.Position{}
}

// hover moves the pointer to pos on the landscape.
func hover(win fyne.Window, l *Landscape, pos fyne.Position) {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(l)
	test.MoveMouse(win.Canvas(), abs.Add(pos))
}

// Pointing at a dot shows its statement, its step and its scores; moving
// off it hides them.
func TestLandscapeHoverShowsLabel(t *testing.T) {
	l, doc, win := newLandscapeTest(t)
	if l.Label() != "" {
		t.Fatalf("a label before any pointing: %q", l.Label())
	}
	const statement = "Minimize the time it takes to lock the bike"
	d, pos := dotOf(t, l, statement)
	step := doc.Project.Boards[0].Steps[2].Name
	hover(win, l, pos.AddXY(3, -2)) // near enough
	label := l.Label()
	for _, want := range []string{"Step: " + step, "Importance 8 · Satisfaction 3.5", "Opportunity 12.5 · High opportunity"} {
		if !strings.Contains(label, want) {
			t.Errorf("the label %q does not say %q", label, want)
		}
	}
	if got := strings.Join(strings.Fields(label), " "); !strings.Contains(got, statement) {
		t.Errorf("the label %q does not hold the statement", label)
	}
	if d.Step != step {
		t.Errorf("the dot's step is %q, want %q", d.Step, step)
	}

	// An outcome of the free board sits in no step: the label says so and
	// names its board.
	_, pos = dotOf(t, l, "Minimize the noise of the gears")
	hover(win, l, pos)
	if label := l.Label(); !strings.Contains(label, "Not in a step · Free board") {
		t.Errorf("the free board's outcome is labelled %q", label)
	}

	hover(win, l, pos.AddXY(0, 32)) // between the dots
	if l.Label() != "" {
		t.Errorf("off the dots the label still says %q", l.Label())
	}
	hover(win, l, pos)
	l.MouseOut()
	if l.Label() != "" {
		t.Errorf("with the pointer gone the label still says %q", l.Label())
	}
}

// A click on a dot hands its board and card to OnSelect; a click beside
// the dots hands nothing.
func TestLandscapeTapSelects(t *testing.T) {
	l, doc, _ := newLandscapeTest(t)
	var got [][2]uuid.UUID
	l.OnSelect = func(board, card uuid.UUID) { got = append(got, [2]uuid.UUID{board, card}) }
	d, pos := dotOf(t, l, "Minimize the noise of the gears")
	test.TapAt(l, pos)
	if len(got) != 1 || got[0] != [2]uuid.UUID{doc.Project.Boards[1].ID, d.Card} || d.Board != doc.Project.Boards[1].ID {
		t.Fatalf("OnSelect got %v, want the free board's card %s", got, d.Card)
	}
	test.TapAt(l, pos.AddXY(0, 40))
	if len(got) != 1 {
		t.Errorf("a click beside the dots selected %v", got[1:])
	}
}

// Where outcomes have the same scores, their dots lie on one another: the
// label says how many, and each click picks the next one.
func TestLandscapeTapCyclesThroughStackedDots(t *testing.T) {
	l, _, win := newLandscapeTest(t)
	locker, _ := dotOf(t, l, "Minimize the time it takes to find a locker") // the free board's: on top
	weather, pos := dotOf(t, l, "Minimize the time it takes to check the weather")
	hover(win, l, pos)
	if label := strings.Join(strings.Fields(l.Label()), " "); !strings.Contains(label, "1 of 2 outcomes here") || !strings.Contains(label, "find a locker") {
		t.Errorf("over two dots the label says %q", label)
	}
	var cards []uuid.UUID
	l.OnSelect = func(_, card uuid.UUID) { cards = append(cards, card) }
	for range 3 {
		test.TapAt(l, pos)
	}
	if want := []uuid.UUID{locker.Card, weather.Card, locker.Card}; !slices.Equal(cards, want) {
		t.Errorf("three clicks picked %v, want %v (the topmost first, then the next)", cards, want)
	}
	if label := l.Label(); !strings.Contains(label, "2 of 2 outcomes here") {
		t.Errorf("after a click the label does not name the next dot: %q", label)
	}
}

// The landscape follows the document: a changed score moves the dot, an
// unscored or deleted outcome loses it, undo brings it back; once closed
// it no longer listens.
func TestLandscapeFollowsTheDocument(t *testing.T) {
	l, doc, _ := newLandscapeTest(t)
	n := len(l.Dots())
	d, before := dotOf(t, l, "Minimize the cost of a service")
	jm := doc.Project.Boards[0]
	c := jm.Card(d.Card).Clone()
	c.Satisfaction = ptrF(9)
	if err := doc.Do(&canvas.UpdateCard{Board: jm.ID, Card: c}); err != nil {
		t.Fatal(err)
	}
	moved, after := dotOf(t, l, "Minimize the cost of a service")
	if moved.Class != canvas.ClassOverserved || !(after.Y < before.Y) || after.X != before.X {
		t.Errorf("after satisfaction 2 → 9 the dot is %v at %v (was %v), class %s", moved, after, before, moved.Class)
	}
	if err := doc.Do(&canvas.RemoveCards{Board: jm.ID, IDs: []uuid.UUID{d.Card}}); err != nil {
		t.Fatal(err)
	}
	if len(l.Dots()) != n-1 {
		t.Errorf("%d dots after deleting one of %d", len(l.Dots()), n)
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if len(l.Dots()) != n {
		t.Errorf("%d dots after undo, want %d", len(l.Dots()), n)
	}
	// A drag to the next column changes the outcome's step.
	d, _ = dotOf(t, l, "Minimize the time it takes to lock the bike")
	cols := jm.TemplateOf().Columns
	if err := doc.Do(&canvas.MoveCards{Board: jm.ID, IDs: []uuid.UUID{d.Card}, DX: cols.Width, Raise: true}); err != nil {
		t.Fatal(err)
	}
	if moved, _ := dotOf(t, l, "Minimize the time it takes to lock the bike"); moved.Step != jm.Steps[3].Name {
		t.Errorf("after a move to the next column the step is %q, want %q", moved.Step, jm.Steps[3].Name)
	}

	listening := doc.Listeners()
	l.Close()
	if doc.Listeners() != listening-1 {
		t.Errorf("%d listeners after Close, want %d", doc.Listeners(), listening-1)
	}
}

// With no scored outcome the widget draws the empty chart and says how to
// score outcomes.
func TestLandscapeEmptySaysHowToScore(t *testing.T) {
	exportApp(t)
	p, err := canvas.NewProject("Empty", canvas.TemplateJobMap)
	if err != nil {
		t.Fatal(err)
	}
	l := NewLandscape(NewDocument(p, ""))
	defer l.Close()
	win := test.NewTempWindow(t, l)
	win.Resize(fyne.NewSize(700, 800))
	text := strings.Join(l.r.view.Empty(), " ")
	if len(l.Dots()) != 0 || !strings.Contains(text, "importance and a satisfaction (0–10)") {
		t.Errorf("the empty landscape says %q with %d dots", text, len(l.Dots()))
	}
}

// View ▸ Opportunity Landscape opens one window; a click on a dot shows the
// card's board, selects the card and pans it into view; closing the
// window stops it listening to the document.
func TestLandscapeWindowShowsTheCard(t *testing.T) {
	w, _ := newTestWindow(t)
	vpc, jm := w.doc.Project.Boards[0], w.doc.Project.Boards[1]
	if w.CurrentBoard().BoardID() != vpc.ID {
		t.Fatal("the test wants the value proposition canvas shown first")
	}
	listening := w.doc.Listeners()
	windows := len(w.App.Driver().AllWindows())
	menuItem(t, w, "View", "Opportunity Landscape").Action()
	lw := landscapes[w]
	if lw == nil || len(w.App.Driver().AllWindows()) != windows+1 {
		t.Fatalf("no landscape window: %d windows, %d before", len(w.App.Driver().AllWindows()), windows)
	}
	w.ShowLandscape() // a second time brings the same one forward
	if len(w.App.Driver().AllWindows()) != windows+1 {
		t.Errorf("a second View ▸ Opportunity Landscape opened another window")
	}
	lw.win.Resize(fyne.NewSize(760, 900))

	// The job map, zoomed in on its top left corner: the outcome is out
	// of view.
	var target *canvas.Card
	for _, c := range jm.Cards {
		if _, ok := c.Class(); ok && c.Kind == canvas.KindOutcome && c.X > 900 {
			target = c
			break
		}
	}
	if target == nil {
		t.Fatal("the sample has no scored outcome right of the first columns")
	}
	w.tabs.SelectIndex(1)
	bw := w.CurrentBoard()
	bw.ShowAt(2, canvas.Point{})
	w.tabs.SelectIndex(0)
	if holds(bw.InView(), target.Rect()) {
		t.Fatal("the outcome is in view before the click")
	}

	pos, ok := lw.view.DotPosition(target.ID)
	if !ok {
		t.Fatal("the outcome has no dot")
	}
	hits := lw.view.r.view.DotsAt(pos)
	test.TapAt(lw.view, pos)
	picked := lw.view.r.view.Dots()[hits[0]].Card
	if w.CurrentBoard() != bw {
		t.Fatalf("the window shows board %q after the click", BoardTitle(w.doc.Project.Board(w.CurrentBoard().BoardID())))
	}
	if sel := bw.Selection(); len(sel) != 1 || sel[0] != picked {
		t.Errorf("selection %v after the click, want %v", sel, picked)
	}
	if !holds(bw.InView(), jm.Card(picked).Rect()) {
		t.Errorf("the card at %v is not in view %v after the click", jm.Card(picked).Rect(), bw.InView())
	}
	if bw.Zoom() != 2 {
		t.Errorf("the zoom changed to %v", bw.Zoom())
	}

	lw.win.Close()
	if landscapes[w] != nil || w.doc.Listeners() != listening {
		t.Errorf("after closing: window kept %v, %d listeners (want %d)", landscapes[w] != nil, w.doc.Listeners(), listening)
	}
}

// Reveal of a card that is gone says so and changes nothing.
func TestRevealGoneCard(t *testing.T) {
	w, _ := newTestWindow(t)
	if w.ShowCard(w.doc.Project.Boards[1].ID, uuid.New()) || w.ShowCard(uuid.New(), uuid.New()) {
		t.Error("ShowCard of a card that does not exist reported it shown")
	}
	if len(w.CurrentBoard().Selection()) != 0 {
		t.Error("a failed ShowCard selected cards")
	}
}

// Export PNG… in the landscape's window writes the image, named after the
// project, at the size chosen.
func TestLandscapeWindowExport(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowLandscape()
	lw := landscapes[w]
	t.Cleanup(func() { lw.win.Close() })
	e := w.newLandscapeExport(lw)
	dir := t.TempDir()
	e.folder.SetText(dir)
	e.size.SetSelected("1×")
	e.update()
	if want := "The image will be 708 × 816 px."; e.info.Text != want || e.export.Disabled() {
		t.Fatalf("the dialog says %q (Export disabled: %v), want %q", e.info.Text, e.export.Disabled(), want)
	}
	done := make(chan exportResult, 1)
	e.done = func(path string, err error) { done <- exportResult{[]string{path}, err} }
	test.Tap(e.export)
	r := waitExport(t, done)
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := filepath.Join(dir, "commuter-cycling-landscape.png")
	if r.paths[0] != want {
		t.Errorf("wrote %s, want %s", r.paths[0], want)
	}
	if got := pngSize(t, want); got.X != 708 || got.Y != 816 {
		t.Errorf("the image is %v", got)
	}

	// No file name: nothing can be exported.
	e.name.SetText("  ")
	if !e.export.Disabled() || !strings.Contains(e.info.Text, "file name") {
		t.Errorf("with no name the dialog says %q, Export disabled %v", e.info.Text, e.export.Disabled())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the one image", len(entries))
	}
}

// holds reports whether r holds all of o.
func holds(r, o canvas.Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.X+o.W <= r.X+r.W && o.Y+o.H <= r.Y+r.H
}

// The landscape follows its main window: another project opened there is
// shown at once, and closing the main window closes the landscape.
func TestLandscapeFollowsItsWindow(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowLandscape()
	lw := landscapes[w]
	if lw == nil {
		t.Fatal("no landscape window")
	}
	first := w.doc
	p, err := canvas.NewProject("Other", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	w.SetDocument(NewDocument(p, ""))
	if lw.view.Document() != w.doc {
		t.Error("the landscape still shows the project the window closed")
	}
	if n := first.Listeners(); n != 0 {
		t.Errorf("%d listeners left on the project the window closed", n)
	}
	w.Window.Close()
	if landscapes[w] != nil {
		t.Error("the landscape stays open after its window closed")
	}
}
