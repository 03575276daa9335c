package storage

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jobcanvas/jobcanvas/canvas"
)

const templateSchemaPath = "../assets/schema/template.schema.json"

func compileTemplateSchema(t *testing.T) *jsonschema.Schema {
	return compileSchemaFile(t, templateSchemaPath)
}

// sampleTemplates are templates of every shape: the bundled ones, the test
// template with axes and areas, and a job map saved with its own steps.
func sampleTemplates(t *testing.T) []*canvas.Template {
	t.Helper()
	var out []*canvas.Template
	files, _ := filepath.Glob("../assets/templates/*.json")
	more, _ := filepath.Glob("../app/testdata/templates/*.json")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tpl, err := canvas.ParseTemplate(f, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tpl)
	}
	b, err := canvas.NewBoard(canvas.TemplateJobMap, "Get to work")
	if err != nil {
		t.Fatal(err)
	}
	b.Steps = []canvas.Step{{ID: "leave", Name: "Leave home", Description: "Lock up & go"}, {ID: "arrive"}}
	jm, err := canvas.TemplateFromBoard(b, "my-commute", "My commute")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 4 {
		t.Fatalf("found only %d template files", len(out))
	}
	return append(out, jm)
}

// A saved template reads back with ParseTemplate as the same template, is
// valid by the published schema, and is the same bytes every time.
func TestSaveTemplateRoundTrip(t *testing.T) {
	s := compileTemplateSchema(t)
	dir := filepath.Join(t.TempDir(), "config", "templates")
	for _, tpl := range sampleTemplates(t) {
		c := *tpl
		c.ID = "user-" + tpl.ID
		path, err := SaveTemplate(dir, &c)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(dir, c.ID+".json"); path != want {
			t.Errorf("path %s, want %s", path, want)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		back, err := canvas.ParseTemplate(path, data)
		if err != nil {
			t.Fatalf("%s does not read back: %v\n%s", c.ID, err, data)
		}
		if !reflect.DeepEqual(back, &c) {
			t.Errorf("%s reads back as\n%+v\nwant\n%+v", c.ID, back, &c)
		}
		if err := schemaValidate(s, data); err != nil {
			t.Errorf("%s is not valid by the schema: %v\n%s", c.ID, err, data)
		}
		again, err := EncodeTemplate(&c)
		if err != nil || !bytes.Equal(again, data) {
			t.Errorf("%s: a second encoding differs (%v)", c.ID, err)
		}
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("the templates folder was made %v, want private (0700)", fi.Mode().Perm())
	}
}

// The file has the bundled files' member names and leaves out what is not
// set, so a hand-edited user template looks like a bundled one.
func TestEncodeTemplateMembers(t *testing.T) {
	vp, _ := canvas.TemplateByID(canvas.TemplateValueProposition)
	data, err := EncodeTemplate(vp)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"cx": 1820`, `"cy": 640`, `"r": 500`, `"x": 0`, `"w": 2400`, `"Products & services"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("no %s in\n%s", want, data)
		}
	}
	for _, not := range []string{`"X"`, `"CX"`, `"columns"`, `"steps"`, `"axes"`, `"place"`, `\u0026`} {
		if bytes.Contains(data, []byte(not)) {
			t.Errorf("%s in\n%s", not, data)
		}
	}
	jm, _ := canvas.TemplateByID(canvas.TemplateJobMap)
	data, err = EncodeTemplate(jm)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(`"bounds"`)) || !bytes.Contains(data, []byte(`"header": 150`)) {
		t.Errorf("job map: want no bounds and its header:\n%s", data)
	}
}

func TestEncodeTemplateRefusesInvalid(t *testing.T) {
	tpl := &canvas.Template{ID: "x", Name: "X", Bounds: canvas.Rect{W: -1, H: 10}}
	if _, err := EncodeTemplate(tpl); err == nil || !strings.Contains(err.Error(), "bounds.w") {
		t.Errorf("err %v, want one about bounds.w", err)
	}
}

// SaveTemplate never replaces a file, nor writes through a link at the
// name it makes up, nor takes an id that is not a plain file name.
func TestSaveTemplateRefuses(t *testing.T) {
	dir := t.TempDir()
	free, _ := canvas.TemplateByID(canvas.TemplateFree)
	tpl := *free
	tpl.ID = "mine"
	existing := filepath.Join(dir, "mine.json")
	if err := os.WriteFile(existing, []byte("not mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveTemplate(dir, &tpl); !errors.Is(err, fs.ErrExist) {
		t.Errorf("over a file: err %v, want fs.ErrExist", err)
	}
	if data, _ := os.ReadFile(existing); string(data) != "not mine" {
		t.Errorf("the existing file changed: %q", data)
	}

	tpl.ID = "linked"
	target := filepath.Join(t.TempDir(), "elsewhere.json")
	if err := os.Symlink(target, filepath.Join(dir, "linked.json")); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveTemplate(dir, &tpl); !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("at a dangling link: err %v, want one about the link", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file was made through the link")
	}

	for _, id := range []string{"../up", "a/b", ".hidden", `back\slash`, strings.Repeat("x", 300)} {
		tpl.ID = id
		if _, err := SaveTemplate(dir, &tpl); err == nil || !strings.Contains(err.Error(), "id") {
			t.Errorf("id %q: err %v", id, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want the file and the link", len(entries))
	}
}

func TestLoadUserTemplates(t *testing.T) {
	dir := t.TempDir()
	free, _ := canvas.TemplateByID(canvas.TemplateFree)
	good := *free
	good.ID, good.Name = "retro", "Retro"
	if _, err := SaveTemplate(dir, &good); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	okTemplate := func(id string) string {
		return `{"id": "` + id + `", "name": "N", "bounds": {"x": 0, "y": 0, "w": 10, "h": 10}}`
	}
	syntax := write("a-syntax.json", "{\n  \"id\": \"s\",\n  \"name\": nope\n}\n")
	field := write("b-field.json", `{"id": "f", "name": "F", "bounds": {"w": 10, "h": 10}, "zones": [{"id": "z", "rect": {"w": 0, "h": 5}}]}`)
	bundled := write("c-bundled.json", okTemplate(canvas.TemplateJobMap))
	first := write("d-first.json", okTemplate("twin"))
	second := write("e-second.json", okTemplate("twin"))
	write("notes.txt", "not a template")
	if err := os.Mkdir(filepath.Join(dir, "f-folder.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "shared.json")
	if err := os.WriteFile(outside, []byte(okTemplate("shared")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "g-link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, "h-dirlink.json")); err != nil {
		t.Fatal(err)
	}

	got, errs := LoadUserTemplates(dir)
	var ids []string
	for _, tpl := range got {
		ids = append(ids, tpl.ID)
	}
	if want := []string{"twin", "shared", "retro"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("loaded %v, want %v", ids, want)
	}
	if len(got) == 3 && !reflect.DeepEqual(got[2], &good) {
		t.Errorf("retro reads back as %+v", got[2])
	}
	wants := [][]string{
		{syntax, "line 3, column"},
		{field, "zones[0].rect.w"},
		{bundled, `"job-map"`, "bundled", "Job map"},
		{second, `"twin"`, first},
		{"f-folder.json", "a folder"},
		{"h-dirlink.json", "a folder"},
	}
	if len(errs) != len(wants) {
		t.Fatalf("%d errors, want %d: %v", len(errs), len(wants), errs)
	}
	for i, w := range wants {
		for _, s := range w {
			if !strings.Contains(errs[i].Error(), s) {
				t.Errorf("error %d %q does not say %q", i, errs[i], s)
			}
		}
	}

	got, errs = LoadUserTemplates(filepath.Join(dir, "missing"))
	if got != nil || errs != nil {
		t.Errorf("a missing folder: %v, %v; want nothing", got, errs)
	}
}

func TestTemplateDirEnv(t *testing.T) {
	t.Setenv(TemplateEnv, "rel/templates")
	d, err := TemplateDir()
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(d) || !strings.HasSuffix(d, filepath.Join("rel", "templates")) {
		t.Errorf("TemplateDir() = %s", d)
	}
	t.Setenv(TemplateEnv, "")
	t.Setenv("XDG_CONFIG_HOME", "/home/ann/.config")
	if d, err := TemplateDir(); err != nil || d != "/home/ann/.config/jobcanvas/templates" {
		t.Errorf("TemplateDir() = %s, %v", d, err)
	}
}
