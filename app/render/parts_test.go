package render

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func storyCard(parts map[string]string) *canvas.Card {
	c := canvas.NewCard(canvas.KindJobStory, canvas.Point{X: 200, Y: 200}, "")
	c.SetParts(parts)
	return &c
}

// The leads are their own bold segments, the parts regular, and each
// segment knows its part; a card that is one text has no runs.
func TestPartRuns(t *testing.T) {
	c := storyCard(map[string]string{"situation": "it rains", "motivation": "stay dry", "outcome": "work"})
	var got []string
	for _, r := range PartRuns(c) {
		got = append(got, r.Part+":"+map[RunStyle]string{RunPlain: "", RunLead: "lead ", RunStrong: "strong "}[r.Style]+r.Text)
	}
	want := "situation:lead When|situation:it rains,|motivation:lead I want to|motivation:stay dry,|outcome:lead so I can|outcome:work"
	if strings.Join(got, "|") != want {
		t.Errorf("runs\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	plain := canvas.NewCard(canvas.KindJobStory, canvas.Point{}, "When it rains, I want to stay dry")
	if PartRuns(&plain) != nil {
		t.Error("a job story that is one text has runs")
	}
}

// Runs shrink to fit, then end in "…" at the smallest size.
func TestFitRunsShrinksThenCuts(t *testing.T) {
	test.NewTempApp(t)
	runs := PartRuns(storyCard(map[string]string{"situation": "it rains", "motivation": "stay dry"}))
	roomy := FitRuns(runs, 400, 200, CardTextSize, CardMinTextSize)
	if roomy.Size != CardTextSize || roomy.Overflow {
		t.Errorf("a short story in a big card: size %v overflow %v", roomy.Size, roomy.Overflow)
	}
	long := PartRuns(storyCard(map[string]string{"situation": strings.Repeat("it rains again and again ", 20), "motivation": "stay dry"}))
	b := FitRuns(long, 200, 100, CardTextSize, CardMinTextSize)
	if b.Size != CardMinTextSize || !b.Overflow {
		t.Fatalf("a long story: size %v overflow %v", b.Size, b.Overflow)
	}
	last := b.Lines[len(b.Lines)-1]
	if s := last[len(last)-1].Text; !strings.HasSuffix(s, "…") {
		t.Errorf("last segment %q does not end in …", s)
	}
	if h := float32(len(b.Lines)) * b.LineH; h > 100 {
		t.Errorf("%d lines, %v high, in a box 100 high", len(b.Lines), h)
	}
}

// PartAt finds the part drawn under a point: the header of a customer
// story is its who, the line below its switch.
func TestPartAt(t *testing.T) {
	test.NewTempApp(t)
	c := canvas.NewCard(canvas.KindCustomerStory, canvas.Point{X: 200, Y: 200}, "")
	c.W, c.H = 300, 190
	c.X, c.Y = 50, 105
	c.SetParts(map[string]string{"who": "Ana", "from": "the bus", "to": "a bike"})
	b := FitRuns(PartRuns(&c), float32(c.W)-2*CardPad, float32(c.H)-2*CardPad, CardTextSize, CardMinTextSize)
	if len(b.Lines) != 2 {
		t.Fatalf("%d lines", len(b.Lines))
	}
	top := c.Y + CardPad + (c.H-2*CardPad-float64(2*b.LineH))/2
	if got := PartAt(&c, canvas.Point{X: c.X + c.W/2, Y: top + float64(b.LineH)/2}); got != canvas.PartWho {
		t.Errorf("header line: %q", got)
	}
	if got := PartAt(&c, canvas.Point{X: c.X + 20, Y: top + 1.5*float64(b.LineH)}); got != canvas.PartFrom {
		t.Errorf("start of the second line: %q", got)
	}
	if got := PartAt(&c, canvas.Point{X: c.X + c.W - 20, Y: top + 1.5*float64(b.LineH)}); got != canvas.PartTo {
		t.Errorf("end of the second line: %q", got)
	}
	empty := canvas.NewCard(canvas.KindCompetitorDirect, canvas.Point{}, "")
	if got := PartAt(&empty, canvas.Point{}); got != canvas.PartProduct {
		t.Errorf("a competitor with nothing yet: %q", got)
	}
}

// Fitting a job story's runs against fitting its composed text as one:
// the cost of drawing a card part by part, paid once per change.
func BenchmarkFitRuns(b *testing.B) {
	test.NewTempApp(b)
	c := storyCard(map[string]string{"situation": "it starts raining on my way to work", "motivation": "keep my clothes dry", "outcome": "walk into the meeting looking fresh"})
	runs := PartRuns(c)
	b.Run("runs", func(b *testing.B) {
		for range b.N {
			FitRuns(runs, 196, 116, CardTextSize, CardMinTextSize)
		}
	})
	b.Run("text", func(b *testing.B) {
		for range b.N {
			FitText(c.Text, 196, 116, CardTextSize, CardMinTextSize, fyne.TextStyle{})
		}
	})
}
