//go:build !unix

package storage

import "io/fs"

// umask: there is none here.
func umask() fs.FileMode { return 0 }

func setUmask(fs.FileMode) fs.FileMode { return 0 }
