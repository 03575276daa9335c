package storage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// richClip is two linked cards with every member set, unknown ones too.
func richClip() canvas.Clip {
	sev, imp, sat := 4, 8.5, 2.0
	a := canvas.Card{ID: uuid.New(), Kind: canvas.KindPain, Zone: "pains", Text: "Rain", Quote: "I arrive soaked",
		Source: "Interview 3", X: 100, Y: 120, W: 160, H: 100, Color: "#ff8800", Tags: []string{"weather"},
		Votes: 3, Severity: &sev, Unknown: []byte(`{"x-later":{"a":[1,2]}}`)}
	b := canvas.Card{ID: uuid.New(), Kind: canvas.KindOutcome, Text: "Minimize the time to dry off",
		X: 300, Y: 120, W: 160, H: 100, Importance: &imp, Satisfaction: &sat}
	c := canvas.Card{ID: uuid.New(), Kind: canvas.KindJob, Text: "Stay dry", X: 500, Y: 120, W: 160, H: 100,
		Importance: &imp, JobTypes: []canvas.JobType{canvas.JobEmotional, canvas.JobFunctional}}
	d := canvas.Card{ID: uuid.New(), Kind: canvas.KindProduct, Text: "Rain kit", X: 700, Y: 120, W: 160, H: 100}
	return canvas.Clip{Cards: []canvas.Card{a, b, c, d}, Links: []canvas.Link{{From: a.ID, To: b.ID},
		{From: d.ID, To: c.ID, Strength: canvas.StrengthPartial}}}
}

// TestClipRoundTrip: every member of the cards, and their links, survive
// the fragment.
func TestClipRoundTrip(t *testing.T) {
	clip := richClip()
	data, err := EncodeClip(clip, "Rain\nMinimize the time to dry off")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), `{"format":"jobcanvas-clip","version":1,`) {
		t.Errorf("fragment not marked first: %.60s", data)
	}
	got, sum, err := DecodeClip(data, "clip")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, clip) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, clip)
	}
	if sum != ClipTextSum("  Rain\r\nMinimize the time to dry off\n") {
		t.Error("the sum does not match the same text with other line ends and spaces")
	}
}

// TestClipErrors: a fragment that is not one, or is broken, says what and
// where.
func TestClipErrors(t *testing.T) {
	good, err := EncodeClip(richClip(), "x")
	if err != nil {
		t.Fatal(err)
	}
	sum := ClipTextSum("x")
	id := uuid.New().String()
	card := `{"id":"` + id + `","kind":"pain","text":"t","x":0,"y":0,"w":100,"h":100}`
	for _, tt := range []struct{ data, want string }{
		{``, "clip:"},
		{`[1]`, "clip:"},
		{`{"format":"jobcanvas","version":1}`, `not a Jobcanvas clip: "format" is "jobcanvas", want "jobcanvas-clip"`},
		{`{"version":1}`, `"format" is missing`},
		{`{"format":"jobcanvas-clip","version":2}`, "clip version 2, this Jobcanvas reads 1"},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"zz","cards":[]}`, "text_sha256: want 64 lower-case hexadecimal digits"},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + sum + `"}`, "cards: missing"},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + sum + `","cards":[{"id":"` + id + `","kind":"idea","text":"t","x":0,"y":0,"w":100,"h":100}]}`,
			`cards[0].kind: unknown kind "idea"`},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + sum + `","cards":[` + card + `,` + card + `]}`, "cards[1].id: duplicate id"},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + sum + `","cards":[` + card + `],"links":[{"from":"` + id + `","to":"` + uuid.NewString() + `"}]}`,
			"links[0].to: no card"},
		{`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + sum + `","cards":[{"id":"` + id + `","kind":"pain","x":0,"y":0,"w":100,"h":100}]}`, "cards[0].text: missing"},
		{string(good[:len(good)-3]), "clip:1:"},
	} {
		_, _, err := DecodeClip([]byte(tt.data), "clip")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "clip") {
			t.Errorf("%.80s: error %v, want one with %q", tt.data, err, tt.want)
		}
	}
}

// TestClipFile: the side file gives back the cards only for the text they
// were copied with; stale, damaged or missing, it gives nothing, and says
// why when it is damaged.
func TestClipFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "clipboard")
	if _, ok, err := ReadClip(dir, "anything"); ok || err != nil {
		t.Errorf("no clip file: ok %v, err %v", ok, err)
	}
	clip := richClip()
	if err := WriteClip(dir, clip, "Rain\nMinimize the time to dry off"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("clipboard folder: %v, %v; want 0700, the owner's only", fi.Mode(), err)
	}
	got, ok, err := ReadClip(dir, "Rain\r\nMinimize the time to dry off\r\n")
	if !ok || err != nil || !reflect.DeepEqual(got, clip) {
		t.Errorf("same text: ok %v, err %v, cards equal %v", ok, err, reflect.DeepEqual(got, clip))
	}
	if _, ok, err := ReadClip(dir, "Copied in another program since"); ok || err != nil {
		t.Errorf("stale clip file: ok %v, err %v; want ignored", ok, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left beside the clip file: %v", entries)
	}

	file := filepath.Join(dir, clipFileName)
	data, _ := os.ReadFile(file)
	os.WriteFile(file, data[:len(data)/2], 0o600)
	if _, ok, err := ReadClip(dir, "Rain\nMinimize the time to dry off"); ok || err == nil || !strings.HasPrefix(err.Error(), file) {
		t.Errorf("damaged clip file: ok %v, err %v; want an error naming it", ok, err)
	}

	// A link at the made-up name is neither read nor written through.
	target := filepath.Join(t.TempDir(), "elsewhere")
	os.WriteFile(target, data, 0o600)
	os.Remove(file)
	if err := os.Symlink(target, file); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ReadClip(dir, "Rain\nMinimize the time to dry off"); ok || err == nil {
		t.Errorf("clip file is a link: ok %v, err %v", ok, err)
	}
	if err := WriteClip(dir, clip, "other"); err == nil {
		t.Error("wrote through a link")
	}
	if after, _ := os.ReadFile(target); string(after) != string(data) {
		t.Error("the link's target changed")
	}
}
