package render

import "fyne.io/fyne/v2"

// widgetObjects are the objects a widget draws, as Fyne's painters find
// them through its renderer, and whether it clips them at its bounds.
//
// Fyne keeps renderers in an internal cache; the views of this package
// hold theirs, so a scene reads them there. A note the board placed has
// its renderer already (Resize made it); one never drawn gets it now,
// laid out at its size, as the cache would make it.
func widgetObjects(w fyne.Widget) ([]fyne.CanvasObject, bool) {
	switch o := w.(type) {
	case *clip:
		return o.objects, true
	case *CardView:
		if o.r == nil {
			o.CreateRenderer().Layout(o.Size())
		}
		return o.r.Objects(), false
	}
	// Not a widget of the board's: a renderer of its own, used once.
	r := w.CreateRenderer()
	r.Layout(w.Size())
	_, isClip := r.(interface{ IsClip() })
	return r.Objects(), isClip
}
