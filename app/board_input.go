package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The board handles its events itself and finds what is under the pointer
// in the model; cards are drawn, not hit. A press selects at once (the tap
// of a double-tappable object only comes after the double-click delay), a
// drag then moves the selection, draws a rubber band or pans.

var (
	_ fyne.Focusable         = (*BoardWidget)(nil)
	_ fyne.Draggable         = (*BoardWidget)(nil)
	_ fyne.Scrollable        = (*BoardWidget)(nil)
	_ fyne.Tappable          = (*BoardWidget)(nil)
	_ fyne.DoubleTappable    = (*BoardWidget)(nil)
	_ fyne.SecondaryTappable = (*BoardWidget)(nil)
	_ fyne.Shortcutable      = (*BoardWidget)(nil)
	_ desktop.Mouseable      = (*BoardWidget)(nil)
	_ desktop.Hoverable      = (*BoardWidget)(nil)
	_ desktop.Keyable        = (*BoardWidget)(nil)
)
