//go:build unix

package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobcanvas/jobcanvas/assets"
)

// check on a named pipe says so at once: it does not wait for a writer.
// It runs as its own process, which the test can kill if it hangs.
func TestCheckNamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.jobcanvas")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	args, _ := json.Marshal([]string{"check", path})
	cmd := exec.CommandContext(ctx, os.Args[0])
	cmd.Env = append(os.Environ(), "JOBCANVAS_RUN="+string(args))
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatal("check on a named pipe still waiting after 10 s")
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(string(out), path+": cannot open: not a regular file (a named pipe)") {
		t.Errorf("%v: %s", err, out)
	}
}

// Images are made with 0666 less the umask: under umask 077 nobody else
// can read them.
func TestExportRespectsUmask(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	old := syscall.Umask(0o077)
	code, _, stderr := runCmd(t, "export", "-scale", "0.5", "-o", out, sample)
	syscall.Umask(old)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range files(t, out) {
		if fi, _ := os.Stat(filepath.Join(out, name)); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want -rw-------", name, fi.Mode().Perm())
		}
	}
}

// Root's fmt -w on another user's private file leaves it that user's:
// its owner can still open it.
func TestFmtKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("another user's file takes root to make (CI runs as root)")
	}
	path := writeFile(t, "p.jobcanvas", reindented(t))
	if err := os.Chown(path, 4242, 4343); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "fmt", "-w", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 4242 || st.Gid != 4343 || fi.Mode().Perm() != 0o600 {
		t.Errorf("after root's fmt -w: %d:%d %v, want 4242:4343 -rw-------", st.Uid, st.Gid, fi.Mode().Perm())
	}
}
