package board

import (
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// storiesBoard is a customer stories board from a commuter workshop: two
// clusters with their vectors of progress, stories in each and one not
// sorted yet.
type storiesBoard struct {
	doc         *document.Document
	bd          *canvas.Board
	late, sweat uuid.UUID // the clusters
	byText      map[string]uuid.UUID
}

func newStoriesBoard(t testing.TB) *storiesBoard {
	t.Helper()
	p, err := canvas.NewProject("Commuter cycling", "customer-stories")
	if err != nil {
		t.Fatal(err)
	}
	s := &storiesBoard{doc: newDocument(p), bd: p.Boards[0], late: uuid.New(), sweat: uuid.New(), byText: map[string]uuid.UUID{}}
	s.bd.Clusters = []canvas.Cluster{
		{ID: s.late, Name: "Never late again", Rect: canvas.Rect{X: 120, Y: 320, W: 1080, H: 640},
			From: "guessing when the bus comes", To: "knowing when I will arrive"},
		{ID: s.sweat, Name: "Arrive ready to work", Rect: canvas.Rect{X: 1400, Y: 320, W: 800, H: 640}},
	}
	add := func(at canvas.Point, text string) {
		c := canvas.NewCard(canvas.KindCustomerStory, at, text)
		if err := (&canvas.AddCards{Board: s.bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		s.byText[text] = c.ID
	}
	add(at(300, 560), "Dana, nurse: switched from the bus after missing a shift handover")
	add(at(560, 560), "Omar: the third late train in a week; first thought, \"a bike can't be late\"")
	add(at(820, 800), "Lea: traded the bus's reading time for knowing when she arrives")
	add(at(1600, 560), "Sam: showers at the gym next door; gave up sleeping in")
	add(at(2400, 1300), "Kim: not sorted yet")
	return s
}

func showStories(t testing.TB, s *storiesBoard, size fyne.Size, th fyne.Theme) (*Widget, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if th != nil {
		a.Settings().SetTheme(th)
	}
	bw := New(s.doc, s.bd.ID, NewClipboard())
	bw.OnError = func(err error) { t.Errorf("board error: %v", err) }
	w := test.NewTempWindow(t, bw)
	w.SetPadded(false)
	w.Resize(size)
	return bw, w
}

func cluster(t testing.TB, b *Widget, id uuid.UUID) canvas.Cluster {
	t.Helper()
	k, ok := b.board().Cluster(id)
	if !ok {
		t.Fatalf("no cluster %s", id)
	}
	return *k
}

// The board's menu adds a cluster at the pointer, its name selected for
// typing: what is typed names it, and undo takes back the name, then the
// cluster.
func TestClusterAddFromBoardMenu(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	p := at(400, 1100)
	cardMenuItem(t, b.contextMenu(screenOf(b, p)), "Add cluster").Action()
	if len(s.bd.Clusters) != 3 {
		t.Fatalf("%d clusters, want a third", len(s.bd.Clusters))
	}
	k := s.bd.Clusters[2]
	if k.Name != canvas.NewClusterName || k.Rect.X != 400 || k.Rect.Y != 1100 || k.Rect.W != canvas.DefaultClusterRect.W {
		t.Errorf("new cluster %+v, want %q at the pointer, default size", k, canvas.NewClusterName)
	}
	if tg, ok := b.edit.current(); !ok || tg.cluster != k.ID {
		t.Fatal("the new cluster's name is not open for typing")
	}
	test.Type(b.edit.entry, "Cheaper than the car")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := cluster(t, b, k.ID).Name; got != "Cheaper than the car" {
		t.Errorf("name after typing = %q", got)
	}
	if got := s.doc.History.UndoName(); got != "Rename cluster" {
		t.Errorf("undo names %q, want Rename cluster", got)
	}
	b.Undo()
	if got := cluster(t, b, k.ID).Name; got != canvas.NewClusterName {
		t.Errorf("name after undo = %q", got)
	}
	b.Undo()
	if len(s.bd.Clusters) != 2 {
		t.Errorf("%d clusters after undoing the add, want 2", len(s.bd.Clusters))
	}
}

// Only a customer stories board, or one with clusters, offers them.
func TestClusterMenuOnlyWhereClustersBelong(t *testing.T) {
	b, _, _, _ := newBoardTest(t, vpcBoard, fyne.NewSize(900, 600), lightTheme())
	for _, it := range b.menus().boardMenu(at(1200, 1300)).Items {
		if it.Label == "Add cluster" {
			t.Error("the value proposition canvas offers to add a cluster")
		}
	}
}

// A double-click on a cluster's title renames it in place; one undo step.
func TestClusterRenameByDoubleClick(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	k := cluster(t, b, s.sweat)
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(k.Rect.X+100, k.Rect.Y+30))})
	if tg, ok := b.edit.current(); !ok || tg.cluster != s.sweat {
		t.Fatal("a double-click on the title did not open its name")
	}
	if b.edit.entry.Text != k.Name {
		t.Errorf("the editor holds %q, want %q", b.edit.entry.Text, k.Name)
	}
	b.edit.entry.SetText("Arrive fresh")
	b.CommitEdit()
	if got := cluster(t, b, s.sweat).Name; got != "Arrive fresh" {
		t.Errorf("name = %q", got)
	}
	b.Undo()
	if got := cluster(t, b, s.sweat).Name; got != k.Name {
		t.Errorf("name after undo = %q, want %q", got, k.Name)
	}
	// A double-click in a cluster's body, below its title, starts a card.
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(k.Rect.X+400, k.Rect.Y+500))})
	if tg, ok := b.edit.current(); !ok || !tg.isNew || tg.newCrd.Kind != canvas.KindCustomerStory {
		t.Errorf("a double-click in the body edits %+v, want a new customer story", tg)
	}
}

// Dragging a card into a cluster's frame makes it a member, out of it
// takes it out: its position is all there is.
func TestClusterMembershipOnDrag(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	kim := s.byText["Kim: not sorted yet"]
	if slices.Contains(s.bd.ClusterCards(s.sweat), kim) {
		t.Fatal("Kim is in a cluster before the drag")
	}
	dragSteps(b, cardCenter(b, kim), screenOf(b, at(1900, 700)), 6)
	if got := s.bd.ClusterCards(s.sweat); !slices.Contains(got, kim) {
		t.Errorf("the card dragged into the cluster is not in it: %v", got)
	}
	dana := s.byText["Dana, nurse: switched from the bus after missing a shift handover"]
	dragSteps(b, cardCenter(b, dana), screenOf(b, at(300, 1200)), 6)
	if got := s.bd.ClusterCards(s.late); slices.Contains(got, dana) || len(got) != 2 {
		t.Errorf("cards of the first cluster after dragging one out: %v", got)
	}
	if c := s.bd.Card(dana); c.Kind != canvas.KindCustomerStory {
		t.Errorf("the story dragged out became a %s", c.Kind)
	}
}

// A drag on a cluster's title bar moves it with its cards, as one undo
// step, snapped to the grid; the cards outside stay.
func TestClusterMoveByTitleMovesItsCards(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	before := s.doc.Project.Clone()
	k := cluster(t, b, s.late)
	members := s.bd.ClusterCards(s.late)
	if len(members) != 3 {
		t.Fatalf("the first cluster holds %d cards, want 3", len(members))
	}
	from := screenOf(b, at(k.Rect.X+500, k.Rect.Y+40))
	dragSteps(b, from, from.AddXY(90, 140), 8)
	moved := cluster(t, b, s.late)
	dx, dy := moved.Rect.X-k.Rect.X, moved.Rect.Y-k.Rect.Y
	if dx <= 0 || dy <= 0 || moved.Rect.W != k.Rect.W {
		t.Fatalf("cluster went from %+v to %+v", k.Rect, moved.Rect)
	}
	if moved.Rect.X != snap(moved.Rect.X) || moved.Rect.Y != snap(moved.Rect.Y) {
		t.Errorf("cluster dropped off the grid at %g,%g", moved.Rect.X, moved.Rect.Y)
	}
	ob := before.Board(s.bd.ID)
	for _, c := range s.bd.Cards {
		o := ob.Card(c.ID)
		in := slices.Contains(members, c.ID)
		if in && (c.X != o.X+dx || c.Y != o.Y+dy) {
			t.Errorf("%q moved by %g,%g, want %g,%g with its cluster", c.Text, c.X-o.X, c.Y-o.Y, dx, dy)
		}
		if !in && (c.X != o.X || c.Y != o.Y) {
			t.Errorf("%q outside the cluster moved", c.Text)
		}
	}
	if got := s.bd.ClusterCards(s.late); !slices.Equal(got, members) {
		t.Errorf("members after the move %v, want %v", got, members)
	}
	b.Undo()
	if got := cluster(t, b, s.late); got.Rect != k.Rect {
		t.Errorf("cluster after one undo at %+v, want %+v", got.Rect, k.Rect)
	}
	for _, c := range s.bd.Cards {
		if o := ob.Card(c.ID); c.X != o.X || c.Y != o.Y {
			t.Errorf("%q not back after one undo", c.Text)
		}
	}
}

// The handle at a cluster's bottom-right corner resizes it, one undo step;
// the cards stay put and join or leave by where they are.
func TestClusterResizeByHandle(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	k := cluster(t, b, s.sweat)
	corner := screenOf(b, at(k.Rect.X+k.Rect.W-6, k.Rect.Y+k.Rect.H-6))
	dragSteps(b, corner, corner.AddXY(200, 180), 5)
	got := cluster(t, b, s.sweat)
	if got.Rect.X != k.Rect.X || got.Rect.Y != k.Rect.Y || got.Rect.W <= k.Rect.W || got.Rect.H <= k.Rect.H {
		t.Fatalf("resized from %+v to %+v", k.Rect, got.Rect)
	}
	if got.Rect.W != snap(got.Rect.W) || got.Rect.H != snap(got.Rect.H) {
		t.Errorf("size off the grid: %+v", got.Rect)
	}
	if !slices.Contains(s.bd.ClusterCards(s.sweat), s.byText["Kim: not sorted yet"]) {
		t.Error("the grown cluster does not take in the card it now covers")
	}
	if n := s.doc.History.UndoName(); n != "Resize cluster" {
		t.Errorf("undo names %q", n)
	}
	b.Undo()
	if got := cluster(t, b, s.sweat); got.Rect != k.Rect {
		t.Errorf("after one undo %+v, want %+v", got.Rect, k.Rect)
	}
	// It never shrinks below the smallest a cluster may be.
	dragSteps(b, corner, corner.AddXY(-2000, -2000), 3)
	if got := cluster(t, b, s.sweat); got.Rect.W != canvas.MinClusterW || got.Rect.H != canvas.MinClusterH {
		t.Errorf("shrunk to %+v, want the least size", got.Rect)
	}
}

// A drag in a cluster's body, below its title, selects with a rubber
// band; the cluster stays.
func TestClusterBodyDragSelects(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	k := cluster(t, b, s.late)
	dragSteps(b, screenOf(b, at(140, 480)), screenOf(b, at(700, 940)), 4)
	if got := cluster(t, b, s.late); got.Rect != k.Rect {
		t.Errorf("a drag in the body moved the cluster to %+v", got.Rect)
	}
	if b.sel.Len() != 2 {
		t.Errorf("%d cards selected, want the two under the band", b.sel.Len())
	}
}

// A cluster's menu renames it, sets its vector of progress through a
// dialog, and deletes it leaving its cards where they are.
func TestClusterMenu(t *testing.T) {
	s := newStoriesBoard(t)
	b, w := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	inside := screenOf(b, at(1800, 900))
	m := b.contextMenu(inside)
	cardMenuItem(t, m, "Rename cluster")
	cardMenuItem(t, m, "New card here") // the board's items follow

	cardMenuItem(t, m, "Set vector of progress…").Action()
	entries := findEntries(w.Canvas().Overlays().Top())
	if len(entries) != 2 {
		t.Fatalf("the dialog has %d entries, want From and To", len(entries))
	}
	test.Type(entries[0], "showering at the office ")
	test.Type(entries[1], "arriving ready for the first meeting")
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k := cluster(t, b, s.sweat)
	if k.From != "showering at the office" || k.To != "arriving ready for the first meeting" {
		t.Errorf("vector = %q → %q", k.From, k.To)
	}
	if got := k.Vector(); got != "From showering at the office to arriving ready for the first meeting" {
		t.Errorf("Vector() = %q", got)
	}
	drawn := false
	for _, tt := range b.r.view.Clusters().Texts() {
		if tt.Text == k.Vector() {
			drawn = true
		}
	}
	if !drawn {
		t.Errorf("the board does not draw the vector %q", k.Vector())
	}

	cards := s.doc.Project.Clone().Board(s.bd.ID)
	cardMenuItem(t, b.contextMenu(inside), "Delete cluster").Action()
	if _, ok := s.bd.Cluster(s.sweat); ok {
		t.Fatal("the cluster is still there")
	}
	for _, c := range s.bd.Cards {
		if o := cards.Card(c.ID); c.X != o.X || c.Y != o.Y {
			t.Errorf("%q moved when its cluster went", c.Text)
		}
	}
	b.Undo()
	if got := cluster(t, b, s.sweat); got.To != k.To {
		t.Errorf("undo brought back %+v", got)
	}
}

func findEntries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Entry:
			out = append(out, o)
			return
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// The customer stories board with two clusters, fitted to a
// projector-sized window, in both themes.
func TestClusterBoardRenders(t *testing.T) {
	for _, tc := range []struct {
		golden string
		theme  func() fyne.Theme
	}{
		{"board/customer_stories_light.png", lightTheme},
		{"board/customer_stories_dark.png", darkTheme},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			s := newStoriesBoard(t)
			_, w := showStories(t, s, fyne.NewSize(1280, 720), tc.theme())
			test.AssertImageMatches(t, tc.golden, w.Canvas().Capture())
		})
	}
}

// The minimap outlines each cluster in the primary colour.
func TestClusterInMinimap(t *testing.T) {
	s := newStoriesBoard(t)
	b, _ := showStories(t, s, fyne.NewSize(1280, 800), lightTheme())
	mm := NewMinimap(b)
	mm.Resize(minimapSize)
	r := test.WidgetRenderer(mm).(*minimapRenderer)
	img := r.draw(int(minimapSize.Width), int(minimapSize.Height)).(interface {
		At(x, y int) color.Color
	})
	bounds, sc, off := mm.frame(minimapSize)
	k := cluster(t, b, s.late)
	// The middle of the cluster's top edge, away from any card.
	x := int(off.X + float32(k.Rect.X+k.Rect.W/2-bounds.X)*sc)
	y := int(off.Y + float32(k.Rect.Y-bounds.Y)*sc)
	want := render.WithAlpha(r.colors.Primary, 0xd0)
	got := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
	if got.A == 0 || absDiff(got.R, want.R) > 40 || absDiff(got.B, want.B) > 40 {
		t.Errorf("the cluster's edge in the map is %v, want about %v", got, want)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
