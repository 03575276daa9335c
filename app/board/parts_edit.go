package board

import (
	"fmt"
	"image/color"
	"maps"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// A card written part by part (canvas.Kind.Parts: a job story's
// situation, motivation and outcome) is edited one part at a time in the
// board's in-place editor: Tab moves to the next part, Shift+Tab back,
// Enter commits every part typed as one undo step, Escape drops them all.
// Its text, the sentence the parts compose, is not edited directly.

// partsEdit is what has been typed in each part so far, and the part in
// the editor now.
type partsEdit struct {
	kind   canvas.Kind
	parts  []canvas.Part
	values map[string]string
	at     int
}

func (pe *partsEdit) current() canvas.Part { return pe.parts[pe.at] }

// editParts opens the editor on part key of the card (its first part when
// key is not one of them).
func (b *Widget) editParts(c *canvas.Card, key string) {
	pe := &partsEdit{kind: c.Kind, parts: c.Kind.Parts(), values: c.EditableParts()}
	for i, p := range pe.parts {
		if p.Key == key {
			pe.at = i
		}
	}
	b.edit.onTab = b.tabPart
	b.openEditor(editTarget{card: c.ID, parts: pe}, pe.values[pe.current().Key], true, c.DisplayColor())
	b.edit.entry.SetPlaceHolder(placeholder(pe.kind, pe.current()))
}

// newPartsCard opens the editor on the first part of c, a new card that
// joins the board when something typed in its parts is committed.
func (b *Widget) newPartsCard(c canvas.Card) {
	pe := &partsEdit{kind: c.Kind, parts: c.Kind.Parts(), values: map[string]string{}}
	b.edit.onTab = b.tabPart
	b.openEditor(editTarget{isNew: true, newCrd: c, parts: pe}, "", true, c.DisplayColor())
	b.edit.entry.SetPlaceHolder(placeholder(pe.kind, pe.current()))
}

// editCardAt opens the editor on the card, on the part drawn at p for a
// card written part by part.
func (b *Widget) editCardAt(id uuid.UUID, p canvas.Point) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := bd.Card(id)
	if c == nil {
		return
	}
	if c.Kind.Parts() != nil {
		b.editParts(c, render.PartAt(c, p))
		return
	}
	b.editCard(id)
}

// tabPart keeps what was typed in the part being edited and moves to the
// next part (back: the one before), round to the first after the last.
func (b *Widget) tabPart(back bool) bool {
	t, ok := b.edit.current()
	if !ok || t.parts == nil {
		return false
	}
	pe := t.parts
	pe.values[pe.current().Key] = b.edit.entry.Text
	n := len(pe.parts)
	if back {
		pe.at = (pe.at + n - 1) % n
	} else {
		pe.at = (pe.at + 1) % n
	}
	b.edit.switchPart(pe)
	b.layoutEditor()
	return true
}

// EditingPart is the key of the part being typed, "" when none is.
func (b *Widget) EditingPart() string {
	if t, ok := b.edit.current(); ok && t.parts != nil {
		return t.parts.current().Key
	}
	return ""
}

// commitParts changes the card's parts to those typed, as one undo step.
func (b *Widget) commitParts(id uuid.UUID, pe *partsEdit, text string) {
	pe.values[pe.current().Key] = text
	bd := b.board()
	if bd == nil {
		return
	}
	c := bd.Card(id)
	if c == nil {
		return
	}
	next := *c
	next.SetParts(pe.values)
	if maps.Equal(next.Parts, c.Parts) {
		return
	}
	ed, err := canvas.ChangeCard(b.doc.Project, b.boardID, id, "Edit "+strings.ToLower(c.Kind.Label()), func(c *canvas.Card) {
		c.SetParts(pe.values)
	})
	if err != nil {
		b.report(err)
		return
	}
	b.do(ed)
}

// switchPart shows part pe.at in the entry, with its label.
func (e *editor) switchPart(pe *partsEdit) {
	t := e.target
	e.target = nil // the text put in is not a change to lay out
	e.entry.reset(pe.values[pe.current().Key], true)
	e.target, e.caretPlaced = t, false
	e.label.show(pe, e.theme.fill)
	e.entry.SetPlaceHolder(placeholder(pe.kind, pe.current()))
}

// placeholder is what an empty part's field shows: a job story's part by
// its lead ("I want to …"), another by its label ("Switched from").
func placeholder(k canvas.Kind, p canvas.Part) string {
	if k == canvas.KindJobStory {
		return p.Lead + " …"
	}
	return p.Label
}

// partLabel names the part being typed, above the editor ("When … · 1 of
// 3"), and that Tab moves on.
type partLabel struct {
	widget.BaseWidget
	bg   *fcanvas.Rectangle
	text *fcanvas.Text
	obj  fyne.CanvasObject
}

func newPartLabel() *partLabel {
	l := &partLabel{bg: fcanvas.NewRectangle(color.Transparent), text: fcanvas.NewText("", cardTextColor)}
	l.text.TextStyle = fyne.TextStyle{Bold: true}
	l.text.TextSize = 12
	l.obj = container.NewStack(l.bg, container.New(layout.NewCustomPaddedLayout(4, 4, 8, 8), l.text))
	l.Hidden = true
	l.ExtendBaseWidget(l)
	return l
}

// partLabelText is what the label says of pe's current part: a job
// story's part by its lead, the words the card shows before it ("I want
// to …"), other parts by their label ("Switched from").
func partLabelText(pe *partsEdit) string {
	p := pe.current()
	return fmt.Sprintf("%s · %d of %d · Tab: next", placeholder(pe.kind, p), pe.at+1, len(pe.parts))
}

// show names pe's current part on the note's colour fill, or hides the
// label when pe is nil.
func (l *partLabel) show(pe *partsEdit, fill color.Color) {
	if pe == nil {
		if !l.Hidden {
			l.Hide()
		}
		return
	}
	l.text.Text = partLabelText(pe)
	if fill == nil {
		fill = color.White
	}
	l.bg.FillColor = fill // a tab of the note, above it
	l.Show()
	l.bg.Refresh()
	l.text.Refresh()
	l.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (l *partLabel) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.obj) }

// MakeJobCard makes a customer-job card from the job story's motivation,
// beside it and linked from it, selected: one undo step
// (canvas.MakeJobCard).
func (b *Widget) MakeJobCard(storyID uuid.UUID) {
	b.CommitEdit()
	e, id, err := canvas.MakeJobCard(b.doc.Project, b.boardID, storyID)
	if err != nil {
		b.report(err)
		return
	}
	if b.do(e) {
		b.Select(id)
	}
}

// bdCard is the card id of bd, nil when there is no board or no such card.
func bdCard(bd *canvas.Board, id uuid.UUID) *canvas.Card {
	if bd == nil {
		return nil
	}
	return bd.Card(id)
}
