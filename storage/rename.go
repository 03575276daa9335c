package storage

import (
	"errors"
	"time"
)

// renameWaits are the pauses between attempts to rename over a file that
// another program has open, about a second in all. On Windows a virus
// scanner, a search indexer or a sync client often opens a file for a
// moment right after it changes, and the rename fails until it lets go;
// an editor that keeps the file open holds it for longer, and then the
// save fails with ErrInUse.
var renameWaits = []time.Duration{
	10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond,
	80 * time.Millisecond, 160 * time.Millisecond, 320 * time.Millisecond,
	400 * time.Millisecond,
}

// Variables so that tests on any system can make a rename fail as Windows
// does and see the waits without waiting.
var (
	sleep = time.Sleep
	// renameInUse reports whether a rename failed because another
	// program has one of the files open; never on Unix, where an open
	// file is no obstacle.
	renameInUse = osInUse
)

// inUseError is a rename that kept failing because another program had the
// file open. It wraps both the system's error and ErrInUse.
type inUseError struct{ err error }

func (e inUseError) Error() string   { return e.err.Error() }
func (e inUseError) Unwrap() []error { return []error{e.err, ErrInUse} }

// rename renames oldname to newname, trying again for about a second
// while another program has one of them open.
func rename(fsys fileSystem, oldname, newname string) error {
	err := fsys.Rename(oldname, newname)
	for _, d := range renameWaits {
		if err == nil || !renameInUse(err) {
			return err
		}
		sleep(d)
		err = fsys.Rename(oldname, newname)
	}
	if err != nil && renameInUse(err) {
		return inUseError{err}
	}
	return err
}

// inUseAdvice is what to do about ErrInUse, for messages.
const inUseAdvice = "another program (an editor, a sync client, a virus scanner) may have it open: close it there and save again"

// errInUse is whether err is a rename that failed with ErrInUse.
func errInUse(err error) bool { return errors.Is(err, ErrInUse) }
