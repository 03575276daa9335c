//go:build !unix

package testuser

import "testing"

// Run runs the rest of the test here, in a new temporary folder: there is
// no root to step down from.
func Run(t *testing.T, setup func(dir string, u User)) (string, bool) {
	dir := t.TempDir()
	if setup != nil {
		setup(dir, User{})
	}
	return dir, true
}
