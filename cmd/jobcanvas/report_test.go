package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/app"
	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/storage"
)

var update = flag.Bool("update", false, "rewrite the reference report under testdata/report")

// The report of the bundled sample is compared with a reference file,
// read as a person would before it is accepted (go test -run
// TestReportSample -update rewrites it).
func TestReportSample(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	code, stdout, stderr := runCmd(t, "report", "-o", out, sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	names := sampleReportFiles(t)
	if got := files(t, out); !slices.Equal(sorted(got), sorted(names)) {
		t.Fatalf("the folder holds %v, want %v", got, names)
	}
	for _, n := range names {
		if !strings.Contains(stdout, filepath.Join(out, n)+"\n") {
			t.Errorf("stdout %q does not name %s", stdout, n)
		}
	}
	for _, n := range names[1:] {
		if size := readPNG(t, filepath.Join(out, n)).Bounds().Size(); size.X < 1000 {
			t.Errorf("%s is %v: not a whole board at scale 1", n, size)
		}
	}
	got, err := os.ReadFile(filepath.Join(out, names[0]))
	if err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join("testdata", "report", "sample.md")
	if *update {
		if err := os.WriteFile(ref, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the report differs from %s (go test -run TestReportSample -update rewrites it):\n%s", ref, got)
	}
	// Every image the report links to was written beside it.
	for _, line := range strings.Split(string(got), "\n") {
		if strings.HasPrefix(line, "![") {
			file := line[strings.Index(line, "](")+2 : len(line)-1]
			if _, err := os.Stat(filepath.Join(out, file)); err != nil {
				t.Errorf("the report links to %s: %v", file, err)
			}
		}
	}
}

// sampleReportFiles names the files of the sample's report: the report,
// then each board's image.
func sampleReportFiles(t *testing.T) []string {
	t.Helper()
	p, err := storage.Decode(assets.Sample, assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Boards) < 2 {
		t.Fatalf("the sample has %d boards", len(p.Boards))
	}
	return append([]string{"commuter-cycling-report.md"}, app.ExportFileNames(p)...)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// A link planted at one of the made-up names stops the report before
// anything is written: the report file already there is left as it was.
func TestReportAllOrNothing(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	old := filepath.Join(out, "commuter-cycling-report.md")
	if err := os.WriteFile(old, []byte("last week's report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "victim.png")
	if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := sampleReportFiles(t)
	link := filepath.Join(out, names[2])
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "report", "-o", out, sample)
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q: want 1 and nothing written", code, stdout)
	}
	if !strings.Contains(stderr, names[2]) {
		t.Errorf("stderr %q does not name the link", stderr)
	}
	if got := sorted(files(t, out)); !slices.Equal(got, sorted([]string{names[0], names[2]})) {
		t.Errorf("the folder holds %v", got)
	}
	if b, _ := os.ReadFile(old); string(b) != "last week's report\n" {
		t.Errorf("the old report became %q", b)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the link's target became %q", b)
	}
}

func TestReportArguments(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	notDir := writeFile(t, "plain.txt", []byte("x"))
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report"}, 2, "usage: jobcanvas report"},
		{[]string{"report", sample, sample}, 2, "usage: jobcanvas report"},
		{[]string{"report", "-o", notDir, sample}, 1, "-o " + notDir + ": no such folder"},
		{[]string{"report", "-o", t.TempDir(), filepath.Join(t.TempDir(), "missing.jobcanvas")}, 1, "missing.jobcanvas"},
	} {
		code, _, stderr := runCmd(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
}

// With no -o the files go to the current folder.
func TestReportCurrentFolder(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	t.Chdir(out)
	if code, _, stderr := runCmd(t, "report", sample); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := files(t, out); len(got) != len(sampleReportFiles(t)) {
		t.Errorf("the current folder holds %v", got)
	}
}
