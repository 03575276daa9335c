//go:build unix

package storage

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// openRegular opens path for reading only if it is a regular file. The
// open itself must not wait: a named pipe blocks an ordinary open until
// someone writes to it, so it is opened non-blocking and checked from the
// open file (no window between the check and the open). Reads of a regular
// file never block, so the flag changes nothing after that.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	return checkRegular(f, path)
}

// readOnly reports whether the file at path, described by fi, is one the
// user cannot or should not write: no write permission for this process,
// a read-only file system, or no write bit for anyone. The last one is for
// root, whom access(2) lets write anything: a file made read-only is a
// decision its owner made, and vim, git and others respect it too.
func readOnly(path string, fi fs.FileInfo) bool {
	if fi.Mode().Perm()&0o222 == 0 {
		return true
	}
	err := unix.Access(path, unix.W_OK)
	return errors.Is(err, unix.EACCES) || errors.Is(err, unix.EPERM) || errors.Is(err, unix.EROFS)
}

// keepOwner gives f, a new file standing in for the file described by
// old, old's owner and group where this process may: root may give it
// both, a member of old's group may give it the group, and otherwise it
// stays the creator's, which the kernel allows no one to avoid.
func keepOwner(f tempFile, old fs.FileInfo) {
	want, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	cur, err := f.Stat()
	if err != nil {
		return
	}
	have, ok := cur.Sys().(*syscall.Stat_t)
	if !ok || (have.Uid == want.Uid && have.Gid == want.Gid) {
		return
	}
	if f.Chown(int(want.Uid), int(want.Gid)) != nil && have.Gid != want.Gid {
		f.Chown(-1, int(want.Gid))
	}
}

// mine reports whether this process owns the file described by fi.
func mine(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}

// mayUnlink reports whether this process may remove a link to the file
// described by fi from any folder it may write, a sticky one included: it
// owns the file, or is root.
func mayUnlink(fi fs.FileInfo) bool { return mine(fi) || os.Geteuid() == 0 }

// stickyOther reports whether dir is a sticky folder (such as /tmp) in
// which only the owner of the file described by fi may replace it, and
// this process is not that owner.
func stickyOther(dir string, fi fs.FileInfo) bool {
	d, err := os.Stat(dir)
	if err != nil || d.Mode()&fs.ModeSticky == 0 || mayUnlink(fi) {
		return false
	}
	st, ok := d.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) != os.Geteuid()
}
