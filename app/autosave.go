package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"

	"github.com/jobcanvas/jobcanvas/storage"
)

// When an autosave goes out: once the board has been quiet for
// autosaveQuiet, and never later than autosaveMax after the first change
// not yet written, so that a long drag or a stream of typing is saved too.
// Variables so that tests can stop the clock and write when they choose.
var (
	autosaveQuiet = time.Second
	autosaveMax   = 2 * time.Second
)

// errSuperseded: a newer autosave job did this one's work.
var errSuperseded = errors.New("superseded by a newer autosave")

// autosaver keeps the open project's unsaved changes in a recovery file
// (storage.Session), never in the user's file: a snapshot is taken on the
// document's goroutine (Project.Clone, the only part that costs the UI
// anything), encoded and written in the background, and the result comes
// back through ui.run. A clean save, an undo back to the saved state or a
// close the user confirmed removes the file. It talks to the document, and
// to the user only through ui.
type autosaver struct {
	ui  autosaveUI
	dir string // "" when autosave is off (no folder for it)

	// The document's goroutine only (the UI's, in the app).
	doc       *Document
	listening *Document // the document whose changes reach changed
	unlisten  func()    // stops listening's notifications
	sess      *storage.Session
	next      *storage.Session // adopted for the next document (a restore)
	timer     *time.Timer
	timerGen  uint64    // tells a stale timer's callback from the current one
	pending   time.Time // first change not yet written; zero when none
	onDisk    bool      // a write was asked for since the last removal
	failing   bool      // an autosave error is showing: say it once
	discard   bool      // the user chose to drop the unsaved changes

	mu          sync.Mutex // held by the background file work: one job at a time
	asked, done uint64     // jobs numbered as asked (main); the newest one performed (mu)
	io          sync.WaitGroup
	reported    sync.WaitGroup // the file work and its report on the main goroutine
}

// autosaveUI is what the autosaver asks of the window, on the document's
// goroutine.
type autosaveUI struct {
	// run hands a function to the goroutine that owns the documents
	// attached (the UI's: fyne.Do; what their Run does). Fixed for the
	// autosaver's life, so that the timer armed at every change captures
	// no more than before.
	run func(func())
	// showError tells the user that unsaved work is not kept safe.
	showError func(error)
	// openElsewhere tells that the file just opened is open elsewhere too.
	openElsewhere func(path string, others []storage.Owner)
}

func newAutosaver(ui autosaveUI) *autosaver {
	a := &autosaver{ui: ui}
	dir, err := storage.RecoveryDir()
	if err != nil {
		fyne.LogError("autosave is off", err)
		return a
	}
	a.dir = dir
	return a
}

// attach makes doc the project autosaved, ending the previous one's
// session, and warns when the file is open in another window too.
func (a *autosaver) attach(doc *Document) {
	a.detach()
	a.doc, a.discard, a.failing = doc, false, false
	if a.dir == "" {
		return
	}
	sess, others := a.next, []storage.Owner(nil)
	a.next = nil
	if sess == nil {
		var err error
		sess, others, err = storage.StartSession(a.dir, doc.Path)
		if err != nil {
			a.failing = true
			a.ui.showError(fmt.Errorf("Autosave is off for this project: a crash would lose unsaved changes.\n"+
				"Save often, or make the folder usable and open the project again.\n\n%w", err))
			return
		}
	}
	a.sess = sess
	// An adopted recovery file already holds the restored project.
	a.onDisk = doc.Dirty()
	if a.listening != doc { // a Save As attaches the same document again
		a.stopListening()
		a.listening = doc
		a.unlisten = doc.OnChange(func(Change) {
			if a.doc == doc {
				a.changed()
			}
		})
	}
	if len(others) > 0 {
		a.ui.openElsewhere(doc.Path, others)
	}
}

// changed runs after every edit, drag events included: it only (re)arms
// a timer.
func (a *autosaver) changed() {
	if a.sess == nil {
		return
	}
	a.discard = false
	if !a.doc.Dirty() {
		a.clean()
		return
	}
	now := time.Now()
	if a.pending.IsZero() {
		a.pending = now
	}
	a.schedule(a.wait(now))
}

// wait is how long after now the next write goes out.
func (a *autosaver) wait(now time.Time) time.Duration {
	return max(0, min(autosaveQuiet, a.pending.Add(autosaveMax).Sub(now)))
}

func (a *autosaver) schedule(d time.Duration) {
	a.stopTimer()
	gen := a.timerGen
	a.timer = time.AfterFunc(d, func() {
		a.ui.run(func() {
			if gen == a.timerGen {
				a.flush()
			}
		})
	})
}

func (a *autosaver) stopTimer() {
	a.timerGen++
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// flush writes the project to the recovery file now, in the background.
func (a *autosaver) flush() {
	a.stopTimer()
	a.pending = time.Time{}
	if a.sess == nil {
		return
	}
	if !a.doc.Dirty() {
		a.clean()
		return
	}
	snap, base, sess := a.doc.Project.Clone(), a.doc.Disk, a.sess
	a.onDisk = true
	a.run(func() error { return sess.Write(snap, base) })
}

// clean removes the recovery file: the project is as its file holds it.
func (a *autosaver) clean() {
	a.stopTimer()
	a.pending = time.Time{}
	if !a.onDisk || a.sess == nil {
		return
	}
	a.onDisk = false
	a.run(a.sess.Remove)
}

// run does job in the background, after the jobs asked before it; a job
// that finds a newer one done already is skipped (the newer one wrote a
// newer snapshot, or removed the file on purpose).
func (a *autosaver) run(job func() error) {
	a.asked++
	n := a.asked
	a.io.Add(1)
	a.reported.Add(1)
	go func() {
		defer a.reported.Done()
		err := errSuperseded
		a.mu.Lock()
		if n > a.done {
			a.done = n
			err = job()
		}
		a.mu.Unlock()
		a.io.Done() // before Run: the main goroutine may be waiting on io
		a.ui.run(func() { a.report(err) })
	}()
}

// report shows a failed autosave, once until one succeeds again: the
// project in the window and its file are untouched, but a crash now would
// lose the changes, and the user needs to know that.
func (a *autosaver) report(err error) {
	switch {
	case errors.Is(err, errSuperseded):
	case err == nil:
		a.failing = false
	case !a.failing:
		a.failing = true
		a.ui.showError(fmt.Errorf("Autosave failed: a crash now would lose your unsaved changes.\n"+
			"Your project in this window and its file are unchanged; save it\n"+
			"(File ▸ Save As… to another place if this one is full).\n\n%w", err))
	}
}

// saved follows a successful save: the recovery file goes, and after a
// Save As the session follows the project to its new file.
func (a *autosaver) saved() {
	if a.sess == nil || a.dir == "" {
		return
	}
	if filepath.Clean(a.doc.Path) == filepath.Clean(a.sessPath()) {
		a.clean()
		return
	}
	doc := a.doc
	a.detach()
	a.attach(doc)
}

func (a *autosaver) sessPath() string {
	if a.sess == nil {
		return ""
	}
	return a.sess.Path()
}

// userDiscarded records that the user chose to drop the unsaved changes,
// so that closing does not keep them for the next start.
func (a *autosaver) userDiscarded() { a.discard = true }

// detach ends the session of the current project. Unsaved changes nobody
// chose to drop (the app quit some other way than the close button) are
// written one last time and kept, to be offered at the next start.
func (a *autosaver) detach() {
	a.stopTimer()
	a.pending = time.Time{}
	sess, doc := a.sess, a.doc
	a.sess, a.doc = nil, nil
	if sess == nil {
		return
	}
	keep := doc.Dirty() && !a.discard
	a.io.Wait()
	if keep {
		if err := sess.Write(doc.Project, doc.Disk); err != nil {
			fyne.LogError("last autosave failed", err)
		}
	}
	if err := sess.Close(keep); err != nil {
		fyne.LogError("closing the recovery file", err)
	}
}

// shutdown ends autosaving when the window closes; it may run twice.
func (a *autosaver) shutdown() {
	a.detach()
	a.stopListening()
}

// stopListening drops the listener on the last document attached, so a
// closed window's autosaver is not kept alive by it.
func (a *autosaver) stopListening() {
	if a.unlisten != nil {
		a.unlisten()
	}
	a.listening, a.unlisten = nil, nil
}

// adopt makes sess, taken over from a recovery file, the session of the
// next document attached.
func (a *autosaver) adopt(sess *storage.Session) { a.next = sess }

// warnOpenElsewhere tells that the file just opened is open in another
// window too. Nothing is blocked: whoever saves second is asked first
// (the file changed on disk), so nobody overwrites the other unawares.
func (w *Window) warnOpenElsewhere(path string, others []storage.Owner) {
	o := others[0]
	where := fmt.Sprintf("in another Jobcanvas (process %d", o.PID)
	if o.ThisProcess() {
		where = "in another window of this Jobcanvas ("
	} else if o.Host != "" {
		where += " on " + o.Host
	}
	if !o.Since.IsZero() {
		where += ", since " + o.Since.Local().Format("15:04")
	}
	where += ")"
	msg := wrappedLabel(fmt.Sprintf("%s is also open %s.\n\nChanges made in one window are not seen in the other. "+
		"When you save, Jobcanvas asks before replacing changes saved elsewhere.", filepath.Base(path), where), fyne.TextStyle{})
	var d dialog.Dialog
	ok := newDefaultButton("OK", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Also open elsewhere",
		container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), ok)), w.Window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.Window.Canvas().Focus(ok)
}
