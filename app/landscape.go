package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sizes of the label shown over a dot, in units.
const (
	landscapeLabelWidth = 320
	landscapeLabelPad   = 10
	landscapeLabelSize  = 14
)

// Landscape is the opportunity landscape as a widget: the drawing of
// render.LandscapeView, plus a label naming the outcome under the pointer
// (its statement, step and scores) and a click that hands the outcome's
// card to OnSelect. It reads the document's project on every change and
// keeps no copy of it but the dots drawn.
type Landscape struct {
	widget.BaseWidget

	// OnSelect is called with the board and card of a dot clicked.
	OnSelect func(board, card uuid.UUID)

	doc      *Document
	source   func() *Document // the document to follow, looked up on use
	unlisten func()

	hover   []int // the dots under the pointer, topmost first
	pointer fyne.Position
	turn    int                // which of the dots under the pointer a click picks
	shown   map[uuid.UUID]bool // the cards with a dot
	r       *landscapeRenderer
}

// NewLandscape makes the landscape of doc's project; Close stops it
// following the document.
func NewLandscape(doc *Document) *Landscape {
	l := &Landscape{shown: map[uuid.UUID]bool{}}
	l.ExtendBaseWidget(l)
	l.setDocument(doc)
	return l
}

// Follow makes the landscape show the document source returns, checked
// whenever the pointer comes in or clicks: a window that opened another
// project is followed.
func (l *Landscape) Follow(source func() *Document) {
	l.source = source
	l.follow()
}

func (l *Landscape) follow() {
	if l.source == nil {
		return
	}
	if d := l.source(); d != nil && d != l.doc {
		l.setDocument(d)
	}
}

func (l *Landscape) setDocument(doc *Document) {
	if l.unlisten != nil {
		l.unlisten()
	}
	l.doc = doc
	l.unlisten = doc.OnChange(l.changed)
	l.update()
}

// Close stops the landscape following its document, once its window is
// gone.
func (l *Landscape) Close() {
	if l.unlisten != nil {
		l.unlisten()
		l.unlisten = nil
	}
}

// Document is the document shown.
func (l *Landscape) Document() *Document { return l.doc }

// changed is the document's listener. A move of cards that neither are
// nor were scored outcomes (dragging a note, a job step) changes no dot:
// it is let by without reading the whole project again, since a drag
// sends one change per pointer event.
func (l *Landscape) changed(ch Change) {
	if e, ok := ch.Edit.(*canvas.MoveCards); ok && l.r != nil && !l.movesDots(e) {
		return
	}
	l.update()
}

// movesDots reports whether a move touches a card that has a dot or may
// now get one (a card moved into the outcomes row takes the outcome kind).
func (l *Landscape) movesDots(e *canvas.MoveCards) bool {
	bd := l.doc.Project.Board(e.Board)
	if bd == nil {
		return true
	}
	for _, id := range e.IDs {
		if l.shown[id] {
			return true
		}
		if c := bd.Card(id); c == nil || c.Kind == canvas.KindOutcome && c.Importance != nil && c.Satisfaction != nil {
			return true
		}
	}
	return false
}

// update redraws the landscape when the project's dots or name changed.
func (l *Landscape) update() {
	if l.r == nil {
		return // the renderer reads the project when it is made
	}
	dots := canvas.Dots(l.doc.Project)
	title := landscapeTitle(l.doc.Project)
	if slices.Equal(dots, l.r.view.Dots()) && title == l.r.view.Title() {
		return
	}
	l.hover, l.turn = nil, 0
	l.r.view.SetTitle(title)
	l.setDots(dots)
	l.r.objects = nil
	l.r.Layout(l.Size())
	l.r.view.Refresh()
	l.Refresh()
}

// setDots gives the view its dots and notes which cards have one.
func (l *Landscape) setDots(dots []canvas.Dot) {
	l.r.view.SetDots(dots)
	clear(l.shown)
	for _, d := range dots {
		l.shown[d.Card] = true
	}
}

// Dots are the dots drawn, in drawing order.
func (l *Landscape) Dots() []canvas.Dot {
	if l.r == nil {
		return canvas.Dots(l.doc.Project)
	}
	return l.r.view.Dots()
}

// DotPosition is where the dot of the card with that id is drawn; ok is
// false when it has no dot.
func (l *Landscape) DotPosition(card uuid.UUID) (p fyne.Position, ok bool) {
	if l.r == nil {
		return p, false
	}
	for _, d := range l.r.view.Dots() {
		if d.Card == card {
			return l.r.view.At(d.Importance, d.Satisfaction), true
		}
	}
	return p, false
}

// Label is the text of the label shown over a dot, "" when none is.
func (l *Landscape) Label() string {
	if l.r == nil || l.r.box.Hidden {
		return ""
	}
	var lines []string
	for _, t := range l.r.lines {
		if !t.Hidden {
			lines = append(lines, t.Text)
		}
	}
	return strings.Join(lines, "\n")
}

// MouseIn implements desktop.Hoverable.
func (l *Landscape) MouseIn(e *desktop.MouseEvent) {
	l.follow()
	l.MouseMoved(e)
}

// MouseMoved implements desktop.Hoverable: the label follows the dots
// under the pointer.
func (l *Landscape) MouseMoved(e *desktop.MouseEvent) {
	if l.r == nil {
		return
	}
	l.pointer = e.Position
	hit := l.r.view.DotsAt(e.Position)
	if !slices.Equal(hit, l.hover) {
		l.hover, l.turn = hit, 0
	}
	l.r.showLabel()
}

// MouseOut implements desktop.Hoverable.
func (l *Landscape) MouseOut() {
	l.hover, l.turn = nil, 0
	if l.r != nil {
		l.r.showLabel()
	}
}

// Tapped implements fyne.Tappable: a click on a dot hands its card to
// OnSelect. Where dots lie on one another, each click picks the next.
func (l *Landscape) Tapped(e *fyne.PointEvent) {
	l.follow()
	if l.r == nil {
		return
	}
	hit := l.r.view.DotsAt(e.Position)
	if len(hit) == 0 {
		return
	}
	if !slices.Equal(hit, l.hover) {
		l.hover, l.turn = hit, 0
	}
	// The click picks the dot the label names; the label then names the
	// next one, which the next click picks.
	picked := l.r.view.Dots()[hit[l.turn%len(hit)]]
	l.turn = (l.turn + 1) % len(hit)
	l.pointer = e.Position
	l.r.showLabel()
	if l.OnSelect != nil {
		l.OnSelect(picked.Board, picked.Card)
	}
}

// CreateRenderer implements fyne.Widget.
func (l *Landscape) CreateRenderer() fyne.WidgetRenderer {
	r := &landscapeRenderer{l: l, view: render.NewLandscapeView(render.ThemePalette(l.Theme()), true)}
	r.view.SetTitle(landscapeTitle(l.doc.Project))
	l.r = r
	l.setDots(canvas.Dots(l.doc.Project))
	r.box = fcanvas.NewRectangle(color.Transparent)
	r.box.CornerRadius = 6
	r.box.StrokeWidth = 1
	r.box.Hide()
	r.ring = fcanvas.NewCircle(color.Transparent)
	r.ring.StrokeWidth = 2.5
	r.ring.Hide()
	r.setColors()
	l.r = r
	return r
}

// MinSize implements fyne.Widget: room for a readable plot.
func (l *Landscape) MinSize() fyne.Size { return fyne.NewSize(420, 480) }

type landscapeRenderer struct {
	l    *Landscape
	view *render.LandscapeView

	box   *fcanvas.Rectangle
	lines []*fcanvas.Text
	ring  *fcanvas.Circle // around the dot the label names

	objects []fyne.CanvasObject
}

func (r *landscapeRenderer) setColors() {
	p := r.view.Palette()
	r.box.FillColor = render.WithAlpha(p.Background, 0xf4)
	r.box.StrokeColor = render.WithAlpha(p.Foreground, 0x50)
	r.ring.StrokeColor = p.Foreground
}

// Objects implements fyne.WidgetRenderer.
func (r *landscapeRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		objs := append([]fyne.CanvasObject{}, r.view.Objects()...)
		objs = append(objs, r.ring, r.box)
		for _, t := range r.lines {
			objs = append(objs, t)
		}
		r.objects = objs
	}
	return r.objects
}

// Layout implements fyne.WidgetRenderer.
func (r *landscapeRenderer) Layout(size fyne.Size) {
	r.view.Layout(size)
	r.objects = nil // the empty chart's text may have changed its lines
	r.layoutLabel()
}

// MinSize implements fyne.WidgetRenderer.
func (r *landscapeRenderer) MinSize() fyne.Size { return r.l.MinSize() }

// Refresh implements fyne.WidgetRenderer: the theme's colours are read
// again.
func (r *landscapeRenderer) Refresh() {
	r.view.SetPalette(render.ThemePalette(r.l.Theme()))
	r.setColors()
	r.Layout(r.l.Size())
	r.view.Refresh()
	for _, t := range r.lines {
		t.Refresh()
	}
	r.box.Refresh()
	r.ring.Refresh()
}

// Destroy implements fyne.WidgetRenderer.
func (r *landscapeRenderer) Destroy() {}

// showLabel shows the label of the dots under the pointer, or hides it.
func (r *landscapeRenderer) showLabel() {
	before := len(r.lines)
	r.layoutLabel()
	if len(r.lines) != before {
		r.objects = nil
		r.l.Refresh()
		return
	}
	r.box.Refresh()
	r.ring.Refresh()
	for _, t := range r.lines {
		t.Refresh()
	}
}

// labelled is the dot the label names: the one a click picks.
func (r *landscapeRenderer) labelled() (canvas.Dot, bool) {
	l := r.l
	if len(l.hover) == 0 {
		return canvas.Dot{}, false
	}
	return r.view.Dots()[l.hover[l.turn%len(l.hover)]], true
}

// labelText is what the label says of the dots under the pointer: the one
// a click picks, in full, and how many more lie there.
func (r *landscapeRenderer) labelText() (statement []string, rest []string) {
	l := r.l
	d, ok := r.labelled()
	if !ok {
		return nil, nil
	}
	blk := render.FitText(d.Statement, landscapeLabelWidth-2*landscapeLabelPad, 6*landscapeLabelSize*1.4,
		landscapeLabelSize, landscapeLabelSize, fyne.TextStyle{Bold: true})
	where := "Step: " + d.Step
	if d.Step == "" {
		where = "Not in a step"
		if bd := l.doc.Project.Board(d.Board); bd != nil {
			where += " · " + BoardTitle(bd)
		}
	}
	rest = []string{where,
		fmt.Sprintf("Importance %s · Satisfaction %s", score(d.Importance), score(d.Satisfaction)),
		fmt.Sprintf("Opportunity %s · %s", score(canvas.Opportunity(d.Importance, d.Satisfaction)), d.Class.Label())}
	if n := len(l.hover); n > 1 {
		rest = append(rest, fmt.Sprintf("%d of %d outcomes here; a click picks this one", l.turn%n+1, n))
	}
	return blk.Lines, rest
}

// score writes a score as people say it: 8, 7.5.
func score(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// layoutLabel fills and places the label beside the pointer, inside the
// widget.
func (r *landscapeRenderer) layoutLabel() {
	statement, rest := r.labelText()
	n := len(statement) + len(rest)
	for len(r.lines) < n {
		r.lines = append(r.lines, fcanvas.NewText("", color.Black))
	}
	if n == 0 {
		r.box.Hide()
		r.ring.Hide()
		for _, t := range r.lines {
			t.Hide()
		}
		return
	}
	p := r.view.Palette()
	bold := fyne.TextStyle{Bold: true}
	lineH := landscapeLabelSize * render.LineHeightRatio(bold)
	h := float32(n)*lineH + 2*landscapeLabelPad
	w := float32(landscapeLabelWidth)
	for _, s := range rest {
		w = max(w, fyne.MeasureText(s, landscapeLabelSize, fyne.TextStyle{}).Width+2*landscapeLabelPad+4)
	}
	d, _ := r.labelled()
	const ring = render.LandscapeDotRadius + 3
	r.ring.Move(r.view.At(d.Importance, d.Satisfaction).SubtractXY(ring, ring))
	r.ring.Resize(fyne.NewSize(2*ring, 2*ring))
	r.ring.Show()
	size := r.l.Size()
	at := r.l.pointer.AddXY(16, 16)
	if at.X+w > size.Width {
		at.X = r.l.pointer.X - 16 - w
	}
	if at.Y+h > size.Height {
		at.Y = r.l.pointer.Y - 16 - h
	}
	at.X, at.Y = max(at.X, 0), max(at.Y, 0)
	r.box.Move(at)
	r.box.Resize(fyne.NewSize(w, h))
	r.box.Show()
	for i, t := range r.lines {
		if i >= n {
			t.Hide()
			continue
		}
		if i < len(statement) {
			t.Text, t.TextStyle, t.Color = statement[i], bold, p.Foreground
		} else {
			t.Text, t.TextStyle, t.Color = rest[i-len(statement)], fyne.TextStyle{}, p.Muted
		}
		t.TextSize = landscapeLabelSize
		t.Move(at.AddXY(landscapeLabelPad, landscapeLabelPad+float32(i)*lineH))
		t.Resize(fyne.NewSize(w-2*landscapeLabelPad, lineH))
		t.Show()
	}
}
