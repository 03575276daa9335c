//go:build !unix

package storage

import (
	"io/fs"
	"os"
)

// openRegular opens path for reading only if it is a regular file.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return checkRegular(f, path)
}

// readOnly reports whether the file is read-only: on Windows, its
// read-only attribute, which Go shows as no write bits.
func readOnly(_ string, fi fs.FileInfo) bool { return fi.Mode().Perm()&0o222 == 0 }

// keepOwner does nothing here: a new file takes its folder's permissions.
func keepOwner(tempFile, fs.FileInfo) {}

// mine: files have no owner uid here; a temporary file's name and age
// decide alone.
func mine(fs.FileInfo) bool { return true }

// mayUnlink is false: on Windows a link to a file that another program
// holds open, without sharing its deletion as most programs do, cannot be
// removed while it is held, so a save that then fails would leave the link
// behind. The previous content is copied aside instead.
func mayUnlink(fs.FileInfo) bool { return false }

func stickyOther(string, fs.FileInfo) bool { return false }
