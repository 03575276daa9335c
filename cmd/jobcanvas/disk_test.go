package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/storage/testuser"
)

// In a shared folder someone may put a link where an export's image goes
// (the names are easy to guess) pointing to one of the user's files: the
// export refuses it, and writes nothing.
func TestExportRefusesPlantedLink(t *testing.T) {
	dir, ok := testuser.Run(t, nil)
	if !ok {
		return
	}
	sample := filepath.Join(dir, "s.jobcanvas")
	if err := os.WriteFile(sample, assets.Sample, 0o644); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(dir, "secret")
	if err := os.WriteFile(victim, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(dir, "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(shared, "commuter-cycling-get-to-work.png")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "export", "-scale", "0.5", "-o", shared, sample)
	if code != 1 || !strings.Contains(stderr, link+": not saved: is a symbolic link") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(victim); string(got) != "mine" {
		t.Errorf("the linked file now holds %d bytes", len(got))
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if got := files(t, shared); len(got) != 1 || stdout != "" {
		t.Errorf("the folder holds %v (stdout %q)", got, stdout)
	}
}

// fmt -w on a read-only file refuses it (root refuses one too: storage's
// TestSaveRefusesReadOnlyFile).
func TestFmtRefusesReadOnlyFile(t *testing.T) {
	dir, ok := testuser.Run(t, nil)
	if !ok {
		return
	}
	path := filepath.Join(dir, "p.jobcanvas")
	data := reindented(t)
	if err := os.WriteFile(path, data, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "fmt", "-w", path)
	if code != 1 || !strings.Contains(stderr, path+": not saved: the file is read-only") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("the read-only file was rewritten")
	}
}

// An export of every board whose second image cannot be written (a
// folder has its name) leaves no image at all, not even the first.
func TestExportFailingOnSecondBoardLeavesNothing(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	second := filepath.Join(out, "commuter-cycling-get-to-work.png")
	if err := os.Mkdir(second, 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "export", "-scale", "0.5", "-o", out, sample)
	if code != 1 || !strings.Contains(stderr, second+": not saved: not a regular file (a folder)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if got := files(t, out); len(got) != 1 || stdout != "" {
		t.Errorf("a failed export left %v (stdout %q)", got, stdout)
	}
}
