package canvas_test

import (
	"fmt"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A workshop starts from templates; every change goes through a History so
// that it can be undone.
func Example() {
	p, err := canvas.NewProject("Commuter cycling", canvas.TemplateValueProposition, canvas.TemplateJobMap)
	if err != nil {
		panic(err)
	}
	canvasBoard := p.Boards[0]

	var h canvas.History
	// A note dropped into the Pains segment of the customer profile becomes a pain.
	note := canvas.NewCard(canvas.KindNote, canvas.Point{X: 1600, Y: 900}, "Arriving sweaty at the office")
	if err := h.Do(p, &canvas.AddCards{Board: canvasBoard.ID, Cards: []canvas.Card{note}}); err != nil {
		panic(err)
	}
	c := canvasBoard.Card(note.ID)
	fmt.Println(c.Kind, c.Zone, len(canvasBoard.Cards), h.Dirty())
	fmt.Println("Undo", h.UndoName())

	if _, err := h.Undo(p); err != nil {
		panic(err)
	}
	fmt.Println(len(canvasBoard.Cards), h.Dirty(), "Redo", h.RedoName())
	// Output:
	// pain pains 1 true
	// Undo Add card
	// 0 false Redo Add card
}

// Fit links join the value map to the customer profile; the fit weighs
// each pain by its severity and counts it by its strongest link.
func ExampleComputeFit() {
	p, err := canvas.NewProject("Commuter cycling", canvas.TemplateValueProposition)
	if err != nil {
		panic(err)
	}
	b := p.Boards[0]
	sweaty := canvas.NewCard(canvas.KindPain, canvas.Point{X: 1600, Y: 900}, "Arriving sweaty")
	sweaty.Severity = new(int)
	*sweaty.Severity = 3
	rain := canvas.NewCard(canvas.KindPain, canvas.Point{X: 1600, Y: 1050}, "Rain") // not ranked: weighs 1
	showers := canvas.NewCard(canvas.KindPainReliever, canvas.Point{X: 800, Y: 900}, "Showers at work")
	var h canvas.History
	if err := h.Do(p, &canvas.AddCards{Board: b.ID, Cards: []canvas.Card{sweaty, rain, showers}}); err != nil {
		panic(err)
	}

	if _, err := canvas.NewLink(b.Card(rain.ID), b.Card(sweaty.ID), canvas.StrengthStrong); err != nil {
		fmt.Println(err)
	}
	l, err := canvas.NewLink(b.Card(sweaty.ID), b.Card(showers.ID), canvas.StrengthPartial)
	if err != nil {
		panic(err)
	}
	if err := h.Do(p, &canvas.AddLink{Board: b.ID, Link: l}); err != nil {
		panic(err)
	}
	f := canvas.ComputeFit(b)
	// (3 × 0.5 + 1 × 0) / (3 + 1)
	fmt.Printf("pains covered %.3f, addressed: sweaty %v, rain %v\n", f.PainCoverage, f.Addressed(sweaty.ID), f.Addressed(rain.ID))
	// Output:
	// A pain links to a pain reliever, not to a pain
	// pains covered 0.375, addressed: sweaty true, rain false
}

// Hints check a statement against its kind's pattern.
func ExampleHints() {
	c := canvas.NewCard(canvas.KindOutcome, canvas.Point{}, "Fast and reliable parking")
	for _, h := range canvas.Hints(&c) {
		fmt.Printf("%s: %s\n", h.Rule, h.Problem)
	}
	// Output:
	// direction: Starts with no direction (minimize, maximize, increase, reduce)
	// one-thing: Holds more than one thing ("and")
	// vague: "fast" is vague: people read it differently
}
