package canvas

import (
	"cmp"
	"slices"

	"github.com/google/uuid"
)

// UnscoredWeight is the weight of a pain without a severity, or a gain
// without a relevance, in the fit coverage: that of the mildest pain and
// the least relevant gain. An unranked card still counts, but cannot
// outweigh one the room has ranked, so that coverage does not jump when
// the room ranks it.
const UnscoredWeight = 1

// Fit is how well a value proposition canvas's value map addresses its
// customer profile: the fit panel's figures.
type Fit struct {
	// PainCoverage is the share of the pains addressed, each pain weighted
	// by its severity (UnscoredWeight when not ranked) and counted by the
	// strongest link addressing it: Σ weight × link weight / Σ weight,
	// 0 … 1. GainCoverage is the same for gains, by relevance. Both are 0
	// when HasPains or HasGains is false.
	PainCoverage, GainCoverage float64
	HasPains, HasGains         bool
	// UnaddressedPains and UnaddressedGains are those without any fit
	// link, most severe (most relevant) first, unranked last, then in
	// board order.
	UnaddressedPains, UnaddressedGains []uuid.UUID
	// Idle lists the pain relievers, gain creators and products or
	// services that address nothing, in board order.
	Idle []uuid.UUID

	addressed map[uuid.UUID]bool
}

// Addressed reports whether the pain, gain or job with that id has at
// least one fit link (a check mark on the board).
func (f Fit) Addressed(id uuid.UUID) bool { return f.addressed[id] }

// isFitLink reports whether l joins a and b as CanLink allows: a link of
// a file from before the rules may join anything, and counts for nothing.
func isFitLink(a, b *Card) bool {
	if a == nil || b == nil {
		return false
	}
	return fitPartner[a.Kind] == b.Kind || fitPartner[b.Kind] == a.Kind
}

// ComputeFit measures b's fit (see Fit). A board without pains, gains or
// value-map cards gives zero figures and empty lists.
func ComputeFit(b *Board) Fit {
	byID := make(map[uuid.UUID]*Card, len(b.Cards))
	for _, c := range b.Cards {
		byID[c.ID] = c
	}
	f := Fit{addressed: map[uuid.UUID]bool{}}
	share := map[uuid.UUID]float64{} // the strongest link's weight, by profile card
	busy := map[uuid.UUID]bool{}     // value-map cards with a fit link
	for _, l := range b.Links {
		from, to := byID[l.From], byID[l.To]
		if !isFitLink(from, to) {
			continue
		}
		if isValueMap(to.Kind) {
			from, to = to, from
		}
		busy[from.ID] = true
		f.addressed[to.ID] = true
		share[to.ID] = max(share[to.ID], l.Strength.Weight())
	}
	var pains, gains []*Card
	var painW, painHit, gainW, gainHit float64
	for _, c := range b.Cards {
		switch c.Kind {
		case KindPain:
			w := weight(c.Severity)
			painW += w
			painHit += w * share[c.ID]
			f.HasPains = true
			if !f.addressed[c.ID] {
				pains = append(pains, c)
			}
		case KindGain:
			w := weight(c.Relevance)
			gainW += w
			gainHit += w * share[c.ID]
			f.HasGains = true
			if !f.addressed[c.ID] {
				gains = append(gains, c)
			}
		case KindPainReliever, KindGainCreator, KindProduct:
			if !busy[c.ID] {
				f.Idle = append(f.Idle, c.ID)
			}
		}
	}
	if painW > 0 {
		f.PainCoverage = painHit / painW
	}
	if gainW > 0 {
		f.GainCoverage = gainHit / gainW
	}
	f.UnaddressedPains = byRank(pains)
	f.UnaddressedGains = byRank(gains)
	return f
}

func weight(rank *int) float64 {
	if rank == nil {
		return UnscoredWeight
	}
	return float64(*rank)
}

// byRank lists the cards' ids, highest rank first, unranked last, ties in
// the order given.
func byRank(cards []*Card) []uuid.UUID {
	if len(cards) == 0 {
		return nil
	}
	slices.SortStableFunc(cards, func(a, b *Card) int {
		ra, oka := a.Rank()
		rb, okb := b.Rank()
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Compare(rb, ra)
	})
	ids := make([]uuid.UUID, len(cards))
	for i, c := range cards {
		ids[i] = c.ID
	}
	return ids
}
