package storage

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// BackupSuffix is added to a project file's name for the copy of its
// previous content that Save keeps.
const BackupSuffix = ".bak"

// newFilePerm is the permission of a project file Save creates; an
// existing file keeps its own.
const newFilePerm = 0o644

// Load reads and decodes the project file at path. It reads at most
// MaxFileSize bytes, so a huge file is refused without being read whole.
func Load(path string) (*canvas.Project, error) {
	data, _, err := readLimited(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Decode(data, path)
}

// readLimited reads the file at path, refusing one over limit bytes without
// reading it whole, and returns its modification time too.
func readLimited(path string, limit int64) (data []byte, modTime time.Time, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, ioError(path, "cannot open", err)
	}
	defer f.Close()
	var size int64 = -1
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size, modTime = fi.Size(), fi.ModTime()
		if size > limit {
			return nil, time.Time{}, tooLarge(path, size)
		}
	}
	buf := make([]byte, 0, max(size, 512)+1)
	data, err = readAll(io.LimitReader(f, limit+1), buf)
	if err != nil {
		return nil, time.Time{}, ioError(path, "cannot read", err)
	}
	if int64(len(data)) > limit {
		return nil, time.Time{}, &FileError{File: path, Err: ErrTooLarge,
			Msg: fmt.Sprintf("file is over %s, the limit", roundSize(limit))}
	}
	return data, modTime, nil
}

// readAll is io.ReadAll into a buffer sized from the file's size.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// ioError reports an operating system error on path with what we were
// doing, keeping the error for errors.Is (fs.ErrNotExist and the like).
func ioError(path, doing string, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error() // the path is already at the start
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		msg = le.Err.Error()
	}
	return &FileError{File: path, Msg: doing + ": " + msg, Err: err}
}

// Save writes p to path so that the file always holds either the old
// project or the new one, whole, even if the machine stops half way: the
// new content goes to a temporary file in the same folder, is flushed to
// disk, the previous file is kept as path+".bak", and only then does the
// temporary file replace the old one. When anything fails the old file is
// left as it was, the temporary file is removed and the error says why.
// An existing file keeps its permission bits; a symbolic link is followed,
// so the link stays a link.
func Save(path string, p *canvas.Project) error {
	_, err := SaveStamped(path, p)
	return err
}

// fileSystem is what writeFile needs of the operating system. It exists
// so that tests can make each step fail (a full disk, a failing flush, a
// refused rename): as root, a read-only folder blocks nothing.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	EvalSymlinks(name string) (string, error)
	CreateTemp(dir, pattern string) (tempFile, error)
	Open(name string) (io.ReadCloser, error)
	Link(oldname, newname string) error
	Rename(oldname, newname string) error
	Remove(name string) error
	SyncDir(dir string) error
	MkdirAll(dir string, perm fs.FileMode) error
}

// tempFile is the part of *os.File that writeFile uses.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error)    { return os.Stat(name) }
func (osFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }
func (osFS) Open(name string) (io.ReadCloser, error)  { return os.Open(name) }
func (osFS) Link(oldname, newname string) error       { return os.Link(oldname, newname) }
func (osFS) Rename(oldname, newname string) error     { return os.Rename(oldname, newname) }
func (osFS) Remove(name string) error                 { return os.Remove(name) }
func (osFS) MkdirAll(dir string, perm fs.FileMode) error {
	return os.MkdirAll(dir, perm)
}
func (osFS) CreateTemp(dir, pattern string) (tempFile, error) {
	return os.CreateTemp(dir, pattern)
}

// SyncDir flushes a folder, so that a rename in it survives a power cut.
// Windows cannot open a folder for that, and makes renames durable itself.
func (osFS) SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// WriteFile replaces the file at path with data as Save does, atomically
// and durably, but keeps no backup of the previous content: for files made
// from a project, such as exported images, that can be made again. When
// anything fails the file is left as it was.
func WriteFile(path string, data []byte) error {
	return replaceFile(osFS{}, path, data, false)
}

// writeFile replaces the file at path with data atomically and durably,
// keeping the previous content as path+BackupSuffix.
func writeFile(fsys fileSystem, path string, data []byte) error {
	return replaceFile(fsys, path, data, true)
}

// replaceFile replaces the file at path with data atomically and durably;
// with keepBackup, the previous content stays as path+BackupSuffix.
func replaceFile(fsys fileSystem, path string, data []byte, keepBackup bool) (err error) {
	target := path
	if real, err := fsys.EvalSymlinks(path); err == nil {
		target = real
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	perm := fs.FileMode(newFilePerm)
	exists := false
	switch fi, err := fsys.Stat(target); {
	case err == nil && !fi.Mode().IsRegular():
		return &FileError{File: path, Msg: "not saved: not a regular file", Err: fs.ErrInvalid}
	case err == nil:
		perm, exists = fi.Mode().Perm(), true
	case errors.Is(err, fs.ErrNotExist):
		if fi, err := fsys.Stat(dir); err != nil || !fi.IsDir() {
			return &FileError{File: path, Msg: fmt.Sprintf("not saved: folder %s does not exist", filepath.Clean(dir)), Err: fs.ErrNotExist}
		}
	default:
		return ioError(path, "not saved", err)
	}

	tmp, err := fsys.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return ioError(path, "not saved: cannot create a temporary file", err)
	}
	tmpName := tmp.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			fsys.Remove(tmpName)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return ioError(path, "not saved: cannot write", err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return ioError(path, "not saved: cannot set permissions", err)
	}
	if err := tmp.Sync(); err != nil {
		return ioError(path, "not saved: cannot flush to disk", err)
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return ioError(path, "not saved: cannot write", err)
	}
	if exists && keepBackup {
		if err := backup(fsys, target, dir, base, perm); err != nil {
			return ioError(path, "not saved: cannot keep a backup of the previous version", err)
		}
	}
	if err := fsys.Rename(tmpName, target); err != nil {
		return ioError(path, "not saved: cannot replace the file", err)
	}
	if err := fsys.SyncDir(dir); err != nil {
		// The new content is in place; only its durability is in doubt.
		return ioError(path, "saved, but the folder could not be flushed to disk", err)
	}
	return nil
}

// backup makes target+BackupSuffix hold target's content, replacing any
// older backup atomically. A hard link costs nothing and leaves target
// where it is; where links are not possible (FAT, some network drives) the
// content is copied.
func backup(fsys fileSystem, target, dir, base string, perm fs.FileMode) error {
	bak := target + BackupSuffix
	tmpName := filepath.Join(dir, "."+base+BackupSuffix+"."+rand.Text()+".tmp")
	if err := fsys.Link(target, tmpName); err == nil {
		if err := fsys.Rename(tmpName, bak); err != nil {
			fsys.Remove(tmpName)
			return err
		}
		return nil
	}
	return copyFile(fsys, target, dir, base, bak, perm)
}

func copyFile(fsys fileSystem, from, dir, base, to string, perm fs.FileMode) (err error) {
	src, err := fsys.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp, err := fsys.CreateTemp(dir, "."+base+BackupSuffix+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			fsys.Remove(tmp.Name())
		}
	}()
	if _, err := io.Copy(tmp, src); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return fsys.Rename(tmp.Name(), to)
}
