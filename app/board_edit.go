package app

import (
	"image/color"
	"math"
	"strings"
	"unicode/utf8"

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

	caretPlaced bool // the caret was put at the end of the text
}

// noteEntry is the in-place editor: Enter commits, Shift+Enter starts a
// new line, Escape cancels, and losing the focus commits.
type noteEntry struct {
	widget.Entry
	shift              bool
	onCommit, onCancel func()
	stranded           strandedCaret
}

// strandedCaret is a caret the entry could not put where it belongs.
// Fyne's word wrap leaves the space at a wrap out of both rows, so the
// place just after a space that ends the text, where the wrap falls, has
// no row and column: the entry puts the caret before that space, and the
// next letter typed went in before it ("way homein the rain"). The
// entry's row and column are its only caret, so the place is kept here
// until the next keystroke, which types the space again with itself.
type strandedCaret struct {
	at       int    // where the caret belongs, in runes; 0: nowhere stranded
	text     string // the text when it was stranded
	row, col int    // where the entry put the caret instead
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
		e.insert("\n", func() { e.Entry.TypedKey(k) })
		return
	case fyne.KeyEscape:
		e.onCancel()
		return
	case fyne.KeyBackspace:
		if tail := e.strandedTail(); tail != "" {
			// The last thing typed is the space after the shown caret.
			e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
			e.stranded = strandedCaret{}
			return
		}
	}
	e.Entry.TypedKey(k)
}

// TypedRune implements fyne.Focusable.
func (e *noteEntry) TypedRune(r rune) {
	e.insert(string(r), func() { e.Entry.TypedRune(r) })
}

// TypedShortcut implements fyne.Shortcutable: a paste goes where the caret
// belongs, like typing.
func (e *noteEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		e.insert(p.Clipboard.Content(), func() { e.Entry.TypedShortcut(s) })
		return
	}
	e.Entry.TypedShortcut(s)
}

// insert types s with typeIt at the caret, or where the caret belongs when
// it was stranded, and notes when the caret is stranded after it.
func (e *noteEntry) insert(s string, typeIt func()) {
	if tail := e.strandedTail(); tail != "" {
		// Take the stranded whitespace back and type it again with s, as
		// one paste: the caret after the two is a place the entry can show.
		for range []rune(tail) {
			e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		}
		s = tail + s
		clip := textClip(s)
		typeIt = func() { e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &clip}) }
	}
	e.stranded = strandedCaret{}
	replacing := e.SelectedText() != ""
	want := e.CursorTextOffset() + utf8.RuneCountInString(s)
	typeIt()
	if !replacing && s != "" && e.CursorTextOffset() != want {
		e.stranded = strandedCaret{at: want, text: e.Text, row: e.CursorRow, col: e.CursorColumn}
	}
}

// strandedTail is the whitespace between the caret the entry shows and the
// place it belongs, when nothing moved it since it was stranded.
func (e *noteEntry) strandedTail() string {
	st := e.stranded
	if st.at == 0 || st.text != e.Text || st.row != e.CursorRow || st.col != e.CursorColumn {
		return ""
	}
	text := []rune(e.Text)
	shown := e.CursorTextOffset()
	if shown < 0 || shown >= st.at || st.at > len(text) {
		return ""
	}
	tail := string(text[shown:st.at])
	if strings.TrimSpace(tail) != "" {
		return "" // only a wrap's whitespace strands the caret
	}
	return tail
}

// textClip is a clipboard of its own holding one text: the entry's paste
// inserts a whole string as one undo step.
type textClip string

func (t *textClip) Content() string     { return string(*t) }
func (t *textClip) SetContent(s string) { *t = textClip(s) }

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
// size the note is drawn at and, for a note, its margin and line height.
type noteTheme struct {
	fyne.Theme
	fill     color.Color
	textSize float32
	pad      float32 // the text's margin; 0: the theme's
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
	switch {
	case n == theme.SizeNameText:
		return t.textSize
	case n == theme.SizeNameInnerPadding && t.pad > 0:
		return t.pad
	case n == theme.SizeNameLineSpacing && t.pad > 0:
		return 0 // a note's lines are as tall as its text, no more
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
	if e.step == "" {
		e.entry.SetPlaceHolder("Type, then Enter")
		// The text's size follows its length, as on the note.
		e.entry.OnChanged = func(string) {
			if b.edit == e {
				e.layout(b)
			}
		}
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
// never smaller than a usable box when the board is zoomed far out. A
// note's text is drawn at the size the note will draw it, so the whole
// text shows as it will be.
func (e *editor) layout(b *BoardWidget) {
	bd := b.board()
	if bd == nil {
		return
	}
	var r canvas.Rect
	minW, minH := float32(200), float32(80)
	size := float32(0) // a note's text is fitted
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
	if sz.Width < minW {
		pos.X -= (minW - sz.Width) / 2
		sz.Width = minW
	}
	if sz.Height < minH {
		pos.Y -= (minH - sz.Height) / 2
		sz.Height = minH
	}
	ts, pad := min(max(size*b.zoom, 12), 48), float32(0)
	if size == 0 {
		ts, pad, sz.Height = fitNoteEditor(e.entry.Text, b.zoom, sz, e.theme.Theme.Size(theme.SizeNameInputBorder))
	}
	if e.theme.textSize != ts || e.theme.pad != pad {
		e.theme.textSize, e.theme.pad = ts, pad
		e.overlay.Refresh()
	}
	e.overlay.Move(pos)
	e.overlay.Resize(sz)
	if !e.caretPlaced {
		// At the end of the text: only now, wrapped to its width, does the
		// entry know the row and column of the end. (Row and column of the
		// text's last line put the caret at the end of the first row of a
		// long line, and typing went into the middle of the text.)
		e.caretPlaced = true
		e.entry.CursorRow, e.entry.CursorColumn = math.MaxInt32, math.MaxInt32
		e.entry.Refresh()
	}
}

// fitNoteEditor sizes a note's text in an editor box of size box at zoom
// z, the way the note fits its text (in board units, from cardTextSize
// down to cardMinTextSize), but never under 12 px nor over 48 px on
// screen. It returns the text size and margin in pixels, and the box's
// height: taller than box when the text does not fit even at the
// smallest size, which the note cuts short with "…" but the editor shows
// whole.
func fitNoteEditor(text string, z float32, box fyne.Size, border float32) (size, pad, height float32) {
	pad = max(cardPad*z, 2)
	w := (box.Width - 2*pad) / z
	h := (box.Height - 2*pad - 2*border) / z
	lo := max(cardMinTextSize, 12/z)
	hi := min(max(cardTextSize, lo), max(48/z, lo))
	block := fitText(text, w, h, hi, lo, fyne.TextStyle{})
	height = box.Height
	if block.Overflow {
		all := fitText(text, w, math.MaxFloat32, lo, lo, fyne.TextStyle{})
		height = float32(len(all.Lines))*all.LineH*z + 2*pad + 2*border
	}
	return block.Size * z, pad, height
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
