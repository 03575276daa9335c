package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestVersion: every spelling prints the one line, with the Go version
// that built the test; a plain build (this test's) says "dev".
func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-version"} {
		t.Run(arg, func(t *testing.T) {
			code, out, errOut := runCmd(t, arg)
			if code != 0 || errOut != "" {
				t.Fatalf("exit code %d, stderr %q", code, errOut)
			}
			want := regexp.MustCompile(`^jobcanvas dev \((commit [0-9a-f]{7}(\+dirty)?, )?` + regexp.QuoteMeta(runtime.Version()) + `\)\n$`)
			if !want.MatchString(out) {
				t.Errorf("stdout %q, want it to match %s", out, want)
			}
		})
	}
	if code, _, errOut := runCmd(t, "version", "extra"); code != 2 || !strings.Contains(errOut, "usage: jobcanvas version") {
		t.Errorf("version extra: exit code %d, stderr %q; want 2 and the usage", code, errOut)
	}
	if _, out, _ := runCmd(t, "help"); !strings.Contains(out, "jobcanvas version") {
		t.Errorf("help does not name the version command:\n%s", out)
	}
}

// fyneAppVersion is Details.Version in FyneApp.toml, the version
// scripts/package passes to the build.
func fyneAppVersion(t *testing.T) string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = line
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if ok && section == "[Details]" && strings.TrimSpace(key) == "Version" {
			return strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	t.Fatal("FyneApp.toml has no Version in [Details]")
	return ""
}

// TestFyneAppVersion: the release version is three numbers, as fyne
// package and the Windows version resource need.
func TestFyneAppVersion(t *testing.T) {
	if v := fyneAppVersion(t); !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("FyneApp.toml: Details.Version %q is not MAJOR.MINOR.PATCH", v)
	}
}

// TestVersionLdflags builds the binary as scripts/package does, with the
// version from FyneApp.toml and a commit set at link time, and runs it.
func TestVersionLdflags(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	v := fyneAppVersion(t)
	bin := filepath.Join(t.TempDir(), "jc")
	build := exec.Command(goTool, "build", "-o", bin, "-ldflags",
		"-X github.com/jobcanvas/jobcanvas/app.version="+v+" -X github.com/jobcanvas/jobcanvas/app.commit=abc1234", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, arg := range []string{"version", "--version"} {
		out, err := exec.Command(bin, arg).Output()
		if err != nil {
			t.Fatalf("jc %s: %v", arg, err)
		}
		if want := "jobcanvas " + v + " (commit abc1234, " + runtime.Version() + ")\n"; string(out) != want {
			t.Errorf("jc %s printed %q, want %q", arg, out, want)
		}
	}

	// Without ldflags: "dev", and the commit Go recorded from the checkout,
	// if it recorded one: not outside a git clone, nor in a git worktree
	// (Go looks for a .git folder), nor with -buildvcs=false in GOFLAGS.
	if out, err := exec.Command(goTool, "build", "-buildvcs=auto", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	commit := "" // no commit, or HEAD's
	if head, err := exec.Command("git", "rev-parse", "--short=7", "HEAD").Output(); err == nil {
		commit = `(commit ` + strings.TrimSpace(string(head)) + `(\+dirty)?, )?`
	}
	want := `^jobcanvas dev \(` + commit + regexp.QuoteMeta(runtime.Version()) + `\)\n$`
	if !regexp.MustCompile(want).Match(out) {
		t.Errorf("plain build: jc version printed %q, want it to match %s", out, want)
	}
}
