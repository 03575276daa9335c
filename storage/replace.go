package storage

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// How a file is replaced (Save, WriteFile, Batch, recovery files):
//
//  1. locate: the file to replace, following symbolic links only where the
//     user named the path; it must be a regular file the user may write.
//  2. prepare: the new content goes to .NAME.RANDOM.tmp beside it, created
//     with O_EXCL (so never through a link) and flushed to disk; the
//     previous content is linked (or copied) to .NAME.bak.RANDOM.tmp.
//  3. commit: the new file is renamed over the old one. A rename replaces
//     whatever is at the name, a link included, and never writes through
//     it.
//  4. finish: the previous content becomes NAME.bak, or goes.
//
// A failure before 4 removes what 2 made; a failure in 4 puts the old
// file back. The .bak is never touched before the new file is in place.

const (
	tempExt = ".tmp"
	// maxName is the longest file name most file systems take, in bytes.
	maxName = 255
	// asideInfix marks the temporary name of the previous content.
	asideInfix = "bak."
	// maxLinks is how many symbolic links a path may go through, as the
	// kernel allows (ELOOP).
	maxLinks = 40
)

// staleAge is how old a temporary file is before the next save of the
// same file takes it for the leftover of a save that was killed or lost
// power rather than one under way: a save takes seconds. A variable for
// tests.
var staleAge = 10 * time.Minute

// randomLen is the length of rand.Text, the random part of temporary names.
var randomLen = len(rand.Text())

// tempPrefix starts the names of the temporary files of the file called
// base: "." and base, cut so that the longest of them fits in a file name
// (a name of 250 bytes, 80 Chinese characters, can be saved).
func tempPrefix(base string) string {
	return "." + cutName(base, maxName-len("..")-len(asideInfix)-randomLen-len(tempExt)) + "."
}

// backupName is the name of base's backup: base+".bak", cut to fit in a
// file name when base is long.
func backupName(base string) string {
	return cutName(base, maxName-len(BackupSuffix)) + BackupSuffix
}

// cutName is s cut to at most n bytes, at the start of a character.
func cutName(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isTempName reports whether name is a temporary file of a file whose
// names start with prefix: prefix, "bak." or not, a random part (ours, or
// the digits of os.CreateTemp that earlier versions used), and ".tmp".
func isTempName(name, prefix string) bool {
	mid, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return false
	}
	if mid, ok = strings.CutSuffix(mid, tempExt); !ok {
		return false
	}
	mid = strings.TrimPrefix(mid, asideInfix)
	if len(mid) == randomLen && strings.Trim(mid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == "" {
		return true
	}
	return len(mid) > 0 && len(mid) <= 10 && strings.Trim(mid, "0123456789") == ""
}

// lastSwept is when removeStale last looked in a folder for a prefix.
var lastSwept struct {
	sync.Mutex
	at map[string]time.Time
}

// removeStale removes the temporary files in dir that saves of the file
// with the given prefix left when they were killed: ours, regular, and not
// changed for staleAge (not those of a save under way in another process).
// Reading a folder of 10,000 files takes milliseconds, more than the rest
// of a small save: it looks at most once per staleAge for each file, as
// nothing younger would be removed anyway.
func removeStale(dir, prefix string) {
	key := dir + "\x00" + prefix
	lastSwept.Lock()
	if time.Since(lastSwept.at[key]) < staleAge {
		lastSwept.Unlock()
		return
	}
	if lastSwept.at == nil {
		lastSwept.at = map[string]time.Time{}
	}
	lastSwept.at[key] = time.Now()
	lastSwept.Unlock()

	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, name := range names {
		if !isTempName(name, prefix) {
			continue
		}
		path := filepath.Join(dir, name)
		fi, err := os.Lstat(path)
		if err == nil && fi.Mode().IsRegular() && mine(fi) && time.Since(changed(fi)) > staleAge {
			os.Remove(path)
		}
	}
}

// replacement is one file being replaced, between prepare and finish.
type replacement struct {
	fsys   fileSystem
	path   string      // as the caller named it, for messages
	target string      // the file replaced: path, or where its links lead
	old    fs.FileInfo // the file replaced; nil when there is none yet
	tmp    string      // the new content
	aside  string      // the previous content, beside it; "" when none is kept
	done   bool        // tmp has replaced target
}

// locate finds the file that a write to path replaces: path itself or,
// with follow, where its symbolic links lead (a dangling link leads to a
// file to be made). It checks that the file may be replaced: a regular
// file, not read-only, in a folder that exists. old is nil when there is
// no file yet.
func locate(fsys fileSystem, path string, follow bool) (target string, old fs.FileInfo, err error) {
	target = path
	var fi fs.FileInfo
	for n := 0; ; n++ {
		fi, err = fsys.Lstat(target)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			break
		}
		if !follow {
			return "", nil, &FileError{File: path, Err: ErrSymlink,
				Msg: "not saved: is a symbolic link, and a file Jobcanvas names is never written through one: remove the link or choose another folder"}
		}
		if n == maxLinks {
			return "", nil, &FileError{File: path, Err: fs.ErrInvalid, Msg: "not saved: too many levels of symbolic links"}
		}
		dest, err := fsys.Readlink(target)
		if err != nil {
			return "", nil, ioError(path, "not saved", err)
		}
		if !filepath.IsAbs(dest) {
			// Relative to the link's real folder: ".." in dest climbs
			// out of that, not out of a linked folder on the way.
			dir := filepath.Dir(target)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			dest = filepath.Join(dir, dest)
		}
		target = dest
	}
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return "", nil, &FileError{File: path, Msg: "not saved: " + notRegularError{fi.Mode()}.Error(), Err: notRegularError{fi.Mode()}}
	case err == nil && readOnly(target, fi):
		return "", nil, &FileError{File: path, Err: ErrReadOnly,
			Msg: "not saved: the file is read-only (make it writable, or save a copy under another name)"}
	case err == nil:
		return target, fi, nil
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		if fi, err := fsys.Stat(dir); err == nil && fi.IsDir() {
			return target, nil, nil
		}
		msg := "not saved: folder " + dir + " does not exist"
		if target != path {
			msg = fmt.Sprintf("not saved: is a symbolic link to %s, in a folder that does not exist", target)
		}
		return "", nil, &FileError{File: path, Msg: msg, Err: fs.ErrNotExist}
	default:
		return "", nil, ioError(path, "not saved", err)
	}
}

// CanReplace reports why a write to path would be refused (a link not to
// be followed, a read-only file, not a regular file, no such folder), or
// nil: for checks made before any work, such as drawing an export.
func CanReplace(path string, followLink bool) error {
	_, _, err := locate(osFS{}, path, followLink)
	return err
}

// prepare writes data beside the file that path names and, with keepOld,
// sets the previous content aside, ready to be committed.
func prepare(fsys fileSystem, path string, data []byte, follow, keepOld bool) (*replacement, error) {
	target, old, err := locate(fsys, path, follow)
	if err != nil {
		return nil, err
	}
	r := &replacement{fsys: fsys, path: path, target: target, old: old}
	dir, prefix := filepath.Dir(target), tempPrefix(filepath.Base(target))
	removeStale(dir, prefix)
	perm := fs.FileMode(newFilePerm)
	if old != nil {
		perm = 0o600 // until it has the old file's owner and permissions
	}
	tmp, err := fsys.CreateTemp(dir, prefix, perm)
	if err != nil {
		return nil, ioError(path, "not saved: cannot create a temporary file", err)
	}
	r.tmp = tmp.Name()
	if doing, err := fill(tmp, bytes.NewReader(data), old); err != nil {
		fsys.Remove(r.tmp)
		return nil, ioError(path, "not saved: "+doing, err)
	}
	if old != nil && keepOld {
		if r.aside, err = r.setAside(dir, prefix); err != nil {
			fsys.Remove(r.tmp)
			return nil, ioError(path, "not saved: cannot keep a backup of the previous version", err)
		}
	}
	return r, nil
}

// fill writes src to tmp, gives it the owner and permissions of old (nil
// for a new file, which keeps what the umask gave it), flushes it and
// closes it. doing says what failed.
func fill(tmp tempFile, src io.Reader, old fs.FileInfo) (doing string, err error) {
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return "cannot write", err
	}
	if old != nil {
		keepOwner(tmp, old) // first: a change of owner may clear mode bits
		if err := tmp.Chmod(old.Mode().Perm()); err != nil {
			tmp.Close()
			return "cannot set permissions", err
		}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "cannot flush to disk", err
	}
	if err := tmp.Close(); err != nil {
		return "cannot write", err
	}
	return "", nil
}

// setAside keeps the previous content under a temporary name. A hard link
// costs nothing and leaves the file as it is; but in a sticky folder
// (/tmp) a link to another user's file could not be removed again, on
// Windows neither could a link to a file another program holds open, and
// some file systems (FAT, network drives) have no links: then it is
// copied.
func (r *replacement) setAside(dir, prefix string) (string, error) {
	if mayUnlink(r.old) {
		name := filepath.Join(dir, prefix+asideInfix+rand.Text()+tempExt)
		if err := r.fsys.Link(r.target, name); err == nil {
			return name, nil
		}
	}
	src, err := r.fsys.Open(r.target)
	if err != nil {
		return "", err
	}
	defer src.Close()
	tmp, err := r.fsys.CreateTemp(dir, prefix+asideInfix, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := fill(tmp, src, r.old); err != nil {
		r.fsys.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// commit puts the new content in place. When that fails, what prepare
// made is removed and the old file is as it was.
func (r *replacement) commit() error {
	if err := rename(r.fsys, r.tmp, r.target); err != nil {
		r.abort()
		if errInUse(err) {
			return &FileError{File: r.path, Err: err, Msg: "not saved: the file stayed in use, " + inUseAdvice}
		}
		doing := "not saved: cannot replace the file"
		if r.old != nil && stickyOther(filepath.Dir(r.target), r.old) {
			doing += ", which belongs to another user in a folder where only a file's owner may replace it"
		}
		return ioError(r.path, doing, err)
	}
	r.done = true
	return nil
}

// abort removes what prepare made, before commit.
func (r *replacement) abort() {
	if !r.done {
		r.fsys.Remove(r.tmp)
	}
	if r.aside != "" {
		r.fsys.Remove(r.aside)
	}
}

// rollback puts the previous file back after commit, or removes the new
// one where there was none.
func (r *replacement) rollback() error {
	if r.aside != "" {
		return rename(r.fsys, r.aside, r.target)
	}
	return r.fsys.Remove(r.target)
}

// finish, after commit, makes the previous content the backup (when
// backup is set) or removes it, and flushes the folder. When the backup
// cannot be made the old file is put back: a save either keeps the
// previous version or does not happen.
func (r *replacement) finish(backup bool) error {
	dir := filepath.Dir(r.target)
	if r.aside != "" && backup {
		bak := filepath.Join(dir, backupName(filepath.Base(r.target)))
		if err := rename(r.fsys, r.aside, bak); err != nil {
			if r.rollback() == nil {
				if errInUse(err) {
					return &FileError{File: r.path, Err: err, Msg: "not saved: its backup " + filepath.Base(bak) + " stayed in use, " + inUseAdvice}
				}
				return ioError(r.path, "not saved: cannot keep a backup of the previous version", err)
			}
			r.fsys.Remove(r.aside)
			return ioError(r.path, "saved, but the previous version could not be kept as a backup", err)
		}
	} else if r.aside != "" {
		r.fsys.Remove(r.aside)
	}
	if err := r.fsys.SyncDir(dir); err != nil {
		// The new content is in place; only its durability is in doubt.
		return ioError(r.path, "saved, but the folder could not be flushed to disk", err)
	}
	return nil
}

// checkRegular hands back f, just opened from path, with its file info if
// it is a regular file, and closes it otherwise: a FIFO or a device must
// never be read or written as a project.
func checkRegular(f *os.File, path string) (*os.File, fs.FileInfo, error) {
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: path, Err: notRegularError{fi.Mode()}}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
