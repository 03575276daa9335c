package board

import (
	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
)

// boardRenderer draws the board through a render.BoardView (background,
// template, links, cards) and puts over it what only the interactive board
// has: the rubber band and the text editor.
type boardRenderer struct {
	b      *Widget
	view   *render.BoardView
	band   *fcanvas.Rectangle // the rubber band of a drag selection
	rubber *fcanvas.Line      // the link being drawn from a card's handle
	notice *notice
	vote   *voteBar // nil until first laid out (vote.go)

	// linksStale is set when the selection changed: the next repaint
	// shows the links of the selected cards fully and the others faintly.
	linksStale bool

	objects []fyne.CanvasObject
}

func newBoardRenderer(b *Widget) *boardRenderer {
	colors := b.palette()
	r := &boardRenderer{b: b, view: render.NewBoardView(colors, true)}
	r.band = fcanvas.NewRectangle(colors.Selection)
	r.band.StrokeColor = colors.Primary
	r.band.StrokeWidth = 1
	r.band.Hide()
	r.rubber = fcanvas.NewLine(colors.Primary)
	r.rubber.Hide()
	r.notice = newNotice()
	r.view.SetLinks(b.linkMode, true)
	r.view.SetVoteVeils(true)
	r.view.DrawForScreen()
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
	drawn := r.view.Objects()
	objs := make([]fyne.CanvasObject, 0, len(drawn)+2)
	objs = append(objs, drawn...)
	objs = append(objs, r.band, r.rubber)
	if r.vote != nil {
		objs = append(objs, r.vote.objects()...)
	}
	objs = append(objs, r.notice.box, r.notice.text)
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
	colors := r.b.palette()
	r.view.SetPalette(colors)
	r.band.FillColor = colors.Selection
	r.band.StrokeColor = colors.Primary
	r.sync()
	r.view.RefreshCards()
	fcanvas.Refresh(r.b)
}

// Destroy implements fyne.WidgetRenderer.
func (r *boardRenderer) Destroy() {}

// repaint asks for a new frame without freeing any texture.
func (r *boardRenderer) repaint() {
	if r.linksStale {
		r.linksStale = false
		r.view.RestyleLinks(r.b.board())
	}
	r.view.Repaint()
}

// sync brings the view up to date with the model.
func (r *boardRenderer) sync() {
	bd := r.b.board()
	if r.view.Sync(bd, r.b.sel.Has) || r.objects == nil {
		r.rebuildObjects()
	}
	if bd != nil {
		r.layoutAll()
	}
}

// viewport is the widget's view of the board.
func (r *boardRenderer) viewport() render.Viewport {
	return render.Viewport{Zoom: r.b.view.Zoom(), Pan: r.b.view.Pan(), Size: r.b.Size()}
}

// layoutAll places everything for the current view.
func (r *boardRenderer) layoutAll() {
	r.view.Layout(r.b.board(), r.viewport())
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

// cardsMoved follows a move of some cards.
func (r *boardRenderer) cardsMoved(ids []uuid.UUID) {
	if bd := r.b.board(); bd != nil {
		r.view.CardsMoved(bd, ids)
	}
}

// topDrawnAsModel reports whether the last n cards are drawn in the
// model's order.
func (r *boardRenderer) topDrawnAsModel(n int) bool {
	bd := r.b.board()
	return bd != nil && r.view.TopDrawnAsModel(bd, n)
}

// cardChanged follows a change of one card's text, colour, kind or scores.
func (r *boardRenderer) cardChanged(id uuid.UUID) {
	if bd := r.b.board(); bd == nil || !r.view.CardChanged(bd, id) {
		r.sync()
	}
}

// showSelected shows or hides a card's selection outline; its links are
// restyled at the next repaint, once for the whole change of selection.
func (r *boardRenderer) showSelected(id uuid.UUID, on bool) {
	r.view.ShowSelected(id, on)
	r.linksStale = true
}

// showRubber draws the link being made from a to b (nil hides it), in the
// primary colour when the card under the pointer takes it (ok), in the
// error colour when it does not.
func (r *boardRenderer) showRubber(a, b *fyne.Position, ok bool) {
	if a == nil || b == nil {
		r.rubber.Hide()
		r.repaint()
		return
	}
	th, v := r.b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.rubber.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	if !ok {
		r.rubber.StrokeColor = th.Color(theme.ColorNameError, v)
	}
	r.rubber.StrokeWidth = 3
	r.rubber.Position1, r.rubber.Position2 = *a, *b
	r.rubber.Show()
	r.rubber.Refresh()
	r.repaint()
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
	r.layoutVote()
	r.layoutNotice()
}
