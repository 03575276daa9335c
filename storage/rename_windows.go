//go:build windows

package storage

import (
	"errors"

	"golang.org/x/sys/windows"
)

// osInUse: MoveFileEx fails with a sharing violation while another process
// has the file open without sharing it, and with access denied while one
// has it open without sharing its deletion (most programs) or while the
// file is being deleted. A read-only file also gives access denied, but
// locate refuses those before any rename.
func osInUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
