package canvas_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestKindParts(t *testing.T) {
	tests := []struct {
		k    canvas.Kind
		keys []string
	}{
		{canvas.KindJobStory, []string{"situation", "motivation", "outcome"}},
		{canvas.KindCustomerStory, []string{"who", "when", "from", "to", "firstThought", "tradeOffs"}},
		{canvas.KindCompetitorDirect, []string{"product", "hiredFor"}},
		{canvas.KindCompetitorSecondary, []string{"product", "hiredFor"}},
		{canvas.KindCompetitorIndirect, []string{"product", "hiredFor"}},
		{canvas.KindPain, nil},
		{canvas.KindJob, nil},
	}
	for _, tt := range tests {
		var keys []string
		for _, p := range tt.k.Parts() {
			keys = append(keys, p.Key)
			if p.Label == "" {
				t.Errorf("%s: part %s has no label", tt.k, p.Key)
			}
		}
		if !reflect.DeepEqual(keys, tt.keys) {
			t.Errorf("%s.Parts() keys = %q, want %q", tt.k, keys, tt.keys)
		}
	}
	if l := canvas.KindJobStory.Parts()[1].Lead; l != "I want to" {
		t.Errorf("motivation lead = %q", l)
	}
}

func TestComposeParts(t *testing.T) {
	tests := []struct {
		name  string
		k     canvas.Kind
		parts map[string]string
		want  string
	}{
		{"job story", canvas.KindJobStory, map[string]string{
			"situation": "it rains on my way to work", "motivation": "find a dry route", "outcome": "arrive looking fresh."},
			"When it rains on my way to work, I want to find a dry route, so I can arrive looking fresh"},
		{"job story, own commas trimmed", canvas.KindJobStory, map[string]string{
			"situation": "I'm late,", "motivation": "go faster."},
			"When I'm late, I want to go faster"},
		{"job story without situation", canvas.KindJobStory, map[string]string{"motivation": "find a dry route"},
			"I want to find a dry route"},
		{"customer story", canvas.KindCustomerStory, map[string]string{
			"who": "Ana, nurse", "when": "March 2026", "from": "the bus", "to": "an e-bike",
			"firstThought": "My knees won't take the hill", "tradeOffs": "Pays more up front"},
			"Ana, nurse, March 2026: from the bus to an e-bike. First thought: My knees won't take the hill. Trade-offs: Pays more up front"},
		{"customer story, switch only", canvas.KindCustomerStory, map[string]string{"from": "the bus", "to": "a bike"},
			"From the bus to a bike"},
		{"competitor", canvas.KindCompetitorDirect, map[string]string{"product": "City bikes", "hiredFor": "short trips without owning a bike"},
			"City bikes, hired for short trips without owning a bike"},
		{"competitor without product", canvas.KindCompetitorIndirect, map[string]string{"hiredFor": "working from home"},
			"Hired for working from home"},
		{"kind without parts", canvas.KindPain, map[string]string{"situation": "x"}, ""},
	}
	for _, tt := range tests {
		if got := canvas.ComposeParts(tt.k, tt.parts); got != tt.want {
			t.Errorf("%s: ComposeParts = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseParts(t *testing.T) {
	tests := []struct {
		k    canvas.Kind
		text string
		want map[string]string
	}{
		{canvas.KindJobStory, "When it rains, I want to stay dry, so I can work at once.",
			map[string]string{"situation": "it rains", "motivation": "stay dry", "outcome": "work at once"}},
		{canvas.KindJobStory, "i want to stay dry", map[string]string{"motivation": "stay dry"}},
		{canvas.KindJobStory, "Rain", map[string]string{"situation": "Rain"}},
		{canvas.KindCompetitorDirect, "City bikes", map[string]string{"product": "City bikes"}},
		{canvas.KindJobStory, "  ", map[string]string{}},
	}
	for _, tt := range tests {
		if got := canvas.ParseParts(tt.k, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseParts(%s, %q) = %q, want %q", tt.k, tt.text, got, tt.want)
		}
	}
	// What ComposeParts writes, ParseParts reads back.
	parts := map[string]string{"situation": "the bus is full", "motivation": "take another way", "outcome": "be on time"}
	if got := canvas.ParseParts(canvas.KindJobStory, canvas.ComposeParts(canvas.KindJobStory, parts)); !reflect.DeepEqual(got, parts) {
		t.Errorf("round trip = %q", got)
	}
}

func TestSetPartsComposesText(t *testing.T) {
	c := canvas.NewCard(canvas.KindJobStory, canvas.Point{}, "")
	c.SetParts(map[string]string{"situation": " it rains ", "motivation": "stay dry", "bogus": "x", "outcome": ""})
	if want := map[string]string{"situation": "it rains", "motivation": "stay dry"}; !reflect.DeepEqual(c.Parts, want) {
		t.Errorf("Parts = %q, want %q", c.Parts, want)
	}
	if c.Text != "When it rains, I want to stay dry" {
		t.Errorf("Text = %q", c.Text)
	}
	old := c.Parts
	c.SetPart("outcome", "work")
	if _, ok := old["outcome"]; ok {
		t.Error("SetPart wrote into the old map")
	}
	if c.Text != "When it rains, I want to stay dry, so I can work" {
		t.Errorf("Text = %q", c.Text)
	}
}

func TestCloneCopiesParts(t *testing.T) {
	c := canvas.NewCard(canvas.KindJobStory, canvas.Point{}, "")
	c.SetParts(map[string]string{"motivation": "stay dry"})
	d := c.Clone()
	d.Parts["motivation"] = "changed"
	if c.Parts["motivation"] != "stay dry" {
		t.Error("Clone shares the parts map")
	}
	var e canvas.Card
	if e.Clone().Parts != nil {
		t.Error("Clone of no parts has a map")
	}
}

// storyFixture adds a job story to the free board of f.
func storyFixture(t *testing.T, f *fixture, at canvas.Point) uuid.UUID {
	t.Helper()
	c := canvas.NewCard(canvas.KindJobStory, at, "")
	c.SetParts(map[string]string{"situation": "it rains", "motivation": "find a dry route.", "outcome": "arrive fresh"})
	if err := (&canvas.AddCards{Board: f.free.ID, Cards: []canvas.Card{c}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func TestChangeCardKeepsTextComposed(t *testing.T) {
	f := newFixture(t)
	id := storyFixture(t, f, canvas.Point{X: 500, Y: 900})
	e, err := canvas.ChangeCard(f.p, f.free.ID, id, "Edit text", func(c *canvas.Card) {
		c.Text = "typed over"
		c.Parts = map[string]string{"situation": "it snows", "motivation": "find a dry route", "outcome": "arrive fresh"}
	})
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	if got := f.free.Card(id).Text; got != "When it snows, I want to find a dry route, so I can arrive fresh" {
		t.Errorf("Text = %q: a card with parts says their sentence", got)
	}
}

func TestKindChangeDropsParts(t *testing.T) {
	f := newFixture(t)
	id := storyFixture(t, f, canvas.Point{X: 500, Y: 900})
	text := f.free.Card(id).Text
	// By hand (the card menu's kind).
	e, err := canvas.ChangeCard(f.p, f.free.ID, id, "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindPain })
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	if c := f.free.Card(id); c.Parts != nil || c.Text != text {
		t.Errorf("after Set kind: parts %q, text %q; want none and the sentence kept", c.Parts, c.Text)
	}
	// Between kinds with the same parts they stay.
	f2 := newFixture(t)
	c := canvas.NewCard(canvas.KindCompetitorDirect, canvas.Point{X: 500, Y: 900}, "")
	c.SetParts(map[string]string{"product": "Taxi", "hiredFor": "rainy days"})
	if err := (&canvas.AddCards{Board: f2.free.ID, Cards: []canvas.Card{c}}).Apply(f2.p); err != nil {
		t.Fatal(err)
	}
	e, err = canvas.ChangeCard(f2.p, f2.free.ID, c.ID, "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindCompetitorIndirect })
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f2.p, e)
	if got := f2.free.Card(c.ID).Parts["product"]; got != "Taxi" {
		t.Errorf("competitor → competitor lost its product: %q", got)
	}
}

func TestMoveIntoZoneDropsParts(t *testing.T) {
	f := newFixture(t)
	// A job story off the zones of the canvas, moved into the pains.
	c := canvas.NewCard(canvas.KindJobStory, ptOpen, "")
	c.SetParts(map[string]string{"motivation": "stay dry"})
	if err := (&canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	e := &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{c.ID}, DX: ptPains.X - ptOpen.X, DY: ptPains.Y - ptOpen.Y}
	checkUndoRedo(t, f.p, e)
	if got := f.vpc.Card(c.ID); got.Kind != canvas.KindPain || got.Parts != nil {
		t.Errorf("moved into pains: kind %s parts %q", got.Kind, got.Parts)
	}
}

func TestValidateParts(t *testing.T) {
	f := newFixture(t)
	f.free.Cards[0].Parts = map[string]string{"situation": "x"} // a note
	err := f.p.Validate()
	if err == nil || !strings.Contains(err.Error(), "parts.situation") || !strings.Contains(err.Error(), "has no part") {
		t.Errorf("a note with a situation: %v", err)
	}
	f.free.Cards[0].Kind = canvas.KindJobStory
	f.free.Cards[0].Parts = map[string]string{"situation": strings.Repeat("ü", canvas.MaxTextLen+1)}
	if err := f.p.Validate(); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("a part too long: %v", err)
	}
}

func TestCanLinkJobStory(t *testing.T) {
	story := canvas.NewCard(canvas.KindJobStory, canvas.Point{}, "")
	job := canvas.NewCard(canvas.KindJob, canvas.Point{}, "")
	pain := canvas.NewCard(canvas.KindPain, canvas.Point{}, "")
	if err := canvas.CanLink(&job, &story); err != nil {
		t.Errorf("job and job story: %v", err)
	}
	if err := canvas.CanLink(&story, &pain); err == nil || !strings.Contains(err.Error(), "job story links to a customer job, not to a pain") {
		t.Errorf("job story and pain: %v", err)
	}
	l, err := canvas.NewLink(&job, &story, canvas.StrengthStrong)
	if err != nil || l.From != story.ID || l.To != job.ID {
		t.Errorf("NewLink(job, story) = %+v, %v; want from the story", l, err)
	}
}

func TestMakeJobCard(t *testing.T) {
	f := newFixture(t)
	id := storyFixture(t, f, canvas.Point{X: 500, Y: 900})
	e, jobID, err := canvas.MakeJobCard(f.p, f.free.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	job, story := f.free.Card(jobID), f.free.Card(id)
	if job == nil || job.Kind != canvas.KindJob || job.Text != "Find a dry route" {
		t.Fatalf("job card = %+v", job)
	}
	if job.X < story.X+story.W || job.Y != story.Y {
		t.Errorf("job at %v,%v, not beside the story at %v,%v", job.X, job.Y, story.X, story.Y)
	}
	if f.free.LinkIndex(id, jobID) < 0 {
		t.Error("no link from the story to the job")
	}
	for _, w := range f.p.Warnings() {
		if strings.HasPrefix(w.Path, "boards[2]") {
			t.Errorf("the story's link is against the rules: %v", w)
		}
	}
	// A second job card goes below the first, not over it.
	e2, job2, err := canvas.MakeJobCard(f.p, f.free.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := e2.Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if j2 := f.free.Card(job2); j2.Y < job.Y+job.H {
		t.Errorf("second job card at y %v overlaps the first (bottom %v)", j2.Y, job.Y+job.H)
	}
	if _, _, err := canvas.MakeJobCard(f.p, f.free.ID, f.freeNote); err == nil {
		t.Error("a note made a job card")
	}
	empty := canvas.NewCard(canvas.KindJobStory, canvas.Point{X: 1500, Y: 300}, "")
	if err := (&canvas.AddCards{Board: f.free.ID, Cards: []canvas.Card{empty}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := canvas.MakeJobCard(f.p, f.free.ID, empty.ID); err == nil || !strings.Contains(err.Error(), "no motivation") {
		t.Errorf("a story without motivation: %v", err)
	}
}

// On the job stories board the job card goes into "Jobs found": beside the
// story it would land among the stories and turn into one.
func TestMakeJobCardOnJobStoriesBoard(t *testing.T) {
	p, err := canvas.NewProject("Stories", canvas.TemplateJobStories)
	if err != nil {
		t.Fatal(err)
	}
	b := p.Boards[0]
	c := canvas.NewCard(canvas.KindJobStory, canvas.Point{X: 300, Y: 400}, "")
	c.SetParts(map[string]string{"motivation": "get to work dry"})
	if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	if got := b.Card(c.ID).Zone; got != "stories" {
		t.Fatalf("story in zone %q", got)
	}
	e, id, err := canvas.MakeJobCard(p, b.ID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, p, e)
	if job := b.Card(id); job.Kind != canvas.KindJob || job.Zone != "jobs" || job.Text != "Get to work dry" {
		t.Errorf("job card: kind %s zone %q text %q", job.Kind, job.Zone, job.Text)
	}
}
