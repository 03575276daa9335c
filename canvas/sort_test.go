package canvas_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestRankScore(t *testing.T) {
	for _, tt := range []struct {
		kind  canvas.Kind
		set   func(c *canvas.Card)
		score float64
		ok    bool
	}{
		{canvas.KindPain, func(c *canvas.Card) { c.Severity = ptr(3) }, 3, true},
		{canvas.KindPain, func(c *canvas.Card) { c.Relevance = ptr(3) }, 0, false},
		{canvas.KindGain, func(c *canvas.Card) { c.Relevance = ptr(5) }, 5, true},
		{canvas.KindOutcome, func(c *canvas.Card) { c.Importance, c.Satisfaction = ptr(8.0), ptr(3.0) }, 13, true},
		{canvas.KindOutcome, func(c *canvas.Card) { c.Importance = ptr(8.0) }, 0, false},
		{canvas.KindJob, func(c *canvas.Card) { c.Importance = ptr(6.5) }, 6.5, true},
		{canvas.KindJob, func(c *canvas.Card) {}, 0, false},
		{canvas.KindProduct, func(c *canvas.Card) { c.Importance = ptr(6.5) }, 0, false},
	} {
		c := canvas.NewCard(tt.kind, canvas.Point{}, "")
		tt.set(&c)
		if s, ok := c.RankScore(); s != tt.score || ok != tt.ok {
			t.Errorf("%s %s: RankScore = %v, %v; want %v, %v", tt.kind, describeCard(&c), s, ok, tt.score, tt.ok)
		}
	}
}

// addAt puts a card of kind k centred at at on b, scored by fn.
func addAt(t *testing.T, f *fixture, b *canvas.Board, k canvas.Kind, at canvas.Point, text string, fn func(*canvas.Card)) uuid.UUID {
	t.Helper()
	c := canvas.NewCard(k, at, text)
	if fn != nil {
		fn(&c)
	}
	if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// inReadingOrder fails t unless the cards sit in reading order: each
// after the one before on the same line, or on a lower line.
func inReadingOrder(t *testing.T, b *canvas.Board, ids []uuid.UUID) {
	t.Helper()
	for i := 1; i < len(ids); i++ {
		a, c := b.Card(ids[i-1]), b.Card(ids[i])
		if !(c.Y > a.Y || c.Y == a.Y && c.X > a.X) {
			t.Errorf("card %d (%q at %v,%v) is not after card %d (%q at %v,%v)", i, c.Text, c.X, c.Y, i-1, a.Text, a.X, a.Y)
		}
	}
}

func inZone(t *testing.T, b *canvas.Board, zone string, kind canvas.Kind, ids []uuid.UUID) {
	t.Helper()
	for _, id := range ids {
		c := b.Card(id)
		if z, _ := b.ZoneAt(c.Center()); z.ID != zone || c.Zone != zone || c.Kind != kind {
			t.Errorf("%q left its zone: %s", c.Text, describeCard(c))
		}
	}
}

func noOverlap(t *testing.T, b *canvas.Board, ids []uuid.UUID) {
	t.Helper()
	for i, a := range ids {
		for _, c := range ids[i+1:] {
			if b.Card(a).Rect().Intersects(b.Card(c).Rect()) {
				t.Errorf("%q and %q overlap", b.Card(a).Text, b.Card(c).Text)
			}
		}
	}
}

func TestSortZonePains(t *testing.T) {
	f := newFixture(t)
	sev := func(n int) func(*canvas.Card) { return func(c *canvas.Card) { c.Severity = ptr(n) } }
	// Placed out of order; the fixture's own pain (severity 4) is at
	// (1600, 900). Reading order now: a (1450, 760), u1 (1700, 760),
	// fixture pain, b (1750, 900), c (1550, 1050), u2 (1700, 1060).
	a := addAt(t, f, f.vpc, canvas.KindPain, canvas.Point{X: 1450, Y: 760}, "a", sev(2))
	u1 := addAt(t, f, f.vpc, canvas.KindPain, canvas.Point{X: 1700, Y: 760}, "u1", nil)
	b := addAt(t, f, f.vpc, canvas.KindPain, canvas.Point{X: 1750, Y: 900}, "b", sev(5))
	c := addAt(t, f, f.vpc, canvas.KindPain, canvas.Point{X: 1550, Y: 1050}, "c", sev(2))
	u2 := addAt(t, f, f.vpc, canvas.KindPain, canvas.Point{X: 1700, Y: 1060}, "u2", nil)
	e, err := canvas.SortZone(f.p, f.vpc.ID, "pains")
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	if e.Name() != "Sort by rank" {
		t.Errorf("Name = %q", e.Name())
	}
	// Highest first, ties (the two 2s) and the unscored in reading order.
	want := []uuid.UUID{b, f.pain, a, c, u1, u2}
	inReadingOrder(t, f.vpc, want)
	inZone(t, f.vpc, "pains", canvas.KindPain, want)
	// Drawn in that order, so each card overlapped shows its top.
	var drawn []uuid.UUID
	for _, card := range f.vpc.Cards {
		if slices.Contains(want, card.ID) {
			drawn = append(drawn, card.ID)
		}
	}
	if !slices.Equal(drawn, want) {
		t.Errorf("drawing order %v, want %v", drawn, want)
	}
	// Cards of other zones stay where they were.
	if g := f.vpc.Card(f.gain); g.Center() != ptGains {
		t.Errorf("gain moved to %v", g.Center())
	}
	// Sorting again changes nothing but is still allowed.
	again, err := canvas.SortZone(f.p, f.vpc.ID, "pains")
	if err != nil {
		t.Fatal(err)
	}
	before := f.p.Clone()
	if err := again.Apply(f.p); err != nil {
		t.Fatal(err)
	}
	sameProject(t, "sorted twice", before, f.p)
}

func TestSortStep(t *testing.T) {
	f := newFixture(t)
	col := func(dy float64) canvas.Point { p := inColumn(1, true); p.Y += dy; return p }
	score := func(imp, sat float64) func(*canvas.Card) {
		return func(c *canvas.Card) { c.Importance, c.Satisfaction, c.H = ptr(imp), ptr(sat), 100 }
	}
	// Cards 100 high: five fit in the outcomes row without overlapping.
	f.jm.Card(f.locate).H = 100
	// Opportunities: f.locate (9, 2) 16 at dy 0; over 5; twelve 12; none;
	// twelveToo 12, below twelve.
	over := addAt(t, f, f.jm, canvas.KindOutcome, col(-250), "over", score(5, 5))
	twelve := addAt(t, f, f.jm, canvas.KindOutcome, col(-120), "twelve", score(8, 4))
	none := addAt(t, f, f.jm, canvas.KindOutcome, col(150), "none", func(c *canvas.Card) { c.H = 100 })
	twelveToo := addAt(t, f, f.jm, canvas.KindOutcome, col(200), "twelve too", score(8, 4))
	step := addAt(t, f, f.jm, canvas.KindJobStep, inColumn(1, false), "step", nil)
	other := f.jm.Card(f.conclude).Center()
	e, err := canvas.SortZone(f.p, f.jm.ID, "locate")
	if err != nil {
		t.Fatal(err)
	}
	checkUndoRedo(t, f.p, e)
	want := []uuid.UUID{f.locate, twelve, twelveToo, over, none}
	inReadingOrder(t, f.jm, want)
	inZone(t, f.jm, canvas.StepZoneID("locate", "outcomes"), canvas.KindOutcome, want)
	inZone(t, f.jm, canvas.StepZoneID("locate", "steps"), canvas.KindJobStep, []uuid.UUID{step})
	noOverlap(t, f.jm, append(want, step))
	if f.jm.Card(f.conclude).Center() != other {
		t.Error("a card of another step moved")
	}
}

// A crowded zone still takes every card, each centre inside it: the rows
// close up so that each card shows its first lines.
func TestSortCrowdedZone(t *testing.T) {
	for _, tt := range []struct {
		zone string
		kind canvas.Kind
		at   canvas.Point
	}{
		{canvas.StepZoneID("modify", "outcomes"), canvas.KindOutcome, inColumn(6, true)},
		{"jobs", canvas.KindJob, ptJobs},
		{"gains", canvas.KindGain, ptGains},
	} {
		t.Run(tt.zone, func(t *testing.T) {
			f := newFixture(t)
			b := f.vpc
			if tt.kind == canvas.KindOutcome {
				b = f.jm
			}
			var ids []uuid.UUID
			for i := range 25 {
				ids = append(ids, addAt(t, f, b, tt.kind, tt.at, strings.Repeat("x", i+1), func(c *canvas.Card) {
					c.Importance, c.Satisfaction, c.Relevance = ptr(float64(i%11)), ptr(0.0), ptr(1+i%5)
				}))
			}
			e, err := canvas.SortZone(f.p, b.ID, tt.zone)
			if err != nil {
				t.Fatal(err)
			}
			checkUndoRedo(t, f.p, e)
			all := ids
			if tt.zone != canvas.StepZoneID("modify", "outcomes") {
				all = append(all, map[string]uuid.UUID{"jobs": f.job, "gains": f.gain}[tt.zone])
			}
			inZone(t, b, tt.zone, tt.kind, all)
			seen := map[canvas.Point]bool{}
			for _, id := range all {
				c := b.Card(id)
				if seen[canvas.Point{X: c.X, Y: c.Y}] {
					t.Errorf("two cards at %v,%v", c.X, c.Y)
				}
				seen[canvas.Point{X: c.X, Y: c.Y}] = true
			}
		})
	}
}

func TestSortZoneRefused(t *testing.T) {
	f := newFixture(t)
	for _, tt := range []struct {
		board   uuid.UUID
		zone    string
		want    string
		notFind bool
	}{
		{f.vpc.ID, "nowhere", `zone "nowhere": not found`, true},
		{f.free.ID, "pains", `zone "pains": not found`, true},
		{uuid.New(), "pains", "not found", true},
		{f.jm.ID, "confirm", "this step holds no card to sort", false},
		{f.jm.ID, canvas.StepZoneID("confirm", "outcomes"), "Desired outcomes holds no card to sort", false},
	} {
		_, err := canvas.SortZone(f.p, tt.board, tt.zone)
		if err == nil || !strings.Contains(err.Error(), tt.want) || errors.Is(err, canvas.ErrNotFound) != tt.notFind {
			t.Errorf("SortZone(%s) = %v, want %q", tt.zone, err, tt.want)
		}
	}
}

func TestArrangeCardsRefused(t *testing.T) {
	f := newFixture(t)
	before := f.p.Clone()
	for _, e := range []*canvas.ArrangeCards{
		{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, At: nil},
		{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, f.pain}, At: []canvas.Point{{}, {}}},
		{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, uuid.New()}, At: []canvas.Point{{}, {}}},
		{Board: f.vpc.ID, IDs: []uuid.UUID{f.gain, f.pain}, At: []canvas.Point{{}, {X: 2e6}}},
	} {
		if err := e.Apply(f.p); err == nil {
			t.Errorf("%+v applied", e)
		}
	}
	sameProject(t, "after refused arrangements", before, f.p)
}
