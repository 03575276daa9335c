package render

import (
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
)

// benchCardTexts is n different short card texts (3–12 words) of the kind
// a workshop writes, at size 14, placed over a 1000 × 600 canvas (they
// overlap: every one is painted whole either way).
func benchCardTexts(n int) []*fcanvas.Text {
	words := strings.Fields(`get kids school on time fewer surprises month end less waiting
		customer job progress struggle switch hire fire habit anxiety pull push outcome
		faster cheaper know when arrive pay bills avoid late fees share plan with team
		feel confident before meeting café naïve review quarterly numbers in minutes
		find trusted plumber weekend keep receipts one place stop chasing invoices
		book table for eight remember birthdays cook healthy dinner under thirty`)
	rng := rand.New(rand.NewPCG(13, 2026))
	seen := map[string]bool{}
	var out []*fcanvas.Text
	for len(out) < n {
		k := 3 + rng.IntN(10)
		w := make([]string, k)
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		s := strings.Join(w, " ")
		if seen[s] {
			continue
		}
		seen[s] = true
		t := fcanvas.NewText(s, color.NRGBA{0x20, 0x20, 0x28, 0xff})
		t.TextSize = 14
		i := len(out)
		t.Move(fyne.NewPos(float32(i%10)*60, float32(i/10)*2.9))
		out = append(out, t)
	}
	return out
}

const benchScale = 2

// reportCPU reports the CPU time per op since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

var benchCanvas = fyne.NewSize(1000, 600)

// BenchmarkCardTextsFyne is today's export of the texts: Fyne's software
// canvas, with its caches of measured sizes warm (as after the board's
// layout) but every string shaped and drawn anew.
func BenchmarkCardTextsFyne(b *testing.B) {
	newTextTestApp(b)
	texts := benchCardTexts(2000)
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		t.Resize(t.MinSize())
		objs[i] = t
	}
	cv := software.NewTransparentCanvas()
	cv.SetPadded(false)
	cv.SetScale(benchScale)
	cv.SetContent(container.NewWithoutLayout(objs...))
	cv.Resize(benchCanvas)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		cv.Capture()
	}
	reportCPU(b, start)
}

// BenchmarkCardTextsPainter paints the same texts, each once, with a fresh
// TextPainter per export (cold caches: every string is shaped, glyphs are
// rasterised on first use), into an image of the same size.
func BenchmarkCardTextsPainter(b *testing.B) {
	th := newTextTestApp(b)
	texts := benchCardTexts(2000)
	for _, t := range texts {
		t.Resize(t.MinSize())
	}
	r := image.Rect(0, 0, toPixels(benchCanvas.Width, benchScale), toPixels(benchCanvas.Height, benchScale))
	var lh, lm, gh, gm int64
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		dst := image.NewRGBA(r)
		tp := NewTextPainter(th)
		for _, t := range texts {
			tp.PaintText(dst, r, t, t.Position(), benchScale)
		}
		h1, m1, h2, m2 := tp.CacheStats()
		lh, lm, gh, gm = lh+h1, lm+m1, gh+h2, gm+m2
	}
	reportCPU(b, start)
	b.ReportMetric(float64(gh)/float64(gh+gm)*100, "glyph-hit-%")
	b.ReportMetric(float64(lh)/float64(lh+lm)*100, "layout-hit-%")
}

// BenchmarkCardTextsPainterWarm is the same with the painter's caches warm
// (a second export of the board, or the bands after the first).
func BenchmarkCardTextsPainterWarm(b *testing.B) {
	th := newTextTestApp(b)
	texts := benchCardTexts(2000)
	for _, t := range texts {
		t.Resize(t.MinSize())
	}
	r := image.Rect(0, 0, toPixels(benchCanvas.Width, benchScale), toPixels(benchCanvas.Height, benchScale))
	tp := NewTextPainter(th)
	dst := image.NewRGBA(r)
	for _, t := range texts {
		tp.PaintText(dst, r, t, t.Position(), benchScale)
	}
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		dst := image.NewRGBA(r)
		for _, t := range texts {
			tp.PaintText(dst, r, t, t.Position(), benchScale)
		}
	}
	reportCPU(b, start)
}
