package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// BenchmarkLandscapeDrag2000 is one drag event on a 2,000-card board,
// every other card a scored outcome, while the landscape is closed, and
// while it is open: dragging a note it lets by, dragging an outcome makes
// it read the project's dots again (it redraws only when they changed).
func BenchmarkLandscapeDrag2000(b *testing.B) {
	for _, tc := range []struct {
		name string
		open bool
		card int // 0 is an outcome, 1 a note
	}{{"closed", false, 0}, {"open/note", true, 1}, {"open/outcome", true, 0}} {
		open := tc.open
		b.Run(tc.name, func(b *testing.B) {
			test.NewTempApp(b)
			doc, bd := bigDocument(b, 2000)
			for i, c := range bd.Cards {
				if i%2 == 0 {
					v, w := float64(i%11), float64(i%7)
					c.Kind, c.Importance, c.Satisfaction = canvas.KindOutcome, &v, &w
				}
			}
			if open {
				l := NewLandscape(doc)
				defer l.Close()
				w := test.NewTempWindow(b, l)
				w.Resize(render.LandscapeExportSize)
			}
			ids := []uuid.UUID{bd.Cards[tc.card].ID}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				dx := 1.0
				if i%2 == 1 {
					dx = -1
				}
				if err := doc.Do(&canvas.MoveCards{Board: bd.ID, IDs: ids, DX: dx}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
