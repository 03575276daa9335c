package canvas

import (
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

// Template describes a kind of board as data, which the renderer draws
// whatever the board: its zones (rectangles, or slices of a circle), the
// frames drawn around groups of zones, axes crossing between quadrants,
// free areas for named groups, and for the job map the column layout.
type Template struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Bounds      Rect        `json:"bounds"`
	Frames      []Frame     `json:"frames"`
	Zones       []Zone      `json:"zones"`
	Areas       []Area      `json:"areas"`
	Axes        *Axes       `json:"axes"`
	Columns     *Columns    `json:"columns"`
	Steps       []Step      `json:"steps"` // default steps of a column template
	Balance     *BalanceBar `json:"balance"`
}

// BalanceBar is a bar chart on the board weighing the cards of some kinds
// against those of others: on the forces of progress, push and pull
// towards the switch against anxiety and habit. Each card counts with its
// strength (Card.Rank), an unscored one as 1.
type BalanceBar struct {
	Rect         Rect   `json:"rect"`
	Towards      []Kind `json:"towards"`
	Against      []Kind `json:"against"`
	TowardsLabel string `json:"towardsLabel"`
	AgainstLabel string `json:"againstLabel"`
}

// Area is a free, labelled part of a board for a named group of cards (a
// cluster, a competitor). Unlike a zone it gives no kind to the cards in
// it.
type Area struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Rect  Rect   `json:"rect"`
}

// Axes are two lines crossing at (X, Y), across Rect, with a label at each
// end: the quadrants around them are zones (the forces of progress).
type Axes struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Rect   Rect    `json:"rect"`
	Left   string  `json:"left"`
	Right  string  `json:"right"`
	Top    string  `json:"top"`
	Bottom string  `json:"bottom"`
}

// Where a zone's label and question go (Zone.Place, Zone.Align).
const (
	PlaceTop    = "top"
	PlaceBottom = "bottom"
	AlignLeft   = "left"
	AlignCenter = "center"
	AlignRight  = "right"
)

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
	// Place and Align put the label and question: at the zone's top
	// (the default) or bottom, centred (the default), left or right.
	Place string `json:"place"`
	Align string `json:"align"`
	Step  string `json:"-"` // job map: id of the step column
	Row   string `json:"-"` // job map: id of the row
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
	// Caption says what the board's title is, above it (the core job).
	Caption string `json:"caption"`
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
		t, err := ParseTemplate(path, data)
		if err != nil {
			return fmt.Errorf("canvas: %w", err)
		}
		if want := strings.TrimSuffix(d.Name(), ".json"); t.ID != want {
			return fmt.Errorf("canvas: template %s has id %q, want %q", path, t.ID, want)
		}
		out[t.ID] = t
		return nil
	})
	return out, err
})

// added holds the templates read from files at run time (RegisterTemplate).
var added struct {
	sync.RWMutex
	byID map[string]*Template
}

// RegisterTemplate adds a template read with ParseTemplate to those boards
// can use; an id already taken is refused. remove takes it away again.
func RegisterTemplate(t *Template) (remove func(), err error) {
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("template %s: %w", t.ID, err)
	}
	if _, ok := TemplateByID(t.ID); ok {
		return nil, fmt.Errorf("template %s: a template with that id exists", t.ID)
	}
	added.Lock()
	defer added.Unlock()
	if added.byID == nil {
		added.byID = map[string]*Template{}
	}
	added.byID[t.ID] = t
	return func() {
		added.Lock()
		defer added.Unlock()
		if added.byID[t.ID] == t {
			delete(added.byID, t.ID)
		}
	}, nil
}

// builtin are the templates embedded at build time.
func builtin() map[string]*Template {
	ts, err := templates()
	if err != nil {
		// A broken one is a programming error that the tests catch.
		panic(err)
	}
	return ts
}

// TemplateByID returns the template with that id.
func TemplateByID(id string) (*Template, bool) {
	if t, ok := builtin()[id]; ok {
		return t, true
	}
	added.RLock()
	defer added.RUnlock()
	t, ok := added.byID[id]
	return t, ok
}

// Templates lists every template: the bundled ones first, value
// proposition canvas, job map and free board, then the others by id; then
// those added at run time, by id.
func Templates() []*Template {
	ts := builtin()
	order := map[string]int{TemplateValueProposition: 0, TemplateJobMap: 1, TemplateFree: 2}
	out := make([]*Template, 0, len(ts))
	for _, t := range ts {
		out = append(out, t)
	}
	added.RLock()
	for _, t := range added.byID {
		out = append(out, t)
	}
	added.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		if bi, bj := ts[out[i].ID] == out[i], ts[out[j].ID] == out[j]; bi != bj {
			return bi
		}
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
