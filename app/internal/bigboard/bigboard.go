// Package bigboard makes a large free board for measuring the app: a grid
// of cards with workshop-like texts of 3 to 12 words, some of them
// scored, ranked, voted on, quoted or linked. The same n always gives the
// same board (apart from the ids), so measurements can be compared.
package bigboard

import (
	"math/rand/v2"
	"strings"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Grid spacing in board units: a default card (220×140) with a gap.
const (
	Cols    = 50
	StepX   = 240
	StepY   = 160
	originX = 120
	originY = 80
)

var (
	verbs = []string{"minimize", "increase", "avoid", "find", "get", "keep", "know", "reduce",
		"share", "plan", "compare", "check", "book", "explain", "prepare", "track"}
	objects = []string{"the time it takes", "the likelihood", "the cost", "the number of steps",
		"the team", "a supplier", "the invoice", "the schedule", "the weekly report",
		"my manager", "the budget", "a new customer", "the delivery", "the meeting notes",
		"the right tool", "the contract"}
	tails = []string{"to get the job done", "before the deadline", "without asking twice",
		"when plans change", "on the first try", "from my phone", "at the end of the month",
		"for the whole team", "without losing data", "while travelling", "in one place",
		"so nobody waits"}
	quotes = []string{"We always lose a day on this", "I just want it to work", "Nobody reads the report"}
)

// text is a card text of 3 to 12 words.
func text(r *rand.Rand) string {
	s := verbs[r.IntN(len(verbs))] + " " + objects[r.IntN(len(objects))]
	if r.IntN(3) > 0 {
		s += " " + tails[r.IntN(len(tails))]
	}
	w := strings.Fields(s)
	n := 3 + r.IntN(10)
	for len(w) < n {
		w = append(w, strings.Fields(tails[r.IntN(len(tails))])...)
	}
	w = w[:n]
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

// Project is a project with one free board of n cards, Cols to a row.
func Project(n int) (*canvas.Project, error) {
	p, err := canvas.NewProject("Big board", canvas.TemplateFree)
	if err != nil {
		return nil, err
	}
	bd := p.Boards[0]
	r := rand.New(rand.NewPCG(13, 2000))
	e := &canvas.AddCards{Board: bd.ID}
	for i := range n {
		at := canvas.Point{X: float64(i%Cols)*StepX + originX, Y: float64(i/Cols)*StepY + originY}
		kind := canvas.KindNote
		switch r.IntN(10) {
		case 1, 2:
			kind = canvas.KindJob
		case 3:
			kind = canvas.KindPain
		case 4:
			kind = canvas.KindGain
		case 5, 6:
			kind = canvas.KindOutcome
		}
		c := canvas.NewCard(kind, at, text(r))
		switch kind {
		case canvas.KindJob:
			if r.IntN(2) == 0 {
				v := float64(r.IntN(11))
				c.Importance = &v
			}
		case canvas.KindPain:
			v := 1 + r.IntN(5)
			c.Severity = &v
		case canvas.KindGain:
			v := 1 + r.IntN(5)
			c.Relevance = &v
		case canvas.KindOutcome:
			if r.IntN(3) > 0 {
				imp, sat := float64(r.IntN(101))/10, float64(r.IntN(101))/10
				c.Importance, c.Satisfaction = &imp, &sat
			}
		}
		if i%9 == 0 {
			c.Votes = r.IntN(6)
		}
		if i%23 == 0 {
			c.Quote = quotes[r.IntN(len(quotes))]
		}
		e.Cards = append(e.Cards, c)
		if i%6 == 0 && i > 0 {
			e.Links = append(e.Links, canvas.Link{From: e.Cards[i-1].ID, To: c.ID})
		}
	}
	if err := e.Apply(p); err != nil {
		return nil, err
	}
	return p, nil
}
