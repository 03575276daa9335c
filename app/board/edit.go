package board

import (
	"strings"

	"fyne.io/fyne/v2"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// startNewCard opens the editor for a new card centred on p, of the kind
// its zone expects.
func (b *Widget) startNewCard(p canvas.Point) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := canvas.NewCard(bd.KindAt(p), p, "")
	b.Select()
	b.openEditor(editTarget{isNew: true, newCrd: c}, "", true, c.DisplayColor())
}

// editCard opens the editor on a card's text.
func (b *Widget) editCard(id uuid.UUID) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := bd.Card(id)
	if c == nil {
		return
	}
	b.openEditor(editTarget{card: id}, c.Text, true, c.DisplayColor())
}

// renameStep opens the editor on a job map step's name.
func (b *Widget) renameStep(id string) {
	bd := b.board()
	if bd == nil || bd.StepIndex(id) < 0 {
		return
	}
	b.openEditor(editTarget{step: id}, bd.Steps[bd.StepIndex(id)].Name, false, "")
}

// Editing reports whether a text is being edited in place.
func (b *Widget) Editing() bool { return b.edit.editing() }

func (b *Widget) openEditor(t editTarget, text string, multiLine bool, fill string) {
	b.CommitEdit()
	th := b.Theme()
	if fill == "" {
		b.edit.open(t, text, multiLine, th, nil)
	} else {
		b.edit.open(t, text, multiLine, th, parseHex(fill))
	}
	b.editorChanged()
	b.focus(b.edit.entry)
}

// layoutEditor puts the editor over what it edits, at the view's zoom.
func (b *Widget) layoutEditor() {
	t, ok := b.edit.current()
	bd := b.board()
	if !ok || bd == nil {
		return
	}
	var r canvas.Rect
	minH, size := float32(80), float32(0) // a note's text is fitted
	switch {
	case t.isNew:
		r = t.newCrd.Rect()
	case t.cluster != uuid.Nil:
		var ok bool
		if r, ok = clusterEditorRect(bd, t.cluster); !ok {
			return
		}
		size, minH = render.ClusterNameSize, 44
	case t.step != "":
		i := bd.StepIndex(t.step)
		if i < 0 {
			return
		}
		h := stepHeaderRect(bd, i)
		r = canvas.Rect{X: h.X + 6, Y: h.Y + 6, W: h.W - 12, H: stepNameSize * 2.2}
		size, minH = stepNameSize, 44
	default:
		c := bd.Card(t.card)
		if c == nil {
			return
		}
		r = c.Rect()
	}
	pos, sz := b.view.ScreenRect(r)
	b.edit.place(pos, sz, minH, size, b.Zoom())
}

// CommitEdit ends the edit in progress, keeping what was typed.
func (b *Widget) CommitEdit() {
	t, text, ok := b.closeEditor()
	if !ok {
		return
	}
	text = strings.TrimSpace(text)
	bd := b.board()
	if bd == nil {
		return
	}
	switch {
	case t.cluster != uuid.Nil:
		b.commitClusterName(t.cluster, text)
	case t.step != "":
		i := bd.StepIndex(t.step)
		if i < 0 || text == "" || text == bd.Steps[i].Name {
			return
		}
		s := bd.Steps[i]
		s.Name = text
		b.do(&canvas.UpdateStep{Board: b.boardID, Step: s})
	case t.isNew:
		if text == "" {
			return
		}
		c := t.newCrd
		c.Text = text
		if b.do(&canvas.AddCards{Board: b.boardID, Cards: []canvas.Card{c}, Label: "Add card"}) {
			b.Select(c.ID)
		}
	default:
		c := bd.Card(t.card)
		if c == nil || c.Text == text {
			return
		}
		ed, err := canvas.ChangeCard(b.doc.Project, b.boardID, t.card, "Edit text", func(c *canvas.Card) { c.Text = text })
		if err != nil {
			b.report(err)
			return
		}
		b.do(ed)
	}
}

// cancelEdit ends the edit in progress, dropping what was typed.
func (b *Widget) cancelEdit() { b.closeEditor() }

// closeEditor ends the edit, returning what was edited and the text typed.
// The board takes the focus back only if the editor had it: when another
// widget took it, that one keeps it.
func (b *Widget) closeEditor() (editTarget, string, bool) {
	t, text, ok := b.edit.close()
	if !ok {
		return t, text, false
	}
	if c := b.canvasOf(); b.edit.hasFocus(c) {
		c.Focus(b)
	}
	b.edit.idle()
	b.editorChanged()
	return t, text, true
}

func (b *Widget) editorChanged() {
	if b.r != nil {
		b.r.editorChanged()
	}
}

// toEditor gives an editing shortcut to the text being typed, if any, and
// reports whether it did.
func (b *Widget) toEditor(s fyne.Shortcut) bool { return b.edit.shortcut(s) }
