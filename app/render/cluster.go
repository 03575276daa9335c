package render

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Sizes of a cluster's frame, in board units.
const (
	ClusterNameSize   = 32
	ClusterVectorSize = 22
	ClusterPad        = 20
	// ClusterTitleBar is the band at the top of a cluster holding its name
	// and vector of progress: where a drag moves the cluster and a
	// double-click renames it.
	ClusterTitleBar = 124
	// ClusterHandle is the side of the square at a cluster's bottom-right
	// corner that resizes it.
	ClusterHandle = 40
	clusterRadius = 22
)

// ClusterVectorHint is what a cluster without a vector of progress shows
// under its name: what to fill in, and how.
const ClusterVectorHint = "Vector of progress: from … to … (right-click)"

// ClusterNameRect is where a cluster's name is written, and edited.
func ClusterNameRect(k *canvas.Cluster) canvas.Rect {
	return canvas.Rect{X: k.Rect.X + ClusterPad, Y: k.Rect.Y + 14, W: k.Rect.W - 2*ClusterPad,
		H: ClusterNameSize * float64(LineHeightRatio(fyne.TextStyle{Bold: true}))}
}

// ClusterView draws a board's clusters, over the template and under the
// links and cards: a rounded frame each, its name as a title and under it
// its vector of progress, and the grip of its resize handle. Like the
// template, its objects are built again only when a cluster changed, and
// otherwise only moved for the view.
type ClusterView struct {
	tpl    TemplateView
	frames []*fcanvas.Rectangle
	// chrome is set on the interactive board: the resize grip and the
	// hint of an empty vector are for the hand, not for an export.
	chrome bool
}

// clustersKey changes whenever what the clusters draw changes.
func clustersKey(bd *canvas.Board) string {
	var sb strings.Builder
	for _, k := range bd.Clusters {
		sb.WriteString(k.ID.String())
		for _, f := range []float64{k.Rect.X, k.Rect.Y, k.Rect.W, k.Rect.H} {
			sb.WriteByte(1)
			sb.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
		for _, s := range []string{k.Name, k.From, k.To} {
			sb.WriteByte(1)
			sb.WriteString(s)
		}
		sb.WriteByte(0)
	}
	return sb.String()
}

// Build makes the clusters' objects when they changed; it reports whether
// it did.
func (v *ClusterView) Build(bd *canvas.Board, colors *Palette) bool {
	key := clustersKey(bd)
	if key == v.tpl.key && v.tpl.objects != nil {
		return false
	}
	v.tpl.key = key
	v.tpl.items = v.tpl.items[:0]
	v.frames = v.frames[:0]
	tb := &tplBuilder{t: &v.tpl, c: colors}
	for i := range bd.Clusters {
		v.cluster(tb, &bd.Clusters[i])
	}
	v.tpl.objects = make([]fyne.CanvasObject, len(v.tpl.items))
	for i, it := range v.tpl.items {
		v.tpl.objects[i] = it.obj
	}
	return true
}

func (v *ClusterView) cluster(tb *tplBuilder, k *canvas.Cluster) {
	c := tb.c
	r := k.Rect
	frame := fcanvas.NewRectangle(Opaque(c.Background, c.Primary, 0.06))
	frame.StrokeColor = Opaque(c.Background, c.Foreground, 0.55)
	tb.add(tplItem{obj: frame, kind: tplRect, r: r, stroke: 3})
	v.frames = append(v.frames, frame)
	// The title bar's lower edge shows where to grab the cluster.
	tb.line(r.X+ClusterPad/2, r.Y+ClusterTitleBar, r.X+r.W-ClusterPad/2, r.Y+ClusterTitleBar, 1.5, false)

	bold := fyne.TextStyle{Bold: true}
	name := ClusterNameRect(k)
	tb.paragraph(k.Name, name.X, name.Y, name.W, 1, ClusterNameSize, 16, bold, fyne.TextAlignLeading, false)
	vec, muted := k.Vector(), false
	if vec == "" && v.chrome {
		vec, muted = ClusterVectorHint, true
	}
	tb.paragraph(vec, name.X, name.Y+name.H+4, name.W, 2, ClusterVectorSize, 13,
		fyne.TextStyle{Italic: true}, fyne.TextAlignLeading, muted)

	if !v.chrome {
		return
	}
	// The grip: two short diagonals in the bottom-right corner.
	x1, y1 := r.X+r.W-8, r.Y+r.H-8
	tb.line(x1-26, y1, x1, y1-26, 2, true)
	tb.line(x1-13, y1, x1, y1-13, 2, true)
}

// Layout places the clusters' objects for the view.
func (v *ClusterView) Layout(vp Viewport) {
	v.tpl.Layout(vp)
	for _, f := range v.frames {
		f.CornerRadius = clusterRadius * vp.Zoom
	}
}

// Objects are the clusters' canvas objects, bottom to top.
func (v *ClusterView) Objects() []fyne.CanvasObject { return v.tpl.objects }

// Texts lists every line of text the clusters draw.
func (v *ClusterView) Texts() []TemplateText { return v.tpl.Texts() }

// reset makes the next Build draw again, in new colours.
func (v *ClusterView) reset() { v.tpl.key = "\x00stale" }
