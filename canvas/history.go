package canvas

// MaxUndo is how many steps History keeps; older ones are dropped.
const MaxUndo = 1000

// History applies edits to a project and keeps them for undo and redo. It
// also knows whether the project changed since it was last saved.
type History struct {
	done, undone []step
	seq          uint64 // numbers steps, so a coalesced step counts as new
	saved        uint64 // seq of the top step when last saved (0: empty)
	dropped      uint64 // seq of the newest step dropped by MaxUndo (0: none)
}

type step struct {
	edit Edit
	seq  uint64
}

// Do applies e to p and records it. Consecutive moves of one drag gesture
// merge into one step.
func (h *History) Do(p *Project, e Edit) error {
	if c, ok := e.(continuer); ok && len(h.done) > 0 {
		c.continues(h.done[len(h.done)-1].edit)
	}
	if err := e.Apply(p); err != nil {
		return err
	}
	h.seq++
	h.undone = nil
	if n := len(h.done); n > 0 {
		if c, ok := h.done[n-1].edit.(coalescer); ok && c.coalesce(e) {
			h.done[n-1].seq = h.seq
			return nil
		}
	}
	h.done = append(h.done, step{e, h.seq})
	if len(h.done) > MaxUndo {
		cut := len(h.done) - MaxUndo
		h.dropped = h.done[cut-1].seq
		h.done = h.done[cut:]
	}
	return nil
}

// Undo takes back the last edit; ok is false when there is none.
func (h *History) Undo(p *Project) (ok bool, err error) {
	n := len(h.done)
	if n == 0 {
		return false, nil
	}
	s := h.done[n-1]
	if err := s.edit.Undo(p); err != nil {
		return false, err
	}
	h.done = h.done[:n-1]
	h.undone = append(h.undone, s)
	return true, nil
}

// Redo applies the last undone edit again; ok is false when there is none.
func (h *History) Redo(p *Project) (ok bool, err error) {
	n := len(h.undone)
	if n == 0 {
		return false, nil
	}
	s := h.undone[n-1]
	if err := s.edit.Apply(p); err != nil {
		return false, err
	}
	h.undone = h.undone[:n-1]
	h.done = append(h.done, s)
	return true, nil
}

// UndoName names the edit Undo would take back ("" when none).
func (h *History) UndoName() string {
	if n := len(h.done); n > 0 {
		return h.done[n-1].edit.Name()
	}
	return ""
}

// RedoName names the edit Redo would apply ("" when none).
func (h *History) RedoName() string {
	if n := len(h.undone); n > 0 {
		return h.undone[n-1].edit.Name()
	}
	return ""
}

// top names the state the project is in: the seq of the last step done, or
// of the last step dropped when every step left was undone.
func (h *History) top() uint64 {
	if n := len(h.done); n > 0 {
		return h.done[n-1].seq
	}
	return h.dropped
}

// MarkSaved records that the project as it is now is saved.
func (h *History) MarkSaved() { h.saved = h.top() }

// MarkUnsaved records that no state the history can reach is saved: the
// project came from somewhere other than its file (a recovery file), so it
// stays dirty, undo included, until the next MarkSaved.
func (h *History) MarkUnsaved() { h.saved = unsaved }

// unsaved is a seq no step ever gets.
const unsaved = ^uint64(0)

// Dirty reports whether the project differs from its last saved state.
func (h *History) Dirty() bool { return h.top() != h.saved }

// Seal ends the current gesture: the next edit starts a new undo step even
// if it would otherwise merge.
func (h *History) Seal() {
	if n := len(h.done); n > 0 {
		h.done[n-1].edit = sealed{h.done[n-1].edit}
	}
}

// sealed hides an edit's coalescer.
type sealed struct{ Edit }
