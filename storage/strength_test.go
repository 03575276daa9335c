package storage

import (
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// A force's strength is written as "strength", valid by the schema, and
// read back; one out of 1–5 is refused with where it is.
func TestForceStrengthRoundTrip(t *testing.T) {
	p, err := canvas.NewProject("Forces", "forces-of-progress")
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	push := canvas.NewCard(canvas.KindForcePush, canvas.Point{X: 400, Y: 450}, "The bus was late")
	n := 4
	push.ForceStrength = &n
	habit := canvas.NewCard(canvas.KindForceHabit, canvas.Point{X: 400, Y: 900}, "Bus pass paid")
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{push, habit}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), `"strength": 4`) != 1 || strings.Count(string(data), `"strength"`) != 1 {
		t.Errorf("the file does not hold the one strength once:\n%s", data)
	}
	if err := schemaValidate(compileSchema(t), data); err != nil {
		t.Errorf("the schema refuses a strength: %v", err)
	}
	q, err := Decode(data, "forces.jobcanvas")
	if err != nil {
		t.Fatal(err)
	}
	got := q.Boards[0]
	if c := got.Card(push.ID); c.ForceStrength == nil || *c.ForceStrength != 4 {
		t.Errorf("read back strength %v, want 4", c.ForceStrength)
	}
	if c := got.Card(habit.ID); c.ForceStrength != nil {
		t.Errorf("an unscored force reads back with strength %d", *c.ForceStrength)
	}
	if tw, ag, _ := canvas.Balance(got); tw != 4 || ag != 1 {
		t.Errorf("balance read back %d, %d; want 4, 1", tw, ag)
	}

	bad := strings.Replace(string(data), `"strength": 4`, `"strength": 6`, 1)
	if _, err := Decode([]byte(bad), "forces.jobcanvas"); err == nil || !strings.Contains(err.Error(), "strength") {
		t.Errorf("a strength of 6: error %v, want one naming strength", err)
	}
	if err := schemaValidate(compileSchema(t), []byte(bad)); err == nil {
		t.Error("the schema accepts a strength of 6")
	}
}
