package canvas_test

import (
	"fmt"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// bigCanvas is a value proposition canvas of n cards, a sixth of each
// kind of its zones, half the pains and gains linked.
func bigCanvas(b *testing.B, n int) *canvas.Board {
	bd, err := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if err != nil {
		b.Fatal(err)
	}
	kinds := []canvas.Kind{canvas.KindPain, canvas.KindPainReliever, canvas.KindGain, canvas.KindGainCreator, canvas.KindJob, canvas.KindProduct}
	for i := range n {
		c := canvas.NewCard(kinds[i%6], canvas.Point{X: float64(i % 2000), Y: float64(i / 2)}, fmt.Sprint("card ", i))
		if i%12 < 3 {
			c.Severity, c.Relevance = ptr(1+i%5), ptr(1+i%5)
			c.DropInapplicable()
		}
		bd.Cards = append(bd.Cards, &c)
		if i%12 == 1 || i%12 == 3 {
			prev := bd.Cards[i-1]
			bd.Links = append(bd.Links, canvas.Link{From: c.ID, To: prev.ID, Strength: canvas.Strengths[i%3]})
		}
	}
	return bd
}

// BenchmarkComputeFit: the fit panel and the check marks recompute the
// fit after each change of a canvas.
func BenchmarkComputeFit(b *testing.B) {
	bd := bigCanvas(b, 2000)
	for b.Loop() {
		canvas.ComputeFit(bd)
	}
}

// BenchmarkHints: a card's mark is checked when its text changes.
func BenchmarkHints(b *testing.B) {
	c := canvas.NewCard(canvas.KindOutcome, canvas.Point{}, "Minimize the time it takes to find a free, secure parking space near the venue and lock up")
	for b.Loop() {
		canvas.Hints(&c)
	}
}

// BenchmarkSortZone: sorting a crowded zone, the edit made and applied.
func BenchmarkSortZone(b *testing.B) {
	p, err := canvas.NewProject("Bench", canvas.TemplateValueProposition)
	if err != nil {
		b.Fatal(err)
	}
	bd := p.Boards[0]
	for i := range 60 {
		c := canvas.NewCard(canvas.KindPain, canvas.Point{X: 1500 + float64(i%5)*40, Y: 800 + float64(i/5)*20}, "")
		c.Severity = ptr(1 + i%5)
		bd.Cards = append(bd.Cards, &c)
	}
	p.Normalize()
	for b.Loop() {
		e, err := canvas.SortZone(p, bd.ID, "pains")
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Apply(p); err != nil {
			b.Fatal(err)
		}
	}
}
