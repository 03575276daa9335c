package canvas

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// fitPartner maps each value-map kind to the customer-profile kind it
// addresses, the only links of the value proposition canvas's fit.
var fitPartner = map[Kind]Kind{
	KindPainReliever: KindPain,
	KindGainCreator:  KindGain,
	KindProduct:      KindJob,
}

// profilePartner is fitPartner the other way round.
var profilePartner = map[Kind]Kind{
	KindPain: KindPainReliever,
	KindGain: KindGainCreator,
	KindJob:  KindProduct,
}

// ErrSelfLink is CanLink's answer for a card and itself.
var ErrSelfLink = errors.New("a card cannot link to itself")

// CanLink reports whether a and b (in either order) may be joined by a fit
// link: a pain reliever and a pain, a gain creator and a gain, a product or
// service and a customer job; and, outside the fit, a job story and a
// customer job (made from it). The error says why not in words for the
// person who tried ("A pain reliever links to a pain, not to a gain").
// Whether they are already linked, or on one board, is for the edit to
// check.
func CanLink(a, b *Card) error {
	if a == b || a.ID == b.ID {
		return ErrSelfLink
	}
	// A job story links to the jobs made from it ("Make a job card"),
	// outside the fit.
	if a.Kind == KindJobStory || b.Kind == KindJobStory {
		if a.Kind == KindJob || b.Kind == KindJob {
			return nil
		}
		return fmt.Errorf("A job story links to a customer job, not to %s", article(other(a, b, KindJobStory).Kind))
	}
	if want, ok := fitPartner[a.Kind]; ok {
		return partnerError(a.Kind, want, b.Kind)
	}
	if want, ok := fitPartner[b.Kind]; ok {
		return partnerError(b.Kind, want, a.Kind)
	}
	if want, ok := profilePartner[a.Kind]; ok {
		return partnerError(a.Kind, want, b.Kind)
	}
	if want, ok := profilePartner[b.Kind]; ok {
		return partnerError(b.Kind, want, a.Kind)
	}
	return fmt.Errorf("Only the value map links to the customer profile: %s and %s take no link",
		article(a.Kind), article(b.Kind))
}

func partnerError(k, want, got Kind) error {
	if got == want {
		return nil
	}
	return fmt.Errorf("%s links to %s, not to %s", capitalize(article(k)), article(want), article(got))
}

// other is whichever of a and b is not of kind k (b when both are).
func other(a, b *Card, k Kind) *Card {
	if a.Kind == k {
		return b
	}
	return a
}

// article names k in a sentence: "a pain reliever", "an outcome".
func article(k Kind) string {
	l := strings.ToLower(k.Label())
	if l != "" && strings.ContainsRune("aeiou", rune(l[0])) {
		return "an " + l
	}
	return "a " + l
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// isValueMap reports whether k is a card of the value map's side of a link.
func isValueMap(k Kind) bool { _, ok := fitPartner[k]; return ok }

// NewLink makes the link between a and b that CanLink allows, ordered
// From the value-map card (product, pain reliever, gain creator) To the
// customer-profile card.
func NewLink(a, b *Card, s Strength) (Link, error) {
	if err := CanLink(a, b); err != nil {
		return Link{}, err
	}
	if !s.Valid() {
		return Link{}, fmt.Errorf("unknown link strength %q (want weak, partial or strong)", s)
	}
	if !isValueMap(a.Kind) && a.Kind != KindJobStory {
		a, b = b, a
	}
	return Link{From: a.ID, To: b.ID, Strength: s}, nil
}

// SetLinkStrength sets how well a value-map card addresses the card it is
// linked to. From and To name the link's cards in either order.
type SetLinkStrength struct {
	Board    uuid.UUID
	From, To uuid.UUID
	Strength Strength

	old Strength
}

func (e *SetLinkStrength) Name() string { return "Set link strength" }

func (e *SetLinkStrength) Apply(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	if !e.Strength.Valid() {
		return fmt.Errorf("unknown link strength %q (want weak, partial or strong)", e.Strength)
	}
	i := b.LinkIndex(e.From, e.To)
	if i < 0 {
		return fmt.Errorf("link: %w", ErrNotFound)
	}
	e.old, b.Links[i].Strength = b.Links[i].Strength, e.Strength
	return nil
}

func (e *SetLinkStrength) Undo(p *Project) error {
	b, err := board(p, e.Board)
	if err != nil {
		return err
	}
	i := b.LinkIndex(e.From, e.To)
	if i < 0 {
		return fmt.Errorf("link: %w", ErrNotFound)
	}
	b.Links[i].Strength = e.old
	return nil
}

// BoardID implements BoardEdit.
func (e *SetLinkStrength) BoardID() uuid.UUID { return e.Board }

// Warnings lists what in p is allowed but against the method: the links
// CanLink refuses (a file written before the rules may hold them). They
// stay, count for nothing in the fit, and are for `jobcanvas check` or
// the app to point out; Validate does not refuse them. Paths are those of
// Validate ("boards[0].links[2]").
func (p *Project) Warnings() []*FieldError {
	var out []*FieldError
	for i, b := range p.Boards {
		byID := make(map[uuid.UUID]*Card, len(b.Cards))
		for _, c := range b.Cards {
			byID[c.ID] = c
		}
		for j, l := range b.Links {
			from, to := byID[l.From], byID[l.To]
			if from == nil || to == nil {
				continue // Validate's to report
			}
			if err := CanLink(from, to); err != nil {
				out = append(out, &FieldError{Path: fmt.Sprintf("boards[%d].links[%d]", i, j),
					Msg: err.Error() + "; the link is kept but counts for nothing in the fit"})
			}
		}
	}
	return out
}
