//go:build !linux

package storage

import (
	"io/fs"
	"time"
)

// changed is when the file described by fi last changed. The change time
// of Linux (see file_ctime_linux.go) has another name or none elsewhere:
// the modification time stands in.
func changed(fi fs.FileInfo) time.Time { return fi.ModTime() }
