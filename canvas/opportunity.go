package canvas

// Class is where an outcome stands in outcome-driven innovation, from its
// importance and satisfaction (each 0–10).
type Class string

// The classes, with the thresholds of the opportunity score: extreme ≥ 15,
// high 12–15, solid 10–12; below 10 an outcome is appropriately served while
// importance ≥ satisfaction and over-served when satisfaction is higher.
const (
	ClassExtreme     Class = "extreme"
	ClassHigh        Class = "high"
	ClassSolid       Class = "solid"
	ClassAppropriate Class = "appropriate"
	ClassOverserved  Class = "over-served"
)

// Thresholds of the opportunity score between the classes.
const (
	ExtremeOpportunity = 15
	HighOpportunity    = 12
)

// Classify returns the class of an outcome with these scores.
func Classify(importance, satisfaction float64) Class {
	switch o := Opportunity(importance, satisfaction); {
	case o >= ExtremeOpportunity:
		return ClassExtreme
	case o >= HighOpportunity:
		return ClassHigh
	case o >= Underserved:
		return ClassSolid
	case satisfaction > importance:
		return ClassOverserved
	default:
		return ClassAppropriate
	}
}

// Label is the class as people read it.
func (c Class) Label() string {
	switch c {
	case ClassExtreme:
		return "Extreme opportunity"
	case ClassHigh:
		return "High opportunity"
	case ClassSolid:
		return "Solid opportunity"
	case ClassAppropriate:
		return "Appropriately served"
	case ClassOverserved:
		return "Over-served"
	}
	return string(c)
}

// Class is the card's class; ok is false until both scores are set.
func (c *Card) Class() (cl Class, ok bool) {
	if c.Importance == nil || c.Satisfaction == nil {
		return "", false
	}
	return Classify(*c.Importance, *c.Satisfaction), true
}
