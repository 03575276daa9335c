package canvas_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestEditsUndoRedo(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(f *fixture) canvas.Edit
		check func(t *testing.T, f *fixture, e canvas.Edit)
	}{
		{
			name: "add one card into a zone",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{canvas.NewCard(canvas.KindPain, ptPains, "Traffic jams")}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if e.Name() != "Add card" {
					t.Errorf("Name = %q", e.Name())
				}
				c := f.vpc.Cards[len(f.vpc.Cards)-1]
				if c.Text != "Traffic jams" || c.Zone != "pains" || c.Kind != canvas.KindPain {
					t.Errorf("added card = %s", describeCard(c))
				}
			},
		},
		{
			name: "add cards with links among them and to a card already there",
			edit: func(f *fixture) canvas.Edit {
				a := canvas.NewCard(canvas.KindNote, ptPainRelievers, "Valet service")
				b := canvas.NewCard(canvas.KindPain, ptPains, "Late fees")
				return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{a, b},
					Links: []canvas.Link{{From: a.ID, To: b.ID}, {From: a.ID, To: f.pain}}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				add := e.(*canvas.AddCards)
				if e.Name() != "Add cards" {
					t.Errorf("Name = %q", e.Name())
				}
				a := f.vpc.Card(add.Cards[0].ID)
				if a == nil || a.Kind != canvas.KindPainReliever || a.Zone != "pain-relievers" {
					t.Fatalf("a note added into Pain relievers should become a pain reliever, got %+v", a)
				}
				if add.Cards[0].Kind != canvas.KindNote {
					t.Errorf("Apply changed the edit's own card: %s", add.Cards[0].Kind)
				}
				for _, l := range add.Links {
					if !f.vpc.HasLink(l) {
						t.Errorf("link %v missing", l)
					}
				}
			},
		},
		{
			name: "remove cards with their links, from the middle of the drawing order",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.creator, f.pain}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if e.Name() != "Delete cards" {
					t.Errorf("Name = %q", e.Name())
				}
				want := []uuid.UUID{f.job, f.gain, f.reliever, f.product, f.note}
				if got := cardIDs(f.vpc); !slices.Equal(got, want) {
					t.Errorf("cards = %v, want %v", got, want)
				}
				if want := []canvas.Link{{From: f.product, To: f.job}}; !slices.Equal(f.vpc.Links, want) {
					t.Errorf("links = %v, want %v", f.vpc.Links, want)
				}
			},
		},
		{
			name: "remove the first and the last card",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note, f.job}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				want := []uuid.UUID{f.pain, f.gain, f.reliever, f.creator, f.product}
				if got := cardIDs(f.vpc); !slices.Equal(got, want) {
					t.Errorf("cards = %v, want %v", got, want)
				}
				if len(f.vpc.Links) != 2 {
					t.Errorf("links = %v, want the two not touching the job", f.vpc.Links)
				}
			},
		},
		{
			name: "move a note into Pains makes it a pain",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}, DX: ptPains.X - ptOpen.X, DY: ptPains.Y - ptOpen.Y}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				c := f.vpc.Card(f.note)
				if c.Kind != canvas.KindPain || c.Zone != "pains" {
					t.Errorf("moved note = %s", describeCard(c))
				}
				if c.Center() != ptPains {
					t.Errorf("centre = %v, want %v", c.Center(), ptPains)
				}
			},
		},
		{
			name: "move a pain across the canvas into Gains and a job out to open space",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, f.job}, DX: 0, DY: ptGains.Y - ptPains.Y}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				pain, job := f.vpc.Card(f.pain), f.vpc.Card(f.job)
				if pain.Kind != canvas.KindGain || pain.Zone != "gains" {
					t.Errorf("pain moved into Gains = %s", describeCard(pain))
				}
				// (2100, 140): inside the jobs rectangle, outside the circle.
				if job.Kind != canvas.KindJob || job.Zone != "" {
					t.Errorf("job moved out of the circle = %s", describeCard(job))
				}
				// A severity would read as the gain's relevance: it goes in
				// the same step (checkUndoRedo sees undo bring it back).
				if pain.Severity != nil || pain.Relevance != nil {
					t.Errorf("pain moved into Gains keeps severity %v, relevance %v", pain.Severity, pain.Relevance)
				}
			},
		},
		{
			name: "move a card within its zone keeps kind and zone",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.product}, DX: 10.5, DY: -20.25}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				c := f.vpc.Card(f.product)
				if c.Kind != canvas.KindProduct || c.Zone != "products" || c.Center() != (canvas.Point{X: 310.5, Y: 579.75}) {
					t.Errorf("moved product = %s", describeCard(c))
				}
			},
		},
		{
			name: "change text, colour and scores",
			edit: func(f *fixture) canvas.Edit {
				e, err := canvas.ChangeCard(f.p, f.jm.ID, f.locate, "Edit outcome", func(c *canvas.Card) {
					c.Text = "Minimize the likelihood of a parking fine"
					c.Color = "#FF0000"
					c.Importance = ptr(6.5)
					c.Satisfaction = nil
					c.Tags = append(c.Tags, "parking")
				})
				if err != nil {
					panic(err)
				}
				return e
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if e.Name() != "Edit outcome" {
					t.Errorf("Name = %q", e.Name())
				}
				c := f.jm.Card(f.locate)
				if c.Text != "Minimize the likelihood of a parking fine" || c.Color != "#FF0000" ||
					*c.Importance != 6.5 || c.Satisfaction != nil || !slices.Equal(c.Tags, []string{"parking"}) {
					t.Errorf("changed card = %s", describeCard(c))
				}
				if c.Zone != "locate/outcomes" {
					t.Errorf("zone = %q", c.Zone)
				}
			},
		},
		{
			name: "change kind keeps the zone, resize moves the zone with the centre",
			edit: func(f *fixture) canvas.Edit {
				e, err := canvas.ChangeCard(f.p, f.vpc.ID, f.note, "", func(c *canvas.Card) {
					c.Kind = canvas.KindJob
					c.Severity = ptr(2) // a job has none: dropped
					c.Importance = ptr(7.5)
					c.Votes = 3
					c.H = 800 // centre moves up from y 1300 to y 1630: still open space
				})
				if err != nil {
					panic(err)
				}
				return e
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if e.Name() != "Change card" {
					t.Errorf("Name = %q", e.Name())
				}
				c := f.vpc.Card(f.note)
				if c.Kind != canvas.KindJob || c.Votes != 3 || c.Severity != nil || *c.Importance != 7.5 || c.H != 800 || c.Zone != "" {
					t.Errorf("changed card = %s", describeCard(c))
				}
			},
		},
		{
			name: "bring to front keeps the order of the cards brought",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.BringToFront{Board: f.vpc.ID, IDs: []uuid.UUID{f.reliever, f.job}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				want := []uuid.UUID{f.pain, f.gain, f.creator, f.product, f.note, f.job, f.reliever}
				if got := cardIDs(f.vpc); !slices.Equal(got, want) {
					t.Errorf("cards = %v, want %v", got, want)
				}
			},
		},
		{
			name: "link cards, the profile card given first",
			edit: func(f *fixture) canvas.Edit {
				rain := canvas.NewCard(canvas.KindPain, ptPains, "Rain")
				if err := (&canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{rain}}).Apply(f.p); err != nil {
					panic(err)
				}
				f.note = rain.ID
				return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: rain.ID, To: f.reliever, Strength: canvas.StrengthPartial}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if i := f.vpc.LinkIndex(f.reliever, f.note); i < 0 || len(f.vpc.Links) != 4 || f.vpc.Links[i].Strength != canvas.StrengthPartial {
					t.Errorf("links = %v", f.vpc.Links)
				}
			},
		},
		{
			name: "unlink cards from the middle of the list",
			edit: func(f *fixture) canvas.Edit {
				return &canvas.RemoveLink{Board: f.jm.ID, Link: canvas.Link{From: f.prepare, To: f.conclude}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				want := []canvas.Link{{From: f.define, To: f.locate}, {From: f.locate, To: f.prepare}}
				if !slices.Equal(f.jm.Links, want) {
					t.Errorf("links = %v, want %v", f.jm.Links, want)
				}
			},
		},
		{
			name: "add a board between two others",
			edit: func(f *fixture) canvas.Edit {
				b, err := canvas.NewBoard(canvas.TemplateFree, "Forces of progress")
				if err != nil {
					panic(err)
				}
				return &canvas.AddBoard{Board: b, Index: 1}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if len(f.p.Boards) != 4 || f.p.Boards[1].Title != "Forces of progress" || f.p.Boards[2] != f.jm {
					t.Errorf("boards = %v", describe(f.p))
				}
			},
		},
		{
			name: "add a board at the end",
			edit: func(f *fixture) canvas.Edit {
				b, _ := canvas.NewBoard(canvas.TemplateJobMap, "")
				return &canvas.AddBoard{Board: b, Index: -1}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if len(f.p.Boards) != 4 || f.p.Boards[3].Title != "Job map" || len(f.p.Boards[3].Steps) != 8 {
					t.Errorf("boards = %v", describe(f.p))
				}
			},
		},
		{
			name: "delete the middle board with its cards",
			edit: func(f *fixture) canvas.Edit { return &canvas.RemoveBoard{ID: f.jm.ID} },
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if len(f.p.Boards) != 2 || f.p.Board(f.jm.ID) != nil || f.p.CardCount() != 8 {
					t.Errorf("boards = %v", describe(f.p))
				}
			},
		},
		{
			name: "rename a board",
			edit: func(f *fixture) canvas.Edit { return &canvas.RenameBoard{Board: f.free.ID, Title: "Competitors"} },
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if f.free.Title != "Competitors" {
					t.Errorf("title = %q", f.free.Title)
				}
			},
		},
		{
			name: "rename the project",
			edit: func(f *fixture) canvas.Edit { return &canvas.RenameProject{To: "Commute, round 2"} },
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if f.p.Name != "Commute, round 2" {
					t.Errorf("name = %q", f.p.Name)
				}
			},
		},
		{
			name: "batch: paste and recolour",
			edit: func(f *fixture) canvas.Edit {
				paste := f.vpc.Copy([]uuid.UUID{f.reliever, f.pain}).Paste(f.vpc.ID, 30, 30, "Paste")
				recolour, err := canvas.ChangeCard(f.p, f.vpc.ID, f.gain, "Set colour", func(c *canvas.Card) { c.Color = "#00aa00" })
				if err != nil {
					panic(err)
				}
				return &canvas.Batch{Label: "Paste and colour", Edits: []canvas.Edit{
					paste, recolour,
					&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}, DX: ptGains.X - ptOpen.X, DY: ptGains.Y - ptOpen.Y},
					&canvas.RemoveLink{Board: f.vpc.ID, Link: canvas.Link{From: f.product, To: f.job}},
				}}
			},
			check: func(t *testing.T, f *fixture, e canvas.Edit) {
				if e.Name() != "Paste and colour" {
					t.Errorf("Name = %q", e.Name())
				}
				if len(f.vpc.Cards) != 9 || len(f.vpc.Links) != 3 || f.vpc.HasLink(canvas.Link{From: f.product, To: f.job}) ||
					f.vpc.Card(f.gain).Color != "#00aa00" || f.vpc.Card(f.note).Kind != canvas.KindGain {
					t.Errorf("after batch:\n%s", strings.Join(describe(f.p), "\n"))
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			e := tt.edit(f)
			checkUndoRedo(t, f.p, e)
			tt.check(t, f, e)
		})
	}
}

// Every edit that fails must say why and leave the project as it was.
func TestEditsRefused(t *testing.T) {
	missing := uuid.New()
	tests := []struct {
		name    string
		edit    func(f *fixture) canvas.Edit
		want    string // part of the error message
		notFind bool   // the error wraps ErrNotFound
	}{
		{"add card to missing board", func(f *fixture) canvas.Edit {
			return &canvas.AddCards{Board: missing, Cards: []canvas.Card{canvas.NewCard(canvas.KindNote, ptOpen, "x")}}
		}, "not found", true},
		{"add card with an id already on the board", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			c.ID = f.pain
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}}
		}, "already on the board", false},
		{"add the same new card twice", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c, c}}
		}, "already on the board", false},
		{"add a card without id", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			c.ID = uuid.Nil
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}}
		}, "card.id: missing id", false},
		{"add an invalid card", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			c.Importance = ptr(11.0)
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{canvas.NewCard(canvas.KindNote, ptOpen, "ok"), c}}
		}, "card.importance: must be between 0 and 10", false},
		{"add cards with a link to a missing card", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}, Links: []canvas.Link{{From: c.ID, To: missing}}}
		}, "not found", true},
		{"add cards with a link to a card of another board", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}, Links: []canvas.Link{{From: f.define, To: c.ID}}}
		}, "not found", true},
		{"add cards with a link between two cards already there", func(f *fixture) canvas.Edit {
			// Undo could not tell it from a link made earlier.
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}, Links: []canvas.Link{{From: f.pain, To: f.gain}}}
		}, "joins no new card", false},
		{"add a card linked to itself", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c}, Links: []canvas.Link{{From: c.ID, To: c.ID}}}
		}, "cannot link to itself", false},
		{"add cards with the same link twice", func(f *fixture) canvas.Edit {
			c := canvas.NewCard(canvas.KindNote, ptOpen, "x")
			return &canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{c},
				Links: []canvas.Link{{From: c.ID, To: f.pain}, {From: f.pain, To: c.ID}}}
		}, "already linked", false},
		{"remove a missing card", func(f *fixture) canvas.Edit {
			return &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, missing}}
		}, "not found", true},
		{"remove a card of another board", func(f *fixture) canvas.Edit {
			return &canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.define}}
		}, "not found", true},
		{"move a missing card", func(f *fixture) canvas.Edit {
			return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, missing}, DX: 5}
		}, "not found", true},
		{"move a card off the board", func(f *fixture) canvas.Edit {
			return &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, f.gain}, DX: 2e6}
		}, "would leave the board", false},
		{"change a card to invalid", func(f *fixture) canvas.Edit {
			e, err := canvas.ChangeCard(f.p, f.vpc.ID, f.pain, "", func(c *canvas.Card) { c.Color = "red" })
			if err != nil {
				panic(err)
			}
			return e
		}, `card.color: must be #RRGGBB, got "red"`, false},
		{"change a card that is gone", func(f *fixture) canvas.Edit {
			c := f.vpc.Card(f.pain).Clone()
			c.ID = missing
			return &canvas.UpdateCard{Board: f.vpc.ID, Card: c}
		}, "not found", true},
		{"bring a missing card to front", func(f *fixture) canvas.Edit {
			return &canvas.BringToFront{Board: f.vpc.ID, IDs: []uuid.UUID{missing}}
		}, "not found", true},
		{"link a card to itself", func(f *fixture) canvas.Edit {
			return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: f.pain}}
		}, "cannot link to itself", false},
		{"link cards already linked", func(f *fixture) canvas.Edit {
			return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.reliever, To: f.pain}}
		}, "already linked", false},
		{"link cards already linked the other way", func(f *fixture) canvas.Edit {
			return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: f.reliever}}
		}, "already linked", false},
		{"link to a missing card", func(f *fixture) canvas.Edit {
			return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: missing}}
		}, "not found", true},
		{"link to a card of another board", func(f *fixture) canvas.Edit {
			return &canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: f.define}}
		}, "not found", true},
		{"unlink cards not linked", func(f *fixture) canvas.Edit {
			return &canvas.RemoveLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: f.gain}}
		}, "not found", true},
		{"add a board already there", func(f *fixture) canvas.Edit {
			return &canvas.AddBoard{Board: f.jm, Index: 0}
		}, "already in the project", false},
		{"remove a missing board", func(f *fixture) canvas.Edit { return &canvas.RemoveBoard{ID: missing} }, "not found", true},
		{"rename a missing board", func(f *fixture) canvas.Edit {
			return &canvas.RenameBoard{Board: missing, Title: "x"}
		}, "not found", true},
		{"rename a board to a too long title", func(f *fixture) canvas.Edit {
			return &canvas.RenameBoard{Board: f.vpc.ID, Title: strings.Repeat("é", canvas.MaxNameLen+1)}
		}, "title: too long: 201 characters, the limit is 200", false},
		{"rename the project to nothing", func(f *fixture) canvas.Edit { return &canvas.RenameProject{To: ""} },
			"name: must not be empty", false},
		{"rename the project to invalid UTF-8", func(f *fixture) canvas.Edit { return &canvas.RenameProject{To: "a\xffb"} },
			"name: not valid UTF-8", false},
		{"batch whose last edit fails", func(f *fixture) canvas.Edit {
			return &canvas.Batch{Label: "Tidy", Edits: []canvas.Edit{
				&canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{canvas.NewCard(canvas.KindGain, ptGains, "New")}},
				&canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}},
				&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}, DX: ptPains.X - ptOpen.X, DY: ptPains.Y - ptOpen.Y},
				&canvas.BringToFront{Board: f.vpc.ID, IDs: []uuid.UUID{f.job}},
				&canvas.RenameProject{To: "Renamed"},
				&canvas.RemoveStep{Board: f.jm.ID, Step: "locate"},
				&canvas.AddLink{Board: f.vpc.ID, Link: canvas.Link{From: f.pain, To: f.gain}}, // pain is gone
			}}
		}, "not found", true},
		{"batch whose first edit fails", func(f *fixture) canvas.Edit {
			return &canvas.Batch{Edits: []canvas.Edit{
				&canvas.RenameProject{To: ""},
				&canvas.RenameProject{To: "Never"},
			}}
		}, "must not be empty", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			before := f.p.Clone()
			var h canvas.History
			err := h.Do(f.p, tt.edit(f))
			if err == nil {
				t.Fatal("edit applied, want an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if got := errors.Is(err, canvas.ErrNotFound); got != tt.notFind {
				t.Errorf("errors.Is(err, ErrNotFound) = %v, want %v (err: %v)", got, tt.notFind, err)
			}
			sameProject(t, "after the failed edit", before, f.p)
			if h.UndoName() != "" || h.Dirty() {
				t.Errorf("a failed edit was recorded: UndoName %q, Dirty %v", h.UndoName(), h.Dirty())
			}
		})
	}
}

// Undo puts removed cards back where they were in the drawing order, even
// when the board changed in between.
func TestRemoveCardsUndoRestoresDrawingOrder(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	order := cardIDs(f.vpc)
	do := func(e canvas.Edit) {
		t.Helper()
		if err := h.Do(f.p, e); err != nil {
			t.Fatal(err)
		}
	}
	do(&canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.gain}})
	do(&canvas.RemoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.job, f.creator, f.note}})
	if got, want := cardIDs(f.vpc), []uuid.UUID{f.pain, f.reliever, f.product}; !slices.Equal(got, want) {
		t.Fatalf("cards = %v, want %v", got, want)
	}
	for range 2 {
		if _, err := h.Undo(f.p); err != nil {
			t.Fatal(err)
		}
	}
	if got := cardIDs(f.vpc); !slices.Equal(got, order) {
		t.Errorf("cards after undo = %v, want %v", got, order)
	}
	if len(f.vpc.Links) != 3 {
		t.Errorf("links after undo = %v", f.vpc.Links)
	}
}

func TestMoveCardsCoalescing(t *testing.T) {
	type move struct {
		gesture uint64
		dx      float64
		seal    bool // call History.Seal before this move
		other   bool // move another card
	}
	tests := []struct {
		name  string
		moves []move
		steps int // undo steps recorded
	}{
		{"one gesture is one step", []move{{gesture: 7, dx: 10}, {gesture: 7, dx: 20}, {gesture: 7, dx: 30}}, 1},
		{"two gestures are two steps", []move{{gesture: 7, dx: 10}, {gesture: 7, dx: 20}, {gesture: 8, dx: 30}}, 2},
		{"gesture 0 never coalesces", []move{{dx: 10}, {dx: 20}, {dx: 30}}, 3},
		{"gesture 0 after a gesture", []move{{gesture: 7, dx: 10}, {dx: 20}}, 2},
		{"seal ends a gesture", []move{{gesture: 7, dx: 10}, {gesture: 7, dx: 20}, {gesture: 7, dx: 30, seal: true}}, 2},
		{"other cards, same gesture", []move{{gesture: 7, dx: 10}, {gesture: 7, dx: 20, other: true}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			var h canvas.History
			before := f.p.Clone()
			total := 0.0
			for _, m := range tt.moves {
				if m.seal {
					h.Seal()
				}
				ids := []uuid.UUID{f.note}
				if m.other {
					ids = []uuid.UUID{f.note, f.job}
				}
				if err := h.Do(f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: ids, DX: m.dx, Gesture: m.gesture}); err != nil {
					t.Fatal(err)
				}
				total += m.dx
			}
			after := f.p.Clone()
			if got, want := f.vpc.Card(f.note).Center().X, ptOpen.X+total; got != want {
				t.Errorf("x = %v, want %v", got, want)
			}
			steps := 0
			for h.UndoName() != "" {
				if _, err := h.Undo(f.p); err != nil {
					t.Fatal(err)
				}
				steps++
			}
			if steps != tt.steps {
				t.Errorf("undo steps = %d, want %d", steps, tt.steps)
			}
			sameProject(t, "after undoing everything", before, f.p)
			for range steps {
				if _, err := h.Redo(f.p); err != nil {
					t.Fatal(err)
				}
			}
			sameProject(t, "after redoing everything", after, f.p)
		})
	}
}

// A drag that crosses zones is one undo step that restores the card's kind,
// zone and position exactly, whatever zones it passed on the way. On the
// way the kind is the one the card would have if dropped there: back in
// open space, the note is a note again.
func TestMoveGestureAcrossZones(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	before := f.p.Clone()
	path := []canvas.Point{ptGains, ptJobs, ptOpen, ptProducts, ptPains}
	at := ptOpen
	kinds := []canvas.Kind{canvas.KindGain, canvas.KindJob, canvas.KindNote, canvas.KindProduct, canvas.KindPain}
	zones := []string{"gains", "jobs", "", "products", "pains"}
	for i, to := range path {
		e := &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.note}, DX: to.X - at.X, DY: to.Y - at.Y, Gesture: 42}
		if err := h.Do(f.p, e); err != nil {
			t.Fatal(err)
		}
		at = to
		c := f.vpc.Card(f.note)
		if c.Kind != kinds[i] || c.Zone != zones[i] {
			t.Errorf("at %v: kind %s zone %q, want %s %q", to, c.Kind, c.Zone, kinds[i], zones[i])
		}
	}
	after := f.p.Clone()
	if ok, err := h.Undo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "after undo", before, f.p)
	if h.UndoName() != "" {
		t.Errorf("the gesture left more undo steps: %q", h.UndoName())
	}
	if ok, err := h.Redo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "after redo", after, f.p)
}

// A card keeps a kind set by hand while it stays in its zone: a nudge, a
// drag within the zone, a drag out and back, a copy pasted beside it. Only
// entering another zone that does not take the kind changes it.
func TestMoveKeepsKindWithinZone(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	do := func(e canvas.Edit) {
		t.Helper()
		if err := h.Do(f.p, e); err != nil {
			t.Fatal(err)
		}
	}
	ed, err := canvas.ChangeCard(f.p, f.vpc.ID, f.pain, "Set kind", func(c *canvas.Card) { c.Kind = canvas.KindGain })
	if err != nil {
		t.Fatal(err)
	}
	do(ed)
	c := f.vpc.Card(f.pain)
	want := func(what string, kind canvas.Kind, zone string) {
		t.Helper()
		if c.Kind != kind || c.Zone != zone {
			t.Errorf("%s: kind %s zone %q, want %s %q", what, c.Kind, c.Zone, kind, zone)
		}
	}
	want("set by hand", canvas.KindGain, "pains")

	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: 20, DY: 20})
	want("a nudge within the zone", canvas.KindGain, "pains")
	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain, f.note}, DX: -20, DY: -20, Gesture: 9})
	want("a drag of two cards within the zone", canvas.KindGain, "pains")
	h.Seal()

	// Out to the jobs and back in one drag: it ends where it began.
	at := c.Center()
	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: ptJobs.X - at.X, DY: ptJobs.Y - at.Y, Gesture: 10})
	want("dragged over the jobs", canvas.KindJob, "jobs")
	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: at.X - ptJobs.X, DY: at.Y - ptJobs.Y, Gesture: 10})
	want("dragged back to its zone", canvas.KindGain, "pains")
	h.Seal()

	// A copy pasted beside it, in the same zone, keeps the kind too.
	clip := f.vpc.Copy([]uuid.UUID{f.pain})
	paste := clip.Paste(f.vpc.ID, 30, 30, "Paste")
	do(paste)
	if p := f.vpc.Card(paste.Cards[0].ID); p.Kind != canvas.KindGain || p.Zone != "pains" {
		t.Errorf("pasted beside it: kind %s zone %q", p.Kind, p.Zone)
	}

	// Dropped into the jobs, it becomes a job; undo gives the gain back.
	do(&canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: ptJobs.X - at.X, DY: ptJobs.Y - at.Y})
	want("dropped into the jobs", canvas.KindJob, "jobs")
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	want("undo", canvas.KindGain, "pains")
}

// A drag raises the cards it moves, in one undo step with the move; undo
// and redo give back each order exactly.
func TestMoveCardsRaise(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	ids := func() []uuid.UUID {
		var out []uuid.UUID
		for _, c := range f.vpc.Cards {
			out = append(out, c.ID)
		}
		return out
	}
	before := ids()
	moved := []uuid.UUID{f.job, f.gain} // in drawing order
	for range 3 {
		if err := h.Do(f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: moved, DX: 5, Gesture: 3, Raise: true}); err != nil {
			t.Fatal(err)
		}
	}
	after := ids()
	if got := after[len(after)-2:]; !slices.Equal(got, moved) {
		t.Fatalf("drawn last: %v, want the moved cards %v", got, moved)
	}
	rest := slices.DeleteFunc(slices.Clone(before), func(id uuid.UUID) bool { return slices.Contains(moved, id) })
	if !slices.Equal(after[:len(after)-2], rest) {
		t.Error("raising reordered the other cards")
	}
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(), before) || h.UndoName() != "" {
		t.Errorf("undo: order %v, undo %q", ids(), h.UndoName())
	}
	if _, err := h.Redo(f.p); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(), after) {
		t.Error("redo did not raise the cards again")
	}
	// A nudge does not raise.
	if err := h.Do(f.p, &canvas.MoveCards{Board: f.vpc.ID, IDs: []uuid.UUID{f.pain}, DX: 5}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(), after) {
		t.Error("a move without Raise changed the order")
	}
}

// Resizing keeps the top-left corner, refuses sizes outside the file's
// limits, and one drag of the handle is one undo step.
func TestResizeCard(t *testing.T) {
	f := newFixture(t)
	var h canvas.History
	before := f.p.Clone()
	c := f.vpc.Card(f.pain)
	x, y, w0, h0 := c.X, c.Y, c.W, c.H
	for _, size := range [][2]float64{{260, 160}, {300, 200}, {2000, 2000}} {
		if err := h.Do(f.p, &canvas.ResizeCard{Board: f.vpc.ID, ID: f.pain, W: size[0], H: size[1], Gesture: 4}); err != nil {
			t.Fatal(err)
		}
	}
	if c.W != 2000 || c.H != 2000 || c.X != x || c.Y != y {
		t.Fatalf("resized to %vx%v at %v,%v", c.W, c.H, c.X, c.Y)
	}
	if c.Zone != "" || c.Kind != canvas.KindPain {
		t.Errorf("its centre left the zones: zone %q kind %s, want none and pain", c.Zone, c.Kind)
	}
	if h.UndoName() != "Resize card" {
		t.Errorf("undo name %q", h.UndoName())
	}
	after := f.p.Clone()
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	sameProject(t, "after undo", before, f.p)
	if h.UndoName() != "" {
		t.Errorf("one drag left more undo steps: %q", h.UndoName())
	}
	if _, err := h.Redo(f.p); err != nil {
		t.Fatal(err)
	}
	sameProject(t, "after redo", after, f.p)
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][2]float64{{canvas.MinCardSize - 1, 100}, {100, canvas.MaxCardSize + 1}, {math.NaN(), 100}} {
		if err := h.Do(f.p, &canvas.ResizeCard{Board: f.vpc.ID, ID: f.pain, W: bad[0], H: bad[1]}); err == nil {
			t.Errorf("%vx%v accepted", bad[0], bad[1])
		}
	}
	if c.W != w0 || c.H != h0 {
		t.Error("a refused resize changed the card")
	}
	if err := h.Do(f.p, &canvas.ResizeCard{Board: f.vpc.ID, ID: uuid.New(), W: 100, H: 100}); !errors.Is(err, canvas.ErrNotFound) {
		t.Errorf("resizing a missing card: %v", err)
	}
}

func TestChangeCardMissing(t *testing.T) {
	f := newFixture(t)
	if _, err := canvas.ChangeCard(f.p, f.vpc.ID, f.define, "", func(*canvas.Card) {}); !errors.Is(err, canvas.ErrNotFound) {
		t.Errorf("card of another board: err = %v", err)
	}
	if _, err := canvas.ChangeCard(f.p, uuid.New(), f.pain, "", func(*canvas.Card) {}); !errors.Is(err, canvas.ErrNotFound) {
		t.Errorf("missing board: err = %v", err)
	}
	// fn cannot retarget the edit at another card.
	e, err := canvas.ChangeCard(f.p, f.vpc.ID, f.pain, "", func(c *canvas.Card) { c.ID = f.gain; c.Text = "x" })
	if err != nil || e.Card.ID != f.pain {
		t.Errorf("ChangeCard let fn change the id: %v, %v", e.Card.ID, err)
	}
	// ChangeCard works on a copy: the card is untouched until the edit applies.
	if _, err := canvas.ChangeCard(f.p, f.vpc.ID, f.product, "", func(c *canvas.Card) { c.Tags[0] = "changed" }); err != nil {
		t.Fatal(err)
	}
	if f.vpc.Card(f.product).Tags[0] != "mvp" {
		t.Error("ChangeCard's fn changed the card on the board")
	}
}

func TestAddBoardLimits(t *testing.T) {
	p, _ := canvas.NewProject("x")
	var h canvas.History
	for i := range canvas.MaxBoards {
		b, _ := canvas.NewBoard(canvas.TemplateFree, "")
		if err := h.Do(p, &canvas.AddBoard{Board: b, Index: i}); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := canvas.NewBoard(canvas.TemplateFree, "")
	if err := h.Do(p, &canvas.AddBoard{Board: b}); err == nil || len(p.Boards) != canvas.MaxBoards {
		t.Errorf("board %d: err = %v, boards = %d", canvas.MaxBoards+1, err, len(p.Boards))
	}
}

func TestNewProjectUnknownTemplate(t *testing.T) {
	if _, err := canvas.NewProject("x", canvas.TemplateFree, "kanban"); err == nil || !strings.Contains(err.Error(), `"kanban"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := canvas.NewBoard("", ""); err == nil {
		t.Error("NewBoard accepted an empty template id")
	}
}

func TestRemoveLinkEitherDirection(t *testing.T) {
	p, _ := canvas.NewProject("p", canvas.TemplateFree)
	b := p.Boards[0]
	a, c := canvas.NewCard(canvas.KindNote, canvas.Point{X: 100, Y: 100}, "a"), canvas.NewCard(canvas.KindNote, canvas.Point{X: 500, Y: 100}, "c")
	var h canvas.History
	if err := h.Do(p, &canvas.AddCards{Board: b.ID, Cards: []canvas.Card{a, c}, Links: []canvas.Link{{From: a.ID, To: c.ID}}}); err != nil {
		t.Fatal(err)
	}
	if err := h.Do(p, &canvas.RemoveLink{Board: b.ID, Link: canvas.Link{From: c.ID, To: a.ID}}); err != nil {
		t.Fatalf("removing a link named the other way round: %v", err)
	}
	if len(b.Links) != 0 {
		t.Fatal("link still there")
	}
	h.Undo(p)
	if len(b.Links) != 1 || b.Links[0] != (canvas.Link{From: a.ID, To: c.ID}) {
		t.Errorf("undo restored %v, want the link as it was stored", b.Links)
	}
}

func TestFailedMoveLeavesNoState(t *testing.T) {
	p, _ := canvas.NewProject("p", canvas.TemplateFree)
	b := p.Boards[0]
	a := canvas.NewCard(canvas.KindNote, canvas.Point{X: 100, Y: 100}, "a")
	var h canvas.History
	h.Do(p, &canvas.AddCards{Board: b.ID, Cards: []canvas.Card{a}})
	m := &canvas.MoveCards{Board: b.ID, IDs: []uuid.UUID{a.ID}, DX: 2 * canvas.MaxCoordinate}
	if err := m.Apply(p); err == nil {
		t.Fatal("a move off the board succeeded")
	}
	m.DX = 10
	if err := m.Apply(p); err != nil || b.Cards[0].X != a.X+10 {
		t.Errorf("retrying a corrected move: err %v, x %v want %v", err, b.Cards[0].X, a.X+10)
	}
}
