package storage

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// base is a small valid project written by hand; the cases below break it
// in one place each. Its lines, for the positions expected:
//
//	12: card 0, 13: card 1, 15: links.
const base = `{
  "format": "jobcanvas",
  "version": 1,
  "id": "7b1905dd-bd34-4c07-ba31-55b2bff7037b",
  "name": "Test",
  "boards": [
    {
      "id": "d6ad0991-f206-4642-a462-17268295f4ae",
      "template": "value-proposition",
      "title": "Board",
      "cards": [
        {"id": "1a981a86-d48b-433b-83a1-0d721c590380", "kind": "pain", "text": "Arrive sweaty", "x": 100, "y": 100, "w": 160, "h": 100},
        {"id": "2b35c26e-46e7-413f-b48e-9f71762089ea", "kind": "outcome", "text": "Minimize time", "x": 400, "y": 100, "w": 160, "h": 100, "importance": 7}
      ],
      "links": [{"from": "1a981a86-d48b-433b-83a1-0d721c590380", "to": "2b35c26e-46e7-413f-b48e-9f71762089ea"}]
    }
  ]
}
`

// edit returns base with old replaced by new, once; old must be there.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if strings.Count(base, old) != 1 {
		t.Fatalf("edit: %q is not in base exactly once", old)
	}
	return strings.Replace(base, old, new, 1)
}

func TestDecodeBase(t *testing.T) {
	p := mustDecode(t, []byte(base))
	if got := p.Boards[0].Cards[0].Zone; got == "" {
		t.Error("zone not computed on load")
	}
}

func TestDecodeErrors(t *testing.T) {
	const card0 = `{"id": "1a981a86-d48b-433b-83a1-0d721c590380", "kind": "pain", `
	tooManyTags := `"tags": [` + strings.TrimSuffix(strings.Repeat(`"t",`, canvas.MaxTags+1), ",") + `], `
	deep := strings.Repeat(`[`, MaxDepth) + strings.Repeat(`]`, MaxDepth)
	tests := []struct {
		name   string
		in     string
		want   string // the whole message
		target error  // for errors.Is, or nil
	}{
		{"empty file", ``,
			`t.jobcanvas: not a Jobcanvas project: the file is empty`, ErrNotProject},
		{"blank file", " \r\n\t\n",
			`t.jobcanvas: not a Jobcanvas project: the file is empty`, ErrNotProject},
		{"byte order mark only", "\xEF\xBB\xBF",
			`t.jobcanvas: not a Jobcanvas project: the file is empty`, ErrNotProject},
		{"not an object", `["format", "jobcanvas"]`,
			`t.jobcanvas: not a Jobcanvas project: the file holds an array, not an object`, ErrNotProject},
		{"null", `null`,
			`t.jobcanvas: not a Jobcanvas project: the file holds null, not an object`, ErrNotProject},
		{"missing format", edit(t, `"format": "jobcanvas",`, ``),
			`t.jobcanvas: not a Jobcanvas project: no "format": "jobcanvas" member`, ErrNotProject},
		{"wrong format", edit(t, `"format": "jobcanvas"`, `"format": "excalidraw"`),
			`t.jobcanvas: not a Jobcanvas project: "format" is "excalidraw", want "jobcanvas"`, ErrNotProject},
		{"format not a string", edit(t, `"format": "jobcanvas"`, `"format": 1`),
			`t.jobcanvas: not a Jobcanvas project: "format" is 1, want "jobcanvas"`, ErrNotProject},
		{"newer version", edit(t, `"version": 1`, `"version": 3`),
			`t.jobcanvas: file was written by a newer Jobcanvas (format version 3); this version reads up to 1`, ErrNewerVersion},
		// A newer file is refused before its body is read: this body is
		// not even JSON, and the message is still about the version.
		{"newer version, body not read", `{"format": "jobcanvas", "version": 2, "boards": {{{ oops`,
			`t.jobcanvas: file was written by a newer Jobcanvas (format version 2); this version reads up to 1`, ErrNewerVersion},
		{"newer version, members after the body", `{"id": "x", "boards": "later", "version": 2.0, "format": "jobcanvas"}`,
			`t.jobcanvas: file was written by a newer Jobcanvas (format version 2); this version reads up to 1`, ErrNewerVersion},
		{"missing version", edit(t, `"version": 1,`, ``),
			`t.jobcanvas: version: missing`, nil},
		{"version a string", edit(t, `"version": 1`, `"version": "1"`),
			`t.jobcanvas: version: want a whole number, got a string`, nil},
		{"version a fraction", edit(t, `"version": 1`, `"version": 1.5`),
			`t.jobcanvas: version: want a whole number, got 1.5`, nil},
		{"negative version", edit(t, `"version": 1`, `"version": -1`),
			`t.jobcanvas: version: unknown format version -1`, nil},
		{"truncated", base[:strings.Index(base, `"Minimize`)+4],
			`t.jobcanvas:13:87: unexpected end of file`, nil},
		{"trailing garbage", base + "x\n",
			`t.jobcanvas:19:1: invalid character 'x' after top-level value`, nil},
		{"second object", base + "{}",
			`t.jobcanvas:19:1: invalid character '{' after top-level value`, nil},
		{"missing comma", edit(t, `"name": "Test",`, `"name": "Test"`),
			`t.jobcanvas:6:3: invalid character '"' after object value (expecting ',' or '}')`, nil},
		{"trailing comma", edit(t, `"h": 100},`, `"h": 100,},`),
			`t.jobcanvas:12:135: trailing comma before '}'`, nil},
		{"trailing comma in an array", edit(t, "}\n      ],", "},\n      ],"),
			`t.jobcanvas:13:156: trailing comma before ']'`, nil},
		{"wrong type", edit(t, `"x": 400`, `"x": "400"`),
			`t.jobcanvas:13:105: boards[0].cards[1].x: want a number, got a string`, nil},
		{"wrong type, array", edit(t, `"cards": [`, `"cards": {"a": 1}, "x-cards": [`),
			`t.jobcanvas:11:16: boards[0].cards: want an array, got an object`, nil},
		{"wrong type, object", edit(t, `"boards": [`, `"boards": [1, `),
			`t.jobcanvas:6:14: boards[0]: want an object, got a number`, nil},
		{"fractional votes", edit(t, `"h": 100, "importance"`, `"h": 100, "votes": 2.5, "importance"`),
			`t.jobcanvas:13:149: boards[0].cards[1].votes: want a whole number, got 2.5`, nil},
		{"number out of range", edit(t, `"y": 100, "w": 160, "h": 100, "importance"`, `"y": 1e999, "w": 160, "h": 100, "importance"`),
			`t.jobcanvas:13:115: boards[0].cards[1].y: number out of range: 1e999`, nil},
		{"bad UUID", edit(t, `"1a981a86-d48b-433b-83a1-0d721c590380", "kind"`, `"1a981a86-d48b-433b-83a1", "kind"`),
			`t.jobcanvas:12:16: boards[0].cards[0].id: not a UUID: "1a981a86-d48b-433b-83a1"`, nil},
		{"UUID not canonical", edit(t, `"id": "7b1905dd-bd34-4c07-ba31-55b2bff7037b"`, `"id": "{7b1905dd-bd34-4c07-ba31-55b2bff7037b}"`),
			`t.jobcanvas:4:9: id: not a UUID: "{7b1905dd-bd34-4c07-ba31-55b2bff7037b}"`, nil},
		{"duplicate card id", edit(t, `"2b35c26e-46e7-413f-b48e-9f71762089ea", "kind"`, `"1a981a86-d48b-433b-83a1-0d721c590380", "kind"`),
			`t.jobcanvas: boards[0].cards[1].id: duplicate id 1a981a86-d48b-433b-83a1-0d721c590380 (first used at boards[0].cards[0].id)` + "\n" +
				`t.jobcanvas: boards[0].links[0].to: no card 2b35c26e-46e7-413f-b48e-9f71762089ea on this board`, nil},
		{"link to a missing card", edit(t, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "3b35c26e-46e7-413f-b48e-9f71762089ea"`),
			`t.jobcanvas: boards[0].links[0].to: no card 3b35c26e-46e7-413f-b48e-9f71762089ea on this board`, nil},
		{"importance 11", edit(t, `"importance": 7`, `"importance": 11`),
			`t.jobcanvas: boards[0].cards[1].importance: must be between 0 and 10`, nil},
		{"unknown kind", edit(t, `"kind": "pain"`, `"kind": "idea"`),
			`t.jobcanvas: boards[0].cards[0].kind: unknown kind "idea"`, nil},
		{"unknown template", edit(t, `"template": "value-proposition"`, `"template": "mind-map"`),
			`t.jobcanvas: boards[0].template: unknown template "mind-map" (want one of value-proposition, job-map, free)`, nil},
		{"text too long", edit(t, `"Arrive sweaty"`, `"`+strings.Repeat("é", canvas.MaxTextLen+1)+`"`),
			`t.jobcanvas: boards[0].cards[0].text: too long: 2001 characters, the limit is 2000`, nil},
		{"invalid UTF-8", edit(t, `"Arrive sweaty"`, "\"Arrive \xff sweaty\""),
			`t.jobcanvas:12:88: invalid UTF-8: a project file is UTF-8 text`, nil},
		{"invalid UTF-8 in a name", edit(t, `"title"`, "\"ti\xfftle\""),
			`t.jobcanvas:10:10: invalid UTF-8: a project file is UTF-8 text`, nil},
		{"duplicate member", edit(t, `"text": "Arrive sweaty"`, `"text": "Arrive sweaty", "text": "again"`),
			`t.jobcanvas:12:97: boards[0].cards[0]: duplicate member "text"`, nil},
		{"duplicate top-level member", edit(t, `"name": "Test",`, `"name": "Test", "name": "Again",`),
			`t.jobcanvas:5:19: duplicate member "name"`, nil},
		{"duplicate unknown member", edit(t, `"name": "Test",`, `"x-a": 1, "x-a": 2, "name": "Test",`),
			`t.jobcanvas:5:13: duplicate member "x-a"`, nil},
		{"duplicate format member", edit(t, `"version": 1,`, `"version": 1, "format": "jobcanvas",`),
			`t.jobcanvas:3:17: duplicate member "format"`, nil},
		{"missing required members", edit(t, `"x": 100, "y": 100, "w": 160, "h": 100},`, `"x": 100, "h": 100},`),
			"t.jobcanvas: boards[0].cards[0].y: missing\nt.jobcanvas: boards[0].cards[0].w: missing", nil},
		{"missing text", edit(t, `"text": "Arrive sweaty", `, ``),
			`t.jobcanvas: boards[0].cards[0].text: missing`, nil},
		{"null for a required member", edit(t, `"title": "Board"`, `"title": null`),
			`t.jobcanvas: boards[0].title: missing`, nil},
		{"missing boards", edit(t, `"boards": [`, `"boards": null, "x-boards": [`),
			`t.jobcanvas: boards: missing`, nil},
		{"unknown member in a link", edit(t, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea", "weight": 2`),
			`t.jobcanvas:15:112: boards[0].links[0]: unknown member "weight": only the project, boards and cards may hold members this version does not know`, nil},
		{"too many tags", edit(t, card0, card0+tooManyTags),
			`t.jobcanvas:12:209: boards[0].cards[0].tags: too many tags: the limit is 32`, ErrTooLarge},
		{"nested too deep", edit(t, card0, card0+`"x-deep": `+deep+`, `),
			`t.jobcanvas: boards[0].cards[0]: members nested more than 64 deep`, ErrTooLarge},
		{"nested as deep as allowed", edit(t, card0, card0+`"x-deep": `+deep[5:len(deep)-5]+`, `), ``, nil},
		{"byte order mark", "\xEF\xBB\xBF" + base, ``, nil},
		{"byte order mark, error positions", "\xEF\xBB\xBF" + base + "x",
			`t.jobcanvas:19:1: invalid character 'x' after top-level value`, nil},
		{"byte order mark twice", "\xEF\xBB\xBF\xEF\xBB\xBF" + base,
			`t.jobcanvas:1:1: invalid character '\ufeff' at start of value`, nil},
		{"version 1.0", edit(t, `"version": 1`, `"version": 1.0`), ``, nil},
		{"whole numbers written as 2.0", edit(t, `"importance": 7`, `"importance": 7, "votes": 2.0, "severity": 1e0`), ``, nil},
		{"votes a string", edit(t, `"importance": 7`, `"importance": 7, "votes": "2"`),
			`t.jobcanvas:13:166: boards[0].cards[1].votes: want a whole number, got a string`, nil},
		{"votes too big", edit(t, `"importance": 7`, `"importance": 7, "votes": 1e300`),
			`t.jobcanvas:13:166: boards[0].cards[1].votes: want a whole number, got 1e300`, nil},
		{"format escaped", edit(t, `"format": "jobcanvas"`, `"format": "jobcanv\u0061s"`), ``, nil},
		{"link strength", edit(t, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea", "strength": "partial"`), ``, nil},
		{"unknown link strength", edit(t, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea"`, `"to": "2b35c26e-46e7-413f-b48e-9f71762089ea", "strength": "total"`),
			`t.jobcanvas: boards[0].links[0].strength: unknown strength "total" (want weak, partial or strong)`, nil},
		{"job types", edit(t, card0, card0+`"jobTypes": ["social", "functional"], `), ``, nil},
		{"unknown job type", edit(t, card0, card0+`"jobTypes": ["social", "financial"], `),
			`t.jobcanvas: boards[0].cards[0].jobTypes[1]: unknown job type "financial" (want functional, social, emotional, supporting or consumption)`, nil},
		{"duplicate job type", edit(t, card0, card0+`"jobTypes": ["social", "social"], `),
			`t.jobcanvas: boards[0].cards[0].jobTypes[1]: duplicate job type "social"`, nil},
		{"too many job types", edit(t, card0, card0+`"jobTypes": ["social", "social", "social", "social", "social", "social"], `),
			`t.jobcanvas:12:135: boards[0].cards[0].jobTypes: too many job types: the limit is 5`, ErrTooLarge},
		{"job types a string", edit(t, card0, card0+`"jobTypes": "social", `),
			`t.jobcanvas:12:84: boards[0].cards[0].jobTypes: want an array, got a string`, nil},
		{"score scale", edit(t, `"name": "Test",`, `"name": "Test", "scoreScale": "survey",`), ``, nil},
		{"unknown score scale", edit(t, `"name": "Test",`, `"name": "Test", "scoreScale": "gut",`),
			`t.jobcanvas: scoreScale: unknown score scale "gut" (want room or survey)`, nil},
		{"several problems", edit(t, `"importance": 7`, `"importance": -1, "votes": 1001, "color": "red"`),
			"t.jobcanvas: boards[0].cards[1].color: must be #RRGGBB, got \"red\"\n" +
				"t.jobcanvas: boards[0].cards[1].votes: must be between 0 and 1000\n" +
				"t.jobcanvas: boards[0].cards[1].importance: must be between 0 and 10", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Decode([]byte(tt.in), "t.jobcanvas")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("want success, got %v", err)
				}
				if _, err := Encode(p); err != nil {
					t.Fatalf("decoded, but Encode: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("want error %q, got none", tt.want)
			}
			if p != nil {
				t.Error("want a nil project with the error")
			}
			if err.Error() != tt.want {
				t.Errorf("wrong message:\n got %s\nwant %s", err, tt.want)
			}
			if tt.target != nil && !errors.Is(err, tt.target) {
				t.Errorf("errors.Is(err, %v) = false", tt.target)
			}
		})
	}
}

// TestErrorTypes checks that callers can tell errors apart with errors.As.
func TestErrorTypes(t *testing.T) {
	_, err := Decode([]byte(edit(t, `"x": 400`, `"x": "400"`)), "t.jobcanvas")
	var se *SyntaxError
	if !errors.As(err, &se) || se.File != "t.jobcanvas" || se.Line != 13 || se.Column != 105 || se.Path != "boards[0].cards[1].x" {
		t.Errorf("type error: got %#v", err)
	}

	_, err = Decode([]byte(edit(t, `"importance": 7`, `"importance": 11`)), "t.jobcanvas")
	var ve *ValidationError
	var cve canvas.ValidationError
	var fe *canvas.FieldError
	if !errors.As(err, &ve) || !errors.As(err, &cve) || !errors.As(err, &fe) || fe.Path != "boards[0].cards[1].importance" {
		t.Errorf("validation error: got %#v", err)
	}

	_, err = Decode([]byte(edit(t, `"version": 1`, `"version": 7`)), "t.jobcanvas")
	var vere *VersionError
	if !errors.As(err, &vere) || vere.Version != 7 || !errors.Is(err, ErrNewerVersion) {
		t.Errorf("version error: got %#v", err)
	}
}

// TestManyProblemsShortMessage: a file with thousands of problems lists the
// first few, not all, while the error keeps them all.
func TestManyProblemsShortMessage(t *testing.T) {
	var cards []string
	for i := range 100 {
		cards = append(cards, fmt.Sprintf(`{"id": "00000000-0000-4000-8000-%012d", "kind": "pain", "text": "", "x": 0, "y": 0, "w": 1, "h": 100}`, i+1))
	}
	in := edit(t, base[strings.Index(base, `{"id": "1a98`):strings.Index(base, "\n      ],")], strings.Join(cards, ",\n"))
	in = strings.Replace(in, `"links": [{"from": "1a981a86-d48b-433b-83a1-0d721c590380", "to": "2b35c26e-46e7-413f-b48e-9f71762089ea"}]`, `"links": []`, 1)
	_, err := Decode([]byte(in), "t.jobcanvas")
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Err) != 100 {
		t.Fatalf("got %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxShownProblems+1 || lines[len(lines)-1] != "t.jobcanvas: … and 80 more problems" {
		t.Errorf("got %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestDecodeTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte(" "), MaxFileSize+1)
	_, err := Decode(data, "t.jobcanvas")
	if !errors.Is(err, ErrTooLarge) || err.Error() != "t.jobcanvas: file is 67108865 bytes, the limit is 67108864 bytes" {
		t.Errorf("got %v", err)
	}
}

func TestTooManyCards(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "jobcanvas", "version": 1, "id": "7b1905dd-bd34-4c07-ba31-55b2bff7037b", "name": "Big", "boards": [`)
	// Two boards, each under the limit, together over it.
	for bi := range 2 {
		if bi > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "00000000-0000-4000-9000-%012d", "template": "free", "title": "", "cards": [`, bi+1)
		for i := range canvas.MaxCards/2 + 1 {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"id": "00000000-0000-4%03d-8000-%012d", "kind": "note", "text": "", "x": 0, "y": 0, "w": 100, "h": 100}`, bi, i+1)
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	_, err := Decode([]byte(b.String()), "t.jobcanvas")
	if !errors.Is(err, ErrTooLarge) || !strings.HasSuffix(err.Error(), ": boards: too many cards in the project: the limit is 50000") {
		t.Errorf("got %v", err)
	}
}

func TestPosition(t *testing.T) {
	data := []byte("ab\ncdé\n\nxyz")
	tests := []struct {
		offset     int64
		line, colm int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {7, 2, 4}, {8, 3, 1}, {9, 4, 1}, {12, 4, 4}, {100, 4, 4}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := position(data, tt.offset); l != tt.line || c != tt.colm {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.colm)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		n, limit int64
		want     string
	}{
		{80 << 20, MaxFileSize, "80 MiB"},
		{MaxFileSize, 80 << 20, "64 MiB"},
		{100<<20 + 300<<10, MaxFileSize, "100.3 MiB"},
		{MaxFileSize + 1, MaxFileSize, "67108865 bytes"},
		{2048, MaxFileSize, "2 KiB"},
		{12, MaxFileSize, "12 bytes"},
	}
	for _, tt := range tests {
		if got := formatSize(tt.n, tt.limit); got != tt.want {
			t.Errorf("formatSize(%d, %d) = %q, want %q", tt.n, tt.limit, got, tt.want)
		}
	}
}

// TestMalformedLists: a syntax error where a list should start is reported
// as such, not as a list of the wrong type.
func TestMalformedLists(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{`"cards": [`, `"cards": ]`, `t.jobcanvas:11:16: invalid character ']' at start of value`},
		{`"links": [`, `"links": [,`, `t.jobcanvas:15:17: invalid character ',' at start of value`},
		{`"boards": [`, `"boards": x[`, `t.jobcanvas:6:13: invalid character 'x' at start of value`},
	} {
		_, err := Decode([]byte(edit(t, tt.old, tt.new)), "t.jobcanvas")
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.new, err, tt.want)
		}
	}
}
