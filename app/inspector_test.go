package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// inspected opens the sample and selects the cards with those texts on
// board i; it returns the window, the board and the cards' ids.
func inspected(t *testing.T, i int, texts ...string) (*Window, *canvas.Board, []uuid.UUID) {
	t.Helper()
	w, _ := newTestWindow(t)
	w.tabs.SelectIndex(i)
	bd := w.Document().Project.Boards[i]
	var ids []uuid.UUID
	for _, s := range texts {
		ids = append(ids, cardByText(t, bd, s).ID)
	}
	w.CurrentBoard().Select(ids...)
	if len(ids) > 0 && w.insp.card == nil {
		t.Fatal("the inspector shows no card view for a selection")
	}
	return w, bd, ids
}

func cardByText(t *testing.T, bd *canvas.Board, prefix string) *canvas.Card {
	t.Helper()
	for _, c := range bd.Cards {
		if strings.HasPrefix(c.Text, prefix) {
			return c
		}
	}
	t.Fatalf("no card %q on %s", prefix, bd.Title)
	return nil
}

// edits counts the edits the document applies from now on (undo and redo
// not included).
func edits(w *Window) *int {
	n := new(int)
	w.Document().OnChange(func(c Change) {
		if c.Edit != nil {
			*n++
		}
	})
	return n
}

// typeIn replaces the text of the entry as a user would: focus, select
// all, type; commit says how it ends (Enter, focus loss or Escape).
func typeIn(w *Window, e *board.TextEntry, text string, end fyne.KeyName) {
	c := w.Window.Canvas()
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if text == "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	} else {
		test.Type(e, text)
	}
	switch end {
	case "":
		c.Focus(w.CurrentBoard()) // focus loss
	default:
		e.TypedKey(&fyne.KeyEvent{Name: end})
	}
}

// TestInspectorTextFields: each text field commits on Enter or focus
// loss, not per letter, one undo step a change, and undo restores it.
func TestInspectorTextFields(t *testing.T) {
	for _, tc := range []struct {
		field string
		typed string
		end   fyne.KeyName
		undo  string
		get   func(*canvas.Card) string
		want  string
	}{
		{"text", "Arrive drenched", fyne.KeyReturn, "Edit text", func(c *canvas.Card) string { return c.Text }, "Arrive drenched"},
		{"tags", "weather, commute,, weather ", "", "Set tags", func(c *canvas.Card) string { return strings.Join(c.Tags, "|") }, "weather|commute"},
		{"quote", "I had to sit in wet socks all day", "", "Edit quote", func(c *canvas.Card) string { return c.Quote }, "I had to sit in wet socks all day"},
		{"source", "Interview 3, 12 May", fyne.KeyReturn, "Edit source", func(c *canvas.Card) string { return c.Source }, "Interview 3, 12 May"},
	} {
		t.Run(tc.field, func(t *testing.T) {
			w, bd, ids := inspected(t, 0, "Soaked by a shower")
			c := bd.Card(ids[0])
			before := tc.get(c)
			n := edits(w)
			v := w.insp.card
			row := map[string]*textRow{"text": v.text, "tags": v.tags, "quote": v.quote, "source": v.source}[tc.field]
			w.Window.Canvas().Focus(row.entry)
			test.Type(row.entry, "x")
			if *n != 0 || tc.get(c) != before {
				t.Fatalf("a keystroke changed the card: %d edits", *n)
			}
			typeIn(w, row.entry, tc.typed, tc.end)
			if got := tc.get(c); got != tc.want || *n != 1 {
				t.Fatalf("after committing %q: %q with %d edits, want %q with 1", tc.typed, got, *n, tc.want)
			}
			if name := w.Document().History.UndoName(); name != tc.undo {
				t.Errorf("undo step %q, want %q", name, tc.undo)
			}
			// Refocusing and leaving without a change sends nothing.
			w.Window.Canvas().Focus(row.entry)
			w.Window.Canvas().Focus(w.CurrentBoard())
			if *n != 1 {
				t.Errorf("leaving an unchanged field sent an edit")
			}
			if err := w.Document().Undo(); err != nil {
				t.Fatal(err)
			}
			if got := tc.get(c); got != before || row.entry.Text != strings.ReplaceAll(before, "|", ", ") {
				t.Errorf("undo left %q, the field %q; want %q", got, row.entry.Text, before)
			}
		})
	}
}

// TestInspectorTextEscapeAndEmpty: Escape takes back what was typed, and
// a card's text cannot be emptied from the inspector (Delete removes a
// card), with the reason shown.
func TestInspectorTextEscapeAndEmpty(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Soaked by a shower")
	n := edits(w)
	v := w.insp.card
	typeIn(w, v.text.entry, "Something else", fyne.KeyEscape)
	if v.text.entry.Text != "Soaked by a shower halfway there" || *n != 0 {
		t.Fatalf("Escape left %q and sent %d edits", v.text.entry.Text, *n)
	}
	if w.Window.Canvas().Focused() != v.text.entry {
		t.Fatal("the first Escape left the field")
	}
	v.text.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Window.Canvas().Focused() != w.CurrentBoard() {
		t.Error("Escape with nothing typed does not hand the keys back to the board")
	}
	typeIn(w, v.text.entry, "", fyne.KeyReturn)
	if *n != 0 || bd.Card(ids[0]).Text == "" || !v.text.problem.Visible() {
		t.Fatalf("an empty text was sent (%d edits) or not explained", *n)
	}
}

// TestInspectorTypingFollowsItsCards: text typed for one card and
// committed when another is selected goes to the card it was typed for.
func TestInspectorTypingFollowsItsCards(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Soaked by a shower")
	other := cardByText(t, bd, "Losing hundreds to theft")
	e := w.insp.card.quote.entry
	w.Window.Canvas().Focus(e)
	test.Type(e, "Drenched twice a week")
	w.CurrentBoard().Select(other.ID)
	if q := bd.Card(ids[0]).Quote; q != "Drenched twice a week" {
		t.Errorf("quote of the card typed for: %q", q)
	}
	if other.Quote == "Drenched twice a week" || w.insp.card.quote.entry.Text != other.Quote {
		t.Errorf("the next card shows %q, has %q", w.insp.card.quote.entry.Text, other.Quote)
	}
}

// TestInspectorSeverityAndRelevance: the 1–5 ranks of pains and gains
// commit at once, Clear (or tapping the rank again) gives "not ranked".
func TestInspectorSeverityAndRelevance(t *testing.T) {
	for _, tc := range []struct {
		card string
		row  func(*cardView) *rankRow
		get  func(*canvas.Card) *int
		undo string
	}{
		{"Soaked by a shower", func(v *cardView) *rankRow { return v.severity }, func(c *canvas.Card) *int { return c.Severity }, "Set severity"},
		{"A quiet ride", func(v *cardView) *rankRow { return v.relevance }, func(c *canvas.Card) *int { return c.Relevance }, "Set relevance"},
	} {
		t.Run(tc.undo, func(t *testing.T) {
			w, bd, ids := inspected(t, 0, tc.card)
			c := bd.Card(ids[0])
			before := *tc.get(c)
			n := edits(w)
			r := tc.row(w.insp.card)
			if r == nil || r.radio.Selected != itoa(before) {
				t.Fatalf("the rank row shows %v, the card has %d", r, before)
			}
			r.radio.SetSelected("1")
			if got := tc.get(c); got == nil || *got != 1 || *n != 1 || w.Document().History.UndoName() != tc.undo {
				t.Fatalf("after choosing 1: %v, %d edits, undo %q", got, *n, w.Document().History.UndoName())
			}
			test.Tap(r.clear)
			if got := tc.get(c); got != nil || *n != 2 || r.radio.Selected != "" || !r.clear.Disabled() {
				t.Fatalf("after Clear: %v (want nil, not 0), %d edits, radio %q", got, *n, r.radio.Selected)
			}
			if !strings.Contains(r.status.Text, "not ranked") {
				t.Errorf("status %q", r.status.Text)
			}
			r.radio.SetSelected("4")
			r.radio.SetSelected("") // the chosen rank tapped again
			if tc.get(c) != nil || *n != 4 {
				t.Errorf("deselecting left %v", tc.get(c))
			}
			for range 3 {
				if err := w.Document().Undo(); err != nil {
					t.Fatal(err)
				}
			}
			if got := tc.get(c); got == nil || *got != 1 {
				t.Errorf("three undos leave %v, want 1", got)
			}
			if err := w.Document().Undo(); err != nil {
				t.Fatal(err)
			}
			if got := tc.get(c); got == nil || *got != before || r.radio.Selected != itoa(before) {
				t.Errorf("undo left %v, radio %q; want %d", got, r.radio.Selected, before)
			}
		})
	}
}

func itoa(v int) string { return string(rune('0' + v)) }

// TestInspectorJobFields: a job's types (several at once) and its
// importance; an emptied importance is "not scored", never 0.
func TestInspectorJobFields(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Get to work on time")
	c := bd.Card(ids[0])
	n := edits(w)
	v := w.insp.card
	if len(v.jobTypes) != len(canvas.JobTypes) || v.severity != nil || v.satisfaction != nil {
		t.Fatalf("a job shows %d job types, severity %v, satisfaction %v", len(v.jobTypes), v.severity != nil, v.satisfaction != nil)
	}
	if !v.jobTypes[0].Checked || len(c.JobTypes) != 1 {
		t.Fatalf("the sample's functional job shows types %v", c.JobTypes)
	}
	test.Tap(v.jobTypes[0]) // functional off
	test.Tap(v.jobTypes[2]) // emotional
	test.Tap(v.jobTypes[0]) // functional
	if !c.HasJobType(canvas.JobEmotional) || !c.HasJobType(canvas.JobFunctional) || len(c.JobTypes) != 2 || *n != 3 {
		t.Fatalf("job types %v after three taps (%d edits)", c.JobTypes, *n)
	}
	if c.JobTypes[0] != canvas.JobFunctional {
		t.Errorf("job types kept in the order menus show: %v", c.JobTypes)
	}
	test.Tap(v.jobTypes[2])
	if c.HasJobType(canvas.JobEmotional) || !v.jobTypes[0].Checked || v.jobTypes[2].Checked {
		t.Errorf("unticking emotional left %v", c.JobTypes)
	}
	if w.Document().History.UndoName() != "Set job type" {
		t.Errorf("undo step %q", w.Document().History.UndoName())
	}

	typeIn(w, v.importance.entry, "7.5", fyne.KeyReturn)
	if c.Importance == nil || *c.Importance != 7.5 || w.Document().History.UndoName() != "Set importance" {
		t.Fatalf("importance %v", c.Importance)
	}
	typeIn(w, v.importance.entry, "", fyne.KeyReturn)
	if c.Importance != nil || v.importance.entry.Text != "" || v.importance.entry.PlaceHolder != "not scored" {
		t.Fatalf("an emptied importance is %v, shown %q", *c.Importance, v.importance.entry.Text)
	}
	typeIn(w, v.importance.entry, "11", fyne.KeyReturn)
	if c.Importance != nil || !v.importance.problem.Visible() || !strings.Contains(v.importance.problem.Text, "0–10") {
		t.Errorf("11 was taken, or refused without a reason (%q)", v.importance.problem.Text)
	}
	typeIn(w, v.importance.entry, "lots", fyne.KeyReturn)
	if c.Importance != nil || !strings.Contains(v.importance.problem.Text, "not a number") {
		t.Errorf("lots: %q", v.importance.problem.Text)
	}
	v.importance.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.importance.problem.Visible() || v.importance.entry.Text != "" {
		t.Error("Escape keeps the refused text or its reason")
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if c.Importance == nil || *c.Importance != 7.5 || v.importance.entry.Text != "7.5" {
		t.Errorf("undo gives back %v, shown %q", c.Importance, v.importance.entry.Text)
	}
}

// TestInspectorOutcome: importance and satisfaction set the outcome, and
// the opportunity score and class follow what is typed, before it is
// committed.
func TestInspectorOutcome(t *testing.T) {
	w, bd, ids := inspected(t, 1, "Minimize the likelihood of a close pass")
	c := bd.Card(ids[0]) // importance 10, satisfaction 2
	v := w.insp.card
	if v.importance.entry.Text != "10" || v.satisfaction.entry.Text != "2" {
		t.Fatalf("shows %q and %q", v.importance.entry.Text, v.satisfaction.entry.Text)
	}
	if want := "Opportunity 18.0 — Extreme opportunity"; v.opportunity.Text != want {
		t.Errorf("opportunity %q, want %q", v.opportunity.Text, want)
	}
	n := edits(w)
	w.Window.Canvas().Focus(v.satisfaction.entry)
	v.satisfaction.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(v.satisfaction.entry, "9")
	if want := "Opportunity 11.0 — Solid opportunity"; v.opportunity.Text != want || *n != 0 {
		t.Errorf("while typing 9: %q (%d edits), want %q", v.opportunity.Text, *n, want)
	}
	v.satisfaction.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Satisfaction == nil || *c.Satisfaction != 9 || *n != 1 || w.Document().History.UndoName() != "Set satisfaction" {
		t.Fatalf("satisfaction %v after Enter, %d edits", c.Satisfaction, *n)
	}
	typeIn(w, v.importance.entry, "4", "")
	if want := "Opportunity 4.0 — Over-served"; *c.Importance != 4 || v.opportunity.Text != want {
		t.Errorf("importance 4: %q", v.opportunity.Text)
	}
	typeIn(w, v.satisfaction.entry, "", fyne.KeyReturn)
	if c.Satisfaction != nil || !strings.Contains(v.opportunity.Text, "score importance and satisfaction") {
		t.Errorf("cleared satisfaction %v, opportunity %q", c.Satisfaction, v.opportunity.Text)
	}
	for range 3 {
		if err := w.Document().Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if *c.Importance != 10 || *c.Satisfaction != 2 || v.opportunity.Text != "Opportunity 18.0 — Extreme opportunity" {
		t.Errorf("three undos: %v, %v, %q", *c.Importance, *c.Satisfaction, v.opportunity.Text)
	}
}

// TestInspectorKindAndColour: kind and colour are choices that commit at
// once; a new kind drops the fields the old one had and shows its own.
func TestInspectorKindAndColour(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Soaked by a shower")
	c := bd.Card(ids[0])
	n := edits(w)
	v := w.insp.card
	if v.kind.Selected != "Pain" || v.colour.Selected != "Kind's colour" {
		t.Fatalf("kind %q, colour %q", v.kind.Selected, v.colour.Selected)
	}
	v.colour.SetSelected("Orange")
	if c.Color != "#FFCC80" || *n != 1 || w.Document().History.UndoName() != "Set colour" {
		t.Fatalf("colour %q after choosing Orange", c.Color)
	}
	v.kind.SetSelected("Gain")
	if c.Kind != canvas.KindGain || c.Severity != nil || *n != 2 || w.Document().History.UndoName() != "Set kind" {
		t.Fatalf("kind %s, severity %v after choosing Gain", c.Kind, c.Severity)
	}
	v = w.insp.card
	if v.severity != nil || v.relevance == nil || v.title.Text != "Gain" {
		t.Errorf("a gain's view shows severity %v, relevance %v, title %q", v.severity != nil, v.relevance != nil, v.title.Text)
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if c.Kind != canvas.KindPain || c.Severity == nil || *c.Severity != 3 || w.insp.card.severity == nil {
		t.Errorf("undo: kind %s, severity %v", c.Kind, c.Severity)
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if c.Color != "" || w.insp.card.colour.Selected != "Kind's colour" {
		t.Errorf("undo: colour %q", c.Color)
	}
}

// TestInspectorSeveral: with several cards selected a field shows their
// value when they agree, else "several values"; setting it changes all of
// them in one undo step.
func TestInspectorSeveral(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Soaked by a shower", "Losing hundreds to theft", "Afraid of close passes")
	cards := []*canvas.Card{bd.Card(ids[0]), bd.Card(ids[1]), bd.Card(ids[2])}
	sources := []string{cards[0].Source, cards[1].Source, cards[2].Source}
	v := w.insp.card
	if v.title.Text != "3 cards" || v.kind.Selected != "Pain" {
		t.Errorf("title %q, kind %q", v.title.Text, v.kind.Selected)
	}
	if v.text.entry.Text != "" || v.text.entry.PlaceHolder != several {
		t.Errorf("mixed texts show %q / %q", v.text.entry.Text, v.text.entry.PlaceHolder)
	}
	if v.severity.radio.Selected != "" || !strings.Contains(v.severity.status.Text, several) {
		t.Errorf("mixed severities (3, 4, 5) show %q, %q", v.severity.radio.Selected, v.severity.status.Text)
	}
	if v.quote.entry.PlaceHolder != several {
		t.Errorf("quote placeholder %q (one card has a quote)", v.quote.entry.PlaceHolder)
	}
	n := edits(w)
	// Leaving a mixed field untouched changes nothing.
	w.Window.Canvas().Focus(v.text.entry)
	w.Window.Canvas().Focus(w.CurrentBoard())
	if *n != 0 {
		t.Fatal("leaving a mixed field sent an edit")
	}
	v.severity.radio.SetSelected("2")
	typeIn(w, v.source.entry, "Workshop, June", fyne.KeyReturn)
	v.colour.SetSelected("Sand")
	for _, c := range cards {
		if c.Severity == nil || *c.Severity != 2 || c.Source != "Workshop, June" || c.Color != "#E8D8B8" {
			t.Errorf("%q: severity %v, source %q, colour %q", c.Text, c.Severity, c.Source, c.Color)
		}
	}
	if *n != 3 || v.severity.radio.Selected != "2" || v.source.entry.PlaceHolder == several {
		t.Errorf("%d edits, radio %q: want 3 edits, the agreed value shown", *n, v.severity.radio.Selected)
	}
	for range 3 {
		if err := w.Document().Undo(); err != nil {
			t.Fatal(err)
		}
	}
	for i, want := range []int{3, 4, 5} {
		if c := cards[i]; *c.Severity != want || c.Source != sources[i] || c.Color != "" {
			t.Errorf("undo: %q severity %d, source %q", c.Text, *c.Severity, c.Source)
		}
	}
	if v.severity.radio.Selected != "" || v.colour.Selected != "Kind's colour" {
		t.Errorf("after undo the row shows %q", v.severity.radio.Selected)
	}

	// Different kinds: only the fields every card has.
	w.CurrentBoard().Select(ids[0], cardByText(t, bd, "A quiet ride").ID)
	v = w.insp.card
	if v.severity != nil || v.relevance != nil || v.kind.Selected != "" || v.kind.PlaceHolder != several {
		t.Errorf("a pain and a gain: severity %v, relevance %v, kind %q", v.severity != nil, v.relevance != nil, v.kind.Selected)
	}
	// Job types of two jobs that differ: partly ticked.
	j1, j2 := cardByText(t, bd, "Get to work"), cardByText(t, bd, "Arrive looking")
	w.CurrentBoard().Select(j1.ID)
	test.Tap(w.insp.card.jobTypes[2]) // emotional
	w.CurrentBoard().Select(j1.ID, j2.ID)
	if ch := w.insp.card.jobTypes[2]; !ch.Partial || ch.Checked {
		t.Errorf("emotional on one of two jobs: partial %v, checked %v", ch.Partial, ch.Checked)
	}
	test.Tap(w.insp.card.jobTypes[2])
	if !j1.HasJobType(canvas.JobEmotional) || !j2.HasJobType(canvas.JobEmotional) || w.insp.card.jobTypes[2].Partial {
		t.Errorf("ticking a partial type gave %v and %v", j1.JobTypes, j2.JobTypes)
	}
}

// TestInspectorLinks: the selected card's links, with the other card's
// text, a strength choice and a remove button, each one undo step.
func TestInspectorLinks(t *testing.T) {
	w, bd, _ := inspected(t, 0, "Soaked by a shower")
	if len(w.insp.card.links) != 0 {
		t.Fatalf("an unlinked pain lists %d links", len(w.insp.card.links))
	}
	pain := cardByText(t, bd, "Arriving sweaty")
	w.CurrentBoard().Select(pain.ID)
	v := w.insp.card
	want := len(linksOf(bd, []*canvas.Card{pain}))
	if want == 0 || len(v.links) != want {
		t.Fatalf("%d link rows, the board has %d links of the card", len(v.links), want)
	}
	r := v.links[0]
	other := bd.Card(r.from)
	if other.ID == pain.ID {
		other = bd.Card(r.to)
	}
	if !strings.Contains(r.other.Text, other.Text) || r.strength.Selected != "Strong" {
		t.Errorf("row %q / %q, want the other card %q, strong", r.other.Text, r.strength.Selected, other.Text)
	}
	n := edits(w)
	r.strength.SetSelected("Weak")
	l := bd.Links[bd.LinkIndex(pain.ID, other.ID)]
	if l.Strength != canvas.StrengthWeak || *n != 1 || w.Document().History.UndoName() != "Set link strength" {
		t.Fatalf("strength %q after choosing Weak", l.Strength)
	}
	test.Tap(r.remove)
	if bd.LinkIndex(pain.ID, other.ID) >= 0 || *n != 2 || len(w.insp.card.links) != want-1 {
		t.Fatalf("the link is still there, or still listed (%d rows)", len(w.insp.card.links))
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if i := bd.LinkIndex(pain.ID, other.ID); i < 0 || bd.Links[i].Strength != canvas.StrengthWeak || len(w.insp.card.links) != want {
		t.Fatal("undo did not bring the weak link back")
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if s := bd.Links[bd.LinkIndex(pain.ID, other.ID)].Strength; s.Label() != "Strong" || w.insp.card.links[0].strength.Selected != "Strong" {
		t.Errorf("undo left strength %q", s)
	}
}

// TestInspectorScale: the inspector says which scale the scores use and
// switches it, one undo step.
func TestInspectorScale(t *testing.T) {
	w, _, _ := inspected(t, 1, "Minimize the likelihood of a close pass")
	sel := w.insp.scaleSel
	if sel == nil || sel.Selected != "From the room" || w.insp.scaleText.Text != canvas.ScaleRoom.Label() {
		t.Fatalf("scale shown %v", sel)
	}
	sel.SetSelected("From a survey")
	p := w.Document().Project
	if p.ScoreScale != canvas.ScaleSurvey || w.Document().History.UndoName() != "Set score scale" {
		t.Fatalf("scale %q", p.ScoreScale)
	}
	w.CurrentBoard().Select()
	if w.insp.scaleSel == nil || w.insp.scaleSel.Selected != "From a survey" || w.insp.scaleText.Text != canvas.ScaleSurvey.Label() {
		t.Error("with nothing selected the scale is not shown")
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if p.ScoreScale == canvas.ScaleSurvey || w.insp.scaleSel.Selected != "From the room" {
		t.Errorf("undo left %q", p.ScoreScale)
	}
}

// fitBoard is a value proposition canvas worked out by hand: pains of
// severity 4 (relieved partly) and 2 (not at all), a gain of relevance 3
// (created weakly) and one of 1 (fully), a product that addresses nothing.
func fitBoard(t *testing.T, w *Window) (*canvas.Board, map[string]uuid.UUID) {
	t.Helper()
	bd, err := canvas.NewBoard(canvas.TemplateValueProposition, "Hand-made")
	if err != nil {
		t.Fatal(err)
	}
	tpl := bd.TemplateOf()
	centre := map[canvas.Kind]canvas.Point{}
	for _, z := range tpl.Zones {
		if len(z.Kinds) > 0 {
			centre[z.Kinds[0]] = z.Rect.Center() // inside the circle too, for this template
		}
	}
	ids := map[string]uuid.UUID{}
	add := &canvas.AddCards{Board: bd.ID}
	card := func(name string, k canvas.Kind, dy float64, set func(*canvas.Card)) uuid.UUID {
		p := centre[k]
		p.Y += dy
		c := canvas.NewCard(k, p, name)
		c.W, c.H = 60, 40
		c.X, c.Y = p.X-30, p.Y-20
		if set != nil {
			set(&c)
		}
		add.Cards = append(add.Cards, c)
		ids[name] = c.ID
		return c.ID
	}
	four, two, three, one := 4, 2, 3, 1
	card("pain 4", canvas.KindPain, -30, func(c *canvas.Card) { c.Severity = &four })
	card("pain 2", canvas.KindPain, 30, func(c *canvas.Card) { c.Severity = &two })
	card("gain 3", canvas.KindGain, -30, func(c *canvas.Card) { c.Relevance = &three })
	card("gain 1", canvas.KindGain, 30, func(c *canvas.Card) { c.Relevance = &one })
	card("reliever", canvas.KindPainReliever, 0, nil)
	card("creator", canvas.KindGainCreator, -30, nil)
	card("creator 2", canvas.KindGainCreator, 30, nil)
	card("product", canvas.KindProduct, 0, nil)
	add.Links = []canvas.Link{
		{From: ids["reliever"], To: ids["pain 4"], Strength: canvas.StrengthPartial},
		{From: ids["creator"], To: ids["gain 3"], Strength: canvas.StrengthWeak},
		{From: ids["creator 2"], To: ids["gain 1"], Strength: canvas.StrengthStrong},
	}
	if err := w.Document().Do(&canvas.AddBoard{Board: bd, Index: -1}); err != nil {
		t.Fatal(err)
	}
	if err := w.Document().Do(add); err != nil {
		t.Fatal(err)
	}
	w.tabs.SelectIndex(len(w.Document().Project.Boards) - 1)
	for name, id := range ids {
		if c := bd.Card(id); string(c.Kind) != strings.Fields(kindOf(name))[0] {
			t.Fatalf("%s landed as a %s", name, c.Kind)
		}
	}
	return bd, ids
}

func kindOf(name string) string {
	switch strings.Fields(name)[0] {
	case "reliever":
		return string(canvas.KindPainReliever)
	case "creator":
		return string(canvas.KindGainCreator)
	}
	return strings.Fields(name)[0]
}

// TestInspectorFitPanel: with nothing selected on a value proposition
// canvas the panel shows coverage weighted by severity and relevance, what
// nothing addresses (most severe first), and idle value-map cards; a
// listed card is selected on the board by a click.
func TestInspectorFitPanel(t *testing.T) {
	w, _ := newTestWindow(t)
	bd, ids := fitBoard(t, w)
	w.CurrentBoard().Select()
	if w.insp.fit == nil {
		t.Fatal("no fit panel with nothing selected")
	}
	text := panelText(w.insp.fit.box)
	// Pains: (4 × 0.5 + 2 × 0) / 6 = 33 %; gains: (3 × 0.25 + 1 × 1) / 4 = 44 %.
	for _, want := range []string{"33 %", "44 %", "Pains nothing relieves (1)", "2 · pain 2",
		"Value map cards that address nothing (1)", "product"} {
		if !strings.Contains(text, want) {
			t.Errorf("the fit panel lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Gains nothing creates") {
		t.Errorf("every gain is created, yet:\n%s", text)
	}
	b := findButton(t, w.insp.fit.box, "pain 2")
	test.Tap(b)
	if sel := w.CurrentBoard().Selection(); len(sel) != 1 || sel[0] != ids["pain 2"] {
		t.Fatalf("tapping the listed pain selected %v", sel)
	}
	if w.insp.card == nil || w.insp.card.text.entry.Text != "pain 2" {
		t.Fatal("the inspector does not show the card the fit panel selected")
	}

	// Linking the pain brings the figure up and takes it off the list.
	if err := w.Document().Do(&canvas.AddLink{Board: bd.ID, Link: canvas.Link{From: ids["reliever"], To: ids["pain 2"], Strength: canvas.StrengthStrong}}); err != nil {
		t.Fatal(err)
	}
	w.CurrentBoard().Select()
	text = panelText(w.insp.fit.box)
	if !strings.Contains(text, "67 %") || strings.Contains(text, "Pains nothing relieves") {
		t.Errorf("after linking pain 2 (want 67 %%):\n%s", text)
	}

	// A drag into another zone changes the card's kind: the panel follows.
	if err := w.Document().Do(&canvas.RemoveLink{Board: bd.ID, Link: canvas.Link{From: ids["reliever"], To: ids["pain 2"]}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Document().Do(&canvas.MoveCards{Board: bd.ID, IDs: []uuid.UUID{ids["pain 2"]}, DY: -500}); err != nil {
		t.Fatal(err)
	}
	if k := bd.Card(ids["pain 2"]).Kind; k != canvas.KindGain {
		t.Fatalf("moved into the gains, pain 2 is a %s", k)
	}
	text = panelText(w.insp.fit.box)
	// Pains: 4 × 0.5 / 4 = 50 %; gains: (0.75 + 1 + 0) / (3 + 1 + 1, unranked) = 35 %.
	if !strings.Contains(text, "Gains nothing creates (1)") || !strings.Contains(text, "– pain 2") ||
		!strings.Contains(text, "50 %") || !strings.Contains(text, "35 %") {
		t.Errorf("after moving pain 2 into the gains:\n%s", text)
	}

	// Other boards say what the inspector does.
	w.tabs.SelectIndex(1)
	w.CurrentBoard().Select()
	if w.insp.fit != nil || !strings.Contains(panelText(w.insp.scroll.Content), "Select a card") {
		t.Errorf("a job map with nothing selected shows:\n%s", panelText(w.insp.scroll.Content))
	}
}

// panelText is the text of the labels, buttons and bars under o, one a
// line.
func panelText(o fyne.CanvasObject) string {
	var sb strings.Builder
	for _, o := range test.LaidOutObjects(o) {
		switch o := o.(type) {
		case *widget.Label:
			sb.WriteString(o.Text + "\n")
		case *widget.Button:
			sb.WriteString(o.Text + "\n")
		case *widget.ProgressBar:
			sb.WriteString(o.TextFormatter() + "\n")
		}
	}
	return sb.String()
}

// findButton is the button under o whose text (or the label over it)
// holds s.
func findButton(t *testing.T, o fyne.CanvasObject, s string) *widget.Button {
	t.Helper()
	var last *widget.Button
	for _, o := range test.LaidOutObjects(o) {
		switch o := o.(type) {
		case *widget.Button:
			if strings.Contains(o.Text, s) {
				return o
			}
			last = o
		case *widget.Label:
			if last != nil && strings.Contains(o.Text, s) {
				return last
			}
		}
	}
	t.Fatalf("no button %q", s)
	return nil
}

// TestInspectorToggle: View ▸ Inspector (Ctrl+I) hides and shows the
// panel, and the choice holds for the next window.
func TestInspectorToggle(t *testing.T) {
	w, _ := newTestWindow(t)
	it := menuItem(t, w, "View", "Inspector")
	sh, ok := it.Shortcut.(interface{ ShortcutName() string })
	if !ok || sh.ShortcutName() != ctrl(fyne.KeyI).ShortcutName() {
		t.Errorf("View ▸ Inspector has shortcut %v, want Ctrl+I", it.Shortcut)
	}
	if !it.Checked || !w.insp.panel.Visible() {
		t.Fatal("the inspector is hidden by default")
	}
	boardWidth := w.CurrentBoard().Size().Width
	it.Action()
	if w.insp.panel.Visible() || menuItem(t, w, "View", "Inspector").Checked || w.inspectorOn() {
		t.Fatal("View ▸ Inspector left it on")
	}
	if got := w.CurrentBoard().Size().Width; got < boardWidth+inspectorWidth-1 {
		t.Errorf("the board is %v wide without the inspector, %v with it", got, boardWidth)
	}
	w2 := NewWindow(w.App)
	defer w2.Window.Close()
	if w2.insp.panel.Visible() || w2.inspectorOn() {
		t.Error("a new window shows the inspector the user hid")
	}
	// Hidden, it follows nothing; shown again, it catches up.
	bd := w.Document().Project.Boards[0]
	pain := cardByText(t, bd, "Soaked by a shower")
	w.CurrentBoard().Select(pain.ID)
	menuItem(t, w, "View", "Inspector").Action()
	if !w.insp.panel.Visible() || w.insp.card == nil || w.insp.card.text.entry.Text != pain.Text {
		t.Error("shown again, the inspector does not show the selected card")
	}
}

// TestInspectorListeners: the inspector stops listening to the document
// and the board when the window closes.
func TestInspectorListeners(t *testing.T) {
	w, _ := newTestWindow(t)
	doc := w.Document()
	before := doc.Listeners()
	w.insp.close()
	if doc.Listeners() != before-1 {
		t.Errorf("%d listeners after closing the inspector, %d before", doc.Listeners(), before)
	}
	if w.insp.unlistenSel != nil || w.insp.board != nil {
		t.Error("the inspector still follows a board's selection")
	}
}

// TestInspectorShortcutsWhileTyping: the Edit menu's shortcuts act on the
// inspector's field being typed in, not on the board; undo with nothing
// typed undoes the document's last edit.
func TestInspectorShortcutsWhileTyping(t *testing.T) {
	w, bd, ids := inspected(t, 0, "Soaked by a shower")
	e := w.insp.card.quote.entry
	w.Window.Canvas().Focus(e)
	test.Type(e, "Wet socks")
	menuItem(t, w, "Edit", "Select All").Action()
	if sel := w.CurrentBoard().Selection(); len(sel) != 1 || e.SelectedText() != "Wet socks" {
		t.Fatalf("Select All while typing: %d cards selected, text selected %q", len(sel), e.SelectedText())
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if bd.Card(ids[0]).Quote != "Wet socks" {
		t.Fatalf("quote %q", bd.Card(ids[0]).Quote)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, "!")
	menuItem(t, w, "Edit", "Undo").Action() // the typing
	if bd.Card(ids[0]).Quote != "Wet socks" || w.Document().History.UndoName() != "Edit quote" {
		t.Fatalf("undo while typing undid the document: quote %q", bd.Card(ids[0]).Quote)
	}
	menuItem(t, w, "Edit", "Undo").Action() // nothing typed now: the edit
	if q := bd.Card(ids[0]).Quote; q != "" || e.Text != "" {
		t.Errorf("undo with nothing typed left the quote %q, the field %q", q, e.Text)
	}
}

// TestInspectorHints: the selected card's statement hints are shown with
// their suggestion, and go when the statement is fixed.
func TestInspectorHints(t *testing.T) {
	w, bd, ids := inspected(t, 1, "Minimize the likelihood of a close pass")
	v := w.insp.card
	if len(v.hints.Objects) != 0 {
		t.Fatalf("a well-formed outcome shows %d hint lines", len(v.hints.Objects))
	}
	typeIn(w, v.text.entry, "Easy parking and fast showers", fyne.KeyReturn)
	hs := canvas.Hints(bd.Card(ids[0]))
	if len(hs) < 2 {
		t.Fatalf("the canvas finds %d hints in a vague, double outcome", len(hs))
	}
	text := panelText(v.hints)
	for _, h := range hs {
		if !strings.Contains(text, h.Problem) || !strings.Contains(text, h.Suggestion) {
			t.Errorf("hint %q / %q not shown in:\n%s", h.Problem, h.Suggestion, text)
		}
	}
	if err := w.Document().Undo(); err != nil {
		t.Fatal(err)
	}
	if len(v.hints.Objects) != 0 {
		t.Errorf("the fixed statement still shows:\n%s", panelText(v.hints))
	}
}

// TestInspectorFollowsTabs: the inspector shows the selection of the
// board on show, and listens to that board's selection only.
func TestInspectorFollowsTabs(t *testing.T) {
	w, bd, _ := inspected(t, 0, "Soaked by a shower")
	first := w.CurrentBoard()
	w.tabs.SelectIndex(1)
	if w.insp.board != w.CurrentBoard() || w.insp.card != nil || w.insp.fit != nil {
		t.Fatal("on the job map, with nothing selected there, the inspector still shows the pain")
	}
	first.Select(cardByText(t, bd, "Losing hundreds to theft").ID) // not on show
	if w.insp.card != nil {
		t.Error("a selection on a board not on show reached the inspector")
	}
	outcome := cardByText(t, w.Document().Project.Boards[1], "Minimize the likelihood of a close pass")
	w.CurrentBoard().Select(outcome.ID)
	if w.insp.card == nil || w.insp.card.satisfaction == nil {
		t.Fatal("the job map's selected outcome is not shown")
	}
	w.tabs.SelectIndex(0)
	if w.insp.card == nil || w.insp.card.text.entry.Text != "Losing hundreds to theft while I am at work" {
		t.Errorf("back on the canvas the inspector shows %v", w.insp.card)
	}
}
