package board

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteEntry is the in-place editor: Enter commits, Shift+Enter starts a
// new line, Escape cancels, and losing the focus commits.
type noteEntry struct {
	widget.Entry
	shift              bool
	onCommit, onCancel func()
	onTab              func(back bool) bool // true: Tab was taken
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
	e.setMultiLine(multiLine)
	e.ExtendBaseWidget(e)
	return e
}

// setMultiLine makes the entry take one line (a step's name) or several,
// wrapped at words (a note's text).
func (e *noteEntry) setMultiLine(multiLine bool) {
	e.MultiLine = multiLine
	e.Wrapping = fyne.TextWrapOff
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
}

// reset readies the entry for another text: nothing of the last one
// (held Shift, a stranded caret, its undo steps) carries over.
func (e *noteEntry) reset(text string, multiLine bool) {
	e.shift = false
	e.stranded = strandedCaret{}
	e.setMultiLine(multiLine)
	e.SetText(text) // also forgets the entry's undo steps
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
	case fyne.KeyTab:
		if e.onTab != nil && e.onTab(e.shiftHeld()) {
			return
		}
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

// caretTo puts the caret at offset off of the text (in runes), found in the
// rows as the entry wraps them now: the entry only knows rows and columns.
func (e *noteEntry) caretTo(off int) {
	row := 0
	for r := 1; r <= len(e.Text); r++ {
		e.CursorRow, e.CursorColumn = r, 0
		// Past the last row the entry gives offset 0.
		if begin := e.CursorTextOffset(); begin == 0 || begin > off {
			break
		}
		row = r
	}
	e.CursorRow, e.CursorColumn = row, 0
	e.CursorColumn = off - e.CursorTextOffset()
	e.Refresh()
}
