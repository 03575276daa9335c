package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Create writes p to a new file at path, and refuses when anything is
// there already: a file, a folder, or a symbolic link, even one that leads
// nowhere (a write through it would make a file somewhere else). The
// refusal wraps fs.ErrExist and leaves what is there as it was.
//
// The check and the creation are one step: the content is written and
// flushed beside path first, then given the name with a hard link, which
// the system refuses if the name is taken meanwhile. So the file appears
// whole or not at all, and a file made by another program between a look
// and the write is never overwritten.
func Create(path string, p *canvas.Project) error {
	data, err := Encode(p)
	if err != nil {
		return &FileError{File: path, Msg: "not created: " + err.Error(), Err: err}
	}
	return createFile(osFS{}, path, data, newFilePerm)
}

// createFile puts data at path, a name nothing has yet, atomically and
// durably, with perm less the umask.
func createFile(fsys fileSystem, path string, data []byte, perm fs.FileMode) error {
	// Only for a clear message: the link below is what makes it safe.
	if fi, err := fsys.Lstat(path); err == nil {
		return existsError(path, fi)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return ioError(path, "not created", err)
	}
	dir := filepath.Dir(path)
	if fi, err := fsys.Stat(dir); err != nil || !fi.IsDir() {
		return &FileError{File: path, Msg: "not created: folder " + dir + " does not exist", Err: fs.ErrNotExist}
	}
	prefix := tempPrefix(filepath.Base(path))
	removeStale(dir, prefix)
	tmp, err := fsys.CreateTemp(dir, prefix, perm)
	if err != nil {
		return ioError(path, "not created: cannot create a temporary file", err)
	}
	name := tmp.Name()
	if doing, err := fill(tmp, bytes.NewReader(data), nil); err != nil {
		fsys.Remove(name)
		return ioError(path, "not created: "+doing, err)
	}
	err = fsys.Link(name, path)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// No hard links here (FAT, some network drives): take the name
		// with O_EXCL, which fails as the link would, then put the
		// content over that empty file of ours.
		err = reserveAndRename(fsys, name, path)
		name = "" // renamed, or removed by reserveAndRename
	}
	if name != "" {
		fsys.Remove(name)
	}
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fi, _ := fsys.Lstat(path)
			return existsError(path, fi)
		}
		return ioError(path, "not created", err)
	}
	if err := fsys.SyncDir(dir); err != nil {
		return ioError(path, "created, but the folder could not be flushed to disk", err)
	}
	return nil
}

// reserveAndRename creates path with O_EXCL and renames tmp over it; tmp
// is gone afterwards whatever happens.
func reserveAndRename(fsys fileSystem, tmp, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		fsys.Remove(tmp)
		return err
	}
	f.Close()
	if err := fsys.Rename(tmp, path); err != nil {
		fsys.Remove(tmp)
		fsys.Remove(path)
		return err
	}
	return nil
}

// existsError says what is at path already; fi is nil when it is not
// known (it went again after refusing the name).
func existsError(path string, fi fs.FileInfo) error {
	what := "a file"
	switch {
	case fi == nil:
		what = "something"
	case fi.Mode()&fs.ModeSymlink != 0:
		what = "a symbolic link"
	case fi.IsDir():
		what = "a folder"
	}
	return &FileError{File: path, Err: fs.ErrExist,
		Msg: "not created: " + what + " of that name exists, and is left as it is"}
}
