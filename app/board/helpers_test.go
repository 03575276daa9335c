package board

import (
	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/canvas"
)

func lightTheme() fyne.Theme { return uitest.Light() }
func darkTheme() fyne.Theme  { return uitest.Dark() }

func ptrI(v int) *int              { return &v }
func ptrF(v float64) *float64      { return &v }
func at(x, y float64) canvas.Point { return canvas.Point{X: x, Y: y} }

// sample is a small workshop: a value proposition canvas with cards in
// every zone and links between them, and a job map with steps and scored
// outcome statements.
type sample struct {
	project *canvas.Project
	vpc     *canvas.Board
	jobMap  *canvas.Board
	byText  map[string]uuid.UUID
}

func newSample(t testing.TB) *sample {
	t.Helper()
	p, err := canvas.NewProject("Commuter cycling", canvas.TemplateValueProposition, canvas.TemplateJobMap)
	if err != nil {
		t.Fatal(err)
	}
	s := &sample{project: p, vpc: p.Boards[0], jobMap: p.Boards[1], byText: map[string]uuid.UUID{}}
	s.vpc.Title = "Urban commuter"
	add := func(b *canvas.Board, k canvas.Kind, p canvas.Point, text string, fn func(*canvas.Card)) {
		c := canvas.NewCard(k, p, text)
		if fn != nil {
			fn(&c)
		}
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(s.project); err != nil {
			t.Fatal(err)
		}
		s.byText[text] = c.ID
	}
	v := s.vpc
	add(v, canvas.KindProduct, at(330, 380), "Folding e-bike with a commuter subscription", nil)
	add(v, canvas.KindProduct, at(330, 560), "Secure bike parking at stations", nil)
	add(v, canvas.KindProduct, at(330, 740), "Route planner app", nil)
	add(v, canvas.KindGainCreator, at(710, 390), "Arrive fresh: pedal assist on hills", func(c *canvas.Card) { c.Votes = 3 })
	add(v, canvas.KindGainCreator, at(950, 390), "Live ride time beats the bus", nil)
	add(v, canvas.KindPainReliever, at(710, 890), "Covered, guarded racks", func(c *canvas.Card) { c.Votes = 5 })
	add(v, canvas.KindPainReliever, at(950, 890), "Quiet-street routes, avoiding lorries and the ring road at rush hour", nil)
	add(v, canvas.KindGain, at(1570, 470), "Get fit without finding time for the gym", func(c *canvas.Card) { c.Relevance = ptrI(4) })
	add(v, canvas.KindGain, at(1810, 440), "Predictable arrival time", func(c *canvas.Card) { c.Votes = 2 })
	add(v, canvas.KindPain, at(1540, 870), "Arrive sweaty before the 9:00 meeting", func(c *canvas.Card) { c.Severity = ptrI(4); c.Votes = 4 })
	add(v, canvas.KindPain, at(1770, 870), "Bike stolen at the station", nil)
	add(v, canvas.KindPain, at(1790, 1030), "Rain", nil)
	add(v, canvas.KindJob, at(2100, 700), "Get to work on time", func(c *canvas.Card) { c.Importance = ptrF(9) })
	add(v, canvas.KindJob, at(2090, 870), "Feel safe in traffic", nil)
	add(v, canvas.KindNote, at(1200, 80), "Interview: Sam, 12 May", func(c *canvas.Card) { c.W, c.H = 200, 60; c.X, c.Y = 1100, 40 })
	link := func(b *canvas.Board, from, to string) {
		if err := (&canvas.AddLink{Board: b.ID, Link: canvas.Link{From: s.byText[from], To: s.byText[to]}}).Apply(s.project); err != nil {
			t.Fatal(err)
		}
	}
	link(v, "Covered, guarded racks", "Bike stolen at the station")
	link(v, "Arrive fresh: pedal assist on hills", "Get fit without finding time for the gym")
	link(v, "Live ride time beats the bus", "Predictable arrival time")
	link(v, "Folding e-bike with a commuter subscription", "Get to work on time")

	j := s.jobMap
	add(j, canvas.KindJobStep, at(200, 390), "Choose today's route", nil)
	add(j, canvas.KindJobStep, at(520, 390), "Find bike, helmet, lights", nil)
	add(j, canvas.KindJobStep, at(1480, 390), "Ride to the station", nil)
	outcome := func(x, y float64, text string, imp, sat float64) {
		add(j, canvas.KindOutcome, at(x, y), text, func(c *canvas.Card) { c.Importance, c.Satisfaction = ptrF(imp), ptrF(sat) })
	}
	outcome(200, 700, "Minimize the time it takes to pick a safe route", 8, 3)
	outcome(200, 870, "Minimize the likelihood of a road closure on the way", 6, 6)
	outcome(520, 700, "Minimize the time it takes to find the lights", 5, 7)
	outcome(1480, 700, "Minimize the likelihood of arriving sweaty", 9, 2)
	add(j, canvas.KindOutcome, at(1480, 870), "Reduce the effort of carrying the bike up stairs", func(c *canvas.Card) { c.Votes = 1 })
	return s
}

// newBoardTest shows the board in a window of the given size and returns
// the widget, its document and the sample.
func newBoardTest(t testing.TB, board func(*sample) *canvas.Board, size fyne.Size, th fyne.Theme) (*Widget, *document.Document, *sample, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if th != nil {
		a.Settings().SetTheme(th)
	}
	s := newSample(t)
	doc := newDocument(s.project)
	bw := New(doc, board(s).ID, NewClipboard())
	bw.OnError = func(err error) { t.Errorf("board error: %v", err) }
	w := test.NewTempWindow(t, bw)
	w.SetPadded(false)
	w.Resize(size)
	return bw, doc, s, w
}

func vpcBoard(s *sample) *canvas.Board    { return s.vpc }
func jobMapBoard(s *sample) *canvas.Board { return s.jobMap }

// screenOf is where a board point shows on the widget.
func screenOf(b *Widget, p canvas.Point) fyne.Position { return b.view.ToScreen(p) }

// cardCenter is where a card's centre shows on the widget.
func cardCenter(b *Widget, id uuid.UUID) fyne.Position {
	return b.view.ToScreen(b.board().Card(id).Center())
}

func pressAt(b *Widget, pos fyne.Position, button desktop.MouseButton, mods fyne.KeyModifier) {
	b.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: button, Modifier: mods})
}

func release(b *Widget, pos fyne.Position, button desktop.MouseButton) {
	b.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: button})
}

// click is a full primary click: press, release, then the tap.
func click(b *Widget, pos fyne.Position, mods fyne.KeyModifier) {
	pressAt(b, pos, desktop.MouseButtonPrimary, mods)
	release(b, pos, desktop.MouseButtonPrimary)
	b.Tapped(&fyne.PointEvent{Position: pos})
}

// dragSteps drags from one position to another in n events, as the driver
// does, then ends the drag.
func dragSteps(b *Widget, from, to fyne.Position, n int) {
	prev := from
	for i := 1; i <= n; i++ {
		f := float32(i) / float32(n)
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	b.DragEnd()
}

func key(b *Widget, k fyne.KeyName) { b.TypedKey(&fyne.KeyEvent{Name: k}) }

// repaintWatch stands in for the app's driver the way a real window's
// driver works: the canvas knows an object only once it drew it visible,
// and canvas.Refresh of an object it does not know repaints nothing. (The
// test driver knows every object and draws a fresh frame on every
// capture, so it cannot show a change that asks for no new frame.)
type repaintWatch struct {
	fyne.Driver
	canvas   fyne.Canvas
	known    map[fyne.CanvasObject]bool
	repaints int // Refresh calls that ask the window for a new frame
}

// watchRepaints draws w's canvas, notes what it drew, and counts from then
// on the refreshes that would repaint the window.
func watchRepaints(t testing.TB, w fyne.Window) *repaintWatch {
	t.Helper()
	w.Canvas().Capture()
	prev := fyne.CurrentApp()
	d := &repaintWatch{Driver: prev.Driver(), canvas: w.Canvas(), known: map[fyne.CanvasObject]bool{}}
	d.drawn(w.Canvas().Content())
	fyne.SetCurrentApp(repaintApp{App: prev, d: d})
	t.Cleanup(func() { fyne.SetCurrentApp(prev) })
	return d
}

func (d *repaintWatch) drawn(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	d.known[o] = true
	switch o := o.(type) {
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			d.drawn(c)
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			d.drawn(c)
		}
	}
}

// CanvasForObject implements fyne.Driver.
func (d *repaintWatch) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if !d.known[o] {
		return nil
	}
	return repaintCanvas{Canvas: d.canvas, d: d}
}

type repaintCanvas struct {
	fyne.Canvas
	d *repaintWatch
}

func (c repaintCanvas) Refresh(o fyne.CanvasObject) {
	c.d.repaints++
	c.Canvas.Refresh(o)
}

// SetDirty is how a widget's Move asks for a frame.
func (c repaintCanvas) SetDirty() {
	c.d.repaints++
	if p, ok := c.Canvas.(interface{ SetDirty() }); ok {
		p.SetDirty()
	}
}

type repaintApp struct {
	fyne.App
	d *repaintWatch
}

func (a repaintApp) Driver() fyne.Driver { return a.d }

// newDocument wraps p as the app does: owned by the UI goroutine.
func newDocument(p *canvas.Project) *document.Document { return document.New(p, "", fyne.Do) }
