package storage

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func clusterProject(t *testing.T) *canvas.Project {
	t.Helper()
	p, err := canvas.NewProject("Stories", "customer-stories")
	if err != nil {
		t.Fatal(err)
	}
	b := p.Boards[0]
	b.Clusters = []canvas.Cluster{
		{ID: uuid.MustParse("11111111-1111-4111-8111-111111111111"), Name: "Late for work",
			Rect: canvas.Rect{X: -20.5, Y: 200, W: 800, H: 600}, From: "guessing the traffic", To: "knowing when to leave"},
		{ID: uuid.MustParse("22222222-2222-4222-8222-222222222222"), Name: "New cluster",
			Rect: canvas.Rect{X: 900, Y: 0, W: 720, H: 480}},
	}
	c := canvas.NewCard(canvas.KindCustomerStory, canvas.Point{X: 300, Y: 400}, "Dana, after the second late train")
	if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestClustersRoundTrip(t *testing.T) {
	p := clusterProject(t)
	data := mustEncode(t, p)
	for _, want := range []string{`"clusters": [`, `"name": "Late for work"`, `"x": -20.5`, `"from": "guessing the traffic"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("encoded file lacks %s", want)
		}
	}
	// A cluster without a vector writes no empty from and to.
	if n := bytes.Count(data, []byte(`"from"`)); n != 1 {
		t.Errorf("%d from members, want 1", n)
	}
	got := mustDecode(t, data)
	if want := comparable(p); !reflect.DeepEqual(got.Boards[0].Clusters, want.Boards[0].Clusters) {
		t.Errorf("clusters after a round trip:\n got %+v\nwant %+v", got.Boards[0].Clusters, want.Boards[0].Clusters)
	}
	if again := mustEncode(t, got); !bytes.Equal(again, data) {
		t.Errorf("Encode(Decode(b)) != b:\n%s", firstDiff(again, data))
	}
	// A board without clusters writes no member.
	p.Boards[0].Clusters = nil
	if bytes.Contains(mustEncode(t, p), []byte("clusters")) {
		t.Error("a board without clusters writes a clusters member")
	}
}

func TestClustersBadInput(t *testing.T) {
	data := string(mustEncode(t, clusterProject(t)))
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"missing name", `"name": "Late for work",`, ``, "boards[0].clusters[0].name: missing"},
		{"missing w", `"w": 720,`, ``, "boards[0].clusters[1].w: missing"},
		{"unknown member", `"name": "New cluster",`, `"name": "New cluster", "colour": "red",`, "colour"},
		{"too small", `"w": 720,`, `"w": 20,`, "boards[0].clusters[1].w: must be between 160 and 20000"},
		{"empty name", `"name": "New cluster",`, `"name": "",`, "boards[0].clusters[1].name: must not be empty"},
		{"not a list", `"clusters": [`, `"clusters": 3, "x": [`, "clusters"},
	} {
		bad := strings.Replace(data, tc.from, tc.to, 1)
		if bad == data {
			t.Fatalf("%s: the replacement did not apply", tc.name)
		}
		_, err := Decode([]byte(bad), "stories.jobcanvas")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "stories.jobcanvas") {
			t.Errorf("%s: err = %v, want one naming the file and %q", tc.name, err, tc.want)
		}
	}
}

func TestSchemaClusters(t *testing.T) {
	s := compileSchema(t)
	data := mustEncode(t, clusterProject(t))
	if err := schemaValidate(s, data); err != nil {
		t.Fatalf("schema refuses a board with clusters: %v", err)
	}
	for _, bad := range []struct{ from, to string }{
		{`"w": 720,`, `"w": 20,`},
		{`"name": "New cluster",`, `"name": "New cluster", "colour": "red",`},
		{`"name": "New cluster",`, ``},
	} {
		if err := schemaValidate(s, []byte(strings.Replace(string(data), bad.from, bad.to, 1))); err == nil {
			t.Errorf("schema accepts a cluster with %s replaced by %s", bad.from, bad.to)
		}
	}
}
