package app

// TEMPORARY until branch model has canvas.ComputeFit and canvas.Hints.

import (
	"sort"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

type fitResult struct {
	PainCoverage, GainCoverage         float64
	HasPains, HasGains                 bool
	UnaddressedPains, UnaddressedGains []uuid.UUID
	Idle                               []uuid.UUID
}

type hint struct{ Problem, Suggestion string }

func hintsOf(c *canvas.Card) []hint {
	if c.Kind == canvas.KindOutcome && len(c.Text) > 0 && c.Text[0] != 'M' {
		return []hint{{"An outcome starts with a direction", "Minimize the time it takes to …"}}
	}
	return nil
}

func computeFit(b *canvas.Board) fitResult {
	var f fitResult
	cover := map[uuid.UUID]float64{}
	linked := map[uuid.UUID]bool{}
	for _, l := range b.Links {
		cover[l.To] = min(1, cover[l.To]+l.Strength.Weight())
		linked[l.From] = true
	}
	var pw, pc, gw, gc float64
	for _, c := range b.Cards {
		switch c.Kind {
		case canvas.KindPain:
			f.HasPains = true
			w := 1.0
			if c.Severity != nil {
				w = float64(*c.Severity)
			}
			pw += w
			pc += w * cover[c.ID]
			if cover[c.ID] == 0 {
				f.UnaddressedPains = append(f.UnaddressedPains, c.ID)
			}
		case canvas.KindGain:
			f.HasGains = true
			w := 1.0
			if c.Relevance != nil {
				w = float64(*c.Relevance)
			}
			gw += w
			gc += w * cover[c.ID]
			if cover[c.ID] == 0 {
				f.UnaddressedGains = append(f.UnaddressedGains, c.ID)
			}
		case canvas.KindPainReliever, canvas.KindGainCreator, canvas.KindProduct:
			if !linked[c.ID] {
				f.Idle = append(f.Idle, c.ID)
			}
		}
	}
	if pw > 0 {
		f.PainCoverage = pc / pw
	}
	if gw > 0 {
		f.GainCoverage = gc / gw
	}
	rank := func(ids []uuid.UUID, r func(*canvas.Card) *int) {
		sort.SliceStable(ids, func(i, j int) bool {
			a, b := r(b.Card(ids[i])), r(b.Card(ids[j]))
			return a != nil && (b == nil || *a > *b)
		})
	}
	rank(f.UnaddressedPains, func(c *canvas.Card) *int { return c.Severity })
	rank(f.UnaddressedGains, func(c *canvas.Card) *int { return c.Relevance })
	return f
}
