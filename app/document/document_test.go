package document

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TestNoFyne: the document must stay usable without the UI, by a server
// or a command; nothing it imports, directly or not, may be Fyne.
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") {
			t.Errorf("package document depends on %s", pkg)
		}
	}
}

func newDoc(t *testing.T, run func(func())) (*Document, *canvas.Board) {
	t.Helper()
	p, err := canvas.NewProject("Doc", "free")
	if err != nil {
		t.Fatal(err)
	}
	return New(p, "", run), p.Boards[0]
}

func addCard(t *testing.T, d *Document, bd *canvas.Board) {
	t.Helper()
	c := canvas.NewCard(canvas.KindNote, canvas.Point{X: 100, Y: 100}, "card")
	if err := d.Do(&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}); err != nil {
		t.Fatal(err)
	}
}

// TestOnChangeCancel: a cancelled listener hears nothing more, even when
// it is cancelled by another listener of the same change.
func TestOnChangeCancel(t *testing.T) {
	d, bd := newDoc(t, nil)
	var a, b, c int
	var cancelC func()
	cancelA := d.OnChange(func(ch Change) {
		a++
		if ch.Board != bd.ID {
			t.Errorf("change on board %v, want %v", ch.Board, bd.ID)
		}
	})
	d.OnChange(func(Change) {
		b++
		cancelC() // c must not hear this change, though it is next
	})
	cancelC = d.OnChange(func(Change) { c++ })
	addCard(t, d, bd)
	if a != 1 || b != 1 || c != 0 {
		t.Errorf("heard %d, %d, %d changes, want 1, 1, 0", a, b, c)
	}
	cancelA()
	cancelA() // twice is harmless
	if err := d.Undo(); err != nil {
		t.Fatal(err)
	}
	if a != 1 || b != 2 || c != 0 || d.Listeners() != 1 {
		t.Errorf("after cancel: heard %d, %d, %d changes, %d listeners; want 1, 2, 0, 1", a, b, c, d.Listeners())
	}
}

// TestRunHandsWorkToOwner: work from another goroutine runs on the owner
// goroutine, through the runner the document was made with.
func TestRunHandsWorkToOwner(t *testing.T) {
	queue := make(chan func(), 1)
	d, bd := newDoc(t, func(fn func()) { queue <- fn })
	heard := 0
	d.OnChange(func(Change) { heard++ })
	go d.Run(func() { addCard(t, d, bd) }) // a server's goroutine
	(<-queue)()                            // the owner's loop
	if heard != 1 || len(bd.Cards) != 1 || !d.Dirty() {
		t.Errorf("after the owner ran the work: heard %d, %d cards, dirty %v", heard, len(bd.Cards), d.Dirty())
	}
}
