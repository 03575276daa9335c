// Package document is the open project outside the user interface: the
// model, its undo history, where it lives on disk, and the notifications
// that tell the views what changed. It knows nothing of windows (a test
// checks that it imports no Fyne), so that code other than the app's
// windows — a network server adding cards, a command — can hand a
// document changes without the UI package.
//
// # Which goroutine
//
// A Document is not safe for concurrent use, and makes no attempt to be:
// the model is read on every frame, and a lock around it would have to be
// held by every view for every read. Instead each document has one owner
// goroutine that alone reads and changes it, and listeners run on it. In
// the app the owner is the UI goroutine, and New is given fyne.Do.
//
// Any other goroutine hands the owner work with Run:
//
//	doc.Run(func() { err := doc.Do(edit); ... })
//
// Run returns at once; fn runs later on the owner goroutine, so the work
// sees and changes the document between two of the owner's own steps, never
// in the middle of one. Results go back the same way the caller chooses (a
// channel, a callback). A document made without a runner (tests, the
// command line, anything that never shares it) runs fn in place, so it must
// then stay on one goroutine.
package document

import (
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// Document is the open project: the model, its undo history and where it
// lives on disk. Every change goes through Do, Undo or Redo, which tell the
// listeners; views read the model and never keep their own copy of it.
// Owner goroutine only, except Run (see the package comment).
type Document struct {
	Project *canvas.Project
	History canvas.History
	Path    string // "" until first saved
	// Disk stamps the file as it was last loaded or saved here, to tell
	// whether someone else changed it since (zero until first saved).
	Disk storage.Stamp

	run func(func())
	// listeners is replaced, never changed in place, when one is
	// cancelled, so that a listener may cancel itself or another while
	// notify walks the old slice (which skips it: fn is nil).
	listeners []*listener
}

type listener struct{ fn func(Change) }

// Change tells listeners what an edit touched, so a board can update only
// what changed. Board is uuid.Nil when the change may touch any board
// (undo, redo, a new project).
type Change struct {
	Edit  canvas.Edit
	Board uuid.UUID
}

// New wraps a project read from path ("" for a new one). run hands a
// function to the owner goroutine (fyne.Do in the app); nil runs it in
// place.
func New(p *canvas.Project, path string, run func(func())) *Document {
	return &Document{Project: p, Path: path, run: run}
}

// Run hands fn to the document's owner goroutine; it may be called from
// any goroutine and returns at once (or, without a runner, after running
// fn in place).
func (d *Document) Run(fn func()) {
	if d.run == nil {
		fn()
		return
	}
	d.run(fn)
}

// OnChange registers fn to run after every change, on the owner
// goroutine. Calling cancel stops it (a closed view must, or the document
// keeps it and everything it refers to); cancel may be called more than
// once, from a listener too.
func (d *Document) OnChange(fn func(Change)) (cancel func()) {
	l := &listener{fn: fn}
	d.listeners = append(d.listeners, l)
	return func() {
		l.fn = nil // not even later in a notify under way
		for i, o := range d.listeners {
			if o == l {
				ls := make([]*listener, 0, len(d.listeners)-1)
				d.listeners = append(append(ls, d.listeners[:i]...), d.listeners[i+1:]...)
				return
			}
		}
	}
}

// Listeners is how many listeners are registered: for tests that views
// stop listening when they close.
func (d *Document) Listeners() int { return len(d.listeners) }

func (d *Document) notify(c Change) {
	for _, l := range d.listeners {
		if l.fn != nil {
			l.fn(c)
		}
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
