package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// cardView is the inspector's controls for the selected cards. Each
// control edits all of them; one whose cards disagree shows "several
// values" until it is set.
type cardView struct {
	in  *inspector
	to  target
	ids []uuid.UUID
	box *fyne.Container

	title                     *widget.Label
	text, tags, quote, source *textRow
	kind, colour              *widget.Select
	swatch                    *fcanvas.Rectangle
	jobTypes                  []*widget.Check // in the order of canvas.JobTypes
	severity, relevance       *rankRow
	strength                  *rankRow // forces of progress
	importance, satisfaction  *textRow
	opportunity               *widget.Label
	hints                     *fyne.Container
	links                     []*linkRow

	kinds     []canvas.Kind // the kind choices, in the order kind shows them
	cardKinds uint64        // kindsHash of the cards when last updated
	colours   []board.ColorChoice
}

// maxLinkRows is the most links the panel lists: a few cards' worth. A
// whole board selected would make a list nobody reads, and cost a
// rebuild of hundreds of rows whenever the selection changes.
const maxLinkRows = 12

// applies reports whether field f belongs to every card of the view.
func applies(kinds []canvas.Kind, f canvas.Field) bool {
	for _, k := range kinds {
		if !k.Applies(f) {
			return false
		}
	}
	return len(kinds) > 0
}

func (in *inspector) newCardView(bd *canvas.Board, cards []*canvas.Card) *cardView {
	ids := idsOf(cards)
	to := in.target(bd, ids)
	v := &cardView{in: in, to: to, ids: ids, title: heading("")}
	var kinds []canvas.Kind
	var oneOfEach []uuid.UUID // a card of each kind: all the kind menu needs
	for _, c := range cards {
		if !slices.Contains(kinds, c.Kind) {
			kinds = append(kinds, c.Kind)
			oneOfEach = append(oneOfEach, c.ID)
		}
	}
	objs := []fyne.CanvasObject{v.title}

	v.text = in.newTextRow(to, "Edit text", true, "The card's statement",
		func(c *canvas.Card) string { return c.Text },
		func(s string) (func(*canvas.Card), error) {
			if strings.TrimSpace(s) == "" {
				return nil, fmt.Errorf("a card needs some text (Delete removes it)")
			}
			s = strings.TrimSpace(s)
			return func(c *canvas.Card) { c.Text = s }, nil
		})
	objs = append(objs, fieldLabel("Text"), v.text.box)
	if len(ids) == 1 {
		v.hints = container.NewVBox()
		objs = append(objs, v.hints)
	}

	// The fields of the kind, where the method ranks and scores cards.
	if applies(kinds, canvas.FieldJobTypes) {
		types := container.NewGridWithColumns(2)
		for _, t := range canvas.JobTypes {
			ch := widget.NewCheck(t.Label(), nil)
			ch.OnChanged = func(on bool) { v.setJobType(t, on) }
			v.jobTypes = append(v.jobTypes, ch)
			types.Add(ch)
		}
		objs = append(objs, fieldLabel("Job type"), types)
	}
	if applies(kinds, canvas.FieldSeverity) {
		v.severity = in.newRankRow(to, "Set severity", "1 mild … 5 extreme",
			func(c *canvas.Card) *int { return c.Severity },
			func(c *canvas.Card, r *int) { c.Severity = r })
		objs = append(objs, fieldLabel("Severity"), v.severity.box)
	}
	if applies(kinds, canvas.FieldRelevance) {
		v.relevance = in.newRankRow(to, "Set relevance", "1 nice to have … 5 essential",
			func(c *canvas.Card) *int { return c.Relevance },
			func(c *canvas.Card, r *int) { c.Relevance = r })
		objs = append(objs, fieldLabel("Relevance"), v.relevance.box)
	}
	if applies(kinds, canvas.FieldStrength) {
		v.strength = in.newRankRow(to, "Set strength", "1 faint … 5 decisive",
			func(c *canvas.Card) *int { return c.ForceStrength },
			func(c *canvas.Card, r *int) { c.ForceStrength = r })
		objs = append(objs, fieldLabel("Strength 1–5"), v.strength.box)
	}
	if applies(kinds, canvas.FieldImportance) {
		v.importance = in.newScoreRow(to, "Set importance",
			func(c *canvas.Card) **float64 { return &c.Importance })
	}
	if applies(kinds, canvas.FieldSatisfaction) {
		v.satisfaction = in.newScoreRow(to, "Set satisfaction",
			func(c *canvas.Card) **float64 { return &c.Satisfaction })
		v.opportunity = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v.opportunity.Wrapping = fyne.TextWrapWord
		// The opportunity follows what is typed, before it is committed.
		v.importance.onTyped = v.showOpportunity
		v.satisfaction.onTyped = v.showOpportunity
		// Side by side, as the landscape's axes pair them.
		objs = append(objs, container.NewGridWithColumns(2,
			container.NewVBox(fieldLabel("Importance"), v.importance.box),
			container.NewVBox(fieldLabel("Satisfaction"), v.satisfaction.box)),
			hintLabel("0–10; empty is not scored"), v.opportunity)
	} else if v.importance != nil {
		objs = append(objs, fieldLabel("Importance (0–10)"), v.importance.box)
	}
	if v.importance != nil {
		objs = append(objs, in.scaleRow())
	}

	// How the card looks, and what it stands for.
	v.kinds = in.board.MenuKinds(oneOfEach)
	var kindNames []string
	for _, k := range v.kinds {
		kindNames = append(kindNames, k.Label())
	}
	v.kind = widget.NewSelect(kindNames, func(s string) {
		if i := slices.Index(kindNames, s); i >= 0 && !in.updating {
			k := v.kinds[i]
			to.change("Set kind", func(c *canvas.Card) { c.Kind = k })
		}
	})
	v.kind.PlaceHolder = several
	v.colours = in.board.ColorChoices(oneOfEach)
	v.colour = widget.NewSelect(nil, func(s string) {
		if in.updating {
			return
		}
		hex := s // a colour of the file's own, shown by its code
		for _, c := range v.colours {
			if c.Name == s {
				hex = c.Hex
			}
		}
		to.change("Set colour", func(c *canvas.Card) { c.Color = hex })
	})
	v.colour.PlaceHolder = several
	v.swatch = fcanvas.NewRectangle(color.Transparent)
	v.swatch.StrokeWidth = 1
	v.swatch.CornerRadius = 4
	swatch := container.NewGridWrap(fyne.NewSquareSize(theme.IconInlineSize()+2*theme.InnerPadding()), v.swatch)
	looks := []fyne.CanvasObject{
		fieldLabel("Kind"), v.kind,
		fieldLabel("Colour"), container.NewBorder(nil, nil, swatch, nil, v.colour)}

	v.tags = in.newTextRow(to, "Set tags", false, "tags, separated by commas",
		func(c *canvas.Card) string { return strings.Join(c.Tags, ", ") },
		func(s string) (func(*canvas.Card), error) {
			tags := splitTags(s)
			return func(c *canvas.Card) { c.Tags = tags }, nil
		})
	v.quote = in.newTextRow(to, "Edit quote", true, "What the customer said, word for word",
		func(c *canvas.Card) string { return c.Quote },
		func(s string) (func(*canvas.Card), error) {
			return func(c *canvas.Card) { c.Quote = strings.TrimSpace(s) }, nil
		})
	v.source = in.newTextRow(to, "Edit source", false, "Who said it, and when",
		func(c *canvas.Card) string { return c.Source },
		func(s string) (func(*canvas.Card), error) {
			return func(c *canvas.Card) { c.Source = strings.TrimSpace(s) }, nil
		})
	// Links come right after the scores: with them they make the fit.
	if ls := linksOf(bd, cards); len(ls) > maxLinkRows {
		objs = append(objs, widget.NewSeparator(), fieldLabel(fmt.Sprintf("%d fit links", len(ls))),
			hintLabel("Select fewer cards to edit their links here."))
	} else if len(ls) > 0 {
		objs = append(objs, widget.NewSeparator(), fieldLabel(canvas.Plural(len(ls), "Fit link", "Fit links")))
		for _, l := range ls {
			r := in.newLinkRow(bd, ids, l)
			v.links = append(v.links, r)
			objs = append(objs, r.box)
		}
	}
	objs = append(objs, widget.NewSeparator(),
		fieldLabel("Quote"), v.quote.box,
		fieldLabel("Source"), v.source.box,
		fieldLabel("Tags"), v.tags.box)
	objs = append(objs, looks...)

	v.box = container.NewVBox(objs...)
	return v
}

// rows are the view's text fields (nil where the kind has none).
func (v *cardView) rows() []*textRow {
	return []*textRow{v.text, v.tags, v.quote, v.source, v.importance, v.satisfaction}
}

// update sets the controls from the cards, in the view's order.
func (v *cardView) update(bd *canvas.Board, cards []*canvas.Card) {
	v.cardKinds = kindsHash(cards)
	if len(cards) == 1 {
		setLabel(v.title, cards[0].Kind.Label())
	} else {
		setLabel(v.title, fmt.Sprintf("%d cards", len(cards)))
	}
	v.text.set(cards)
	v.tags.set(cards)
	v.quote.set(cards)
	v.source.set(cards)

	kind, same := agree(cards, func(c *canvas.Card) canvas.Kind { return c.Kind })
	if same {
		setSelected(v.kind, kind.Label())
	} else {
		setSelected(v.kind, "")
	}

	hex, same := agree(cards, func(c *canvas.Card) string { return c.Color })
	var names []string
	name := ""
	for _, c := range v.colours {
		names = append(names, c.Name)
		if same && c.Hex == hex {
			name = c.Name
		}
	}
	if same && name == "" {
		name = hex
		names = append(names, hex)
	}
	if !slices.Equal(names, v.colour.Options) {
		v.colour.Options = names
	}
	setSelected(v.colour, name)
	var fill color.Color = color.Transparent
	if shown, same := agree(cards, (*canvas.Card).DisplayColor); same {
		fill = render.ParseHex(shown)
	}
	if stroke := theme.Color(theme.ColorNameForeground); fill != v.swatch.FillColor || stroke != v.swatch.StrokeColor {
		v.swatch.FillColor, v.swatch.StrokeColor = fill, stroke
		v.swatch.Refresh()
	}

	for i, t := range canvas.JobTypes {
		if i >= len(v.jobTypes) {
			break
		}
		n := 0
		for _, c := range cards {
			if c.HasJobType(t) {
				n++
			}
		}
		ch := v.jobTypes[i]
		checked, partial := n == len(cards), n > 0 && n < len(cards)
		if ch.Checked != checked || ch.Partial != partial {
			ch.Checked, ch.Partial = checked, partial
			ch.Refresh()
		}
	}
	for _, r := range []*rankRow{v.severity, v.relevance, v.strength} {
		if r != nil {
			r.set(cards)
		}
	}
	for _, r := range []*textRow{v.importance, v.satisfaction} {
		if r != nil {
			r.set(cards)
		}
	}
	if v.opportunity != nil {
		v.showOpportunity()
	}
	if v.hints != nil {
		v.showHints(cards[0])
	}
	for _, r := range v.links {
		r.set(bd)
	}
}

// setJobType adds or removes type t on the selected jobs.
func (v *cardView) setJobType(t canvas.JobType, on bool) {
	if v.in.updating {
		return
	}
	v.to.change("Set job type", func(c *canvas.Card) {
		var types []canvas.JobType
		for _, u := range canvas.JobTypes { // the order menus show them
			if (u == t && on) || (u != t && c.HasJobType(u)) {
				types = append(types, u)
			}
		}
		c.JobTypes = types
	})
}

// showOpportunity shows the outcome's opportunity score and class from the
// scores as typed, or as the model has them where nothing is typed.
func (v *cardView) showOpportunity() {
	bd, _ := v.in.selection()
	if bd == nil {
		return
	}
	imp, impOK := v.importance.typed()
	sat, satOK := v.satisfaction.typed()
	seen := map[string]bool{}
	text := ""
	for _, c := range cardsOf(bd, v.ids) {
		i, s := c.Importance, c.Satisfaction
		if impOK {
			i = imp
		}
		if satOK {
			s = sat
		}
		text = "Opportunity: score importance and satisfaction"
		if i != nil && s != nil {
			text = fmt.Sprintf("Opportunity %s — %s",
				strconv.FormatFloat(canvas.Opportunity(*i, *s), 'f', 1, 64),
				canvas.Classify(*i, *s).Label())
		}
		seen[text] = true
	}
	if len(seen) > 1 {
		text = "Opportunity: " + several
	}
	setLabel(v.opportunity, text)
}

// showHints lists what the card's statement misses, with the shape to aim
// for.
func (v *cardView) showHints(c *canvas.Card) {
	hs := canvas.Hints(c)
	var objs []fyne.CanvasObject
	for _, h := range hs {
		problem := widget.NewLabelWithStyle(h.Problem, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		problem.Wrapping = fyne.TextWrapWord
		problem.Importance = widget.WarningImportance
		objs = append(objs, problem)
		if h.Suggestion != "" {
			objs = append(objs, hintLabel(h.Suggestion))
		}
	}
	if len(objs) == len(v.hints.Objects) && sameHints(v.hints.Objects, hs) {
		return
	}
	v.hints.Objects = objs
	v.hints.Refresh()
}

func sameHints(objs []fyne.CanvasObject, hs []canvas.Hint) bool {
	var want []string
	for _, h := range hs {
		want = append(want, h.Problem)
		if h.Suggestion != "" {
			want = append(want, h.Suggestion)
		}
	}
	if len(want) != len(objs) {
		return false
	}
	for i, o := range objs {
		if l, ok := o.(*widget.Label); !ok || l.Text != want[i] {
			return false
		}
	}
	return true
}

// agree is what every card says of f, and whether they all say the same.
func agree[T comparable](cards []*canvas.Card, f func(*canvas.Card) T) (T, bool) {
	var zero T
	if len(cards) == 0 {
		return zero, false
	}
	v := f(cards[0])
	for _, c := range cards[1:] {
		if f(c) != v {
			return zero, false
		}
	}
	return v, true
}

// splitTags reads "a, b,,c " as [a b c], without repeats.
func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// textRow is a text field of the inspector: it commits on Enter or when
// it loses the focus, one undo step a change (not a letter), and Escape
// takes back what was typed.
type textRow struct {
	in      *inspector
	to      target
	label   string // the undo step's name
	entry   *board.TextEntry
	problem *widget.Label // why the text was refused; hidden otherwise
	box     *fyne.Container
	hint    string // the placeholder when the cards agree

	shown string // the text the model gave; typing differs from it
	sent  bool   // an edit was sent from the field since the model's text
	get   func(*canvas.Card) string
	parse func(string) (func(*canvas.Card), error)

	onTyped func() // after each keystroke (the live opportunity)
}

func (in *inspector) newTextRow(to target, label string, multiLine bool, hint string,
	get func(*canvas.Card) string, parse func(string) (func(*canvas.Card), error)) *textRow {
	r := &textRow{in: in, to: to, label: label, hint: hint, get: get, parse: parse}
	r.entry = board.NewTextEntry(multiLine, r.commit, r.cancel)
	r.entry.PlaceHolder = hint
	if multiLine {
		r.entry.SetMinRowsVisible(3)
	}
	r.entry.OnChanged = func(string) {
		if in.updating {
			return
		}
		if !slices.Contains(in.pending, r) {
			in.pending = append(in.pending, r)
		}
		if r.onTyped != nil {
			r.onTyped()
		}
	}
	r.problem = widget.NewLabel("")
	r.problem.Wrapping = fyne.TextWrapWord
	r.problem.Importance = widget.DangerImportance
	r.problem.Hide()
	r.box = container.NewVBox(r.entry, r.problem)
	return r
}

// newScoreRow is a 0–10 score field; empty is "not scored".
func (in *inspector) newScoreRow(to target, label string, field func(*canvas.Card) **float64) *textRow {
	return in.newTextRow(to, label, false, "not scored",
		func(c *canvas.Card) string {
			if p := *field(c); p != nil {
				return formatScore(*p)
			}
			return ""
		},
		func(s string) (func(*canvas.Card), error) {
			v, err := parseScore(s)
			if err != nil {
				return nil, err
			}
			return func(c *canvas.Card) { *field(c) = v }, nil
		})
}

// set shows the cards' value, unless the user is typing another.
func (r *textRow) set(cards []*canvas.Card) {
	if r.entry.Text != r.shown {
		return // typing: the text stays until it is committed or cancelled
	}
	v, same := agree(cards, r.get)
	placeholder := r.hint
	if !same {
		placeholder = several
	}
	if r.entry.PlaceHolder != placeholder {
		r.entry.SetPlaceHolder(placeholder)
	}
	r.shown = v
	if r.entry.Text != v || r.sent {
		// Also when the text is the same: SetText forgets the typing's
		// undo steps, so the next undo goes to the edit just sent.
		r.entry.SetText(v)
		r.sent = false
	}
}

// typed is the score typed in the field and whether it was typed; ok is
// false while the field shows the model's value or something unreadable.
func (r *textRow) typed() (*float64, bool) {
	if r == nil || r.entry.Text == r.shown {
		return nil, false
	}
	v, err := parseScore(r.entry.Text)
	return v, err == nil
}

// commit sends what was typed, when it differs from the model.
func (r *textRow) commit() {
	in := r.in
	in.pending = slices.DeleteFunc(in.pending, func(p *textRow) bool { return p == r })
	text := r.entry.Text
	if text == r.shown {
		r.problem.Hide()
		return
	}
	fn, err := r.parse(text)
	if err != nil {
		r.problem.SetText(err.Error())
		r.problem.Show()
		return
	}
	r.problem.Hide()
	r.shown = text // the model's value replaces it when the change comes back
	r.sent = true
	r.to.change(r.label, fn)
}

// cancel takes back what was typed (Escape).
// With nothing typed, Escape hands the keys back to the board, as it
// leaves the board's own editor.
func (r *textRow) cancel() {
	if r.entry.Text == r.shown && !r.problem.Visible() {
		if b := r.in.board; b != nil {
			if c := fyne.CurrentApp().Driver().CanvasForObject(r.entry); c != nil {
				c.Focus(b)
			}
		}
		return
	}
	r.in.pending = slices.DeleteFunc(r.in.pending, func(p *textRow) bool { return p == r })
	r.problem.Hide()
	r.in.updating = true
	r.entry.SetText(r.shown)
	r.in.updating = false
	if r.onTyped != nil {
		r.onTyped()
	}
}

// rankRow is a 1–5 rank (a pain's severity, a gain's relevance): a choice
// that commits at once, and Clear for "not ranked".
type rankRow struct {
	in     *inspector
	radio  *widget.RadioGroup
	clear  *widget.Button
	status *widget.Label
	legend string
	get    func(*canvas.Card) *int
	box    *fyne.Container
}

var rankChoices = []string{"1", "2", "3", "4", "5"}

func (in *inspector) newRankRow(to target, label, legend string,
	get func(*canvas.Card) *int, set func(*canvas.Card, *int)) *rankRow {
	r := &rankRow{in: in, legend: legend, get: get}
	send := func(v *int) {
		to.change(label, func(c *canvas.Card) {
			if v == nil {
				set(c, nil)
				return
			}
			n := *v
			set(c, &n)
		})
	}
	r.radio = widget.NewRadioGroup(rankChoices, func(s string) {
		if in.updating {
			return
		}
		if s == "" { // the chosen rank tapped again
			send(nil)
			return
		}
		n, _ := strconv.Atoi(s)
		send(&n)
	})
	r.radio.Horizontal = true
	r.clear = widget.NewButton("Clear", func() { send(nil) })
	r.status = hintLabel(legend)
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, r.clear, r.radio), r.status)
	return r
}

func (r *rankRow) set(cards []*canvas.Card) {
	v, same := agree(cards, func(c *canvas.Card) int {
		if p := r.get(c); p != nil {
			return *p
		}
		return 0
	})
	sel, status, ranked := "", r.legend+" · not ranked", same && v > 0
	switch {
	case !same:
		status = r.legend + " · " + several
	case ranked:
		sel, status = strconv.Itoa(v), r.legend
	}
	if r.radio.Selected != sel {
		r.radio.SetSelected(sel)
	}
	setLabel(r.status, status)
	anyRanked := !same || ranked
	if anyRanked == r.clear.Disabled() {
		if anyRanked {
			r.clear.Enable()
		} else {
			r.clear.Disable()
		}
	}
}

// scaleRow says which scale the project's scores use, and switches it.
// The choice reads short enough for the panel; the scale's full label
// says it in words below.
func (in *inspector) scaleRow() fyne.CanvasObject {
	labels := make([]string, len(canvas.ScoreScales))
	for i, s := range canvas.ScoreScales {
		labels[i] = scaleName(s)
	}
	sel := widget.NewSelect(labels, func(l string) {
		if in.updating || in.doc == nil {
			return
		}
		if i := slices.Index(labels, l); i >= 0 {
			in.target(nil, nil).do(&canvas.SetScoreScale{Scale: canvas.ScoreScales[i]})
		}
	})
	in.scaleSel = sel
	in.scaleText = hintLabel("")
	return container.NewVBox(fieldLabel("Scores are"), sel, in.scaleText)
}

// scaleName is the short name of a scale in the inspector's choice.
func scaleName(s canvas.ScoreScale) string {
	switch s {
	case canvas.ScaleSurvey:
		return "From a survey"
	case canvas.ScaleRoom, "":
		return "From the room"
	}
	return string(s)
}
