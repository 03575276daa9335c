package canvas_test

import (
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestOpportunity(t *testing.T) {
	tests := []struct {
		importance, satisfaction *float64
		want                     float64
		ok                       bool
	}{
		{ptr(9.0), ptr(2.0), 16, true},
		{ptr(5.0), ptr(8.0), 5, true}, // overserved: no bonus, never below importance
		{ptr(7.0), ptr(7.0), 7, true}, // served exactly
		{ptr(10.0), ptr(0.0), 20, true},
		{ptr(0.0), ptr(10.0), 0, true},
		{ptr(6.5), ptr(4.25), 8.75, true},
		{nil, ptr(3.0), 0, false},
		{ptr(3.0), nil, 0, false},
		{nil, nil, 0, false},
	}
	for _, tt := range tests {
		c := canvas.Card{Importance: tt.importance, Satisfaction: tt.satisfaction}
		got, ok := c.Opportunity()
		if got != tt.want || ok != tt.ok {
			t.Errorf("Opportunity(%v, %v) = %v, %v; want %v, %v", deref(tt.importance), deref(tt.satisfaction), got, ok, tt.want, tt.ok)
		}
	}
	if canvas.Opportunity(9, 2) <= canvas.Underserved || canvas.Opportunity(5, 8) > canvas.Underserved {
		t.Error("(9, 2) should be underserved and (5, 8) not")
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func TestCardClone(t *testing.T) {
	c := canvas.NewCard(canvas.KindPain, canvas.Point{X: 100, Y: 100}, "x")
	c.Tags = []string{"a"}
	c.Unknown = []byte(`{"x":1}`)
	c.Severity, c.Relevance, c.Importance, c.Satisfaction = ptr(3), ptr(2), ptr(4.0), ptr(5.0)
	d := c.Clone()
	d.Tags[0] = "b"
	d.Unknown[0] = '['
	*d.Severity, *d.Relevance, *d.Importance, *d.Satisfaction = 1, 1, 1, 1
	if c.Tags[0] != "a" || c.Unknown[0] != '{' || *c.Severity != 3 || *c.Relevance != 2 || *c.Importance != 4 || *c.Satisfaction != 5 {
		t.Errorf("Clone shares memory with the original: %s", describeCard(&c))
	}
	empty := canvas.Card{Tags: []string{}, Unknown: []byte{}}
	if e := empty.Clone(); e.Tags != nil || e.Unknown != nil {
		t.Error("Clone should turn empty slices into nil, so clones compare equal")
	}
}

func TestProjectCloneIsDeep(t *testing.T) {
	f := newFixture(t)
	f.p.Unknown = []byte("{}")
	c := f.p.Clone()
	c.Boards[0].Cards[1].Text = "changed"
	*c.Boards[0].Cards[0].Importance = 1
	c.Boards[0].Links[0].From = uuid.Nil
	c.Boards[1].Steps[0].Name = "changed"
	c.Boards = c.Boards[:1]
	c.Unknown[0] = 'x'
	if f.vpc.Cards[1].Text == "changed" || *f.vpc.Cards[0].Importance != 8 || f.vpc.Links[0].From == uuid.Nil ||
		f.jm.Steps[0].Name != "Define" || len(f.p.Boards) != 3 || f.p.Unknown[0] != '{' {
		t.Error("Clone shares memory with the original")
	}
}

func TestKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range canvas.Kinds {
		if !k.Valid() || k.Label() == string(k) || len(k.DefaultColor()) != 7 || seen[k.DefaultColor()] {
			t.Errorf("kind %q: valid %v label %q colour %q", k, k.Valid(), k.Label(), k.DefaultColor())
		}
		seen[k.DefaultColor()] = true
	}
	bad := canvas.Kind("idea")
	if bad.Valid() || bad.Label() != "idea" || bad.DefaultColor() != canvas.KindNote.DefaultColor() {
		t.Errorf("unknown kind: %v %q %q", bad.Valid(), bad.Label(), bad.DefaultColor())
	}
	c := canvas.NewCard(canvas.KindGain, canvas.Point{}, "")
	if c.DisplayColor() != canvas.KindGain.DefaultColor() {
		t.Errorf("DisplayColor = %q", c.DisplayColor())
	}
	c.Color = "#010203"
	if c.DisplayColor() != "#010203" {
		t.Errorf("DisplayColor = %q", c.DisplayColor())
	}
}

func TestNewCardIsCentred(t *testing.T) {
	c := canvas.NewCard(canvas.KindJob, canvas.Point{X: 500, Y: 300}, "Get there")
	if c.Center() != (canvas.Point{X: 500, Y: 300}) || c.W != canvas.DefaultCardW || c.H != canvas.DefaultCardH || c.ID == uuid.Nil {
		t.Errorf("NewCard = %s", describeCard(&c))
	}
	if d := canvas.NewCard(canvas.KindJob, canvas.Point{}, ""); d.ID == c.ID {
		t.Error("two cards share an id")
	}
}

func TestClipCopyPaste(t *testing.T) {
	f := newFixture(t)
	// Copy three cards of the canvas: reliever→pain is a link among them,
	// creator→gain and product→job reach outside the copy.
	clip := f.vpc.Copy([]uuid.UUID{f.pain, f.reliever, f.product, uuid.New()})
	if got := len(clip.Cards); got != 3 || clip.Empty() {
		t.Fatalf("copied %d cards", got)
	}
	// Drawing order, not the order asked.
	if clip.Cards[0].ID != f.pain || clip.Cards[1].ID != f.reliever || clip.Cards[2].ID != f.product {
		t.Errorf("copy not in drawing order")
	}
	if want := []canvas.Link{{From: f.reliever, To: f.pain}}; !slices.Equal(clip.Links, want) {
		t.Errorf("clip links = %v, want %v", clip.Links, want)
	}
	// The clip is a copy: later edits of the board do not reach it.
	f.vpc.Card(f.pain).Text = "changed"
	f.vpc.Card(f.product).Tags[0] = "changed"
	if clip.Cards[0].Text == "changed" || clip.Cards[2].Tags[0] == "changed" {
		t.Error("the clip shares memory with the board")
	}
	f.vpc.Card(f.pain).Text = "No parking near the venue"
	f.vpc.Card(f.product).Tags[0] = "mvp"

	tests := []struct {
		name      string
		board     *canvas.Board
		dx, dy    float64
		wantKinds []canvas.Kind
		wantZones []string
	}{
		{"same board, offset", f.vpc, 20, 30,
			[]canvas.Kind{canvas.KindPain, canvas.KindPainReliever, canvas.KindProduct},
			[]string{"pains", "pain-relievers", "products"}},
		{"free board", f.free, -100, 0,
			[]canvas.Kind{canvas.KindPain, canvas.KindPainReliever, canvas.KindProduct},
			[]string{"", "", ""}},
		{"job map: cards take the zone they land in", f.jm, -1400, -500,
			// pain (1600, 900) → (200, 400): define/steps; reliever (800, 900) →
			// (-600, 400): left of the map; product (300, 600) → (-1100, 100).
			[]canvas.Kind{canvas.KindJobStep, canvas.KindPainReliever, canvas.KindProduct},
			[]string{"define/steps", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := f.p.Clone()
			b := p.Board(tt.board.ID)
			n := len(b.Cards)
			e := clip.Paste(b.ID, tt.dx, tt.dy, "Paste")
			if e.Name() != "Paste" {
				t.Errorf("Name = %q", e.Name())
			}
			checkUndoRedo(t, p, e)
			pasted := b.Cards[n:]
			if len(pasted) != 3 {
				t.Fatalf("pasted %d cards", len(pasted))
			}
			ids := map[uuid.UUID]bool{}
			for _, id := range allIDs(f.p) {
				ids[id] = true
			}
			for i, c := range pasted {
				src := clip.Cards[i]
				if ids[c.ID] {
					t.Errorf("pasted card %d reuses id %s", i, c.ID)
				}
				ids[c.ID] = true
				if c.X != src.X+tt.dx || c.Y != src.Y+tt.dy || c.Text != src.Text {
					t.Errorf("pasted card %d at (%v, %v) %q, want (%v, %v) %q", i, c.X, c.Y, c.Text, src.X+tt.dx, src.Y+tt.dy, src.Text)
				}
				if c.Kind != tt.wantKinds[i] || c.Zone != tt.wantZones[i] {
					t.Errorf("pasted card %d: kind %s zone %q, want %s %q", i, c.Kind, c.Zone, tt.wantKinds[i], tt.wantZones[i])
				}
			}
			want := canvas.Link{From: pasted[1].ID, To: pasted[0].ID}
			if !b.HasLink(want) {
				t.Errorf("the pasted link %v is missing", want)
			}
			if got := len(b.Links) - len(tt.board.Links); got != 1 {
				t.Errorf("paste added %d links, want 1", got)
			}
			if err := p.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
	// Pasting twice gives two copies, with ids of their own.
	p := f.p.Clone()
	var h canvas.History
	for range 2 {
		if err := h.Do(p, clip.Paste(f.vpc.ID, 10, 10, "")); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(p.Board(f.vpc.ID).Cards); got != 7+6 {
		t.Errorf("after two pastes: %d cards", got)
	}
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
	if (canvas.Clip{}).Paste(f.vpc.ID, 0, 0, "").Name() != "Add cards" || !(canvas.Clip{}).Empty() {
		t.Error("an empty clip")
	}
}
