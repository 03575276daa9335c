package main

import (
	"strings"
	"testing"
)

// testdata/linuxonly calls syscall.Sysinfo in an untagged file: fine for
// Linux, an error for macOS, and its _linux.go file is no error for either.
func TestCheckFindsLinuxOnlyCalls(t *testing.T) {
	t.Chdir("testdata/linuxonly")
	errs, n, err := check("linux", "amd64", []string{"./..."})
	if err != nil || len(errs) != 0 || n != 1 {
		t.Fatalf("linux: %d packages, errors %q, %v; want 1 package and no errors", n, errs, err)
	}
	errs, _, err = check("darwin", "arm64", []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) == 0 {
		t.Fatal("darwin: no errors, want syscall.Sysinfo undefined")
	}
	for _, e := range errs {
		if !strings.Contains(e, "sysinfo.go") || !strings.Contains(e, "Sysinfo") {
			t.Errorf("darwin: unexpected error %q, want only sysinfo.go's Sysinfo", e)
		}
	}
}
