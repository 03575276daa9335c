package app

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// key types a key as the window's canvas hands it on: to the focused
// object, or to the board when nothing has the focus.
func key(w *Window, name fyne.KeyName) {
	c := w.Window.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: name})
}

func typeRune(w *Window, r rune) {
	c := w.Window.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedRune(r)
		return
	}
	c.OnTypedRune()(r)
}

// inTree reports whether o is drawn in the window.
func inTree(w *Window, o fyne.CanvasObject) bool {
	for _, x := range test.LaidOutObjects(w.Window.Content()) {
		if x == o {
			return true
		}
	}
	return false
}

// cardTextSizes are the text sizes of the cards drawn in the window.
func cardTextSizes(w *Window) map[*canvas.Card]float32 {
	sizes := map[*canvas.Card]float32{}
	for _, x := range test.LaidOutObjects(w.Window.Content()) {
		if cv, ok := x.(*render.CardView); ok && cv.Visible() {
			sizes[cv.Card()] = cv.TextSize()
		}
	}
	return sizes
}

// shortcuts is the window canvas's shortcut handler: the test canvas
// keeps it in the software canvas it wraps.
func shortcuts(t *testing.T, w *Window) fyne.Shortcutable {
	t.Helper()
	c := w.Window.Canvas()
	if s, ok := c.(fyne.Shortcutable); ok {
		return s
	}
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	if s, ok := inner.Interface().(fyne.Shortcutable); inner.IsValid() && ok {
		return s
	}
	t.Fatal("the test canvas has no shortcut handler")
	return nil
}

func menuLabels(m *fyne.MainMenu) []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, mn := range m.Items {
		for _, it := range mn.Items {
			out = append(out, mn.Label+" ▸ "+it.Label)
		}
	}
	return out
}

type windowLook struct {
	size       fyne.Size
	fullScreen bool
	padded     bool
	menu       string
	content    fyne.CanvasObject
	tab        int
	views      [2]board.ViewState
}

func lookOf(w *Window) windowLook {
	l := windowLook{size: w.Window.Canvas().Size(), fullScreen: w.Window.FullScreen(), padded: w.Window.Padded(),
		content: w.Window.Content(), tab: w.tabs.SelectedIndex()}
	for _, s := range menuLabels(w.Window.MainMenu()) {
		l.menu += s + "\n"
	}
	for i := range l.views {
		l.views[i] = w.boards[i].View()
	}
	return l
}

func TestPresentEntersFitsAndLeaves(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Window.Resize(fyne.NewSize(1000, 700))
	bw := w.CurrentBoard()
	bw.ZoomIn()
	bw.ZoomIn()
	before := lookOf(w)
	textBefore := cardTextSizes(w)
	mm := w.tabsByBoard[bw.BoardID()].minimap

	key(w, fyne.KeyF5)
	if !w.Presenting() {
		t.Fatal("F5 did not enter presentation mode")
	}
	if !w.Window.FullScreen() {
		t.Error("presentation mode is not full screen")
	}
	if w.Window.MainMenu() != nil {
		t.Error("presentation mode shows the main menu")
	}
	for name, o := range map[string]fyne.CanvasObject{"tabs": w.tabs, "inspector": w.insp.panel, "minimap": mm} {
		if inTree(w, o) {
			t.Errorf("presentation mode shows the %s", name)
		}
	}
	if !inTree(w, bw) || bw.Size() != w.Window.Canvas().Size() {
		t.Errorf("board %v, want it filling the screen %v", bw.Size(), w.Window.Canvas().Size())
	}
	if !bw.View().AutoFit() {
		t.Error("the board is not kept fitted")
	}
	if in, bounds := bw.InView(), w.Document().Project.Boards[0].Bounds(); !holds(in, bounds) {
		t.Errorf("board bounds %v not all in view %v", bounds, in)
	}
	// Something that changes the undo names would bring the menu back.
	addCard(t, w, "added while presenting")
	if w.Window.MainMenu() != nil {
		t.Error("an edit brought the main menu back while presenting")
	}
	shortcuts(t, w).TypedShortcut(ctrl(fyne.KeyS))
	if w.Document().Dirty() {
		t.Error("Ctrl+S did not save while presenting")
	}
	larger := 0
	for c, s := range cardTextSizes(w) {
		if b, ok := textBefore[c]; ok && s > b {
			larger++
		}
	}
	if larger == 0 {
		t.Error("no card's text is larger in presentation mode")
	}
	w.Window.Resize(fyne.NewSize(1400, 900))
	if in, bounds := bw.InView(), w.Document().Project.Boards[0].Bounds(); !holds(in, bounds) || bw.Size() != w.Window.Canvas().Size() {
		t.Errorf("after a resize the board (%v) does not fit the screen: %v in view, bounds %v", bw.Size(), in, bounds)
	}

	key(w, fyne.KeyEscape)
	if w.Presenting() {
		t.Fatal("Escape did not leave presentation mode")
	}
	after := lookOf(w)
	// The card added while presenting renamed Edit ▸ Undo, nothing else.
	if got, want := menuLabels(w.Window.MainMenu()), menuLabels(w.mainMenu()); len(got) == 0 || len(got) != len(strings.Split(before.menu, "\n"))-1 || strings.Join(got, "\n")+"\n" != after.menu || !slices.Equal(got, want) {
		t.Errorf("menu after leaving:\n%s\nwant:\n%s", after.menu, before.menu)
	}
	before.menu, after.menu = "", ""
	if after != before {
		t.Errorf("leaving did not restore the window:\n got %+v\nwant %+v", after, before)
	}
	for name, o := range map[string]fyne.CanvasObject{"tabs": w.tabs, "inspector": w.insp.panel, "minimap": mm, "board": bw} {
		if !inTree(w, o) {
			t.Errorf("after leaving the %s is not shown", name)
		}
	}
	if bw.Presenting() {
		t.Error("the board keeps the presentation look")
	}
	if w.Window.Canvas().Focused() != bw {
		t.Error("after leaving the board does not have the focus")
	}
}

func TestPresentStepsThroughBoardsAndLandscape(t *testing.T) {
	w, _ := newTestWindow(t)
	if len(canvas.Dots(w.Document().Project)) == 0 {
		t.Fatal("the sample has no scored outcome: the landscape page is untested")
	}
	w.Present()
	if w.PresentPage() != 0 {
		t.Fatalf("page %d, want 0", w.PresentPage())
	}
	key(w, fyne.KeyPageDown)
	if w.PresentPage() != 1 || w.tabs.SelectedIndex() != 1 || !inTree(w, w.boards[1]) || inTree(w, w.boards[0]) {
		t.Fatalf("Page Down: page %d, tab %d; want the second board", w.PresentPage(), w.tabs.SelectedIndex())
	}
	if !w.boards[1].Presenting() || !w.boards[1].View().AutoFit() {
		t.Error("the second board is not shown fitted in the presentation look")
	}
	last := len(w.boards) - 1
	for range last - 1 {
		key(w, fyne.KeyPageDown)
	}
	if w.PresentPage() != last || !inTree(w, w.boards[last]) {
		t.Fatalf("page %d, want the last board, %d", w.PresentPage(), last)
	}
	key(w, fyne.KeyRight)
	if w.PresentPage() != last+1 || w.present.land == nil || !inTree(w, w.present.land) {
		t.Fatalf("Right after the last board: page %d, want the landscape", w.PresentPage())
	}
	n := len(w.Document().Project.Boards[last].Cards)
	typeRune(w, 'n') // no card on a board out of sight
	key(w, fyne.KeyPageDown)
	if w.PresentPage() != last+1 || w.boards[last].Editing() || len(w.Document().Project.Boards[last].Cards) != n {
		t.Errorf("on the landscape: page %d, editing %v", w.PresentPage(), w.boards[last].Editing())
	}
	key(w, fyne.KeyPageUp)
	for range last {
		key(w, fyne.KeyLeft)
	}
	if w.PresentPage() != 0 || !inTree(w, w.boards[0]) {
		t.Fatalf("Page Up, Left: page %d, want the first board", w.PresentPage())
	}
	key(w, fyne.KeyPageUp)
	if w.PresentPage() != 0 {
		t.Errorf("Page Up on the first board went to page %d", w.PresentPage())
	}

	// An arrow nudges the selected cards instead of paging.
	bw := w.boards[0]
	bw.Select(w.Document().Project.Boards[0].Cards[0].ID)
	key(w, fyne.KeyRight)
	if w.PresentPage() != 0 {
		t.Error("Right with a card selected changed the page")
	}
	if got := w.Document().History.UndoName(); got != "Move card" {
		t.Errorf("Right with a card selected: last edit %q, want it nudged (Move card)", got)
	}
	key(w, fyne.KeyEscape)
	if w.Presenting() {
		t.Error("Escape did not leave")
	}
	if w.Window.MainMenu() == nil || w.boards[1].Presenting() {
		t.Error("leaving after stepping left the menu off or a board in the presentation look")
	}
}

func TestPresentEditingStillWorks(t *testing.T) {
	w, _ := newTestWindow(t)
	menuItem(t, w, "View", "Present").Action()
	bw := w.CurrentBoard()
	n := len(w.Document().Project.Boards[0].Cards)
	typeRune(w, 'n')
	if !bw.Editing() {
		t.Fatal("N did not start a card while presenting")
	}
	test.Type(w.Window.Canvas().Focused(), "Ride in the rain")
	bw.CommitEdit()
	if got := len(w.Document().Project.Boards[0].Cards); got != n+1 {
		t.Fatalf("%d cards, want %d", got, n+1)
	}
	typeRune(w, 'n')
	key(w, fyne.KeyEscape) // ends the edit
	if bw.Editing() || !w.Presenting() {
		t.Fatalf("first Escape: editing %v, presenting %v; want the edit ended, still presenting", bw.Editing(), w.Presenting())
	}
	key(w, fyne.KeyEscape)
	if w.Presenting() {
		t.Error("second Escape did not leave")
	}
}

// Boards deleted and brought back while presenting: the page follows, and
// leaving stops following the document.
func TestPresentFollowsBoards(t *testing.T) {
	w, _ := newTestWindow(t)
	two, err := canvas.NewProject("Two boards", canvas.TemplateValueProposition, canvas.TemplateJobMap)
	if err != nil {
		t.Fatal(err)
	}
	w.SetDocument(NewDocument(two, ""))
	listeners := w.Document().Listeners()
	w.Present()
	key(w, fyne.KeyPageDown)
	second := w.boards[1]
	w.DeleteBoard()
	if w.PresentPage() != 0 || !inTree(w, w.boards[0]) || len(w.boards) != 1 {
		t.Fatalf("after deleting the board shown: page %d, want the first board shown", w.PresentPage())
	}
	shortcuts(t, w).TypedShortcut(&fyne.ShortcutUndo{})
	if len(w.boards) != 2 || w.boards[1] != second {
		t.Fatal("undo did not bring the board back")
	}
	key(w, fyne.KeyPageDown)
	if w.PresentPage() != 1 || !inTree(w, second) || !second.Presenting() {
		t.Errorf("page %d: the board brought back is not presented", w.PresentPage())
	}
	key(w, fyne.KeyEscape)
	if got := w.Document().Listeners(); got != listeners {
		t.Errorf("%d listeners after leaving, want %d", got, listeners)
	}
}
