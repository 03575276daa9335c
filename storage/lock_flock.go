//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package storage

import (
	"errors"
	"os"
	"syscall"
)

// lockNonBlocking takes flock(2)'s exclusive lock. It belongs to the open
// file, not the process: a second open of the same file, in this process
// or another, cannot take it, which is what tells two windows apart.
func lockNonBlocking(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLocked
	}
	return err
}
