package main

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/assets"
)

// export -landscape writes one image of the landscape's size at the scale
// asked for: as <project>-landscape.png in the current folder or in the
// folder -o names, or in the file -o names.
func TestExportLandscape(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	size := func(scale float32) image.Point {
		s := render.LandscapeExportSize
		return image.Pt(int(s.Width*scale), int(s.Height*scale))
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if code, stdout, stderr := runCmd(t, "export", "-landscape", sample); code != 0 || !strings.Contains(stdout, "commuter-cycling-landscape.png: ") {
		t.Fatalf("exit %d, stdout %q: %s", code, stdout, stderr)
	}
	if got := readPNG(t, "commuter-cycling-landscape.png").Bounds().Size(); got != size(2) {
		t.Errorf("default landscape is %v, want %v (2×)", got, size(2))
	}

	out := t.TempDir()
	if code, _, stderr := runCmd(t, "export", "-landscape", "-scale", "1", "-dark", "-o", out, sample); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := files(t, out); len(got) != 1 || got[0] != "commuter-cycling-landscape.png" {
		t.Errorf("-o FOLDER wrote %v", got)
	}
	if got := readPNG(t, filepath.Join(out, "commuter-cycling-landscape.png")).Bounds().Size(); got != size(1) {
		t.Errorf("landscape at 1× is %v, want %v", got, size(1))
	}

	named := filepath.Join(out, "chart")
	if code, _, stderr := runCmd(t, "export", "-landscape", "-width", "500", "-o", named, sample); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := readPNG(t, named+".png").Bounds().Size(); got.X != 500 {
		t.Errorf("-width 500 made %v", got)
	}
}

// Flags about boards are refused with -landscape, and a failed landscape
// export writes nothing.
func TestExportLandscapeErrors(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"-landscape", "-board", "1"}, 2, "-board does not apply to -landscape"},
		{[]string{"-landscape", "-crop"}, 2, "-crop does not apply to -landscape"},
		{[]string{"-landscape", "-footer"}, 2, "-footer does not apply to -landscape"},
		{[]string{"-landscape", "-scale", "40"}, 1, "over the limit"},
		{[]string{"-landscape", "-o", "/no/such/folder/x.png"}, 1, "no folder /no/such/folder"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			code, _, stderr := runCmd(t, append(append([]string{"export"}, tc.args...), sample)...)
			if code != tc.code || !strings.Contains(stderr, tc.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.err)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("a failed export left %v", left)
			}
		})
	}
}
