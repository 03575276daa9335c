package canvas_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// forcesBoard is a forces of progress board with push 4, pull 3 and 2,
// habit 5, an anxiety not scored yet, and a note that weighs nothing.
func forcesBoard(t *testing.T) (*canvas.Project, *canvas.Board, map[string]uuid.UUID) {
	t.Helper()
	p, err := canvas.NewProject("Forces", "forces-of-progress")
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	ids := map[string]uuid.UUID{}
	for _, c := range []struct {
		name     string
		k        canvas.Kind
		x, y     float64
		strength *int
	}{
		{"push", canvas.KindForcePush, 400, 450, ptr(4)},
		{"pull", canvas.KindForcePull, 1700, 450, ptr(3)},
		{"pull2", canvas.KindForcePull, 2000, 450, ptr(2)},
		{"habit", canvas.KindForceHabit, 400, 900, ptr(5)},
		{"anxiety", canvas.KindForceAnxiety, 1700, 900, nil},
		{"note", canvas.KindNote, 1200, 1500, nil},
	} {
		card := canvas.NewCard(c.k, canvas.Point{X: c.x, Y: c.y}, c.name)
		card.ForceStrength = c.strength
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{card}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		ids[c.name] = card.ID
	}
	return p, bd, ids
}

// Towards: push 4 + pull 3 + pull 2 = 9. Against: habit 5 + the unscored
// anxiety, which weighs 1 = 6. The note is on neither side.
func TestBalanceSumsStrengths(t *testing.T) {
	_, bd, _ := forcesBoard(t)
	towards, against, ok := canvas.Balance(bd)
	if !ok || towards != 9 || against != 6 {
		t.Errorf("Balance = %d, %d, %v; want 9, 6, true", towards, against, ok)
	}
	if got := canvas.Lean(towards, against); got != canvas.LeansTowards {
		t.Errorf("Lean(9, 6) = %v, want towards", got)
	}
	if canvas.Lean(2, 7) != canvas.LeansAgainst || canvas.Lean(4, 4) != canvas.LeansBalanced {
		t.Error("Lean is wrong for 2 against 7 or 4 against 4")
	}
}

func TestBalanceOnlyWhereTheTemplateHasOne(t *testing.T) {
	p, err := canvas.NewProject("P", canvas.TemplateValueProposition, "competition")
	if err != nil {
		t.Fatal(err)
	}
	for _, bd := range p.Boards {
		if _, _, ok := canvas.Balance(bd); ok {
			t.Errorf("%s has a balance", bd.Template)
		}
	}
}

// A force made a note loses its strength and leaves the balance; undo
// brings both back. A force moved into another force's zone keeps its
// strength and changes side.
func TestBalanceFollowsKindChanges(t *testing.T) {
	p, bd, ids := forcesBoard(t)
	e, err := canvas.ChangeCard(p, bd.ID, ids["push"], "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindNote })
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Apply(p); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(ids["push"]); c.ForceStrength != nil {
		t.Errorf("a note keeps strength %d", *c.ForceStrength)
	}
	if tw, ag, _ := canvas.Balance(bd); tw != 5 || ag != 6 {
		t.Errorf("with the push a note: %d, %d; want 5, 6", tw, ag)
	}
	if err := e.Undo(p); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(ids["push"]); c.Kind != canvas.KindForcePush || c.ForceStrength == nil || *c.ForceStrength != 4 {
		t.Errorf("after undo: %s, strength %v; want a push of 4", c.Kind, c.ForceStrength)
	}

	// The pull of 3 at x 1700 into the anxiety zone, below the axis at 720.
	mv := &canvas.MoveCards{Board: bd.ID, IDs: []uuid.UUID{ids["pull"]}, DY: 450}
	if err := mv.Apply(p); err != nil {
		t.Fatal(err)
	}
	c := bd.Card(ids["pull"])
	if c.Kind != canvas.KindForceAnxiety || c.Zone != "anxiety" || c.ForceStrength == nil || *c.ForceStrength != 3 {
		t.Fatalf("moved into anxiety: %s in %q, strength %v; want an anxiety of 3", c.Kind, c.Zone, c.ForceStrength)
	}
	if tw, ag, _ := canvas.Balance(bd); tw != 6 || ag != 9 || canvas.Lean(tw, ag) != canvas.LeansAgainst {
		t.Errorf("after the move: %d, %d; want 6, 9", tw, ag)
	}
	if err := mv.Undo(p); err != nil {
		t.Fatal(err)
	}
	if c := bd.Card(ids["pull"]); c.Kind != canvas.KindForcePull || c.Zone != "pull" {
		t.Errorf("undo of the move: %s in %q", c.Kind, c.Zone)
	}
}

// Every zone of the three boards gives its kind to a card moved into it,
// and the card takes it back on the way out: the kind follows the zone.
func TestMethodBoardsKindFollowsZone(t *testing.T) {
	for _, id := range []string{"forces-of-progress", "competition", "success-outcomes"} {
		t.Run(id, func(t *testing.T) {
			p, err := canvas.NewProject("P", id)
			if err != nil {
				t.Fatal(err)
			}
			bd := p.Boards[0]
			zones := bd.Zones()
			if len(zones) < 3 {
				t.Fatalf("%d zones", len(zones))
			}
			first := zones[0]
			card := canvas.NewCard(first.DefaultKind(), first.Rect.Center(), "x")
			if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{card}}).Apply(p); err != nil {
				t.Fatal(err)
			}
			for _, z := range append(zones[1:], first) {
				c := bd.Card(card.ID)
				from, to := c.Center(), z.Rect.Center()
				mv := &canvas.MoveCards{Board: bd.ID, IDs: []uuid.UUID{card.ID}, DX: to.X - from.X, DY: to.Y - from.Y}
				if err := mv.Apply(p); err != nil {
					t.Fatal(err)
				}
				if c.Zone != z.ID || c.Kind != z.DefaultKind() || c.Kind == canvas.KindNote {
					t.Errorf("in %s: zone %q, kind %s; want %s", z.ID, c.Zone, c.Kind, z.DefaultKind())
				}
			}
		})
	}
}

// A bad balance is refused naming the field at fault; a good one reads
// back as written.
func TestParseTemplateBalance(t *testing.T) {
	const ok = `{"id": "q", "name": "Q", "bounds": {"w": 100, "h": 100}, "balance": `
	for _, tc := range []struct{ name, json, want string }{
		{"no rect", ok + `{"towards": ["force-push"], "against": ["force-habit"]}}`, "q.json: balance.rect.w: must be positive, got 0"},
		{"no towards", ok + `{"rect": {"w": 10, "h": 10}, "against": ["force-habit"]}}`, "q.json: balance.towards: needs at least one kind"},
		{"no against", ok + `{"rect": {"w": 10, "h": 10}, "towards": ["force-push"], "against": []}}`, "q.json: balance.against: needs at least one kind"},
		{"unknown kind", ok + `{"rect": {"w": 10, "h": 10}, "towards": ["push"], "against": ["force-habit"]}}`, `q.json: balance.towards[0]: unknown kind "push"`},
		{"both sides", ok + `{"rect": {"w": 10, "h": 10}, "towards": ["force-push", "force-pull"], "against": ["force-habit", "force-pull"]}}`, `q.json: balance.against[1]: "force-pull" is also towards`},
		{"unknown member", ok + `{"rect": {"w": 10, "h": 10}, "towards": ["force-push"], "against": ["force-habit"], "colour": "red"}}`, `q.json: unknown member "colour"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := canvas.ParseTemplate("q.json", []byte(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	tp, err := canvas.ParseTemplate("q.json", []byte(ok+`{"rect": {"x": 1, "y": 2, "w": 10, "h": 20}, "towards": ["force-push"], "against": ["force-habit", "force-anxiety"], "towardsLabel": "Go", "againstLabel": "Stay"}}`))
	if err != nil {
		t.Fatal(err)
	}
	b := tp.Balance
	if b == nil || b.Rect != (canvas.Rect{X: 1, Y: 2, W: 10, H: 20}) || len(b.Towards) != 1 || len(b.Against) != 2 ||
		b.Against[1] != canvas.KindForceAnxiety || b.TowardsLabel != "Go" || b.AgainstLabel != "Stay" {
		t.Errorf("balance read as %+v", b)
	}
}

// BenchmarkBalance weighs a forces board of 1,000 cards, as the board does
// after each change of a force.
func BenchmarkBalance(b *testing.B) {
	p, err := canvas.NewProject("Forces", "forces-of-progress")
	if err != nil {
		b.Fatal(err)
	}
	bd := p.Boards[0]
	kinds := []canvas.Kind{canvas.KindForcePush, canvas.KindForcePull, canvas.KindForceAnxiety, canvas.KindForceHabit, canvas.KindNote}
	cards := make([]canvas.Card, 1000)
	for i := range cards {
		cards[i] = canvas.NewCard(kinds[i%len(kinds)], canvas.Point{X: float64(100 + i%20*100), Y: float64(200 + i/20*20)}, "f")
		if i%3 > 0 {
			n := i%5 + 1
			cards[i].ForceStrength = &n
		}
	}
	if err := (&canvas.AddCards{Board: bd.ID, Cards: cards}).Apply(p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		canvas.Balance(bd)
	}
}
