//go:build !windows && !darwin

package storage

// pathCase is path as it is: file names differ by case here.
func pathCase(path string) string { return path }
