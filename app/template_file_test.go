package app

import (
	"fyne.io/fyne/v2/theme"
	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/render"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A board shape comes from a template file alone: the forces of progress,
// four quadrants around two axes and a free area for a named group, read
// by the loader of the bundled templates and drawn on screen and in an
// export with no Go code of its own. The cards take their quadrant's kind,
// and the kinds offered are the template's.
func TestTemplateFileDrawsQuadrants(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme())
	const file = "testdata/templates/forces-of-progress.json"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := canvas.ParseTemplate(file, data)
	if err != nil {
		t.Fatal(err)
	}
	remove, err := canvas.RegisterTemplate(tpl)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(remove)

	p, err := canvas.NewProject("Switching to the bike", tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	bd.Title = "Forces of progress"
	want := map[string]canvas.Kind{}
	for _, c := range []struct {
		x, y float64
		text string
		kind canvas.Kind
	}{
		{500, 450, "The train is packed every morning", canvas.KindPain},
		{1700, 450, "Fit without going to a gym", canvas.KindGain},
		{500, 900, "Always took the train", canvas.KindJob},
		{1700, 900, "Arriving sweaty at work", canvas.KindNote},
	} {
		card := canvas.NewCard(bd.KindAt(at(c.x, c.y)), at(c.x, c.y), c.text)
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{card}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		want[c.text] = c.kind
	}
	for _, c := range bd.Cards {
		if c.Kind != want[c.Text] {
			t.Errorf("%q is a %s; its quadrant takes %s", c.Text, c.Kind, want[c.Text])
		}
	}
	if got := bd.TemplateOf().Kinds(); !slices.Equal(got, []canvas.Kind{canvas.KindJob, canvas.KindPain, canvas.KindGain, canvas.KindNote}) {
		t.Errorf("kinds offered %v; want the quadrants' job, pain, gain and note", got)
	}

	bw := board.New(NewDocument(p, ""), bd.ID, nil)
	w := test.NewTempWindow(t, bw)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 900))
	var texts []string
	view := render.NewBoardView(render.NewPalette(lightTheme(), theme.VariantLight), true)
	view.Sync(bd, nil)
	view.Layout(bd, render.Viewport{Zoom: 1})
	for _, tt := range view.Template().Texts() {
		texts = append(texts, tt.Text)
	}
	drawn := strings.Join(texts, "|")
	for _, s := range []string{"Forces of progress", "Today", "The new way", "Towards the switch", "Away from the switch",
		"Push of the situation", "Anxiety of the new way", "Parking lot"} {
		if !strings.Contains(drawn, s) {
			t.Errorf("the board does not draw %q; it draws %s", s, drawn)
		}
	}
	test.AssertImageMatches(t, "board/forces_of_progress.png", w.Canvas().Capture())
	assertMatchesReference(t, "export/forces_of_progress_1x.png", exportImage(t, p, bd, ExportOptions{Scale: 1}))
}
