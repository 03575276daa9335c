package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func toolButtons(w *Window) []*toolButton {
	var out []*toolButton
	for _, o := range test.LaidOutObjects(w.Window.Canvas().Content()) {
		if b, ok := o.(*toolButton); ok {
			out = append(out, b)
		}
	}
	return out
}

// TestToolbarTooltips: resting the pointer on a toolbar button names its
// action under it, inside the window; leaving or pressing hides it; the
// board keeps the keyboard.
func TestToolbarTooltips(t *testing.T) {
	defer func(d time.Duration) { tooltipDelay = d }(tooltipDelay)
	tooltipDelay = 0
	w, _ := newTestWindow(t)
	w.Window.Resize(fyne.NewSize(1000, 700))
	buttons := toolButtons(w)
	if len(buttons) != 10 {
		t.Fatalf("%d toolbar buttons with tooltips, want 10", len(buttons))
	}
	d := fyne.CurrentApp().Driver()
	c := w.Window.Canvas()
	focused := c.Focused()
	for _, b := range buttons {
		if b.tip == "" {
			t.Errorf("a toolbar button without a tooltip")
		}
		at := d.AbsolutePositionForObject(b)
		test.MoveMouse(c, at.Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2)))
		if got := w.tips.Shown(); got != b.tip {
			t.Errorf("hovering %q shows %q", b.tip, got)
		}
		tip := d.AbsolutePositionForObject(w.tips.tip)
		if tip.Y < at.Y+b.Size().Height || tip.X < 0 || tip.X+w.tips.tip.Size().Width > c.Size().Width {
			t.Errorf("tooltip %q at %v (size %v), button at %v: not under the button inside the window", b.tip, tip, w.tips.tip.Size(), at)
		}
	}
	if c.Focused() != focused {
		t.Error("a tooltip took the keyboard focus")
	}
	test.MoveMouse(c, fyne.NewPos(500, 500))
	if got := w.tips.Shown(); got != "" {
		t.Errorf("tooltip %q stays after the pointer left", got)
	}
	if buttons[0].tip != "New project… (Ctrl+N)" || buttons[0].Icon != newProjectIcon {
		t.Errorf("the first button is %q", buttons[0].tip)
	}
}
