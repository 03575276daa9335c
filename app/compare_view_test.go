package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestDiffLines(t *testing.T) {
	doc, bd := bigDocument(t, 40)
	old := doc.Project.Clone()
	p := doc.Project
	b := p.Board(bd.ID)
	b.Title = "Renamed"
	for i := range 30 { // more than maxDiffLines
		b.Cards = append(b.Cards, &canvas.Card{ID: [16]byte{byte(i + 1)}, Kind: canvas.KindPain, Text: fmt.Sprintf("New %d\nsecond line", i), W: 10, H: 10})
	}
	b.Cards[0].Text = strings.Repeat("long ", 20)
	b.Cards[0].Votes = 2
	b.Cards = slices.Delete(b.Cards, 1, 2)
	b.Links = b.Links[1:]

	summary, boards := diffLines(canvas.Compare(old, p), "mine", "theirs")
	if summary != "30 cards only in mine, 1 card only in theirs, 1 card different." {
		t.Errorf("summary %q", summary)
	}
	if len(boards) != 1 {
		t.Fatalf("%d boards", len(boards))
	}
	lines := boards[0]
	want := []string{
		`Renamed (was "Free board")`,
		`+ "New 0" (pain)`,
	}
	if !slices.Equal(lines[:2], want) {
		t.Errorf("first lines %q, want %q", lines[:2], want)
	}
	for _, w := range []string{
		"  … and 5 more",
		`− "Card 1: minimize the time it takes to get the job done" (note)`,
		`~ "long long long long long long long long long long long long long long…" (note) — text, votes`,
		"  links: 0 only in mine, 1 only in theirs",
	} {
		if !slices.Contains(lines, w) {
			t.Errorf("no line %q in\n%s", w, strings.Join(lines, "\n"))
		}
	}
	if s, b := diffLines(canvas.Compare(p, p), "a", "b"); b != nil || !strings.HasPrefix(s, "No differences") {
		t.Errorf("same project: %q, %v", s, b)
	}
}
