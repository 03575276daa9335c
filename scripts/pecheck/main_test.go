package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildExe cross-compiles a program with no resources for Windows, with
// the linker flags given.
func buildExe(t *testing.T, ldflags string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "hello.exe")
	cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", exe, src)
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func TestInspectSubsystemAndMissingResources(t *testing.T) {
	gui, err := inspect(buildExe(t, "-s -w -H=windowsgui"))
	if err != nil {
		t.Fatal(err)
	}
	if !gui.pe32plus || gui.subsystem != subsystemGUI {
		t.Errorf("-H=windowsgui: PE32+ %v, subsystem %d; want true, 2", gui.pe32plus, gui.subsystem)
	}
	err = gui.want("0.1.0")
	if err == nil {
		t.Fatal("an exe without resources passed")
	}
	for _, want := range []string{"type 3 ", "type 14 ", "type 16 ", "type 24 "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name the missing resource %s", err, want)
		}
	}
	if strings.Contains(err.Error(), "subsystem") {
		t.Errorf("error %q blames the subsystem of a GUI exe", err)
	}

	console, err := inspect(buildExe(t, "-s -w"))
	if err != nil {
		t.Fatal(err)
	}
	if console.subsystem != 3 {
		t.Errorf("console exe: subsystem %d, want 3", console.subsystem)
	}
	if err := console.want(""); err == nil || !strings.Contains(err.Error(), "subsystem 3") {
		t.Errorf("console exe: error %v, want one about subsystem 3", err)
	}
}

func TestInspectRejectsNonPE(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := inspect(path); err == nil {
		t.Error("a shell script passed as a PE file")
	}
}
