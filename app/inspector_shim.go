package app

// TEMPORARY until branch model has canvas.Hints.

import "github.com/jobcanvas/jobcanvas/canvas"

type hint struct{ Problem, Suggestion string }

func hintsOf(c *canvas.Card) []hint {
	if c.Kind == canvas.KindOutcome && len(c.Text) > 0 && c.Text[0] != 'M' {
		return []hint{{"An outcome starts with a direction", "Minimize the time it takes to …"}}
	}
	return nil
}
