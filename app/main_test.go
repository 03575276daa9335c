package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jobcanvas/jobcanvas/storage"
)

// TestMain keeps the tests' recovery and clip files out of the user's
// folder, and stops the autosave clock: a timer firing in the middle of a
// test would run its fyne.Do on the timer's goroutine (the test driver
// runs it in place). Tests of autosave call flush themselves.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jobcanvas-recovery-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv(storage.RecoveryEnv, dir)
	os.Setenv(storage.ClipEnv, filepath.Join(dir, "clipboard"))
	autosaveQuiet, autosaveMax = 24*time.Hour, 24*time.Hour
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
