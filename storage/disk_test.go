package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// A link someone planted at a name the program made up is never written
// through: the file it points to stays as it was, and so does the link.
func TestBatchRefusesPlantedLink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "secret")
	if err := os.WriteFile(victim, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "p-board.png")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := CanReplace(link, false); !errors.Is(err, ErrSymlink) || !strings.HasPrefix(err.Error(), link+": not saved: is a symbolic link") {
		t.Errorf("CanReplace: %v", err)
	}
	b := NewBatch()
	err := b.Add(link, []byte("PNG"), false)
	if !errors.Is(err, ErrSymlink) {
		t.Errorf("Add: got %v, want ErrSymlink", err)
	}
	if got := readFile(t, victim); string(got) != "mine" {
		t.Errorf("the linked file now holds %q", got)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if got := dirNames(t, dir); len(got) != 2 {
		t.Errorf("left behind: %v", got)
	}
	// A name the user gave is followed, as Save follows it.
	b = NewBatch()
	if err := b.Add(link, []byte("PNG"), true); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, victim); string(got) != "PNG" {
		t.Errorf("a link the user named was not followed: %q", got)
	}
}

// A read-only file is refused, for root too, with an error the app can
// tell from others (to offer Save As).
func TestSaveRefusesReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := Save(path, genProject(2, 5))
	if !errors.Is(err, ErrReadOnly) ||
		err.Error() != path+": not saved: the file is read-only (make it writable, or save a copy under another name)" {
		t.Errorf("got %v", err)
	}
	if err := WriteFile(path, []byte("x")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("WriteFile: got %v", err)
	}
	if !bytes.Equal(readFile(t, path), old) || len(dirNames(t, dir)) != 1 {
		t.Error("a refused save touched the folder")
	}
}

// When the new file cannot be put in place, the backup of the version
// before is still there: the .bak changes only once the save is done.
func TestSaveFailureKeepsOldBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	for seed := range uint64(2) {
		if err := Save(path, genProject(seed+1, 5)); err != nil {
			t.Fatal(err)
		}
	}
	old, bak := readFile(t, path), readFile(t, path+BackupSuffix)
	for _, fail := range []func(string, string) error{
		onName("rename", "p.jobcanvas", syscall.EXDEV), // the new file cannot go in place
		onName("rename", "p.jobcanvas.bak", syscall.EIO),
	} {
		if err := writeFile(faultFS{fail: fail}, path, mustEncode(t, genProject(9, 5))); err == nil {
			t.Fatal("save succeeded despite the fault")
		}
		if !bytes.Equal(readFile(t, path), old) || !bytes.Equal(readFile(t, path+BackupSuffix), bak) {
			t.Error("a failed save changed the file or its backup")
		}
		if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak"}) {
			t.Errorf("left behind: %v", got)
		}
	}
}

// A name up to the longest a file system takes (255 bytes: 80 Chinese
// characters and the extension) can be saved, again and again.
func TestSaveLongNames(t *testing.T) {
	for _, name := range []string{
		strings.Repeat("名", 80) + ".jobcanvas",        // 250 bytes: NAME.bak fits
		strings.Repeat("名", 81) + "xx" + ".jobcanvas", // 255 bytes: NAME.bak is cut
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		for seed := range uint64(3) {
			if err := Save(path, genProject(seed+1, 5)); err != nil {
				t.Fatalf("%d bytes, save %d: %v", len(name), seed+1, err)
			}
		}
		bak := backupName(name)
		if len(bak) > 255 || !strings.HasSuffix(bak, BackupSuffix) {
			t.Errorf("backup name of %d bytes: %q", len(bak), bak)
		}
		want := []string{name, bak}
		slices.Sort(want)
		if got := dirNames(t, dir); !slices.Equal(got, want) {
			t.Errorf("%d bytes: the folder holds %q", len(name), got)
		}
		if !bytes.Equal(readFile(t, filepath.Join(dir, bak)), mustEncode(t, genProject(2, 5))) {
			t.Errorf("%d bytes: the backup does not hold the version before", len(name))
		}
	}
}

// A link to a file not there yet stays a link: saving makes the file it
// points to. One into a folder that does not exist is refused.
func TestSaveDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.jobcanvas")
	if err := os.Symlink("real.jobcanvas", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Save(link, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, "real.jobcanvas")), mustEncode(t, genProject(1, 5))) {
		t.Error("the file the link points to was not made")
	}

	nowhere := filepath.Join(dir, "nowhere.jobcanvas")
	gone := filepath.Join(dir, "gone", "x.jobcanvas")
	if err := os.Symlink(gone, nowhere); err != nil {
		t.Fatal(err)
	}
	err := Save(nowhere, genProject(1, 5))
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != nowhere+": not saved: is a symbolic link to "+gone+", in a folder that does not exist" {
		t.Errorf("got %v", err)
	}
	if fi, err := os.Lstat(nowhere); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the dangling link was replaced by a file")
	}
}

// A batch that fails leaves nothing: not when a file cannot be added,
// not when one cannot be put in place after others were (those are put
// back as they were).
func TestBatchAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png"), filepath.Join(dir, "c.png")
	if err := WriteFile(b, []byte("old b")); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if got := dirNames(t, dir); !slices.Equal(got, []string{"b.png"}) {
			t.Errorf("%s: the folder holds %v", when, got)
		}
		if got := readFile(t, b); string(got) != "old b" {
			t.Errorf("%s: b.png holds %q", when, got)
		}
	}

	batch := NewBatch()
	for _, p := range []string{a, b} {
		if err := batch.Add(p, []byte("new"), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Add(filepath.Join(dir, "no", "c.png"), []byte("new"), false); err == nil {
		t.Error("a file in a missing folder was added")
	}
	check("after a failed Add")
	if err := batch.Commit(); err != nil {
		t.Errorf("committing an aborted batch: %v", err)
	}
	check("after committing an aborted batch")

	batch = &Batch{fsys: faultFS{fail: onName("rename", "c.png", syscall.EIO)}}
	for _, p := range []string{a, b, c} {
		if err := batch.Add(p, []byte("new"), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Commit(); err == nil || !strings.HasPrefix(err.Error(), c+": not saved: cannot replace the file") {
		t.Errorf("got %v", err)
	}
	check("after a failed Commit")

	batch = NewBatch()
	for _, p := range []string{a, b} {
		if err := batch.Add(p, []byte("new "+filepath.Base(p)), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"a.png", "b.png"}) {
		t.Errorf("after a commit: %v", got)
	}
	if string(readFile(t, a)) != "new a.png" || string(readFile(t, b)) != "new b.png" {
		t.Error("wrong content after a commit")
	}
}
