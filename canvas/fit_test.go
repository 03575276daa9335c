package canvas_test

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestComputeFit(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if err != nil {
		t.Fatal(err)
	}
	card := func(k canvas.Kind, rank int) uuid.UUID {
		c := canvas.NewCard(k, canvas.Point{}, string(k))
		if rank > 0 {
			c.Severity, c.Relevance = ptr(rank), ptr(rank)
			c.DropInapplicable()
		}
		b.Cards = append(b.Cards, &c)
		return c.ID
	}
	link := func(from, to uuid.UUID, s canvas.Strength) {
		b.Links = append(b.Links, canvas.Link{From: from, To: to, Strength: s})
	}
	p1, p2, p3 := card(canvas.KindPain, 5), card(canvas.KindPain, 4), card(canvas.KindPain, 2)
	p4, p5 := card(canvas.KindPain, 0), card(canvas.KindPain, 3)
	g1, g2, g3 := card(canvas.KindGain, 5), card(canvas.KindGain, 0), card(canvas.KindGain, 2)
	r1, r2, rIdle := card(canvas.KindPainReliever, 0), card(canvas.KindPainReliever, 0), card(canvas.KindPainReliever, 0)
	c1, cWrong := card(canvas.KindGainCreator, 0), card(canvas.KindGainCreator, 0)
	prod, job, note := card(canvas.KindProduct, 0), card(canvas.KindJob, 0), card(canvas.KindNote, 0)
	link(r1, p1, canvas.StrengthStrong)
	link(r1, p2, canvas.StrengthWeak)
	link(p2, r2, canvas.StrengthPartial) // stored the other way round
	link(r2, p4, canvas.StrengthPartial)
	link(cWrong, p5, canvas.StrengthStrong) // from an old file: no fit link
	link(note, p3, "")                      // neither
	link(c1, g2, "")                        // from before strengths: strong
	link(c1, g3, canvas.StrengthWeak)
	link(prod, job, canvas.StrengthWeak)

	f := canvas.ComputeFit(b)
	// Pains, weighted by severity (unranked p4 weighs 1), each counted by
	// its strongest link: p1 5×1 (strong) + p2 4×0.5 (weak 0.25 and
	// partial 0.5: the stronger) + p3 2×0 + p4 1×0.5 + p5 3×0 (its link
	// comes from a gain creator) = 7.5, of 5+4+2+1+3 = 15: 0.5.
	// Gains, by relevance (unranked g2 weighs 1): g1 5×0 + g2 1×1 (no
	// strength: strong) + g3 2×0.25 = 1.5, of 5+1+2 = 8: 0.1875.
	if !f.HasPains || !f.HasGains || f.PainCoverage != 0.5 || f.GainCoverage != 0.1875 {
		t.Errorf("coverage: pains %v (%v), gains %v (%v); want 0.5 and 0.1875",
			f.PainCoverage, f.HasPains, f.GainCoverage, f.HasGains)
	}
	if want := []uuid.UUID{p5, p3}; !slices.Equal(f.UnaddressedPains, want) {
		t.Errorf("unaddressed pains %v, want %v", f.UnaddressedPains, want)
	}
	if want := []uuid.UUID{g1}; !slices.Equal(f.UnaddressedGains, want) {
		t.Errorf("unaddressed gains %v, want %v", f.UnaddressedGains, want)
	}
	if want := []uuid.UUID{rIdle, cWrong}; !slices.Equal(f.Idle, want) {
		t.Errorf("idle %v, want %v", f.Idle, want)
	}
	for id, want := range map[uuid.UUID]bool{p1: true, p2: true, p4: true, p3: false, p5: false,
		g1: false, g2: true, g3: true, job: true, note: false, r1: false} {
		if got := f.Addressed(id); got != want {
			t.Errorf("Addressed(%s) = %v, want %v", b.Card(id).Text, got, want)
		}
	}
}

func TestComputeFitOrderAndEmpty(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if err != nil {
		t.Fatal(err)
	}
	if f := canvas.ComputeFit(b); f.HasPains || f.HasGains || f.PainCoverage != 0 || f.GainCoverage != 0 ||
		f.UnaddressedPains != nil || f.Idle != nil {
		t.Errorf("empty board: %+v", f)
	}
	var ids []uuid.UUID
	for _, sev := range []int{0, 2, 5, 0, 2, 4} {
		c := canvas.NewCard(canvas.KindPain, canvas.Point{}, "")
		if sev > 0 {
			c.Severity = ptr(sev)
		}
		b.Cards = append(b.Cards, &c)
		ids = append(ids, c.ID)
	}
	f := canvas.ComputeFit(b)
	// Most severe first, unranked last, ties in board order.
	if want := []uuid.UUID{ids[2], ids[5], ids[1], ids[4], ids[0], ids[3]}; !slices.Equal(f.UnaddressedPains, want) {
		t.Errorf("order %v, want %v", f.UnaddressedPains, want)
	}
	if !f.HasPains || f.PainCoverage != 0 || f.HasGains {
		t.Errorf("nothing addressed: %+v", f)
	}
}
