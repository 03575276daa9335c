package board

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// linkHandle is where a selected card's link handle shows.
func linkHandle(b *Widget, id uuid.UUID) fyne.Position {
	c := b.board().Card(id)
	p := b.view.ToScreen(canvas.Point{X: c.X + c.W, Y: c.Y + c.H/2})
	return p.AddXY(2, 0)
}

// linkIndex is the position of the link joining a and c in the board's
// links, -1 when they are not linked.
func linkIndex(b *Widget, a, c uuid.UUID) int { return b.board().LinkIndex(a, c) }

// checked reports whether the card's note shows the check of an
// addressed pain or gain.
func checked(b *Widget, id uuid.UUID) bool {
	_, _, check, _ := b.r.view.Card(id).Marks()
	return check
}

// waits holds the hiding of the notices the test's boards showed, for
// the test to run when it wants: no timer outlives a test.
var waits []func()

func init() {
	noticeWait = func(_ time.Duration, hide func()) { waits = append(waits, hide) }
}

// TestBoardLinkByHandleDrag: dragging from a selected card's link handle
// draws a line that follows the pointer and, dropped on a pain, links the
// pain reliever to it (strong); the pain shows its check mark. Dropped on
// nothing, it makes nothing.
func TestBoardLinkByHandleDrag(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	quiet, rain := s.byText["Quiet-street routes, avoiding lorries and the ring road at rush hour"], s.byText["Rain"]
	b.Select(quiet)
	if !b.r.view.Card(quiet).LinkHandleShown() {
		t.Fatal("a selected pain reliever shows no link handle")
	}
	if checked(b, rain) {
		t.Fatal("Rain is checked before any link addresses it")
	}
	from, to := linkHandle(b, quiet), cardCenter(b, rain)
	pressAt(b, from, desktop.MouseButtonPrimary, 0)
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	if !b.r.rubber.Visible() || b.r.rubber.Position2 != mid {
		t.Fatalf("mid-drag: rubber line shown %v, ends at %v, want at the pointer %v", b.r.rubber.Visible(), b.r.rubber.Position2, mid)
	}
	if len(b.Selection()) != 1 || s.vpc.Card(quiet).X != 840 {
		t.Fatal("dragging the handle moved or reselected cards")
	}
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	b.DragEnd()
	release(b, to, desktop.MouseButtonPrimary)
	if b.r.rubber.Visible() {
		t.Error("the rubber line stayed after the drop")
	}
	i := linkIndex(b, quiet, rain)
	if i < 0 {
		t.Fatal("no link after dropping on Rain")
	}
	if l := s.vpc.Links[i]; l.From != quiet || l.To != rain || l.Strength != canvas.StrengthStrong {
		t.Errorf("link %+v, want pain reliever → pain, strong", l)
	}
	if !checked(b, rain) {
		t.Error("Rain is addressed now but shows no check mark")
	}
	if doc.History.UndoName() != "Link cards" {
		t.Errorf("last step %q", doc.History.UndoName())
	}
	doc.Undo()
	if linkIndex(b, quiet, rain) >= 0 || checked(b, rain) {
		t.Error("undo left the link or the check mark")
	}

	// Dropped on empty board space: nothing, and nothing reported.
	n := len(s.vpc.Links)
	dragSteps(b, linkHandle(b, quiet), screenOf(b, at(1300, 1150)), 4)
	if len(s.vpc.Links) != n {
		t.Error("a link dropped on nothing was made")
	}
}

// TestBoardLinkRefusedSaysWhy: a link the method does not allow is not
// made; a notice at the foot of the board says why, whether the link was
// drawn by its handle or made with L, and no error dialog comes up (the
// test's OnError fails on any). The rubber line turns to the error colour
// over such a card. The notice goes by itself, or at the next key.
func TestBoardLinkRefusedSaysWhy(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, screen, lightTheme())
	quiet, gain := s.byText["Quiet-street routes, avoiding lorries and the ring road at rush hour"], s.byText["Predictable arrival time"]
	n := len(s.vpc.Links)

	b.Select(quiet)
	from, to := linkHandle(b, quiet), cardCenter(b, gain)
	b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	if want := b.Theme().Color("error", fyne.CurrentApp().Settings().ThemeVariant()); b.r.rubber.StrokeColor != want {
		t.Errorf("rubber line over a gain is %v, want the error colour %v", b.r.rubber.StrokeColor, want)
	}
	b.DragEnd()
	if len(s.vpc.Links) != n {
		t.Fatal("a pain reliever was linked to a gain")
	}
	if got := b.Notice(); got != "A pain reliever links to a pain, not to a gain" {
		t.Fatalf("notice %q", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a refusal opened a dialog")
	}
	waits[len(waits)-1]()
	if b.Notice() != "" {
		t.Error("the notice stayed after its time")
	}

	b.Select(quiet, gain)
	b.TypedRune('L')
	if len(s.vpc.Links) != n || !strings.Contains(b.Notice(), "not to a gain") {
		t.Fatalf("L on a pain reliever and a gain: links %d (want %d), notice %q", len(s.vpc.Links), n, b.Notice())
	}
	stale := waits[len(waits)-1]
	b.Select(quiet)
	b.TypedRune('l')
	if got := b.Notice(); !strings.Contains(got, "Select two cards") {
		t.Fatalf("L with one card says %q", got)
	}
	stale() // the first notice's time is up: the second one stays
	if b.Notice() == "" {
		t.Error("an earlier notice's timer hid a later one")
	}
	key(b, fyne.KeyEscape)
	if b.Notice() != "" {
		t.Error("a key left the notice up")
	}
}

// TestBoardLinkByL: with two cards selected, L links them, value-map
// card first whatever the order they were selected in.
func TestBoardLinkByL(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	fitGym, fresh := s.byText["Get fit without finding time for the gym"], s.byText["Live ride time beats the bus"]
	b.Select(fitGym, fresh)
	b.TypedRune('l')
	i := linkIndex(b, fresh, fitGym)
	if i < 0 {
		t.Fatal("L did not link the two cards")
	}
	if l := s.vpc.Links[i]; l.From != fresh || l.To != fitGym {
		t.Errorf("link %+v, want from the gain creator to the gain", l)
	}
	if line := b.r.view.LinkLine(i); line == nil || !line.Visible() {
		t.Error("the new link is not drawn")
	}
	doc.Undo()
	if linkIndex(b, fresh, fitGym) >= 0 {
		t.Error("undo kept the link")
	}
}

// TestBoardLinkMenu: a right-click on a link's line offers its strength,
// the current one checked, and removing it; the line's width follows.
func TestBoardLinkMenu(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	i := linkIndex(b, racks, stolen)
	line := b.r.view.LinkLine(i)
	// Between the value map and the profile, where no card covers the line.
	p := screenOf(b, at(1300, 0))
	f := (p.X - line.Position1.X) / (line.Position2.X - line.Position1.X)
	p.Y = line.Position1.Y + f*(line.Position2.Y-line.Position1.Y) + 3 // a few pixels off
	menu := b.contextMenu(p)
	if it := cardMenuItem(t, menu, "Strength", "Strong"); !it.Checked {
		t.Error("a link of no strength (strong) shows Strong unchecked")
	}
	strong := line.StrokeWidth
	cardMenuItem(t, menu, "Strength", "Weak").Action()
	if got := s.vpc.Links[i].Strength; got != canvas.StrengthWeak {
		t.Fatalf("strength %q, want weak", got)
	}
	if line.StrokeWidth >= strong {
		t.Errorf("a weak link is drawn %v wide, a strong one %v", line.StrokeWidth, strong)
	}
	if it := cardMenuItem(t, b.contextMenu(p), "Strength", "Weak"); !it.Checked {
		t.Error("Weak is not checked on a weak link")
	}
	cardMenuItem(t, b.contextMenu(p), "Strength", "Partial").Action()
	if w := line.StrokeWidth; s.vpc.Links[i].Strength != canvas.StrengthPartial || w >= strong {
		t.Errorf("partial: strength %q, width %v (strong %v)", s.vpc.Links[i].Strength, w, strong)
	}
	doc.Undo()
	if s.vpc.Links[i].Strength != canvas.StrengthWeak {
		t.Fatal("undo of partial")
	}

	cardMenuItem(t, b.contextMenu(p), "Remove link").Action()
	if linkIndex(b, racks, stolen) >= 0 {
		t.Fatal("Remove link kept it")
	}
	if checked(b, stolen) {
		t.Error("an unaddressed pain keeps its check mark")
	}
	if m := b.contextMenu(p); len(m.Items) > 0 && m.Items[0].Label == "Strength" {
		t.Error("the removed link still takes a right-click")
	}
	doc.Undo()
	if linkIndex(b, racks, stolen) < 0 || !checked(b, stolen) {
		t.Error("undo did not bring the link and its check mark back")
	}
}

// TestBoardDeleteCardTakesItsLinks: deleting a linked card removes its
// links in the same step; undo brings card, links and check mark back.
func TestBoardDeleteCardTakesItsLinks(t *testing.T) {
	b, doc, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	n := len(s.vpc.Links)
	b.Select(racks)
	key(b, fyne.KeyDelete)
	if len(s.vpc.Links) != n-1 || linkIndex(b, racks, stolen) >= 0 {
		t.Fatalf("links %d after deleting a linked card, want %d", len(s.vpc.Links), n-1)
	}
	if checked(b, stolen) {
		t.Error("the pain it addressed keeps its check mark")
	}
	visible := 0
	for i := range s.vpc.Links {
		if b.r.view.LinkLine(i).Visible() {
			visible++
		}
	}
	if visible != n-1 {
		t.Errorf("%d lines drawn, want %d", visible, n-1)
	}
	b.Undo()
	if linkIndex(b, racks, stolen) < 0 || s.vpc.Card(racks) == nil {
		t.Fatal("undo did not bring the card and its link back")
	}
	if !checked(b, stolen) {
		t.Error("undo did not bring the check mark back")
	}
	if got := doc.History.RedoName(); got != "Delete card" {
		t.Errorf("redo names %q", got)
	}
}

// alphaOf is a line's colour's opacity.
func alphaOf(c color.Color) uint32 { _, _, _, a := c.RGBA(); return a }

// TestBoardLinkModes: all links show, fully while one of their cards is
// selected and faintly otherwise; Selected only hides the others; None
// hides them all.
func TestBoardLinkModes(t *testing.T) {
	b, _, s, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	racks, stolen := s.byText["Covered, guarded racks"], s.byText["Bike stolen at the station"]
	sel := b.r.view.LinkLine(linkIndex(b, racks, stolen))
	other := b.r.view.LinkLine(linkIndex(b, s.byText["Live ride time beats the bus"], s.byText["Predictable arrival time"]))
	b.Select(stolen)
	if !sel.Visible() || !other.Visible() {
		t.Fatal("All: a link is hidden")
	}
	if 2*alphaOf(sel.StrokeColor) < 3*alphaOf(other.StrokeColor) {
		t.Errorf("the selected card's link (alpha %d) is not clearly fuller than another (%d)", alphaOf(sel.StrokeColor), alphaOf(other.StrokeColor))
	}
	b.Select()
	if alphaOf(sel.StrokeColor) != alphaOf(other.StrokeColor) {
		t.Error("with nothing selected the links differ")
	}

	b.SetLinkMode(render.LinksSelected)
	b.Select(racks)
	if !sel.Visible() || other.Visible() {
		t.Errorf("Selected only: the selected card's link shown %v, another %v", sel.Visible(), other.Visible())
	}
	if alphaOf(sel.StrokeColor) < 0xa000 {
		t.Error("Selected only draws the link faintly")
	}
	b.Select()
	if sel.Visible() {
		t.Error("Selected only: a link shows with nothing selected")
	}
	b.SetLinkMode(render.LinksNone)
	b.Select(racks)
	if sel.Visible() || other.Visible() {
		t.Error("None: links shown")
	}
	b.SetLinkMode(render.LinksAll)
	if !sel.Visible() || !other.Visible() {
		t.Error("back to All: links hidden")
	}
}
