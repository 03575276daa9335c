package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// TemplateEnv names the environment variable that, when set, is the
// folder of the user's templates instead of the default.
const TemplateEnv = "JOBCANVAS_TEMPLATE_DIR"

// TemplateExt is the extension of template files.
const TemplateExt = ".json"

// TemplateDir is the folder of the user's own board templates:
// $JOBCANVAS_TEMPLATE_DIR, or jobcanvas/templates in the user's
// configuration folder (~/.config on Linux).
func TemplateDir() (string, error) { return userDir(TemplateEnv, "templates", "your templates") }

// LoadUserTemplates reads every *.json file in dir as a board template,
// in the order of their names. It returns the good ones, and one error for
// each file that is not: not a regular file (a link is followed only to a
// regular file), over MaxFileSize, not a template (the error has the
// file's path, and the line and column or the field at fault), or with an
// id that a bundled template or an earlier file has (the error names
// both). A folder that does not exist holds no templates, and is no error.
func LoadUserTemplates(dir string) ([]*canvas.Template, []error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{ioError(dir, "cannot read your templates", err)}
	}
	var (
		out  []*canvas.Template
		errs []error
		seen = map[string]string{} // id → file
	)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), TemplateExt) || strings.HasPrefix(e.Name(), ".") {
			continue // temporary files of a save are hidden
		}
		path := filepath.Join(dir, e.Name())
		data, _, err := readLimited(path, MaxFileSize)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t, err := canvas.ParseTemplate(path, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if canvas.IsBundled(t.ID) {
			b, _ := canvas.TemplateByID(t.ID)
			errs = append(errs, fmt.Errorf("template %s: id: %q is the id of the bundled template %q: give this one another id", path, t.ID, b.Name))
			continue
		}
		if prev, ok := seen[t.ID]; ok {
			errs = append(errs, fmt.Errorf("template %s: id: %q is also the id of %s: give one of them another id", path, t.ID, prev))
			continue
		}
		seen[t.ID] = path
		out = append(out, t)
	}
	return out, errs
}

// SaveTemplate writes t to dir as <id>.json, in the format of the bundled
// templates, and returns the file's path. The folder is made, private to
// the user, when it is not there. An existing file of that name is never
// replaced (the error wraps fs.ErrExist): the id is taken. The file is
// written whole or not at all, as a project is.
func SaveTemplate(dir string, t *canvas.Template) (path string, err error) {
	if err := checkTemplateID(t.ID); err != nil {
		return "", err
	}
	data, err := EncodeTemplate(t)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", ioError(dir, "cannot make the templates folder", err)
	}
	path = filepath.Join(dir, t.ID+TemplateExt)
	return path, createFile(osFS{}, path, data, newFilePerm)
}

// checkTemplateID refuses an id that cannot be a file's name in the
// templates folder: one that would leave it, or be hidden.
func checkTemplateID(id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return errors.New("template: id: missing")
	case strings.ContainsAny(id, `/\`+"\x00") || strings.HasPrefix(id, "."):
		return fmt.Errorf("template: id: %q cannot be a file name (no slashes, no dot first)", id)
	case len(id)+len(TemplateExt) > maxName:
		return fmt.Errorf("template: id: %q is too long for a file name", id)
	}
	return nil
}

// EncodeTemplate is t in the template file format
// (assets/schema/template.schema.json): indented, members in a fixed
// order, only those that are set, coordinates as x, y, w, h and cx, cy, r.
// A template that would not read back as it is, is refused.
func EncodeTemplate(t *canvas.Template) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "Products & services", not \u0026
	enc.SetIndent("", "  ")
	if err := enc.Encode(toTemplateFile(t)); err != nil {
		return nil, fmt.Errorf("template %s: %w", t.ID, err)
	}
	if _, err := canvas.ParseTemplate(t.ID+TemplateExt, buf.Bytes()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// The template file's members. canvas.Rect and canvas.Circle have no
// JSON names of their own (they are the model's geometry, not a format),
// and empty members are left out.
type (
	templateFile struct {
		ID          string       `json:"id"`
		Name        string       `json:"name"`
		Description string       `json:"description,omitempty"`
		Bounds      *rectFile    `json:"bounds,omitempty"`
		Frames      []frameFile  `json:"frames,omitempty"`
		Zones       []zoneFile   `json:"zones,omitempty"`
		Areas       []areaFile   `json:"areas,omitempty"`
		Axes        *axesFile    `json:"axes,omitempty"`
		Columns     *columnsFile `json:"columns,omitempty"`
		Steps       []stepFile   `json:"steps,omitempty"`
		Balance     *balanceFile `json:"balance,omitempty"`
	}
	rectFile struct {
		X float64 `json:"x"`
		Y float64 `json:"y"`
		W float64 `json:"w"`
		H float64 `json:"h"`
	}
	circleFile struct {
		CX float64 `json:"cx"`
		CY float64 `json:"cy"`
		R  float64 `json:"r"`
	}
	frameFile struct {
		ID     string      `json:"id"`
		Label  string      `json:"label,omitempty"`
		Rect   *rectFile   `json:"rect,omitempty"`
		Circle *circleFile `json:"circle,omitempty"`
	}
	zoneFile struct {
		ID       string        `json:"id"`
		Label    string        `json:"label,omitempty"`
		Question string        `json:"question,omitempty"`
		Kinds    []canvas.Kind `json:"kinds,omitempty"`
		Rect     rectFile      `json:"rect"`
		Circle   *circleFile   `json:"circle,omitempty"`
		Place    string        `json:"place,omitempty"`
		Align    string        `json:"align,omitempty"`
	}
	areaFile struct {
		ID    string   `json:"id"`
		Label string   `json:"label,omitempty"`
		Rect  rectFile `json:"rect"`
	}
	axesFile struct {
		X      float64  `json:"x"`
		Y      float64  `json:"y"`
		Rect   rectFile `json:"rect"`
		Left   string   `json:"left,omitempty"`
		Right  string   `json:"right,omitempty"`
		Top    string   `json:"top,omitempty"`
		Bottom string   `json:"bottom,omitempty"`
	}
	columnsFile struct {
		X       float64   `json:"x"`
		Y       float64   `json:"y"`
		Width   float64   `json:"width"`
		Header  float64   `json:"header"`
		Caption string    `json:"caption,omitempty"`
		Rows    []rowFile `json:"rows"`
	}
	rowFile struct {
		ID       string        `json:"id"`
		Label    string        `json:"label,omitempty"`
		Question string        `json:"question,omitempty"`
		Kinds    []canvas.Kind `json:"kinds,omitempty"`
		Height   float64       `json:"height"`
	}
	balanceFile struct {
		Rect         rectFile      `json:"rect"`
		Towards      []canvas.Kind `json:"towards"`
		Against      []canvas.Kind `json:"against"`
		TowardsLabel string        `json:"towardsLabel,omitempty"`
		AgainstLabel string        `json:"againstLabel,omitempty"`
	}
	stepFile struct {
		ID          string `json:"id"`
		Name        string `json:"name,omitempty"`
		Description string `json:"description,omitempty"`
	}
)

func toTemplateFile(t *canvas.Template) *templateFile {
	f := &templateFile{ID: t.ID, Name: t.Name, Description: t.Description}
	if t.Bounds != (canvas.Rect{}) {
		r := rectOf(t.Bounds)
		f.Bounds = &r
	}
	for _, fr := range t.Frames {
		ff := frameFile{ID: fr.ID, Label: fr.Label, Circle: circleOf(fr.Circle)}
		if fr.Rect != nil {
			r := rectOf(*fr.Rect)
			ff.Rect = &r
		}
		f.Frames = append(f.Frames, ff)
	}
	for _, z := range t.Zones {
		f.Zones = append(f.Zones, zoneFile{ID: z.ID, Label: z.Label, Question: z.Question,
			Kinds: slices.Clone(z.Kinds), Rect: rectOf(z.Rect), Circle: circleOf(z.Circle),
			Place: z.Place, Align: z.Align})
	}
	for _, a := range t.Areas {
		f.Areas = append(f.Areas, areaFile{ID: a.ID, Label: a.Label, Rect: rectOf(a.Rect)})
	}
	if a := t.Axes; a != nil {
		f.Axes = &axesFile{X: a.X, Y: a.Y, Rect: rectOf(a.Rect),
			Left: a.Left, Right: a.Right, Top: a.Top, Bottom: a.Bottom}
	}
	if c := t.Columns; c != nil {
		f.Columns = &columnsFile{X: c.X, Y: c.Y, Width: c.Width, Header: c.Header, Caption: c.Caption}
		for _, r := range c.Rows {
			f.Columns.Rows = append(f.Columns.Rows, rowFile{ID: r.ID, Label: r.Label,
				Question: r.Question, Kinds: slices.Clone(r.Kinds), Height: r.Height})
		}
	}
	for _, s := range t.Steps {
		f.Steps = append(f.Steps, stepFile(s))
	}
	if b := t.Balance; b != nil {
		f.Balance = &balanceFile{Rect: rectOf(b.Rect), Towards: slices.Clone(b.Towards),
			Against: slices.Clone(b.Against), TowardsLabel: b.TowardsLabel, AgainstLabel: b.AgainstLabel}
	}
	return f
}

func rectOf(r canvas.Rect) rectFile { return rectFile{r.X, r.Y, r.W, r.H} }

func circleOf(c *canvas.Circle) *circleFile {
	if c == nil {
		return nil
	}
	return &circleFile{c.CX, c.CY, c.R}
}
