package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileReplacesWithoutBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "board.png")
	if err := WriteFile(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != newFilePerm&^umask() {
		t.Fatalf("new file: %v, %v", fi, err)
	}
	if err := WriteFile(path, []byte("second")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); string(got) != "second" {
		t.Errorf("file holds %q, want %q", got, "second")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only board.png (no backup, no temporary file)", names)
	}
}

func TestWriteFileMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "board.png")
	err := WriteFile(path, []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "folder") || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("got %v, want a missing-folder error naming %s", err, path)
	}
}

// A failed write leaves the old file whole: an export never leaves half
// an image behind.
func TestWriteFileFaultKeepsOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "board.png")
	old := []byte("the old image")
	if err := WriteFile(path, old); err != nil {
		t.Fatal(err)
	}
	for _, fail := range []func(string, string) error{
		on("write", ".tmp", syscall.ENOSPC),
		on("sync", ".tmp", syscall.EIO),
		onName("rename", "board.png", syscall.EXDEV),
	} {
		err := replaceFile(faultFS{fail: fail}, path, bytes.Repeat([]byte("new"), 1000), false, true)
		if err == nil || !strings.HasPrefix(err.Error(), path+": not saved: ") {
			t.Errorf("got %v, want a not-saved error", err)
		}
		if got := readFile(t, path); !bytes.Equal(got, old) {
			t.Errorf("the old file changed to %q", got)
		}
		if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(matches) > 0 {
			t.Errorf("temporary files left: %v", matches)
		}
	}
}
