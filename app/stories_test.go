package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// storiesProject is a job stories board with three stories and a job made
// from one, and a free board with customer stories and competitors.
func storiesProject(t testing.TB) *canvas.Project {
	t.Helper()
	p, err := canvas.NewProject("Commuter stories", canvas.TemplateJobStories, canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	stories, free := p.Boards[0], p.Boards[1]
	free.Title = "Interviews and competitors"
	add := func(b *canvas.Board, k canvas.Kind, x, y float64, parts map[string]string, fn func(*canvas.Card)) canvas.Card {
		c := canvas.NewCard(k, canvas.Point{X: x, Y: y}, "")
		c.W, c.H = 300, 190
		c.X, c.Y = x-c.W/2, y-c.H/2
		c.SetParts(parts)
		if fn != nil {
			fn(&c)
		}
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		return c
	}
	s := add(stories, canvas.KindJobStory, 260, 300, map[string]string{
		"situation": "it starts raining on my way to work", "motivation": "keep my clothes dry",
		"outcome": "walk into the meeting looking fresh"}, nil)
	add(stories, canvas.KindJobStory, 620, 300, map[string]string{
		"situation": "the train is cancelled", "motivation": "know another way in at once",
		"outcome": "still be on time"}, nil)
	add(stories, canvas.KindJobStory, 260, 560, map[string]string{
		"situation": "I leave the office after dark", "motivation": "be seen by drivers"}, nil)
	e, _, err := canvas.MakeJobCard(p, stories.ID, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Apply(p); err != nil {
		t.Fatal(err)
	}

	add(free, canvas.KindCustomerStory, 300, 250, map[string]string{
		"who": "Ana, nurse", "when": "March 2026", "from": "the night bus", "to": "an e-bike",
		"firstThought": "My knees won't take the hill", "tradeOffs": "Pays more up front"},
		func(c *canvas.Card) { c.Quote = "I was always the last one in"; c.Source = "Interview, 12 May" })
	add(free, canvas.KindCustomerStory, 680, 250, map[string]string{
		"who": "Sam", "from": "driving", "to": "bike and train"}, nil)
	add(free, canvas.KindCompetitorDirect, 300, 560, map[string]string{
		"product": "City bike share", "hiredFor": "short trips without owning a bike"}, nil)
	add(free, canvas.KindCompetitorSecondary, 680, 560, map[string]string{
		"product": "Bus pass", "hiredFor": "getting in when it rains"}, nil)
	add(free, canvas.KindCompetitorIndirect, 1060, 560, map[string]string{
		"product": "Working from home", "hiredFor": "no commute at all"}, nil)
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// Job stories read "When …, I want to …, so I can …" with the leads in
// bold and muted; customer stories have who and when as a header line;
// competitors their product in bold over "hired for …". On screen and in
// an export, light and dark.
func TestStoriesRender(t *testing.T) {
	for _, tc := range []struct {
		name  string
		board int
		dark  bool
	}{
		{"job_stories_light", 0, false},
		{"job_stories_dark", 0, true},
		{"story_cards_light", 1, false},
		{"story_cards_dark", 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			th := lightTheme()
			if tc.dark {
				th = uitest.Dark()
			}
			test.NewTempApp(t).Settings().SetTheme(th)
			p := storiesProject(t)
			bd := p.Boards[tc.board]
			bw := board.New(NewDocument(p, ""), bd.ID, nil)
			w := test.NewTempWindow(t, bw)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(1280, 720))
			if tc.board == 1 {
				bw.ShowAt(1, canvas.Point{X: 100, Y: 100})
			}
			test.AssertImageMatches(t, "board/"+tc.name+".png", w.Canvas().Capture())
			exportApp(t)
			opt := ExportOptions{Scale: 0.5, Dark: tc.dark}
			if tc.board == 1 {
				opt = ExportOptions{Scale: 1, Dark: tc.dark, Crop: true}
			}
			assertMatchesReference(t, "export/"+tc.name+".png", exportImage(t, p, bd, opt))
		})
	}
}
