package app

import (
	"image"
	"runtime"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/app/render"
)

// sceneBench is the scene of an export of 2,000 notes piled in the value
// proposition canvas's zones, at 2× (4800 × 2480 px); text is left out
// when noText, to time the shapes alone.
func sceneBench(b *testing.B, noText bool) (*render.Scene, exportPlan) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(theme.DefaultTheme())
	p, bd := exportBenchDocument(b, 2000)
	opt := ExportOptions{Scale: 2}
	if !noText {
		scene, plan, err := boardScene(p, bd.ID, opt)
		if err != nil {
			b.Fatal(err)
		}
		return scene, plan
	}
	content, plan, colors, err := boardContent(p, bd.ID, opt)
	if err != nil {
		b.Fatal(err)
	}
	return render.NewScene(content, plan.size, plan.scale, colors.Background, nil), plan
}

// paintBands paints the scene as the streaming encoder does: bands of 64
// rows, on every core.
func paintBands(scene *render.Scene, img *image.RGBA) {
	const rows = 64
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for y := range next {
				scene.Paint(img.SubImage(image.Rect(0, y, img.Rect.Dx(), y+rows)).(*image.RGBA))
			}
		})
	}
	for y := 0; y < img.Rect.Dy(); y += rows {
		next <- y
	}
	close(next)
	wg.Wait()
}

// BenchmarkScenePaint2000 is Scene.Paint alone (the scene built before),
// in bands on every core, of 2,000 piled notes at 2×: shapes only, and
// with the text.
func BenchmarkScenePaint2000(b *testing.B) {
	for _, tc := range []struct {
		name   string
		noText bool
	}{{"shapes", true}, {"text", false}} {
		b.Run(tc.name, func(b *testing.B) {
			scene, plan := sceneBench(b, tc.noText)
			img := image.NewRGBA(image.Rectangle{Max: plan.pixels})
			all, drawn := scene.Ops()
			scene.Paint(image.NewRGBA(image.Rect(0, 0, 1, 1))) // the shapes, rasterised in the background
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				clear(img.Pix)
				paintBands(scene, img)
			}
			b.ReportMetric(float64(drawn), "ops-painted")
			b.ReportMetric(float64(all), "ops")
		})
	}
}

// BenchmarkSceneBuild2000 is the part of an export on Fyne's goroutine:
// the board's view and its scene, for 2,000 piled notes at 2×.
func BenchmarkSceneBuild2000(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(theme.DefaultTheme())
	p, bd := exportBenchDocument(b, 2000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, err := boardScene(p, bd.ID, ExportOptions{Scale: 2}); err != nil {
			b.Fatal(err)
		}
	}
}
