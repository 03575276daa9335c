package storage

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/go-json-experiment/json"
)

// errLocked: the lock is held, by another process or by another window of
// this one.
var errLocked = errors.New("locked")

// lockFile is an exclusive lock on a file, held by an open file: the
// operating system lets go of it when the process ends, however it ends,
// so a lock left by a crash (kill -9, a power cut) is never in the way.
type lockFile struct {
	f    *os.File
	path string
}

// tryLock takes the lock on path, creating the file, or returns errLocked
// at once when someone holds it.
func tryLock(path string) (*lockFile, error) {
	// The previous owner may remove the file between our open and our
	// lock: then we would hold a lock on a file nobody else sees. Check
	// that the file we locked is still the one at path.
	for range 3 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		if err := lockNonBlocking(f); err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &lockFile{f: f, path: path}, nil
		}
		f.Close()
	}
	return nil, errLocked
}

// release lets go of the lock, first removing the file when remove is set
// (while still holding it, so nobody takes a lock on a file about to go).
func (l *lockFile) release(remove bool) error {
	var err error
	if remove {
		err = os.Remove(l.path)
	}
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	if remove && err != nil {
		// Windows removes no file that is open: try again once closed.
		err = os.Remove(l.path)
		if errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	}
	return err
}

// Owner says who holds a lock, for messages ("also open in Jobcanvas,
// process 4711, since 14:02").
type Owner struct {
	PID   int       `json:"pid"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
}

// ThisProcess reports whether the owner is the running process: another
// window of this Jobcanvas rather than another Jobcanvas.
func (o Owner) ThisProcess() bool {
	host, _ := os.Hostname()
	return o.PID == os.Getpid() && o.Host == host
}

func currentOwner() Owner {
	host, _ := os.Hostname()
	return Owner{PID: os.Getpid(), Host: host, Since: time.Now().UTC().Round(time.Second)}
}

// writeOwner records who holds the lock in the lock file itself.
func (l *lockFile) writeOwner(o Owner) error {
	data, err := json.Marshal(o)
	if err != nil {
		return err
	}
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err = l.f.WriteAt(data, 0)
	return err
}

// readOwner reads who holds the lock at path; a zero Owner when unknown.
func readOwner(path string) Owner {
	var o Owner
	f, _, err := openRegular(path)
	if err != nil {
		return o
	}
	defer f.Close()
	if data, err := io.ReadAll(io.LimitReader(f, 4096)); err == nil && len(data) < 4096 {
		json.Unmarshal(data, &o)
	}
	return o
}
