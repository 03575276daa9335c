package storage

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// midVote is a project saved in the middle of a vote: a card of the first
// board with votes from before the vote and dots of it.
func midVote(t *testing.T) (*canvas.Project, *canvas.Board) {
	t.Helper()
	p := genProject(7, 20)
	b := p.Boards[0]
	c := b.Cards[0]
	var h canvas.History
	for _, e := range []canvas.Edit{
		&canvas.StartVote{Board: b.ID, DotsPerPerson: 3, Voters: 4, Kinds: []canvas.Kind{c.Kind}},
		&canvas.CastDot{Board: b.ID, Card: c.ID},
		&canvas.CastDot{Board: b.ID, Card: c.ID},
	} {
		if err := h.Do(p, e); err != nil {
			t.Fatal(err)
		}
	}
	return p, b
}

func TestVoteRoundTrip(t *testing.T) {
	p, b := midVote(t)
	data := mustEncode(t, p)
	if !bytes.Contains(data, []byte(`"vote": {`)) || !bytes.Contains(data, []byte(`"dotsPerPerson": 3`)) {
		t.Fatalf("no vote in the file:\n%s", data)
	}
	if err := schemaValidate(compileSchema(t), data); err != nil {
		t.Errorf("schema refuses a file saved mid-vote: %v", err)
	}
	got := mustDecode(t, data)
	if want := comparable(p); !reflect.DeepEqual(got, want) {
		t.Errorf("Decode(Encode(p)) != p: vote %+v, want %+v", got.Boards[0].Vote, want.Boards[0].Vote)
	}
	gb := got.Boards[0]
	if gb.Vote.Left(gb) != 10 {
		t.Errorf("reloaded: %d dots left, want 12 - 2", gb.Vote.Left(gb))
	}
	// The vote carries on: the dots cast before the save can be taken back.
	if err := (&canvas.TakeDot{Board: gb.ID, Card: b.Cards[0].ID}).Apply(got); err != nil {
		t.Errorf("take back a dot after reload: %v", err)
	}
	if again := mustEncode(t, mustDecode(t, data)); !bytes.Equal(again, data) {
		t.Error("a file saved mid-vote is not its own canonical form")
	}
}

func TestVoteDecodeErrors(t *testing.T) {
	p, b := midVote(t)
	data := string(mustEncode(t, p))
	id := b.Cards[0].ID.String()
	for _, tt := range []struct{ name, old, new, want string }{
		{"too many dots", `"dots": 2`, `"dots": 13`, "has 2 votes, fewer than the 13 dots"},
		{"no voters", `"voters": 4`, `"voters": 0`, "boards[0].vote.voters: must be between 1 and 1000, not 0"},
		{"a card not on the board", `"card": "` + id, `"card": "00000000-0000-4000-8000-000000000001`, "boards[0].vote.dots[0].card: card 00000000-0000-4000-8000-000000000001 is not on the board"},
		{"unknown kind", `"kinds": [`, `"kinds": ["bogus", `, `boards[0].vote.kinds[0]: unknown kind "bogus"`},
	} {
		bad := strings.Replace(data, tt.old, tt.new, 1)
		if bad == data {
			t.Fatalf("%s: %q not in the file", tt.name, tt.old)
		}
		_, err := Decode([]byte(bad), "mid.jobcanvas")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "mid.jobcanvas") {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// The schema refuses the votes Decode refuses, and takes the one it reads.
func TestVoteSchema(t *testing.T) {
	s := compileSchema(t)
	withVote := func(vote string) []byte {
		return []byte(edit(t, `"links": [`, `"vote": `+vote+`, "links": [`))
	}
	good := withVote(`{"dotsPerPerson": 3, "voters": 5, "kinds": ["pain"], "dots": [{"card": "1a981a86-d48b-433b-83a1-0d721c590380", "dots": 1}]}`)
	good = bytes.Replace(good, []byte(`"w": 160, "h": 100},`), []byte(`"w": 160, "h": 100, "votes": 1},`), 1)
	if _, err := Decode(good, "t"); err != nil {
		t.Fatalf("Decode refuses a good vote: %v", err)
	}
	if err := schemaValidate(s, good); err != nil {
		t.Fatalf("the schema refuses a good vote: %v", err)
	}
	for name, vote := range map[string]string{
		"no voters":         `{"dotsPerPerson": 3, "voters": 0, "kinds": ["pain"]}`,
		"no kinds":          `{"dotsPerPerson": 3, "voters": 5, "kinds": []}`,
		"missing kinds":     `{"dotsPerPerson": 3, "voters": 5}`,
		"unknown kind":      `{"dotsPerPerson": 3, "voters": 5, "kinds": ["idea"]}`,
		"too many dots":     `{"dotsPerPerson": 101, "voters": 5, "kinds": ["pain"]}`,
		"zero dots on card": `{"dotsPerPerson": 3, "voters": 5, "kinds": ["pain"], "dots": [{"card": "1a981a86-d48b-433b-83a1-0d721c590380", "dots": 0}]}`,
		"unknown member":    `{"dotsPerPerson": 3, "voters": 5, "kinds": ["pain"], "round": 2}`,
	} {
		in := withVote(vote)
		if _, err := Decode(in, "t"); err == nil {
			t.Errorf("%s: Decode accepts it", name)
		}
		if err := schemaValidate(s, in); err == nil {
			t.Errorf("%s: the schema accepts what Decode refuses", name)
		}
	}
}
