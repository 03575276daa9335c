package board

import (
	"maps"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/document"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// newStoryBoard shows a free board with a job story and a competitor.
func newStoryBoard(t *testing.T) (b *Widget, doc *document.Document, story, rival uuid.UUID) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme())
	p, err := canvas.NewProject("Stories", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	add := func(k canvas.Kind, at canvas.Point, parts map[string]string) uuid.UUID {
		c := canvas.NewCard(k, at, "")
		c.W, c.H = 300, 190
		c.X, c.Y = at.X-150, at.Y-95
		c.SetParts(parts)
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	story = add(canvas.KindJobStory, at(400, 300), map[string]string{"situation": "it rains", "motivation": "stay dry", "outcome": "work at once"})
	rival = add(canvas.KindCompetitorDirect, at(800, 300), map[string]string{"product": "Taxi", "hiredFor": "rainy days when I am late and wet"})
	doc = newDocument(p)
	b = New(doc, bd.ID, NewClipboard())
	b.OnError = func(err error) { t.Errorf("board error: %v", err) }
	w := test.NewTempWindow(t, b)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 720))
	b.ShowAt(1, at(0, 0))
	return b, doc, story, rival
}

func tab(b *Widget, back bool) {
	e := b.edit.entry
	if back {
		e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if back {
		e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
}

// Enter on a job story opens its situation; Tab moves through the parts
// and Shift+Tab back, keeping what was typed in each; Enter commits them
// all as one undo step, and the text is their sentence.
func TestEditJobStoryPartByPart(t *testing.T) {
	b, doc, story, _ := newStoryBoard(t)
	b.Select(story)
	key(b, fyne.KeyReturn)
	if got := b.EditingPart(); got != canvas.PartSituation {
		t.Fatalf("Enter opened part %q, want the situation", got)
	}
	if got := b.edit.entry.Text; got != "it rains" {
		t.Errorf("editor shows %q", got)
	}
	if got := b.edit.label.text.Text; got != "When … · 1 of 3 · Tab: next" {
		t.Errorf("label %q", got)
	}
	typeRunes(b.edit.entry, " hard")
	tab(b, false)
	if got := b.EditingPart(); got != canvas.PartMotivation || b.edit.entry.Text != "stay dry" {
		t.Fatalf("after Tab: part %q text %q", got, b.edit.entry.Text)
	}
	typeRunes(b.edit.entry, " and warm")
	tab(b, false)
	tab(b, false) // round to the first
	if got := b.EditingPart(); got != canvas.PartSituation || b.edit.entry.Text != "it rains hard" {
		t.Fatalf("after Tab past the last: part %q text %q", got, b.edit.entry.Text)
	}
	tab(b, true)
	if got := b.EditingPart(); got != canvas.PartOutcome {
		t.Fatalf("after Shift+Tab: part %q", got)
	}
	b.edit.entry.SetText("")
	typeRunes(b.edit.entry, "start work at once")
	if doc.History.UndoName() != "" {
		t.Fatal("an edit was made before Enter")
	}
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b.Editing() {
		t.Fatal("Enter left the editor open")
	}
	c := b.board().Card(story)
	want := map[string]string{"situation": "it rains hard", "motivation": "stay dry and warm", "outcome": "start work at once"}
	if !maps.Equal(c.Parts, want) {
		t.Errorf("parts %q, want %q", c.Parts, want)
	}
	if c.Text != "When it rains hard, I want to stay dry and warm, so I can start work at once" {
		t.Errorf("text %q", c.Text)
	}
	if got := doc.History.UndoName(); got != "Edit job story" {
		t.Errorf("undo name %q", got)
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if c := b.board().Card(story); c.Parts["situation"] != "it rains" || c.Parts["motivation"] != "stay dry" || doc.History.UndoName() != "" {
		t.Errorf("one undo left parts %q, undo name %q", c.Parts, doc.History.UndoName())
	}
}

// Escape drops every part typed, whichever part it is pressed in.
func TestEditPartsEscapeCancels(t *testing.T) {
	b, doc, story, _ := newStoryBoard(t)
	before := b.board().Card(story).Clone()
	b.Select(story)
	key(b, fyne.KeyF2)
	typeRunes(b.edit.entry, " hard")
	tab(b, false)
	typeRunes(b.edit.entry, " now")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Editing() {
		t.Fatal("Escape left the editor open")
	}
	if c := b.board().Card(story); !maps.Equal(c.Parts, before.Parts) || c.Text != before.Text {
		t.Errorf("Escape kept something: %q %q", c.Parts, c.Text)
	}
	if doc.History.UndoName() != "" {
		t.Errorf("Escape made an edit: %q", doc.History.UndoName())
	}
	// Nothing changed, nothing to undo, even with Enter.
	key(b, fyne.KeyReturn)
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if doc.History.UndoName() != "" {
		t.Errorf("Enter with nothing changed made an edit: %q", doc.History.UndoName())
	}
}

// A double click opens the part under the pointer: on a competitor, its
// product above and what it is hired for below.
func TestDoubleClickOpensPartUnderPointer(t *testing.T) {
	b, _, _, rival := newStoryBoard(t)
	c := b.board().Card(rival)
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(c.X+c.W/2, c.Y+c.H-50))})
	if got := b.EditingPart(); got != canvas.PartHiredFor {
		t.Errorf("double click low on the card opened %q, want hiredFor", got)
	}
	b.cancelEdit()
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(c.X+c.W/2, c.Y+50))})
	if got := b.EditingPart(); got != canvas.PartProduct {
		t.Errorf("double click high on the card opened %q, want product", got)
	}
	if b.edit.entry.Text != "Taxi" {
		t.Errorf("editor shows %q", b.edit.entry.Text)
	}
}

// The editor on a part: its label above the note names the part and that
// Tab moves on; the entry shows the part alone.
func TestPartEditorRenders(t *testing.T) {
	b, _, story, _ := newStoryBoard(t)
	b.Select(story)
	key(b, fyne.KeyReturn)
	tab(b, false)
	test.AssertImageMatches(t, "board/story_part_editor.png", fyne.CurrentApp().Driver().CanvasForObject(b).Capture())
}

// The card menu of one job story offers "Make a job card"; of another
// card, not.
func TestCardMenuMakeJobCard(t *testing.T) {
	b, doc, story, rival := newStoryBoard(t)
	find := func(m *fyne.Menu) *fyne.MenuItem {
		for _, it := range m.Items {
			if it.Label == "Make a job card" {
				return it
			}
		}
		return nil
	}
	if find(b.menus().cardMenu([]uuid.UUID{rival})) != nil {
		t.Error("a competitor's menu offers to make a job card")
	}
	it := find(b.menus().cardMenu([]uuid.UUID{story}))
	if it == nil {
		t.Fatal("no Make a job card in a job story's menu")
	}
	it.Action()
	sel := b.Selection()
	if len(sel) != 1 || sel[0] == story {
		t.Fatalf("selection %v", sel)
	}
	job := b.board().Card(sel[0])
	if job.Kind != canvas.KindJob || job.Text != "Stay dry" || b.board().LinkIndex(story, job.ID) < 0 {
		t.Errorf("job %s %q, linked %v", job.Kind, job.Text, b.board().LinkIndex(story, job.ID) >= 0)
	}
	if doc.History.UndoName() != "Make a job card" {
		t.Errorf("undo step %q", doc.History.UndoName())
	}
}

// A new card in a zone of job stories is typed part by part too, and
// joins the board, as one undo step, only with something in a part.
func TestNewJobStoryPartByPart(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme())
	p, err := canvas.NewProject("Stories", canvas.TemplateJobStories)
	if err != nil {
		t.Fatal(err)
	}
	doc := newDocument(p)
	b := New(doc, p.Boards[0].ID, NewClipboard())
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(1280, 720))
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(400, 400))})
	if got := b.EditingPart(); got != canvas.PartSituation {
		t.Fatalf("a new card in the job stories opened %q", got)
	}
	tab(b, false)
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(b.board().Cards) != 0 || doc.History.UndoName() != "" {
		t.Fatal("an empty job story joined the board")
	}
	b.DoubleTapped(&fyne.PointEvent{Position: screenOf(b, at(400, 400))})
	typeRunes(b.edit.entry, "the bus is late")
	tab(b, false)
	typeRunes(b.edit.entry, "take the bike")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(b.board().Cards); n != 1 {
		t.Fatalf("%d cards", n)
	}
	c := b.board().Cards[0]
	if c.Kind != canvas.KindJobStory || c.Text != "When the bus is late, I want to take the bike" || doc.History.UndoName() != "Add card" {
		t.Errorf("new card %s %q, undo %q", c.Kind, c.Text, doc.History.UndoName())
	}
}
