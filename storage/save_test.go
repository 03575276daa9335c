package storage

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// faultFS is the real file system with faults injected: fail is asked
// before each operation and returns the error to fail it with, or nil.
type faultFS struct {
	osFS
	fail func(op, name string) error
}

func (f faultFS) check(op, name string) error {
	if f.fail == nil {
		return nil
	}
	return f.fail(op, name)
}

func (f faultFS) Stat(name string) (fs.FileInfo, error) {
	if err := f.check("stat", name); err != nil {
		return nil, err
	}
	return f.osFS.Stat(name)
}

// Lstat fails as Stat does: both ask about the file itself.
func (f faultFS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.check("stat", name); err != nil {
		return nil, err
	}
	return f.osFS.Lstat(name)
}

func (f faultFS) CreateTemp(dir, prefix string, perm fs.FileMode) (tempFile, error) {
	if err := f.check("createtemp", filepath.Join(dir, prefix)); err != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, prefix), Err: err}
	}
	t, err := f.osFS.CreateTemp(dir, prefix, perm)
	if err != nil {
		return nil, err
	}
	return faultFile{t.(*os.File), f}, nil
}

func (f faultFS) Open(name string) (io.ReadCloser, error) {
	if err := f.check("open", name); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.osFS.Open(name)
}

func (f faultFS) Link(oldname, newname string) error {
	if err := f.check("link", newname); err != nil {
		return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: err}
	}
	return f.osFS.Link(oldname, newname)
}

func (f faultFS) Rename(oldname, newname string) error {
	if err := f.check("rename", newname); err != nil {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: err}
	}
	return f.osFS.Rename(oldname, newname)
}

func (f faultFS) MkdirAll(dir string, perm fs.FileMode) error {
	if err := f.check("mkdirall", dir); err != nil {
		return &fs.PathError{Op: "mkdir", Path: dir, Err: err}
	}
	return f.osFS.MkdirAll(dir, perm)
}

func (f faultFS) SyncDir(dir string) error {
	if err := f.check("syncdir", dir); err != nil {
		return err
	}
	return f.osFS.SyncDir(dir)
}

type faultFile struct {
	*os.File
	fs faultFS
}

// Write fails half way, as a disk that fills up does.
func (f faultFile) Write(p []byte) (int, error) {
	if err := f.fs.check("write", f.Name()); err != nil {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: err}
	}
	return f.File.Write(p)
}

// ReadFrom goes through Write, so that io.Copy meets the faults too.
func (f faultFile) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{f}, r)
}

func (f faultFile) Chmod(m fs.FileMode) error {
	if err := f.fs.check("chmod", f.Name()); err != nil {
		return &fs.PathError{Op: "chmod", Path: f.Name(), Err: err}
	}
	return f.File.Chmod(m)
}

func (f faultFile) Sync() error {
	if err := f.fs.check("sync", f.Name()); err != nil {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: err}
	}
	return f.File.Sync()
}

func (f faultFile) Close() error {
	if err := f.fs.check("close", f.Name()); err != nil {
		f.File.Close()
		return &fs.PathError{Op: "close", Path: f.Name(), Err: err}
	}
	return f.File.Close()
}

// on fails operation op on names that contain part with err.
func on(op, part string, err error) func(string, string) error {
	return func(o, name string) error {
		if o == op && strings.Contains(filepath.Base(name), part) {
			return err
		}
		return nil
	}
}

// onName fails operation op on the file called base with err.
func onName(op, base string, err error) func(string, string) error {
	return func(o, name string) error {
		if o == op && filepath.Base(name) == base {
			return err
		}
		return nil
	}
}

// either fails where any of fs fails.
func either(fs ...func(string, string) error) func(string, string) error {
	return func(op, name string) error {
		for _, f := range fs {
			if err := f(op, name); err != nil {
				return err
			}
		}
		return nil
	}
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSaveAndLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	first, second := genProject(1, 30), genProject(2, 40)

	if err := Save(path, first); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas"}) {
		t.Errorf("after the first save: %v, want only the file (no backup of nothing)", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != newFilePerm&^umask() {
		t.Errorf("new file mode %v, want %v", fi.Mode().Perm(), newFilePerm&^umask())
	}
	firstBytes := readFile(t, path)
	if !bytes.Equal(firstBytes, mustEncode(t, first)) {
		t.Error("file is not Encode's output")
	}

	// An existing file keeps its permissions; the previous content goes
	// to the backup.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, second); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas", "p.jobcanvas.bak"}) {
		t.Errorf("after the second save: %v", got)
	}
	if !bytes.Equal(readFile(t, path+".bak"), firstBytes) {
		t.Error("backup does not hold the previous content")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after save %v, want 0600", fi.Mode().Perm())
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(mustEncode(t, loaded), mustEncode(t, second)) {
		t.Error("Load(Save(p)) differs from p")
	}

	// A third save replaces the backup with the second version.
	secondBytes := readFile(t, path)
	if err := Save(path, first); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, path+".bak"), secondBytes) {
		t.Error("backup not replaced by the previous version")
	}
}

func TestSaveFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.jobcanvas")
	link := filepath.Join(dir, "link.jobcanvas")
	if err := Save(real, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, real)
	if err := os.Symlink("real.jobcanvas", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Save(link, genProject(2, 5)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if !bytes.Equal(readFile(t, real+".bak"), old) {
		t.Error("backup not beside the real file")
	}
	if !bytes.Equal(readFile(t, real), mustEncode(t, genProject(2, 5))) {
		t.Error("real file not updated")
	}
}

func TestSaveInvalidProject(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)
	p := genProject(1, 5)
	p.Name = ""
	err := Save(path, p)
	if err == nil || err.Error() != path+": not saved: name: must not be empty" {
		t.Errorf("got %v", err)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Error("want a *ValidationError inside")
	}
	if !bytes.Equal(readFile(t, path), old) || len(dirNames(t, dir)) != 1 {
		t.Error("a refused save touched the folder")
	}
}

func TestSaveMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "p.jobcanvas")
	err := Save(path, genProject(1, 5))
	if err == nil || !errors.Is(err, fs.ErrNotExist) ||
		err.Error() != path+": not saved: folder "+filepath.Dir(path)+" does not exist" {
		t.Errorf("got %v", err)
	}
}

func TestSaveNotAFile(t *testing.T) {
	dir := t.TempDir()
	err := Save(dir, genProject(1, 5))
	if err == nil || err.Error() != dir+": not saved: not a regular file (a folder)" {
		t.Errorf("got %v", err)
	}
}

// TestSaveFaults fails each step of a save in turn: the old file must stay
// byte for byte, the temporary files must go, and the error must say why.
func TestSaveFaults(t *testing.T) {
	tests := []struct {
		name string
		fail func(op, name string) error
		want string // in the message
	}{
		{"disk full", on("write", ".tmp", syscall.ENOSPC), "not saved: cannot write: no space left on device"},
		{"flush fails", on("sync", ".tmp", syscall.EIO), "not saved: cannot flush to disk: input/output error"},
		{"close fails", on("close", ".tmp", syscall.EIO), "not saved: cannot write: input/output error"},
		{"permissions fail", on("chmod", ".tmp", syscall.EPERM), "not saved: cannot set permissions: operation not permitted"},
		{"cannot create the temporary file", on("createtemp", "", syscall.EACCES),
			"not saved: cannot create a temporary file: permission denied"},
		{"rename fails", onName("rename", "p.jobcanvas", syscall.EXDEV), "not saved: cannot replace the file: invalid cross-device link"},
		{"backup fails", either(on("link", ".bak", syscall.EPERM), onName("open", "p.jobcanvas", syscall.EACCES)),
			"not saved: cannot keep a backup of the previous version: permission denied"},
		{"backup rename fails", onName("rename", "p.jobcanvas.bak", syscall.EIO),
			"not saved: cannot keep a backup of the previous version: input/output error"},
		{"backup copy fails", either(on("link", ".bak", syscall.EPERM), on("write", ".bak", syscall.ENOSPC)),
			"not saved: cannot keep a backup of the previous version: no space left on device"},
		{"backup copy flush fails", either(on("link", ".bak", syscall.EPERM), on("sync", ".bak", syscall.EIO)),
			"not saved: cannot keep a backup of the previous version: input/output error"},
		{"cannot read the file", onName("stat", "p.jobcanvas", syscall.EACCES), "not saved: permission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "p.jobcanvas")
			if err := Save(path, genProject(1, 20)); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, 0o640); err != nil {
				t.Fatal(err)
			}
			old := readFile(t, path)

			p := genProject(2, 20)
			before := mustEncode(t, p)
			_, err := saveStamped(faultFS{fail: tt.fail}, path, p)
			if err == nil {
				t.Fatal("save succeeded despite the fault")
			}
			if !bytes.Equal(mustEncode(t, p), before) {
				t.Error("the project in memory changed")
			}
			if !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q, want %q in it", err, tt.want)
			}
			if !bytes.Equal(readFile(t, path), old) {
				t.Error("the old file changed")
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
				t.Errorf("the old file's mode changed to %v", fi.Mode().Perm())
			}
			for _, n := range dirNames(t, dir) {
				switch n {
				case "p.jobcanvas":
				case "p.jobcanvas.bak": // a finished backup is the old content
					if !bytes.Equal(readFile(t, filepath.Join(dir, n)), old) {
						t.Error("backup does not hold the old content")
					}
				default:
					t.Errorf("left behind: %s", n)
				}
			}
		})
	}
}

// TestSaveBackupByCopy: where hard links are refused (FAT, some network
// drives), the backup is a copy.
func TestSaveBackupByCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 20)); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)
	os.Chmod(path, 0o600)
	newData := mustEncode(t, genProject(2, 20))
	if err := writeFile(faultFS{fail: on("link", "", syscall.EPERM)}, path, newData); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, path+".bak"), old) || !bytes.Equal(readFile(t, path), newData) {
		t.Error("wrong content after a save with a copied backup")
	}
	if fi, _ := os.Stat(path + ".bak"); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want the file's 0600", fi.Mode().Perm())
	}
	if got := dirNames(t, dir); len(got) != 2 {
		t.Errorf("left behind: %v", got)
	}
}

// TestSaveDirSyncFails: the rename has happened, so the new content is in
// place, but the caller hears that durability is in doubt.
func TestSaveDirSyncFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	newData := mustEncode(t, genProject(2, 20))
	err := writeFile(faultFS{fail: on("syncdir", "", syscall.EIO)}, path, newData)
	if err == nil || !strings.Contains(err.Error(), "saved, but the folder could not be flushed to disk: input/output error") {
		t.Errorf("got %v", err)
	}
	if !bytes.Equal(readFile(t, path), newData) {
		t.Error("new content not in place")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.jobcanvas")
	_, err := Load(missing)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != missing+": cannot open: no such file or directory" {
		t.Errorf("missing file: got %v", err)
	}

	// 80 MiB, sparse: refused from its size, without reading it.
	big := filepath.Join(dir, "big.jobcanvas")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(80 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(big)
	if !errors.Is(err, ErrTooLarge) || err.Error() != big+": file is 80 MiB, the limit is 64 MiB" {
		t.Errorf("large file: got %v", err)
	}

	_, err = Load(dir)
	if err == nil || !strings.HasPrefix(err.Error(), dir+": ") {
		t.Errorf("folder: got %v", err)
	}

	bad := filepath.Join(dir, "bad.jobcanvas")
	os.WriteFile(bad, []byte(`{"format": "jobcanvas", "version": 1,`+"\n"+`"id": 5}`), 0o644)
	if _, err := Load(bad); err == nil || err.Error() != bad+":2:7: id: want a UUID string, got a number" {
		t.Errorf("bad file: got %v", err)
	}
}
