package storage

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TestMigrationsInOrder: one migration per version step, oldest first,
// ending at the current version, so every old file has a path forward.
func TestMigrationsInOrder(t *testing.T) {
	for i, m := range migrations {
		if m.from != oldestVersion+i {
			t.Errorf("migrations[%d] reads version %d, want %d", i, m.from, oldestVersion+i)
		}
		if m.name == "" || m.apply == nil {
			t.Errorf("migrations[%d] has no name or no function", i)
		}
	}
	if got := oldestVersion + len(migrations); got != Version {
		t.Errorf("migrations end at version %d, want %d", got, Version)
	}
}

func TestMigrateV0(t *testing.T) {
	p, err := Load("testdata/v0.jobcanvas")
	if err != nil {
		t.Fatal(err)
	}
	b := p.Boards[0]
	pain, reliever := b.Cards[0], b.Cards[1]
	if pain.Kind != canvas.KindPain || pain.X != 1500 || pain.Y != 800 || pain.W != 220 || pain.H != 140 ||
		pain.Severity == nil || *pain.Severity != 3 || pain.Zone != "pains" {
		t.Errorf("card 0 migrated wrong: %+v", pain)
	}
	if reliever.Kind != canvas.KindPainReliever || reliever.X != 700.5 || reliever.Zone != "pain-relievers" {
		t.Errorf("card 1 migrated wrong: %+v", reliever)
	}
	if got, want := string(pain.Unknown), `{"x-old":true}`; got != want {
		t.Errorf("card unknown members: got %s, want %s", got, want)
	}
	if got, want := string(p.Unknown), `{"x-prototype":{"build":"2024-05","precise":12345678901234567890}}`; got != want {
		t.Errorf("project unknown members: got %s, want %s", got, want)
	}
	if len(b.Links) != 1 || b.Links[0].From != reliever.ID {
		t.Errorf("links: %+v", b.Links)
	}
	// What a save of the migrated project writes, pinned.
	golden(t, "v0-migrated.jobcanvas", mustEncode(t, p))
}

func TestMigrateV0Errors(t *testing.T) {
	v0 := func(card string) string {
		return `{"format": "jobcanvas", "version": 0, "id": "7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0", "name": "Old",
"boards": [{"id": "7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1", "template": "free", "title": "",
"cards": [` + card + `]}]}`
	}
	const id = `"id": "7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1", `
	tests := []struct {
		name, in, want string
		target         error
	}{
		{"pos not a pair", v0(`{` + id + `"type": "note", "text": "", "pos": [1], "size": [100, 100]}`),
			`t.jobcanvas: boards[0].cards[0]: "pos": want an array of 2 numbers (migrating from format version 0)`, nil},
		{"size not numbers", v0(`{` + id + `"type": "note", "text": "", "pos": [1, 2], "size": ["100", 100]}`),
			`t.jobcanvas: boards[0].cards[0]: "size": want an array of 2 numbers (migrating from format version 0)`, nil},
		{"type and kind", v0(`{` + id + `"type": "note", "kind": "note", "text": "", "pos": [1, 2], "size": [100, 100]}`),
			`t.jobcanvas: boards[0].cards[0]: has both "type" and "kind" (migrating from format version 0)`, nil},
		{"pos and x", v0(`{` + id + `"type": "note", "text": "", "x": 1, "pos": [1, 2], "size": [100, 100]}`),
			`t.jobcanvas: boards[0].cards[0]: has both "pos" and "x" (migrating from format version 0)`, nil},
		{"wrong type after migrating", v0(`{` + id + `"type": "note", "text": 5, "pos": [1, 2], "size": [100, 100]}`),
			`t.jobcanvas: boards[0].cards[0].text: want a string, got a number (in the file as migrated from format version 0)`, nil},
		{"invalid after migrating", v0(`{` + id + `"type": "idea", "text": "", "pos": [1, 2], "size": [100, 100]}`),
			`t.jobcanvas: boards[0].cards[0].kind: unknown kind "idea"`, nil},
		{"syntax error", v0(`{` + id + `"type": "note", "text": "", "pos": [1, 2], "size": [100 100]}`),
			`t.jobcanvas:3:114: invalid character '1' after array element (expecting ',' or ']')`, nil},
		{"trailing garbage", v0(``) + ` x`,
			`t.jobcanvas:3:16: invalid character 'x' after top-level value`, nil},
		{"nested too deep", v0(`{` + id + `"type": "note", "x-deep": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`),
			`t.jobcanvas: nested more than 64 deep`, ErrTooLarge},
		{"duplicate member", v0(`{` + id + `"type": "note", "type": "note"}`),
			`t.jobcanvas:3:74: boards[0].cards[0]: duplicate member "type"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in), "t.jobcanvas")
			if err == nil || err.Error() != tt.want {
				t.Errorf("wrong error:\n got %v\nwant %s", err, tt.want)
			}
			if tt.target != nil && !errors.Is(err, tt.target) {
				t.Errorf("errors.Is(err, %v) = false", tt.target)
			}
		})
	}
}

func TestTreeRoundTrip(t *testing.T) {
	// parseTree and writeTree keep member order and numbers as the file
	// has them; strings keep their value (escapes are rewritten).
	const in = `{"b":1,"a":[1.50,"\u00e9",{"z":null,"y":true}],"c":{}}`
	got, err := migrate([]byte(strings.Replace(in, `"b":1`, `"version":0,"b":1`, 1)), 0, "t")
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"version":1,"b":1,"a":[1.50,"é",{"z":null,"y":true}],"c":{}}`; string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
