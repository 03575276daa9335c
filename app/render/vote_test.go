package render

import (
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The board in the room veils the cards a running vote may not give dots,
// over the note (below its selection outline); an export does not.
func TestVoteVeil(t *testing.T) {
	test.NewTempApp(t)
	p, err := canvas.NewProject("P", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	pain := canvas.NewCard(canvas.KindPain, canvas.Point{X: 300, Y: 200}, "Pain")
	note := canvas.NewCard(canvas.KindNote, canvas.Point{X: 700, Y: 200}, "Note")
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{pain, note}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	if err := (&canvas.StartVote{Board: bd.ID, DotsPerPerson: 3, Voters: 2, Kinds: []canvas.Kind{canvas.KindPain}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	vp := Viewport{Zoom: 1, Size: fyne.NewSize(1000, 500)}
	for _, veils := range []bool{false, true} {
		v := NewBoardView(NewPalette(theme.DefaultTheme(), theme.VariantLight), !veils)
		v.SetVoteVeils(veils)
		v.Sync(bd, nil)
		v.Layout(bd, vp)
		w := test.NewTempWindow(t, v.Clipped()) // makes the renderers
		w.Resize(vp.Size)
		nv := v.Card(note.ID)
		if nv.Dimmed() != veils || v.Card(pain.ID).Dimmed() {
			t.Errorf("veils %v: note dimmed %v, pain dimmed %v", veils, nv.Dimmed(), v.Card(pain.ID).Dimmed())
		}
		var veil *fcanvas.Rectangle
		objs := test.WidgetRenderer(nv).Objects()
		for i, o := range objs {
			if r, ok := o.(*fcanvas.Rectangle); ok && r == nv.r.veil {
				veil = r
				if objs[len(objs)-3] != nv.r.sel || i > len(objs)-3 {
					t.Error("the veil is not below the selection outline")
				}
			}
		}
		if shown := veil != nil && veil.Visible(); shown != veils {
			t.Errorf("veils %v: veil drawn %v", veils, shown)
		}
		if veils && veil.Size() != nv.Size() {
			t.Errorf("veil %v over a card of %v", veil.Size(), nv.Size())
		}
	}
	// The vote ends: the veil goes.
	v := NewBoardView(NewPalette(theme.DefaultTheme(), theme.VariantLight), true)
	v.SetVoteVeils(true)
	v.Sync(bd, nil)
	bd.Vote = nil
	v.Sync(bd, nil)
	if v.Card(note.ID).Dimmed() {
		t.Error("a card stays dimmed after the vote")
	}
}
