package board

// OnSelectionChanged registers fn to run after the selection of the board
// may have changed: a click, Select, Select All, Escape. Cards leaving the
// board with an edit (deleted, undone) leave the selection without it:
// the document's change notification tells of those. cancel stops fn; it
// may be called more than once.
func (b *Widget) OnSelectionChanged(fn func()) (cancel func()) {
	l := &fn
	b.selListeners = append(b.selListeners, l)
	return func() {
		for i, o := range b.selListeners {
			if o == l {
				b.selListeners = append(b.selListeners[:i:i], b.selListeners[i+1:]...)
				return
			}
		}
	}
}

// selectionChanged tells the listeners of b's selection.
func (b *Widget) selectionChanged() {
	for _, l := range b.selListeners {
		(*l)()
	}
}
