package storage

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./storage -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update if the change is intended):\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + x + "\nwant: " + y
		}
	}
	return "(same lines)"
}

// mustDecode decodes data or fails the test.
func mustDecode(t testing.TB, data []byte) *canvas.Project {
	t.Helper()
	p, err := Decode(data, "test.jobcanvas")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return p
}

// mustEncode encodes p or fails the test.
func mustEncode(t testing.TB, p *canvas.Project) []byte {
	t.Helper()
	b, err := Encode(p)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b
}

// comparable returns a copy of p in the form Decode returns: zones
// recomputed, empty slices nil, unknown members compact.
func comparable(p *canvas.Project) *canvas.Project {
	q := p.Clone()
	q.Normalize()
	for _, b := range q.Boards {
		if len(b.Steps) == 0 {
			b.Steps = nil
		}
		if len(b.Links) == 0 {
			b.Links = nil
		}
		if len(b.Unknown) == 0 {
			b.Unknown = nil
		}
	}
	if len(q.Unknown) == 0 {
		q.Unknown = nil
	}
	return q
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		p    *canvas.Project
	}{
		{"generated, 3 cards", genProject(1, 3)},
		{"generated, 60 cards", genProject(2, 60)},
		{"generated, 2000 cards", genProject(3, 2000)},
		{"no boards", &canvas.Project{ID: genProject(4, 0).ID, Name: "Empty"}},
		{"empty boards", func() *canvas.Project {
			p, err := canvas.NewProject("New", canvas.TemplateValueProposition, canvas.TemplateJobMap, canvas.TemplateFree)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := mustEncode(t, tt.p)
			got := mustDecode(t, data)
			if want := comparable(tt.p); !reflect.DeepEqual(got, want) {
				t.Errorf("Decode(Encode(p)) != p")
				for i := range min(len(got.Boards), len(want.Boards)) {
					for j := range min(len(got.Boards[i].Cards), len(want.Boards[i].Cards)) {
						if g, w := got.Boards[i].Cards[j], want.Boards[i].Cards[j]; !reflect.DeepEqual(g, w) {
							t.Fatalf("first difference: boards[%d].cards[%d]:\n got %+v\nwant %+v", i, j, g, w)
						}
					}
				}
			}
			// Byte-stable: the canonical form re-encodes to itself.
			if again := mustEncode(t, got); !bytes.Equal(again, data) {
				t.Errorf("Encode(Decode(b)) != b:\n%s", firstDiff(again, data))
			}
			// Deterministic: the same project, the same bytes.
			if again := mustEncode(t, tt.p); !bytes.Equal(again, data) {
				t.Error("two encodings of one project differ")
			}
		})
	}
}

// TestGolden pins the canonical form: member order, indentation, omitted
// optional members, the final newline. With -update it rewrites the file
// from a generated project; otherwise it checks that the file is its own
// canonical form, which does not depend on how the project was made.
func TestGolden(t *testing.T) {
	const name = "full.jobcanvas"
	if *update {
		golden(t, name, mustEncode(t, genProject(7, 24)))
	}
	want, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	data := mustEncode(t, mustDecode(t, want))
	golden(t, name, data)
	if !bytes.HasSuffix(data, []byte("}\n")) || bytes.HasSuffix(data, []byte("\n\n")) {
		t.Error("want exactly one final newline")
	}
	if bytes.Contains(data, []byte("\t")) || !bytes.Contains(data, []byte("\n  \"boards\": [\n    {\n      \"id\"")) {
		t.Error("want 2-space indentation")
	}
	for _, absent := range []string{`"quote": ""`, `"color": ""`, `"votes": 0`, `"tags": []`, `": null`, `"zone": ""`} {
		if bytes.Contains(data, []byte(absent)) {
			t.Errorf("empty optional member written: %s", absent)
		}
	}
}

func TestMemberOrder(t *testing.T) {
	p := genProject(9, 1)
	c := p.Boards[0].Cards[0]
	c.Quote, c.Source, c.Color, c.Tags, c.Votes = "q", "s", "#AABBCC", []string{"t"}, 3
	one, five, ten := 1, 5, 10.0
	c.Severity, c.Relevance, c.Importance, c.Satisfaction = &one, &five, &ten, &ten
	c.Unknown = []byte(`{"zz":1,"aa":2}`)
	p.Boards = p.Boards[:2]
	data := string(mustEncode(t, p))
	order := []string{`"format"`, `"version"`, `"id"`, `"name"`, `"description"`, `"boards"`,
		`"id"`, `"template"`, `"title"`, `"cards"`,
		`"id"`, `"kind"`, `"zone"`, `"text"`, `"quote"`, `"source"`, `"x"`, `"y"`, `"w"`, `"h"`,
		`"color"`, `"tags"`, `"votes"`, `"severity"`, `"relevance"`, `"importance"`, `"satisfaction"`, `"zz"`, `"aa"`,
		`"x-zoom"`, `"x-view"`, // board 0's unknown members, after its known ones
		`"id"`, `"template"`, `"title"`, `"steps"`, `"cards"`,
		`"x-theme"`, `"x-history"`}
	rest := data
	for _, m := range order {
		i := strings.Index(rest, m+":")
		if i < 0 {
			t.Fatalf("member %s missing or out of order in:\n%s", m, data)
		}
		rest = rest[i+len(m):]
	}
}

func TestUnknownMembersKept(t *testing.T) {
	const in = `{"format":"jobcanvas","version":1,"x-first":"before id",
 "id":"7b1905dd-bd34-4c07-ba31-55b2bff7037b","name":"Unknowns",
 "x-nested":{"a":[1,{"b":[true,null,"\u00e9\n"]}],"big":123456789012345678901234567890,"exp":1E+2},
 "boards":[{"id":"d6ad0991-f206-4642-a462-17268295f4ae","template":"free","title":"",
   "x-board":[[],{}],
   "cards":[{"id":"1a981a86-d48b-433b-83a1-0d721c590380","kind":"note","text":"",
     "x-card":{"when":"2025-01-01","who":["ana","bo"]},"x":0,"y":0,"w":100,"h":100,"x-empty":""}]}],
 "x-last":-0.0}`
	p := mustDecode(t, []byte(in))
	wantProject := `{"x-first":"before id","x-nested":{"a":[1,{"b":[true,null,"\u00e9\n"]}],"big":123456789012345678901234567890,"exp":1E+2},"x-last":-0.0}`
	if string(p.Unknown) != wantProject {
		t.Errorf("project unknown members:\n got %s\nwant %s", p.Unknown, wantProject)
	}
	if got, want := string(p.Boards[0].Unknown), `{"x-board":[[],{}]}`; got != want {
		t.Errorf("board unknown members: got %s, want %s", got, want)
	}
	if got, want := string(p.Boards[0].Cards[0].Unknown), `{"x-card":{"when":"2025-01-01","who":["ana","bo"]},"x-empty":""}`; got != want {
		t.Errorf("card unknown members: got %s, want %s", got, want)
	}
	out := mustEncode(t, p)
	for _, s := range []string{`"x-first": "before id"`, `"big": 123456789012345678901234567890`, `"exp": 1E+2`,
		`"x-last": -0.0`, `"x-empty": ""`, `"x-board": [`, `"who": [`} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("output lacks %s:\n%s", s, out)
		}
	}
	// Stable from then on.
	if again := mustEncode(t, mustDecode(t, out)); !bytes.Equal(again, out) {
		t.Errorf("unknown members not stable:\n%s", firstDiff(again, out))
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	p := genProject(5, 10)
	bad := 11.0
	p.Boards[0].Cards[3].Importance = &bad
	_, err := Encode(p)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Encode of an invalid project: got %v, want a *ValidationError", err)
	}
	if want := "boards[0].cards[3].importance: must be between 0 and 10"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}

	p = genProject(5, 10)
	p.Boards[1].Cards[0].Unknown = []byte(`[1]`)
	if _, err := Encode(p); err == nil || !strings.Contains(err.Error(), "boards[1].cards[0]: unknown members are not a JSON object") {
		t.Errorf("unknown members not an object: got %v", err)
	}
	p = genProject(5, 10)
	p.Unknown = []byte(`{"name":"clash"}`)
	if _, err := Encode(p); err == nil {
		t.Error("unknown member named like a known one: want an error")
	}
}

// TestEncodeZonesFromPositions: the zone written is the one the card's
// position says, so a stale Zone field cannot reach a file.
func TestEncodeZonesFromPositions(t *testing.T) {
	p := genProject(6, 30)
	want := mustEncode(t, p)
	for _, b := range p.Boards {
		for _, c := range b.Cards {
			c.Zone = "stale"
		}
	}
	if got := mustEncode(t, p); !bytes.Equal(got, want) {
		t.Errorf("stale zones changed the output:\n%s", firstDiff(got, want))
	}
}

func TestTestdataFilesLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/*.jobcanvas")
	if err != nil || len(files) < 3 {
		t.Fatalf("testdata files: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			p, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Encode(p); err != nil {
				t.Fatal(err)
			}
		})
	}
}
