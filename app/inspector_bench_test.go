package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// BenchmarkInspectorDrag2000 is one drag event (a move of one card) on a
// 2,000-card value proposition canvas in the window: with nothing
// selected, the inspector hidden (the floor) or showing the fit panel;
// with the moved card selected, the inspector hidden (the floor) or
// showing the card; with every card selected and moved, hidden or shown.
func BenchmarkInspectorDrag2000(b *testing.B) {
	for _, mode := range []string{"hidden", "fit", "hidden-selected", "card", "hidden-all", "all"} {
		b.Run(mode, func(b *testing.B) {
			a := test.NewTempApp(b)
			p, bd := exportBenchDocument(b, 2000)
			w := NewWindow(a)
			defer w.Window.Close()
			w.SetDocument(NewDocument(p, ""))
			w.SetInspector(!strings.HasPrefix(mode, "hidden"))
			moved := []uuid.UUID{bd.Cards[len(bd.Cards)/2].ID}
			switch mode {
			case "card", "hidden-selected":
				w.CurrentBoard().Select(moved...)
			case "all", "hidden-all":
				w.CurrentBoard().SelectAll()
				moved = w.CurrentBoard().Selection()
			}
			b.ResetTimer()
			for i := range b.N {
				dx := 10.0
				if i%2 == 1 {
					dx = -10
				}
				if err := w.Document().Do(&canvas.MoveCards{Board: bd.ID, IDs: moved, DX: dx}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
