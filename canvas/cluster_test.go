package canvas_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// storiesFixture is a customer stories board with two clusters, A left and
// B right, overlapping in the middle (B on top), and a card in each, one
// in the overlap and one loose.
type storiesFixture struct {
	p                   *canvas.Project
	b                   *canvas.Board
	a, bb               uuid.UUID
	inA, inB, both, out uuid.UUID
}

func newStoriesFixture(t *testing.T) *storiesFixture {
	t.Helper()
	p, err := canvas.NewProject("Stories", "customer-stories")
	if err != nil {
		t.Fatal(err)
	}
	f := &storiesFixture{p: p, b: p.Boards[0], a: uuid.New(), bb: uuid.New()}
	f.b.Clusters = []canvas.Cluster{
		{ID: f.a, Name: "Late for work", Rect: canvas.Rect{X: 100, Y: 200, W: 800, H: 600}, From: "guessing the traffic", To: "knowing when to leave"},
		{ID: f.bb, Name: "Sweaty arrival", Rect: canvas.Rect{X: 700, Y: 200, W: 800, H: 600}},
	}
	add := func(at canvas.Point) uuid.UUID {
		c := canvas.NewCard(canvas.KindCustomerStory, at, "story")
		if err := (&canvas.AddCards{Board: f.b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	f.inA = add(canvas.Point{X: 300, Y: 400})
	f.inB = add(canvas.Point{X: 1200, Y: 400})
	f.both = add(canvas.Point{X: 800, Y: 500})
	f.out = add(canvas.Point{X: 2000, Y: 1200})
	return f
}

func TestClusterMembershipByCentre(t *testing.T) {
	f := newStoriesFixture(t)
	if got := f.b.ClusterCards(f.a); !slices.Equal(got, []uuid.UUID{f.inA}) {
		t.Errorf("cards of A = %v, want only the card in A", got)
	}
	// The overlap belongs to B, drawn on top.
	if got := f.b.ClusterCards(f.bb); !slices.Equal(got, []uuid.UUID{f.inB, f.both}) {
		t.Errorf("cards of B = %v, want the card in B and the one in the overlap", got)
	}
	if k, ok := f.b.ClusterAt(canvas.Point{X: 800, Y: 500}); !ok || k.ID != f.bb {
		t.Errorf("ClusterAt(overlap) = %v %v, want B", k, ok)
	}
	if k, ok := f.b.ClusterAt(canvas.Point{X: 2000, Y: 1200}); ok {
		t.Errorf("ClusterAt(open space) = %v, want none", k.Name)
	}
	if got := f.b.ClusterCards(uuid.New()); got != nil {
		t.Errorf("cards of an unknown cluster = %v, want none", got)
	}
	// A card's edge in the cluster is not enough: its centre decides.
	c := f.b.Card(f.out)
	c.X, c.Y = 1500-c.W/2-1, 300
	if got := f.b.ClusterCards(f.bb); !slices.Contains(got, f.out) {
		t.Errorf("a card with its centre just inside B is not in it: %v", got)
	}
	c.X += 2
	if got := f.b.ClusterCards(f.bb); slices.Contains(got, f.out) {
		t.Errorf("a card with its centre just outside B is in it: %v", got)
	}
}

func TestMoveCardIntoClusterMakesItAMember(t *testing.T) {
	f := newStoriesFixture(t)
	after := checkUndoRedo(t, f.p, &canvas.MoveCards{Board: f.b.ID, IDs: []uuid.UUID{f.out}, DX: -1700, DY: -800})
	if got := after.Board(f.b.ID).ClusterCards(f.a); !slices.Contains(got, f.out) {
		t.Errorf("card moved into A is not in it: %v", got)
	}
	if got := after.Board(f.b.ID).Card(f.out).Kind; got != canvas.KindCustomerStory {
		t.Errorf("kind after the move = %q, want it kept", got)
	}
}

func TestAddCluster(t *testing.T) {
	f := newStoriesFixture(t)
	k := canvas.Cluster{ID: uuid.New(), Name: canvas.NewClusterName, Rect: canvas.Rect{X: 1800, Y: 1000, W: 720, H: 480}}
	after := checkUndoRedo(t, f.p, &canvas.AddCluster{Board: f.b.ID, Cluster: k})
	b := after.Board(f.b.ID)
	if len(b.Clusters) != 3 || b.Clusters[2] != k {
		t.Fatalf("clusters after add = %+v", b.Clusters)
	}
	if got := b.ClusterCards(k.ID); !slices.Equal(got, []uuid.UUID{f.out}) {
		t.Errorf("the new cluster holds %v, want the card under it", got)
	}
	if b.Card(f.out).X != f.b.Card(f.out).X {
		t.Error("adding a cluster moved a card")
	}
}

func TestAddClusterRefusesBadClusters(t *testing.T) {
	f := newStoriesFixture(t)
	for _, tc := range []struct {
		name string
		k    canvas.Cluster
		want string
	}{
		{"empty name", canvas.Cluster{ID: uuid.New(), Rect: canvas.Rect{W: 400, H: 300}}, "cluster.name: must not be empty"},
		{"too small", canvas.Cluster{ID: uuid.New(), Name: "x", Rect: canvas.Rect{W: 10, H: 300}}, "cluster.w: must be between"},
		{"nil id", canvas.Cluster{Name: "x", Rect: canvas.Rect{W: 400, H: 300}}, "cluster.id"},
		{"taken id", canvas.Cluster{ID: f.a, Name: "x", Rect: canvas.Rect{W: 400, H: 300}}, "already on the board"},
		{"long vector", canvas.Cluster{ID: uuid.New(), Name: "x", Rect: canvas.Rect{W: 400, H: 300}, To: strings.Repeat("a", 201)}, "cluster.to: too long"},
	} {
		before := f.p.Clone()
		err := (&canvas.AddCluster{Board: f.b.ID, Cluster: tc.k}).Apply(f.p)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one saying %q", tc.name, err, tc.want)
		}
		sameProject(t, tc.name, before, f.p)
	}
}

func TestRemoveClusterLeavesCards(t *testing.T) {
	f := newStoriesFixture(t)
	before := f.p.Clone()
	after := checkUndoRedo(t, f.p, &canvas.RemoveCluster{Board: f.b.ID, ID: f.a})
	b := after.Board(f.b.ID)
	if len(b.Clusters) != 1 || b.Clusters[0].ID != f.bb {
		t.Fatalf("clusters after delete = %+v", b.Clusters)
	}
	for i, c := range b.Cards {
		if o := before.Board(f.b.ID).Cards[i]; c.X != o.X || c.Y != o.Y || c.Kind != o.Kind || c.Zone != o.Zone {
			t.Errorf("card %d changed when its cluster went", i)
		}
	}
	if _, ok := b.ClusterAt(canvas.Point{X: 300, Y: 400}); ok {
		t.Error("the deleted cluster still holds its point")
	}
}

func TestUpdateClusterRenameAndVector(t *testing.T) {
	f := newStoriesFixture(t)
	k, _ := f.b.Cluster(f.bb)
	n := *k
	n.Name, n.From, n.To = "Arrive fresh", "showering at the office", "arriving ready to work"
	after := checkUndoRedo(t, f.p, &canvas.UpdateCluster{Board: f.b.ID, Cluster: n, Label: "Set vector of progress"})
	got, _ := after.Board(f.b.ID).Cluster(f.bb)
	if *got != n {
		t.Errorf("cluster = %+v, want %+v", *got, n)
	}
	if v := got.Vector(); v != "From showering at the office to arriving ready to work" {
		t.Errorf("Vector() = %q", v)
	}
}

func TestClusterVectorWords(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"", "", ""},
		{"a", "", "From a"},
		{"", "b", "Towards b"},
		{" a ", " b", "From a to b"},
	} {
		k := canvas.Cluster{From: tc.from, To: tc.to}
		if got := k.Vector(); got != tc.want {
			t.Errorf("Vector(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

// A resize drag sends many updates: one undo step, back to the size the
// drag began with; cards stay where they are and join or leave by position.
func TestResizeClusterDragIsOneStep(t *testing.T) {
	f := newStoriesFixture(t)
	var h canvas.History
	before := f.p.Clone()
	k, _ := f.b.Cluster(f.a)
	n := *k
	for _, w := range []float64{700, 500, 180} {
		n.Rect.W = w
		if err := h.Do(f.p, &canvas.UpdateCluster{Board: f.b.ID, Cluster: n, Label: "Resize cluster", Gesture: 7}); err != nil {
			t.Fatal(err)
		}
	}
	if got := f.b.ClusterCards(f.a); len(got) != 0 {
		t.Errorf("A narrowed to 180 still holds %v", got)
	}
	if ok, err := h.Undo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "after one undo", before, f.p)
	if _, err := h.Undo(f.p); err != nil {
		t.Fatal(err)
	}
}

// Dragging a cluster moves its cards along: one undo step for the whole
// drag, and the cards it passes over stay behind.
func TestMoveClusterMovesItsCardsInOneStep(t *testing.T) {
	f := newStoriesFixture(t)
	var h canvas.History
	before := f.p.Clone()
	// Drag A right over B's cards, then down: B's cards are not swept up.
	for _, d := range []canvas.Point{{X: 400, Y: 0}, {X: 400, Y: 0}, {X: 0, Y: 700}} {
		if err := h.Do(f.p, &canvas.MoveCluster{Board: f.b.ID, ID: f.a, DX: d.X, DY: d.Y, Gesture: 3}); err != nil {
			t.Fatal(err)
		}
	}
	k, _ := f.b.Cluster(f.a)
	if want := (canvas.Rect{X: 900, Y: 900, W: 800, H: 600}); k.Rect != want {
		t.Errorf("A is at %+v, want %+v", k.Rect, want)
	}
	ob := before.Board(f.b.ID)
	if c, o := f.b.Card(f.inA), ob.Card(f.inA); c.X != o.X+800 || c.Y != o.Y+700 {
		t.Errorf("A's card at %g,%g, want moved by 800,700 from %g,%g", c.X, c.Y, o.X, o.Y)
	}
	for _, id := range []uuid.UUID{f.inB, f.both, f.out} {
		if c, o := f.b.Card(id), ob.Card(id); c.X != o.X || c.Y != o.Y {
			t.Errorf("card %s outside A moved", id)
		}
	}
	after := f.p.Clone()
	if ok, err := h.Undo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "after undo", before, f.p)
	if h.UndoName() != "" {
		t.Errorf("more than one undo step: next is %q", h.UndoName())
	}
	if ok, err := h.Redo(f.p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	sameProject(t, "after redo", after, f.p)
}

func TestMoveClusterSingleStepUndoRedo(t *testing.T) {
	f := newStoriesFixture(t)
	checkUndoRedo(t, f.p, &canvas.MoveCluster{Board: f.b.ID, ID: f.bb, DX: 100, DY: 300})
}

func TestMoveClusterRefusesToLeaveTheBoard(t *testing.T) {
	f := newStoriesFixture(t)
	before := f.p.Clone()
	if err := (&canvas.MoveCluster{Board: f.b.ID, ID: f.a, DX: 2e6}).Apply(f.p); err == nil {
		t.Error("a cluster moved off the board")
	}
	if err := (&canvas.MoveCluster{Board: f.b.ID, ID: uuid.New(), DX: 1}).Apply(f.p); err == nil {
		t.Error("moved a cluster that is not there")
	}
	sameProject(t, "after refused moves", before, f.p)
}

func TestValidateClusters(t *testing.T) {
	f := newStoriesFixture(t)
	f.b.Clusters[1].ID = f.inA // an id a card has
	f.b.Clusters[0].Rect.H = 50
	err := f.p.Validate()
	if err == nil {
		t.Fatal("Validate accepted a duplicate id and a flat cluster")
	}
	for _, want := range []string{"boards[0].clusters[1]", "boards[0].clusters[0].h"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s:\n%v", want, err)
		}
	}
}

func TestCloneCopiesClusters(t *testing.T) {
	f := newStoriesFixture(t)
	c := f.b.Clone()
	c.Clusters[0].Name = "changed"
	if f.b.Clusters[0].Name == "changed" {
		t.Error("Clone shares the clusters")
	}
}

func TestCompareSeesClusterChanges(t *testing.T) {
	f := newStoriesFixture(t)
	old := f.p.Clone()
	f.b.Clusters[0].To = "leaving on time"
	d := canvas.Compare(old, f.p)
	if len(d.Boards) != 1 || !d.Boards[0].ClustersChanged {
		t.Errorf("Compare missed a changed vector of progress: %+v", d)
	}
}

func TestBoundsHoldClusters(t *testing.T) {
	f := newStoriesFixture(t)
	f.b.Clusters[0].Rect = canvas.Rect{X: 5000, Y: 4000, W: 400, H: 300}
	if r := f.b.Bounds(); r.X+r.W < 5400 || r.Y+r.H < 4300 {
		t.Errorf("Bounds %+v leaves out a cluster", r)
	}
}
