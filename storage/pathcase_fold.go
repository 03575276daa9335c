//go:build windows || darwin

package storage

import "strings"

// pathCase is path in the form that compares equal for every spelling of
// the same file: Windows' and macOS's file systems ignore case (by
// default), so C:\Users\Ann\W.jobcanvas and c:\users\ann\w.jobcanvas are
// one file, and a second window on it must be told.
func pathCase(path string) string { return strings.ToUpper(path) }
