package board

// selectionListeners are the functions told when a board's selection
// changes (the window's inspector follows it). They are kept here, beside
// the widget rather than in it, so that watching the selection adds one
// call to the widget's selection setter and nothing else to the widget.
var selectionListeners = map[*Widget][]*func(){}

// OnSelectionChanged registers fn to run after the selection of the board
// may have changed: a click, Select, Select All, Escape. Cards leaving the
// board with an edit (deleted, undone) leave the selection without it:
// the document's change notification tells of those. cancel stops fn; it
// may be called more than once.
func (b *Widget) OnSelectionChanged(fn func()) (cancel func()) {
	l := &fn
	selectionListeners[b] = append(selectionListeners[b], l)
	return func() {
		ls := selectionListeners[b]
		for i, o := range ls {
			if o == l {
				ls = append(ls[:i:i], ls[i+1:]...)
				break
			}
		}
		if len(ls) == 0 {
			delete(selectionListeners, b)
			return
		}
		selectionListeners[b] = ls
	}
}

// selectionChanged tells the listeners of b's selection.
func (b *Widget) selectionChanged() {
	for _, l := range selectionListeners[b] {
		(*l)()
	}
}
