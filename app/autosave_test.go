package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// newRecoveryWindow is newTestWindow with a recovery folder of its own.
func newRecoveryWindow(t *testing.T) (w *Window, path, dir string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "recovery")
	t.Setenv(storage.RecoveryEnv, dir)
	w, path = newTestWindow(t)
	return w, path, dir
}

// autosave writes now, as the timer would, and waits for the result.
func autosave(w *Window) {
	w.recovery.flush()
	w.recovery.reported.Wait()
}

// recoveryFiles lists the recovery files in dir.
func recoveryFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"+storage.RecoveryExt))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// recovered reads the only recovery file in dir.
func recovered(t *testing.T, dir string) (*canvas.Project, storage.RecoveryInfo) {
	t.Helper()
	files := recoveryFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d recovery files, want 1: %v", len(files), files)
	}
	p, info, err := storage.LoadRecovery(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return p, info
}

// dialogText is every label's text in the topmost dialog.
func dialogText(t *testing.T, w *Window) string {
	t.Helper()
	top := w.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// firstEntry is the first text field in the topmost dialog.
func firstEntry(t *testing.T, w *Window) *widget.Entry {
	t.Helper()
	return firstEntryIn(t, w.Window)
}

// crashWindow leaves things as a crash would: the unsaved changes in the
// recovery folder, the lock free. It is what closing a window without the
// user's choice does (OnClosed); the test window itself is closed by its
// cleanup, once (closing twice panics in the test driver).
func crashWindow(w *Window) { w.recovery.shutdown() }

func TestAutosaveTiming(t *testing.T) {
	a := &autosaver{}
	defer func(q, m time.Duration) { autosaveQuiet, autosaveMax = q, m }(autosaveQuiet, autosaveMax)
	autosaveQuiet, autosaveMax = time.Second, 2*time.Second
	now := time.Now()
	for _, tt := range []struct {
		since time.Duration // since the first unwritten change
		want  time.Duration
	}{
		{0, time.Second}, // quiet for a second first
		{1500 * time.Millisecond, 500 * time.Millisecond}, // but no later than 2 s after the first change
		{3 * time.Second, 0},
	} {
		a.pending = now.Add(-tt.since)
		if got := a.wait(now); got != tt.want {
			t.Errorf("%v after the first change: write in %v, want %v", tt.since, got, tt.want)
		}
	}
}

// TestAutosaveWritesRecoveryFile: a change arms the timer; the write goes
// to the recovery folder, never to the user's file, and a save or an undo
// back to the saved state removes it.
func TestAutosaveWritesRecoveryFile(t *testing.T) {
	w, path, dir := newRecoveryWindow(t)
	if w.recovery.timer != nil {
		t.Error("a timer is armed with no change")
	}
	c := addCard(t, w, "Autosaved card")
	if w.recovery.timer == nil || w.recovery.pending.IsZero() {
		t.Fatal("a change armed no autosave")
	}
	autosave(w)
	p, info := recovered(t, dir)
	if p.Boards[0].Card(c.ID) == nil || info.Path != path || info.Base.Sum != w.Document().Disk.Sum || info.Name != "Commuter cycling" {
		t.Errorf("recovery file: card %v, info %+v", p.Boards[0].Card(c.ID) != nil, info)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, assets.Sample) {
		t.Error("autosave touched the user's file")
	}
	if o, _ := storage.Orphans(dir); len(o) != 0 {
		t.Error("a running window's recovery file is offered as an orphan")
	}

	w.Save()
	w.recovery.reported.Wait()
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("recovery file left after a clean save: %v", files)
	}

	addCard(t, w, "Second")
	autosave(w)
	menuItem(t, w, "Edit", "Undo").Action() // back to the saved state
	w.recovery.reported.Wait()
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("recovery file left after undoing back to the saved state: %v", files)
	}
}

// TestAutosaveOffMainGoroutine: the write works on a snapshot, so edits
// made while it runs neither race with it nor get into it half done.
func TestAutosaveOffMainGoroutine(t *testing.T) {
	w, _, dir := newRecoveryWindow(t)
	addCard(t, w, "First")
	w.recovery.flush()
	late := addCard(t, w, "Made during the write") // -race checks the rest
	w.recovery.reported.Wait()
	if p, _ := recovered(t, dir); p.Boards[0].Card(late.ID) != nil {
		t.Error("the snapshot saw an edit made after it was taken")
	}
	autosave(w)
	if p, _ := recovered(t, dir); p.Boards[0].Card(late.ID) == nil {
		t.Error("the next autosave missed the edit")
	}
}

// TestCloseKeepsOrDropsRecovery: "Don't save" drops the changes for good;
// a window closed without the user's word keeps them for the next start,
// the last change included even if no timer fired.
func TestCloseKeepsOrDropsRecovery(t *testing.T) {
	w, _, dir := newRecoveryWindow(t)
	addCard(t, w, "Dropped")
	autosave(w)
	w.Close()
	test.Tap(button(t, w, "Don't save"))
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("recovery file left after Don't save: %v", files)
	}

	w2, _, dir2 := newRecoveryWindow(t)
	c := addCard(t, w2, "Kept, never autosaved")
	crashWindow(w2)
	if p, _ := recovered(t, dir2); p.Boards[0].Card(c.ID) == nil {
		t.Error("the last change is not in the kept recovery file")
	}
	if o, _ := storage.Orphans(dir2); len(o) != 1 {
		t.Errorf("%d orphans after an unconfirmed close, want 1", len(o))
	}
}

// TestAutosaveFaultReported: a recovery folder that cannot be written says
// so once (not every two seconds), keeps the project, and recovers when
// the folder is usable again.
func TestAutosaveFaultReported(t *testing.T) {
	w, path, dir := newRecoveryWindow(t)
	c := addCard(t, w, "Precious")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o644); err != nil { // so it cannot be made again
		t.Fatal(err)
	}
	autosave(w)
	msg := dialogText(t, w)
	if !strings.Contains(msg, "Autosave failed") || !strings.Contains(msg, dir) || !strings.Contains(msg, "not a directory") {
		t.Errorf("message %q", msg)
	}
	w.Window.Canvas().Overlays().Remove(w.Window.Canvas().Overlays().Top())
	addCard(t, w, "More")
	autosave(w)
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("the same failure was reported twice")
	}
	if w.Document().Project.Boards[0].Card(c.ID) == nil || !w.Document().Dirty() {
		t.Error("a failed autosave changed the project")
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, assets.Sample) {
		t.Error("a failed autosave touched the user's file")
	}
	os.Remove(dir)
	autosave(w)
	if p, _ := recovered(t, dir); p.Boards[0].Card(c.ID) == nil || w.recovery.failing {
		t.Error("autosave did not recover once the folder was usable")
	}
}

// TestSaveAsMovesRecovery: after Save As the session follows the project,
// so a crash after more changes is offered for the new file.
func TestSaveAsMovesRecovery(t *testing.T) {
	w, _, dir := newRecoveryWindow(t)
	addCard(t, w, "Before")
	autosave(w)
	other := filepath.Join(t.TempDir(), "copy.jobcanvas")
	if err := w.SaveTo(other); err != nil {
		t.Fatal(err)
	}
	w.recovery.reported.Wait()
	if files := recoveryFiles(t, dir); len(files) != 0 {
		t.Errorf("recovery file left after Save As: %v", files)
	}
	addCard(t, w, "After")
	autosave(w)
	if _, info := recovered(t, dir); info.Path != other {
		t.Errorf("recovery file belongs to %q, want %q", info.Path, other)
	}
}

// TestTwoWindowsOnOneFileWarn: the second window on a file says where else
// it is open.
func TestTwoWindowsOnOneFileWarn(t *testing.T) {
	w, path, _ := newRecoveryWindow(t)
	w2 := NewWindow(w.App)
	t.Cleanup(w2.Window.Close)
	if err := w2.OpenPath(path); err != nil {
		t.Fatal(err)
	}
	if msg := dialogText(t, w2); !strings.Contains(msg, "sample.jobcanvas is also open in another window of this Jobcanvas") {
		t.Errorf("warning %q", msg)
	}
	if w.Window.Canvas().Overlays().Top() != nil {
		t.Error("the first window was warned")
	}
	// Both autosave, each to its own file.
	addCard(t, w, "One")
	addCard(t, w2, "Two")
	autosave(w)
	autosave(w2)
	if w.recovery.sess.File() == w2.recovery.sess.File() {
		t.Error("two windows share a recovery file")
	}
}

// bigUnsavedWindow shows a 2,000-card project with unsaved changes.
func bigUnsavedWindow(b *testing.B) *Window {
	b.Setenv(storage.RecoveryEnv, b.TempDir())
	w := NewWindow(test.NewTempApp(b))
	doc, _ := bigDocument(b, 2000)
	doc.History.MarkUnsaved()
	w.SetDocument(doc)
	return w
}

// BenchmarkAutosaveFlush2000 is the part of an autosave that runs on the
// main goroutine, on a 2,000-card board: the snapshot (a deep copy) and
// handing it to the background. It is what the user could feel.
func BenchmarkAutosaveFlush2000(b *testing.B) {
	w := bigUnsavedWindow(b)
	b.ReportAllocs()
	for b.Loop() {
		w.recovery.flush()
		b.StopTimer()
		w.recovery.reported.Wait()
		b.StartTimer()
	}
}

// BenchmarkAutosaveWrite2000 is the background part, for scale: encoding
// and writing the 2,000-card project atomically.
func BenchmarkAutosaveWrite2000(b *testing.B) {
	doc, _ := bigDocument(b, 2000)
	sess, _, err := storage.StartSession(b.TempDir(), "")
	if err != nil {
		b.Fatal(err)
	}
	defer sess.Close(false)
	snap := doc.Project.Clone()
	b.ReportAllocs()
	for b.Loop() {
		if err := sess.Write(snap, storage.Stamp{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAutosaveChanged is what autosave adds to every edit, drag
// events included, on a 2,000-card board: re-arming its timer.
func BenchmarkAutosaveChanged2000(b *testing.B) {
	w := bigUnsavedWindow(b)
	defer w.recovery.stopTimer()
	b.ReportAllocs()
	for b.Loop() {
		w.recovery.changed()
	}
}

// TestAutosaveOffSaysSo: a recovery folder that cannot be made turns
// autosave off, says so when the project opens, and the project works.
func TestAutosaveOffSaysSo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv(storage.RecoveryEnv, filepath.Join(file, "recovery"))
	w, path := newTestWindow(t)
	if msg := dialogText(t, w); !strings.Contains(msg, "Autosave is off for this project") || !strings.Contains(msg, "not a directory") {
		t.Errorf("message:\n%s", msg)
	}
	c := addCard(t, w, "Still works")
	autosave(w)
	w.Save()
	if p, err := storage.Load(path); err != nil || p.Boards[0].Card(c.ID) == nil {
		t.Errorf("saving without autosave: %v", err)
	}
}
