package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crash ends s as a killed process would: the operating system drops the
// lock, and every file stays where it was.
func crash(t *testing.T, s *Session) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.lock.f.Close(); err != nil {
		t.Fatal(err)
	}
	s.lock = nil
}

func mustStart(t *testing.T, dir, path string) *Session {
	t.Helper()
	s, others, err := StartSession(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(others) != 0 {
		t.Fatalf("others on %s: %v", path, others)
	}
	t.Cleanup(func() { s.Close(true) })
	return s
}

func orphans(t *testing.T, dir string) []RecoveryInfo {
	t.Helper()
	o, err := Orphans(dir)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestRecoveryDir(t *testing.T) {
	t.Setenv(RecoveryEnv, "rel/dir")
	got, err := RecoveryDir()
	if wd, _ := os.Getwd(); err != nil || got != filepath.Join(wd, "rel/dir") {
		t.Errorf("with %s set: %q, %v", RecoveryEnv, got, err)
	}
	abs := filepath.Join(t.TempDir(), "elsewhere")
	t.Setenv(RecoveryEnv, abs)
	if got, err := RecoveryDir(); err != nil || got != abs {
		t.Errorf("with %s=%s: %q, %v", RecoveryEnv, abs, got, err)
	}

	// Unset, the user's configuration folder: what os.UserConfigDir
	// reads on each system.
	t.Setenv(RecoveryEnv, "")
	cfg := filepath.Join(t.TempDir(), "cfg")
	want := filepath.Join(cfg, "jobcanvas", "recovery")
	switch runtime.GOOS {
	case "windows":
		t.Setenv("AppData", cfg) // %AppData%, the roaming profile
	case "darwin", "ios":
		t.Setenv("HOME", cfg)
		want = filepath.Join(cfg, "Library", "Application Support", "jobcanvas", "recovery")
	case "plan9":
		t.Setenv("home", cfg)
		want = filepath.Join(cfg, "lib", "jobcanvas", "recovery")
	default:
		t.Setenv("XDG_CONFIG_HOME", cfg)
	}
	if got, err := RecoveryDir(); err != nil || got != want {
		t.Errorf("default: %q, %v; want %q", got, err, want)
	}
}

// TestRecoveryAfterCrash: what a session wrote is offered once its process
// is gone, and only then, with the header describing it.
func TestRecoveryAfterCrash(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery") // made on demand
	path := filepath.Join(t.TempDir(), "w.jobcanvas")
	if err := Save(path, genProject(1, 10)); err != nil {
		t.Fatal(err)
	}
	_, base, err := LoadStamped(path)
	if err != nil {
		t.Fatal(err)
	}
	s := mustStart(t, dir, path)
	edited := genProject(2, 25)
	if err := s.Write(edited, base); err != nil {
		t.Fatal(err)
	}
	if got := orphans(t, dir); len(got) != 0 {
		t.Fatalf("a live session's file is offered: %v", got)
	}
	crash(t, s)

	got := orphans(t, dir)
	if len(got) != 1 {
		t.Fatalf("%d orphans after the crash, want 1", len(got))
	}
	o := got[0]
	if o.Err != nil || o.File != s.File() || o.Path != path || o.Name != edited.Name || o.Cards != edited.CardCount() ||
		o.Base.Sum != base.Sum || o.Base.Size != base.Size || !o.Base.ModTime.Equal(base.ModTime) ||
		!o.Owner.ThisProcess() || time.Since(o.Saved) > time.Minute {
		t.Errorf("orphan %+v", o)
	}
	p, info, err := LoadRecovery(o.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustEncode(t, p), mustEncode(t, edited)) || info.Path != path {
		t.Error("the recovered project is not what was written")
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("recovery folder mode %v, want 0700: workshops are private", fi.Mode().Perm())
	}

	// A new session on the same file leaves the orphan alone until the
	// user decides.
	s2 := mustStart(t, dir, path)
	if s2.File() == o.File {
		t.Fatal("the new session would overwrite the orphan")
	}
	if err := s2.Write(genProject(3, 5), base); err != nil {
		t.Fatal(err)
	}
	if p, _, err := LoadRecovery(o.File); err != nil || !bytes.Equal(mustEncode(t, p), mustEncode(t, edited)) {
		t.Error("the orphan changed")
	}
	if got := orphans(t, dir); len(got) != 1 || got[0].File != o.File {
		t.Errorf("orphans %v", got)
	}
}

// TestRecoveryCleanSave: a save or an undo back to the file removes the
// recovery file, a clean close removes the lock too, nothing is left.
func TestRecoveryCleanSave(t *testing.T) {
	dir := t.TempDir()
	s := mustStart(t, dir, "")
	if !strings.HasPrefix(filepath.Base(s.File()), "untitled-") {
		t.Errorf("recovery file of a new project: %s", s.File())
	}
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(); err != nil {
		t.Fatal(err)
	}
	if exists(s.File()) {
		t.Error("Remove left the recovery file")
	}
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(false); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("left after a clean close: %v", got)
	}
	if err := s.Write(genProject(1, 5), Stamp{}); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("write after close: %v", err)
	}
}

// TestRecoveryKeptOnUnconfirmedClose: closing with unsaved changes nobody
// chose to drop keeps them for the next start.
func TestRecoveryKeptOnUnconfirmedClose(t *testing.T) {
	dir := t.TempDir()
	s := mustStart(t, dir, "")
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(true); err != nil {
		t.Fatal(err)
	}
	if got := orphans(t, dir); len(got) != 1 || got[0].Path != "" || got[0].Owner.PID != os.Getpid() {
		t.Errorf("orphans %+v", got)
	}
}

// TestTwoWindowsOnOneFile: the second session on a file hears of the first
// and writes its own recovery file; once the first is gone, nobody is
// warned of it.
func TestTwoWindowsOnOneFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "w.jobcanvas")
	first := mustStart(t, dir, path)
	second, others, err := StartSession(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close(false)
	if len(others) != 1 || !others[0].ThisProcess() || time.Since(others[0].Since) > time.Minute {
		t.Fatalf("others %+v, want this process", others)
	}
	if second.File() == first.File() {
		t.Fatal("two sessions share a recovery file")
	}
	other, others, err := StartSession(dir, filepath.Join(t.TempDir(), "other.jobcanvas"))
	if err != nil {
		t.Fatal(err)
	}
	other.Close(true) // Windows keeps no folder with a file open in it
	if len(others) != 0 {
		t.Errorf("another file has others: %v", others)
	}
	crash(t, first) // kill -9: its lock is stale, and does not count
	third, others, err := StartSession(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close(false)
	if len(others) != 1 { // the second only
		t.Errorf("others after the first died: %+v", others)
	}
	if third.key != first.key {
		t.Errorf("the dead session's name (it left no recovery file) is not free again: %s, %s", third.key, first.key)
	}
}

// TestSessionPathCase: a second window on the same file spelled in another
// case is told of the first where the file system ignores case (Windows,
// macOS), and not where two such names are two files (Linux).
func TestSessionPathCase(t *testing.T) {
	dir := t.TempDir()
	folder := t.TempDir()
	mustStart(t, dir, filepath.Join(folder, "Workshop.jobcanvas"))
	s, others, err := StartSession(dir, filepath.Join(strings.ToLower(folder), "WORKSHOP.JOBCANVAS"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(true)
	want := 0
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		want = 1
	}
	if len(others) != want {
		t.Errorf("on %s: others %v, want %d", runtime.GOOS, others, want)
	}
}

// TestAdoptAndDiscard: restoring takes over the orphan's file, so the work
// is on disk all along; discarding deletes it.
func TestAdoptAndDiscard(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "w.jobcanvas")
	s := mustStart(t, dir, path)
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	crash(t, s)
	o := orphans(t, dir)[0]

	a, err := AdoptRecovery(o)
	if err != nil {
		t.Fatal(err)
	}
	if a.File() != o.File || a.path != path {
		t.Errorf("adopted %s for %q", a.File(), a.path)
	}
	if got := orphans(t, dir); len(got) != 0 {
		t.Errorf("an adopted file is still offered: %v", got)
	}
	if _, err := AdoptRecovery(o); err == nil || !strings.Contains(err.Error(), "is being recovered in another window") {
		t.Errorf("second adoption: %v", err)
	}
	if err := DiscardRecovery(o); err == nil || !strings.Contains(err.Error(), "in use by another window") {
		t.Errorf("discarding an adopted file: %v", err)
	}
	if err := a.Write(genProject(2, 7), Stamp{}); err != nil {
		t.Fatal(err)
	}
	crash(t, a)
	o = orphans(t, dir)[0]
	if o.Cards != genProject(2, 7).CardCount() {
		t.Errorf("the adopted session wrote elsewhere: %+v", o)
	}
	if err := DiscardRecovery(o); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("left after discarding: %v", got)
	}
}

// TestOrphansTidyUp: dead sessions' lock files and half-written temporary
// files go; a live session's stay; an unreadable recovery file is listed
// with its error, after the good ones; newest first.
func TestOrphansTidyUp(t *testing.T) {
	dir := t.TempDir()
	live := mustStart(t, dir, "")
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("dead.lock", "")
	write(".dead.recovery.123.tmp", "half")
	write("."+live.key+".recovery.456.tmp", "in progress")
	write("broken.recovery", "jobcanvas-recovery 1\n{\"path\": 5}\n{}")
	older, newer := mustStart(t, dir, ""), mustStart(t, dir, "")
	older.Write(genProject(1, 3), Stamp{})
	time.Sleep(10 * time.Millisecond)
	newer.Write(genProject(2, 3), Stamp{})
	crash(t, older)
	crash(t, newer)

	got := orphans(t, dir)
	var files []string
	for _, o := range got {
		files = append(files, filepath.Base(o.File))
	}
	want := []string{filepath.Base(newer.File()), filepath.Base(older.File()), "broken.recovery"}
	if !slices.Equal(files, want) {
		t.Errorf("orphans %v, want %v", files, want)
	}
	if len(got) == 3 && (got[2].Err == nil || !strings.Contains(got[2].Err.Error(), "broken.recovery:2:10: header: ")) {
		t.Errorf("broken file's error: %v", got[2].Err)
	}
	names := dirNames(t, dir)
	for _, n := range []string{"dead.lock", ".dead.recovery.123.tmp"} {
		if slices.Contains(names, n) {
			t.Errorf("%s left behind", n)
		}
	}
	if !slices.Contains(names, "."+live.key+".recovery.456.tmp") {
		t.Error("a live session's temporary file was removed")
	}
}

// TestRecoveryWriteFaults fails each step of an autosave: the previous
// recovery file stays whole, the error says what and where, and the next
// write, once the fault is gone, works.
func TestRecoveryWriteFaults(t *testing.T) {
	tests := []struct {
		name string
		fail func(op, name string) error
		want string
	}{
		{"disk full", on("write", ".tmp", syscall.ENOSPC), "not saved: cannot write: no space left on device"},
		{"permission denied", on("createtemp", "", syscall.EACCES), "not saved: cannot create a temporary file: permission denied"},
		{"rename fails", on("rename", RecoveryExt, syscall.EXDEV), "not saved: cannot replace the file: invalid cross-device link"},
		{"flush fails", on("sync", ".tmp", syscall.EIO), "not saved: cannot flush to disk: input/output error"},
		{"folder cannot be made", on("mkdirall", "", syscall.EROFS), "not saved: cannot create the recovery folder: read-only file system"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var fail func(op, name string) error
			s, _, err := startSession(faultFS{fail: func(op, name string) error {
				if fail != nil {
					return fail(op, name)
				}
				return nil
			}}, dir, "")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close(false)
			first := genProject(1, 10)
			if err := s.Write(first, Stamp{}); err != nil {
				t.Fatal(err)
			}
			old := readFile(t, s.File())

			fail = tt.fail
			p := genProject(2, 10)
			before := mustEncode(t, p)
			err = s.Write(p, Stamp{})
			if err == nil {
				t.Fatal("write succeeded despite the fault")
			}
			if !bytes.Equal(mustEncode(t, p), before) {
				t.Error("the project in memory changed")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), dir) {
				t.Errorf("message %q, want %q in it", err, tt.want)
			}
			if !bytes.Equal(readFile(t, s.File()), old) {
				t.Error("the previous recovery file changed")
			}
			for _, n := range dirNames(t, dir) {
				if strings.HasSuffix(n, ".tmp") {
					t.Errorf("left behind: %s", n)
				}
			}
			fail = nil
			if err := s.Write(genProject(2, 10), Stamp{}); err != nil {
				t.Errorf("write after the fault: %v", err)
			}
		})
	}
}

// TestRecoveryFolderGone: a folder deleted under a running session (a
// clean-up tool) is made again, lock file included, so the file written is
// not taken for an orphan.
func TestRecoveryFolderGone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	s := mustStart(t, dir, "")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	if got := orphans(t, dir); len(got) != 0 {
		t.Errorf("a live session's file is offered after its folder was made again: %v", got)
	}
	crash(t, s)
	if got := orphans(t, dir); len(got) != 1 {
		t.Errorf("%d orphans after the crash, want 1", len(got))
	}
}

func TestDecodeRecoveryErrors(t *testing.T) {
	body := string(mustEncode(t, genProject(1, 2)))
	head := `{"path":"/w.jobcanvas","name":"n","cards":2,"saved":"2026-08-20T10:00:00Z","pid":1,"host":"h"}`
	for _, tt := range []struct{ data, want string }{
		{"", "r.recovery: not a Jobcanvas recovery file"},
		{body, "r.recovery: not a Jobcanvas recovery file"},
		{"jobcanvas-recovery 2\n" + head + "\n" + body, "r.recovery:1:20: written by a newer Jobcanvas (recovery format 2; this one reads 1)"},
		{"jobcanvas-recovery x\n", `r.recovery:1:20: version "x" is not a number Jobcanvas wrote`},
		{"jobcanvas-recovery 01\n", `r.recovery:1:20: version "01" is not a number Jobcanvas wrote`},
		{"jobcanvas-recovery 1", "r.recovery:1:20: want a version number and the end of the line"},
		{"jobcanvas-recovery 1\n" + head, "r.recovery:2:1: the file ends inside the header line"},
		{"jobcanvas-recovery 1\n" + strings.Repeat(" ", maxRecoveryHeader+1), "r.recovery:2:1: header line over 64 KiB"},
		{"jobcanvas-recovery 1\n{\"path\":\"rel\",\"saved\":\"2026-08-20T10:00:00Z\"}\n", `r.recovery:2:1: header: path "rel" is not an absolute path`},
		{"jobcanvas-recovery 1\n{\"path\":\"\"}\n", "r.recovery:2:1: header: no time of saving"},
		{"jobcanvas-recovery 1\n{\"saved\":\"2026-08-20T10:00:00Z\",\"base\":{\"sha256\":\"zz\"}}\n", "r.recovery:2:1: header: base: want a size and a SHA-256 in hex"},
		{"jobcanvas-recovery 1\n" + head + "\n{\"format\": \"jobcanvas\", \"version\": 1,\n\"id\": 5}", "r.recovery:4:7: id: want a UUID string, got a number"},
	} {
		_, _, err := decodeRecovery([]byte(tt.data), "r.recovery")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%.40q: got %v, want %q", tt.data, err, tt.want)
		}
	}
	if _, _, err := decodeRecovery([]byte("jobcanvas-recovery 1\n"+head+"\n"+body), "r.recovery"); err != nil {
		t.Errorf("a good file: %v", err)
	}
}

func TestStampChangedOnDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.jobcanvas")
	if changed, _, err := ChangedOnDisk(path, Stamp{}); changed || err != nil {
		t.Errorf("never saved: %v, %v", changed, err)
	}
	st, err := SaveStamped(path, genProject(1, 5))
	if err != nil {
		t.Fatal(err)
	}
	_, loaded, err := LoadStamped(path)
	if err != nil || loaded != st {
		t.Fatalf("stamps of save %+v and load %+v differ (%v)", st, loaded, err)
	}
	if changed, _, err := ChangedOnDisk(path, st); changed || err != nil {
		t.Errorf("unchanged file: %v, %v", changed, err)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later) // touched, same content: not a change
	if changed, _, _ := ChangedOnDisk(path, st); changed {
		t.Error("a touched file counts as changed")
	}
	if err := Save(path, genProject(2, 5)); err != nil { // someone else's save
		t.Fatal(err)
	}
	changed, now, err := ChangedOnDisk(path, st)
	if !changed || err != nil || now.Sum == st.Sum {
		t.Errorf("changed file: %v, %v", changed, err)
	}
	os.Remove(path)
	if changed, _, err := ChangedOnDisk(path, st); changed || err != nil {
		t.Errorf("deleted file: %v, %v (saving puts it back)", changed, err)
	}
}
