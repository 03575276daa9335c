package canvas_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestValidate(t *testing.T) {
	// In the fixture, boards[0] is the value proposition canvas with cards
	// job, pain, gain, reliever, creator, product, note (cards[0…6]) and
	// boards[1] the job map.
	tests := []struct {
		name  string
		spoil func(f *fixture)
		want  any // "path: message" in order: []string, or func(*fixture) []string for messages naming ids
	}{
		{"importance above 10", func(f *fixture) { f.vpc.Cards[1].Importance = ptr(10.5) },
			[]string{"boards[0].cards[1].importance: must be between 0 and 10"}},
		{"satisfaction below 0", func(f *fixture) { f.jm.Cards[1].Satisfaction = ptr(-1.0) },
			[]string{"boards[1].cards[1].satisfaction: must be between 0 and 10"}},
		{"importance NaN", func(f *fixture) { f.vpc.Cards[0].Importance = ptr(math.NaN()) },
			[]string{"boards[0].cards[0].importance: must be between 0 and 10"}},
		{"scores at their limits are fine", func(f *fixture) {
			f.vpc.Cards[0].Importance, f.vpc.Cards[0].Satisfaction = ptr(0.0), ptr(10.0)
			f.vpc.Cards[1].Severity, f.vpc.Cards[2].Relevance = ptr(1), ptr(5)
		}, nil},
		{"severity 0", func(f *fixture) { f.vpc.Cards[1].Severity = ptr(0) },
			[]string{"boards[0].cards[1].severity: must be between 1 and 5"}},
		{"relevance 6", func(f *fixture) { f.vpc.Cards[2].Relevance = ptr(6) },
			[]string{"boards[0].cards[2].relevance: must be between 1 and 5"}},
		{"duplicate card id", func(f *fixture) { f.vpc.Cards[6].ID = f.pain }, func(f *fixture) []string {
			return []string{fmt.Sprintf("boards[0].cards[6].id: duplicate id %s (first used at boards[0].cards[1].id)", f.pain)}
		}},
		{"card id used on another board", func(f *fixture) { f.free.Cards[0].ID = f.job }, func(f *fixture) []string {
			return []string{fmt.Sprintf("boards[2].cards[0].id: duplicate id %s (first used at boards[0].cards[0].id)", f.job)}
		}},
		{"board id equal to the project's", func(f *fixture) { f.free.ID = f.p.ID }, func(f *fixture) []string {
			return []string{fmt.Sprintf("boards[2].id: duplicate id %s (first used at id)", f.p.ID)}
		}},
		{"missing ids", func(f *fixture) { f.p.ID = uuid.Nil; f.free.Cards[0].ID = uuid.Nil },
			[]string{"id: missing id", "boards[2].cards[0].id: missing id"}},
		{"link to a missing card", func(f *fixture) { f.vpc.Links[1].To = uuid.Nil },
			[]string{fmt.Sprintf("boards[0].links[1].to: no card %s on this board", uuid.Nil)}},
		{"link from a card of another board", func(f *fixture) { f.vpc.Links[0].From = f.define }, func(f *fixture) []string {
			return []string{fmt.Sprintf("boards[0].links[0].from: no card %s on this board", f.define)}
		}},
		{"self link", func(f *fixture) { f.vpc.Links[2].To = f.vpc.Links[2].From },
			[]string{"boards[0].links[2]: a card cannot link to itself"}},
		{"duplicate link, reversed", func(f *fixture) {
			l := f.jm.Links[0]
			f.jm.Links = append(f.jm.Links, canvas.Link{From: l.To, To: l.From})
		}, []string{"boards[1].links[3]: duplicate link"}},
		{"unknown kind", func(f *fixture) { f.vpc.Cards[6].Kind = "idea" },
			[]string{`boards[0].cards[6].kind: unknown kind "idea"`}},
		{"unknown template", func(f *fixture) { f.free.Template = "kanban" },
			[]string{`boards[2].template: unknown template "kanban" (want one of value-proposition, job-map, free)`}},
		{"text too long", func(f *fixture) { f.vpc.Cards[0].Text = strings.Repeat("ü", canvas.MaxTextLen+1) },
			[]string{"boards[0].cards[0].text: too long: 2001 characters, the limit is 2000"}},
		{"text at the limit is fine", func(f *fixture) { f.vpc.Cards[0].Text = strings.Repeat("ü", canvas.MaxTextLen) }, nil},
		{"quote not UTF-8", func(f *fixture) { f.vpc.Cards[0].Quote = "\xc3" },
			[]string{"boards[0].cards[0].quote: not valid UTF-8"}},
		{"source too long", func(f *fixture) { f.vpc.Cards[0].Source = strings.Repeat("s", canvas.MaxSourceLen+1) },
			[]string{"boards[0].cards[0].source: too long: 201 characters, the limit is 200"}},
		{"bad colour", func(f *fixture) { f.vpc.Cards[0].Color = "#12345" },
			[]string{`boards[0].cards[0].color: must be #RRGGBB, got "#12345"`}},
		{"colour by name", func(f *fixture) { f.vpc.Cards[0].Color = "yellow" },
			[]string{`boards[0].cards[0].color: must be #RRGGBB, got "yellow"`}},
		{"lower-case colour is fine", func(f *fixture) { f.vpc.Cards[0].Color = "#aabbcc" }, nil},
		{"steps on a value proposition canvas", func(f *fixture) { f.vpc.Steps = []canvas.Step{{ID: "define", Name: "Define"}} },
			[]string{"boards[0].steps: only a job map has steps"}},
		{"bad step id and duplicate step id", func(f *fixture) {
			f.jm.Steps[2].ID = "Prepare!"
			f.jm.Steps[3].ID = "define"
		}, []string{
			"boards[1].steps[2].id: must be 1 to 64 of a-z, 0-9 and -",
			`boards[1].steps[3].id: duplicate step id "define"`,
		}},
		{"step without name, long description", func(f *fixture) {
			f.jm.Steps[0].Name = ""
			f.jm.Steps[1].Description = strings.Repeat("d", canvas.MaxStepDescLen+1)
		}, []string{
			"boards[1].steps[0].name: must not be empty",
			"boards[1].steps[1].description: too long: 301 characters, the limit is 300",
		}},
		{"too many steps", func(f *fixture) {
			for i := len(f.jm.Steps); i <= canvas.MaxSteps; i++ {
				f.jm.Steps = append(f.jm.Steps, canvas.Step{ID: fmt.Sprint("s", i), Name: "S"})
			}
		}, []string{"boards[1].steps: too many steps: 41, the limit is 40"}},
		{"project without a name, long description", func(f *fixture) {
			f.p.Name = ""
			f.p.Description = strings.Repeat("d", canvas.MaxDescriptionLen+1)
		}, []string{"name: must not be empty", "description: too long: 4001 characters, the limit is 4000"}},
		{"board title too long", func(f *fixture) { f.jm.Title = strings.Repeat("t", canvas.MaxNameLen+1) },
			[]string{"boards[1].title: too long: 201 characters, the limit is 200"}},
		{"coordinates out of range", func(f *fixture) {
			f.vpc.Cards[0].X = 1e6 + 1
			f.vpc.Cards[0].Y = math.NaN()
		}, []string{"boards[0].cards[0].x: must be between -1e+06 and 1e+06", "boards[0].cards[0].y: must be between -1e+06 and 1e+06"}},
		{"size out of range", func(f *fixture) {
			f.vpc.Cards[0].W = canvas.MinCardSize - 1
			f.vpc.Cards[0].H = math.Inf(1)
		}, []string{"boards[0].cards[0].w: must be between 20 and 2000", "boards[0].cards[0].h: must be between 20 and 2000"}},
		{"tags", func(f *fixture) {
			f.vpc.Cards[5].Tags = []string{"ok", "", strings.Repeat("t", canvas.MaxTagLen+1)}
		}, []string{"boards[0].cards[5].tags[1]: must not be empty", "boards[0].cards[5].tags[2]: too long: 65 characters, the limit is 64"}},
		{"too many tags", func(f *fixture) { f.vpc.Cards[5].Tags = make([]string, canvas.MaxTags+1) },
			func() []string {
				out := []string{"boards[0].cards[5].tags: too many tags: 33, the limit is 32"}
				for i := range canvas.MaxTags + 1 {
					out = append(out, fmt.Sprintf("boards[0].cards[5].tags[%d]: must not be empty", i))
				}
				return out
			}()},
		{"votes", func(f *fixture) { f.vpc.Cards[0].Votes = -1; f.vpc.Cards[1].Votes = canvas.MaxVotes + 1 },
			[]string{"boards[0].cards[0].votes: must be between 0 and 1000", "boards[0].cards[1].votes: must be between 0 and 1000"}},
		{"errors come in file order", func(f *fixture) {
			f.free.Cards[0].Color = "x"
			f.p.Name = ""
			f.vpc.Cards[6].Kind = ""
		}, []string{"name: must not be empty", `boards[0].cards[6].kind: unknown kind ""`, `boards[2].cards[0].color: must be #RRGGBB, got "x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			tt.spoil(f)
			err := f.p.Validate()
			var want []string
			switch w := tt.want.(type) {
			case []string:
				want = w
			case func(*fixture) []string:
				want = w(f)
			}
			if want == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var verr canvas.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Validate = %v (%T), want a ValidationError", err, err)
			}
			got := make([]string, len(verr))
			for i, e := range verr {
				got[i] = e.Path + ": " + e.Msg
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("Validate:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if err.Error() != strings.Join(got, "\n") {
				t.Errorf("Error() = %q", err.Error())
			}
			var fe *canvas.FieldError
			if !errors.As(err, &fe) || fe.Path+": "+fe.Msg != got[0] {
				t.Errorf("errors.As(*FieldError) = %v", fe)
			}
		})
	}
}

func TestValidateCard(t *testing.T) {
	c := canvas.NewCard(canvas.KindOutcome, canvas.Point{}, "Minimize the time to park")
	if err := canvas.ValidateCard(&c); err != nil {
		t.Fatalf("a new card is invalid: %v", err)
	}
	c.Satisfaction = ptr(10.01)
	c.W = 0
	err := canvas.ValidateCard(&c)
	if err == nil || err.Error() != "card.w: must be between 20 and 2000\ncard.satisfaction: must be between 0 and 10" {
		t.Errorf("ValidateCard = %q", err)
	}
}

func TestValidateLimits(t *testing.T) {
	p, _ := canvas.NewProject("big")
	for range canvas.MaxBoards + 1 {
		b, _ := canvas.NewBoard(canvas.TemplateFree, "")
		p.Boards = append(p.Boards, b)
	}
	err := p.Validate()
	if err == nil || err.Error() != "boards: too many boards: 101, the limit is 100" {
		t.Errorf("Validate = %v", err)
	}
}
