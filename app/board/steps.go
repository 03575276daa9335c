package board

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// addStep inserts a new step at index at and opens its name for editing.
func (m menus) addStep(at int) {
	b := m.b
	bd := b.board()
	if bd == nil || at < 0 {
		return
	}
	s := canvas.Step{ID: bd.NewStepID(), Name: fmt.Sprintf("Step %d", len(bd.Steps)+1)}
	if b.do(&canvas.AddStep{Board: b.boardID, Index: at, Step: s}) {
		b.renameStep(s.ID)
		// The name is a placeholder: typing replaces it.
		if t, ok := b.edit.current(); ok && t.step == s.ID {
			b.edit.shortcut(&fyne.ShortcutSelectAll{})
		}
	}
}

// deleteStep removes a step's column; when cards are in it, it asks first
// (undo brings back both either way).
func (m menus) deleteStep(step string) {
	b := m.b
	bd := b.board()
	if bd == nil || bd.StepIndex(step) < 0 {
		return
	}
	del := func() { b.do(&canvas.RemoveStep{Board: b.boardID, Step: step}) }
	n := len(bd.CardsInStep(step))
	win := b.window()
	if n == 0 || win == nil {
		del()
		return
	}
	name := bd.Steps[bd.StepIndex(step)].Name
	cards := fmt.Sprintf("its %d cards", n)
	if n == 1 {
		cards = "its card"
	}
	d := dialog.NewConfirm("Delete step",
		fmt.Sprintf("Delete step “%s” and %s?\n%s", name, cards, canvas.Plural(n, "Undo brings it back.", "Undo brings them back.")),
		func(yes bool) {
			if yes {
				del()
			}
			b.focus(b)
		}, win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// editStepDescription asks for a step's description, the line under its
// name that says what the step is for.
func (m menus) editStepDescription(step string) {
	b := m.b
	bd := b.board()
	win := b.window()
	if bd == nil || bd.StepIndex(step) < 0 || win == nil {
		return
	}
	s := bd.Steps[bd.StepIndex(step)]
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(4)
	entry.SetText(s.Description)
	entry.SetPlaceHolder("What the person does in this step, in a few words")
	entry.Validator = func(text string) error {
		if n := utf8.RuneCountInString(strings.TrimSpace(text)); n > canvas.MaxStepDescLen {
			return fmt.Errorf("%d characters; at most %d", n, canvas.MaxStepDescLen)
		}
		return nil
	}
	d := dialog.NewForm(fmt.Sprintf("Description of “%s”", s.Name), "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Description", entry),
	}, func(ok bool) {
		defer b.focus(b)
		text := strings.TrimSpace(entry.Text)
		if !ok || text == s.Description {
			return
		}
		cur := b.board()
		if cur == nil || cur.StepIndex(step) < 0 {
			return
		}
		ns := cur.Steps[cur.StepIndex(step)]
		ns.Description = text
		b.do(&canvas.UpdateStep{Board: b.boardID, Step: ns, Label: "Edit step description"})
	}, win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	win.Canvas().Focus(entry)
}

func (m menus) moveStep(step string, to int) {
	b := m.b
	b.do(&canvas.MoveStep{Board: b.boardID, Step: step, To: to})
}
