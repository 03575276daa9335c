package storage

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Stamp is what a project file held when it was last read or written: a
// later save compares it with the file to tell whether someone else (a git
// pull, a synced folder, another program) changed the file in between.
// The content's hash decides; the time is for people ("changed at 14:02").
type Stamp struct {
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
}

// IsZero reports a stamp of no file (a project never saved).
func (s Stamp) IsZero() bool { return s == Stamp{} }

func stampOf(data []byte, modTime time.Time) Stamp {
	return Stamp{Size: int64(len(data)), ModTime: modTime, Sum: sha256.Sum256(data)}
}

// LoadStamped is Load that also stamps the file as it was read.
func LoadStamped(path string) (*canvas.Project, Stamp, error) {
	data, modTime, err := readLimited(path, MaxFileSize)
	if err != nil {
		return nil, Stamp{}, err
	}
	p, err := Decode(data, path)
	if err != nil {
		return nil, Stamp{}, err
	}
	return p, stampOf(data, modTime), nil
}

// SaveStamped is Save that also stamps the file as it was written.
func SaveStamped(path string, p *canvas.Project) (Stamp, error) {
	return saveStamped(osFS{}, path, p)
}

func saveStamped(fsys fileSystem, path string, p *canvas.Project) (Stamp, error) {
	data, err := Encode(p)
	if err != nil {
		return Stamp{}, &FileError{File: path, Msg: "not saved: " + err.Error(), Err: err}
	}
	if err := writeFile(fsys, path, data); err != nil {
		return Stamp{}, err
	}
	var modTime time.Time
	if fi, err := os.Stat(path); err == nil {
		modTime = fi.ModTime()
	}
	return stampOf(data, modTime), nil
}

// ReadStamp stamps the file at path as it is now.
func ReadStamp(path string) (Stamp, error) {
	data, modTime, err := readLimited(path, MaxFileSize)
	if err != nil {
		return Stamp{}, err
	}
	return stampOf(data, modTime), nil
}

// ChangedOnDisk reports whether the file at path no longer holds what s
// stamped, and the stamp of what it holds now. A file that is gone has not
// changed in this sense (saving puts it back): changed is false and now is
// zero. A zero s (a project never saved) is never changed.
func ChangedOnDisk(path string, s Stamp) (changed bool, now Stamp, err error) {
	if s.IsZero() {
		return false, Stamp{}, nil
	}
	now, err = ReadStamp(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, Stamp{}, nil
	case err != nil:
		return false, Stamp{}, err
	}
	return now.Size != s.Size || now.Sum != s.Sum, now, nil
}
