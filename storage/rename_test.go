package storage

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// errBusy stands for Windows' sharing violation: the rename fails while
// another program has the file open.
var errBusy = errors.New("the process cannot access the file because it is being used by another process")

// busyRenames makes renames to the file called base fail with errBusy the
// first n times (always when n < 0), counting the attempts, and records
// the waits between them instead of waiting.
func busyRenames(t *testing.T, base string, n int) (fsys faultFS, attempts *int, waits *[]time.Duration) {
	t.Helper()
	attempts, waits = new(int), new([]time.Duration)
	oldInUse, oldSleep := renameInUse, sleep
	t.Cleanup(func() { renameInUse, sleep = oldInUse, oldSleep })
	renameInUse = func(err error) bool { return errors.Is(err, errBusy) }
	sleep = func(d time.Duration) { *waits = append(*waits, d) }
	fsys = faultFS{fail: func(op, name string) error {
		if op != "rename" || filepath.Base(name) != base {
			return nil
		}
		*attempts++
		if n < 0 || *attempts <= n {
			return errBusy
		}
		return nil
	}}
	return fsys, attempts, waits
}

// TestSaveRetriesWhileInUse: a file another program holds for a moment is
// replaced once it lets go, after short waits, and the save is whole.
func TestSaveRetriesWhileInUse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	first, second := genProject(1, 5), genProject(2, 8)
	if err := Save(path, first); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)
	want, err := Encode(second)
	if err != nil {
		t.Fatal(err)
	}
	fsys, attempts, waits := busyRenames(t, "p.jobcanvas", 3)
	if err := writeFile(fsys, path, want); err != nil {
		t.Fatalf("save after 3 refused renames: %v", err)
	}
	if *attempts != 4 {
		t.Errorf("%d attempts, want 4", *attempts)
	}
	if !slices.Equal(*waits, renameWaits[:3]) {
		t.Errorf("waited %v, want %v", *waits, renameWaits[:3])
	}
	if got := readFile(t, path); string(got) != string(want) {
		t.Error("the file does not hold the new project")
	}
	if got := readFile(t, path+BackupSuffix); string(got) != string(old) {
		t.Error("the backup does not hold the previous project")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak"}) {
		t.Errorf("folder holds %v", got)
	}
}

// TestSaveInUseFails: a file another program keeps open is not replaced:
// after about a second the save fails with ErrInUse, naming the file and
// saying why, and the folder is as it was.
func TestSaveInUseFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, genProject(2, 5)); err != nil { // a backup too
		t.Fatal(err)
	}
	old, oldBak := readFile(t, path), readFile(t, path+BackupSuffix)
	data, err := Encode(genProject(3, 9))
	if err != nil {
		t.Fatal(err)
	}
	fsys, attempts, waits := busyRenames(t, "p.jobcanvas", -1)
	err = writeFile(fsys, path, data)
	if !errors.Is(err, ErrInUse) || !errors.Is(err, errBusy) {
		t.Fatalf("error %v, want one wrapping ErrInUse and the system's error", err)
	}
	for _, want := range []string{path + ": not saved:", "another program", "may have it open", "save again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if *attempts != len(renameWaits)+1 {
		t.Errorf("%d attempts, want %d", *attempts, len(renameWaits)+1)
	}
	var total time.Duration
	for _, d := range *waits {
		total += d
	}
	if total < 900*time.Millisecond || total > 1100*time.Millisecond {
		t.Errorf("waited %v in all, want about a second", total)
	}
	if string(readFile(t, path)) != string(old) || string(readFile(t, path+BackupSuffix)) != string(oldBak) {
		t.Error("the file or its backup changed")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak"}) {
		t.Errorf("folder holds %v, want the file and its backup only", got)
	}
}

// TestSaveBackupInUse: when the old backup is the file held open, the new
// file is taken out again: the save fails whole, naming the backup.
func TestSaveBackupInUse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, genProject(2, 5)); err != nil {
		t.Fatal(err)
	}
	old, oldBak := readFile(t, path), readFile(t, path+BackupSuffix)
	data, err := Encode(genProject(3, 9))
	if err != nil {
		t.Fatal(err)
	}
	fsys, _, _ := busyRenames(t, "p.jobcanvas.bak", -1)
	err = writeFile(fsys, path, data)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "not saved: its backup p.jobcanvas.bak stayed in use") {
		t.Fatalf("error %v, want ErrInUse naming the backup", err)
	}
	if string(readFile(t, path)) != string(old) || string(readFile(t, path+BackupSuffix)) != string(oldBak) {
		t.Error("the file or its backup changed")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak"}) {
		t.Errorf("folder holds %v", got)
	}
}

// TestRenameOtherErrorsAtOnce: only a file in use is worth waiting for; a
// rename refused for another reason fails at the first attempt.
func TestRenameOtherErrorsAtOnce(t *testing.T) {
	dir := t.TempDir()
	_, attempts, waits := busyRenames(t, "none", 0)
	fsys := faultFS{fail: func(op, name string) error {
		if op == "rename" {
			*attempts++
			return syscall.EXDEV
		}
		return nil
	}}
	src := filepath.Join(dir, "a")
	if err := os.WriteFile(src, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := rename(fsys, src, filepath.Join(dir, "b"))
	if !errors.Is(err, syscall.EXDEV) || errors.Is(err, ErrInUse) {
		t.Errorf("error %v, want EXDEV and not ErrInUse", err)
	}
	if *attempts != 1 || len(*waits) != 0 {
		t.Errorf("%d attempts, waits %v; want one attempt and no wait", *attempts, *waits)
	}
}
