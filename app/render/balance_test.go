package render

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// balanceTexts is every line the balance draws.
func balanceTexts(v *BoardView) map[string]bool {
	out := map[string]bool{}
	for _, tt := range v.Balance().Texts() {
		out[tt.Text] = true
	}
	return out
}

// The balance says what the cards weigh, with bars as long as their
// totals, and is worked out again only when a force changes.
func TestBalanceViewDrawsTotals(t *testing.T) {
	test.NewTempApp(t)
	p, err := canvas.NewProject("P", "forces-of-progress")
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	five, two := 5, 2
	push := canvas.NewCard(canvas.KindForcePush, canvas.Point{X: 400, Y: 450}, "push")
	push.ForceStrength = &two
	habit := canvas.NewCard(canvas.KindForceHabit, canvas.Point{X: 400, Y: 900}, "habit")
	habit.ForceStrength = &five
	anxiety := canvas.NewCard(canvas.KindForceAnxiety, canvas.Point{X: 1700, Y: 900}, "anxiety") // weighs 1
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{push, habit, anxiety}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	v := NewBoardView(NewPalette(theme.DefaultTheme(), theme.VariantLight), true)
	v.Sync(bd, nil)
	v.Layout(bd, Viewport{Zoom: 0.5, Size: fyne.NewSize(1200, 850)})
	got := balanceTexts(v)
	for _, want := range []string{"Leans against switching (6 to 2)", "2", "6", "Push + pull, towards the switch", "Anxiety + habit, against it"} {
		if !got[want] {
			t.Errorf("the balance does not say %q: %v", want, got)
		}
	}
	bars := v.bal.bars
	towards, against := v.bal.items[bars[0]].r.W, v.bal.items[bars[1]].r.W
	if against != v.bal.track.W || towards*3 != against {
		t.Errorf("bars %g and %g long, track %g: want the longer full, the other a third", towards, against, v.bal.track.W)
	}
	if v.bal.Update(bd) {
		t.Error("an update with nothing changed redrew the balance")
	}

	// A note changed: no need to weigh; the push made 5: balanced.
	if v.bal.Weighs(canvas.KindNote) || !v.bal.Weighs(canvas.KindForcePull) {
		t.Error("Weighs is wrong for a note or a pull")
	}
	e, err := canvas.ChangeCard(p, bd.ID, push.ID, "Set strength", func(c *canvas.Card) { c.ForceStrength = &five })
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Apply(p); err != nil {
		t.Fatal(err)
	}
	v.CardChanged(bd, push.ID)
	if got := balanceTexts(v); !got[Verdict(5, 6)] || !got["5"] {
		t.Errorf("after the push became 5: %v", got)
	}
	if Verdict(5, 6) != "Leans against switching (6 to 5)" || Verdict(3, 3) != "Balanced (3 each)" ||
		Verdict(4, 1) != "Leans towards switching (4 to 1)" || Verdict(0, 0) != NoForces {
		t.Error("Verdict words are wrong")
	}
}

// A board whose template has no balance draws none.
func TestBalanceViewNoneWithoutBalance(t *testing.T) {
	test.NewTempApp(t)
	p, err := canvas.NewProject("P", canvas.TemplateValueProposition)
	if err != nil {
		t.Fatal(err)
	}
	v := NewBoardView(NewPalette(theme.DefaultTheme(), theme.VariantLight), true)
	v.Sync(p.Boards[0], nil)
	if len(v.Balance().Objects()) != 0 || len(v.Balance().Texts()) != 0 {
		t.Error("a value proposition canvas draws a balance")
	}
}
