package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// userTemplateDir points the user's templates folder at a new folder
// holding a template saved from a job map, with id "my-map".
func userTemplateDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "templates")
	t.Setenv(storage.TemplateEnv, dir)
	b, err := canvas.NewBoard(canvas.TemplateJobMap, "")
	if err != nil {
		t.Fatal(err)
	}
	b.Steps = b.Steps[:3]
	tpl, err := canvas.TemplateFromBoard(b, "my-map", "My map")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := storage.SaveTemplate(dir, tpl); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTemplates(t *testing.T) {
	userTemplateDir(t)
	code, out, errOut := runCmd(t, "templates")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The bundled ones in the order of canvas.Templates, the first three
	// fixed: whatever boards are added to assets/templates later.
	want := "value-proposition\tValue proposition canvas\tbundled\n" +
		"job-map\tJob map\tbundled\n" +
		"free\tFree board\tbundled\n"
	for _, tp := range canvas.Templates()[3:] {
		want += tp.ID + "\t" + tp.Name + "\tbundled\n"
	}
	want += "my-map\tMy map\tuser\n"
	if out != want {
		t.Errorf("stdout\n%s\nwant\n%s", out, want)
	}
}

// A bad file is reported with where it is wrong, after the good ones are
// listed, and fails the run.
func TestTemplatesBadFile(t *testing.T) {
	dir := userTemplateDir(t)
	bad := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(bad, []byte("{\n  \"id\": \"broken\",\n  \"name\": \"B\",\n  \"bounds\": {\"w\": \"wide\", \"h\": 1}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "templates")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "my-map\tMy map\tuser\n") || !strings.Contains(out, "free\tFree board\tbundled\n") {
		t.Errorf("the good templates are not all listed:\n%s", out)
	}
	if !strings.Contains(errOut, bad+": line 4, column") || !strings.Contains(errOut, "bounds.w") {
		t.Errorf("stderr %q does not say the file, line, column and field", errOut)
	}
}

func TestTemplatesNoFolder(t *testing.T) {
	t.Setenv(storage.TemplateEnv, filepath.Join(t.TempDir(), "none"))
	code, out, errOut := runCmd(t, "templates")
	if code != 0 || errOut != "" || strings.Count(out, "\n") != len(canvas.Templates()) || strings.Contains(out, "\tuser") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the %d bundled templates", code, out, errOut, len(canvas.Templates()))
	}
}

func TestTemplatesUsage(t *testing.T) {
	if code, _, errOut := runCmd(t, "templates", "extra"); code != 2 || !strings.Contains(errOut, "usage: jobcanvas templates") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// A project with a board of the user's template is read by the other
// subcommands, which know the user's templates too.
func TestCheckReadsUserTemplates(t *testing.T) {
	userTemplateDir(t)
	path := filepath.Join(t.TempDir(), "mine.jobcanvas")
	if code, _, errOut := runCmd(t, "new", "-t", "my-map", path); code != 0 {
		t.Fatalf("new: exit %d, %s", code, errOut)
	}
	if code, out, errOut := runCmd(t, "check", path); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	t.Setenv(storage.TemplateEnv, t.TempDir())
	if code, _, errOut := runCmd(t, "check", path); code != 1 || !strings.Contains(errOut, `unknown template "my-map"`) {
		t.Errorf("check without the template: exit %d, stderr %q", code, errOut)
	}
}
