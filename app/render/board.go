package render

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Viewport is where a board is drawn: a board point p is at p*Zoom + Pan
// in a view of Size.
type Viewport struct {
	Zoom float32
	Pan  fyne.Position
	Size fyne.Size
}

// ToScreen converts a board point to a position in the view.
func (vp Viewport) ToScreen(p canvas.Point) fyne.Position {
	return fyne.NewPos(float32(p.X)*vp.Zoom+vp.Pan.X, float32(p.Y)*vp.Zoom+vp.Pan.Y)
}

// ScreenRect converts a board rectangle to a position and size in the view.
func (vp Viewport) ScreenRect(r canvas.Rect) (fyne.Position, fyne.Size) {
	return vp.ToScreen(canvas.Point{X: r.X, Y: r.Y}), fyne.NewSize(float32(r.W)*vp.Zoom, float32(r.H)*vp.Zoom)
}

// BoardView draws a board without taking any input: the background, the
// template (frames, zones, labels, step headers), the links and one
// CardView per card in drawing order, bottom to top. The interactive board
// puts its rubber band and editor over it; an export puts it on a software
// canvas. Nothing is rebuilt on a change: Sync diffs the model against the
// views it has, a drag only moves the dragged cards, and a zoom only moves
// and resizes what is in view.
type BoardView struct {
	colors Palette
	bg     *fcanvas.Rectangle
	vp     Viewport

	tpl       TemplateView
	bal       BalanceView
	clusters  ClusterView
	links     []*fcanvas.Line // one per board link, by index
	views     map[uuid.UUID]*CardView
	order     []*CardView // drawing order
	scratch   []*CardView
	linked    map[uuid.UUID]bool
	addressed map[uuid.UUID]bool // pains and gains a fit link addresses
	gen       uint64

	selected func(uuid.UUID) bool // from the last Sync; nil: none
	linkMode LinkMode
	fade     bool // links of unselected cards are faint
	veils    bool // a running vote veils the cards it may not give dots (vote.go)
	screen   bool // notes are drawn for the screen (DrawForScreen)
	// skipCovered: Layout hides notes that later ones cover (SkipCovered)
	skipCovered bool
	linkColors  [2][2]color.Color // by weak, then faint

	objects []fyne.CanvasObject
}

// NewBoardView makes a view drawn in colours p, over a background of
// p.Background when background is true (an export leaves it out and
// fills its own).
func NewBoardView(p Palette, background bool) *BoardView {
	v := &BoardView{colors: p, views: map[uuid.UUID]*CardView{}, linked: map[uuid.UUID]bool{},
		addressed: map[uuid.UUID]bool{}, vp: Viewport{Zoom: 1}}
	v.bg = fcanvas.NewRectangle(p.Background)
	v.bg.Hidden = !background
	v.clusters.chrome = background
	v.setLinkColors()
	return v
}

// setLinkColors works out the links' colours once per palette, so that
// placing a link during a drag allocates nothing.
func (v *BoardView) setLinkColors() {
	for w, s := range []canvas.Strength{canvas.StrengthStrong, canvas.StrengthWeak} {
		v.linkColors[w][0] = linkColor(v.colors.Link, s, false)
		v.linkColors[w][1] = linkColor(v.colors.Link, s, true)
	}
}

// SetLinks sets which links show (mode) and whether those of unselected
// cards are faint (fade); the interactive board fades them, an export
// shows every link fully. Layout applies it.
func (v *BoardView) SetLinks(mode LinkMode, fade bool) {
	v.linkMode, v.fade = mode, fade
}

// DrawForScreen draws notes in fewer rectangles, pixel for pixel the same
// but for rounding at fractional zooms: for the GL driver, whose memory
// follows the number of draw calls, rather than an export, whose images
// must stay as they are. Call it before the first Sync.
func (v *BoardView) DrawForScreen() { v.screen = true }

// Palette is the colours the view draws in.
func (v *BoardView) Palette() *Palette { return &v.colors }

// SetPalette changes the colours: the template is built again on the next
// Sync, and the cards redrawn.
func (v *BoardView) SetPalette(p Palette) {
	v.colors = p
	v.bg.FillColor = p.Background
	v.setLinkColors()
	v.tpl.key = "" // colours live in the template objects: rebuild them
	v.bal.invalidate()
	v.clusters.reset()
}

// RefreshCards redraws every card that has been drawn.
func (v *BoardView) RefreshCards() {
	for _, c := range v.order {
		if c.r != nil {
			c.Refresh()
		}
	}
}

// Objects are the view's canvas objects, bottom to top. The slice changes
// when Sync reports that the set of objects did.
func (v *BoardView) Objects() []fyne.CanvasObject {
	if v.objects == nil {
		v.rebuildObjects()
	}
	return v.objects
}

func (v *BoardView) rebuildObjects() {
	objs := make([]fyne.CanvasObject, 0, 1+len(v.tpl.objects)+len(v.bal.objects)+len(v.clusters.Objects())+len(v.links)+len(v.order))
	objs = append(objs, v.bg)
	objs = append(objs, v.tpl.objects...)
	objs = append(objs, v.bal.objects...)
	objs = append(objs, v.clusters.Objects()...)
	for _, l := range v.links {
		objs = append(objs, l)
	}
	for _, c := range v.order {
		objs = append(objs, c)
	}
	v.objects = objs
}

// Repaint asks for a new frame without freeing any texture: the board's
// objects moved, but none of them changed how it looks.
func (v *BoardView) Repaint() { v.bg.Refresh() }

// Sync brings the views up to date with bd (nil once the board is gone)
// by diffing: views of cards still there are kept (and refreshed when the
// card changed), new cards get a view, views of removed cards are
// dropped. selected tells which cards show as selected (nil: none). It reports whether
// the set of objects changed; Layout places them.
func (v *BoardView) Sync(bd *canvas.Board, selected func(uuid.UUID) bool) bool {
	v.gen++
	v.selected = selected
	changedSet := false
	if bd == nil {
		changedSet = len(v.order) > 0 || len(v.links) > 0
		v.order = v.order[:0]
		clear(v.views)
		v.links = v.links[:0]
		if changedSet || v.objects == nil {
			v.rebuildObjects()
			return true
		}
		return false
	}

	clear(v.linked)
	for _, l := range bd.Links {
		v.linked[l.From] = true
		v.linked[l.To] = true
	}
	fitAddressed(bd, v.addressed)

	next := v.scratch[:0]
	for _, c := range bd.Cards {
		cv, ok := v.views[c.ID]
		if !ok {
			cv = newCardView(c, &v.colors)
			cv.screen = v.screen
			v.views[c.ID] = cv
		}
		cv.gen = v.gen
		stale := cv.card != c || cv.shown != LookOf(c) || cv.linked != v.linked[c.ID] ||
			cv.addressed != v.addressed[c.ID]
		cv.card = c
		cv.linked = v.linked[c.ID]
		cv.addressed = v.addressed[c.ID]
		if dim := v.veils && bd.VoteDimmed(c); dim != cv.dimmed {
			cv.dimmed, stale = dim, true
		}
		if sel := selected != nil && selected(c.ID); sel != cv.selected {
			cv.selected = sel
			stale = true
		}
		if stale && ok && cv.r != nil {
			cv.Refresh()
		}
		next = append(next, cv)
	}
	if !slices.Equal(next, v.order) {
		changedSet = true
	}
	v.order, v.scratch = next, v.order
	if len(v.views) != len(v.order) {
		for id, cv := range v.views {
			if cv.gen != v.gen {
				delete(v.views, id)
			}
		}
	}

	if len(v.links) != len(bd.Links) {
		for len(v.links) < len(bd.Links) {
			v.links = append(v.links, fcanvas.NewLine(v.colors.Link))
		}
		v.links = v.links[:len(bd.Links)]
		changedSet = true
	}

	if v.tpl.Build(bd, &v.colors) {
		changedSet = true
	}
	if v.bal.Build(bd, &v.colors) {
		changedSet = true
	}
	v.bal.Update(bd)
	if v.clusters.Build(bd, &v.colors) {
		changedSet = true
	}
	if changedSet || v.objects == nil {
		v.rebuildObjects()
		return true
	}
	return false
}

// Layout places everything of bd (nil: only the background) for the
// viewport.
func (v *BoardView) Layout(bd *canvas.Board, vp Viewport) {
	v.vp = vp
	v.bg.Resize(vp.Size)
	v.tpl.Layout(vp)
	v.bal.Layout(vp)
	v.clusters.Layout(vp)
	if bd != nil {
		v.layoutLinks(bd, nil)
	}
	var covered, textCovered []bool
	if v.skipCovered {
		covered, textCovered = coveredCards(v.order)
	}
	for i, c := range v.order {
		if covered != nil {
			if covered[i] {
				c.Hide()
				continue
			}
			c.textCovered = textCovered[i]
		}
		v.place(c)
	}
}

// place puts a card view where its card is, at the current zoom, and hides
// it when it is out of view.
func (v *BoardView) place(c *CardView) {
	pos, size := v.vp.ScreenRect(c.card.Rect())
	view := v.vp.Size
	const margin = 8 // the selection outline and shadow stick out a little
	if pos.X > view.Width+margin || pos.Y > view.Height+margin ||
		pos.X+size.Width < -margin || pos.Y+size.Height < -margin {
		if c.Visible() {
			c.Hide()
		}
		return
	}
	c.zoom = v.vp.Zoom
	c.Move(pos)
	if !c.Visible() {
		c.Resize(size)
		c.Show()
		return
	}
	c.Resize(size)
}

// CardsMoved follows a move of some cards of bd: only those cards and the
// links that touch them are placed again.
func (v *BoardView) CardsMoved(bd *canvas.Board, ids []uuid.UUID) {
	moved := make(map[uuid.UUID]bool, len(ids))
	weigh := false
	for _, id := range ids {
		c := v.views[id]
		if c == nil {
			continue
		}
		moved[id] = true
		// Into another zone, a card takes its kind: a force may have come
		// or gone.
		weigh = weigh || c.shown.Kind != c.card.Kind
		if c.r != nil && c.shown != LookOf(c.card) {
			c.Refresh() // dropped into another zone: it took the zone's kind
		}
		v.place(c)
	}
	v.layoutLinks(bd, moved)
	if weigh {
		v.weigh(bd)
	}
	v.Repaint()
}

// weigh brings the balance up to date after a change of some cards.
func (v *BoardView) weigh(bd *canvas.Board) {
	if v.bal.Update(bd) {
		v.bal.Layout(v.vp)
	}
}

// TopDrawnAsModel reports whether the last n cards are drawn in the
// model's order: a move that raised cards changed that order only when
// they were not on top yet, once per drag.
func (v *BoardView) TopDrawnAsModel(bd *canvas.Board, n int) bool {
	if len(bd.Cards) != len(v.order) || n > len(v.order) {
		return false
	}
	for i := len(v.order) - n; i < len(v.order); i++ {
		if v.order[i].card != bd.Cards[i] {
			return false
		}
	}
	return true
}

// CardChanged follows a change of one card's text, colour, kind or scores;
// it reports false when the view has no such card (Sync then adds it).
func (v *BoardView) CardChanged(bd *canvas.Board, id uuid.UUID) bool {
	c := v.views[id]
	if c == nil {
		return false
	}
	if c.r == nil || v.bal.Weighs(c.shown.Kind) || v.bal.Weighs(c.card.Kind) {
		v.weigh(bd)
	}
	if c.shown.Kind != c.card.Kind {
		// A pain that became a gain is no longer addressed by a pain
		// reliever: the check marks of it and its partners follow.
		v.refreshFit(bd)
	}
	if c.r != nil {
		c.Refresh()
	}
	v.place(c)
	v.layoutLinks(bd, map[uuid.UUID]bool{id: true})
	v.Repaint()
	return true
}

// refreshFit works out again which pains and gains are addressed and
// redraws the cards whose check mark comes or goes.
func (v *BoardView) refreshFit(bd *canvas.Board) {
	fitAddressed(bd, v.addressed)
	for id, c := range v.views {
		if a := v.addressed[id]; a != c.addressed {
			c.addressed = a
			if c.r != nil {
				c.Refresh()
			}
		}
	}
}

// fitAddressed fills into with the pains and gains of bd that a fit link
// addresses.
func fitAddressed(bd *canvas.Board, into map[uuid.UUID]bool) {
	clear(into)
	if len(bd.Links) == 0 {
		return
	}
	f := canvas.ComputeFit(bd)
	for _, c := range bd.Cards {
		if (c.Kind == canvas.KindPain || c.Kind == canvas.KindGain) && f.Addressed(c.ID) {
			into[c.ID] = true
		}
	}
}

// ShowSelected shows or hides a card's selection outline.
func (v *BoardView) ShowSelected(id uuid.UUID, on bool) {
	if c := v.views[id]; c != nil {
		c.setSelected(on)
	}
}

// RestyleLinks shows each link of bd fully or faintly, or hides it, after
// the selection changed.
func (v *BoardView) RestyleLinks(bd *canvas.Board) {
	if bd != nil {
		v.layoutLinks(bd, nil)
	}
}

// linkShown is whether link l shows, and whether faintly.
func (v *BoardView) linkShown(l canvas.Link) (shown, faint bool) {
	sel := v.selected != nil && (v.selected(l.From) || v.selected(l.To))
	switch v.linkMode {
	case LinksNone:
		return false, false
	case LinksSelected:
		return sel, false
	}
	return true, v.fade && !sel
}

// layoutLinks draws each link from centre to centre of its cards, as thick
// as it is strong; only the links touching only (when not nil) are placed
// again.
func (v *BoardView) layoutLinks(bd *canvas.Board, only map[uuid.UUID]bool) {
	z := v.vp.Zoom
	view := v.vp.Size
	for i, l := range bd.Links {
		if i >= len(v.links) {
			break
		}
		if only != nil && !only[l.From] && !only[l.To] {
			continue
		}
		line := v.links[i]
		from, to := v.views[l.From], v.views[l.To]
		shown, faint := v.linkShown(l)
		if from == nil || to == nil || !shown {
			line.Hidden = true
			continue
		}
		p1 := v.vp.ToScreen(from.card.Center())
		p2 := v.vp.ToScreen(to.card.Center())
		if (p1.X < 0 && p2.X < 0) || (p1.Y < 0 && p2.Y < 0) ||
			(p1.X > view.Width && p2.X > view.Width) || (p1.Y > view.Height && p2.Y > view.Height) {
			line.Hidden = true
			continue
		}
		line.Hidden = false
		weak, dim := 0, 0
		if l.Strength == canvas.StrengthWeak {
			weak = 1
		}
		if faint {
			dim = 1
		}
		line.StrokeColor = v.linkColors[weak][dim]
		line.StrokeWidth = linkWidth(l.Strength, z)
		line.Position1, line.Position2 = p1, p2
	}
}

// LinkAt is the index in the board's links of the link drawn nearest to
// pos, within tol pixels of its line; ok is false when none is. Hidden
// links are not found.
func (v *BoardView) LinkAt(pos fyne.Position, tol float32) (i int, ok bool) {
	best := tol
	i = -1
	for j, l := range v.links {
		if l.Hidden {
			continue
		}
		if d := segmentDistance(pos, l.Position1, l.Position2); d <= best {
			best, i = d, j
		}
	}
	return i, i >= 0
}

// LinkLine is the line drawn for the board's link at index i (nil when
// there is none), for tests to see how it is drawn.
func (v *BoardView) LinkLine(i int) *fcanvas.Line {
	if i < 0 || i >= len(v.links) {
		return nil
	}
	return v.links[i]
}

// segmentDistance is the distance from p to the segment from a to b.
func segmentDistance(p, a, b fyne.Position) float32 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := float32(0)
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = min(max(((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2, 0), 1)
	}
	ex, ey := p.X-(a.X+t*dx), p.Y-(a.Y+t*dy)
	return float32(math.Sqrt(float64(ex*ex + ey*ey)))
}

// Card is the view of the card with that id, nil when there is none.
func (v *BoardView) Card(id uuid.UUID) *CardView { return v.views[id] }

// Len is the number of card views.
func (v *BoardView) Len() int { return len(v.views) }

// Drawn lists the card views in drawing order, bottom to top.
func (v *BoardView) Drawn() []*CardView { return v.order }

// Balance is the view of the board's balance bar.
func (v *BoardView) Balance() *BalanceView { return &v.bal }

// Clusters is the view of the board's clusters.
func (v *BoardView) Clusters() *ClusterView { return &v.clusters }

// Template is the view of the board's template.
func (v *BoardView) Template() *TemplateView { return &v.tpl }

// Clipped is the view as one object of the viewport's size that cuts off
// what lies outside it, as the interactive board does (Fyne clips a
// scrollable widget): an export shows exactly what the screen would.
func (v *BoardView) Clipped() fyne.CanvasObject {
	c := &clip{objects: v.Objects()}
	c.ExtendBaseWidget(c)
	c.Resize(v.vp.Size)
	return c
}

type clip struct {
	widget.BaseWidget
	objects []fyne.CanvasObject
}

func (c *clip) CreateRenderer() fyne.WidgetRenderer { return clipRenderer{c} }

// clipRenderer's IsClip tells Fyne's painters to cut its objects off at the
// widget's bounds.
type clipRenderer struct{ c *clip }

func (clipRenderer) IsClip()                        {}
func (clipRenderer) Destroy()                       {}
func (clipRenderer) Layout(fyne.Size)               {}
func (clipRenderer) MinSize() fyne.Size             { return fyne.Size{} }
func (r clipRenderer) Objects() []fyne.CanvasObject { return r.c.objects }
func (clipRenderer) Refresh()                       {}
