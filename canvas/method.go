package canvas

import (
	"fmt"
	"slices"
)

// JobType says which kind of progress a customer job is about. Most real
// jobs mix several, so a job card holds a list.
type JobType string

// The job types of the JTBD primer.
const (
	JobFunctional  JobType = "functional"
	JobSocial      JobType = "social"
	JobEmotional   JobType = "emotional"
	JobSupporting  JobType = "supporting"
	JobConsumption JobType = "consumption"
)

// JobTypes lists every job type in the order menus show them.
var JobTypes = []JobType{JobFunctional, JobSocial, JobEmotional, JobSupporting, JobConsumption}

// Valid reports whether t is one of JobTypes.
func (t JobType) Valid() bool { return slices.Contains(JobTypes, t) }

// Label is the name people see for t.
func (t JobType) Label() string {
	switch t {
	case JobFunctional:
		return "Functional"
	case JobSocial:
		return "Social"
	case JobEmotional:
		return "Emotional"
	case JobSupporting:
		return "Supporting"
	case JobConsumption:
		return "Consumption"
	}
	return string(t)
}

// Strength is how well a value-map card addresses the profile card it is
// linked to.
type Strength string

// The strengths of a fit link. The empty strength is that of a link from a
// file written before links had one, and counts as strong: those links were
// drawn because the card was meant to address the other.
const (
	StrengthWeak    Strength = "weak"
	StrengthPartial Strength = "partial"
	StrengthStrong  Strength = "strong"
)

// Strengths lists every strength, weakest first, as menus show them.
var Strengths = []Strength{StrengthWeak, StrengthPartial, StrengthStrong}

// Valid reports whether s is one of Strengths or empty (strong).
func (s Strength) Valid() bool { return s == "" || slices.Contains(Strengths, s) }

// Weight is the share of a pain or gain that a link of strength s
// addresses, for the fit coverage: strong 1, partial 0.5, weak 0.25.
func (s Strength) Weight() float64 {
	switch s {
	case StrengthWeak:
		return 0.25
	case StrengthPartial:
		return 0.5
	}
	return 1
}

// Label is the name people see for s.
func (s Strength) Label() string {
	switch s {
	case StrengthWeak:
		return "Weak"
	case StrengthPartial:
		return "Partial"
	case StrengthStrong, "":
		return "Strong"
	}
	return string(s)
}

// ScoreScale says where a project's importance and satisfaction scores
// come from, so that people read them right: both are 0–10 either way.
type ScoreScale string

// The scales. The empty scale is ScaleRoom, the one files written before
// the scale existed used.
const (
	ScaleRoom   ScoreScale = "room"   // averages of 0–10 votes from the room
	ScaleSurvey ScoreScale = "survey" // top-2-box shares of a survey, scaled to 0–10
)

// ScoreScales lists the scales in the order menus show them.
var ScoreScales = []ScoreScale{ScaleRoom, ScaleSurvey}

// Valid reports whether s is one of ScoreScales or empty (room).
func (s ScoreScale) Valid() bool { return s == "" || slices.Contains(ScoreScales, s) }

// Label is the name people see for s.
func (s ScoreScale) Label() string {
	switch s {
	case ScaleRoom, "":
		return "0–10 averages from the room"
	case ScaleSurvey:
		return "Top-2-box shares from a survey, scaled to 0–10"
	}
	return string(s)
}

// Field is a field of a card that only some kinds have.
type Field string

// The fields that depend on a card's kind.
const (
	FieldSeverity     Field = "severity"
	FieldRelevance    Field = "relevance"
	FieldImportance   Field = "importance"
	FieldSatisfaction Field = "satisfaction"
	FieldJobTypes     Field = "jobTypes"
	FieldStrength     Field = "strength"
)

// Fields lists the fields that depend on a card's kind, in the order an
// inspector shows them.
var Fields = []Field{FieldJobTypes, FieldSeverity, FieldRelevance, FieldStrength, FieldImportance, FieldSatisfaction}

// Applies reports whether cards of kind k have field f: pains a severity,
// gains a relevance, forces of progress a strength, jobs job types and an
// importance, outcomes an importance and a satisfaction. Other kinds have
// none of them.
func (k Kind) Applies(f Field) bool {
	switch f {
	case FieldSeverity:
		return k == KindPain
	case FieldRelevance:
		return k == KindGain
	case FieldImportance:
		return k == KindJob || k == KindOutcome
	case FieldSatisfaction:
		return k == KindOutcome
	case FieldJobTypes:
		return k == KindJob
	case FieldStrength:
		return k.IsForce()
	}
	return false
}

// DropInapplicable clears the fields that do not apply to c's kind: a
// pain's severity on what is now a gain would be read as its relevance.
func (c *Card) DropInapplicable() {
	if !c.Kind.Applies(FieldSeverity) {
		c.Severity = nil
	}
	if !c.Kind.Applies(FieldRelevance) {
		c.Relevance = nil
	}
	if !c.Kind.Applies(FieldImportance) {
		c.Importance = nil
	}
	if !c.Kind.Applies(FieldSatisfaction) {
		c.Satisfaction = nil
	}
	if !c.Kind.Applies(FieldJobTypes) {
		c.JobTypes = nil
	}
	if !c.Kind.Applies(FieldStrength) {
		c.ForceStrength = nil
	}
	// A job story's situation means nothing to a pain; its text, the
	// composed sentence, stays.
	c.dropInapplicableParts()
}

// hasInapplicable reports whether DropInapplicable would change c.
func (c *Card) hasInapplicable() bool {
	return (c.Severity != nil && !c.Kind.Applies(FieldSeverity)) ||
		(c.Relevance != nil && !c.Kind.Applies(FieldRelevance)) ||
		(c.Importance != nil && !c.Kind.Applies(FieldImportance)) ||
		(c.Satisfaction != nil && !c.Kind.Applies(FieldSatisfaction)) ||
		(c.JobTypes != nil && !c.Kind.Applies(FieldJobTypes)) ||
		(c.ForceStrength != nil && !c.Kind.Applies(FieldStrength)) ||
		c.hasInapplicableParts()
}

// Rank is the 1–5 rank a facilitator gives with the keys: a pain's
// severity, a gain's relevance, a force's strength. ok is false for other
// kinds and for a card not ranked yet.
func (c *Card) Rank() (int, bool) {
	switch {
	case c.Kind == KindPain && c.Severity != nil:
		return *c.Severity, true
	case c.Kind == KindGain && c.Relevance != nil:
		return *c.Relevance, true
	case c.Kind.IsForce() && c.ForceStrength != nil:
		return *c.ForceStrength, true
	}
	return 0, false
}

// HasJobType reports whether the job is of type t.
func (c *Card) HasJobType(t JobType) bool { return slices.Contains(c.JobTypes, t) }

// SetScoreScale says which scale the project's scores use.
type SetScoreScale struct {
	Scale ScoreScale

	old ScoreScale
}

func (e *SetScoreScale) Name() string { return "Set score scale" }

func (e *SetScoreScale) Apply(p *Project) error {
	if !e.Scale.Valid() {
		return fmt.Errorf("unknown score scale %q (want room or survey)", e.Scale)
	}
	e.old, p.ScoreScale = p.ScoreScale, e.Scale
	return nil
}

func (e *SetScoreScale) Undo(p *Project) error {
	p.ScoreScale = e.old
	return nil
}

// IsForce reports whether k is one of the forces of progress.
func (k Kind) IsForce() bool {
	return k == KindForcePush || k == KindForcePull || k == KindForceAnxiety || k == KindForceHabit
}
