package board

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The board handles its events itself and finds what is under the pointer
// in the model; cards are drawn, not hit. A press selects at once (the tap
// of a double-tappable object only comes after the double-click delay), a
// drag then moves the selection, draws a rubber band or pans.

var (
	_ fyne.Focusable         = (*Widget)(nil)
	_ fyne.Draggable         = (*Widget)(nil)
	_ fyne.Scrollable        = (*Widget)(nil)
	_ fyne.Tappable          = (*Widget)(nil)
	_ fyne.DoubleTappable    = (*Widget)(nil)
	_ fyne.SecondaryTappable = (*Widget)(nil)
	_ fyne.Shortcutable      = (*Widget)(nil)
	_ desktop.Mouseable      = (*Widget)(nil)
	_ desktop.Hoverable      = (*Widget)(nil)
	_ desktop.Keyable        = (*Widget)(nil)
)
