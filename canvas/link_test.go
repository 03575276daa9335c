package canvas_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestCanLink(t *testing.T) {
	card := func(k canvas.Kind) *canvas.Card { c := canvas.NewCard(k, canvas.Point{}, ""); return &c }
	for _, tt := range []struct {
		a, b canvas.Kind
		want string // "" allowed
	}{
		{canvas.KindPainReliever, canvas.KindPain, ""},
		{canvas.KindPain, canvas.KindPainReliever, ""},
		{canvas.KindGainCreator, canvas.KindGain, ""},
		{canvas.KindGain, canvas.KindGainCreator, ""},
		{canvas.KindProduct, canvas.KindJob, ""},
		{canvas.KindJob, canvas.KindProduct, ""},
		{canvas.KindPainReliever, canvas.KindGain, "A pain reliever links to a pain, not to a gain"},
		{canvas.KindGain, canvas.KindPainReliever, "A pain reliever links to a pain, not to a gain"},
		{canvas.KindGainCreator, canvas.KindPain, "A gain creator links to a gain, not to a pain"},
		{canvas.KindProduct, canvas.KindPain, "A product or service links to a customer job, not to a pain"},
		{canvas.KindPainReliever, canvas.KindGainCreator, "A pain reliever links to a pain, not to a gain creator"},
		{canvas.KindProduct, canvas.KindNote, "A product or service links to a customer job, not to a note"},
		{canvas.KindPain, canvas.KindGain, "A pain links to a pain reliever, not to a gain"},
		{canvas.KindJob, canvas.KindOutcome, "A customer job links to a product or service, not to a desired outcome"},
		{canvas.KindOutcome, canvas.KindPain, "A pain links to a pain reliever, not to a desired outcome"},
		{canvas.KindJobStep, canvas.KindOutcome, "Only the value map links to the customer profile: a job step and a desired outcome take no link"},
		{canvas.KindNote, canvas.KindNote, "Only the value map links to the customer profile: a note and a note take no link"},
	} {
		err := canvas.CanLink(card(tt.a), card(tt.b))
		if got := errText(err); got != tt.want {
			t.Errorf("CanLink(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
	c := card(canvas.KindPain)
	if err := canvas.CanLink(c, c); !errors.Is(err, canvas.ErrSelfLink) {
		t.Errorf("self link: %v", err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestNewLinkOrdersValueMapFirst(t *testing.T) {
	pain := canvas.NewCard(canvas.KindPain, canvas.Point{}, "p")
	rel := canvas.NewCard(canvas.KindPainReliever, canvas.Point{}, "r")
	for _, l := range []func() (canvas.Link, error){
		func() (canvas.Link, error) { return canvas.NewLink(&pain, &rel, canvas.StrengthWeak) },
		func() (canvas.Link, error) { return canvas.NewLink(&rel, &pain, canvas.StrengthWeak) },
	} {
		got, err := l()
		if err != nil || got != (canvas.Link{From: rel.ID, To: pain.ID, Strength: canvas.StrengthWeak}) {
			t.Errorf("NewLink = %+v, %v", got, err)
		}
	}
	if _, err := canvas.NewLink(&rel, &pain, "total"); err == nil {
		t.Error("unknown strength accepted")
	}
	if _, err := canvas.NewLink(&pain, &pain, ""); !errors.Is(err, canvas.ErrSelfLink) {
		t.Errorf("self link: %v", err)
	}
}

// AddLink refuses what CanLink refuses, and links already made; the
// project stays as it was.
func TestAddLinkRefused(t *testing.T) {
	for _, tt := range []struct {
		name string
		link func(f *fixture) canvas.Link
		want string
	}{
		{"pain reliever to gain", func(f *fixture) canvas.Link { return canvas.Link{From: f.reliever, To: f.gain} },
			"A pain reliever links to a pain, not to a gain"},
		{"note to product", func(f *fixture) canvas.Link { return canvas.Link{From: f.note, To: f.product} },
			"A product or service links to a customer job, not to a note"},
		{"already linked the other way round, other strength", func(f *fixture) canvas.Link {
			return canvas.Link{From: f.job, To: f.product, Strength: canvas.StrengthWeak}
		}, "already linked"},
		{"unknown strength", func(f *fixture) canvas.Link {
			f.vpc.Links = f.vpc.Links[:0]
			return canvas.Link{From: f.creator, To: f.gain, Strength: "huge"}
		}, `unknown link strength "huge"`},
		{"a card of another board", func(f *fixture) canvas.Link { return canvas.Link{From: f.product, To: f.define} },
			"both cards must be on this board"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l := tt.link(f)
			before := f.p.Clone()
			err := (&canvas.AddLink{Board: f.vpc.ID, Link: l}).Apply(f.p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			sameProject(t, "after a refused link", before, f.p)
		})
	}
}

func TestSetLinkStrength(t *testing.T) {
	f := newFixture(t)
	// Named the other way round from how the board stores it.
	e := &canvas.SetLinkStrength{Board: f.vpc.ID, From: f.pain, To: f.reliever, Strength: canvas.StrengthPartial}
	checkUndoRedo(t, f.p, e)
	if i := f.vpc.LinkIndex(f.reliever, f.pain); f.vpc.Links[i].Strength != canvas.StrengthPartial {
		t.Errorf("links = %v", f.vpc.Links)
	}
	var _ canvas.BoardEdit = e
	before := f.p.Clone()
	for _, bad := range []*canvas.SetLinkStrength{
		{Board: f.vpc.ID, From: f.pain, To: f.gain, Strength: canvas.StrengthWeak},
		{Board: f.vpc.ID, From: f.pain, To: f.reliever, Strength: "mighty"},
		{Board: uuid.New(), From: f.pain, To: f.reliever, Strength: canvas.StrengthWeak},
	} {
		if err := bad.Apply(f.p); err == nil {
			t.Errorf("%+v applied", bad)
		}
	}
	sameProject(t, "after refused strengths", before, f.p)
}

// Deleting cards takes their links, strengths and all, in the same step.
func TestRemoveCardsTakesLinksWithStrength(t *testing.T) {
	f := newFixture(t)
	f.vpc.Links[0].Strength = canvas.StrengthWeak    // reliever → pain
	f.vpc.Links[2].Strength = canvas.StrengthPartial // product → job
	checkUndoRedo(t, f.p, &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, f.product}})
	if len(f.vpc.Links) != 1 || !f.vpc.HasLink(canvas.Link{From: f.gain, To: f.creator}) {
		t.Errorf("links left = %v", f.vpc.Links)
	}
}

// A file may hold links the rules refuse (made before them): it stays
// valid, and edits carry such links along.
func TestOldLinksStayValid(t *testing.T) {
	f := newFixture(t)
	f.vpc.Links = append(f.vpc.Links, canvas.Link{From: f.pain, To: f.gain})
	if err := f.p.Validate(); err != nil {
		t.Errorf("a link against the rules made the project invalid: %v", err)
	}
	checkUndoRedo(t, f.p, &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.gain}})
	f.vpc.Links = append(f.vpc.Links, canvas.Link{From: f.pain, To: f.job, Strength: "total"})
	if err := f.p.Validate(); err == nil || !strings.Contains(err.Error(), `links[2].strength: unknown strength "total"`) {
		t.Errorf("Validate = %v", err)
	}
}

func TestWarnings(t *testing.T) {
	f := newFixture(t)
	if w := f.p.Warnings(); len(w) != 3 { // the fixture's job map links
		t.Fatalf("fixture warnings: %v", w)
	}
	f.jm.Links = nil
	if w := f.p.Warnings(); w != nil {
		t.Errorf("fit links only: %v", w)
	}
	f.vpc.Links = append(f.vpc.Links, canvas.Link{From: f.pain, To: f.gain})
	w := f.p.Warnings()
	if len(w) != 1 || w[0].Error() != "boards[0].links[3]: A pain links to a pain reliever, not to a gain; the link is kept but counts for nothing in the fit" {
		t.Errorf("warnings: %v", w)
	}
	if err := f.p.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
