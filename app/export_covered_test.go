package app

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// An export hides the notes that later notes cover whole and does not lay
// them out; nothing of them would show, so the image is the one drawn
// with every note, to the pixel. The piles must hide some notes, or the
// test would prove nothing.
func TestExportSkipsOnlyNotesNobodySees(t *testing.T) {
	exportApp(t)
	p, bd := exportBenchDocument(t, 600)
	// Notes dropped on others, as happens when a pile is tidied: each of
	// the first kind hides the one under it, each of the second leaves
	// only its top edge showing, its text hidden.
	n := len(bd.Cards)
	for i := 0; i < n; i += 7 {
		c := bd.Cards[i]
		twin := canvas.NewCard(c.Kind, canvas.Point{X: c.X - 4, Y: c.Y - 6}, "on top")
		twin.W, twin.H = c.W+12, c.H+16
		edge := canvas.NewCard(c.Kind, canvas.Point{}, "leaves the edge")
		d := bd.Cards[i+3]
		edge.X, edge.Y, edge.W, edge.H = d.X-10, d.Y+5, d.W+20, d.H+10
		bd.Cards = append(bd.Cards, &twin, &edge)
	}
	p.Normalize()
	for _, opt := range []ExportOptions{{Scale: 1}, {Scale: 2, Transparent: true}} {
		got, err := RenderBoard(p, bd.ID, opt)
		if err != nil {
			t.Fatal(err)
		}

		// The same export with every note laid out.
		plan, err := planExport(bd, opt)
		if err != nil {
			t.Fatal(err)
		}
		colors := exportPalette(opt)
		view := render.NewBoardView(colors, false)
		view.Sync(bd, nil)
		view.Layout(bd, render.Viewport{Zoom: 1, Pan: fyne.NewPos(-float32(plan.area.X), -float32(plan.area.Y)),
			Size: fyne.NewSize(float32(plan.area.W), float32(plan.area.H))})
		want, err := paintScene(newExportScene(container.NewWithoutLayout(view.Clipped()), plan, colors, opt), plan, "all notes")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("scale %g: the export without the covered notes differs from the one with them", opt.Scale)
		}

		skipping := render.NewBoardView(colors, false)
		skipping.SkipCovered()
		skipping.Sync(bd, nil)
		skipping.Layout(bd, render.Viewport{Zoom: 1, Pan: fyne.NewPos(-float32(plan.area.X), -float32(plan.area.Y)),
			Size: fyne.NewSize(float32(plan.area.W), float32(plan.area.H))})
		hidden, textHidden := 0, 0
		for _, c := range skipping.Drawn() {
			switch {
			case !c.Visible():
				hidden++
			case c.Card().Text != "" && !anyShown(c.Lines()):
				textHidden++
			}
		}
		// Some of the notes left with their edge showing are hidden whole by
		// later ones.
		if twins := (n + 6) / 7; hidden < twins || textHidden == 0 {
			t.Errorf("%d notes hidden and %d with their text hidden, want at least the %d covered by a copy and some with only their edge showing",
				hidden, textHidden, twins)
		}
	}
}

func anyShown(lines []*fcanvas.Text) bool {
	for _, l := range lines {
		if l.Visible() && l.Text != "" {
			return true
		}
	}
	return false
}
