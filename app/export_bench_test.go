package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// exportBenchDocument is a value proposition canvas holding n cards in
// piles over its zones, as a long workshop leaves it: the board keeps the
// template's size, so the image is the size of an everyday export. The
// cards (with votes and links) are bigDocument's, moved into the zones.
func exportBenchDocument(tb testing.TB, n int) (*canvas.Project, *canvas.Board) {
	tb.Helper()
	doc, bd := bigDocument(tb, n)
	bd.Template, bd.Title = canvas.TemplateValueProposition, "Long workshop"
	area := bd.TemplateBounds()
	const cols = 25
	rows := (n + cols - 1) / cols
	dx, dy := (area.W-300)/cols, (area.H-300)/float64(rows)
	for i, c := range bd.Cards {
		c.X = area.X + 150 + dx*float64(i%cols) - c.W/2
		c.Y = area.Y + 150 + dy*float64(i/cols) - c.H/2
	}
	doc.Project.Normalize()
	for _, c := range bd.Cards {
		if z, ok := bd.Zone(c.Zone); ok {
			c.Kind = z.DefaultKind() // in its zone's colour, as a drop makes it
		}
	}
	return doc.Project, bd
}

// BenchmarkExportPNG500 is the export of a 500-card board at 2×: drawing
// on the software canvas and encoding the PNG.
func BenchmarkExportPNG500(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(theme.DefaultTheme())
	p, bd := exportBenchDocument(b, 500)
	opt := ExportOptions{Scale: 2}
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		img, err := RenderBoard(p, bd.ID, opt)
		if err != nil {
			b.Fatal(err)
		}
		data, err := EncodePNG(img)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "png-bytes")
}
