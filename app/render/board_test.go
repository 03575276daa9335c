package render

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A view places each card at zoom × position + pan, hides the cards out of
// view, and reports a change of what it holds only when there is one.
func TestBoardViewPlacesCards(t *testing.T) {
	test.NewTempApp(t)
	p, err := canvas.NewProject("P", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	in := canvas.NewCard(canvas.KindPain, canvas.Point{X: 300, Y: 200}, "In view")
	out := canvas.NewCard(canvas.KindGain, canvas.Point{X: 2000, Y: 1200}, "Out of view")
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{in, out}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	v := NewBoardView(NewPalette(theme.DefaultTheme(), theme.VariantLight), true)
	if !v.Sync(bd, nil) {
		t.Error("the first sync changed nothing")
	}
	if v.Sync(bd, nil) {
		t.Error("a sync with nothing new reported a change")
	}
	vp := Viewport{Zoom: 0.5, Pan: fyne.NewPos(10, 20), Size: fyne.NewSize(800, 500)}
	v.Layout(bd, vp)
	cv := v.Card(in.ID)
	c := bd.Card(in.ID)
	if want := fyne.NewPos(float32(c.X)*0.5+10, float32(c.Y)*0.5+20); cv.Position() != want || !cv.Visible() {
		t.Errorf("the card in view is at %v, shown %v; want %v, shown", cv.Position(), cv.Visible(), want)
	}
	if want := fyne.NewSize(float32(c.W)*0.5, float32(c.H)*0.5); cv.Size() != want {
		t.Errorf("the card in view is %v, want %v", cv.Size(), want)
	}
	if v.Card(out.ID).Visible() {
		t.Error("the card out of view is shown")
	}
	if len(v.Objects()) != 1+2 || v.Len() != 2 {
		t.Errorf("%d objects, %d cards: want the background and two cards", len(v.Objects()), v.Len())
	}
}
