package canvas

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Part is one field of a multi-field card: a job story's situation, a
// customer story's "switched from". Key names it in the file, Label in the
// inspector, and Lead is the words the card's sentence puts before it
// ("When", "I want to"); a part without a lead is shown by its label.
type Part struct{ Key, Label, Lead string }

// The keys of the parts, as the file's "parts" member names them.
const (
	PartSituation  = "situation"
	PartMotivation = "motivation"
	PartOutcome    = "outcome"

	PartWho          = "who"
	PartWhen         = "when"
	PartFrom         = "from"
	PartTo           = "to"
	PartFirstThought = "firstThought"
	PartTradeOffs    = "tradeOffs"

	PartProduct  = "product"
	PartHiredFor = "hiredFor"
)

var (
	jobStoryParts = []Part{
		{PartSituation, "Situation", "When"},
		{PartMotivation, "Motivation", "I want to"},
		{PartOutcome, "Expected outcome", "so I can"},
	}
	customerStoryParts = []Part{
		{PartWho, "Who", ""},
		{PartWhen, "When", ""},
		{PartFrom, "Switched from", "from"},
		{PartTo, "Switched to", "to"},
		{PartFirstThought, "First thought", "First thought:"},
		{PartTradeOffs, "Trade-offs", "Trade-offs:"},
	}
	competitorParts = []Part{
		{PartProduct, "Product", ""},
		{PartHiredFor, "Hired for", "hired for"},
	}
)

// Parts lists the fields cards of kind k are written in, in the order they
// are read and edited (Tab moves on); nil for kinds written as one text.
// The slice is shared: do not change it.
func (k Kind) Parts() []Part {
	switch k {
	case KindJobStory:
		return jobStoryParts
	case KindCustomerStory:
		return customerStoryParts
	case KindCompetitorDirect, KindCompetitorSecondary, KindCompetitorIndirect:
		return competitorParts
	}
	return nil
}

// HasPart reports whether cards of kind k have the part key.
func (k Kind) HasPart(key string) bool {
	for _, p := range k.Parts() {
		if p.Key == key {
			return true
		}
	}
	return false
}

// partKeys is "situation, motivation or outcome", for messages.
func (k Kind) partKeys() string {
	ps := k.Parts()
	if len(ps) == 0 {
		return "none"
	}
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Key
	}
	if len(keys) == 1 {
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " or " + keys[len(keys)-1]
}

// Part is the text of c's part key, "" when it has none.
func (c *Card) Part(key string) string { return c.Parts[key] }

// HasParts reports whether c is written part by part: its kind has parts
// and at least one of them says something. A card of such a kind with no
// parts yet (made as a note, then given the kind) is still one text.
func (c *Card) HasParts() bool {
	for _, p := range c.Kind.Parts() {
		if strings.TrimSpace(c.Parts[p.Key]) != "" {
			return true
		}
	}
	return false
}

// SetParts gives c the parts in vs (keys its kind defines; other keys are
// ignored), each trimmed, empty ones left out, and makes its text the
// sentence they compose. The map is new: an edit's old state, which may
// share c's map, is not changed.
func (c *Card) SetParts(vs map[string]string) {
	var m map[string]string
	for _, p := range c.Kind.Parts() {
		v := strings.TrimSpace(vs[p.Key])
		if v == "" {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(vs))
		}
		m[p.Key] = v
	}
	c.Parts = m
	if m != nil {
		c.Text = ComposeParts(c.Kind, m)
	}
}

// SetPart is SetParts for one part, the others kept.
func (c *Card) SetPart(key, v string) {
	m := maps.Clone(c.Parts)
	if m == nil {
		m = map[string]string{}
	}
	m[key] = v
	c.SetParts(m)
}

// EditableParts is what the part editor starts from: c's parts, or for a
// card that has none yet, its text read as parts (ParseParts), so that a
// note turned into a job story is not retyped.
func (c *Card) EditableParts() map[string]string {
	if c.HasParts() {
		return maps.Clone(c.Parts)
	}
	return ParseParts(c.Kind, c.Text)
}

// ComposeParts is the readable sentence of parts for a card of kind k,
// the card's text in exports, CSV, the clipboard and search: a job story
// "When …, I want to …, so I can …"; a customer story "Who, when: from …
// to …. First thought: …. Trade-offs: …"; a competitor "Product, hired for
// …". Parts left empty are left out with their lead.
func ComposeParts(k Kind, parts map[string]string) string {
	get := func(key string) string { return strings.TrimSpace(parts[key]) }
	lead := func(p Part, v string) string {
		if v == "" || p.Lead == "" {
			return v
		}
		return p.Lead + " " + v
	}
	switch k {
	case KindJobStory:
		var s []string
		for _, p := range jobStoryParts {
			if v := trimEnd(get(p.Key)); v != "" {
				s = append(s, lead(p, v))
			}
		}
		return upperFirst(strings.Join(s, ", "))
	case KindCustomerStory:
		var sentences []string
		head := joinNonEmpty(", ", trimEnd(get(PartWho)), trimEnd(get(PartWhen)))
		move := joinNonEmpty(" ", lead(customerStoryParts[2], trimEnd(get(PartFrom))),
			lead(customerStoryParts[3], trimEnd(get(PartTo))))
		switch {
		case head != "" && move != "":
			sentences = append(sentences, head+": "+move)
		default:
			sentences = append(sentences, joinNonEmpty("", head, upperFirst(move)))
		}
		for _, p := range customerStoryParts[4:] {
			sentences = append(sentences, lead(p, trimEnd(get(p.Key))))
		}
		return joinNonEmpty(". ", sentences...)
	case KindCompetitorDirect, KindCompetitorSecondary, KindCompetitorIndirect:
		hired := lead(competitorParts[1], trimEnd(get(PartHiredFor)))
		if get(PartProduct) == "" {
			return upperFirst(hired)
		}
		return joinNonEmpty(", ", trimEnd(get(PartProduct)), hired)
	}
	return ""
}

// ParseParts reads text written as one sentence as the parts of kind k:
// a job story's leads ("When …, I want to …, so I can …") are found in any
// case; without them, or for other kinds, the whole text is the first
// part. An empty text gives no parts.
func ParseParts(k Kind, text string) map[string]string {
	text = strings.TrimSpace(text)
	ps := k.Parts()
	if text == "" || len(ps) == 0 {
		return map[string]string{}
	}
	if k == KindJobStory {
		if m := parseJobStory(text); m != nil {
			return m
		}
	}
	return map[string]string{ps[0].Key: text}
}

// parseJobStory splits "When S, I want to M, so I can O" (any of the three
// may be missing, leads in any case), or returns nil when no lead after
// the first is found.
func parseJobStory(text string) map[string]string {
	lower := strings.ToLower(text)
	want := strings.Index(lower, "i want to ")
	soCan := strings.Index(lower, "so i can ")
	if want < 0 && soCan < 0 {
		return nil
	}
	cut := func(from, to int) string {
		if from < 0 {
			return ""
		}
		if to < 0 || to < from {
			to = len(text)
		}
		return strings.Trim(strings.TrimSpace(text[from:to]), ",;. ")
	}
	m := map[string]string{}
	first := len(text)
	for _, i := range []int{want, soCan} {
		if i >= 0 && i < first {
			first = i
		}
	}
	situation := strings.TrimSpace(text[:first])
	if strings.HasPrefix(strings.ToLower(situation), "when ") {
		situation = situation[len("when "):]
	}
	if s := strings.Trim(situation, ",;. "); s != "" {
		m[PartSituation] = s
	}
	if want >= 0 {
		if v := cut(want+len("i want to "), soCan); v != "" {
			m[PartMotivation] = v
		}
	}
	if soCan >= 0 {
		end := -1
		if want > soCan {
			end = want
		}
		if v := cut(soCan+len("so i can "), end); v != "" {
			m[PartOutcome] = v
		}
	}
	return m
}

// trimEnd takes off the punctuation a part ends with, so that the
// sentence's own commas and full stops do not double up.
func trimEnd(s string) string { return strings.TrimRight(s, ",;. ") }

func joinNonEmpty(sep string, ss ...string) string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// dropInapplicableParts leaves c only the parts its kind defines, in a new
// map (an edit's old state may share the old one); none left is nil.
func (c *Card) dropInapplicableParts() {
	if !c.hasInapplicableParts() {
		return
	}
	var m map[string]string
	for k, v := range c.Parts {
		if c.Kind.HasPart(k) {
			if m == nil {
				m = map[string]string{}
			}
			m[k] = v
		}
	}
	c.Parts = m
}

func (c *Card) hasInapplicableParts() bool {
	for k := range c.Parts {
		if !c.Kind.HasPart(k) {
			return true
		}
	}
	return c.Parts != nil && len(c.Parts) == 0
}

// parts reports parts that c's kind does not define, or too long.
func (ch *checker) parts(path string, k *Card) {
	for _, key := range slices.Sorted(maps.Keys(k.Parts)) {
		v := k.Parts[key]
		if !k.Kind.HasPart(key) {
			ch.addf(path+".parts."+key, "a %s has no part %q (want %s)",
				strings.ToLower(k.Kind.Label()), key, k.Kind.partKeys())
			continue
		}
		ch.textAt(path, ".parts."+key, v, 0, MaxTextLen)
	}
}

// JobStatement is a job story's motivation as a job statement, starting
// with its verb: "I want to find a quiet route." gives "Find a quiet
// route". "" when the story has no motivation.
func JobStatement(c *Card) string {
	m := c.EditableParts()[PartMotivation]
	return upperFirst(trimEnd(strings.TrimSpace(m)))
}

// MakeJobCard is the one undo step of "Make a job card" on a job story:
// a customer-job card saying the story's motivation (JobStatement), beside
// the story on its board, linked from it. It returns the edit and the new
// card's id, for the caller to select.
func MakeJobCard(p *Project, boardID, storyID uuid.UUID) (*AddCards, uuid.UUID, error) {
	b, story, err := boardCard(p, boardID, storyID)
	if err != nil {
		return nil, uuid.Nil, err
	}
	if story.Kind != KindJobStory {
		return nil, uuid.Nil, fmt.Errorf("only a job story makes a job card, not %s", article(story.Kind))
	}
	text := JobStatement(story)
	if text == "" {
		return nil, uuid.Nil, fmt.Errorf("the job story has no motivation (\"I want to …\") to make a job of")
	}
	job := NewCard(KindJob, Point{}, text)
	job.X, job.Y = jobSpot(b, story.Rect(), job.W, job.H)
	return &AddCards{Board: boardID, Cards: []Card{job},
		Links: []Link{{From: story.ID, To: job.ID}}, Label: "Make a job card"}, job.ID, nil
}

// jobSpot is where a new job card goes: beside r, or, when that spot is in
// a zone that would turn it into another kind, at r's height in the first
// zone that takes jobs (the job stories board's "Jobs found").
func jobSpot(b *Board, r Rect, w, h float64) (x, y float64) {
	x, y = besideFree(b, r, w, h)
	z, ok := b.ZoneAt(Point{x + w/2, y + h/2})
	if !ok || z.Accepts(KindJob) {
		return x, y
	}
	for _, z := range b.Zones() {
		if len(z.Kinds) == 0 || !z.Accepts(KindJob) {
			continue
		}
		// Below the zone's label and question, 24 units in from its left.
		zr := z.Rect
		top := min(max(r.Y, zr.Y+90), zr.Y+zr.H-h-24)
		return besideFree(b, Rect{X: zr.X, Y: top, H: h}, w, h)
	}
	return x, y
}

// besideFree is where a w×h card goes beside r: to its right, moved down
// past the cards already there, so that the new card covers none.
func besideFree(b *Board, r Rect, w, h float64) (x, y float64) {
	const gap = 24
	x, y = r.X+r.W+gap, r.Y
	for range len(b.Cards) + 1 {
		hit := false
		for _, c := range b.Cards {
			if c.X < x+w && x < c.X+c.W && c.Y < y+h && y < c.Y+c.H {
				y = c.Y + c.H + gap
				hit = true
			}
		}
		if !hit {
			break
		}
	}
	return x, y
}

// TemplateJobStories is the id of the job stories board: job stories,
// and the customer jobs made from them.
const TemplateJobStories = "job-stories"
