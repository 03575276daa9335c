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
