package canvas_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TestClipValidate: a clip from outside is checked like a board: ids,
// links between its own cards, each card's limits, with paths that say
// which.
func TestClipValidate(t *testing.T) {
	a := canvas.NewCard(canvas.KindJob, canvas.Point{X: 100, Y: 100}, "Commute")
	b := canvas.NewCard(canvas.KindPain, canvas.Point{X: 300, Y: 100}, "Rain")
	if err := (canvas.Clip{Cards: []canvas.Card{a, b}, Links: []canvas.Link{{From: a.ID, To: b.ID}}}).Validate(); err != nil {
		t.Fatalf("a valid clip: %v", err)
	}
	bad := b
	bad.Kind = "idea"
	for _, tt := range []struct {
		clip canvas.Clip
		want string
	}{
		{canvas.Clip{Cards: []canvas.Card{a, a}}, "cards[1].id: duplicate id"},
		{canvas.Clip{Cards: []canvas.Card{a, bad}}, `cards[1].kind: unknown kind "idea"`},
		{canvas.Clip{Cards: []canvas.Card{a}, Links: []canvas.Link{{From: a.ID, To: uuid.New()}}}, "links[0].to: no card"},
		{canvas.Clip{Cards: []canvas.Card{a, b}, Links: []canvas.Link{{From: a.ID, To: b.ID}, {From: b.ID, To: a.ID}}}, "links[1]: duplicate link"},
	} {
		if err := tt.clip.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
}
