package app

import (
	"image"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// landscapeProject is a hand-made project for the landscape's reference
// images: a job map with outcomes of every class (two on the edges of the
// regions, at opportunity 10 and 15 exactly), one half scored, and a free
// board with two scored outcomes (one scored as an outcome of the job map,
// its dot on that one's) and a job with an importance.
func landscapeProject(t testing.TB) *canvas.Project {
	t.Helper()
	p, err := canvas.NewProject("Commuter cycling", canvas.TemplateJobMap, canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	jm, free := p.Boards[0], p.Boards[1]
	col := jm.TemplateOf().Columns
	at := func(i int) canvas.Point {
		return canvas.Point{X: col.ColumnX(i) + col.Width/2, Y: col.Y + col.Height() - 120}
	}
	f := func(v float64) *float64 { return &v }
	add := func(b *canvas.Board, k canvas.Kind, pt canvas.Point, text string, imp, sat *float64) {
		c := canvas.NewCard(k, pt, text)
		c.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte(text)) // the same ids every run
		c.Importance, c.Satisfaction = imp, sat
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
	}
	add(jm, canvas.KindOutcome, at(0), "Minimize the time it takes to find a safe route", f(9.5), f(2))                    // 17 extreme
	add(jm, canvas.KindOutcome, at(1), "Minimize the likelihood of arriving sweaty", f(9), f(3))                           // 15 extreme, on the edge
	add(jm, canvas.KindOutcome, at(2), "Minimize the time it takes to lock the bike", f(8), f(3.5))                        // 12.5 high
	add(jm, canvas.KindOutcome, at(3), "Minimize the likelihood of a flat tyre", f(7.5), f(2.5))                           // 12.5 high
	add(jm, canvas.KindOutcome, at(4), "Minimize the time it takes to change clothes", f(6.5), f(2.5))                     // 10.5 solid
	add(jm, canvas.KindOutcome, at(5), "Minimize the effort to carry a laptop", f(7), f(4))                                // 10 solid, on the edge
	add(jm, canvas.KindOutcome, at(6), "Minimize the time it takes to check the weather", f(6), f(5))                      // 7 appropriate
	add(jm, canvas.KindOutcome, at(7), "Minimize the cost of a service", f(3), f(2))                                       // 4 appropriate
	add(jm, canvas.KindOutcome, at(0), "Minimize the time it takes to pump the tyres", f(3), f(8))                         // over-served
	add(jm, canvas.KindOutcome, at(1), "Minimize the likelihood of losing the route", f(5.5), f(9.5))                      // over-served
	add(jm, canvas.KindOutcome, at(2), "Minimize the time it takes to find the bike shed", f(8), nil)                      // not scored: no dot
	add(free, canvas.KindOutcome, canvas.Point{X: 400, Y: 300}, "Minimize the noise of the gears", f(2), f(9))             // over-served
	add(free, canvas.KindOutcome, canvas.Point{X: 700, Y: 300}, "Minimize the time it takes to find a locker", f(6), f(5)) // on "check the weather"
	add(free, canvas.KindJob, canvas.Point{X: 800, Y: 300}, "Get to work fit", f(9), nil)
	return p
}

func landscapeImage(t testing.TB, p *canvas.Project, opt ExportOptions) *image.NRGBA {
	t.Helper()
	img, err := RenderLandscape(p, opt)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// The landscape of the hand-made project, light and dark, and of a
// project with no scored outcome, match the references in
// testdata/landscape (looked at and approved by eye) pixel for pixel.
func TestLandscapeMatchesReferences(t *testing.T) {
	exportApp(t)
	empty, err := canvas.NewProject("Empty", canvas.TemplateJobMap)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		p    *canvas.Project
		opt  ExportOptions
	}{
		{"light_1x", landscapeProject(t), ExportOptions{Scale: 1}},
		{"dark_1x", landscapeProject(t), ExportOptions{Scale: 1, Dark: true}},
		{"empty_1x", empty, ExportOptions{Scale: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertMatchesReference(t, "landscape/"+tc.name+".png", landscapeImage(t, tc.p, tc.opt))
		})
	}
}

// A dot moved by half a point is a different image: the reference lets no
// misplaced dot through.
func TestLandscapeReferenceCatchesAMovedDot(t *testing.T) {
	exportApp(t)
	p := landscapeProject(t)
	*p.Boards[0].Cards[6].Satisfaction += 0.5
	if err := matchesReference("landscape/light_1x.png", landscapeImage(t, p, ExportOptions{Scale: 1})); err == nil {
		t.Fatal("the landscape with a dot moved matches the reference")
	}
}

// The image is the landscape's size times the scale, or the width asked
// for; a size over the limit is refused before drawing.
func TestLandscapeExportSizes(t *testing.T) {
	exportApp(t)
	p := landscapeProject(t)
	base := render.LandscapeExportSize
	for _, tc := range []struct {
		opt  ExportOptions
		want image.Point
	}{
		{ExportOptions{Scale: 2}, image.Pt(int(2*base.Width), int(2*base.Height))},
		{ExportOptions{Width: 1000}, image.Pt(1000, screenPixels(base.Height, 1000/base.Width))},
	} {
		size, err := LandscapeExportSize(tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := landscapeImage(t, p, tc.opt).Bounds().Size(); got != size || size.X != tc.want.X {
			t.Errorf("%+v: image %v, planned %v, want width %d", tc.opt, got, size, tc.want.X)
		}
	}
	if _, err := RenderLandscape(p, ExportOptions{Scale: 40}); err == nil {
		t.Error("a landscape over the size limit was drawn")
	}
}

func TestLandscapeFileName(t *testing.T) {
	for project, want := range map[string]string{
		"Commuter cycling": "commuter-cycling-landscape.png",
		"":                 "landscape.png",
	} {
		if got := LandscapeFileName(project); got != want {
			t.Errorf("LandscapeFileName(%q) = %q, want %q", project, got, want)
		}
	}
}
