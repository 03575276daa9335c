package storage

import (
	"io/fs"
	"syscall"
	"time"
)

// changed is when the file described by fi last changed, content or
// links: a hard link made a second ago to an old file is new by this
// measure, which its modification time would not say.
func changed(fi fs.FileInfo) time.Time {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return time.Unix(st.Ctim.Unix())
	}
	return fi.ModTime()
}
