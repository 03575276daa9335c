package board

import (
	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

func topDialog(t *testing.T, w fyne.Window) []fyne.CanvasObject { return uitest.TopDialog(t, w) }
func tapButton(t *testing.T, w fyne.Window, label string)       { uitest.TapButton(t, w, label) }
func labels(t *testing.T, w fyne.Window) string                 { return uitest.Labels(t, w) }
func firstEntryIn(t *testing.T, w fyne.Window) *widget.Entry    { return uitest.FirstEntry(t, w, nil) }

// TestAddStepSelectsItsName: the new step's name is a placeholder, so it
// is selected and the first key typed replaces it.
func TestAddStepSelectsItsName(t *testing.T) {
	b, _, s, _ := newBoardTest(t, jobMapBoard, screen, lightTheme())
	j := s.jobMap
	cardMenuItem(t, b.menus().stepMenu("conclude"), "Add step after").Action()
	if !b.Editing() {
		t.Fatal("Add step did not open the name for editing")
	}
	test.Type(b.edit.entry, "Check weather")
	b.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := j.Steps[len(j.Steps)-1].Name; got != "Check weather" {
		t.Errorf("new step named %q, want the typed name alone", got)
	}
}

// TestDeleteStepWithCardsAsks: deleting a step with cards in it names
// them and waits for Delete; Cancel keeps all; undo restores a deletion.
// A step with no cards goes at once.
func TestDeleteStepWithCardsAsks(t *testing.T) {
	b, doc, s, w := newBoardTest(t, jobMapBoard, screen, lightTheme())
	j := s.jobMap
	n, steps := len(j.Cards), len(j.Steps)
	cardMenuItem(t, b.menus().stepMenu("define"), "Delete step").Action()
	if msg := labels(t, w); !strings.Contains(msg, "Delete step “Define” and its 3 cards?") {
		t.Fatalf("confirmation:\n%s", msg)
	}
	if len(j.Steps) != steps || len(j.Cards) != n {
		t.Fatal("the step went before the user chose")
	}
	tapButton(t, w, "Cancel")
	if len(j.Steps) != steps || len(j.Cards) != n {
		t.Fatal("Cancel deleted the step")
	}

	cardMenuItem(t, b.menus().stepMenu("define"), "Delete step").Action()
	tapButton(t, w, "Delete")
	if j.StepIndex("define") >= 0 || len(j.Cards) != n-3 {
		t.Fatalf("Delete: step index %d, %d cards", j.StepIndex("define"), len(j.Cards))
	}
	doc.Undo()
	if j.StepIndex("define") != 0 || len(j.Cards) != n || b.r.view.Len() != n {
		t.Fatal("undo did not bring back the step and its cards")
	}

	empty := j.Steps[len(j.Steps)-1].ID
	if len(j.CardsInStep(empty)) != 0 {
		t.Fatalf("step %s has cards", empty)
	}
	cardMenuItem(t, b.menus().stepMenu(empty), "Delete step").Action()
	if w.Canvas().Overlays().Top() != nil || j.StepIndex(empty) >= 0 {
		t.Error("a step without cards asked, or stayed")
	}
}

// TestEditStepDescription: the step menu edits the description in a
// dialog, as one undo step, and the header shows it.
func TestEditStepDescription(t *testing.T) {
	b, doc, s, w := newBoardTest(t, jobMapBoard, screen, lightTheme())
	j := s.jobMap
	old := j.Steps[1].Description
	cardMenuItem(t, b.menus().stepMenu("locate"), "Edit description…").Action()
	entry := firstEntryIn(t, w)
	if entry.Text != old || w.Canvas().Focused() != entry {
		t.Fatal("no focused field holding the description")
	}
	entry.SetText("Find the bike, the lights\nand the route")
	tapButton(t, w, "Save")
	if got := j.Steps[1].Description; got != "Find the bike, the lights\nand the route" {
		t.Fatalf("description %q", got)
	}
	if doc.History.UndoName() != "Edit step description" {
		t.Errorf("undo name %q", doc.History.UndoName())
	}
	if b.r.view.Template().Key() != render.TemplateKey(j) || !strings.Contains(templateText(b), "Find the bike, the lights") {
		t.Error("the header does not show the new description")
	}
	doc.Undo()
	if j.Steps[1].Description != old || j.Steps[1].Name != "Locate" {
		t.Errorf("undo left %+v", j.Steps[1])
	}

	// Too long: Save stays disabled.
	cardMenuItem(t, b.menus().stepMenu("locate"), "Edit description…").Action()
	firstEntryIn(t, w).SetText(strings.Repeat("x", canvas.MaxStepDescLen+1))
	for _, o := range topDialog(t, w) {
		if bt, ok := o.(*widget.Button); ok && bt.Text == "Save" && !bt.Disabled() {
			t.Error("Save enabled for a description over the limit")
		}
	}
}

// templateText is all the text the board's template draws.
func templateText(b *Widget) string {
	var sb strings.Builder
	for _, tt := range b.r.view.Template().Texts() {
		sb.WriteString(tt.Text + " ")
	}
	return sb.String()
}

// TestStepDescriptionSaved: an edited description (with a line break) is
// written to the file and read back as typed.
func TestStepDescriptionSaved(t *testing.T) {
	b, doc, _, w := newBoardTest(t, jobMapBoard, screen, lightTheme())
	cardMenuItem(t, b.menus().stepMenu("monitor"), "Edit description…").Action()
	firstEntryIn(t, w).SetText("Watch traffic,\nweather and time")
	tapButton(t, w, "Save")
	path := filepath.Join(t.TempDir(), "steps.jobcanvas")
	if err := storage.Save(path, doc.Project); err != nil {
		t.Fatal(err)
	}
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Boards[1].Steps[5]; got.ID != "monitor" || got.Description != "Watch traffic,\nweather and time" {
		t.Errorf("saved step %+v", got)
	}
}

// TestKindMenuOffersTheTemplatesKinds: the Kind menu lists the kinds the
// board has a place for, and a card's own kind when it is not one.
func TestKindMenuOffersTheTemplatesKinds(t *testing.T) {
	b, _, s, _ := newBoardTest(t, jobMapBoard, screen, lightTheme())
	step := s.byText["Find bike, helmet, lights"]
	kindLabels := func(ids ...uuid.UUID) []string {
		var out []string
		for _, it := range cardMenuItem(t, b.menus().cardMenu(ids), "Kind").ChildMenu.Items {
			out = append(out, it.Label)
		}
		return out
	}
	if got, want := kindLabels(step), []string{"Job step", "Desired outcome", "Note"}; !slices.Equal(got, want) {
		t.Errorf("job map offers %v, want %v", got, want)
	}
	pain := canvas.NewCard(canvas.KindPain, at(3000, 3000), "Pasted from the canvas")
	if err := (&canvas.AddCards{Board: s.jobMap.ID, Cards: []canvas.Card{pain}}).Apply(s.project); err != nil {
		t.Fatal(err)
	}
	if got, want := kindLabels(step, pain.ID), []string{"Job step", "Desired outcome", "Note", "Pain"}; !slices.Equal(got, want) {
		t.Errorf("with a pain selected, offers %v, want %v", got, want)
	}

	v, _, vs, _ := newBoardTest(t, vpcBoard, screen, lightTheme())
	var n int
	for _, c := range vs.vpc.Cards {
		n = len(cardMenuItem(t, v.menus().cardMenu([]uuid.UUID{c.ID}), "Kind").ChildMenu.Items)
		break
	}
	if n != 7 {
		t.Errorf("the value proposition canvas offers %d kinds, want its 6 and the note", n)
	}
}

// TestJobMapTitle: the job map shows its title, the core job statement,
// above the steps; the board's menu renames it.
func TestJobMapTitle(t *testing.T) {
	b, doc, s, w := newBoardTest(t, jobMapBoard, screen, lightTheme())
	if text := templateText(b); !strings.HasPrefix(text, "Core job Job map ") {
		t.Errorf("the job map starts with %q", text[:min(len(text), 40)])
	}
	cardMenuItem(t, b.menus().boardMenu(at(300, -50)), "Rename board…").Action()
	entry := firstEntryIn(t, w)
	if w.Canvas().Focused() != entry || entry.SelectedText() != "Job map" {
		t.Fatal("the title field does not have the keyboard with the title selected")
	}
	test.Type(entry, "Commute to work by bike")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.jobMap.Title != "Commute to work by bike" || !strings.Contains(templateText(b), "Commute to work by bike") {
		t.Errorf("title %q; the board shows %q", s.jobMap.Title, templateText(b))
	}
	doc.Undo()
	if s.jobMap.Title != "Job map" {
		t.Error("undo did not restore the title")
	}
}
