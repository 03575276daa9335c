package board

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Minimap shows the whole board small in a corner of the view, with the
// part in view outlined: a facilitator zoomed in on one zone sees where it
// sits, and clicks or drags on the map to look elsewhere. It shows only
// while part of the board is out of view, so a fitted board on the
// projector carries no extra chrome.
type Minimap struct {
	widget.BaseWidget

	board   *Widget
	enabled bool // the user wants it (View ▸ Minimap)

	// gen counts the model changes the map has been told of; the picture
	// is drawn again only when it moved on.
	gen, drawn uint64

	// bounds is the board's area the map shows, kept up to date as the
	// board changes rather than measured over every card on every event.
	bounds canvas.Rect

	r *minimapRenderer
}

// minimapSize is the map's size on screen: readable, yet small beside a
// board on a projector.
var minimapSize = fyne.NewSize(240, 150)

// NewMinimap makes the map of a board widget's board.
func NewMinimap(b *Widget) *Minimap {
	m := &Minimap{board: b, enabled: true, gen: 1}
	m.ExtendBaseWidget(m)
	// The map lives and dies with its board: the board's Close stops it.
	b.unlisten = append(b.unlisten, b.doc.OnChange(func(ch document.Change) {
		if ch.Board == uuid.Nil || ch.Board == b.boardID {
			m.gen++
			m.boardChanged(ch)
			m.update()
		}
	}))
	b.onView = m.update
	m.boardChanged(document.Change{})
	m.update()
	return m
}

// boardChanged brings the bounds up to date. Moved cards can only widen
// them (a drag would otherwise measure the whole board at every step);
// any other change measures again.
func (m *Minimap) boardChanged(ch document.Change) {
	bd := m.board.board()
	if bd == nil {
		m.bounds = canvas.Rect{}
		return
	}
	if mv, ok := ch.Edit.(*canvas.MoveCards); ok && !m.bounds.Empty() {
		for _, id := range mv.IDs {
			if c := bd.Card(id); c != nil {
				m.bounds = m.bounds.Union(c.Rect())
			}
		}
		return
	}
	m.bounds = bd.Bounds()
}

// SetEnabled shows or hides the map whatever the view.
func (m *Minimap) SetEnabled(on bool) {
	m.enabled = on
	m.update()
}

// Enabled reports whether the user wants the map.
func (m *Minimap) Enabled() bool { return m.enabled }

// wanted reports whether the map should show: the user wants it and part
// of the board is out of view.
func (m *Minimap) wanted() bool {
	bd := m.board.board()
	size := m.board.Size()
	if !m.enabled || bd == nil || size.Width < 2*minimapSize.Width || size.Height < 2*minimapSize.Height {
		return false
	}
	view := m.board.viewRect()
	r := m.bounds
	const slack = 1 // board units: rounding must not flash the map
	return r.X < view.X-slack || r.Y < view.Y-slack ||
		r.X+r.W > view.X+view.W+slack || r.Y+r.H > view.Y+view.H+slack
}

// update follows a change of the view or of the board.
func (m *Minimap) update() {
	show := m.wanted()
	if show != m.Visible() {
		if show {
			m.Show()
		} else {
			m.Hide()
		}
	}
	if show && m.r != nil {
		m.r.layoutView()
	}
}

// frame is where the board sits in the map: the offset and scale that
// take a board point to a map position.
func (m *Minimap) frame(size fyne.Size) (bounds canvas.Rect, scale float32, off fyne.Position) {
	bounds = m.bounds
	if bounds.Empty() {
		return canvas.Rect{}, 1, fyne.Position{}
	}
	const pad = 6
	scale = min((size.Width-2*pad)/float32(bounds.W), (size.Height-2*pad)/float32(bounds.H))
	off = fyne.NewPos((size.Width-float32(bounds.W)*scale)/2, (size.Height-float32(bounds.H)*scale)/2)
	return bounds, scale, off
}

// toBoard is the board point under a position on the map.
func (m *Minimap) toBoard(p fyne.Position) canvas.Point {
	bounds, s, off := m.frame(m.Size())
	return canvas.Point{X: bounds.X + float64((p.X-off.X)/s), Y: bounds.Y + float64((p.Y-off.Y)/s)}
}

// Tapped implements fyne.Tappable: the view centres on the point clicked.
func (m *Minimap) Tapped(e *fyne.PointEvent) { m.board.centerOn(m.toBoard(e.Position)) }

// Dragged implements fyne.Draggable: the view's outline follows the
// pointer.
func (m *Minimap) Dragged(e *fyne.DragEvent) {
	_, s, _ := m.frame(m.Size())
	c := m.board.viewRect().Center()
	m.board.centerOn(canvas.Point{X: c.X + float64(e.Dragged.DX/s), Y: c.Y + float64(e.Dragged.DY/s)})
}

// DragEnd implements fyne.Draggable.
func (m *Minimap) DragEnd() {}

// MinSize implements fyne.Widget.
func (m *Minimap) MinSize() fyne.Size { return minimapSize }

// CreateRenderer implements fyne.Widget.
func (m *Minimap) CreateRenderer() fyne.WidgetRenderer {
	r := &minimapRenderer{m: m}
	r.bg = fcanvas.NewRectangle(color.Transparent)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = 4
	r.picture = fcanvas.NewRaster(r.draw)
	r.view = fcanvas.NewRectangle(color.Transparent)
	r.view.StrokeWidth = 2
	r.setColors()
	m.r = r
	return r
}

// minimapRenderer draws the cards into one small picture, redrawn when the
// board changes, and the view's outline as a rectangle, only moved when
// the view pans or zooms.
type minimapRenderer struct {
	m       *Minimap
	bg      *fcanvas.Rectangle
	picture *fcanvas.Raster
	view    *fcanvas.Rectangle
	colors  render.Palette
}

func (r *minimapRenderer) setColors() {
	r.colors = render.ThemePalette(r.m.Theme())
	r.bg.FillColor = render.Opaque(r.colors.Background, r.colors.Foreground, 0.06)
	r.bg.StrokeColor = r.colors.Frame
	r.view.StrokeColor = r.colors.Primary
	r.view.FillColor = r.colors.Selection
}

func (r *minimapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.picture, r.view}
}

func (r *minimapRenderer) MinSize() fyne.Size { return minimapSize }

func (r *minimapRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.picture.Resize(size)
	r.layoutView()
}

// layoutView places the view's outline, clipped to the map, and redraws
// the picture when the board changed.
func (r *minimapRenderer) layoutView() {
	m := r.m
	size := m.Size()
	bounds, s, off := m.frame(size)
	v := m.board.viewRect()
	x0 := max(off.X+float32(v.X-bounds.X)*s, 0)
	y0 := max(off.Y+float32(v.Y-bounds.Y)*s, 0)
	x1 := min(off.X+float32(v.X+v.W-bounds.X)*s, size.Width)
	y1 := min(off.Y+float32(v.Y+v.H-bounds.Y)*s, size.Height)
	r.view.Move(fyne.NewPos(x0, y0))
	r.view.Resize(fyne.NewSize(max(x1-x0, 2), max(y1-y0, 2)))
	if m.drawn != m.gen {
		r.picture.Refresh()
	}
	r.bg.Refresh() // a repaint; the outline only moved
}

func (r *minimapRenderer) Refresh() {
	r.setColors()
	r.m.drawn = 0
	r.layoutView()
	r.bg.Refresh()
	r.view.Refresh()
}

func (r *minimapRenderer) Destroy() {}

// draw paints the template's outline and every card at w×h pixels.
func (r *minimapRenderer) draw(w, h int) image.Image {
	m := r.m
	m.drawn = m.gen
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	bd := m.board.board()
	size := m.Size()
	if bd == nil || size.Width <= 0 || w <= 0 {
		return img
	}
	px := float32(w) / size.Width // pixels per widget unit
	bounds, s, off := m.frame(size)
	rect := func(b canvas.Rect) image.Rectangle {
		x0 := int((off.X + float32(b.X-bounds.X)*s) * px)
		y0 := int((off.Y + float32(b.Y-bounds.Y)*s) * px)
		x1 := int((off.X + float32(b.X+b.W-bounds.X)*s) * px)
		y1 := int((off.Y + float32(b.Y+b.H-bounds.Y)*s) * px)
		return image.Rect(x0, y0, max(x1, x0+1), max(y1, y0+1))
	}
	tpl := image.NewUniform(render.WithAlpha(r.colors.Foreground, 0x18))
	if t := bd.TemplateBounds(); !t.Empty() {
		draw.Draw(img, rect(t), tpl, image.Point{}, draw.Over)
	}
	line := render.WithAlpha(r.colors.Foreground, 0x50)
	if frames := bd.TemplateOf().Frames; len(frames) > 0 {
		for _, f := range frames {
			if f.Circle != nil {
				ring(img, rect(f.Circle.Bounds()), line)
			} else if f.Rect != nil {
				outline(img, rect(*f.Rect), line)
			}
		}
	} else {
		for _, z := range bd.Zones() {
			outline(img, rect(z.Rect), line)
		}
	}
	tplOf := bd.TemplateOf()
	for _, a := range tplOf.Areas {
		outline(img, rect(a.Rect), line)
	}
	if a := tplOf.Axes; a != nil {
		// The two lines, a pixel wide, across the axes' rect.
		fill := image.NewUniform(line)
		v, h := rect(canvas.Rect{X: a.X, Y: a.Rect.Y, H: a.Rect.H}), rect(canvas.Rect{X: a.Rect.X, Y: a.Y, W: a.Rect.W})
		draw.Draw(img, image.Rect(v.Min.X, v.Min.Y, v.Min.X+1, v.Max.Y).Intersect(img.Bounds()), fill, image.Point{}, draw.Over)
		draw.Draw(img, image.Rect(h.Min.X, h.Min.Y, h.Max.X, h.Min.Y+1).Intersect(img.Bounds()), fill, image.Point{}, draw.Over)
	}
	// Clusters in the primary colour: the groups stand out from the
	// template's lines around the cards.
	for _, k := range bd.Clusters {
		outline(img, rect(k.Rect), render.WithAlpha(r.colors.Primary, 0xd0))
	}
	for _, c := range bd.Cards {
		draw.Draw(img, rect(c.Rect()), image.NewUniform(parseHex(c.DisplayColor())), image.Point{}, draw.Src)
	}
	return img
}

// outline draws a one-pixel frame.
func outline(img *image.NRGBA, r image.Rectangle, c color.Color) {
	u := image.NewUniform(c)
	for _, e := range []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y), image.Rect(r.Max.X-1, r.Min.Y, r.Max.X, r.Max.Y),
	} {
		draw.Draw(img, e.Intersect(img.Bounds()), u, image.Point{}, draw.Over)
	}
}

// ring draws a one-pixel circle inside the square r.
func ring(img *image.NRGBA, r image.Rectangle, c color.Color) {
	cx, cy := float64(r.Min.X+r.Max.X)/2, float64(r.Min.Y+r.Max.Y)/2
	rad := float64(r.Dx()) / 2
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if d := math.Sqrt(dx*dx + dy*dy); d <= rad && d > rad-1 && image.Pt(x, y).In(img.Bounds()) {
				img.Set(x, y, c)
			}
		}
	}
}

// WithMinimap lays the minimap over the board, in its bottom-right
// corner.
func WithMinimap(bw *Widget, mm *Minimap) fyne.CanvasObject {
	return container.NewStack(bw, container.New(cornerLayout{}, mm))
}

// cornerLayout puts its objects at their minimum size in the bottom-right
// corner, clear of the edge.
type cornerLayout struct{}

func (cornerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const margin = 12
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(size.Width-m.Width-margin, size.Height-m.Height-margin))
	}
}

func (cornerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
