package canvas

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Report writes the workshop report of p as CommonMark: the boards (with
// the image of each board that images names, a file name or path relative
// to the report), then what the room found, section by section: jobs by
// importance, pains by severity, gains by relevance, the fit of each value
// proposition canvas, outcomes by opportunity, votes, forces of progress,
// competition, success outcomes, clusters, stories and quotes. A section
// with nothing in it is left out.
//
// It is plain CommonMark (pipe tables, lists, no HTML), so it pastes into a
// wiki or a pull request as it is; card text is escaped so that nothing a
// card says is read as markup. The same project always gives the same
// text: lists are sorted by their score, ties by text.
func Report(p *Project, images map[uuid.UUID]string) string {
	r := &report{p: p}
	r.title()
	r.boards(images)
	r.jobs()
	r.ranked("Pains by severity", "Pain", "Severity", KindPain)
	r.ranked("Gains by relevance", "Gain", "Relevance", KindGain)
	r.fit()
	r.outcomes()
	r.votes()
	r.forces()
	r.competition()
	r.success()
	r.clusters()
	r.jobStories()
	r.customerStories()
	r.quotes()
	return strings.TrimRight(r.b.String(), "\n") + "\n"
}

type report struct {
	p *Project
	b strings.Builder
}

// item is a card with the board it is on, for the sections that gather
// cards from every board.
type item struct {
	board *Board
	card  *Card
}

func (r *report) printf(format string, a ...any) { fmt.Fprintf(&r.b, format, a...) }

func (r *report) section(title string) { r.printf("## %s\n\n", title) }

// cards lists the cards of p whose kind is one of kinds, board by board in
// drawing order.
func (r *report) cards(kinds ...Kind) []item {
	var out []item
	for _, b := range r.p.Boards {
		for _, c := range b.Cards {
			if slices.Contains(kinds, c.Kind) {
				out = append(out, item{b, c})
			}
		}
	}
	return out
}

// manyBoards reports whether items come from more than one board: only
// then do tables name the board.
func manyBoards(items []item) bool {
	for _, it := range items {
		if it.board != items[0].board {
			return true
		}
	}
	return false
}

func (r *report) title() {
	name := strings.TrimSpace(r.p.Name)
	if name == "" {
		name = "Untitled workshop"
	}
	r.printf("# %s — workshop report\n\n", inline(name))
	if d := strings.TrimSpace(r.p.Description); d != "" {
		r.printf("%s\n\n", inline(d))
	}
}

// boardName is what a board is called: its title, or its template's name.
func boardName(b *Board) string {
	if strings.TrimSpace(b.Title) != "" {
		return b.Title
	}
	return b.TemplateOf().Name
}

func (r *report) boards(images map[uuid.UUID]string) {
	if len(r.p.Boards) == 0 {
		return
	}
	r.section("Boards")
	for i, b := range r.p.Boards {
		r.printf("%d. **%s** (%s): %s\n", i+1, inline(boardName(b)), inline(b.TemplateOf().Name), count(len(b.Cards), "card", "cards"))
	}
	r.printf("\n")
	for _, b := range r.p.Boards {
		if file, ok := images[b.ID]; ok {
			r.printf("![%s](%s)\n\n", inline(boardName(b)), destination(file))
		}
	}
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// byScore sorts items by score, highest first, unscored (ok false) last,
// ties by text.
func byScore(items []item, score func(*Card) (float64, bool)) {
	slices.SortStableFunc(items, func(a, b item) int { return byScoreOrder(a.card, b.card, score) })
}

// byScoreOrder is byScore's order of two cards.
func byScoreOrder(a, b *Card, score func(*Card) (float64, bool)) int {
	sa, oka := score(a)
	sb, okb := score(b)
	switch {
	case oka != okb:
		if oka {
			return -1
		}
		return 1
	case sa != sb:
		return cmp.Compare(sb, sa)
	}
	return strings.Compare(a.Text, b.Text)
}

func (r *report) jobs() {
	jobs := r.cards(KindJob)
	if len(jobs) == 0 {
		return
	}
	byScore(jobs, func(c *Card) (float64, bool) {
		if c.Importance == nil {
			return 0, false
		}
		return *c.Importance, true
	})
	r.section("Jobs by importance")
	// A Type column only when some job has a type: a column of dashes
	// says nothing.
	typed := slices.ContainsFunc(jobs, func(it item) bool { return len(it.card.JobTypes) > 0 })
	head := []string{"Job", "Importance"}
	if typed {
		head = []string{"Job", "Type", "Importance"}
	}
	t := newTable(manyBoards(jobs), head...)
	for _, it := range jobs {
		types := make([]string, len(it.card.JobTypes))
		for i, jt := range it.card.JobTypes {
			types[i] = jt.Label()
		}
		if typed {
			t.row(it.board, it.card.Text, strings.Join(types, ", "), score(it.card.Importance))
		} else {
			t.row(it.board, it.card.Text, score(it.card.Importance))
		}
	}
	r.table(t)
}

// ranked writes the cards of kind k by their rank (severity, relevance).
func (r *report) ranked(title, what, rank string, k Kind) {
	cards := r.cards(k)
	if len(cards) == 0 {
		return
	}
	byScore(cards, rankScore)
	r.section(title)
	t := newTable(manyBoards(cards), what, rank)
	for _, it := range cards {
		t.row(it.board, it.card.Text, rankText(it.card))
	}
	r.table(t)
}

func rankScore(c *Card) (float64, bool) {
	v, ok := c.Rank()
	return float64(v), ok
}

func rankText(c *Card) string {
	if v, ok := c.Rank(); ok {
		return fmt.Sprintf("%d of 5", v)
	}
	return ""
}

func (r *report) fit() {
	type fitted struct {
		b *Board
		f Fit
	}
	var boards []fitted
	for _, b := range r.p.Boards {
		f := ComputeFit(b)
		if f.HasPains || f.HasGains || len(f.Idle) > 0 {
			boards = append(boards, fitted{b, f})
		}
	}
	if len(boards) == 0 {
		return
	}
	r.section("Fit")
	for _, bf := range boards {
		b, f := bf.b, bf.f
		byID := map[uuid.UUID]*Card{}
		for _, c := range b.Cards {
			byID[c.ID] = c
		}
		r.printf("### %s\n\n", inline(boardName(b)))
		if f.HasPains {
			r.printf("- Pains relieved: %s (weighted by severity)\n", percent(f.PainCoverage))
		}
		if f.HasGains {
			r.printf("- Gains created: %s (weighted by relevance)\n", percent(f.GainCoverage))
		}
		r.printf("\n")
		list := func(title string, ids []uuid.UUID, withRank bool) {
			if len(ids) == 0 {
				return
			}
			r.printf("%s:\n\n", title)
			// Fit keeps board order among equals; the report, text order,
			// so that moving a card does not change it.
			ids = slices.Clone(ids)
			slices.SortStableFunc(ids, func(a, b uuid.UUID) int {
				return byScoreOrder(byID[a], byID[b], rankScore)
			})
			for _, id := range ids {
				c := byID[id]
				if rk := rankText(c); withRank && rk != "" {
					r.printf("- %s (%s)\n", inline(c.Text), rk)
				} else {
					r.printf("- %s\n", inline(c.Text))
				}
			}
			r.printf("\n")
		}
		list("Pains nothing relieves, most severe first", f.UnaddressedPains, true)
		list("Gains nothing creates, most relevant first", f.UnaddressedGains, true)
		idle := slices.Clone(f.Idle)
		slices.SortStableFunc(idle, func(a, b uuid.UUID) int {
			ca, cb := byID[a], byID[b]
			return cmp.Or(cmp.Compare(kindOrder(ca.Kind), kindOrder(cb.Kind)), strings.Compare(ca.Text, cb.Text))
		})
		if len(idle) > 0 {
			r.printf("Value map cards that address nothing:\n\n")
			for _, id := range idle {
				c := byID[id]
				r.printf("- %s (%s)\n", inline(c.Text), inline(c.Kind.Label()))
			}
			r.printf("\n")
		}
	}
}

// kindOrder is k's place in Kinds, the order menus show kinds in.
func kindOrder(k Kind) int { return slices.Index(Kinds, k) }

func percent(v float64) string { return fmt.Sprintf("%.0f %%", v*100) }

func (r *report) outcomes() {
	dots := Dots(r.p)
	var unscored []item
	for _, it := range r.cards(KindOutcome) {
		if _, ok := it.card.Class(); !ok {
			unscored = append(unscored, it)
		}
	}
	if len(dots) == 0 && len(unscored) == 0 {
		return
	}
	r.section("Outcomes by opportunity")
	if len(dots) > 0 {
		scale := r.p.ScoreScale
		r.printf("Opportunity = importance + max(importance − satisfaction, 0). Scores: %s.\n\n", inline(lowerFirst(scale.Label())))
		slices.SortStableFunc(dots, func(a, b Dot) int {
			oa, ob := Opportunity(a.Importance, a.Satisfaction), Opportunity(b.Importance, b.Satisfaction)
			return cmp.Or(cmp.Compare(ob, oa), strings.Compare(a.Statement, b.Statement), strings.Compare(a.Step, b.Step))
		})
		boards := map[uuid.UUID]bool{}
		for _, d := range dots {
			boards[d.Board] = true
		}
		t := newTable(len(boards) > 1, "Outcome", "Step", "Importance", "Satisfaction", "Opportunity", "Class")
		for _, d := range dots {
			t.row(r.p.Board(d.Board), d.Statement, d.Step, number(d.Importance), number(d.Satisfaction),
				number(Opportunity(d.Importance, d.Satisfaction)), d.Class.Label())
		}
		r.table(t)
	}
	if len(unscored) > 0 {
		slices.SortStableFunc(unscored, func(a, b item) int { return strings.Compare(a.card.Text, b.card.Text) })
		r.printf("Not scored yet:\n\n")
		for _, it := range unscored {
			r.printf("- %s\n", inline(it.card.Text))
		}
		r.printf("\n")
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (r *report) votes() {
	var voted []item
	for _, b := range r.p.Boards {
		for _, c := range b.Cards {
			if c.Votes > 0 {
				voted = append(voted, item{b, c})
			}
		}
	}
	if len(voted) == 0 {
		return
	}
	byScore(voted, func(c *Card) (float64, bool) { return float64(c.Votes), true })
	r.section("Votes")
	t := newTable(manyBoards(voted), "Card", "Kind", "Votes")
	for _, it := range voted {
		t.row(it.board, it.card.Text, it.card.Kind.Label(), strconv.Itoa(it.card.Votes))
	}
	r.table(t)
}

func (r *report) forces() {
	first := true
	for _, b := range r.p.Boards {
		towards, against, ok := Balance(b)
		bal := b.TemplateOf().Balance
		if !ok || towards+against == 0 {
			continue
		}
		if first {
			r.section("Forces of progress")
			first = false
		}
		r.printf("### %s\n\n", inline(boardName(b)))
		lean := "the forces are balanced"
		switch Lean(towards, against) {
		case LeansTowards:
			lean = "the balance leans towards the switch"
		case LeansAgainst:
			lean = "the balance leans against the switch"
		}
		r.printf("- %s: %d\n- %s: %d\n\n%s.\n\n", inline(bal.TowardsLabel), towards, inline(bal.AgainstLabel), against, upperFirst(lean))
		var forces []item
		for _, c := range b.Cards {
			if slices.Contains(bal.Towards, c.Kind) || slices.Contains(bal.Against, c.Kind) {
				forces = append(forces, item{b, c})
			}
		}
		slices.SortStableFunc(forces, func(x, y item) int {
			sx, _ := rankScore(x.card)
			sy, _ := rankScore(y.card)
			return cmp.Or(cmp.Compare(kindOrder(x.card.Kind), kindOrder(y.card.Kind)),
				cmp.Compare(sy, sx), strings.Compare(x.card.Text, y.card.Text))
		})
		t := newTable(false, "Force", "Kind", "Strength")
		for _, it := range forces {
			t.row(b, it.card.Text, it.card.Kind.Label(), rankText(it.card))
		}
		r.table(t)
	}
}

func (r *report) competition() {
	comps := r.cards(KindCompetitorDirect, KindCompetitorSecondary, KindCompetitorIndirect)
	hire := r.cards(KindHireCriterion)
	fire := r.cards(KindFireCriterion)
	if len(comps)+len(hire)+len(fire) == 0 {
		return
	}
	r.section("Competition")
	if len(comps) > 0 {
		slices.SortStableFunc(comps, func(a, b item) int {
			return cmp.Or(cmp.Compare(kindOrder(a.card.Kind), kindOrder(b.card.Kind)),
				strings.Compare(competitorName(a.card), competitorName(b.card)))
		})
		t := newTable(manyBoards(comps), "Competitor", "Kind", "Hired for")
		for _, it := range comps {
			t.row(it.board, competitorName(it.card), it.card.Kind.Label(), it.card.Part(PartHiredFor))
		}
		r.table(t)
	}
	r.textList("Hired when", hire)
	r.textList("Fired when", fire)
}

// competitorName is what a competitor card names: its product part, or
// its whole text when it is not written part by part.
func competitorName(c *Card) string {
	if p := strings.TrimSpace(c.Part(PartProduct)); p != "" {
		return p
	}
	return c.Text
}

// textList writes the cards' texts under a bold title, sorted by text.
func (r *report) textList(title string, items []item) {
	if len(items) == 0 {
		return
	}
	slices.SortStableFunc(items, func(a, b item) int { return strings.Compare(a.card.Text, b.card.Text) })
	r.printf("**%s:**\n\n", inline(title))
	for _, it := range items {
		r.printf("- %s\n", inline(it.card.Text))
	}
	r.printf("\n")
}

func (r *report) success() {
	goals, hazards, problems := r.cards(KindGoal), r.cards(KindHazard), r.cards(KindProblem)
	if len(goals)+len(hazards)+len(problems) == 0 {
		return
	}
	r.section("Success outcomes")
	r.textList("Goals to achieve", goals)
	r.textList("Hazards to avoid", hazards)
	r.textList("Problems to resolve", problems)
}

func (r *report) clusters() {
	first := true
	for _, b := range r.p.Boards {
		if len(b.Clusters) == 0 {
			continue
		}
		if first {
			r.section("Clusters")
			first = false
		}
		byID := map[uuid.UUID]*Card{}
		for _, c := range b.Cards {
			byID[c.ID] = c
		}
		ks := slices.Clone(b.Clusters)
		slices.SortStableFunc(ks, func(x, y Cluster) int { return strings.Compare(x.Name, y.Name) })
		for _, k := range ks {
			r.printf("### %s\n\n", inline(k.Name))
			if v := k.Vector(); v != "" {
				r.printf("Vector of progress: %s.\n\n", inline(strings.TrimRight(v, ".")))
			}
			var texts []string
			for _, id := range b.ClusterCards(k.ID) {
				texts = append(texts, byID[id].Text)
			}
			slices.Sort(texts)
			for _, t := range texts {
				r.printf("- %s\n", inline(t))
			}
			if len(texts) > 0 {
				r.printf("\n")
			}
		}
	}
}

func (r *report) jobStories() {
	stories := r.cards(KindJobStory)
	if len(stories) == 0 {
		return
	}
	slices.SortStableFunc(stories, func(a, b item) int { return strings.Compare(a.card.Text, b.card.Text) })
	r.section("Job stories")
	for _, it := range stories {
		r.printf("- %s\n", inline(it.card.Text))
	}
	r.printf("\n")
}

// customerStories lists the stories not in a cluster: those in one are
// listed under it already.
func (r *report) customerStories() {
	var stories []item
	for _, it := range r.cards(KindCustomerStory) {
		if _, in := it.board.ClusterAt(it.card.Center()); !in {
			stories = append(stories, it)
		}
	}
	if len(stories) == 0 {
		return
	}
	slices.SortStableFunc(stories, func(a, b item) int { return strings.Compare(a.card.Text, b.card.Text) })
	r.section("Customer stories")
	for _, it := range stories {
		r.printf("- %s\n", inline(it.card.Text))
	}
	r.printf("\n")
}

func (r *report) quotes() {
	var quoted []item
	for _, b := range r.p.Boards {
		for _, c := range b.Cards {
			if strings.TrimSpace(c.Quote) != "" {
				quoted = append(quoted, item{b, c})
			}
		}
	}
	if len(quoted) == 0 {
		return
	}
	slices.SortStableFunc(quoted, func(a, b item) int {
		return cmp.Or(strings.Compare(strings.TrimSpace(a.card.Source), strings.TrimSpace(b.card.Source)),
			strings.Compare(a.card.Quote, b.card.Quote), strings.Compare(a.card.Text, b.card.Text))
	})
	r.section("Quotes")
	// By source, one interview after another, so that what each person
	// said reads together.
	source := "\x00"
	for _, it := range quoted {
		c := it.card
		if s := strings.TrimSpace(c.Source); s != source {
			if source != "\x00" {
				r.printf("\n")
			}
			source = s
			if s == "" {
				s = "Source not noted"
			}
			r.printf("### %s\n\n", inline(s))
		}
		r.printf("- “%s” (%s: %s)\n", inline(strings.TrimSpace(c.Quote)), inline(c.Kind.Label()), inline(c.Text))
	}
	r.printf("\n")
}

// number writes a score as people write it: 7, 7.5, 7.25.
func number(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func score(v *float64) string {
	if v == nil {
		return ""
	}
	return number(*v)
}

// table is a pipe table under construction; a Board column comes first
// when the rows come from several boards.
type table struct {
	withBoard bool
	head      []string
	rows      [][]string
}

func newTable(withBoard bool, head ...string) *table {
	if withBoard {
		head = append([]string{"Board"}, head...)
	}
	return &table{withBoard: withBoard, head: head}
}

func (t *table) row(b *Board, cells ...string) {
	if t.withBoard {
		cells = append([]string{boardName(b)}, cells...)
	}
	t.rows = append(t.rows, cells)
}

func (r *report) table(t *table) {
	line := func(cells []string, esc bool) {
		r.b.WriteString("|")
		for _, c := range cells {
			if esc {
				c = inline(c)
			}
			if c == "" {
				c = "—"
			}
			r.printf(" %s |", c)
		}
		r.b.WriteString("\n")
	}
	line(t.head, true)
	sep := make([]string, len(t.head))
	for i, h := range t.head {
		// Scores are numbers: right-aligned, so their digits line up.
		switch h {
		case "Importance", "Satisfaction", "Opportunity", "Votes":
			sep[i] = "---:"
		default:
			sep[i] = "---"
		}
	}
	line(sep, false)
	for _, row := range t.rows {
		line(row, true)
	}
	r.b.WriteString("\n")
}

// inline escapes s to stand as text in one line of CommonMark (a list
// item, a table cell, a heading): line breaks become spaces, and every
// character that could start markup (emphasis, links, code, HTML, a
// table's cell border) is backslash-escaped, as are the marks that would
// make the start of the text a list, a quote or a heading.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '&':
			// Only where it could begin an entity such as &amp;.
			if i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#') {
				b.WriteByte('\\')
			}
		case '-', '+', '=', '>', '#':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. " or "1) " at the start would be an ordered list.
			if i > 0 && digitsOnly(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// destination is a link destination for a file name: in angle brackets
// when it holds a space or parenthesis, which would end a bare one.
func destination(file string) string {
	file = strings.ReplaceAll(file, "\\", "/")
	if strings.ContainsAny(file, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(file) + ">"
	}
	return file
}
