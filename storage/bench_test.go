package storage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The budget (design.md): opening or saving a 10,000-card project takes at
// most 1.3× what encoding/json (v1) takes on plain structs holding the same
// data. The baselines do none of our work (validation, zones, limits,
// error positions); they are the price of JSON alone.

const benchCards = 10000

// benchProject is the 10,000-card project of the benchmarks, without
// unknown members, which the plain structs of the baseline cannot hold.
func benchProject(b *testing.B) (*canvas.Project, []byte) {
	b.Helper()
	p := genProject(42, benchCards)
	p.Unknown = nil
	for _, bd := range p.Boards {
		bd.Unknown = nil
		for _, c := range bd.Cards {
			c.Unknown = nil
		}
	}
	data, err := Encode(p)
	if err != nil {
		b.Fatal(err)
	}
	return p, data
}

func BenchmarkSave10000(b *testing.B) {
	p, data := benchProject(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Encode(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad10000(b *testing.B) {
	_, data := benchProject(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data, "bench.jobcanvas"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineMarshal10000(b *testing.B) {
	p, data := benchProject(b)
	pp := toPlain(p)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.MarshalIndent(pp, "", "  "); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineUnmarshal10000(b *testing.B) {
	_, data := benchProject(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var pp plainProject
		if err := json.Unmarshal(data, &pp); err != nil {
			b.Fatal(err)
		}
	}
}

// The plain structs of the baselines: the file's shape, with the types
// encoding/json handles natively.
type (
	plainProject struct {
		Format      string       `json:"format"`
		Version     int          `json:"version"`
		ID          string       `json:"id"`
		Name        string       `json:"name"`
		Description string       `json:"description,omitempty"`
		ScoreScale  string       `json:"scoreScale,omitempty"`
		Boards      []plainBoard `json:"boards"`
	}
	plainBoard struct {
		ID       string      `json:"id"`
		Template string      `json:"template"`
		Title    string      `json:"title"`
		Steps    []plainStep `json:"steps,omitempty"`
		Cards    []plainCard `json:"cards"`
		Links    []plainLink `json:"links,omitempty"`
	}
	plainStep struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
	}
	plainLink struct {
		From     string `json:"from"`
		To       string `json:"to"`
		Strength string `json:"strength,omitempty"`
	}
	plainCard struct {
		ID           string   `json:"id"`
		Kind         string   `json:"kind"`
		Zone         string   `json:"zone,omitempty"`
		Text         string   `json:"text"`
		Quote        string   `json:"quote,omitempty"`
		Source       string   `json:"source,omitempty"`
		X            float64  `json:"x"`
		Y            float64  `json:"y"`
		W            float64  `json:"w"`
		H            float64  `json:"h"`
		Color        string   `json:"color,omitempty"`
		Tags         []string `json:"tags,omitempty"`
		Votes        int      `json:"votes,omitempty"`
		Severity     *int     `json:"severity,omitempty"`
		Relevance    *int     `json:"relevance,omitempty"`
		Importance   *float64 `json:"importance,omitempty"`
		Satisfaction *float64 `json:"satisfaction,omitempty"`
		JobTypes     []string `json:"jobTypes,omitempty"`
	}
)

func toPlain(p *canvas.Project) *plainProject {
	pp := &plainProject{Format: Format, Version: Version, ID: p.ID.String(), Name: p.Name, Description: p.Description,
		ScoreScale: string(p.ScoreScale)}
	for _, b := range p.Boards {
		pb := plainBoard{ID: b.ID.String(), Template: b.Template, Title: b.Title, Cards: []plainCard{}}
		for _, s := range b.Steps {
			pb.Steps = append(pb.Steps, plainStep(s))
		}
		for _, l := range b.Links {
			pb.Links = append(pb.Links, plainLink{l.From.String(), l.To.String(), string(l.Strength)})
		}
		for _, c := range b.Cards {
			pb.Cards = append(pb.Cards, plainCard{
				ID: c.ID.String(), Kind: string(c.Kind), Zone: c.Zone, Text: c.Text, Quote: c.Quote,
				Source: c.Source, X: c.X, Y: c.Y, W: c.W, H: c.H, Color: c.Color, Tags: c.Tags,
				Votes: c.Votes, Severity: c.Severity, Relevance: c.Relevance,
				Importance: c.Importance, Satisfaction: c.Satisfaction,
			})
			for _, t := range c.JobTypes {
				last := &pb.Cards[len(pb.Cards)-1]
				last.JobTypes = append(last.JobTypes, string(t))
			}
		}
		pp.Boards = append(pp.Boards, pb)
	}
	return pp
}

// BenchmarkSaveFileInBusyFolder saves a small project, with its backup,
// in a folder of 10,000 other files: what a save costs beyond encoding
// (temporary file, fsync, rename, looking for stale temporary files).
func BenchmarkSaveFileInBusyFolder(b *testing.B) {
	dir := b.TempDir()
	for i := range 10000 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("other-%05d.txt", i)), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(dir, "p.jobcanvas")
	p := genProject(1, 20)
	for b.Loop() {
		if err := Save(path, p); err != nil {
			b.Fatal(err)
		}
	}
}
