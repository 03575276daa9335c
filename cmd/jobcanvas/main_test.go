package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/assets"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFile puts data in a temp folder and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// reindented is the sample with other indentation: valid, not canonical.
func reindented(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.TrimSpace(compact(t, assets.Sample)), "", "\t"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func compact(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheck(t *testing.T) {
	good := writeFile(t, "good.jobcanvas", assets.Sample)
	bad := writeFile(t, "bad.jobcanvas", []byte("{\n  \"format\": \"jobcanvas\",\n  \"version\": 1,\n  \"name\": x\n}\n"))
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
		notInOut string
	}{
		{"sample", []string{"check", good}, 0, `good.jobcanvas: ok: "Commuter cycling", 7 boards, `, "", ""},
		{"syntax error names file, line and column", []string{"check", bad}, 1, "", "bad.jobcanvas:4:", "ok"},
		{"one bad file fails the run", []string{"check", good, bad}, 1, "good.jobcanvas: ok", "bad.jobcanvas:4:", "bad.jobcanvas: ok"},
		{"missing file", []string{"check", filepath.Join(t.TempDir(), "nope.jobcanvas")}, 1, "", "nope.jobcanvas", ""},
		{"no file", []string{"check"}, 2, "", "usage: jobcanvas check", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("stdout %q does not contain %q", out, tt.out)
			}
			if !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.err)
			}
			if tt.notInOut != "" && strings.Contains(out, tt.notInOut) {
				t.Errorf("stdout %q contains %q", out, tt.notInOut)
			}
		})
	}
}

func TestSampleIsCanonical(t *testing.T) {
	code, out, errOut := runCmd(t, "fmt", writeFile(t, "s.jobcanvas", assets.Sample))
	if code != 0 {
		t.Fatalf("fmt exit %d: %s", code, errOut)
	}
	if out != string(assets.Sample) {
		t.Error("the bundled sample is not in canonical form: run jobcanvas fmt -w on it")
	}
}

func TestFmtPrintsCanonicalForm(t *testing.T) {
	path := writeFile(t, "s.jobcanvas", reindented(t))
	code, out, errOut := runCmd(t, "fmt", path)
	if code != 0 || out != string(assets.Sample) {
		t.Fatalf("fmt exit %d, stderr %q; output canonical: %v", code, errOut, out == string(assets.Sample))
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, reindented(t)) {
		t.Error("fmt without -w changed the file")
	}
}

func TestFmtWrite(t *testing.T) {
	path := writeFile(t, "s.jobcanvas", reindented(t))
	if code, _, errOut := runCmd(t, "fmt", "-w", path); code != 0 {
		t.Fatalf("fmt -w exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, assets.Sample) {
		t.Error("fmt -w did not write the canonical form")
	}
	if data, _ := os.ReadFile(path + ".bak"); !bytes.Equal(data, reindented(t)) {
		t.Error("fmt -w did not keep the previous version as .bak")
	}
}

func TestFmtWriteLeavesCanonicalFileAlone(t *testing.T) {
	path := writeFile(t, "s.jobcanvas", assets.Sample)
	before, _ := os.Stat(path)
	if code, _, errOut := runCmd(t, "fmt", "-w", path); code != 0 {
		t.Fatalf("fmt -w exit %d: %s", code, errOut)
	}
	after, _ := os.Stat(path)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Error("fmt -w rewrote a file that was already canonical")
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		t.Error("fmt -w made a backup of a file it did not change")
	}
}

func TestFmtNeverWritesABrokenFile(t *testing.T) {
	broken := append(bytes.Clone(assets.Sample[:len(assets.Sample)/2]), "\n"...)
	path := writeFile(t, "broken.jobcanvas", broken)
	code, _, errOut := runCmd(t, "fmt", "-w", path)
	if code != 1 || !strings.Contains(errOut, "broken.jobcanvas:") {
		t.Fatalf("fmt -w on a broken file: exit %d, stderr %q", code, errOut)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, broken) {
		t.Error("fmt -w touched a file it could not load")
	}
}

func TestUsage(t *testing.T) {
	if code, out, _ := runCmd(t, "--help"); code != 0 || !strings.Contains(out, "jobcanvas check") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
	if code, _, errOut := runCmd(t, "a.jobcanvas", "b.jobcanvas"); code != 2 || !strings.Contains(errOut, "usage") {
		t.Errorf("two files: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "fmt", "-x", "f"); code != 2 || !strings.Contains(errOut, "-x") {
		t.Errorf("unknown flag: exit %d, %q", code, errOut)
	}
}
