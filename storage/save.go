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

// newFilePerm is the permission a new file is created with, less the
// umask (so 0644 under the usual umask 022, 0600 under 077); an existing
// file keeps its own.
const newFilePerm = 0o666

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
func readLimited(path string, limit int64) ([]byte, time.Time, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, time.Time{}, ioError(path, "cannot open", err)
	}
	defer f.Close()
	size, modTime := fi.Size(), fi.ModTime()
	if size > limit {
		return nil, time.Time{}, tooLarge(path, size)
	}
	buf := make([]byte, 0, max(size, 512)+1)
	data, err := readAll(io.LimitReader(f, limit+1), buf)
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

// notRegularError is the error of opening something other than a regular
// file (a folder, a named pipe, a device) where a file is read or written.
type notRegularError struct{ mode fs.FileMode }

func (e notRegularError) Error() string {
	kind := ""
	switch t := e.mode.Type(); {
	case t&fs.ModeDir != 0:
		kind = "a folder"
	case t&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case t&fs.ModeSocket != 0:
		kind = "a socket"
	case t&fs.ModeDevice != 0:
		kind = "a device"
	}
	if kind == "" {
		return "not a regular file"
	}
	return "not a regular file (" + kind + ")"
}

// Is makes errors.Is(err, fs.ErrInvalid) true, as it was before the kind
// of file was named.
func (notRegularError) Is(target error) bool { return target == fs.ErrInvalid }

// Save writes p to path so that the file always holds either the old
// project or the new one, whole, even if the machine stops half way: the
// new content goes to a temporary file in the same folder and is flushed
// to disk before it replaces the old file, whose content then becomes
// path+".bak". When anything fails the folder is left as it was (the file,
// its backup, no temporary file) and the error says why.
//
// A symbolic link at path is followed, so the link stays a link; a link to
// a file not there yet makes that file. An existing file keeps its
// permission bits and, as far as the process may, its owner and group; a
// new one gets 0666 less the umask. A read-only file is refused with an
// error that wraps ErrReadOnly.
func Save(path string, p *canvas.Project) error {
	_, err := SaveStamped(path, p)
	return err
}

// fileSystem is what writing a file needs of the operating system. It
// exists so that tests can make each step fail (a full disk, a failing
// flush, a refused rename): as root, a read-only folder blocks nothing.
type fileSystem interface {
	Stat(name string) (fs.FileInfo, error)
	Lstat(name string) (fs.FileInfo, error)
	Readlink(name string) (string, error)
	// CreateTemp creates a new file in dir named prefix, a random part
	// and ".tmp", with perm less the umask, open for writing.
	CreateTemp(dir, prefix string, perm fs.FileMode) (tempFile, error)
	Open(name string) (io.ReadCloser, error)
	Link(oldname, newname string) error
	Rename(oldname, newname string) error
	Remove(name string) error
	SyncDir(dir string) error
	MkdirAll(dir string, perm fs.FileMode) error
}

// tempFile is the part of *os.File that writing a file uses.
type tempFile interface {
	io.Writer
	Name() string
	Stat() (fs.FileInfo, error)
	Chmod(fs.FileMode) error
	Chown(uid, gid int) error
	Sync() error
	Close() error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error)  { return os.Stat(name) }
func (osFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }
func (osFS) Readlink(name string) (string, error)   { return os.Readlink(name) }
func (osFS) Link(oldname, newname string) error     { return os.Link(oldname, newname) }
func (osFS) Rename(oldname, newname string) error   { return os.Rename(oldname, newname) }
func (osFS) Remove(name string) error               { return os.Remove(name) }
func (osFS) MkdirAll(dir string, perm fs.FileMode) error {
	return os.MkdirAll(dir, perm)
}

// Open opens only a regular file: the backup copies the file being
// replaced, which a named pipe put there meanwhile must not hang.
func (osFS) Open(name string) (io.ReadCloser, error) {
	f, _, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// CreateTemp is os.CreateTemp with a permission: os.CreateTemp's 0600
// would make every new file private, whatever the umask says.
func (osFS) CreateTemp(dir, prefix string, perm fs.FileMode) (tempFile, error) {
	for try := 0; ; try++ {
		f, err := os.OpenFile(filepath.Join(dir, prefix+rand.Text()+tempExt), os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 3 {
			continue
		}
		if err != nil {
			return nil, err
		}
		return f, nil
	}
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
// anything fails the file is left as it was. A symbolic link at path is
// followed, as by Save: path is a name the user gave. Names the program
// makes up go through a Batch, which can refuse to follow links.
func WriteFile(path string, data []byte) error {
	return replaceFile(osFS{}, path, data, false, true)
}

// writeFile replaces the file at path with data atomically and durably,
// keeping the previous content as path+BackupSuffix.
func writeFile(fsys fileSystem, path string, data []byte) error {
	return replaceFile(fsys, path, data, true, true)
}

// replaceFile replaces the file at path with data atomically and durably;
// with keepBackup, the previous content stays as path+BackupSuffix; with
// follow, a symbolic link at path is followed, otherwise refused.
func replaceFile(fsys fileSystem, path string, data []byte, keepBackup, follow bool) error {
	r, err := prepare(fsys, path, data, follow, keepBackup)
	if err != nil {
		return err
	}
	if err := r.commit(); err != nil {
		return err
	}
	return r.finish(keepBackup)
}
