package canvas

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits on what a project may hold. They keep a hostile or broken file from
// exhausting memory and keep every card readable on a board.
const (
	MaxNameLen        = 200
	MaxDescriptionLen = 4000
	MaxTextLen        = 2000
	MaxSourceLen      = 200
	MaxBoards         = 100
	MaxCards          = 50000 // in the whole project
	MaxLinks          = 50000 // on one board
	MaxSteps          = 40
	MaxStepNameLen    = 80
	MaxStepDescLen    = 300
	MaxTags           = 32
	MaxTagLen         = 64
	MaxVotes          = 1000
	MaxCoordinate     = 1e6
	MinCardSize       = 20
	MaxCardSize       = 2000
)

// FieldError is one thing wrong with a project, at a path such as
// boards[0].cards[3].importance.
type FieldError struct {
	Path string
	Msg  string
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Msg }

// ValidationError lists everything wrong with a project, in file order.
type ValidationError []*FieldError

func (v ValidationError) Error() string {
	lines := make([]string, len(v))
	for i, e := range v {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each FieldError.
func (v ValidationError) Unwrap() []error {
	errs := make([]error, len(v))
	for i, e := range v {
		errs[i] = e
	}
	return errs
}

type checker struct{ errs ValidationError }

func (c *checker) addf(path, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{path, fmt.Sprintf(format, args...)})
}

func (c *checker) text(path, s string, min, max int) { c.textAt(path, "", s, min, max) }

// textAt checks the text at path base+field. The checks of a card take
// the path in two parts and join them only for a problem: joining them up
// front cost more than the checks on a 10,000-card project.
func (c *checker) textAt(base, field, s string, min, max int) {
	if !utf8.ValidString(s) {
		c.addf(base+field, "not valid UTF-8")
		return
	}
	if n := utf8.RuneCountInString(s); n < min {
		c.addf(base+field, "must not be empty")
	} else if n > max {
		c.addf(base+field, "too long: %d characters, the limit is %d", n, max)
	}
}

// id checks the id of the object at path owner ("" for the project);
// seen maps each id to the owner that used it first.
func (c *checker) id(owner string, id uuid.UUID, seen map[uuid.UUID]string) {
	if id == uuid.Nil {
		c.addf(idPath(owner), "missing id")
		return
	}
	if first, dup := seen[id]; dup {
		c.addf(idPath(owner), "duplicate id %s (first used at %s)", id, idPath(first))
		return
	}
	seen[id] = owner
}

func idPath(owner string) string {
	if owner == "" {
		return "id"
	}
	return owner + ".id"
}

var (
	colorRE  = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	stepIDRE = regexp.MustCompile(`^[a-z0-9-]{1,64}$`)
)

// Validate checks p against the rules of the model: ids unique, links to
// existing cards, scores in range, texts within their limits. It returns a
// ValidationError or nil.
func (p *Project) Validate() error {
	c := &checker{}
	seen := map[uuid.UUID]string{}
	c.id("", p.ID, seen)
	c.text("name", p.Name, 1, MaxNameLen)
	c.text("description", p.Description, 0, MaxDescriptionLen)
	if !p.ScoreScale.Valid() {
		c.addf("scoreScale", "unknown score scale %q (want room or survey)", p.ScoreScale)
	}
	if len(p.Boards) > MaxBoards {
		c.addf("boards", "too many boards: %d, the limit is %d", len(p.Boards), MaxBoards)
	}
	total := 0
	for i, b := range p.Boards {
		total += len(b.Cards)
		c.board(fmt.Sprintf("boards[%d]", i), b, seen)
	}
	if total > MaxCards {
		c.addf("boards", "too many cards: %d, the limit is %d", total, MaxCards)
	}
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

func (c *checker) board(path string, b *Board, seen map[uuid.UUID]string) {
	c.id(path, b.ID, seen)
	t, ok := TemplateByID(b.Template)
	if !ok {
		c.addf(path+".template", "unknown template %q (want one of value-proposition, job-map, free)", b.Template)
	}
	c.text(path+".title", b.Title, 0, MaxNameLen)
	if ok && t.Columns == nil && len(b.Steps) > 0 {
		c.addf(path+".steps", "only a job map has steps")
	}
	if len(b.Steps) > MaxSteps {
		c.addf(path+".steps", "too many steps: %d, the limit is %d", len(b.Steps), MaxSteps)
	}
	steps := map[string]bool{}
	for i, s := range b.Steps {
		sp := fmt.Sprintf("%s.steps[%d]", path, i)
		if !stepIDRE.MatchString(s.ID) {
			c.addf(sp+".id", "must be 1 to 64 of a-z, 0-9 and -")
		} else if steps[s.ID] {
			c.addf(sp+".id", "duplicate step id %q", s.ID)
		}
		steps[s.ID] = true
		c.text(sp+".name", s.Name, 1, MaxStepNameLen)
		c.text(sp+".description", s.Description, 0, MaxStepDescLen)
	}
	cards := make(map[uuid.UUID]bool, len(b.Cards))
	for i, card := range b.Cards {
		c.card(path+".cards["+strconv.Itoa(i)+"]", card, seen)
		cards[card.ID] = true
	}
	c.links(path, b.Links, cards)
	c.clusters(path, b.Clusters, seen)
}

// links checks links between the cards of one board, at path
// ("boards[0]"), or of a clip (path "").
func (c *checker) links(owner string, ls []Link, cards map[uuid.UUID]bool) {
	path := func() string { // only built for a problem found
		if owner == "" {
			return "links"
		}
		return owner + ".links"
	}
	if len(ls) > MaxLinks {
		c.addf(path(), "too many links: %d, the limit is %d", len(ls), MaxLinks)
	}
	links := make(map[linkKey]bool, len(ls))
	for i, l := range ls {
		lp := func() string { return fmt.Sprintf("%s[%d]", path(), i) }
		switch {
		case !cards[l.From]:
			c.addf(lp()+".from", "no card %s on this board", l.From)
		case !cards[l.To]:
			c.addf(lp()+".to", "no card %s on this board", l.To)
		case l.From == l.To:
			c.addf(lp(), "a card cannot link to itself")
		case links[keyOf(l)]:
			c.addf(lp(), "duplicate link")
		case !l.Strength.Valid():
			c.addf(lp()+".strength", "unknown strength %q (want weak, partial or strong)", l.Strength)
		}
		links[keyOf(l)] = true
	}
}

func (c *checker) card(path string, k *Card, seen map[uuid.UUID]string) {
	c.id(path, k.ID, seen)
	if !k.Kind.Valid() {
		c.addf(path+".kind", "unknown kind %q", k.Kind)
	}
	c.textAt(path, ".text", k.Text, 0, MaxTextLen)
	c.textAt(path, ".quote", k.Quote, 0, MaxTextLen)
	c.textAt(path, ".source", k.Source, 0, MaxSourceLen)
	c.parts(path, k)
	if k.Color != "" && !colorRE.MatchString(k.Color) {
		c.addf(path+".color", "must be #RRGGBB, got %q", k.Color)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"x", k.X}, {"y", k.Y}} {
		if math.IsNaN(f.v) || math.Abs(f.v) > MaxCoordinate {
			c.addf(path+"."+f.name, "must be between %g and %g", -MaxCoordinate, float64(MaxCoordinate))
		}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"w", k.W}, {"h", k.H}} {
		if math.IsNaN(f.v) || f.v < MinCardSize || f.v > MaxCardSize {
			c.addf(path+"."+f.name, "must be between %d and %d", MinCardSize, MaxCardSize)
		}
	}
	if len(k.Tags) > MaxTags {
		c.addf(path+".tags", "too many tags: %d, the limit is %d", len(k.Tags), MaxTags)
	}
	for i, tag := range k.Tags {
		if n := utf8.RuneCountInString(tag); n < 1 || n > MaxTagLen || !utf8.ValidString(tag) {
			c.text(fmt.Sprintf("%s.tags[%d]", path, i), tag, 1, MaxTagLen)
		}
	}
	if k.Votes < 0 || k.Votes > MaxVotes {
		c.addf(path+".votes", "must be between 0 and %d", MaxVotes)
	}
	c.intRange(path, ".severity", k.Severity, 1, 5)
	c.intRange(path, ".relevance", k.Relevance, 1, 5)
	c.intRange(path, ".strength", k.ForceStrength, 1, 5)
	c.score(path, ".importance", k.Importance)
	c.score(path, ".satisfaction", k.Satisfaction)
	if len(k.JobTypes) > len(JobTypes) {
		c.addf(path+".jobTypes", "too many job types: %d, there are %d", len(k.JobTypes), len(JobTypes))
	}
	for i, t := range k.JobTypes {
		switch {
		case !t.Valid():
			c.addf(fmt.Sprintf("%s.jobTypes[%d]", path, i), "unknown job type %q (want functional, social, emotional, supporting or consumption)", t)
		case slices.Contains(k.JobTypes[:i], t):
			c.addf(fmt.Sprintf("%s.jobTypes[%d]", path, i), "duplicate job type %q", t)
		}
	}
}

func (c *checker) intRange(base, field string, v *int, min, max int) {
	if v != nil && (*v < min || *v > max) {
		c.addf(base+field, "must be between %d and %d", min, max)
	}
}

func (c *checker) score(base, field string, v *float64) {
	if v != nil && !(*v >= 0 && *v <= 10) {
		c.addf(base+field, "must be between 0 and 10")
	}
}

// Validate checks a clip from outside (another window, another Jobcanvas)
// as Project.Validate checks a board: ids unique, links between the
// clip's cards, everything within the limits. Paths are "cards[2].kind",
// "links[0].to".
func (c Clip) Validate() error {
	ch := &checker{}
	if len(c.Cards) > MaxCards {
		ch.addf("cards", "too many cards: %d, the limit is %d", len(c.Cards), MaxCards)
	}
	seen := make(map[uuid.UUID]string, len(c.Cards))
	cards := make(map[uuid.UUID]bool, len(c.Cards))
	for i := range c.Cards {
		ch.card("cards["+strconv.Itoa(i)+"]", &c.Cards[i], seen)
		cards[c.Cards[i].ID] = true
	}
	ch.links("", c.Links, cards)
	if len(ch.errs) == 0 {
		return nil
	}
	return ch.errs
}

// ValidateCard checks one card alone, as an edit does before it changes the
// board; ids are not checked against the rest of the project.
func ValidateCard(k *Card) error {
	c := &checker{}
	c.card("card", k, map[uuid.UUID]string{})
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// ErrNotFound is returned by an edit whose board, card or step is missing.
var ErrNotFound = errors.New("not found")
