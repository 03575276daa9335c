package app

import (
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// clusterProject is a customer stories board with two clusters, one with
// its vector of progress, and stories in and out of them.
func clusterProject(t testing.TB) (*canvas.Project, *canvas.Board) {
	t.Helper()
	p, err := canvas.NewProject("Commuter cycling", "customer-stories")
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	bd.Clusters = []canvas.Cluster{
		{ID: uuid.MustParse("0b0e5a52-8d3b-4c59-9e4e-3d1c1f0a0001"), Name: "Never late again",
			Rect: canvas.Rect{X: 120, Y: 320, W: 1080, H: 640}, From: "guessing when the bus comes", To: "knowing when I will arrive"},
		{ID: uuid.MustParse("0b0e5a52-8d3b-4c59-9e4e-3d1c1f0a0002"), Name: "Arrive ready to work",
			Rect: canvas.Rect{X: 1400, Y: 320, W: 800, H: 640}},
	}
	for _, c := range []struct {
		x, y float64
		text string
	}{
		{300, 560, "Dana, nurse: switched from the bus after missing a shift handover"},
		{560, 560, "Omar: the third late train in a week"},
		{1600, 560, "Sam: showers at the gym next door"},
		{2400, 1300, "Kim: not sorted yet"},
	} {
		card := canvas.NewCard(canvas.KindCustomerStory, canvas.Point{X: c.x, Y: c.y}, c.text)
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{card}}).Apply(p); err != nil {
			t.Fatal(err)
		}
	}
	return p, bd
}

// An export draws the clusters as the screen does: frame, name and vector
// of progress under the cards, in both looks.
func TestExportDrawsClusters(t *testing.T) {
	exportApp(t)
	p, bd := clusterProject(t)
	for _, tc := range []struct {
		name string
		opt  ExportOptions
	}{
		{"customer_stories_light_1x", ExportOptions{Scale: 1}},
		{"customer_stories_dark_1200px", ExportOptions{Width: 1200, Dark: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertMatchesReference(t, "export/"+tc.name+".png", exportImage(t, p, bd, tc.opt))
		})
	}
	// Without its clusters the board exports differently: they are drawn.
	bare := p.Clone()
	bare.Boards[0].Clusters = nil
	if matchesReference("export/customer_stories_light_1x.png", exportImage(t, bare, bare.Boards[0], ExportOptions{Scale: 1})) == nil {
		t.Error("the export without clusters matches the one with them")
	}
}
