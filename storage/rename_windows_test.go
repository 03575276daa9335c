//go:build windows

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

func TestOSInUse(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{&os.LinkError{Op: "rename", Err: windows.ERROR_SHARING_VIOLATION}, true},
		{&os.LinkError{Op: "rename", Err: windows.ERROR_ACCESS_DENIED}, true},
		{&os.LinkError{Op: "rename", Err: windows.ERROR_LOCK_VIOLATION}, true},
		{&os.LinkError{Op: "rename", Err: windows.ERROR_NOT_SAME_DEVICE}, false},
		{&os.LinkError{Op: "rename", Err: windows.ERROR_FILE_NOT_FOUND}, false},
	} {
		if got := osInUse(tt.err); got != tt.want {
			t.Errorf("osInUse(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// holdOpen opens path as most programs do, sharing reading and writing but
// not deletion, which is what a rename over it needs.
func holdOpen(t *testing.T, path string) windows.Handle {
	t.Helper()
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE,
		nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestSaveOverOpenFileWindows: with the file held open by another handle
// the save fails with ErrInUse and changes nothing; let go within the
// retries, and the save goes through.
func TestSaveOverOpenFileWindows(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.jobcanvas")
	if err := Save(path, genProject(1, 5)); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)

	h := holdOpen(t, path)
	err := Save(path, genProject(2, 5))
	if !errors.Is(err, ErrInUse) {
		t.Errorf("save over an open file: %v, want ErrInUse", err)
	}
	if string(readFile(t, path)) != string(old) {
		t.Error("the file changed")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"p.jobcanvas"}) {
		t.Errorf("folder holds %v, want the file only", got)
	}
	windows.CloseHandle(h)

	h = holdOpen(t, path)
	go func() {
		time.Sleep(150 * time.Millisecond)
		windows.CloseHandle(h)
	}()
	if err := Save(path, genProject(3, 5)); err != nil {
		t.Errorf("save while the file is let go of: %v", err)
	}
	if string(readFile(t, path+BackupSuffix)) != string(old) {
		t.Error("the backup is not the previous file")
	}
}
