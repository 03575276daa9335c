//go:build unix

package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobcanvas/jobcanvas/storage/testuser"
)

// within runs f and fails the test when it has not returned after a few
// seconds: opening a named pipe the ordinary way waits for ever.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still waiting after 5 s", what)
	}
}

func TestLoadRefusesNamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.jobcanvas")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func() error{
		"Load":      func() error { _, err := Load(path); return err },
		"ReadStamp": func() error { _, err := ReadStamp(path); return err },
	} {
		var err error
		within(t, name, func() { err = load() })
		if err == nil || err.Error() != path+": cannot open: not a regular file (a named pipe)" {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

// A named pipe in the recovery folder is no recovery file, and does not
// hang the start-up.
func TestOrphansSkipNamedPipes(t *testing.T) {
	dir := t.TempDir()
	s := mustStart(t, dir, "/w/p.jobcanvas")
	if err := s.Write(genProject(1, 5), Stamp{}); err != nil {
		t.Fatal(err)
	}
	crash(t, s)
	for _, name := range []string{"fifo" + RecoveryExt, "fifo" + lockExt, ".fifo" + RecoveryExt + ".123.tmp"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var got []RecoveryInfo
	within(t, "Orphans", func() { got = orphans(t, dir) })
	if len(got) != 1 || got[0].File != s.File() || got[0].Err != nil {
		t.Errorf("orphans: %+v", got)
	}
	within(t, "StartSession", func() { mustStart(t, dir, "/w/q.jobcanvas") })
}

// New files get 0666 less the umask: private under umask 077.
func TestNewFilesRespectUmask(t *testing.T) {
	for _, mask := range []os.FileMode{0o077, 0o002} {
		old := setUmask(mask)
		dir := t.TempDir()
		save, write, batch := filepath.Join(dir, "p.jobcanvas"), filepath.Join(dir, "w.png"), filepath.Join(dir, "b.png")
		err := Save(save, genProject(1, 5))
		if err == nil {
			err = WriteFile(write, []byte("x"))
		}
		if err == nil {
			b := NewBatch()
			if err = b.Add(batch, []byte("x"), false); err == nil {
				err = b.Commit()
			}
		}
		setUmask(old)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{save, write, batch} {
			if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o666&^mask {
				t.Errorf("umask %03o: %s is %v, want %v", mask, filepath.Base(p), fi.Mode().Perm(), 0o666&^mask)
			}
		}
	}
}

// Root saving another user's file leaves it that user's, and its mode
// too, so that its owner can still open it.
func TestSaveKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user takes root (CI runs as root)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 4242, 4343); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, genProject(2, 5)); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 4242 || st.Gid != 4343 || fi.Mode().Perm() != 0o600 {
		t.Errorf("after root's save: %d:%d %v, want 4242:4343 -rw-------", st.Uid, st.Gid, fi.Mode().Perm())
	}
}

// A file the user may not write is refused even where the folder would
// let the save replace it (a rename needs only the folder's permission).
func TestSaveRefusesFileUserCannotWrite(t *testing.T) {
	data := mustEncode(t, genProject(1, 5))
	dir, ok := testuser.Run(t, func(dir string, u testuser.User) {
		// Root's file, in the user's folder; a normal user makes the
		// nearest thing, a file of its own without write permission.
		path := filepath.Join(dir, "p.jobcanvas")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if os.Geteuid() != 0 {
			os.Chmod(path, 0o444)
		}
	})
	if !ok {
		return
	}
	path := filepath.Join(dir, "p.jobcanvas")
	err := Save(path, genProject(2, 5))
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "not saved: the file is read-only") {
		t.Errorf("got %v", err)
	}
	if !bytes.Equal(readFile(t, path), data) || len(dirNames(t, dir)) != 1 {
		t.Error("a refused save touched the folder")
	}
}

// A save that was killed left temporary files: the next save of the same
// file removes them, but not another save's (too new), nor what is not
// ours, nor what only looks like one.
func TestSaveRemovesStaleTemporaryFiles(t *testing.T) {
	defer func(age time.Duration) { staleAge = age }(staleAge)
	staleAge = time.Second
	notOurs := ".p.jobcanvas.bak.ABCDEFGHIJKLMNOPQRSTUVWXYZ.tmp"
	dir, ok := testuser.Run(t, func(dir string, u testuser.User) {
		if os.Geteuid() == 0 { // root's, in the user's folder
			os.WriteFile(filepath.Join(dir, notOurs), []byte("x"), 0o644)
		}
	})
	if !ok {
		return
	}
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half a save"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stale := []string{".p.jobcanvas.1234567890.tmp", ".p.jobcanvas.bak.987.tmp",
		".p.jobcanvas.Q2FHXMZ7RJYW3PWNDLEKGKJB5Y.tmp", ".p.jobcanvas.bak.Q2FHXMZ7RJYW3PWNDLEKGKJB5Y.tmp"}
	kept := []string{".p.jobcanvas.notes.tmp", ".q.jobcanvas.123.tmp", "p.jobcanvas.123.tmp"}
	for _, name := range append(stale, kept...) {
		write(name)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, ".p.jobcanvas.55.tmp"), 0o600); err != nil {
		t.Fatal(err)
	}
	time.Sleep(staleAge + 100*time.Millisecond)
	fresh := ".p.jobcanvas.777.tmp" // a save under way elsewhere
	write(fresh)
	if err := Save(path, genProject(2, 5)); err != nil {
		t.Fatal(err)
	}
	want := append(kept, fresh, ".p.jobcanvas.55.tmp", "p.jobcanvas", "p.jobcanvas.bak")
	if os.Getenv("JOBCANVAS_TESTUSER_DIR") != "" {
		want = append(want, notOurs)
	}
	slices.Sort(want)
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("the folder holds %q,\nwant %q", got, want)
	}
}

// In a sticky folder (/tmp and the like) a user cannot replace another
// user's file, even one the user may write: the save fails, and leaves
// the folder as it was. (A hard link to the other user's file, for the
// backup, could not even be removed again.)
func TestSaveInStickyFolderLeavesNothing(t *testing.T) {
	data := mustEncode(t, genProject(1, 5))
	dir, ok := testuser.Run(t, func(dir string, u testuser.User) {
		if os.Geteuid() != 0 {
			t.Skip("another user's file in a sticky folder takes root to make (CI runs as root)")
		}
		shared := filepath.Join(dir, "shared")
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(os.Mkdir(shared, 0o777))
		must(os.Chmod(shared, 0o777|os.ModeSticky))
		for _, name := range []string{"p.jobcanvas", "p.jobcanvas.bak", "q.jobcanvas"} {
			must(os.WriteFile(filepath.Join(shared, name), data, 0o666))
			must(os.Chmod(filepath.Join(shared, name), 0o666))
		}
	})
	if !ok {
		return
	}
	shared := filepath.Join(dir, "shared")
	for _, name := range []string{"p.jobcanvas", "q.jobcanvas"} {
		err := Save(filepath.Join(shared, name), genProject(2, 5))
		if err == nil || !strings.Contains(err.Error(), "not saved: cannot replace the file, which belongs to another user") {
			t.Errorf("%s: got %v", name, err)
		}
	}
	if got := dirNames(t, shared); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak", "q.jobcanvas"}) {
		t.Errorf("the folder holds %v", got)
	}
	for _, name := range dirNames(t, shared) {
		if !bytes.Equal(readFile(t, filepath.Join(shared, name)), data) {
			t.Errorf("%s changed", name)
		}
	}
}
