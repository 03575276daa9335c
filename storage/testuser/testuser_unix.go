//go:build unix

package testuser

import (
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Run makes the rest of the calling test run as a normal user, in a
// folder of that user's. It returns the folder and true where the test
// goes on, false where it returns at once:
//
//   - as a normal user, a new temporary folder, after calling setup on it
//     (as that user: what only root can do, setup must do without, or skip
//     the test), and true;
//   - as root, it adds a throwaway user, makes the folder, owned by that
//     user, calls setup (when not nil) as root to put there what the test
//     needs (another user's file, a sticky folder), and runs this test
//     again, alone, as that user, in a copy of the test binary. It reports
//     that run (its output, and a failure as the test's), removes the user
//     and the folder, and returns false;
//   - in that run, the folder and true.
func Run(t *testing.T, setup func(dir string, u User)) (string, bool) {
	t.Helper()
	if dir := os.Getenv(envDir); dir != "" {
		return dir, true
	}
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		if setup != nil {
			setup(dir, User{UID: os.Geteuid(), GID: os.Getegid()})
		}
		return dir, true
	}
	u := add(t)
	base, err := os.MkdirTemp("", "testuser-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	dir, tmp, bin := filepath.Join(base, "work"), filepath.Join(base, "tmp"), filepath.Join(base, "test")
	for _, d := range []string{dir, tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(d, u.UID, u.GID); err != nil {
			t.Fatal(err)
		}
	}
	// MkdirTemp made base 0700: the user must get through it.
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	// The test binary sits in a folder of root's; copy it where the user
	// may run it.
	if err := copyExecutable(bin); err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(dir, u)
	}
	cmd := exec.Command(bin, "-test.run", testPattern(t.Name()), "-test.count", "1", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), envDir+"="+dir, "HOME="+dir, "TMPDIR="+tmp, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{
		Uid: uint32(u.UID), Gid: uint32(u.GID), Groups: []uint32{}}}
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Errorf("as user %s (uid %d): %v\n%s", u.Name, u.UID, err, out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Errorf("as user %s: the test did not run:\n%s", u.Name, out)
	default:
		t.Logf("as user %s (uid %d):\n%s", u.Name, u.UID, out)
	}
	return "", false
}

// testPattern is the -test.run pattern of the test called name alone.
func testPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// add adds a throwaway user and removes it when the test ends. Two test
// binaries may add users at once: useradd then finds the user list
// locked, for a moment.
func add(t *testing.T) User {
	t.Helper()
	if _, err := exec.LookPath("useradd"); err != nil {
		// The kernel needs no name: an id nobody uses is a user too.
		t.Logf("no useradd (%v): running as uid and gid 64123", err)
		return User{Name: "#64123", UID: 64123, GID: 64123}
	}
	name := "jctest" + strings.ToLower(rand.Text()[:8])
	var out []byte
	var err error
	for try := 0; try < 20; try++ {
		out, err = exec.Command("useradd", "--system", "--no-create-home", "--user-group",
			"--shell", "/usr/sbin/nologin", name).CombinedOutput()
		if err == nil || !strings.Contains(string(out), "lock") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("useradd %s: %v: %s", name, err, out)
	}
	t.Cleanup(func() {
		for try := 0; try < 20; try++ {
			out, err := exec.Command("userdel", name).CombinedOutput()
			if err == nil || !strings.Contains(string(out), "lock") {
				if err != nil {
					t.Errorf("userdel %s: %v: %s", name, err, out)
				}
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	uu, err := user.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.Atoi(uu.Uid)
	gid, _ := strconv.Atoi(uu.Gid)
	return User{Name: name, UID: uid, GID: gid}
}

func copyExecutable(to string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	src, err := os.Open(self)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return fmt.Errorf("%s: %w", to, err)
	}
	return nil
}
