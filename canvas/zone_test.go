package canvas_test

import (
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestZoneAtValueProposition(t *testing.T) {
	b, err := canvas.NewBoard(canvas.TemplateValueProposition, "")
	if err != nil {
		t.Fatal(err)
	}
	// Customer profile circle: centre (1820, 640), radius 500.
	tests := []struct {
		name string
		at   canvas.Point
		want string // "" for open board space
	}{
		{"products", ptProducts, "products"},
		{"gain creators", ptGainCreators, "gain-creators"},
		{"pain relievers", ptPainRelievers, "pain-relievers"},
		{"jobs", ptJobs, "jobs"},
		{"gains", ptGains, "gains"},
		{"pains", ptPains, "pains"},
		{"products, top-left corner is inside", canvas.Point{X: 80, Y: 140}, "products"},
		{"left of the value map", canvas.Point{X: 79.9, Y: 600}, ""},
		{"products | gain creators edge belongs right", canvas.Point{X: 580, Y: 300}, "gain-creators"},
		{"gain creators | pain relievers edge belongs below", canvas.Point{X: 800, Y: 640}, "pain-relievers"},
		{"right edge of the value map is outside", canvas.Point{X: 1080, Y: 600}, ""},
		{"bottom edge of the value map is outside", canvas.Point{X: 300, Y: 1140}, ""},
		{"between the two halves", canvas.Point{X: 1200, Y: 640}, ""},
		{"jobs rectangle corner, outside the circle", canvas.Point{X: 2300, Y: 200}, ""},
		{"jobs rectangle, just inside the circle", canvas.Point{X: 2319, Y: 640}, "jobs"},
		{"jobs rectangle, on the circle", canvas.Point{X: 2320, Y: 640}, ""},
		{"gains | jobs edge belongs to jobs", canvas.Point{X: 1945, Y: 500}, "jobs"},
		{"just left of the jobs edge", canvas.Point{X: 1944.9, Y: 500}, "gains"},
		{"gains | pains edge belongs to pains", canvas.Point{X: 1600, Y: 640}, "pains"},
		{"top of the circle is on the edge", canvas.Point{X: 1820, Y: 140}, ""},
		{"just below the top of the circle", canvas.Point{X: 1820, Y: 141}, "gains"},
		{"gains rectangle corner, outside the circle", canvas.Point{X: 1330, Y: 150}, ""},
		{"pains rectangle corner, outside the circle", canvas.Point{X: 1330, Y: 1130}, ""},
		{"left of the circle", canvas.Point{X: 1321, Y: 640}, "pains"},
		{"far away", canvas.Point{X: -5000, Y: 9000}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z, ok := b.ZoneAt(tt.at)
			if ok != (tt.want != "") || z.ID != tt.want {
				t.Errorf("ZoneAt(%v) = %q, %v; want %q", tt.at, z.ID, ok, tt.want)
			}
		})
	}
}

func TestZonesAcceptTheirKinds(t *testing.T) {
	b, _ := canvas.NewBoard(canvas.TemplateValueProposition, "")
	want := map[string]canvas.Kind{
		"products": canvas.KindProduct, "gain-creators": canvas.KindGainCreator,
		"pain-relievers": canvas.KindPainReliever, "jobs": canvas.KindJob,
		"gains": canvas.KindGain, "pains": canvas.KindPain,
	}
	zones := b.Zones()
	if len(zones) != len(want) {
		t.Fatalf("%d zones, want %d", len(zones), len(want))
	}
	for _, z := range zones {
		k, ok := want[z.ID]
		if !ok {
			t.Errorf("unexpected zone %q", z.ID)
			continue
		}
		if z.DefaultKind() != k || !z.Accepts(k) || z.Accepts(canvas.KindNote) {
			t.Errorf("zone %q: default %s, accepts %s %v, accepts note %v", z.ID, z.DefaultKind(), k, z.Accepts(k), z.Accepts(canvas.KindNote))
		}
		if got, ok := b.Zone(z.ID); !ok || got.ID != z.ID {
			t.Errorf("Zone(%q) = %q, %v", z.ID, got.ID, ok)
		}
	}
	if _, ok := b.Zone("nope"); ok {
		t.Error(`Zone("nope") found`)
	}
	open := canvas.Zone{}
	if open.DefaultKind() != canvas.KindNote || !open.Accepts(canvas.KindPain) {
		t.Error("a zone without kinds should take any card and default to a note")
	}
}

func TestZoneAtJobMap(t *testing.T) {
	f := newFixture(t)
	b := f.jm
	tests := []struct {
		at   canvas.Point
		want string
	}{
		{inColumn(0, false), "define/steps"},
		{inColumn(0, true), "define/outcomes"},
		{inColumn(3, false), "confirm/steps"},
		{inColumn(7, true), "conclude/outcomes"},
		{canvas.Point{X: colX, Y: stepsY}, "define/steps"},
		{canvas.Point{X: colX + colW, Y: outcomeY}, "locate/outcomes"},
		{canvas.Point{X: colX + colW - 0.01, Y: outcomeY - 0.01}, "define/steps"},
		{canvas.Point{X: 200, Y: 100}, ""},            // column header
		{canvas.Point{X: 200, Y: outcomeY + 700}, ""}, // below the last row
		{canvas.Point{X: 200, Y: outcomeY + 699.9}, "define/outcomes"},
		{canvas.Point{X: colX - 0.1, Y: 300}, ""},    // left of the map
		{canvas.Point{X: colX + 8*colW, Y: 300}, ""}, // right of the last column
	}
	for _, tt := range tests {
		z, ok := b.ZoneAt(tt.at)
		if ok != (tt.want != "") || z.ID != tt.want {
			t.Errorf("ZoneAt(%v) = %q, %v; want %q", tt.at, z.ID, ok, tt.want)
		}
	}
	z, _ := b.ZoneAt(inColumn(2, true))
	if z.Step != "prepare" || z.Row != "outcomes" || z.DefaultKind() != canvas.KindOutcome || z.Label != "Desired outcomes" {
		t.Errorf("zone = %+v", z)
	}
	if len(b.Zones()) != 16 {
		t.Errorf("%d zones, want 2 rows × 8 steps", len(b.Zones()))
	}
	// The zones follow the steps: after a rename of ids by a move, the zone
	// at a point names the step now there.
	if err := (&canvas.MoveStep{Board: b.ID, Step: "conclude", To: 0}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if z, _ := b.ZoneAt(inColumn(0, true)); z.ID != "conclude/outcomes" {
		t.Errorf("after moving conclude first, column 0 is %q", z.ID)
	}
	if err := (&canvas.AddStep{Board: b.ID, Index: -1, Step: canvas.Step{ID: "extra", Name: "Extra"}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if z, _ := b.ZoneAt(canvas.Point{X: colX + 8*colW, Y: 300}); z.ID != "extra/steps" {
		t.Errorf("the ninth column is %q", z.ID)
	}
	if got := b.TemplateBounds(); got.W != colX+9*colW+colX {
		t.Errorf("TemplateBounds with 9 steps = %+v", got)
	}
	// A job map with no steps has no zones.
	empty := &canvas.Board{Template: canvas.TemplateJobMap}
	if _, ok := empty.ZoneAt(inColumn(0, false)); ok || len(empty.Zones()) != 0 {
		t.Error("a job map without steps has zones")
	}
}

func TestUnknownTemplateIsFree(t *testing.T) {
	b := &canvas.Board{Template: "kanban"}
	if b.TemplateOf().ID != canvas.TemplateFree || len(b.Zones()) != 0 {
		t.Errorf("unknown template drawn as %q with %d zones", b.TemplateOf().ID, len(b.Zones()))
	}
	if _, ok := b.ZoneAt(ptPains); ok {
		t.Error("a free board has zones")
	}
}

func TestNormalize(t *testing.T) {
	f := newFixture(t)
	f.vpc.Card(f.pain).Zone = "gains" // stale, as in a hand-edited file
	f.vpc.Card(f.note).Zone = "jobs"
	f.jm.Card(f.locate).Zone = ""
	f.p.Normalize()
	for _, c := range []struct {
		got, want string
	}{
		{f.vpc.Card(f.pain).Zone, "pains"},
		{f.vpc.Card(f.note).Zone, ""},
		{f.jm.Card(f.locate).Zone, "locate/outcomes"},
	} {
		if c.got != c.want {
			t.Errorf("zone = %q, want %q", c.got, c.want)
		}
	}
	// Normalize fixes zones only: kinds are the file's.
	if f.vpc.Card(f.note).Kind != canvas.KindNote {
		t.Error("Normalize changed a kind")
	}
}

func TestBoardGeometry(t *testing.T) {
	f := newFixture(t)
	if c := f.vpc.CardAt(ptPains); c == nil || c.ID != f.pain {
		t.Errorf("CardAt(pains) = %v", c)
	}
	if c := f.vpc.CardAt(canvas.Point{X: 1200, Y: 640}); c != nil {
		t.Errorf("CardAt(open space) = %s", c.Text)
	}
	// The topmost of two overlapping cards wins.
	if err := (&canvas.AddCards{Board: f.vpc.ID, Cards: []canvas.Card{canvas.NewCard(canvas.KindPain, canvas.Point{X: ptPains.X + 50, Y: ptPains.Y}, "on top")}}).Apply(f.p); err != nil {
		t.Fatal(err)
	}
	if c := f.vpc.CardAt(ptPains); c == nil || c.Text != "on top" {
		t.Errorf("CardAt(overlap) = %v", c)
	}
	// The open-space note at (1200, 1300) reaches below the template.
	if got, want := f.vpc.Bounds(), (canvas.Rect{X: 0, Y: 0, W: 2400, H: 1370}); got != want {
		t.Errorf("Bounds = %+v, want %+v", got, want)
	}
	if got := f.free.CardsBounds(); got != (canvas.Rect{X: 390, Y: 430, W: 220, H: 140}) {
		t.Errorf("CardsBounds = %+v", got)
	}
	if got := (&canvas.Board{Template: canvas.TemplateFree}).CardsBounds(); !got.Empty() {
		t.Errorf("CardsBounds of an empty board = %+v", got)
	}
}

func TestRectCircle(t *testing.T) {
	r := canvas.Rect{X: 0, Y: 0, W: 10, H: 10}
	for _, tt := range []struct {
		o    canvas.Rect
		want bool
	}{
		{canvas.Rect{X: 5, Y: 5, W: 10, H: 10}, true},
		{canvas.Rect{X: 10, Y: 0, W: 5, H: 5}, false}, // touching edges
		{canvas.Rect{X: -5, Y: -5, W: 5.1, H: 5.1}, true},
	} {
		if got := r.Intersects(tt.o); got != tt.want {
			t.Errorf("Intersects(%+v) = %v", tt.o, got)
		}
	}
	if got := r.Inset(2); got != (canvas.Rect{X: -2, Y: -2, W: 14, H: 14}) {
		t.Errorf("Inset = %+v", got)
	}
	if got := r.Union(canvas.Rect{X: 20, Y: -5, W: 1, H: 1}); got != (canvas.Rect{X: 0, Y: -5, W: 21, H: 15}) {
		t.Errorf("Union = %+v", got)
	}
	if got := (canvas.Rect{}).Union(r); got != r {
		t.Errorf("empty Union = %+v", got)
	}
	c := canvas.Circle{CX: 1820, CY: 640, R: 500}
	if c.Bounds() != (canvas.Rect{X: 1320, Y: 140, W: 1000, H: 1000}) {
		t.Errorf("circle bounds = %+v", c.Bounds())
	}
}
