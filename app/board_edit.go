package app

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// editor is the text being typed in place: a card's text, a new card's
// text or a step's name. A new card joins the board only when its text is
// committed, so cancelling it, or committing it empty, leaves nothing
// behind and nothing to undo.
type editor struct {
	entry   *noteEntry
	overlay fyne.CanvasObject // the entry, dressed as the note it edits
	theme   *noteTheme

	card   uuid.UUID   // the card edited; uuid.Nil for a new card or a step
	isNew  bool        // newCard is not on the board yet
	newCrd canvas.Card // the new card
	step   string      // id of the step renamed
	done   bool
}

// noteEntry is the in-place editor: Enter commits, Shift+Enter starts a
// new line, Escape cancels, and losing the focus commits.
type noteEntry struct {
	widget.Entry
	shift              bool
	onCommit, onCancel func()
}

func newNoteEntry(multiLine bool) *noteEntry {
	e := &noteEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine || !e.shiftHeld() {
			e.onCommit()
			return
		}
	case fyne.KeyEscape:
		e.onCancel()
		return
	}
	e.Entry.TypedKey(k)
}

func (e *noteEntry) shiftHeld() bool {
	if e.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(interface{ CurrentKeyModifiers() fyne.KeyModifier }); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// KeyDown implements desktop.Keyable.
func (e *noteEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == "LeftShift" || k.Name == "RightShift" {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (e *noteEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == "LeftShift" || k.Name == "RightShift" {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// FocusLost implements fyne.Focusable: clicking away commits.
func (e *noteEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
	e.onCommit()
}

// noteTheme dresses the editor as the note it edits, with text at the
// size the note is drawn at.
type noteTheme struct {
	fyne.Theme
	fill     color.Color
	textSize float32
}

// Color implements fyne.Theme.
func (t *noteTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fill != nil {
		switch n {
		case theme.ColorNameInputBackground:
			return t.fill
		case theme.ColorNameForeground:
			return cardTextColor
		case theme.ColorNamePlaceHolder:
			return cardMutedColor
		}
	}
	return t.Theme.Color(n, v)
}

// Size implements fyne.Theme.
func (t *noteTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return t.textSize
	}
	return t.Theme.Size(n)
}

// startNewCard opens the editor for a new card centred on p, of the kind
// its zone expects.
func (b *BoardWidget) startNewCard(p canvas.Point) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := canvas.NewCard(zoneKind(bd, p), p, "")
	b.Select()
	b.openEditor(&editor{isNew: true, newCrd: c}, "", true, c.DisplayColor())
}

// editCard opens the editor on a card's text.
func (b *BoardWidget) editCard(id uuid.UUID) {
	bd := b.board()
	if bd == nil {
		return
	}
	c := bd.Card(id)
	if c == nil {
		return
	}
	b.openEditor(&editor{card: id}, c.Text, true, c.DisplayColor())
}

// renameStep opens the editor on a job map step's name.
func (b *BoardWidget) renameStep(id string) {
	bd := b.board()
	if bd == nil || bd.StepIndex(id) < 0 {
		return
	}
	b.openEditor(&editor{step: id}, bd.Steps[bd.StepIndex(id)].Name, false, "")
}

// Editing reports whether a text is being edited in place.
func (b *BoardWidget) Editing() bool { return b.edit != nil }

func (b *BoardWidget) openEditor(e *editor, text string, multiLine bool, fill string) {
	b.commitEdit()
	e.entry = newNoteEntry(multiLine)
	e.entry.SetText(text)
	lines := strings.Split(text, "\n")
	e.entry.CursorRow = len(lines) - 1
	e.entry.CursorColumn = len([]rune(lines[len(lines)-1]))
	if e.step == "" {
		e.entry.SetPlaceHolder("Type, then Enter")
	}
	e.entry.onCommit = b.commitEdit
	e.entry.onCancel = b.cancelEdit
	e.theme = &noteTheme{Theme: b.Theme()}
	if fill != "" {
		e.theme.fill = parseHex(fill)
	}
	e.overlay = container.NewThemeOverride(e.entry, e.theme)
	b.edit = e
	if b.r != nil {
		b.r.editorChanged()
	}
	b.focus(e.entry)
}

// layout puts the editor over what it edits, at the view's zoom; it is
// never smaller than a usable box when the board is zoomed far out.
func (e *editor) layout(b *BoardWidget) {
	bd := b.board()
	if bd == nil {
		return
	}
	var r canvas.Rect
	minW, minH := float32(200), float32(80)
	size := float32(cardTextSize)
	switch {
	case e.isNew:
		r = e.newCrd.Rect()
	case e.step != "":
		i := bd.StepIndex(e.step)
		if i < 0 {
			return
		}
		h := stepHeaderRect(bd, i)
		r = canvas.Rect{X: h.X + 6, Y: h.Y + 6, W: h.W - 12, H: stepNameSize * 2.2}
		size, minH = stepNameSize, 44
	default:
		c := bd.Card(e.card)
		if c == nil {
			return
		}
		r = c.Rect()
	}
	pos, sz := b.screenRect(r)
	ts := min(max(size*b.zoom, 12), 48)
	if e.theme.textSize != ts {
		e.theme.textSize = ts
		e.overlay.Refresh()
	}
	if sz.Width < minW {
		pos.X -= (minW - sz.Width) / 2
		sz.Width = minW
	}
	if sz.Height < minH {
		pos.Y -= (minH - sz.Height) / 2
		sz.Height = minH
	}
	e.overlay.Move(pos)
	e.overlay.Resize(sz)
}

// commitEdit ends the edit in progress, keeping what was typed.
func (b *BoardWidget) commitEdit() {
	e := b.edit
	if e == nil || e.done {
		return
	}
	e.done = true
	text := strings.TrimSpace(e.entry.Text)
	b.closeEditor(e)
	bd := b.board()
	if bd == nil {
		return
	}
	switch {
	case e.step != "":
		i := bd.StepIndex(e.step)
		if i < 0 || text == "" || text == bd.Steps[i].Name {
			return
		}
		s := bd.Steps[i]
		s.Name = text
		b.do(&canvas.UpdateStep{Board: b.boardID, Step: s})
	case e.isNew:
		if text == "" {
			return
		}
		c := e.newCrd
		c.Text = text
		if b.do(&canvas.AddCards{Board: b.boardID, Cards: []canvas.Card{c}, Label: "Add card"}) {
			b.Select(c.ID)
		}
	default:
		c := bd.Card(e.card)
		if c == nil || c.Text == text {
			return
		}
		ed, err := canvas.ChangeCard(b.doc.Project, b.boardID, e.card, "Edit text", func(c *canvas.Card) { c.Text = text })
		if err != nil {
			b.report(err)
			return
		}
		b.do(ed)
	}
}

// cancelEdit ends the edit in progress, dropping what was typed.
func (b *BoardWidget) cancelEdit() {
	e := b.edit
	if e == nil || e.done {
		return
	}
	e.done = true
	b.closeEditor(e)
}

// closeEditor removes the editor. The board takes the focus back only if
// the editor had it: when another widget took it, that one keeps it.
func (b *BoardWidget) closeEditor(e *editor) {
	b.edit = nil
	if c := b.canvasOf(); c != nil && c.Focused() == fyne.Focusable(e.entry) {
		c.Focus(b)
	}
	if b.r != nil {
		b.r.editorChanged()
	}
}
