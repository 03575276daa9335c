package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// partRows are the inspector's fields for the parts of cards written part
// by part (canvas.Kind.Parts), one a part, when every card's kind has the
// same parts (job stories, or competitors of any kind); and for one job
// story the "Make a job card" button. Each field commits on its own, one
// undo step, and the card's text follows (the text field is then read
// only: it shows the sentence the parts compose).
func (v *cardView) partRows(cards []*canvas.Card, kinds []canvas.Kind) []fyne.CanvasObject {
	if len(kinds) == 0 {
		return nil
	}
	parts := kinds[0].Parts()
	for _, k := range kinds[1:] {
		if !sameParts(k.Parts(), parts) {
			return nil
		}
	}
	var objs []fyne.CanvasObject
	for _, p := range parts {
		hint := p.Label
		if kinds[0] == canvas.KindJobStory {
			hint = p.Lead + " …"
		}
		r := v.in.newTextRow(v.to, "Edit "+strings.ToLower(p.Label), false, hint,
			func(c *canvas.Card) string { return c.EditableParts()[p.Key] },
			func(s string) (func(*canvas.Card), error) {
				return func(c *canvas.Card) { c.SetPart(p.Key, s) }, nil
			})
		v.parts = append(v.parts, r)
		objs = append(objs, fieldLabel(p.Label), r.box)
	}
	if len(cards) == 1 && cards[0].Kind == canvas.KindJobStory {
		id := cards[0].ID
		b := widget.NewButton("Make a job card", func() {
			if v.in.board != nil {
				v.in.board.MakeJobCard(id)
			}
		})
		objs = append(objs, b, hintLabel("A customer job from the motivation, beside the story and linked to it."))
	}
	return objs
}

func sameParts(a, b []canvas.Part) bool {
	return slices.EqualFunc(a, b, func(x, y canvas.Part) bool { return x.Key == y.Key })
}

// setParts shows the cards' parts, and makes the text read only while
// one of them is written part by part.
func (v *cardView) setParts(cards []*canvas.Card) {
	for _, r := range v.parts {
		r.set(cards)
	}
	composed := slices.ContainsFunc(cards, (*canvas.Card).HasParts)
	if composed == v.text.entry.Disabled() {
		return
	}
	if composed {
		v.text.entry.Disable()
	} else {
		v.text.entry.Enable()
	}
}
