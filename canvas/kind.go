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
)

// Kinds lists every kind in the order menus show them.
var Kinds = []Kind{KindJob, KindPain, KindGain, KindProduct, KindPainReliever,
	KindGainCreator, KindJobStep, KindOutcome, KindNote}

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
