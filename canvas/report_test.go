package canvas_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func intp(v int) *int           { return &v }
func floatp(v float64) *float64 { return &v }

// card adds a card of kind k saying text to b and returns it.
func card(b *canvas.Board, k canvas.Kind, text string) *canvas.Card {
	c := canvas.NewCard(k, canvas.Point{X: 100, Y: 100}, text)
	b.Cards = append(b.Cards, &c)
	return &c
}

func board(t *testing.T, p *canvas.Project, template, title string) *canvas.Board {
	t.Helper()
	b, err := canvas.NewBoard(template, title)
	if err != nil {
		t.Fatal(err)
	}
	p.Boards = append(p.Boards, b)
	return b
}

// section is the text of the "## title" section of a report, "" when it
// has none.
func section(report, title string) string {
	_, rest, ok := strings.Cut(report, "\n## "+title+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

func TestReportLeavesOutEmptySections(t *testing.T) {
	p := &canvas.Project{Name: "Empty"}
	b := board(t, p, canvas.TemplateFree, "Wall")
	card(b, canvas.KindNote, "Only a note")
	got := canvas.Report(p, nil)
	want := "# Empty — workshop report\n\n## Boards\n\n1. **Wall** (Free board): 1 card\n"
	if got != want {
		t.Errorf("report:\n%q\nwant\n%q", got, want)
	}
}

// Pains by severity, most severe first, ties by text, unranked last; the
// same order whatever the order of the cards on the board.
func TestReportOrderAndDeterminism(t *testing.T) {
	p := &canvas.Project{Name: "Order"}
	b := board(t, p, canvas.TemplateValueProposition, "")
	card(b, canvas.KindPain, "Unranked")
	card(b, canvas.KindPain, "Beta").Severity = intp(5)
	card(b, canvas.KindPain, "Alpha").Severity = intp(5)
	card(b, canvas.KindPain, "Mild").Severity = intp(1)
	card(b, canvas.KindGain, "Won").Votes = 2
	card(b, canvas.KindPain, "Also won").Votes = 2
	card(b, canvas.KindJob, "Top").Votes = 7
	first := canvas.Report(p, nil)
	wantPains := "| Pain | Severity |\n| --- | --- |\n| Alpha | 5 of 5 |\n| Beta | 5 of 5 |\n| Mild | 1 of 5 |\n| Also won | — |\n| Unranked | — |\n"
	if got := section(first, "Pains by severity"); !strings.Contains(got, wantPains) {
		t.Errorf("pains:\n%s\nwant\n%s", got, wantPains)
	}
	wantVotes := "| Top | Customer job | 7 |\n| Also won | Pain | 2 |\n| Won | Gain | 2 |\n"
	if got := section(first, "Votes"); !strings.Contains(got, wantVotes) {
		t.Errorf("votes:\n%s\nwant\n%s", got, wantVotes)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(b.Cards), func(i, j int) { b.Cards[i], b.Cards[j] = b.Cards[j], b.Cards[i] })
		if got := canvas.Report(p, nil); got != first {
			t.Fatalf("another card order gives another report:\n%s\nfirst:\n%s", got, first)
		}
	}
}

// Whatever a card says stays text: no table cell ends early, no HTML, no
// emphasis, no list from a card starting "1. ".
func TestReportEscapes(t *testing.T) {
	p := &canvas.Project{Name: "Escapes"}
	b := board(t, p, canvas.TemplateValueProposition, "")
	card(b, canvas.KindPain, "A | B <script>x</script> *bold* [link](http://x) `code`\nsecond line").Severity = intp(3)
	card(b, canvas.KindGain, "1. first").Relevance = intp(2)
	card(b, canvas.KindGain, "# heading").Relevance = intp(1)
	got := canvas.Report(p, nil)
	for _, want := range []string{
		"| A \\| B \\<script>x\\</script> \\*bold\\* \\[link\\](http://x) \\`code\\` second line | 3 of 5 |",
		"| 1\\. first | 2 of 5 |",
		"| \\# heading | 1 of 5 |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
	for i, line := range strings.Split(got, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		if n := strings.Count(line, "|") - strings.Count(line, "\\|"); n != 3 {
			t.Errorf("line %d has %d cell borders: %q", i+1, n, line)
		}
	}
}

func TestReportFitAndOutcomes(t *testing.T) {
	p := &canvas.Project{Name: "Fit", ScoreScale: canvas.ScaleSurvey}
	vp := board(t, p, canvas.TemplateValueProposition, "Riders")
	pain := card(vp, canvas.KindPain, "Sweaty")
	pain.Severity = intp(4)
	card(vp, canvas.KindPain, "Wet").Severity = intp(2)
	rel := card(vp, canvas.KindPainReliever, "Showers")
	card(vp, canvas.KindProduct, "Idle kit")
	vp.Links = append(vp.Links, canvas.Link{From: rel.ID, To: pain.ID, Strength: canvas.StrengthPartial})
	jm := board(t, p, canvas.TemplateJobMap, "Map")
	o := card(jm, canvas.KindOutcome, "Minimize the time it takes to park")
	o.Importance, o.Satisfaction = floatp(9.25), floatp(3)
	card(jm, canvas.KindOutcome, "Minimize the risk of rain")
	got := canvas.Report(p, map[uuid.UUID]string{vp.ID: "riders.png", jm.ID: "my map.png"})
	for _, want := range []string{
		"![Riders](riders.png)\n",
		"![Map](<my map.png>)\n",
		"### Riders\n\n- Pains relieved: 33 % (weighted by severity)\n",
		"Pains nothing relieves, most severe first:\n\n- Wet (2 of 5)\n",
		"Value map cards that address nothing:\n\n- Idle kit (Product or service)\n",
		"Scores: top-2-box shares from a survey, scaled to 0–10.",
		"| Minimize the time it takes to park | Define | 9.25 | 3 | 15.5 | Extreme opportunity |",
		"Not scored yet:\n\n- Minimize the risk of rain\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Gains created") {
		t.Errorf("a board without gains reports their coverage:\n%s", got)
	}
}

// The sections of the method's other tools: forces with their balance,
// competitors with what they are hired for, criteria, clusters with their
// vector of progress, job stories.
func TestReportOtherTools(t *testing.T) {
	p := &canvas.Project{Name: "Tools"}
	f := board(t, p, "forces-of-progress", "Forces")
	card(f, canvas.KindForcePush, "Trains late").ForceStrength = intp(4)
	card(f, canvas.KindForcePull, "Fit for free")
	card(f, canvas.KindForceAnxiety, "Traffic").ForceStrength = intp(3)
	c := board(t, p, "competition", "Rivals")
	rival := card(c, canvas.KindCompetitorDirect, "")
	rival.SetParts(map[string]string{canvas.PartProduct: "Train", canvas.PartHiredFor: "reading on the way"})
	card(c, canvas.KindCompetitorIndirect, "Working from home")
	card(c, canvas.KindHireCriterion, "Door to door")
	card(c, canvas.KindFireCriterion, "Strikes")
	s := board(t, p, "customer-stories", "Stories")
	in := card(s, canvas.KindCustomerStory, "Ann switched from the bus")
	card(s, canvas.KindCustomerStory, "Far away").X = 9000
	s.Clusters = append(s.Clusters, canvas.Cluster{ID: uuid.New(), Name: "Time savers",
		Rect: canvas.Rect{X: 0, Y: 0, W: 720, H: 480}, From: "waiting", To: "riding"})
	_ = in
	js := board(t, p, "job-stories", "Job stories")
	story := card(js, canvas.KindJobStory, "")
	story.SetParts(map[string]string{canvas.PartSituation: "it rains", canvas.PartMotivation: "stay dry", canvas.PartOutcome: "arrive fresh"})
	got := canvas.Report(p, nil)
	for _, want := range []string{
		"## Forces of progress\n\n### Forces\n\n- Push + pull, towards the switch: 5\n- Anxiety + habit, against it: 3\n\nThe balance leans towards the switch.\n",
		"| Trains late | Push of the situation | 4 of 5 |\n| Fit for free | Pull of the new solution | — |\n| Traffic | Anxiety of the new | 3 of 5 |\n",
		"| Train | Direct competitor | reading on the way |\n| Working from home | Indirect competitor | — |\n",
		"**Hired when:**\n\n- Door to door\n",
		"**Fired when:**\n\n- Strikes\n",
		"### Time savers\n\nVector of progress: From waiting to riding.\n\n- Ann switched from the bus\n\n",
		"## Job stories\n\n- " + story.Text + "\n",
		"## Customer stories\n\n- Far away\n", // Ann's is under its cluster
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
}

// Quotes are grouped by who said them, each with the card it is on.
func TestReportQuotes(t *testing.T) {
	p := &canvas.Project{Name: "Quotes"}
	b := board(t, p, canvas.TemplateValueProposition, "")
	q := func(k canvas.Kind, text, quote, source string) {
		c := card(b, k, text)
		c.Quote, c.Source = quote, source
	}
	q(canvas.KindPain, "Theft", "Two bikes nicked.", "Priya, 12 March")
	q(canvas.KindGain, "Quiet ride", "Mine alone.", "Jonas, 19 March")
	q(canvas.KindPain, "Rain", "Soaked | again.", "")
	q(canvas.KindJob, "On time", "Never late.", "Priya, 12 March")
	want := "## Quotes\n\n### Source not noted\n\n- “Soaked \\| again.” (Pain: Rain)\n\n" +
		"### Jonas, 19 March\n\n- “Mine alone.” (Gain: Quiet ride)\n\n" +
		"### Priya, 12 March\n\n- “Never late.” (Customer job: On time)\n- “Two bikes nicked.” (Pain: Theft)\n"
	if got := canvas.Report(p, nil); !strings.HasSuffix(got, want) {
		t.Errorf("report:\n%s\nwant it to end with\n%s", got, want)
	}
}
