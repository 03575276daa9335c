package app

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// fitListed is how many unaddressed pains, gains and idle value-map cards
// the fit panel lists: the few a workshop acts on next, not an inventory.
const fitListed = 5

// linksOf lists the links of bd that touch any of the cards, in the
// board's order.
func linksOf(bd *canvas.Board, cards []*canvas.Card) []canvas.Link {
	set := make(map[uuid.UUID]bool, len(cards))
	for _, c := range cards {
		set[c.ID] = true
	}
	var out []canvas.Link
	for _, l := range bd.Links {
		if set[l.From] || set[l.To] {
			out = append(out, l)
		}
	}
	return out
}

// linkRow is one fit link of the selected cards: the card at its other
// end, how strongly it addresses it, and a button to remove it.
type linkRow struct {
	in       *inspector
	from, to uuid.UUID
	other    *widget.Label
	strength *widget.Select
	remove   *widget.Button
	box      fyne.CanvasObject
}

var strengthLabels = func() []string {
	var out []string
	for _, s := range canvas.Strengths {
		out = append(out, s.Label())
	}
	return out
}()

func (in *inspector) newLinkRow(bd *canvas.Board, ids []uuid.UUID, l canvas.Link) *linkRow {
	r := &linkRow{in: in, from: l.From, to: l.To}
	r.other = widget.NewLabel("")
	r.other.Wrapping = fyne.TextWrapWord
	to := in.target(bd, ids)
	r.strength = widget.NewSelect(strengthLabels, func(s string) {
		if i := slices.Index(strengthLabels, s); i >= 0 && !in.updating {
			to.do(&canvas.SetLinkStrength{Board: to.board, From: r.from, To: r.to, Strength: canvas.Strengths[i]})
		}
	})
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		to.do(&canvas.RemoveLink{Board: to.board, Link: canvas.Link{From: r.from, To: r.to}})
	})
	r.box = container.NewVBox(r.other, container.NewBorder(nil, nil, nil, r.remove, r.strength))
	return r
}

// set shows the link as the board has it: with one card selected the
// other end, with several both ends.
func (r *linkRow) set(bd *canvas.Board) {
	i := bd.LinkIndex(r.from, r.to)
	if i < 0 {
		return // gone: the refresh this change brings rebuilds the rows
	}
	l := bd.Links[i]
	from, to := bd.Card(l.From), bd.Card(l.To)
	if from == nil || to == nil {
		return
	}
	var text string
	if r.in.card != nil && len(r.in.card.ids) == 1 {
		other := to
		if r.in.card.ids[0] == to.ID {
			other = from
		}
		text = fmt.Sprintf("%s: %s", other.Kind.Label(), oneLine(other.Text))
	} else {
		// A dash, not an arrow: the app's fonts draw "→ " badly mid-line.
		text = fmt.Sprintf("%s — %s", oneLine(from.Text), oneLine(to.Text))
	}
	setLabel(r.other, text)
	setSelected(r.strength, l.Strength.Label())
}

// oneLine is a card's text on one line, cut to what the panel shows
// whole.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}

// fitView is the fit panel: how much of the customer profile the value map
// addresses, and what it leaves.
type fitView struct {
	in    *inspector
	box   *fyne.Container
	kinds uint64 // kindsHash of the board's cards
}

// fitShape sums up what the fit panel shows of bd, to rebuild the panel
// only when that changes (not at every step of a drag).
func fitShape(bd *canvas.Board) string {
	f := canvas.ComputeFit(bd)
	var sb strings.Builder
	fmt.Fprintf(&sb, " fit %v %v %.4f %.4f", f.HasPains, f.HasGains, f.PainCoverage, f.GainCoverage)
	for _, list := range [][]uuid.UUID{f.UnaddressedPains, f.UnaddressedGains, f.Idle} {
		sb.WriteString(" |")
		for _, id := range list[:min(len(list), fitListed)] {
			c := bd.Card(id)
			fmt.Fprintf(&sb, " %s %q", id, c.Text)
		}
		fmt.Fprintf(&sb, " %d", len(list))
	}
	return sb.String()
}

func (in *inspector) newFitView(bd *canvas.Board) *fitView {
	f := canvas.ComputeFit(bd)
	v := &fitView{in: in, kinds: kindsHash(bd.Cards)}
	objs := []fyne.CanvasObject{heading("Fit")}
	coverage := func(what string, has bool, share float64, none string) {
		objs = append(objs, fieldLabel(what))
		if !has {
			objs = append(objs, hintLabel(none))
			return
		}
		bar := widget.NewProgressBar()
		bar.SetValue(share)
		bar.TextFormatter = func() string { return fmt.Sprintf("%d %%", int(math.Round(share*100))) }
		objs = append(objs, bar)
	}
	coverage("Pains relieved, weighted by severity", f.HasPains, f.PainCoverage, "No pains on the board yet.")
	coverage("Gains created, weighted by relevance", f.HasGains, f.GainCoverage, "No gains on the board yet.")
	objs = append(objs, hintLabel("A strong link counts whole, a partial one half, a weak one a quarter."))

	list := func(title string, ids []uuid.UUID, describe func(*canvas.Card) string) {
		if len(ids) == 0 {
			return
		}
		title = fmt.Sprintf("%s (%d)", title, len(ids))
		objs = append(objs, widget.NewSeparator(), fieldLabel(title))
		for _, id := range ids[:min(len(ids), fitListed)] {
			c := bd.Card(id)
			if c == nil {
				continue
			}
			b := widget.NewButton(describe(c), func() { in.reveal(id) })
			b.Alignment = widget.ButtonAlignLeading
			objs = append(objs, wrapButton(b))
		}
		if len(ids) > fitListed {
			objs = append(objs, hintLabel(fmt.Sprintf("and %d more", len(ids)-fitListed)))
		}
	}
	list("Pains nothing relieves", f.UnaddressedPains, func(c *canvas.Card) string {
		return rankPrefix(c.Severity) + oneLine(c.Text)
	})
	list("Gains nothing creates", f.UnaddressedGains, func(c *canvas.Card) string {
		return rankPrefix(c.Relevance) + oneLine(c.Text)
	})
	list("Value map cards that address nothing", f.Idle, func(c *canvas.Card) string {
		return oneLine(c.Text)
	})
	if len(f.UnaddressedPains)+len(f.UnaddressedGains)+len(f.Idle) == 0 && (f.HasPains || f.HasGains) {
		objs = append(objs, hintLabel("Every pain and gain is addressed, and every value map card addresses one."))
	}
	objs = append(objs, widget.NewSeparator(), in.scaleRow())
	v.box = container.NewVBox(objs...)
	return v
}

// update has nothing to set: the panel is rebuilt when what it shows
// changes (fitShape).
func (v *fitView) update() {}

// rankPrefix shows a severity or relevance before a card's text.
func rankPrefix(r *int) string {
	if r == nil {
		return "– "
	}
	return fmt.Sprintf("%d · ", *r)
}

// reveal selects the card on the board and shows it.
func (in *inspector) reveal(id uuid.UUID) {
	if in.board != nil {
		in.board.Reveal(id)
	}
}

// wrapButton lets a button's text wrap over several lines: a card's text
// is longer than the panel is wide.
func wrapButton(b *widget.Button) fyne.CanvasObject {
	l := widget.NewLabel(b.Text)
	l.Wrapping = fyne.TextWrapWord
	b.SetText("")
	return container.NewStack(b, l)
}
