package canvas

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/jobcanvas/jobcanvas/assets"
)

// Template ids shipped with Jobcanvas.
const (
	TemplateValueProposition = "value-proposition"
	TemplateJobMap           = "job-map"
	TemplateFree             = "free"
)

// Template describes a kind of board as data: its zones, the frames drawn
// around groups of zones, and for the job map the column layout.
type Template struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Bounds      Rect     `json:"bounds"`
	Frames      []Frame  `json:"frames"`
	Zones       []Zone   `json:"zones"`
	Columns     *Columns `json:"columns"`
	Steps       []Step   `json:"steps"` // default steps of a column template
}

// Frame is a labelled outline drawn around a group of zones (the value
// map's square, the customer profile's circle). It takes no cards itself.
type Frame struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Rect   *Rect   `json:"rect"`
	Circle *Circle `json:"circle"`
}

// Zone is an area of a board where cards of some kinds belong. Its shape is
// Rect, cut to Circle when Circle is set (a segment of the customer
// profile).
type Zone struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Question string  `json:"question"`
	Kinds    []Kind  `json:"kinds"`
	Rect     Rect    `json:"rect"`
	Circle   *Circle `json:"circle"`
	Step     string  `json:"-"` // job map: id of the step column
	Row      string  `json:"-"` // job map: id of the row
}

// Contains reports whether p lies in z.
func (z *Zone) Contains(p Point) bool {
	return z.Rect.Contains(p) && (z.Circle == nil || z.Circle.Contains(p))
}

// Kinds lists the kinds of card the template has a place for, in the
// order of Kinds: those of its zones and rows, and the note, the kind of a
// card off the zones. A template without zones (the free board) takes
// every kind.
func (t *Template) Kinds() []Kind {
	offered := map[Kind]bool{KindNote: true}
	for _, z := range t.Zones {
		for _, k := range z.Kinds {
			offered[k] = true
		}
	}
	if t.Columns != nil {
		for _, r := range t.Columns.Rows {
			for _, k := range r.Kinds {
				offered[k] = true
			}
		}
	}
	if len(offered) == 1 {
		return append([]Kind(nil), Kinds...)
	}
	var out []Kind
	for _, k := range Kinds {
		if offered[k] {
			out = append(out, k)
		}
	}
	return out
}

// DefaultKind is the kind of a card created in z.
func (z *Zone) DefaultKind() Kind {
	if len(z.Kinds) > 0 {
		return z.Kinds[0]
	}
	return KindNote
}

// Accepts reports whether cards of kind k belong in z.
func (z *Zone) Accepts(k Kind) bool {
	for _, zk := range z.Kinds {
		if zk == k {
			return true
		}
	}
	return len(z.Kinds) == 0
}

// Columns lays a board out as one column per step, each column split into
// rows (the job map: a row of job steps over a row of outcome statements).
type Columns struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Header float64 `json:"header"` // height of the step name and description
	Rows   []Row   `json:"rows"`
}

// Row is one horizontal band of a column template.
type Row struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Question string  `json:"question"`
	Kinds    []Kind  `json:"kinds"`
	Height   float64 `json:"height"`
}

// Step is one step of a job map, a column of the board.
type Step struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ColumnX is the left edge of column i.
func (c *Columns) ColumnX(i int) float64 { return c.X + float64(i)*c.Width }

// Height is the height of a whole column, header included.
func (c *Columns) Height() float64 {
	h := c.Header
	for _, r := range c.Rows {
		h += r.Height
	}
	return h
}

var templates = sync.OnceValues(func() (map[string]*Template, error) {
	out := map[string]*Template{}
	err := fs.WalkDir(assets.Templates, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Templates, path)
		if err != nil {
			return err
		}
		t := new(Template)
		if err := json.Unmarshal(data, t); err != nil {
			return fmt.Errorf("canvas: template %s: %w", path, err)
		}
		if want := strings.TrimSuffix(d.Name(), ".json"); t.ID != want {
			return fmt.Errorf("canvas: template %s has id %q, want %q", path, t.ID, want)
		}
		out[t.ID] = t
		return nil
	})
	return out, err
})

// TemplateByID returns the template with that id.
func TemplateByID(id string) (*Template, bool) {
	ts, err := templates()
	if err != nil {
		// The templates are embedded at build time; a broken one is a
		// programming error that the tests catch.
		panic(err)
	}
	t, ok := ts[id]
	return t, ok
}

// Templates lists every template, value proposition canvas first.
func Templates() []*Template {
	ts, err := templates()
	if err != nil {
		panic(err)
	}
	order := map[string]int{TemplateValueProposition: 0, TemplateJobMap: 1, TemplateFree: 2}
	out := make([]*Template, 0, len(ts))
	for _, t := range ts {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		oi, iok := order[out[i].ID]
		oj, jok := order[out[j].ID]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return out[i].ID < out[j].ID
	})
	return out
}
