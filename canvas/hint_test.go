package canvas_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestHints(t *testing.T) {
	const (
		job     = canvas.KindJob
		step    = canvas.KindJobStep
		outcome = canvas.KindOutcome
	)
	type r = canvas.HintRule
	verb, object, solution := canvas.RuleVerb, canvas.RuleObject, canvas.RuleSolution
	direction, metric, oneThing, vague := canvas.RuleDirection, canvas.RuleMetric, canvas.RuleOneThing, canvas.RuleVague
	tests := []struct {
		kind canvas.Kind
		text string
		want []r
	}{
		// Jobs: verb + object + context, solution-free.
		{job, "Get to a client meeting on time in an unfamiliar city", nil},
		{job, "Get to work on time", nil},
		{job, "Feel safe in traffic", nil},
		{job, "Be seen as competent by my team", nil},
		{job, "Keep the bike in working order", nil},
		{job, "Learn how to fix a flat tyre", nil},
		{job, "Bring the kids to school before nine", nil},     // "bring" ends in -ing
		{job, "Install a rack on the balcony", nil},            // a consumption job
		{job, "Arrive looking presentable for a meeting", nil}, // "looking" is not first
		{job, "", nil},
		{job, "   ", nil},
		{job, "Commute", []r{object}},
		{job, "The commute to work", []r{verb}},
		{job, "I want to get to work", []r{verb}},
		{job, "When it rains, stay dry", []r{verb}},
		{job, "to get to work on time", []r{verb}},
		{job, "Getting to work on time", []r{verb}},
		{job, "Transportation to the office", []r{verb}},
		{job, "Security", []r{verb, object}},
		{job, "Book a ride with the app", []r{solution}},
		{job, "Order an Uber home", []r{solution}},
		{job, "Use the route planner every morning", []r{solution}},
		{job, "Using Google Maps", []r{verb, solution}},
		{job, "Track expenses in Excel", []r{solution}},
		{job, "Customers manage invoices on the platform", []r{verb, solution}},
		// Job steps follow the job's pattern.
		{step, "Decide whether to ride today", nil},
		{step, "Check the route and the rain radar", nil}, // "and" is fine in a step
		{step, "Open the app", []r{solution}},
		{step, "Preparation of the bike", []r{verb}},
		// Outcomes: direction + metric + object, one thing, nothing vague.
		{outcome, "Minimize the time it takes to find a parking space near the venue", nil},
		{outcome, "Minimise the likelihood of arriving sweaty", nil},
		{outcome, "Reduce the number of stops at traffic lights", nil},
		{outcome, "Increase the likelihood that the bike is where it was left", nil},
		{outcome, "Maximize the amount of the commute spent on quiet streets", nil},
		{outcome, "Decrease the risk of a close pass by a car", nil},
		{outcome, "Minimize the effort it takes to check the bike is safe to ride", nil},
		{outcome, "minimize time spent waiting at junctions", nil},
		{outcome, "Minimize the variation in door-to-door travel time", nil},
		{outcome, "Find parking near the venue", []r{direction}},
		{outcome, "Less time looking for parking", []r{direction}},
		{outcome, "Minimize hassle", []r{metric}},
		{outcome, "Reduce the stress of riding in traffic", []r{metric}},
		{outcome, "Minimize", []r{metric}},
		{outcome, "Minimize the time it takes to lock and unlock the bike", []r{oneThing}},
		{outcome, "Reduce the cost of repairs & servicing", []r{oneThing}},
		{outcome, "Minimize the time it takes to get an easy route", []r{vague}},
		{outcome, "Increase the likelihood of a fast commute", []r{vague}},
		{outcome, "Maximize the number of reliable connections", []r{vague}},
		{outcome, "A user-friendly way to plan the route", []r{direction, vague}},
		{outcome, "Quick and simple parking", []r{direction, oneThing, vague}},
		{outcome, "Make it better and faster", []r{direction, oneThing, vague}},
		// Other scripts: the patterns are English ones.
		{job, "ไปทำงานให้ทันเวลา", nil},
		{outcome, "출근 시간을 줄이기", nil},
		{job, "Café au lait", nil},
		// Other kinds take any words.
		{canvas.KindPain, "The app crashes and the route is slow", nil},
		{canvas.KindNote, "Ask about trains", nil},
		{canvas.KindProduct, "Route planner app", nil},
	}
	bad := 0
	for _, tt := range tests {
		c := canvas.NewCard(tt.kind, canvas.Point{}, tt.text)
		hs := canvas.Hints(&c)
		var got []r
		for _, h := range hs {
			got = append(got, h.Rule)
			if h.Problem == "" || h.Suggestion == "" {
				t.Errorf("%s %q: hint %+v says nothing", tt.kind, tt.text, h)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q: hints %v, want %v (%+v)", tt.kind, tt.text, got, tt.want, hs)
		}
		if len(tt.want) > 0 {
			bad++
		}
	}
	if len(tests) < 40 || bad < 15 || len(tests)-bad < 15 {
		t.Errorf("%d statements, %d bad: want at least 40, with good and bad ones", len(tests), bad)
	}
}

// The bundled sample is written as the method asks: no card there gets a
// hint.
func TestSampleHasNoHints(t *testing.T) {
	var sample struct {
		Boards []struct {
			Cards []struct {
				Kind canvas.Kind `json:"kind"`
				Text string      `json:"text"`
			} `json:"cards"`
		} `json:"boards"`
	}
	if err := json.Unmarshal(assets.Sample, &sample); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range sample.Boards {
		for _, sc := range b.Cards {
			c := canvas.NewCard(sc.Kind, canvas.Point{}, sc.Text)
			if hs := canvas.Hints(&c); hs != nil {
				t.Errorf("%s %q: %+v", c.Kind, c.Text, hs)
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d cards in the sample", n)
	}
}

func TestHintProblemsNameTheWord(t *testing.T) {
	c := canvas.NewCard(canvas.KindOutcome, canvas.Point{}, "Minimize the time it takes to get a fast answer")
	hs := canvas.Hints(&c)
	if len(hs) != 1 || hs[0].Problem != `"fast" is vague: people read it differently` {
		t.Errorf("hints %+v", hs)
	}
	c = canvas.NewCard(canvas.KindJob, canvas.Point{}, "to get to work")
	if hs := canvas.Hints(&c); len(hs) != 1 || hs[0].Suggestion != `Start with the verb itself: "Get …"` {
		t.Errorf("hints %+v", hs)
	}
}
