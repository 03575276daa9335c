package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TestFilesFromBeforeLoadUnchanged: the members issue 10 added (jobTypes,
// a link's strength, scoreScale) are optional, so every file written
// before them reads as it did and saves to the same bytes: no format
// version bump, no migration. Their links read with no strength, which
// counts as strong; their scores on the room's scale.
func TestFilesFromBeforeLoadUnchanged(t *testing.T) {
	inputs := map[string][]byte{}
	// Those in canonical form save to the same bytes; the others
	// (hand-written) to their canonical form, which holds no new member.
	// The bundled sample as it was before issue 10 is kept in testdata:
	// today's sample uses the new members.
	canonical := map[string]bool{"commuter-cycling-before-job-types.jobcanvas": true, "full.jobcanvas": true,
		"minimal.jobcanvas": true, "v0-migrated.jobcanvas": true}
	for _, name := range []string{"commuter-cycling-before-job-types.jobcanvas", "full.jobcanvas", "minimal.jobcanvas", "sample.jobcanvas", "bom.jobcanvas", "v0-migrated.jobcanvas"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = data
	}
	for name, data := range inputs {
		p, err := Decode(data, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.ScoreScale != "" {
			t.Errorf("%s: scale %q", name, p.ScoreScale)
		}
		for _, b := range p.Boards {
			for _, l := range b.Links {
				if l.Strength != "" || l.Strength.Weight() != 1 {
					t.Errorf("%s: link strength %q", name, l.Strength)
				}
			}
			for _, c := range b.Cards {
				if c.JobTypes != nil {
					t.Errorf("%s: job types %v", name, c.JobTypes)
				}
			}
		}
		out := mustEncode(t, p)
		for _, member := range []string{`"jobTypes"`, `"strength"`, `"scoreScale"`} {
			if bytes.Contains(out, []byte(member)) {
				t.Errorf("%s: saved with %s", name, member)
			}
		}
		if want := bytes.TrimPrefix(data, bom); canonical[name] && !bytes.Equal(out, want) {
			t.Errorf("%s: saved differently:\n%s", name, firstDiff(out, want))
		}
	}
}

// methodProject is a small value proposition canvas with every member of
// issue 10: job types, link strengths (and one without), the survey
// scale, and a link the rules refuse, as a file from before may hold.
func methodProject(t *testing.T) *canvas.Project {
	t.Helper()
	id := func(n byte) uuid.UUID { return uuid.UUID{0x10, n, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n} }
	p := &canvas.Project{ID: id(1), Name: "Fit", ScoreScale: canvas.ScaleSurvey}
	b, err := canvas.NewBoard(canvas.TemplateValueProposition, "Urban commuter")
	if err != nil {
		t.Fatal(err)
	}
	b.ID = id(2)
	p.Boards = []*canvas.Board{b}
	add := func(n byte, k canvas.Kind, x, y float64, text string, fn func(*canvas.Card)) *canvas.Card {
		c := canvas.NewCard(k, canvas.Point{X: x, Y: y}, text)
		c.ID = id(n)
		if fn != nil {
			fn(&c)
		}
		b.Cards = append(b.Cards, &c)
		return &c
	}
	four, nine := 4, 9.0
	job := add(10, canvas.KindJob, 2100, 640, "Get to work on time", func(c *canvas.Card) {
		c.Importance = &nine
		c.JobTypes = []canvas.JobType{canvas.JobFunctional, canvas.JobEmotional}
	})
	add(11, canvas.KindJob, 2100, 400, "Be seen as fit by colleagues", func(c *canvas.Card) {
		c.JobTypes = []canvas.JobType{canvas.JobSocial}
	})
	pain := add(12, canvas.KindPain, 1600, 900, "Arrive sweaty", func(c *canvas.Card) { c.Severity = &four })
	gain := add(13, canvas.KindGain, 1600, 400, "Same time door to door", nil)
	rel := add(14, canvas.KindPainReliever, 800, 900, "Showers at work", nil)
	cre := add(15, canvas.KindGainCreator, 800, 300, "Live ride time", nil)
	prod := add(16, canvas.KindProduct, 300, 600, "E-bike subscription", nil)
	b.Links = []canvas.Link{
		{From: rel.ID, To: pain.ID, Strength: canvas.StrengthStrong},
		{From: cre.ID, To: gain.ID, Strength: canvas.StrengthPartial},
		{From: prod.ID, To: job.ID, Strength: canvas.StrengthWeak},
		{From: prod.ID, To: pain.ID}, // no strength, against the rules: kept
	}
	p.Normalize()
	return p
}

// TestMethodMembers pins how the members of issue 10 are written (golden
// testdata/method.jobcanvas) and that they read back as they were.
func TestMethodMembers(t *testing.T) {
	p := methodProject(t)
	data := mustEncode(t, p)
	golden(t, "method.jobcanvas", data)
	for _, want := range []string{
		`"scoreScale": "survey",`,
		"\"jobTypes\": [\n            \"functional\",\n            \"emotional\"\n          ]",
		`"strength": "weak"`,
		`"strength": "partial"`,
		`"strength": "strong"`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %s in:\n%s", want, data)
		}
	}
	if n := bytes.Count(data, []byte(`"strength"`)); n != 3 {
		t.Errorf("%d strengths written, want 3 (none for the link without one)", n)
	}
	got := mustDecode(t, data)
	if !equalProjects(got, p) {
		t.Errorf("read back differently")
	}
	// The room's scale is the default and is not written.
	p.ScoreScale = canvas.ScaleRoom
	if data := mustEncode(t, p); bytes.Contains(data, []byte("scoreScale")) {
		t.Error("the room's scale written")
	}
}

func equalProjects(a, b *canvas.Project) bool {
	return canvas.Compare(a, b).Empty() && a.ScoreScale == b.ScoreScale
}
