package canvas

// Kind says what a card stands for in JTBD terms; it picks the card's
// default colour and the zones it belongs in.
type Kind string

// The kinds of card, named as in the JTBD primer.
const (
	KindJob          Kind = "job"
	KindPain         Kind = "pain"
	KindGain         Kind = "gain"
	KindProduct      Kind = "product"
	KindPainReliever Kind = "pain-reliever"
	KindGainCreator  Kind = "gain-creator"
	KindJobStep      Kind = "job-step"
	KindOutcome      Kind = "outcome"
	KindNote         Kind = "note"

	// Forces of progress: what pushes and pulls towards a switch, what
	// holds back from it.
	KindForcePush    Kind = "force-push"
	KindForcePull    Kind = "force-pull"
	KindForceAnxiety Kind = "force-anxiety"
	KindForceHabit   Kind = "force-habit"

	// Competition and hire/fire.
	KindCompetitorDirect    Kind = "competitor-direct"
	KindCompetitorSecondary Kind = "competitor-secondary"
	KindCompetitorIndirect  Kind = "competitor-indirect"
	KindHireCriterion       Kind = "hire-criterion"
	KindFireCriterion       Kind = "fire-criterion"

	// Stories: a job story ("When …, I want to …, so I can …") and a
	// customer's story of a switch, from an interview.
	KindJobStory      Kind = "job-story"
	KindCustomerStory Kind = "customer-story"

	// Success outcomes.
	KindGoal    Kind = "goal"
	KindHazard  Kind = "hazard"
	KindProblem Kind = "problem"
)

// Kinds lists every kind in the order menus show them.
var Kinds = []Kind{KindJob, KindPain, KindGain, KindProduct, KindPainReliever,
	KindGainCreator, KindJobStep, KindOutcome, KindNote,
	KindForcePush, KindForcePull, KindForceAnxiety, KindForceHabit,
	KindCompetitorDirect, KindCompetitorSecondary, KindCompetitorIndirect, KindHireCriterion, KindFireCriterion,
	KindJobStory, KindCustomerStory,
	KindGoal, KindHazard, KindProblem}

var kindInfo = map[Kind]struct{ label, color string }{
	KindJob:          {"Customer job", "#8FD3F4"},
	KindPain:         {"Pain", "#F7A8A8"},
	KindGain:         {"Gain", "#B5E6A3"},
	KindProduct:      {"Product or service", "#C9B8F2"},
	KindPainReliever: {"Pain reliever", "#F9C98B"},
	KindGainCreator:  {"Gain creator", "#9FE0CF"},
	KindJobStep:      {"Job step", "#FFE27A"},
	KindOutcome:      {"Desired outcome", "#FFF3B0"},
	KindNote:         {"Note", "#E6E6E6"},

	KindForcePush:    {"Push of the situation", "#F7B7A3"},
	KindForcePull:    {"Pull of the new solution", "#A8DDB5"},
	KindForceAnxiety: {"Anxiety of the new", "#D7B8E8"},
	KindForceHabit:   {"Habit of the present", "#BFD7EA"},

	KindCompetitorDirect:    {"Direct competitor", "#F6C28B"},
	KindCompetitorSecondary: {"Secondary competitor", "#F9D9A8"},
	KindCompetitorIndirect:  {"Indirect competitor", "#FBE8C8"},
	KindHireCriterion:       {"Hire criterion", "#D4EDC4"},
	KindFireCriterion:       {"Fire criterion", "#F2C4CE"},

	KindJobStory:      {"Job story", "#A7C7F2"},
	KindCustomerStory: {"Customer story", "#F3E3B5"},

	KindGoal:    {"Goal to achieve", "#BFE3D0"},
	KindHazard:  {"Hazard to avoid", "#F5D6A8"},
	KindProblem: {"Problem to resolve", "#F3B6B0"},
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { _, ok := kindInfo[k]; return ok }

// Label is the name people see for k.
func (k Kind) Label() string {
	if i, ok := kindInfo[k]; ok {
		return i.label
	}
	return string(k)
}

// DefaultColor is the sticky-note colour of k as #RRGGBB; pastel so that
// dark text stays readable on a projector.
func (k Kind) DefaultColor() string {
	if i, ok := kindInfo[k]; ok {
		return i.color
	}
	return kindInfo[KindNote].color
}
