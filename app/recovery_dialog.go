package app

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// recoveryOffer is one recovery file left by a Jobcanvas that stopped
// before saving, ready to offer: the project in it, and what to compare it
// with.
type recoveryOffer struct {
	info     storage.RecoveryInfo
	project  *canvas.Project // nil when the file cannot be read (err)
	err      error
	base     *canvas.Project // the file on disk, or the sample; nil for nothing
	baseName string          // "the file", "the sample", "an empty project"
	note     string          // what changed since, for the user; "" when nothing
}

// OfferRecovery offers, one after another, the recovery files that no
// running window owns: the work of a Jobcanvas that crashed, was killed or
// lost power. After a restore the rest wait for the next start.
func (w *Window) OfferRecovery() { w.offerRecovery(nil) }

// offerRecovery offers the orphans match accepts (all when nil).
func (w *Window) offerRecovery(match func(*storage.RecoveryInfo) bool) {
	if w.recovery.dir == "" {
		return
	}
	orphans, err := storage.Orphans(w.recovery.dir)
	if err != nil {
		fyne.LogError("cannot list recovery files", err)
		return
	}
	var offers []*recoveryOffer
	for i := range orphans {
		if match != nil && !match(&orphans[i]) {
			continue
		}
		if o := prepareOffer(orphans[i]); o != nil {
			offers = append(offers, o)
		}
	}
	w.showOffers(offers)
}

// prepareOffer reads an orphan and what it would be compared with. It
// returns nil, and deletes the orphan, when the file on disk holds exactly
// the same project: there is nothing to recover (a crash between a save
// and the recovery file's removal).
func prepareOffer(info storage.RecoveryInfo) *recoveryOffer {
	o := &recoveryOffer{info: info, err: info.Err, baseName: "an empty project"}
	if o.err != nil {
		return o
	}
	o.project, _, o.err = storage.LoadRecovery(info.File)
	if o.err != nil {
		return o
	}
	if info.Path == "" {
		if sample, err := storage.Decode(assets.Sample, assets.SampleName); err == nil && sample.ID == o.project.ID {
			o.base, o.baseName = sample, "the sample"
		}
		return o
	}
	file, now, err := storage.LoadStamped(info.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		o.note = "The file is no longer there: saving the restored project puts it back."
	case err != nil:
		o.note = "The file cannot be read now: " + err.Error()
	default:
		if sameProject(file, o.project) {
			if err := storage.DiscardRecovery(info); err != nil {
				fyne.LogError("cannot delete a recovery file", err)
			}
			return nil
		}
		o.base, o.baseName = file, "the file"
		if !info.Base.IsZero() && now.Sum != info.Base.Sum {
			o.note = fmt.Sprintf("The file was also changed after this version was opened (%s): compare before you restore.", when(now.ModTime))
		}
	}
	return o
}

// sameProject reports whether two projects would be saved as the same
// bytes.
func sameProject(a, b *canvas.Project) bool {
	ea, err1 := storage.Encode(a)
	eb, err2 := storage.Encode(b)
	return err1 == nil && err2 == nil && bytes.Equal(ea, eb)
}

func (w *Window) showOffers(offers []*recoveryOffer) {
	if len(offers) == 0 {
		return
	}
	w.showRecoveryOffer(offers[0], func() { w.showOffers(offers[1:]) })
}

// showRecoveryOffer asks what to do with one recovery file: restore it,
// compare it with the file, discard it, or decide later (next runs then).
// Restore is the default: Enter chooses it.
func (w *Window) showRecoveryOffer(o *recoveryOffer, next func()) {
	var d dialog.Dialog
	hide := func(then func()) func() { return func() { d.Hide(); then() } }
	again := func() { w.showRecoveryOffer(o, next) }

	discard := widget.NewButton("Discard…", hide(func() { w.confirmDiscardRecovery(o, next, again) }))
	notNow := widget.NewButton("Not now", hide(next))
	var buttons []fyne.CanvasObject
	var focus fyne.Focusable
	if o.err != nil {
		buttons = []fyne.CanvasObject{discard, layout.NewSpacer(), notNow}
		focus = notNow
	} else {
		compare := widget.NewButton("Compare…", hide(func() {
			w.showCompare("Compare recovered changes",
				fmt.Sprintf("The recovered version of %q compared with %s:", o.info.Name, o.baseDescription()),
				canvas.Compare(o.base, o.project), "the recovered version", o.baseName, again)
		}))
		restore := newDefaultButton("Restore", hide(func() { w.restoreOffer(o) }))
		buttons = []fyne.CanvasObject{discard, layout.NewSpacer(), notNow, compare, restore}
		focus = restore
	}
	d = dialog.NewCustomWithoutButtons("Recover unsaved changes?",
		container.NewVBox(o.describe(), widget.NewSeparator(), container.NewHBox(buttons...)), w.Window)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
	w.Window.Canvas().Focus(focus)
}

// describe says what the recovery file holds and what restoring does.
func (o *recoveryOffer) describe() fyne.CanvasObject {
	label := wrappedLabel
	if o.err != nil {
		return container.NewVBox(
			label("A recovery file left by Jobcanvas cannot be read:", fyne.TextStyle{}),
			label(o.err.Error(), fyne.TextStyle{Monospace: true}),
			label("Discard deletes it; Not now keeps it for later.", fyne.TextStyle{}))
	}
	file := "Never saved"
	if o.info.Path != "" {
		file = fmt.Sprintf("%s, in %s", filepath.Base(o.info.Path), filepath.Dir(o.info.Path))
	}
	items := []fyne.CanvasObject{
		label("Jobcanvas stopped before these changes were saved (a crash, a forced quit or a power cut):", fyne.TextStyle{}),
		label(o.info.Name, fyne.TextStyle{Bold: true}),
		label(fmt.Sprintf("%s\n%s, last autosaved %s.", file, count(o.project.CardCount(), "card"), when(o.info.Saved)), fyne.TextStyle{}),
	}
	if o.note != "" {
		items = append(items, label(o.note, fyne.TextStyle{Bold: true}))
	}
	restores := "Restore opens them as unsaved changes; the file stays as it is until you save."
	if o.info.Path == "" {
		restores = "Restore opens them as a project not saved yet."
	}
	return container.NewVBox(append(items, label(restores, fyne.TextStyle{}))...)
}

func (o *recoveryOffer) baseDescription() string {
	switch {
	case o.base == nil:
		return "an empty project"
	case o.info.Path != "":
		return filepath.Base(o.info.Path) + " as it is on disk"
	}
	return "the bundled sample"
}

// restoreOffer opens the recovered project as unsaved changes to its file,
// taking over its recovery file so that the work stays on disk. A file
// changed since is caught when saving (its stamp is the one the lost
// session had).
func (w *Window) restoreOffer(o *recoveryOffer) {
	w.confirmDiscard(func() {
		sess, err := storage.AdoptRecovery(o.info)
		if err != nil {
			w.showError(err)
			return
		}
		doc := NewDocument(o.project, o.info.Path)
		doc.Disk = o.info.Base
		doc.History.MarkUnsaved()
		w.recovery.adopt(sess)
		w.SetDocument(doc)
	})
}

// confirmDiscardRecovery deletes a recovery file after asking; back runs
// when the user changes their mind.
func (w *Window) confirmDiscardRecovery(o *recoveryOffer, next, back func()) {
	what := "the unreadable recovery file"
	if o.err == nil {
		what = fmt.Sprintf("the unsaved changes to %q (%s, autosaved %s)", o.info.Name, count(o.project.CardCount(), "card"), when(o.info.Saved))
	}
	c := dialog.NewConfirm("Discard recovered changes?", "This deletes "+what+" for good.", func(ok bool) {
		if !ok {
			back()
			return
		}
		if err := storage.DiscardRecovery(o.info); err != nil {
			w.showError(err)
		}
		next()
	}, w.Window)
	c.SetConfirmText("Discard")
	c.SetDismissText("Cancel")
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}

// when says when t was, as people say it: "today at 14:32:05".
func when(t time.Time) string {
	t = t.Local()
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	now := time.Now()
	switch day(t) {
	case day(now):
		return "today at " + t.Format("15:04:05")
	case day(now.AddDate(0, 0, -1)):
		return "yesterday at " + t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 2006 at 15:04")
}

// defaultButton is a button that Enter presses too: the choice a dialog
// suggests, reachable without the mouse.
type defaultButton struct{ widget.Button }

func newDefaultButton(label string, tapped func()) *defaultButton {
	b := &defaultButton{}
	b.Text, b.OnTapped, b.Importance = label, tapped, widget.HighImportance
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *defaultButton) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(e)
}
