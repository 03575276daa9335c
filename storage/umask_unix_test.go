//go:build unix

package storage

import (
	"io/fs"
	"syscall"
)

// umask is the process's umask. Reading it means setting it: no test in
// this package runs in parallel, so nothing creates a file meanwhile.
func umask() fs.FileMode {
	m := syscall.Umask(0o022)
	syscall.Umask(m)
	return fs.FileMode(m)
}

// setUmask sets the umask and returns the one before.
func setUmask(m fs.FileMode) fs.FileMode { return fs.FileMode(syscall.Umask(int(m))) }
