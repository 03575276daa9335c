package board

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

var screen = fyne.NewSize(1280, 720)

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestBoardShowsEveryCardAndFollowsUndo(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	if got, want := b.r.view.Len(), len(s.vpc.Cards); got != want {
		t.Fatalf("views = %d, want %d", got, want)
	}
	c := canvas.NewCard(canvas.KindPain, at(1500, 1000), "Flat tyre")
	if err := doc.Do(&canvas.AddCards{Board: s.vpc.ID, Cards: []canvas.Card{c}}); err != nil {
		t.Fatal(err)
	}
	if b.r.view.Card(c.ID) == nil {
		t.Fatal("no view for the added card")
	}
	before := b.r.view.Card(s.byText["Rain"])
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if b.r.view.Card(c.ID) != nil || b.r.view.Len() != len(s.vpc.Cards) {
		t.Fatal("undo left the card's view behind")
	}
	if b.r.view.Card(s.byText["Rain"]) != before {
		t.Error("sync re-created a view it could reuse")
	}
	if err := doc.Redo(); err != nil {
		t.Fatal(err)
	}
	if b.r.view.Card(c.ID) == nil {
		t.Fatal("redo: no view for the card")
	}
}

func TestBoardClickSelects(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, stolen := s.byText["Rain"], s.byText["Bike stolen at the station"]
	click(b, cardCenter(b, rain), 0)
	assertSelection(t, b, rain)
	click(b, cardCenter(b, stolen), fyne.KeyModifierShift)
	assertSelection(t, b, stolen, rain)
	click(b, cardCenter(b, rain), fyne.KeyModifierControl)
	assertSelection(t, b, stolen)
	click(b, screenOf(b, at(1200, 1200)), 0)
	assertSelection(t, b)

	// A tap without a press before it (touch, tests) selects too.
	test.TapAt(b, cardCenter(b, rain))
	assertSelection(t, b, rain)
	if !b.r.view.Card(rain).Selected() {
		t.Error("the selected card shows no outline")
	}
}

func TestBoardClickOnSelectedCardKeepsSelectionForDrag(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, stolen := s.byText["Rain"], s.byText["Bike stolen at the station"]
	b.Select(rain, stolen)
	pressAt(b, cardCenter(b, rain), desktop.MouseButtonPrimary, 0)
	assertSelection(t, b, stolen, rain)
	release(b, cardCenter(b, rain), desktop.MouseButtonPrimary)
	assertSelection(t, b, rain)
}

func TestBoardRubberBandSelects(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	from := screenOf(b, at(1330, 800)) // empty space in the pains zone
	to := screenOf(b, at(1950, 1130))
	dragSteps(b, from, to, 4)
	assertSelection(t, b, s.byText["Arrive sweaty before the 9:00 meeting"],
		s.byText["Bike stolen at the station"], s.byText["Rain"])
	if doc.History.UndoName() != "" {
		t.Error("a rubber band changed the model")
	}
	if b.r.band.Visible() {
		t.Error("the band is still drawn after the drag")
	}
	// With Shift, the band adds to the selection.
	b.Select(s.byText["Rain"])
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	dragSteps(b, screenOf(b, at(1950, 620)), screenOf(b, at(2300, 800)), 2)
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	assertSelection(t, b, s.byText["Rain"], s.byText["Get to work on time"])
}

func TestBoardDragMovesSelectionAsOneUndoStep(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, stolen := s.byText["Rain"], s.byText["Bike stolen at the station"]
	r0, s0 := *s.vpc.Card(rain), *s.vpc.Card(stolen)
	b.Select(rain, stolen)
	start := cardCenter(b, rain)
	dragSteps(b, start, start.AddXY(0, 40), 8)
	r1, s1 := s.vpc.Card(rain), s.vpc.Card(stolen)
	if r1.X != r0.X || s1.X != s0.X || r1.Y <= r0.Y || s1.Y-s0.Y != r1.Y-r0.Y {
		t.Fatalf("moved to %v,%v and %v,%v", r1.X, r1.Y, s1.X, s1.Y)
	}
	if math.Mod(r1.Y, gridStep) != 0 {
		t.Errorf("grabbed card not snapped to the grid: y = %v", r1.Y)
	}
	if got := b.r.view.Card(rain).Position(); got != b.view.ToScreen(at(r1.X, r1.Y)) {
		t.Errorf("view at %v, card at %v", got, b.view.ToScreen(at(r1.X, r1.Y)))
	}
	if doc.History.UndoName() != "Move cards" {
		t.Fatalf("undo name %q", doc.History.UndoName())
	}
	b.Undo()
	if c := s.vpc.Card(rain); c.X != r0.X || c.Y != r0.Y {
		t.Fatalf("undo: rain at %v,%v, want %v,%v", c.X, c.Y, r0.X, r0.Y)
	}
	if c := s.vpc.Card(stolen); c.Y != s0.Y {
		t.Fatal("undo did not move the whole selection back in one step")
	}
	if got := b.r.view.Card(rain).Position(); got != b.view.ToScreen(at(r0.X, r0.Y)) {
		t.Error("view not back after undo")
	}
	b.Redo()
	if c := s.vpc.Card(rain); c.Y != r1.Y {
		t.Fatal("redo did not move the card again")
	}
}

func TestBoardDragUnselectedCardMovesOnlyIt(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, stolen := s.byText["Rain"], s.byText["Bike stolen at the station"]
	b.Select(stolen)
	s0 := *s.vpc.Card(stolen)
	from := cardCenter(b, rain)
	// test.Drag sends one Dragged, positioned where the pointer ends.
	test.Drag(w.Canvas(), from.AddXY(-50, 0), -50, 0)
	assertSelection(t, b, rain)
	if c := s.vpc.Card(stolen); c.X != s0.X {
		t.Error("the card selected before moved too")
	}
}

func TestBoardDropInAnotherZoneChangesZoneAndKind(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	b.Select(rain)
	from := cardCenter(b, rain)
	to := screenOf(b, at(1650, 500)) // the gains zone
	dragSteps(b, from, to, 5)
	c := s.vpc.Card(rain)
	if c.Zone != "gains" || c.Kind != canvas.KindGain {
		t.Fatalf("zone %q kind %q, want gains/gain", c.Zone, c.Kind)
	}
	if got := b.r.view.Card(rain).Shown().Color; got != canvas.KindGain.DefaultColor() {
		t.Errorf("the view still shows %s", got)
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if c.Zone != "pains" || c.Kind != canvas.KindPain {
		t.Fatalf("undo: zone %q kind %q", c.Zone, c.Kind)
	}
	if got := b.r.view.Card(rain).Shown().Color; got != canvas.KindPain.DefaultColor() {
		t.Errorf("after undo the view shows %s", got)
	}
}

func TestBoardDoubleTapEmptySpaceCreatesCardInZone(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	n := len(s.vpc.Cards)
	p := at(400, 1000) // products & services, below the cards
	b.DoubleTapped(&fyne.PointEvent{Position: b.view.ToScreen(p)})
	if !b.Editing() || len(s.vpc.Cards) != n {
		t.Fatalf("editing %v, %d cards: want the editor open and no card yet", b.Editing(), len(s.vpc.Cards))
	}
	test.Type(b.edit.entry, "Loan bikes")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b.Editing() || len(s.vpc.Cards) != n+1 {
		t.Fatalf("after Enter: editing %v, %d cards", b.Editing(), len(s.vpc.Cards))
	}
	c := s.vpc.Cards[n]
	if c.Text != "Loan bikes" || c.Kind != canvas.KindProduct || c.Zone != "products" ||
		!near(c.Center().X, p.X) || !near(c.Center().Y, p.Y) {
		t.Fatalf("card %+v", c)
	}
	assertSelection(t, b, c.ID)
	if f := b.canvasOf().Focused(); f != b {
		t.Errorf("focus went to %T, want the board", f)
	}
	if doc.History.UndoName() != "Add card" {
		t.Errorf("undo name %q", doc.History.UndoName())
	}
	b.Undo()
	if len(s.vpc.Cards) != n {
		t.Fatal("undo did not remove the card")
	}
}

func TestBoardNewCardCancelledOrEmptyLeavesNothing(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	n := len(s.vpc.Cards)
	b.focus(b)
	test.MoveMouse(b.canvasOf(), b.view.ToScreen(at(1700, 300)))
	b.TypedRune('n') // N over the gains zone
	if !b.Editing() || !b.edit.target.isNew || b.edit.target.newCrd.Kind != canvas.KindGain {
		t.Fatalf("N: editing %v", b.Editing())
	}
	if c := b.edit.target.newCrd.Center(); !near(c.X, 1700) || !near(c.Y, 300) {
		t.Errorf("new card at %v, want under the pointer", c)
	}
	test.Type(b.edit.entry, "Half")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Editing() || len(s.vpc.Cards) != n {
		t.Fatal("Escape left a card behind")
	}

	b.NewCard()
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b.Editing() || len(s.vpc.Cards) != n {
		t.Fatal("an empty card was created")
	}
	b.NewCard()
	test.Type(b.edit.entry, "   ")
	click(b, b.view.ToScreen(at(1200, 1200)), 0) // click away commits: still empty
	if b.Editing() || len(s.vpc.Cards) != n || doc.History.UndoName() != "" {
		t.Fatal("clicking away from an empty new card left something behind")
	}
}

func TestBoardNewCardAtViewCentreWithoutPointer(t *testing.T) {
	b, _, _, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	b.NewCard()
	want := b.view.ToBoard(fyne.NewPos(screen.Width/2, screen.Height/2))
	if c := b.edit.target.newCrd.Center(); !near(c.X, want.X) || !near(c.Y, want.Y) {
		t.Errorf("new card at %v, want the view centre %v", c, want)
	}
}

func TestBoardEditCardText(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	b.DoubleTapped(&fyne.PointEvent{Position: cardCenter(b, rain)})
	if !b.Editing() || b.edit.target.card != rain || b.edit.entry.Text != "Rain" {
		t.Fatal("double-tap did not open the card's text")
	}
	test.Type(b.edit.entry, " and wind")
	e := b.edit.entry
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(e, "in winter")
	if !b.Editing() {
		t.Fatal("Shift+Enter ended the edit")
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := s.vpc.Card(rain).Text; got != "Rain and wind\nin winter" {
		t.Fatalf("text %q", got)
	}
	if doc.History.UndoName() != "Edit text" {
		t.Errorf("undo name %q", doc.History.UndoName())
	}
	if b.r.view.Card(rain).Shown().Text != "Rain and wind\nin winter" {
		t.Error("the view did not follow the text")
	}
	b.Undo()
	if got := s.vpc.Card(rain).Text; got != "Rain" {
		t.Fatalf("undo: text %q", got)
	}

	// Enter and F2 edit the selection; clicking away commits.
	b.Select(rain)
	key(b, fyne.KeyF2)
	if !b.Editing() || b.edit.target.card != rain {
		t.Fatal("F2 did not edit the selected card")
	}
	test.Type(b.edit.entry, "!")
	click(b, b.view.ToScreen(at(1200, 1200)), 0)
	if got := s.vpc.Card(rain).Text; got != "Rain!" || b.Editing() {
		t.Fatalf("click away: text %q, editing %v", got, b.Editing())
	}
	b.Select(rain)
	key(b, fyne.KeyReturn)
	if !b.Editing() {
		t.Fatal("Enter did not edit the selected card")
	}
	test.Type(b.edit.entry, "?")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := s.vpc.Card(rain).Text; got != "Rain!" {
		t.Fatalf("Escape kept the typing: %q", got)
	}
}

func TestBoardDeleteAndUndo(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	links := len(s.vpc.Links)
	b.Select(racks, stolen)
	key(b, fyne.KeyDelete)
	if s.vpc.Card(racks) != nil || s.vpc.Card(stolen) != nil || len(s.vpc.Links) != links-1 {
		t.Fatal("Delete did not remove the cards and their link")
	}
	if len(b.Selection()) != 0 || b.r.view.Card(racks) != nil {
		t.Error("deleted cards still selected or drawn")
	}
	b.Undo()
	if s.vpc.Card(racks) == nil || len(s.vpc.Links) != links || b.r.view.Card(racks) == nil {
		t.Fatal("undo did not bring the cards back")
	}
	b.Select(racks)
	key(b, fyne.KeyBackspace)
	if s.vpc.Card(racks) != nil {
		t.Fatal("Backspace did not delete")
	}
}

func TestBoardArrowKeysNudge(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	c := s.vpc.Card(rain)
	x, y := c.X, c.Y
	b.Select(rain)
	key(b, fyne.KeyRight)
	key(b, fyne.KeyDown)
	if c.X != x+gridStep || c.Y != y+gridStep {
		t.Fatalf("at %v,%v", c.X, c.Y)
	}
	b.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(b, fyne.KeyLeft)
	b.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if c.X != x+gridStep-5*gridStep {
		t.Fatalf("Shift+Left: x %v", c.X)
	}
	b.Undo()
	if c.X != x+gridStep || c.Y != y+gridStep {
		t.Fatal("one undo should take back one press")
	}
	b.Undo()
	b.Undo()
	if c.X != x || c.Y != y || doc.History.UndoName() != "" {
		t.Fatal("three presses, three undo steps")
	}
	key(b, fyne.KeyEscape)
	assertSelection(t, b)
}

func TestBoardCopyPaste(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	n, links := len(s.vpc.Cards), len(s.vpc.Links)
	b.Select(racks, stolen)
	b.Copy()
	if got := fyne.CurrentApp().Clipboard().Content(); got != "Covered, guarded racks\nBike stolen at the station" {
		t.Errorf("system clipboard %q", got)
	}
	b.Paste()
	if len(s.vpc.Cards) != n+2 || len(s.vpc.Links) != links+1 {
		t.Fatalf("paste: %d cards %d links", len(s.vpc.Cards), len(s.vpc.Links))
	}
	pasted := b.Selection()
	if len(pasted) != 2 || pasted[0] == racks {
		t.Fatal("the pasted cards are not selected")
	}
	orig := s.vpc.Card(racks)
	if c := s.vpc.Card(pasted[0]); c.X != orig.X+pasteStep || c.Y != orig.Y+pasteStep || c.Text != orig.Text {
		t.Errorf("pasted at %v,%v, original at %v,%v", c.X, c.Y, orig.X, orig.Y)
	}
	b.Paste()
	if c := s.vpc.Cards[len(s.vpc.Cards)-2]; c.X != orig.X+2*pasteStep {
		t.Errorf("second paste at x %v, want %v", c.X, orig.X+2*pasteStep)
	}
	b.Undo()
	b.Undo()
	if len(s.vpc.Cards) != n || doc.History.UndoName() != "" {
		t.Fatal("undo of two pastes")
	}

	// Cut, then paste puts them back where they were.
	b.Select(racks)
	x := s.vpc.Card(racks).X
	b.Cut()
	if s.vpc.Card(racks) != nil || doc.History.UndoName() != "Cut" {
		t.Fatal("cut did not delete")
	}
	b.Paste()
	if c := s.vpc.Cards[len(s.vpc.Cards)-1]; c.X != x || c.Text != "Covered, guarded racks" {
		t.Errorf("paste after cut at x %v, want %v", c.X, x)
	}
	b.Undo()
	b.Undo()
	if s.vpc.Card(racks) == nil {
		t.Fatal("undo of cut")
	}
}

func TestBoardPasteAcrossBoardsAndForeignText(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	other := New(doc, s.jobMap.ID, b.clip)
	other.Resize(screen)
	test.WidgetRenderer(other)
	n := len(s.jobMap.Cards)
	b.Select(s.byText["Rain"])
	b.Copy()
	other.Paste()
	if len(s.jobMap.Cards) != n+1 || s.jobMap.Cards[n].Text != "Rain" {
		t.Fatal("paste on another board")
	}
	if other.r.view.Card(s.jobMap.Cards[n].ID) == nil {
		t.Error("the other board does not show the pasted card")
	}

	fyne.CurrentApp().Clipboard().SetContent("Too slow\n\n  Too expensive \r\nUgly\n")
	n = len(s.vpc.Cards)
	b.Paste()
	if len(s.vpc.Cards) != n+3 {
		t.Fatalf("foreign text: %d cards, want %d", len(s.vpc.Cards), n+3)
	}
	var texts []string
	for _, c := range s.vpc.Cards[n:] {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, "|") != "Too slow|Too expensive|Ugly" {
		t.Errorf("texts %q", texts)
	}
	if doc.History.UndoName() != "Paste text" {
		t.Errorf("undo name %q", doc.History.UndoName())
	}
	b.Undo()
	if len(s.vpc.Cards) != n {
		t.Fatal("undo of a text paste")
	}
}

func TestBoardDuplicateAndSelectAll(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	n := len(s.vpc.Cards)
	b.Select(s.byText["Rain"])
	b.Duplicate()
	if len(s.vpc.Cards) != n+1 || doc.History.UndoName() != "Duplicate" {
		t.Fatal("duplicate")
	}
	d := s.vpc.Cards[n]
	if d.Text != "Rain" || d.X != s.vpc.Card(s.byText["Rain"]).X+pasteStep {
		t.Errorf("duplicate %+v", d)
	}
	assertSelection(t, b, d.ID)
	b.Undo()
	b.SelectAll()
	if len(b.Selection()) != n {
		t.Errorf("select all: %d of %d", len(b.Selection()), n)
	}
}

func TestBoardShortcutsRunOnce(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	n := len(s.vpc.Cards)
	b.focus(b)
	b.Select(s.byText["Rain"])
	ctrl := fyne.KeyModifierShortcutDefault
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: ctrl})
	if len(s.vpc.Cards) != n+1 {
		t.Fatalf("Ctrl+D: %d cards, want %d", len(s.vpc.Cards), n+1)
	}
	b.TypedShortcut(&fyne.ShortcutCopy{})
	b.TypedShortcut(&fyne.ShortcutPaste{})
	if len(s.vpc.Cards) != n+2 {
		t.Fatalf("Ctrl+C, Ctrl+V: %d cards, want %d", len(s.vpc.Cards), n+2)
	}
	b.TypedShortcut(&fyne.ShortcutUndo{})
	if len(s.vpc.Cards) != n+1 {
		t.Fatal("Ctrl+Z undid more or less than one step")
	}
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift})
	if len(s.vpc.Cards) != n+2 {
		t.Fatal("Ctrl+Shift+Z")
	}
	b.TypedShortcut(&fyne.ShortcutUndo{})
	b.TypedShortcut(&fyne.ShortcutRedo{})
	if len(s.vpc.Cards) != n+2 {
		t.Fatal("Ctrl+Y")
	}
	b.TypedShortcut(&fyne.ShortcutSelectAll{})
	if len(b.Selection()) != n+2 {
		t.Fatal("Ctrl+A")
	}
	b.TypedShortcut(&fyne.ShortcutCut{})
	if len(s.vpc.Cards) != 0 {
		t.Fatal("Ctrl+X")
	}
	z := b.Zoom()
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: ctrl})
	if b.Zoom() != nextZoom(z, 1) {
		t.Fatalf("Ctrl+=: zoom %v", b.Zoom())
	}
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: ctrl})
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: ctrl})
	if b.Zoom() != 1 {
		t.Fatalf("Ctrl+1: zoom %v", b.Zoom())
	}
	b.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl})
	if b.Zoom() == 1 || !b.view.AutoFit() {
		t.Fatalf("Ctrl+0: zoom %v", b.Zoom())
	}
	_ = doc
}

func TestBoardWheelZoomsAroundPointer(t *testing.T) {
	b, _, _, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	pos := fyne.NewPos(300, 200)
	before := b.view.ToBoard(pos)
	z := b.Zoom()
	b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, 10)})
	if b.Zoom() != nextZoom(z, 1) {
		t.Fatalf("zoom %v after one notch in from %v", b.Zoom(), z)
	}
	if after := b.view.ToBoard(pos); !near(after.X, before.X) || !near(after.Y, before.Y) {
		t.Errorf("point under the pointer moved from %v to %v", before, after)
	}
	// A notch of another platform (25 on Linux and Windows) or a fast
	// spin is one step too.
	zz := b.Zoom()
	b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, 25)})
	if b.Zoom() != nextZoom(zz, 1) {
		t.Fatalf("zoom %v after a notch of 25 from %v, want one step", b.Zoom(), zz)
	}
	b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, -25)})
	// A trackpad's small deltas add up to one step.
	zz = b.Zoom()
	for range 4 {
		b.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.NewDelta(0, -2.5)})
	}
	if b.Zoom() != nextZoom(zz, -1) {
		t.Errorf("zoom %v, want one step out from %v", b.Zoom(), zz)
	}
	for range 40 {
		b.ZoomIn()
	}
	if b.Zoom() != maxZoom {
		t.Errorf("zoom in stops at %v, got %v", maxZoom, b.Zoom())
	}
	for range 40 {
		b.ZoomOut()
	}
	if b.Zoom() != minZoom {
		t.Errorf("zoom out stops at %v, got %v", minZoom, b.Zoom())
	}
}

func TestBoardPans(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	c := *s.vpc.Card(rain)
	// Middle button, even on a card.
	p0 := b.view.Pan()
	from := cardCenter(b, rain)
	pressAt(b, from, desktop.MouseButtonTertiary, 0)
	dragSteps(b, from, from.AddXY(-100, 30), 3)
	if b.view.Pan() != p0.AddXY(-100, 30) {
		t.Fatalf("pan %v, want %v", b.view.Pan(), p0.AddXY(-100, 30))
	}
	// Space held and the primary button.
	b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
	from = cardCenter(b, rain)
	dragSteps(b, from, from.AddXY(40, 0), 2)
	b.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
	if b.view.Pan() != p0.AddXY(-60, 30) {
		t.Fatalf("space pan %v", b.view.Pan())
	}
	if got := *s.vpc.Card(rain); got.X != c.X || got.Y != c.Y || doc.History.UndoName() != "" {
		t.Fatal("panning moved a card")
	}
	if got := b.r.view.Card(rain).Position(); got != b.view.ToScreen(at(c.X, c.Y)) {
		t.Error("card views did not follow the pan")
	}
}

func TestBoardCullsAndHidesSmallText(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	b.Zoom100()
	b.view.Set(b.Zoom(), fyne.NewPos(-1300, -700)) // the pains in view, the value map far off
	b.relayout()
	if !b.r.view.Card(s.byText["Rain"]).Visible() {
		t.Error("a card in view is hidden")
	}
	if b.r.view.Card(s.byText["Route planner app"]).Visible() {
		t.Error("a card out of view is drawn")
	}
	for range 20 {
		b.ZoomOut()
	}
	v := b.r.view.Card(s.byText["Rain"])
	if !v.Visible() {
		t.Fatal("every card shows when the whole board is in view")
	}
	for _, l := range v.Lines() {
		if l.Visible() {
			t.Fatalf("text %q drawn at zoom %v", l.Text, b.Zoom())
		}
	}
}

func TestBoardCardContextMenu(t *testing.T) {
	b, doc, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, stolen := s.byText["Rain"], s.byText["Bike stolen at the station"]
	b.TappedSecondary(&fyne.PointEvent{Position: cardCenter(b, rain), AbsolutePosition: cardCenter(b, rain)})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu shown")
	}
	assertSelection(t, b, rain)
	w.Canvas().Overlays().Top().Hide()

	b.Select(rain, stolen)
	menu := b.menus().cardMenu(b.Selection())
	cardMenuItem(t, menu, "Colour", "Pink").Action()
	if s.vpc.Card(rain).Color != "#F8BBD9" || s.vpc.Card(stolen).Color != "#F8BBD9" {
		t.Fatal("colour")
	}
	if b.r.view.Card(rain).Shown().Color != "#F8BBD9" {
		t.Error("the view did not take the colour")
	}
	doc.Undo()
	if s.vpc.Card(rain).Color != "" || s.vpc.Card(stolen).Color != "" {
		t.Fatal("one undo should restore both colours")
	}

	cardMenuItem(t, menu, "Kind", canvas.KindNote.Label()).Action()
	c := s.vpc.Card(rain)
	if c.Kind != canvas.KindNote || c.Zone != "pains" {
		t.Fatalf("kind %q zone %q", c.Kind, c.Zone)
	}
	doc.Undo()
	if s.vpc.Card(rain).Kind != canvas.KindPain {
		t.Fatal("undo kind")
	}

	b.Select(s.byText["Arrive sweaty before the 9:00 meeting"])
	menu = b.menus().cardMenu(b.Selection())
	cardMenuItem(t, menu, "Bring to front").Action()
	if s.vpc.Cards[len(s.vpc.Cards)-1].Text != "Arrive sweaty before the 9:00 meeting" {
		t.Fatal("bring to front")
	}
	if b.r.view.Drawn()[len(b.r.view.Drawn())-1].Card().Text != "Arrive sweaty before the 9:00 meeting" {
		t.Error("the view's drawing order did not follow")
	}
	doc.Undo()
	if b.r.view.Drawn()[len(b.r.view.Drawn())-1].Card() != s.vpc.Cards[len(s.vpc.Cards)-1] {
		t.Error("drawing order after undo")
	}
	n := len(s.vpc.Cards)
	cardMenuItem(t, menu, "Duplicate").Action()
	if len(s.vpc.Cards) != n+1 {
		t.Fatal("duplicate from the menu")
	}
	cardMenuItem(t, b.menus().cardMenu(b.Selection()), "Delete card").Action()
	if len(s.vpc.Cards) != n {
		t.Fatal("delete from the menu")
	}
}

func TestBoardStepHeaderMenuAndRename(t *testing.T) {
	b, doc, s, w := newBoardTest(t, jobMapBoard, screen, lightTheme())
	j := s.jobMap
	hdr := b.view.ToScreen(at(200, 100)) // Define's header
	b.TappedSecondary(&fyne.PointEvent{Position: hdr, AbsolutePosition: hdr})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no step menu")
	}
	w.Canvas().Overlays().Top().Hide()

	b.DoubleTapped(&fyne.PointEvent{Position: hdr})
	if !b.Editing() || b.edit.target.step != "define" {
		t.Fatal("double-tap on a header did not rename the step")
	}
	b.edit.entry.SetText("Plan")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if j.Steps[0].Name != "Plan" || j.Steps[0].Description == "" {
		t.Fatalf("step %+v", j.Steps[0])
	}
	if b.r.view.Template().Key() != render.TemplateKey(j) {
		t.Error("the header was not redrawn")
	}
	doc.Undo()
	if j.Steps[0].Name != "Define" {
		t.Fatal("undo rename")
	}

	steps := len(j.Steps)
	cardMenuItem(t, b.menus().stepMenu("locate"), "Add step after").Action()
	if len(j.Steps) != steps+1 || j.StepIndex("locate") != 1 || !b.Editing() || b.edit.target.step != j.Steps[2].ID {
		t.Fatal("add step after")
	}
	b.edit.entry.SetText("Compare")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if j.Steps[2].Name != "Compare" {
		t.Fatalf("new step named %q", j.Steps[2].Name)
	}
	doc.Undo()
	doc.Undo()
	if len(j.Steps) != steps {
		t.Fatal("undo add step")
	}
	cardMenuItem(t, b.menus().stepMenu("locate"), "Add step before").Action()
	b.cancelEdit()
	if j.StepIndex("locate") != 2 {
		t.Fatal("add step before")
	}
	doc.Undo()

	// Move right takes the step's cards along.
	card := s.byText["Find bike, helmet, lights"]
	x := j.Card(card).X
	cardMenuItem(t, b.menus().stepMenu("locate"), "Move right").Action()
	if j.StepIndex("locate") != 2 || j.Card(card).X != x+320 {
		t.Fatalf("move right: index %d, card x %v", j.StepIndex("locate"), j.Card(card).X)
	}
	if got := b.r.view.Card(card).Position(); got != b.view.ToScreen(at(x+320, j.Card(card).Y)) {
		t.Error("the card view did not follow its step")
	}
	cardMenuItem(t, b.menus().stepMenu("locate"), "Move left").Action()
	if j.StepIndex("locate") != 1 {
		t.Fatal("move left")
	}
	if !cardMenuItem(t, b.menus().stepMenu("define"), "Move left").Disabled {
		t.Error("the first step can move left")
	}
	n := len(j.Cards)
	cardMenuItem(t, b.menus().stepMenu("define"), "Delete step").Action()
	tapButton(t, w, "Delete") // it has cards: it asks
	if j.StepIndex("define") >= 0 || len(j.Cards) != n-3 {
		t.Fatalf("delete step: %d cards", len(j.Cards))
	}
	doc.Undo()
	if j.StepIndex("define") != 0 || len(j.Cards) != n || b.r.view.Len() != n {
		t.Fatal("undo delete step")
	}
}

func TestBoardEmptySpaceMenu(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	m := b.menus().boardMenu(at(400, 1000))
	if !cardMenuItem(t, m, "Paste").Disabled {
		t.Error("paste enabled with nothing to paste")
	}
	cardMenuItem(t, m, "New card here").Action()
	if !b.Editing() || b.edit.target.newCrd.Kind != canvas.KindProduct {
		t.Fatal("new card here")
	}
	b.cancelEdit()
	cardMenuItem(t, m, "Select all").Action()
	if len(b.Selection()) != len(s.vpc.Cards) {
		t.Error("select all")
	}
}

func TestBoardFollowsDeletedBoard(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	if err := doc.Do(&canvas.RemoveBoard{ID: s.vpc.ID}); err != nil {
		t.Fatal(err)
	}
	if b.r.view.Len() != 0 {
		t.Error("a deleted board still shows cards")
	}
	b.NewCard()
	b.SelectAll()
	b.Paste()
	doc.Undo()
	if b.r.view.Len() != len(s.vpc.Cards) {
		t.Error("undo of the deletion")
	}
}

func TestFitText(t *testing.T) {
	test.NewTempApp(t)
	short := fitText("Rain", 196, 116, cardTextSize, cardMinTextSize, fyne.TextStyle{})
	if short.Size != cardTextSize || len(short.Lines) != 1 {
		t.Errorf("short text: %+v", short)
	}
	long := strings.Repeat("Minimize the time it takes to get there ", 4)
	blk := fitText(long, 196, 116, cardTextSize, cardMinTextSize, fyne.TextStyle{})
	if blk.Size >= cardTextSize || blk.Overflow {
		t.Errorf("long text should shrink and fit: %+v", blk)
	}
	for _, l := range blk.Lines {
		if w := fyne.MeasureText(l, blk.Size, fyne.TextStyle{}).Width; w > 196 {
			t.Errorf("line %q is %v wide, more than 196", l, w)
		}
	}
	if h := float32(len(blk.Lines)) * blk.LineH; h > 116 {
		t.Errorf("%d lines are %v high, more than 116", len(blk.Lines), h)
	}
	huge := fitText(strings.Repeat("word ", 400), 196, 116, cardTextSize, cardMinTextSize, fyne.TextStyle{})
	if !huge.Overflow || !strings.HasSuffix(huge.Lines[len(huge.Lines)-1], "…") {
		t.Errorf("overflowing text should end in an ellipsis: %+v", huge.Lines)
	}
	word := fitText("Supercalifragilisticexpialidocious-and-more-and-more", 100, 200, 20, 20, fyne.TextStyle{})
	for _, l := range word.Lines {
		if w := fyne.MeasureText(l, 20, fyne.TextStyle{}).Width; w > 100 {
			t.Errorf("a long word was not split: %q is %v wide", l, w)
		}
	}
}

func assertSelection(t *testing.T, b *Widget, want ...uuid.UUID) {
	t.Helper()
	got := b.Selection()
	set := map[uuid.UUID]bool{}
	for _, id := range want {
		set[id] = true
	}
	if len(got) != len(set) {
		t.Fatalf("selection has %d cards, want %d", len(got), len(set))
	}
	for _, id := range got {
		if !set[id] {
			t.Fatalf("card %s selected, not expected", id)
		}
	}
}

// menuItem finds an item by its path of labels.
func cardMenuItem(t *testing.T, m *fyne.Menu, path ...string) *fyne.MenuItem {
	t.Helper()
	for i, label := range path {
		var found *fyne.MenuItem
		for _, it := range m.Items {
			if it.Label == label {
				found = it
			}
		}
		if found == nil {
			t.Fatalf("no menu item %q", label)
		}
		if i == len(path)-1 {
			return found
		}
		m = found.ChildMenu
	}
	return nil
}

// While a text is being typed, the editing commands act on the text: the
// window's menu can call them whatever has the focus.
func TestBoardEditingCommandsGoToTheText(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	n := len(s.vpc.Cards)
	b.Select(s.byText["Rain"])
	b.Copy() // cards on the clipboard
	b.NewCard()
	test.Type(b.edit.entry, "Ice")
	b.SelectAll()
	b.Copy()
	if got := fyne.CurrentApp().Clipboard().Content(); got != "Ice" {
		t.Errorf("system clipboard %q, want the typed text", got)
	}
	b.Paste()
	b.Duplicate()
	b.DeleteSelection()
	b.Undo()
	if len(s.vpc.Cards) != n || doc.History.UndoName() != "" || !b.Editing() {
		t.Fatal("an editing command changed the board while typing")
	}
	b.edit.entry.SetText("Ice")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(s.vpc.Cards) != n+1 {
		t.Fatal("commit after editing commands")
	}
}

// A click that changes the selection must ask for a new frame: the outline
// of a card never selected before is unknown to a real window's canvas, so
// refreshing the outline alone left the screen as it was.
func TestBoardSelectionChangeRepaints(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, racks := s.byText["Rain"], s.byText["Covered, guarded racks"]
	d := watchRepaints(t, w)
	for _, step := range []struct {
		name string
		do   func()
		want []uuid.UUID
	}{
		{"click a card", func() { click(b, cardCenter(b, rain), 0) }, []uuid.UUID{rain}},
		{"Ctrl+click another", func() { click(b, cardCenter(b, racks), fyne.KeyModifierControl) }, []uuid.UUID{racks, rain}},
		{"click empty space", func() { click(b, b.view.ToScreen(at(1200, 1200)), 0) }, nil},
		{"select all", b.SelectAll, nil},
	} {
		d.repaints = 0
		step.do()
		if step.want != nil {
			assertSelection(t, b, step.want...)
		}
		if d.repaints == 0 {
			t.Errorf("%s: the selection changed but no new frame was asked for", step.name)
		}
	}
}

// Every edit asks for a new frame, whatever else happens to repaint.
func TestBoardEditsRepaint(t *testing.T) {
	b, doc, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	b.Select(rain)
	d := watchRepaints(t, w)
	c := canvas.NewCard(canvas.KindPain, at(1500, 1000), "Flat tyre")
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"add", func() { _ = doc.Do(&canvas.AddCards{Board: s.vpc.ID, Cards: []canvas.Card{c}}) }},
		{"delete", b.DeleteSelection},
		{"undo", b.Undo},
		{"redo", b.Redo},
		{"nudge", func() { b.Select(c.ID); key(b, fyne.KeyRight) }},
		{"bring to front", func() { b.Select(s.byText["Rain"], c.ID); b.BringToFront() }},
	} {
		d.repaints = 0
		step.do()
		if d.repaints == 0 {
			t.Errorf("%s: no new frame was asked for", step.name)
		}
	}
}

// A Ctrl+A drag of 20 px moves every card within its zone: no kind
// changes, not even one set by hand that the zone would not give.
func TestBoardDragWithinZonesKeepsKinds(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	ed, err := canvas.ChangeCard(s.project, s.vpc.ID, rain, "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindGain })
	if err != nil || doc.Do(ed) != nil {
		t.Fatal(err)
	}
	type place struct {
		kind canvas.Kind
		zone string
	}
	before := map[uuid.UUID]place{}
	for _, c := range s.vpc.Cards {
		before[c.ID] = place{c.Kind, c.Zone}
	}
	b.SelectAll()
	from := cardCenter(b, rain)
	dragSteps(b, from, from.AddXY(20*b.Zoom(), 0), 4)
	for _, c := range s.vpc.Cards {
		if was := before[c.ID]; c.Zone == was.zone && c.Kind != was.kind {
			t.Errorf("%q stayed in %q but its kind went from %s to %s", c.Text, c.Zone, was.kind, c.Kind)
		}
	}
	if c := s.vpc.Card(rain); c.Kind != canvas.KindGain || c.Zone != "pains" {
		t.Errorf("the gain set by hand is now a %s in %q", c.Kind, c.Zone)
	}
}

// With the pointer over the board, a paste lands under it: the copies
// keep their places relative to each other, centred on the pointer.
func TestBoardPasteAtPointer(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	b.Select(racks, stolen)
	b.Copy()
	orig := s.vpc.Copy([]uuid.UUID{racks, stolen})
	gap := orig.Cards[1].X - orig.Cards[0].X
	n := len(s.vpc.Cards)
	paste := func(p canvas.Point) canvas.Clip {
		t.Helper()
		test.MoveMouse(w.Canvas(), b.view.ToScreen(p))
		b.Paste()
		if len(s.vpc.Cards) != n+2 {
			t.Fatalf("paste: %d cards, want %d", len(s.vpc.Cards), n+2)
		}
		n += 2
		return s.vpc.Copy(b.Selection())
	}
	p := at(400, 1050) // products, below the cards
	got := paste(p)
	if c := got.Bounds().Center(); math.Abs(c.X-p.X) > gridStep || math.Abs(c.Y-p.Y) > gridStep {
		t.Errorf("pasted around %v, the pointer at %v", c, p)
	}
	if d := got.Cards[1].X - got.Cards[0].X; d != gap {
		t.Errorf("the copies are %v apart, the originals %v", d, gap)
	}
	if x := got.Cards[0].X; x != snap(x) {
		t.Errorf("pasted at x %v, off the grid", x)
	}
	again := paste(p)
	if dx := again.Cards[0].X - got.Cards[0].X; dx != pasteStep {
		t.Errorf("a second paste at the same place is %v further, want %v", dx, pasteStep)
	}
	q := at(1200, 200)
	if c := paste(q).Bounds().Center(); math.Abs(c.X-q.X) > gridStep || math.Abs(c.Y-q.Y) > gridStep {
		t.Errorf("pasted around %v, the pointer at %v", c, q)
	}
}

// Space+drag pans the view: the card it starts on is not selected, and
// the selection there was stays as it was.
func TestBoardSpaceDragPansWithoutSelecting(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain, racks := s.byText["Rain"], s.byText["Covered, guarded racks"]
	b.Select(racks)
	b.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
	p0 := b.view.Pan()
	from := cardCenter(b, rain)
	pressAt(b, from, desktop.MouseButtonPrimary, 0)
	dragSteps(b, from, from.AddXY(60, 0), 3)
	release(b, from.AddXY(60, 0), desktop.MouseButtonPrimary)
	if b.view.Pan() != p0.AddXY(60, 0) {
		t.Errorf("pan %v, want %v", b.view.Pan(), p0.AddXY(60, 0))
	}
	assertSelection(t, b, racks)

	// The same without a press first (a touch screen).
	from = cardCenter(b, rain)
	dragSteps(b, from, from.AddXY(-60, 0), 3)
	b.KeyUp(&fyne.KeyEvent{Name: fyne.KeySpace})
	assertSelection(t, b, racks)
	if b.view.Pan() != p0 {
		t.Errorf("pan %v, want %v", b.view.Pan(), p0)
	}
}

// A dragged card is drawn above the cards it passes over, from the first
// move, and stays on top once dropped; undo puts back the order with the
// place, in one step.
func TestBoardDraggedCardDrawnOnTop(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	rain := s.byText["Rain"]
	over := canvas.NewCard(canvas.KindPain, at(1790+60, 1030+40), "Puddles")
	if err := doc.Do(&canvas.AddCards{Board: s.vpc.ID, Cards: []canvas.Card{over}}); err != nil {
		t.Fatal(err)
	}
	order := func() []uuid.UUID {
		ids := make([]uuid.UUID, len(s.vpc.Cards))
		for i, c := range s.vpc.Cards {
			ids[i] = c.ID
		}
		return ids
	}
	before := order()
	drawnLast := func() uuid.UUID { return b.r.view.Drawn()[len(b.r.view.Drawn())-1].Card().ID }
	if drawnLast() != over.ID {
		t.Fatal("the new card is not drawn last")
	}
	b.Select(rain)
	from := b.view.ToScreen(at(1700, 970)) // on the part of "Rain" not covered
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from.AddXY(5, 0)}, Dragged: fyne.NewDelta(5, 0)})
	if drawnLast() != rain {
		t.Error("while dragged, the card is drawn under the card it overlaps")
	}
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from.AddXY(10, 0)}, Dragged: fyne.NewDelta(5, 0)})
	b.DragEnd()
	if got := s.vpc.Cards[len(s.vpc.Cards)-1].ID; got != rain || drawnLast() != rain {
		t.Error("dropped, the card went back under the other")
	}
	b.Undo()
	if !slices.Equal(order(), before) {
		t.Error("undo did not put back the drawing order")
	}
	if drawnLast() != over.ID {
		t.Error("after undo the views are not drawn in the model's order")
	}
	if doc.History.UndoName() != "Add card" && doc.History.UndoName() != "Add cards" {
		t.Errorf("the drag left more than one undo step: %q", doc.History.UndoName())
	}
}

// A selected card has a handle at its bottom-right corner: dragging it
// resizes the card, its top-left corner staying put, to a size on the grid
// and no smaller than a usable note, as one undo step; the text refits.
func TestBoardResizeByHandle(t *testing.T) {
	b, doc, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	b.zoomAt(1, cardCenter(b, s.byText["Rain"]))
	rain := s.byText["Rain"]
	c := s.vpc.Card(rain)
	x, y, w0, h0 := c.X, c.Y, c.W, c.H
	corner := func() fyne.Position { return b.view.ToScreen(at(c.X+c.W, c.Y+c.H)) }
	if v := b.r.view.Card(rain); v.HandleShown() {
		t.Fatal("an unselected card shows a resize handle")
	}
	// (test.Drag is given where the pointer ends, as in the other tests:
	// its one event is positioned there.)
	// Unselected, the corner is no handle: a drag there moves the card.
	test.Drag(w.Canvas(), corner().AddXY(-2+30, -2), 30, 0)
	if c.W != w0 || c.X == x {
		t.Fatalf("a drag at an unselected card's corner: %vx%v at x %v", c.W, c.H, c.X)
	}
	b.Undo()
	b.Select(rain)
	if v := b.r.view.Card(rain); !v.HandleShown() {
		t.Fatal("the selected card shows no resize handle")
	}
	test.Drag(w.Canvas(), corner().AddXY(3+64, 3+37), 64, 37)
	if c.X != x || c.Y != y {
		t.Errorf("resizing moved the card to %v,%v", c.X, c.Y)
	}
	if c.W != w0+60 || c.H != h0+40 {
		t.Errorf("resized to %vx%v, want %vx%v (on the grid)", c.W, c.H, w0+60, h0+40)
	}
	if v := b.r.view.Card(rain); v.Shown().W != c.W || v.Size().Width != float32(c.W)*b.Zoom() {
		t.Error("the note's view did not follow the new size")
	}
	if doc.History.UndoName() != "Resize card" {
		t.Errorf("undo name %q", doc.History.UndoName())
	}
	b.Undo()
	if c.W != w0 || c.H != h0 || doc.History.UndoName() == "Resize card" {
		t.Fatalf("one undo: %vx%v, next undo %q", c.W, c.H, doc.History.UndoName())
	}
	assertSelection(t, b, rain)

	// Dragged far up and left, it stops at the smallest note.
	test.Drag(w.Canvas(), corner().AddXY(-300, -300), -300, -300)
	if c.W != minCardW || c.H != minCardH {
		t.Errorf("resized to %vx%v, want the minimum %vx%v", c.W, c.H, minCardW, minCardH)
	}
	b.Undo()

	// As the window's driver sends it: a press on the handle, then moves.
	from := corner()
	pressAt(b, from, desktop.MouseButtonPrimary, 0)
	dragSteps(b, from, from.AddXY(104, 18), 5)
	release(b, from.AddXY(104, 18), desktop.MouseButtonPrimary)
	if c.W != w0+100 || c.H != h0+20 || c.X != x {
		t.Errorf("pressed and dragged: %vx%v at x %v, want %vx%v at %v", c.W, c.H, c.X, w0+100, h0+20, x)
	}
	b.Undo()
	if c.W != w0 || c.H != h0 {
		t.Errorf("one undo after five moves: %vx%v", c.W, c.H)
	}
	assertSelection(t, b, rain)
}
