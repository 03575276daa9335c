package board

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// Clusters are the board's named groups of cards (canvas.Cluster). A card
// joins one by being dragged into its frame: nothing but its position says
// so. Here: finding the part of a cluster under the pointer, the drags that
// move and resize one, its menu, and renaming it in place.

// clusterGrabPixels is the least reach, in pixels, of a cluster's resize
// handle: at a small zoom its corner would be too small to grab.
const clusterGrabPixels = 14

// clusterTitleAt returns the topmost cluster whose title bar holds p.
func clusterTitleAt(bd *canvas.Board, p canvas.Point) (*canvas.Cluster, bool) {
	k, ok := bd.ClusterAt(p)
	if !ok || p.Y >= k.Rect.Y+render.ClusterTitleBar {
		return nil, false
	}
	return k, true
}

// clusterHandleAt returns the topmost cluster whose resize handle, in its
// bottom-right corner, is under the widget position pos.
func (b *Widget) clusterHandleAt(pos fyne.Position) (*canvas.Cluster, bool) {
	bd := b.board()
	if bd == nil {
		return nil, false
	}
	reach := max(render.ClusterHandle*b.Zoom(), clusterGrabPixels)
	for i := len(bd.Clusters) - 1; i >= 0; i-- {
		k := &bd.Clusters[i]
		corner := b.view.ToScreen(canvas.Point{X: k.Rect.X + k.Rect.W, Y: k.Rect.Y + k.Rect.H})
		if pos.X <= corner.X && pos.X >= corner.X-reach && pos.Y <= corner.Y && pos.Y >= corner.Y-reach {
			return k, true
		}
	}
	return nil, false
}

// startClusterDrag begins a drag from start on a cluster's resize handle or
// title bar, and reports whether it did; a press on a card never gets here.
func (b *Widget) startClusterDrag(start fyne.Position) bool {
	bd := b.board()
	if bd == nil {
		return false
	}
	if k, ok := b.clusterHandleAt(start); ok {
		b.drag = drag{mode: dragClusterResize, gesture: gestures.Add(1), lead: k.ID, from: start, w0: k.Rect.W, h0: k.Rect.H}
		return true
	}
	if k, ok := clusterTitleAt(bd, b.view.ToBoard(start)); ok {
		b.drag = drag{mode: dragCluster, gesture: gestures.Add(1), lead: k.ID, from: start}
		return true
	}
	return false
}

// moveClusterBy moves the dragged cluster, and the cards in it, by a drag
// event's delta.
func (b *Widget) moveClusterBy(d fyne.Delta) {
	dx, dy := b.view.ScreenDelta(d)
	if !b.do(&canvas.MoveCluster{Board: b.boardID, ID: b.drag.lead, DX: dx, DY: dy, Gesture: b.drag.gesture}) {
		b.drag.mode = dragNone // stop; the error was reported
	}
}

// resizeClusterTo resizes the cluster grabbed by its handle so that its
// corner follows the pointer at pos. Its cards stay where they are.
func (b *Widget) resizeClusterTo(pos fyne.Position) {
	bd := b.board()
	if bd == nil {
		return
	}
	k, ok := bd.Cluster(b.drag.lead)
	if !ok {
		return
	}
	d := pos.Subtract(b.drag.from)
	dx, dy := b.view.ScreenDelta(fyne.NewDelta(d.X, d.Y))
	n := *k
	n.Rect.W, n.Rect.H = clusterSizeLimits(b.drag.w0+dx, b.drag.h0+dy)
	if n.Rect != k.Rect {
		b.do(&canvas.UpdateCluster{Board: b.boardID, Cluster: n, Label: "Resize cluster", Gesture: b.drag.gesture})
	}
}

func clusterSizeLimits(w, h float64) (float64, float64) {
	return min(max(w, canvas.MinClusterW), canvas.MaxClusterSize), min(max(h, canvas.MinClusterH), canvas.MaxClusterSize)
}

// endClusterDrag snaps the moved or resized cluster to the grid, in the
// same undo step as the drag.
func (b *Widget) endClusterDrag(d drag) {
	bd := b.board()
	if bd == nil {
		return
	}
	if k, ok := bd.Cluster(d.lead); ok {
		r := k.Rect
		switch d.mode {
		case dragCluster:
			if dx, dy := snap(r.X)-r.X, snap(r.Y)-r.Y; dx != 0 || dy != 0 {
				b.do(&canvas.MoveCluster{Board: b.boardID, ID: k.ID, DX: dx, DY: dy, Gesture: d.gesture})
			}
		case dragClusterResize:
			n := *k
			n.Rect.W, n.Rect.H = clusterSizeLimits(snap(r.W), snap(r.H))
			if n.Rect != r {
				b.do(&canvas.UpdateCluster{Board: b.boardID, Cluster: n, Label: "Resize cluster", Gesture: d.gesture})
			}
		}
	}
	b.doc.History.Seal()
}

// AddCluster puts a new cluster of the default size with its top-left
// corner at p and opens its name, selected, for typing.
func (b *Widget) AddCluster(p canvas.Point) {
	r := canvas.DefaultClusterRect
	r.X, r.Y = snap(p.X), snap(p.Y)
	k := canvas.Cluster{ID: uuid.New(), Name: canvas.NewClusterName, Rect: r}
	if !b.do(&canvas.AddCluster{Board: b.boardID, Cluster: k}) {
		return
	}
	b.renameCluster(k.ID)
	if b.edit.entry != nil {
		b.edit.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// renameCluster opens the editor on a cluster's name, over its title.
func (b *Widget) renameCluster(id uuid.UUID) {
	bd := b.board()
	if bd == nil {
		return
	}
	if k, ok := bd.Cluster(id); ok {
		b.openEditor(editTarget{cluster: id}, k.Name, false, "")
	}
}

// clusterEditorRect is where the editor of a cluster's name sits, and
// its text size.
func clusterEditorRect(bd *canvas.Board, id uuid.UUID) (canvas.Rect, bool) {
	k, ok := bd.Cluster(id)
	if !ok {
		return canvas.Rect{}, false
	}
	r := render.ClusterNameRect(k)
	return canvas.Rect{X: r.X - 8, Y: r.Y - 6, W: r.W + 16, H: render.ClusterNameSize * 2}, true
}

// commitClusterName renames the cluster to what was typed; an empty name
// keeps the old one.
func (b *Widget) commitClusterName(id uuid.UUID, text string) {
	bd := b.board()
	if bd == nil {
		return
	}
	k, ok := bd.Cluster(id)
	if !ok || text == "" || text == k.Name {
		return
	}
	n := *k
	n.Name = text
	b.do(&canvas.UpdateCluster{Board: b.boardID, Cluster: n, Label: "Rename cluster"})
}

// clusterMenu is the context menu of a cluster's space at p: what to do
// with the cluster, then what the board's space offers.
func (m menus) clusterMenu(id uuid.UUID, p canvas.Point) *fyne.Menu {
	b := m.b
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Rename cluster", func() { b.renameCluster(id) }),
		fyne.NewMenuItem("Set vector of progress…", func() { b.editClusterVector(id) }),
		fyne.NewMenuItem("Delete cluster", func() { b.do(&canvas.RemoveCluster{Board: b.boardID, ID: id}) }),
		fyne.NewMenuItemSeparator(),
	}
	return fyne.NewMenu("", append(items, m.boardMenu(p).Items...)...)
}

// editClusterVector asks for the cluster's vector of progress: where its
// people were, and where they want to be.
func (b *Widget) editClusterVector(id uuid.UUID) {
	bd := b.board()
	win := b.window()
	if bd == nil || win == nil {
		return
	}
	k, ok := bd.Cluster(id)
	if !ok {
		return
	}
	from, to := widget.NewEntry(), widget.NewEntry()
	from.SetText(k.From)
	to.SetText(k.To)
	from.SetPlaceHolder("Where they were, e.g. guessing when to leave")
	to.SetPlaceHolder("Where they want to be, e.g. arriving on time without thinking")
	var d *dialog.FormDialog
	d = dialog.NewForm("Vector of progress: "+k.Name, "Set", "Cancel", []*widget.FormItem{
		widget.NewFormItem("From", from),
		widget.NewFormItem("To", to),
	}, func(ok bool) {
		defer b.focus(b)
		if ok {
			b.setClusterVector(id, from.Text, to.Text)
		}
	}, win)
	to.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
	win.Canvas().Focus(from)
}

// setClusterVector sets the cluster's vector of progress, as one undo step.
func (b *Widget) setClusterVector(id uuid.UUID, from, to string) {
	bd := b.board()
	if bd == nil {
		return
	}
	k, ok := bd.Cluster(id)
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || (from == k.From && to == k.To) {
		return
	}
	n := *k
	n.From, n.To = from, to
	b.do(&canvas.UpdateCluster{Board: b.boardID, Cluster: n, Label: "Set vector of progress"})
}

// offersClusters reports whether the board's menu offers to add a
// cluster: on a customer stories board, or one that has clusters already.
func offersClusters(bd *canvas.Board) bool {
	return bd != nil && (bd.Template == "customer-stories" || len(bd.Clusters) > 0)
}
