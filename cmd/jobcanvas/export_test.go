package main

import (
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// TestMain lets a test run the command as its own process: with
// JOBCANVAS_RUN set to a JSON list of arguments, the test binary is
// jobcanvas itself.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("JOBCANVAS_RUN"); ok {
		var list []string
		if err := json.Unmarshal([]byte(args), &list); err != nil {
			panic(err)
		}
		os.Exit(run(list, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestExportEveryBoard(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := t.TempDir()
	code, stdout, stderr := runCmd(t, "export", "-scale", "0.5", "-o", out, sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := map[string]image.Point{
		"commuter-cycling-urban-commuter.png":                        image.Pt(1200, 620),
		"commuter-cycling-get-to-work.png":                           image.Pt(1320, 700),
		"commuter-cycling-switch-stories.png":                        image.Pt(1400, 800),
		"commuter-cycling-forces-from-train-or-car-to-riding-in.png": image.Pt(1200, 850),
		"commuter-cycling-competing-for-the-commute.png":             image.Pt(1200, 750),
		"commuter-cycling-job-stories.png":                           image.Pt(1200, 700),
		"commuter-cycling-success-outcomes.png":                      image.Pt(1200, 700),
	}
	for name, size := range want {
		path := filepath.Join(out, name)
		if got := readPNG(t, path).Bounds().Size(); got != size {
			t.Errorf("%s is %v, want %v", name, got, size)
		}
		if !strings.Contains(stdout, path+": ") {
			t.Errorf("stdout %q does not name %s", stdout, path)
		}
	}
	if got := files(t, out); len(got) != len(want) {
		t.Errorf("the folder holds %v", got)
	}
}

func TestExportOneBoard(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		file string
		size image.Point
	}{
		{[]string{"-board", "2", "-width", "660", "-o", filepath.Join(dir, "map")}, "map.png", image.Pt(660, 350)},
		{[]string{"-board", "URBAN commuter", "-scale", "0.5", "-transparent", "-dark", "-o", filepath.Join(dir, "v.PNG")}, "v.PNG", image.Pt(1200, 620)},
		{[]string{"-board", "1", "-scale", "0.5", "-footer", "-o", filepath.Join(dir, "f.png")}, "f.png", image.Pt(1200, 648)},
		{[]string{"-board", "1", "-scale", "0.5", "-crop", "-o", filepath.Join(dir, "c.png")}, "c.png", image.Pt(1076, 502)},
	} {
		code, _, stderr := runCmd(t, append(append([]string{"export"}, tc.args...), sample)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
			continue
		}
		img := readPNG(t, filepath.Join(dir, tc.file))
		if got := img.Bounds().Size(); got != tc.size {
			t.Errorf("%v: image is %v, want %v", tc.args, got, tc.size)
		}
		_, _, _, a := img.At(1, 1).RGBA()
		if transparent := slices.Contains(tc.args, "-transparent"); transparent != (a == 0) {
			t.Errorf("%v: corner alpha %d", tc.args, a)
		}
	}
}

// The default is twice the board's size, in the current folder.
func TestExportDefaults(t *testing.T) {
	p, err := canvas.NewProject("One card", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	c := canvas.NewCard(canvas.KindGain, canvas.Point{X: 500, Y: 500}, "Arrive fresh")
	if err := (&canvas.AddCards{Board: p.Boards[0].ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "one.jobcanvas")
	if err := storage.Save(path, p); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if code, _, stderr := runCmd(t, "export", "-crop", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The card with its 40-unit margin is 300 × 220 units.
	if got := readPNG(t, "one-card-free-board.png").Bounds().Size(); got != image.Pt(600, 440) {
		t.Errorf("default export is %v, want 600 × 440 (2×)", got)
	}
}

// Each failure says what is wrong and writes nothing at all.
func TestExportErrors(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	twins := writeFile(t, "twins.jobcanvas", []byte(strings.Replace(string(assets.Sample),
		`"title": "Get to work"`, `"title": "Urban commuter"`, 1)))
	aFile := writeFile(t, "a-file", []byte("x"))
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"board number too high", []string{"-board", "8", sample}, 1,
			`no board 8; the boards are: 1 "Urban commuter", 2 "Get to work", 3 "Switch stories", 4 "Forces: from train or car to riding in", 5 "Competing for the commute", 6 "Job stories", 7 "Success outcomes"`},
		{"board number zero", []string{"-board", "0", sample}, 1, "no board 0"},
		{"unknown title", []string{"-board", "Gains", sample}, 1, `no board titled "Gains"; the boards are: 1 "Urban commuter"`},
		{"ambiguous title", []string{"-board", "urban commuter", twins}, 1, `boards 1 and 2 are both titled "urban commuter": give the board's number`},
		{"scale over the limit", []string{"-scale", "7", sample}, 1,
			`board 1 "Urban commuter": image too large: 16800 × 8680 px is over the limit of 16384 px a side`},
		{"width over the limit", []string{"-board", "2", "-width", "16385", sample}, 1, "over the limit of 16384 px a side"},
		{"missing folder", []string{"-board", "1", "-o", filepath.Join("{out}", "no", "x.png"), sample}, 1, "x.png: no folder "},
		{"folder is a file", []string{"-board", "1", "-o", filepath.Join(aFile, "x.png"), sample}, 1, "not a directory"},
		{"file in a folder that is a file", []string{"-board", "1", "-o", filepath.Join(aFile, "x"), sample}, 1, "not a directory"},
		{"missing folder for every board", []string{"-o", filepath.Join("{out}", "no") + string(filepath.Separator), sample}, 1, "no such folder"},
		{"one file for two boards", []string{"-o", filepath.Join("{out}", "x.png"), sample}, 1, "not a folder, and 7 boards are exported"},
		{"no such project", []string{filepath.Join("{out}", "nope.jobcanvas")}, 1, "nope.jobcanvas: cannot open"},
		{"broken project", []string{aFile}, 1, "a-file"},
		{"zero scale", []string{"-scale", "0", sample}, 2, "-scale 0: must be a number from 0.1 to 50, such as 1, 2 or 3"},
		{"scale not a number", []string{"-scale", "NaN", sample}, 2, "-scale NaN: must be a number from 0.1 to 50"},
		{"scale past float32", []string{"-scale", "1e39", sample}, 2, "-scale 1e+39: must be a number from 0.1 to 50"},
		{"infinite scale", []string{"-scale", "Inf", sample}, 2, "-scale +Inf: must be a number from 0.1 to 50"},
		{"negative scale", []string{"-scale", "-2", sample}, 2, "-scale -2: must be a number from 0.1 to 50"},
		{"scale and width", []string{"-scale", "2", "-width", "100", sample}, 2, "give -scale or -width, not both"},
		{"negative width", []string{"-width", "-3", sample}, 2, "-width -3"},
		{"no file", []string{"-board", "1"}, 2, "usage: jobcanvas export"},
		{"two files", []string{sample, sample}, 2, "usage: jobcanvas export"},
		{"unknown flag", []string{"-size", "2", sample}, 2, "-size"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			t.Chdir(out) // where images go by default
			args := []string{"export"}
			for _, a := range tc.args {
				args = append(args, strings.ReplaceAll(a, "{out}", out))
			}
			code, stdout, stderr := runCmd(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.err) {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q", code, stderr, tc.code, tc.err)
			}
			if tc.code == 1 && !strings.HasPrefix(stderr, "jobcanvas export: ") {
				t.Errorf("stderr %q does not say which command failed", stderr)
			}
			if stdout != "" || len(files(t, out)) != 0 {
				t.Errorf("a failed export wrote %v (stdout %q)", files(t, out), stdout)
			}
		})
	}
}

// The command needs no display: it runs, as its own process, with none.
func TestExportWithoutDisplay(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	out := filepath.Join(t.TempDir(), "board.png")
	args, _ := json.Marshal([]string{"export", "-board", "2", "-scale", "0.5", "-o", out, sample})
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "DISPLAY=") || strings.HasPrefix(kv, "WAYLAND_DISPLAY=")
	}), "JOBCANVAS_RUN="+string(args))
	stdout, err := cmd.Output()
	var stderr string
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = string(ee.Stderr)
	}
	if err != nil {
		t.Fatalf("export without a display: %v\n%s", err, stderr)
	}
	if got := readPNG(t, out).Bounds().Size(); got != image.Pt(1320, 700) {
		t.Errorf("image is %v", got)
	}
	if !strings.HasPrefix(string(stdout), out+": 1320 × 700 px") {
		t.Errorf("stdout %q", stdout)
	}
}

// The export wraps a card's text by measuring it in the app's theme, and
// draws it in the same theme's fonts: the headless app's theme must have
// the fonts for Korean, Thai and Devanagari, or lines measured as missing
// glyphs are drawn as boxes.
func TestExportMeasuresScriptsAsItDrawsThem(t *testing.T) {
	sample := writeFile(t, "s.jobcanvas", assets.Sample)
	if code, _, stderr := runCmd(t, "export", "-board", "1", "-scale", "0.25", "-o", t.TempDir(), sample); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"제시간에 출근하기", "ถึงที่หมายตรงเวลา", "समय पर पहुँचना"} {
		// U+0378 is unassigned: no font has it.
		missing := strings.Map(func(r rune) rune {
			if r == ' ' {
				return r
			}
			return '\u0378'
		}, s)
		got := fyne.MeasureText(s, 20, fyne.TextStyle{}).Width
		if got == fyne.MeasureText(missing, 20, fyne.TextStyle{}).Width {
			t.Errorf("%q measures %g wide, as many missing glyphs", s, got)
		}
	}
}
