package app

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// Document is the open project as the window sees it: the model, its
// undo history and where it lives on disk. Every change goes through Do,
// Undo or Redo, which tell the listeners; widgets read the model and never
// keep their own copy of it.
type Document struct {
	Project *canvas.Project
	History canvas.History
	Path    string // "" until first saved
	// Disk stamps the file as it was last loaded or saved here, to tell
	// whether someone else changed it since (zero until first saved).
	Disk storage.Stamp

	listeners []func(Change)
}

// Change tells listeners what an edit touched, so a board can update only
// what changed. Board is uuid.Nil when the change may touch any board
// (undo, redo, a new project).
type Change struct {
	Edit  canvas.Edit
	Board uuid.UUID
}

// NewDocument wraps a project read from path ("" for a new one).
func NewDocument(p *canvas.Project, path string) *Document {
	return &Document{Project: p, Path: path}
}

// OnChange registers fn to run after every change.
func (d *Document) OnChange(fn func(Change)) { d.listeners = append(d.listeners, fn) }

func (d *Document) notify(c Change) {
	for _, fn := range d.listeners {
		fn(c)
	}
}

// Do applies e and records it for undo.
func (d *Document) Do(e canvas.Edit) error {
	if err := d.History.Do(d.Project, e); err != nil {
		return err
	}
	d.notify(Change{Edit: e, Board: editBoard(e)})
	return nil
}

// Undo takes back the last edit.
func (d *Document) Undo() error {
	ok, err := d.History.Undo(d.Project)
	if ok {
		d.notify(Change{})
	}
	return err
}

// Redo applies the last undone edit again.
func (d *Document) Redo() error {
	ok, err := d.History.Redo(d.Project)
	if ok {
		d.notify(Change{})
	}
	return err
}

// Dirty reports unsaved changes.
func (d *Document) Dirty() bool { return d.History.Dirty() }

// editBoard names the one board an edit touches, or uuid.Nil.
func editBoard(e canvas.Edit) uuid.UUID {
	if be, ok := e.(canvas.BoardEdit); ok {
		return be.BoardID()
	}
	return uuid.Nil
}
