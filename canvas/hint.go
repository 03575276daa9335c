package canvas

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Hint is one way a card's statement breaks the pattern of its kind, for
// a small mark on the card and a line in the inspector. Hints are
// gentle: they never stop anything, and a card without text has none.
type Hint struct {
	Rule       HintRule
	Problem    string // what is wrong, about this statement
	Suggestion string // the shape to aim for
}

// HintRule names the rule a hint is about.
type HintRule string

// The rules. Jobs and job steps: verb + object + contextual clarifier,
// solution-free. Outcomes: direction + metric + object of control +
// clarifier, one thing, nothing vague.
const (
	RuleVerb      HintRule = "verb"      // a job starts with a verb
	RuleObject    HintRule = "object"    // … and names what it acts on
	RuleSolution  HintRule = "solution"  // … and no product or solution
	RuleDirection HintRule = "direction" // an outcome starts with a direction
	RuleMetric    HintRule = "metric"    // … then a metric
	RuleOneThing  HintRule = "one-thing" // … about one thing
	RuleVague     HintRule = "vague"     // … with no vague adjective
)

// Words a job statement starts with that are not a verb: the statement
// talks about someone, or starts mid-sentence. Anything else may be a
// verb: without a dictionary, a hint only comes when it is sure.
var notVerbs = wordSet(`a an the my our your their his her its this that these those some any
	i we you they he she it me us them people customers customer users user someone everyone
	when if because so while as since although though whenever where why how what which who
	for with without from into onto about of in on at by after before during
	more less fewer better faster cheaper easier no not never always`)

// solutionWords name a kind of product rather than the progress a person
// wants; brandWords are products people name often. Both are short on
// purpose: a hint should be right when it shows.
var (
	solutionWords = wordSet(`app apps application applications software tool tools platform platforms
		website websites web-site site plugin plug-in plugins dashboard dashboards chatbot device gadget
		gadgets saas api`)
	brandWords = wordSet(`uber lyft google excel slack whatsapp iphone ipad android amazon netflix
		spotify zoom facebook instagram tiktok linkedin strava citymapper chatgpt salesforce trello jira`)
	// Verbs that say what someone does with a product, not what they
	// want done.
	useVerbs = wordSet(`use using`)
)

// Directions of an outcome statement, with the British spellings.
var directions = wordSet(`minimize minimise maximize maximise increase reduce decrease`)

// Metrics of an outcome statement: the first word after the direction
// (and "the"): the time it takes to, the likelihood that, the number of …
var metrics = wordSet(`time likelihood number amount risk effort cost frequency chance chances
	probability variation variability distance accuracy percentage share duration speed count
	delay delays occurrence occurrences severity impact`)

// Vague adjectives: people read them differently, so an outcome with one
// cannot be measured.
var vague = wordSet(`easy easily easier fast faster quick quickly quicker reliable reliably simple
	simply simpler better best good great nice user-friendly convenient conveniently intuitive
	seamless seamlessly efficient efficiently smooth smoothly effortless hassle-free`)

// Gerunds that are also plain verbs.
var ingVerbs = wordSet(`bring string spring swing sling cling fling wring sing ring sting`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words splits a statement into lower-case words: letters and digits,
// with the hyphens and apostrophes inside a word ("user-friendly",
// "don't").
func words(s string) []string {
	fs := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})
	out := fs[:0]
	for _, w := range fs {
		if w = strings.Trim(w, "-'’"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Hints checks a card's statement against the pattern of its kind: a job
// or a job step (verb + object + context, no solution), an outcome
// (direction + metric + object, one thing, nothing vague). Other kinds,
// and cards without text, have none.
//
// The patterns are English ones: text with letters of another script
// (Thai, Korean, Devanagari …) gets no hint rather than wrong ones.
func Hints(c *Card) []Hint {
	if c.Kind != KindJob && c.Kind != KindJobStep && c.Kind != KindOutcome {
		return nil
	}
	ws := words(c.Text)
	if len(ws) == 0 || !latin(c.Text) {
		return nil
	}
	switch c.Kind {
	case KindJob, KindJobStep:
		return jobHints(ws)
	case KindOutcome:
		return outcomeHints(ws, c.Text)
	}
	return nil
}

const jobShape = `Verb + object + context, e.g. "Get to a client meeting on time in an unfamiliar city"`

func jobHints(ws []string) []Hint {
	var hs []Hint
	first := ws[0]
	switch {
	case first == "to" && len(ws) > 1:
		hs = append(hs, Hint{RuleVerb, `Starts with "to"`, fmt.Sprintf(`Start with the verb itself: "%s …"`, capitalizeWord(ws[1]))})
	case strings.HasSuffix(first, "ing") && len(first) > 4 && !ingVerbs[first]:
		hs = append(hs, Hint{RuleVerb, fmt.Sprintf(`Starts with "%s", not a verb's plain form`, first),
			`Start with the plain verb, as an instruction: "Get to work", not "Getting to work"`})
	case notVerbs[first] || isNounLike(first):
		hs = append(hs, Hint{RuleVerb, fmt.Sprintf(`Starts with "%s": a job starts with a verb`, first),
			`Say what the person is trying to get done. ` + jobShape})
	}
	if len(ws) < 2 {
		hs = append(hs, Hint{RuleObject, "Names no object: what does it act on?",
			`Add what the verb acts on, and where or when: not "Commute" but "Get to work on time"`})
	}
	for _, w := range ws {
		if solutionWords[w] || brandWords[w] || useVerbs[w] {
			problem := fmt.Sprintf(`Names a solution ("%s")`, w)
			if useVerbs[w] {
				problem = fmt.Sprintf(`Says what the person uses ("%s")`, w)
			}
			hs = append(hs, Hint{RuleSolution, problem,
				`A job stays true whatever gets it done: say what the person wants done, not with what`})
			break
		}
	}
	return hs
}

// isNounLike reports whether w ends as English nouns do ("safety",
// "transportation"): a job that starts with one names a topic, not an
// action.
func isNounLike(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suffix := range []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

func capitalizeWord(w string) string {
	if w == "" {
		return w
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

const outcomeShape = `Direction + metric + object + context, e.g. "Minimize the time it takes to find a parking space near the venue"`

func outcomeHints(ws []string, text string) []Hint {
	var hs []Hint
	if !directions[ws[0]] {
		hs = append(hs, Hint{RuleDirection, "Starts with no direction (minimize, maximize, increase, reduce)",
			outcomeShape})
	} else {
		i := 1
		if i < len(ws) && ws[i] == "the" {
			i++
		}
		if i >= len(ws) || !metrics[ws[i]] {
			hs = append(hs, Hint{RuleMetric, fmt.Sprintf(`Names no metric after "%s"`, ws[0]),
				`Say what is measured: the time it takes to, the likelihood that, the number of, the amount of, the risk of …`})
		}
	}
	if slices.Contains(ws, "and") || strings.Contains(text, "&") || strings.Contains(strings.ToLower(text), "as well as") {
		hs = append(hs, Hint{RuleOneThing, `Holds more than one thing ("and")`,
			"Split it, one outcome a card, so that each can be scored on its own"})
	}
	for _, w := range ws {
		if vague[w] {
			hs = append(hs, Hint{RuleVague, fmt.Sprintf(`"%s" is vague: people read it differently`, w),
				`Say what is measured instead: not "fast" but "the time it takes to …", not "reliable" but "the likelihood that … fails"`})
			break
		}
	}
	return hs
}

// latin reports whether every letter of s is of the Latin script.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
