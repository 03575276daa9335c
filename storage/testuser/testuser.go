// Package testuser runs a test as a normal user. Permissions (read-only
// files, sticky folders, other users' files) mean little to root, and CI
// runs as root: a test that is about them calls Run, which as root re-runs
// the test as a throwaway user.
package testuser

// envDir names the variable that tells the re-run test its folder.
const envDir = "JOBCANVAS_TESTUSER_DIR"

// User is the normal user a test runs as.
type User struct {
	Name     string // "" when the process was a normal user already
	UID, GID int
}
