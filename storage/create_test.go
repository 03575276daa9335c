package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	p := genProject(3, 20)
	path := filepath.Join(dir, "new.jobcanvas")
	if err := Create(path, p); err != nil {
		t.Fatal(err)
	}
	want, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("the file holds %d bytes (%v), want the project's %d", len(got), err, len(want))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the file alone (no temporary file, no backup)", len(entries))
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("mode %v, %v", fi.Mode(), err)
	}
}

// Whatever is at the name stays as it is: a file, a folder, a link that
// leads nowhere (a write through it would make its target).
func TestCreateRefusesWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	p := genProject(4, 5)
	file := filepath.Join(dir, "file.jobcanvas")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.jobcanvas")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "target.jobcanvas")
	dangling := filepath.Join(dir, "dangling.jobcanvas")
	if err := os.Symlink(target, dangling); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, what string }{
		{file, "a file"}, {folder, "a folder"}, {dangling, "a symbolic link"},
	} {
		err := Create(c.path, p)
		if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), c.what) || !strings.HasPrefix(err.Error(), c.path+": ") {
			t.Errorf("%s: err %v, want fs.ErrExist naming the path and %s", filepath.Base(c.path), err, c.what)
		}
	}
	if data, _ := os.ReadFile(file); string(data) != "old" {
		t.Errorf("the file changed: %q", data)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the link's target was made")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the folder holds %d entries, want the 3 that were there", len(entries))
	}
}

func TestCreateInMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "x.jobcanvas")
	if err := Create(path, genProject(5, 1)); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("err %v", err)
	}
}

// When the name is taken between the look and the link, the link fails
// and nothing is overwritten: the check is not what keeps the file safe.
func TestCreateLosesRaceSafely(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "race.jobcanvas")
	fsys := &racingFS{osFS: osFS{}, path: path}
	if err := createFile(fsys, path, []byte("new"), newFilePerm); !errors.Is(err, fs.ErrExist) {
		t.Errorf("err %v, want fs.ErrExist", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "theirs" {
		t.Errorf("the file holds %q, want the other program's", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want theirs alone", len(entries))
	}
}

// racingFS writes path just before the link, as another program might.
type racingFS struct {
	osFS
	path string
}

func (r *racingFS) Link(oldname, newname string) error {
	if err := os.WriteFile(r.path, []byte("theirs"), 0o644); err != nil {
		return err
	}
	return r.osFS.Link(oldname, newname)
}
