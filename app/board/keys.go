package board

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// keyState is what the board saw of the modifier keys and Space.
type keyState struct {
	shift, ctrl, space bool
}

// set notes that key k went down or up.
func (k *keyState) set(name fyne.KeyName, down bool) {
	switch name {
	case fyne.KeySpace:
		k.space = down
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		k.shift = down
	case desktop.KeyControlLeft, desktop.KeyControlRight, desktop.KeySuperLeft, desktop.KeySuperRight:
		k.ctrl = down
	}
}

// mods are the modifiers held, as far as the keys seen tell.
func (k keyState) mods() fyne.KeyModifier {
	var m fyne.KeyModifier
	if k.shift {
		m |= fyne.KeyModifierShift
	}
	if k.ctrl {
		m |= fyne.KeyModifierShortcutDefault
	}
	return m
}

// FocusGained implements fyne.Focusable.
func (b *Widget) FocusGained() {}

// FocusLost implements fyne.Focusable: modifier keys released elsewhere
// are not seen, so forget them.
func (b *Widget) FocusLost() { b.keys = keyState{} }

// TypedRune implements fyne.Focusable: N starts a new card, L links the
// two cards selected, 1–5 rank the selected pains and gains and 0 clears
// their rank. (Runes, not keys: the key event comes first, so handling N
// there would type the "n" into the new card's editor; and a digit is a
// digit on any keyboard layout, with or without the number pad.)
func (b *Widget) TypedRune(r rune) {
	if b.hookRune(r) {
		return
	}
	b.hideNotice()
	switch {
	case r == 'n' || r == 'N':
		b.NewCard()
	case r == 'l' || r == 'L':
		b.LinkSelection()
	case r >= '0' && r <= '5':
		b.RankSelection(int(r - '0'))
	}
}

// TypedKey implements fyne.Focusable.
func (b *Widget) TypedKey(e *fyne.KeyEvent) {
	if b.hookKey(e) {
		return
	}
	b.hideNotice()
	step := float64(gridStep)
	if b.keys.shift || b.modifiers()&fyne.KeyModifierShift != 0 {
		step = 5 * gridStep
	}
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		b.EditSelection()
	case fyne.KeyDelete, fyne.KeyBackspace:
		b.DeleteSelection()
	case fyne.KeyLeft:
		b.nudge(-step, 0)
	case fyne.KeyRight:
		b.nudge(step, 0)
	case fyne.KeyUp:
		b.nudge(0, -step)
	case fyne.KeyDown:
		b.nudge(0, step)
	case fyne.KeyEscape:
		b.Select()
	}
}

// KeyDown implements desktop.Keyable: it tracks Space (held to pan) and
// the modifiers.
func (b *Widget) KeyDown(e *fyne.KeyEvent) { b.keys.set(e.Name, true) }

// KeyUp implements desktop.Keyable.
func (b *Widget) KeyUp(e *fyne.KeyEvent) { b.keys.set(e.Name, false) }

// TypedShortcut implements fyne.Shortcutable. While the board has the
// focus the driver gives it the shortcuts instead of the window's canvas,
// so each one runs exactly once, here; the ones the board does not know go
// on to the canvas.
func (b *Widget) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		b.Copy()
	case *fyne.ShortcutCut:
		b.Cut()
	case *fyne.ShortcutPaste:
		b.Paste()
	case *fyne.ShortcutSelectAll:
		b.SelectAll()
	case *fyne.ShortcutUndo:
		b.Undo()
	case *fyne.ShortcutRedo:
		b.Redo()
	case *desktop.CustomShortcut:
		if !b.customShortcut(s) {
			b.forwardShortcut(s)
		}
	default:
		b.forwardShortcut(s)
	}
}

func (b *Widget) customShortcut(s *desktop.CustomShortcut) bool {
	ctrl := s.Modifier == fyne.KeyModifierControl || s.Modifier == fyne.KeyModifierSuper
	ctrlShift := s.Modifier == fyne.KeyModifierControl|fyne.KeyModifierShift ||
		s.Modifier == fyne.KeyModifierSuper|fyne.KeyModifierShift
	switch {
	case ctrl && s.KeyName == fyne.KeyD:
		b.Duplicate()
	case ctrlShift && s.KeyName == fyne.KeyZ:
		b.Redo()
	case (ctrl || ctrlShift) && (s.KeyName == fyne.KeyEqual || s.KeyName == fyne.KeyPlus):
		b.ZoomIn()
	case ctrl && s.KeyName == fyne.KeyMinus:
		b.ZoomOut()
	case ctrl && s.KeyName == fyne.Key0:
		b.ZoomFit()
	case ctrl && s.KeyName == fyne.Key1:
		b.Zoom100()
	default:
		return false
	}
	return true
}

// forwardShortcut hands a shortcut the board does not handle to the
// canvas, where the window registered it.
func (b *Widget) forwardShortcut(s fyne.Shortcut) {
	if c, ok := b.canvasOf().(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// modifiers are the keyboard modifiers held now, from the driver when it
// knows them, else from the key events the board has seen.
func (b *Widget) modifiers() fyne.KeyModifier {
	if a := fyne.CurrentApp(); a != nil {
		if d, ok := a.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()
		}
	}
	return b.keys.mods()
}
