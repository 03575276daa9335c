package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A click on the menu bar, the toolbar or a tab leaves nothing focused;
// the keys typed then go to the board, which takes the focus.
func TestKeysGoToBoardWhenNothingHasFocus(t *testing.T) {
	w, _ := newTestWindow(t)
	c := w.Window.Canvas()
	b := w.CurrentBoard()
	for _, it := range menuItem(t, w, "View", "Theme").ChildMenu.Items {
		if it.Label == "Light" {
			it.Action()
		}
	}
	c.Unfocus() // what the real driver does on a click on the menu bar
	if c.OnTypedRune() == nil || c.OnTypedKey() == nil {
		t.Fatal("the window drops the keys typed while nothing has the focus")
	}
	test.MoveMouse(c, fyne.NewPos(600, 400))
	n := len(w.doc.Project.Board(b.BoardID()).Cards)
	test.TypeOnCanvas(c, "n")
	if !b.Editing() {
		t.Fatal("N with nothing focused did not start a card")
	}
	e := c.Focused()
	if e == nil || e == fyne.Focusable(b) {
		t.Fatalf("the new card's text does not have the focus: %T does", c.Focused())
	}
	test.Type(e, "After the menu")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(w.doc.Project.Board(b.BoardID()).Cards) != n+1 || w.doc.Project.Board(b.BoardID()).Cards[n].Text != "After the menu" {
		t.Fatalf("no card \"After the menu\" after N, the text and Enter")
	}
	if c.Focused() != b {
		t.Errorf("the board does not have the focus after the edit: %T does", c.Focused())
	}

	// Other keys reach the board too.
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(w.doc.Project.Board(b.BoardID()).Cards) != n {
		t.Error("Delete with nothing focused did not delete the selected card")
	}
	if c.Focused() != b {
		t.Errorf("a key did not give the board the focus: %T has it", c.Focused())
	}

	// While a dialog is open, its keys are not the board's.
	c.Unfocus()
	d := widget.NewModalPopUp(widget.NewLabel("A dialog"), c)
	d.Show()
	test.TypeOnCanvas(c, "n")
	if b.Editing() {
		t.Error("N typed while a dialog was open started a card")
	}
	d.Hide()
}
