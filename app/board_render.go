package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// boardRenderer owns the board's canvas objects, bottom to top: the
// background, the template (frames, zones, labels, step headers), the
// links, one cardWidget per card in drawing order, the rubber band and the
// text editor. Nothing is rebuilt on a change: sync diffs the model against
// the views it has, a drag only moves the dragged cards, and a zoom only
// moves and resizes what is in view.
type boardRenderer struct {
	b      *BoardWidget
	colors boardColors

	bg   *fcanvas.Rectangle
	band *fcanvas.Rectangle // the rubber band of a drag selection

	tpl     *templateView
	links   []*fcanvas.Line // one per board link, by index
	views   map[uuid.UUID]*cardWidget
	order   []*cardWidget // drawing order
	scratch []*cardWidget
	linked  map[uuid.UUID]bool
	gen     uint64

	objects []fyne.CanvasObject
}

func newBoardRenderer(b *BoardWidget) *boardRenderer {
	r := &boardRenderer{b: b, views: map[uuid.UUID]*cardWidget{}, linked: map[uuid.UUID]bool{}}
	r.colors = themeColors(b.Theme())
	r.bg = fcanvas.NewRectangle(r.colors.background)
	r.bg.Hidden = b.bare
	r.band = fcanvas.NewRectangle(r.colors.selection)
	r.band.StrokeColor = r.colors.primary
	r.band.StrokeWidth = 1
	r.band.Hide()
	r.tpl = &templateView{}
	r.sync()
	return r
}

// Objects implements fyne.WidgetRenderer.
func (r *boardRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil {
		r.rebuildObjects()
	}
	return r.objects
}

func (r *boardRenderer) rebuildObjects() {
	objs := make([]fyne.CanvasObject, 0, 3+len(r.tpl.objects)+len(r.links)+len(r.order))
	objs = append(objs, r.bg)
	objs = append(objs, r.tpl.objects...)
	for _, l := range r.links {
		objs = append(objs, l)
	}
	for _, v := range r.order {
		objs = append(objs, v)
	}
	objs = append(objs, r.band)
	if o := r.b.edit.object(); o != nil {
		objs = append(objs, o)
	}
	r.objects = objs
}

// MinSize implements fyne.WidgetRenderer.
func (r *boardRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

// Layout implements fyne.WidgetRenderer. Until the user zooms or pans,
// the view fits the board, whatever the widget's size.
func (r *boardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if r.b.view.AutoFit() && size.Width > 0 && size.Height > 0 {
		if bd := r.b.board(); bd != nil {
			r.b.view.Fit(bd.Bounds(), size)
		}
	}
	r.layoutAll()
}

// Refresh implements fyne.WidgetRenderer: theme colours are read again and
// the view re-synced with the model.
func (r *boardRenderer) Refresh() {
	r.colors = themeColors(r.b.Theme())
	r.bg.FillColor = r.colors.background
	r.band.FillColor = r.colors.selection
	r.band.StrokeColor = r.colors.primary
	r.tpl.key = "" // colours live in the template objects: rebuild them
	r.sync()
	for _, v := range r.order {
		if v.r != nil {
			v.Refresh()
		}
	}
	fcanvas.Refresh(r.b)
}

// Destroy implements fyne.WidgetRenderer.
func (r *boardRenderer) Destroy() {}

// repaint asks for a new frame without freeing any texture: the board's
// objects moved, but none of them changed how it looks.
func (r *boardRenderer) repaint() { r.bg.Refresh() }

// sync brings the views up to date with the model by diffing: views of
// cards still there are kept (and refreshed when the card changed), new
// cards get a view, views of removed cards are dropped.
func (r *boardRenderer) sync() {
	bd := r.b.board()
	r.gen++
	changedSet := false
	if bd == nil {
		changedSet = len(r.order) > 0 || len(r.links) > 0
		r.order = r.order[:0]
		clear(r.views)
		r.links = r.links[:0]
		if changedSet || r.objects == nil {
			r.rebuildObjects()
		}
		return
	}

	clear(r.linked)
	for _, l := range bd.Links {
		r.linked[l.From] = true
		r.linked[l.To] = true
	}

	next := r.scratch[:0]
	for _, c := range bd.Cards {
		v, ok := r.views[c.ID]
		if !ok {
			v = newCardWidget(c, &r.colors)
			r.views[c.ID] = v
		}
		v.gen = r.gen
		stale := v.card != c || v.shown != lookOf(c) || v.linked != r.linked[c.ID]
		v.card = c
		v.linked = r.linked[c.ID]
		if sel := r.b.sel.Has(c.ID); sel != v.selected {
			v.selected = sel
			stale = true
		}
		if stale && ok && v.r != nil {
			v.Refresh()
		}
		next = append(next, v)
	}
	if !slices.Equal(next, r.order) {
		changedSet = true
	}
	r.order, r.scratch = next, r.order
	if len(r.views) != len(r.order) {
		for id, v := range r.views {
			if v.gen != r.gen {
				delete(r.views, id)
			}
		}
	}

	if len(r.links) != len(bd.Links) {
		for len(r.links) < len(bd.Links) {
			l := fcanvas.NewLine(r.colors.link)
			r.links = append(r.links, l)
		}
		r.links = r.links[:len(bd.Links)]
		changedSet = true
	}

	if r.tpl.build(r.b, bd, &r.colors) {
		changedSet = true
	}
	if changedSet || r.objects == nil {
		r.rebuildObjects()
	}
	r.layoutAll()
}

// layoutAll places everything for the current view.
func (r *boardRenderer) layoutAll() {
	r.tpl.layout(r.b)
	bd := r.b.board()
	if bd != nil {
		r.layoutLinks(bd, nil)
	}
	for _, v := range r.order {
		r.place(v)
	}
	r.layoutOverlay()
	if r.b.onView != nil {
		r.b.onView()
	}
}

// layoutView is layoutAll after the view moved, followed by a repaint.
func (r *boardRenderer) layoutView() {
	r.layoutAll()
	r.repaint()
}

// place puts a card view where its card is, at the current zoom, and hides
// it when it is out of view.
func (r *boardRenderer) place(v *cardWidget) {
	b := r.b
	pos, size := b.view.ScreenRect(v.card.Rect())
	view := b.Size()
	const margin = 8 // the selection outline and shadow stick out a little
	if pos.X > view.Width+margin || pos.Y > view.Height+margin ||
		pos.X+size.Width < -margin || pos.Y+size.Height < -margin {
		if v.Visible() {
			v.Hide()
		}
		return
	}
	v.zoom = b.Zoom()
	v.Move(pos)
	if !v.Visible() {
		v.Resize(size)
		v.Show()
		return
	}
	v.Resize(size)
}

// cardsMoved follows a move of some cards: only those cards and the links
// that touch them are placed again.
func (r *boardRenderer) cardsMoved(ids []uuid.UUID) {
	bd := r.b.board()
	if bd == nil {
		return
	}
	moved := make(map[uuid.UUID]bool, len(ids))
	for _, id := range ids {
		v := r.views[id]
		if v == nil {
			continue
		}
		moved[id] = true
		if v.r != nil && v.shown != lookOf(v.card) {
			v.Refresh() // dropped into another zone: it took the zone's kind
		}
		r.place(v)
	}
	r.layoutLinks(bd, moved)
	r.repaint()
}

// topDrawnAsModel reports whether the last n cards are drawn in the
// model's order: a move that raised cards changed that order only when
// they were not on top yet, once per drag.
func (r *boardRenderer) topDrawnAsModel(n int) bool {
	bd := r.b.board()
	if bd == nil || len(bd.Cards) != len(r.order) || n > len(r.order) {
		return false
	}
	for i := len(r.order) - n; i < len(r.order); i++ {
		if r.order[i].card != bd.Cards[i] {
			return false
		}
	}
	return true
}

// cardChanged follows a change of one card's text, colour, kind or scores.
func (r *boardRenderer) cardChanged(id uuid.UUID) {
	v := r.views[id]
	if v == nil {
		r.sync()
		return
	}
	if v.r != nil {
		v.Refresh()
	}
	r.place(v)
	if bd := r.b.board(); bd != nil {
		r.layoutLinks(bd, map[uuid.UUID]bool{id: true})
	}
	r.repaint()
}

// showSelected shows or hides a card's selection outline.
func (r *boardRenderer) showSelected(id uuid.UUID, on bool) {
	if v := r.views[id]; v != nil {
		v.setSelected(on)
	}
}

// layoutLinks draws each link from centre to centre of its cards; only the
// links touching only (when not nil) are placed again.
func (r *boardRenderer) layoutLinks(bd *canvas.Board, only map[uuid.UUID]bool) {
	z := r.b.Zoom()
	width := min(max(3*z, 1), 4)
	view := r.b.Size()
	for i, l := range bd.Links {
		if i >= len(r.links) {
			break
		}
		if only != nil && !only[l.From] && !only[l.To] {
			continue
		}
		line := r.links[i]
		from, to := r.views[l.From], r.views[l.To]
		if from == nil || to == nil {
			line.Hidden = true
			continue
		}
		p1 := r.b.view.ToScreen(from.card.Center())
		p2 := r.b.view.ToScreen(to.card.Center())
		if (p1.X < 0 && p2.X < 0) || (p1.Y < 0 && p2.Y < 0) ||
			(p1.X > view.Width && p2.X > view.Width) || (p1.Y > view.Height && p2.Y > view.Height) {
			line.Hidden = true
			continue
		}
		line.Hidden = false
		line.StrokeColor = r.colors.link
		line.StrokeWidth = width
		line.Position1, line.Position2 = p1, p2
	}
}

// showBand draws the rubber band between two widget positions (nil hides it).
func (r *boardRenderer) showBand(a, b *fyne.Position) {
	if a == nil || b == nil {
		r.band.Hide()
		r.repaint()
		return
	}
	x0, y0 := min(a.X, b.X), min(a.Y, b.Y)
	r.band.Move(fyne.NewPos(x0, y0))
	r.band.Resize(fyne.NewSize(max(a.X, b.X)-x0, max(a.Y, b.Y)-y0))
	r.band.Show()
	r.repaint()
}

// editorChanged adds or removes the text editor's objects.
func (r *boardRenderer) editorChanged() {
	r.rebuildObjects()
	r.layoutOverlay()
	r.repaint()
}

// layoutOverlay puts the text editor over what it edits.
func (r *boardRenderer) layoutOverlay() {
	r.b.layoutEditor()
}

// cardLook is what a card's view shows, to tell when it must be redrawn.
type cardLook struct {
	text, color string
	w, h        float64
	votes       int
	imp, sat    float64
	scored      bool
}

func lookOf(c *canvas.Card) cardLook {
	l := cardLook{text: c.Text, color: c.DisplayColor(), w: c.W, h: c.H, votes: c.Votes}
	if c.Importance != nil && c.Satisfaction != nil {
		l.imp, l.sat, l.scored = *c.Importance, *c.Satisfaction, true
	}
	return l
}

// opaque mixes fg over bg at alpha a: lines drawn where zones meet would
// otherwise show darker where they overlap.
func opaque(bg, fg color.Color, a float32) color.NRGBA {
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float32(x)*(1-a) + float32(y)*a) }
	return color.NRGBA{mix(b.R, f.R), mix(b.G, f.G), mix(b.B, f.B), 0xff}
}
