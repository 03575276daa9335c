package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

func boardTemplates(p *canvas.Project) []string {
	var ids []string
	for _, b := range p.Boards {
		ids = append(ids, b.Template)
	}
	return ids
}

func TestNewDefaults(t *testing.T) {
	t.Setenv(storage.TemplateEnv, filepath.Join(t.TempDir(), "none"))
	path := filepath.Join(t.TempDir(), "bike-study.jobcanvas")
	code, out, errOut := runCmd(t, "new", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, `created "bike-study", 2 boards, 0 cards`) {
		t.Errorf("stdout %q", out)
	}
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := boardTemplates(p); strings.Join(got, ",") != "value-proposition,job-map" || p.Name != "bike-study" {
		t.Errorf("project %q with boards %v", p.Name, got)
	}
	if len(p.Boards[1].Steps) != 8 {
		t.Errorf("the job map has %d steps, want the template's 8", len(p.Boards[1].Steps))
	}
}

// -t takes bundled and user templates, in the order given; -title names
// the project.
func TestNewTemplatesAndTitle(t *testing.T) {
	userTemplateDir(t)
	path := filepath.Join(t.TempDir(), "w.jobcanvas")
	code, _, errOut := runCmd(t, "new", "-t", "free, my-map,free", "-title", "Commuters, spring", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The user's template is known to this process only while new runs,
	// so the file is read with it registered, as the app does.
	if _, ok := canvas.TemplateByID("my-map"); ok {
		t.Error("new left the user's template registered")
	}
	tpl, errs := storage.LoadUserTemplates(os.Getenv(storage.TemplateEnv))
	if len(errs) > 0 || len(tpl) != 1 {
		t.Fatal(errs)
	}
	remove, err := canvas.RegisterTemplate(tpl[0])
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := boardTemplates(p); strings.Join(got, ",") != "free,my-map,free" || p.Name != "Commuters, spring" {
		t.Errorf("project %q with boards %v", p.Name, got)
	}
	if len(p.Boards[1].Steps) != 3 || p.Boards[1].Title != "My map" {
		t.Errorf("the user's job map: %q with %d steps, want its 3", p.Boards[1].Title, len(p.Boards[1].Steps))
	}
}

// Nothing is written over what is at FILE, a link that leads nowhere
// included; nor is anything written for an unknown template.
func TestNewRefuses(t *testing.T) {
	t.Setenv(storage.TemplateEnv, filepath.Join(t.TempDir(), "none"))
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.jobcanvas")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "target.jobcanvas")
	dangling := filepath.Join(dir, "dangling.jobcanvas")
	if err := os.Symlink(target, dangling); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.jobcanvas")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"existing file", []string{"new", existing}, 1, existing + ": not created: a file of that name exists"},
		{"dangling link", []string{"new", dangling}, 1, "a symbolic link of that name exists"},
		{"unknown template", []string{"new", "-t", "job-map,nope", fresh}, 1, `no template "nope"; there are: value-proposition, job-map, free`},
		{"empty id", []string{"new", "-t", "job-map,", fresh}, 1, `no template ""`},
		{"missing folder", []string{"new", filepath.Join(dir, "no", "x.jobcanvas")}, 1, "does not exist"},
		{"no file", []string{"new"}, 2, "usage: jobcanvas new"},
		{"two files", []string{"new", fresh, fresh}, 2, "usage: jobcanvas new"},
		{"unknown flag", []string{"new", "-x", fresh}, 2, "usage: jobcanvas new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.err) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, out, errOut, tt.code, tt.err)
			}
		})
	}
	if data, _ := os.ReadFile(existing); string(data) != "keep me" {
		t.Errorf("the existing file changed: %q", data)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file was made through the dangling link")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want the 2 there were", len(entries))
	}
}

// A bad user template file does not stop a project that does not need it.
func TestNewWarnsOfBadUserTemplate(t *testing.T) {
	dir := userTemplateDir(t)
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.jobcanvas")
	code, _, errOut := runCmd(t, "new", "-t", "my-map", path)
	if code != 0 || !strings.Contains(errOut, "warning: template "+filepath.Join(dir, "bad.json")) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}
