// Package storage reads and writes Jobcanvas project files (.jobcanvas):
// the versioned JSON codec (format v1, see notes-format.md and
// assets/schema), migrations of older versions, limits that keep a broken
// or hostile file from exhausting memory, atomic saves with a backup,
// stamps that tell a file changed on disk, and recovery files that keep
// unsaved work through a crash (recovery.go). It knows nothing of windows,
// so the app and the command line share it.
//
// Errors name the file and, where they can, the line, column and path of
// the problem (sample.jobcanvas:12:4: …, sample.jobcanvas:
// boards[0].cards[3].importance: …), so they can be shown as they are.
package storage

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// Format and Version are the values of the "format" and "version" members
// this package writes. Version is the newest major version it reads;
// older ones are migrated on load (migrate.go).
//
// Members added within a version are optional and mean what a file
// without them meant, so they need no bump: a card's "jobTypes", the
// project's "scoreScale" (absent: the room's), a card's "parts" (absent:
// its text is all it says) and a link's "strength" (absent: strong) came
// in version 1, as did a force of progress's "strength". A Jobcanvas from
// before keeps the
// first two as members it does not know; it refuses a link with a
// strength, naming the member, rather than drop it on save. A bump would
// have made it refuse every newer file, strengths or not.
const (
	Format  = "jobcanvas"
	Version = 1
)

// The file's shape, as Go types the JSON codec fills. They are separate
// from canvas's so that the format can change (and be migrated) without the
// model changing, and so that the model carries no JSON tags. Member order
// here is the order of notes-format.md, which is the order written.
type (
	fileProject struct {
		Format      jsontext.Value `json:"format"`  // checked by peek
		Version     jsontext.Value `json:"version"` // checked by peek
		ID          fileID         `json:"id"`
		Name        string         `json:"name"`
		Description string         `json:"description,omitempty"`
		ScoreScale  string         `json:"scoreScale,omitempty"`
		Boards      fileBoards     `json:"boards"`
		Unknown     jsontext.Value `json:",embed"`
	}

	fileBoard struct {
		ID       fileID         `json:"id"`
		Template string         `json:"template"`
		Title    *string        `json:"title"`
		Steps    fileSteps      `json:"steps,omitempty"`
		Cards    fileCards      `json:"cards"`
		Links    fileLinks      `json:"links,omitempty"`
		Clusters fileClusters   `json:"clusters,omitempty"`
		Unknown  jsontext.Value `json:",embed"`
	}

	fileStep struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
	}

	fileLink struct {
		From     fileID          `json:"from"`
		To       fileID          `json:"to"`
		Strength canvas.Strength `json:"strength,omitempty"`
	}

	fileCard struct {
		ID           fileID            `json:"id"`
		Kind         canvas.Kind       `json:"kind"`
		Zone         string            `json:"zone,omitempty"`
		Text         *string           `json:"text"`
		Quote        string            `json:"quote,omitempty"`
		Source       string            `json:"source,omitempty"`
		X            *float64          `json:"x"`
		Y            *float64          `json:"y"`
		W            *float64          `json:"w"`
		H            *float64          `json:"h"`
		Color        string            `json:"color,omitempty"`
		Tags         fileTags          `json:"tags,omitempty"`
		Votes        wholeNumber       `json:"votes,omitzero"`
		Severity     *wholeNumber      `json:"severity,omitzero"`
		Relevance    *wholeNumber      `json:"relevance,omitzero"`
		Strength     *wholeNumber      `json:"strength,omitzero"`
		Importance   *float64          `json:"importance,omitzero"`
		Satisfaction *float64          `json:"satisfaction,omitzero"`
		JobTypes     fileJobTypes      `json:"jobTypes,omitempty"`
		Parts        map[string]string `json:"parts,omitempty"`
		Unknown      jsontext.Value    `json:",embed"`
	}

	// The lists have their own types so that decoding can stop at their
	// limits (limits.go). Pointers mark members that are required but
	// whose zero value is valid, so that a missing one is reported.
	fileBoards []fileBoard
	fileCards  []fileCard
	fileLinks  []fileLink
	fileSteps  []fileStep
	fileTags   []string
	// fileJobTypes is a job's types; the list stops at more than there
	// are, which only a broken or hostile file holds.
	fileJobTypes []canvas.JobType
)

// wholeNumber is an integer member. It also reads 2.0 and 2e0, which
// JSON (and the schema's "integer") take for the same number as 2 and
// other tools write, e.g. Python for a float.
type wholeNumber int

// UnmarshalJSONFrom reads any JSON number without a fractional part.
func (n *wholeNumber) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	v, err := d.ReadValue()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case 'n':
		*n = 0
		return nil
	case '0':
	default:
		return &json.SemanticError{JSONKind: v.Kind()}
	}
	if i, err := strconv.ParseInt(string(v), 10, 0); err == nil {
		*n = wholeNumber(i)
		return nil
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return &valueError{"want a whole number, got " + shortRaw(v)}
	}
	*n = wholeNumber(f)
	return nil
}

// fileID is a UUID in the file: only the canonical 36-character form is
// read, so that what the schema accepts and what Jobcanvas accepts agree.
type fileID uuid.UUID

// AppendText writes the canonical lower-case form without allocating.
func (id fileID) AppendText(b []byte) ([]byte, error) {
	var s [36]byte
	hex.Encode(s[0:8], id[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], id[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], id[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], id[8:10])
	s[23] = '-'
	hex.Encode(s[24:], id[10:])
	return append(b, s[:]...), nil
}

// UnmarshalText reads the canonical form only.
func (id *fileID) UnmarshalText(b []byte) error {
	if len(b) == 36 {
		if u, err := uuid.ParseBytes(b); err == nil {
			*id = fileID(u)
			return nil
		}
	}
	return &valueError{"not a UUID: " + quoteShort(b)}
}

// shortRaw is a raw JSON value from the file for a message, cut short.
func shortRaw(v []byte) string {
	const max = 40
	if len(v) <= max {
		return string(v)
	}
	i := max
	for i > 0 && !utf8.RuneStart(v[i]) {
		i--
	}
	return string(v[:i]) + "…"
}

// quoteShort quotes b for a message, cut short: the value comes from the
// file and may be a megabyte long.
func quoteShort(b []byte) string {
	const max = 40
	if len(b) > max {
		return strconv.Quote(string(b[:max])) + "…"
	}
	return strconv.Quote(string(b))
}

var (
	bom = []byte("\xEF\xBB\xBF")

	// Unknown members of steps and links are refused rather than dropped:
	// canvas has nowhere to keep them (Link is a comparable value), and
	// dropping them on save would lose a newer version's data silently.
	decodeOptions = json.RejectUnknownMembers(true)

	encodeOptions = json.JoinOptions(jsontext.WithIndent("  "), json.Deterministic(true))

	formatValue  = jsontext.Value(strconv.Quote(Format))
	versionValue = jsontext.Value(strconv.Itoa(Version))
)

// Decode reads a project file's bytes. name (the file's name or path)
// begins every error message. It accepts a leading UTF-8 byte order mark,
// migrates files of older format versions, refuses newer ones before
// decoding anything else, recomputes card zones (canvas.Project.Normalize)
// and validates the result, so a project it returns is one Encode accepts.
// It never panics, whatever data holds.
func Decode(data []byte, name string) (*canvas.Project, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	data = bytes.TrimPrefix(data, bom)
	if isBlank(data) {
		return nil, &FileError{File: name, Msg: "not a Jobcanvas project: the file is empty", Err: ErrNotProject}
	}
	version, err := peekVersion(data, name)
	if err != nil {
		return nil, err
	}
	migratedFrom := -1
	if version < Version {
		migratedFrom = int(version)
		if data, err = migrate(data, migratedFrom, name); err != nil {
			return nil, err
		}
	}
	var fp fileProject
	if err := json.Unmarshal(data, &fp, decodeOptions); err != nil {
		return nil, decodeError(err, data, name, migratedFrom)
	}
	p, err := fp.project(name)
	if err != nil {
		return nil, err
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, validationError(name, err)
	}
	return p, nil
}

func isBlank(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

func validationError(name string, err error) error {
	var ve canvas.ValidationError
	if errors.As(err, &ve) {
		return &ValidationError{File: name, Err: ve}
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Encode returns p in its canonical form: format v1, members in the order
// of the format, optional ones left out when empty, 2-space indentation and
// a final newline. The same project always gives the same bytes, so files
// diff and merge well in git. Zones are written as p's cards' positions
// say, whatever their Zone fields hold. An invalid project is refused with
// a *ValidationError: what Encode writes, Decode reads.
func Encode(p *canvas.Project) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, validationError("", err)
	}
	fp, size, err := toFile(p)
	if err != nil {
		return nil, err
	}
	// Encoding straight into a buffer of about the right size saves
	// growing one from nothing and copying the result out. The encoder
	// keeps a quarter of what it wrote free, so leave that room too.
	var buf bytes.Buffer
	buf.Grow(size + size/3)
	if err := json.MarshalWrite(&buf, fp, encodeOptions); err != nil {
		return nil, fmt.Errorf("storage: encode: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// converter turns the decoded file into the model, collecting required
// members that are missing. Paths are only built for problems found, as
// building them for every card would cost more than decoding it.
type converter struct {
	name    string
	missing canvas.ValidationError
}

func (cv *converter) miss(path string) {
	cv.missing = append(cv.missing, &canvas.FieldError{Path: path, Msg: "missing"})
}

// unknown checks and compacts the unknown members of an object at depth
// level (the project is 1), for the model to keep verbatim.
func (cv *converter) unknown(v jsontext.Value, level int, path func() string) ([]byte, error) {
	if len(v) == 0 {
		return nil, nil
	}
	if level-1+depth(v) > MaxDepth {
		return nil, &SyntaxError{File: cv.name, Path: path(), Err: ErrTooLarge,
			Msg: fmt.Sprintf("members nested more than %d deep", MaxDepth)}
	}
	if err := v.Compact(); err != nil {
		return nil, &SyntaxError{File: cv.name, Path: path(), Msg: err.Error()}
	}
	return v, nil
}

func boardPath(i int) string   { return "boards[" + strconv.Itoa(i) + "]" }
func cardPath(i, j int) string { return boardPath(i) + ".cards[" + strconv.Itoa(j) + "]" }
func linkPath(i, j int) string { return boardPath(i) + ".links[" + strconv.Itoa(j) + "]" }
func projectPath() string      { return "(project)" }

// project converts the decoded file to the model.
func (fp *fileProject) project(name string) (*canvas.Project, error) {
	cv := &converter{name: name}
	p := &canvas.Project{ID: uuid.UUID(fp.ID), Name: fp.Name, Description: fp.Description,
		ScoreScale: canvas.ScoreScale(fp.ScoreScale)}
	if fp.Boards == nil {
		cv.miss("boards")
	}
	var err error
	if p.Unknown, err = cv.unknown(fp.Unknown, 1, projectPath); err != nil {
		return nil, err
	}
	p.Boards = make([]*canvas.Board, len(fp.Boards))
	boards := make([]canvas.Board, len(fp.Boards))
	for i := range fp.Boards {
		fb := &fp.Boards[i]
		b := &boards[i]
		p.Boards[i] = b
		b.ID = uuid.UUID(fb.ID)
		b.Template = fb.Template
		if fb.Template == "" {
			cv.miss(boardPath(i) + ".template")
		}
		if fb.Title != nil {
			b.Title = *fb.Title
		} else {
			cv.miss(boardPath(i) + ".title")
		}
		if fb.Cards == nil {
			cv.miss(boardPath(i) + ".cards")
		}
		if b.Unknown, err = cv.unknown(fb.Unknown, 3, func() string { return boardPath(i) }); err != nil {
			return nil, err
		}
		if len(fb.Steps) > 0 {
			b.Steps = make([]canvas.Step, len(fb.Steps))
			for j, s := range fb.Steps {
				b.Steps[j] = canvas.Step{ID: s.ID, Name: s.Name, Description: s.Description}
			}
		}
		if len(fb.Links) > 0 {
			b.Links = make([]canvas.Link, len(fb.Links))
			for j, l := range fb.Links {
				if l.From == (fileID{}) {
					cv.miss(linkPath(i, j) + ".from")
				}
				if l.To == (fileID{}) {
					cv.miss(linkPath(i, j) + ".to")
				}
				b.Links[j] = canvas.Link{From: uuid.UUID(l.From), To: uuid.UUID(l.To), Strength: l.Strength}
			}
		}
		b.Clusters = cv.clusters(i, fb.Clusters)
		// One allocation for the cards of a board rather than one per card.
		cards := make([]canvas.Card, len(fb.Cards))
		b.Cards = make([]*canvas.Card, len(fb.Cards))
		for j := range fb.Cards {
			b.Cards[j] = &cards[j]
			if err := cv.card(&fb.Cards[j], &cards[j], 5, func() string { return cardPath(i, j) }); err != nil {
				return nil, err
			}
		}
	}
	if len(cv.missing) > 0 {
		return nil, &ValidationError{File: name, Err: cv.missing}
	}
	return p, nil
}

// card converts a decoded card into c, at depth level (the project is 1)
// and path in the file. Missing members are collected in cv.
func (cv *converter) card(fc *fileCard, c *canvas.Card, level int, path func() string) error {
	*c = canvas.Card{
		ID:            uuid.UUID(fc.ID),
		Kind:          fc.Kind,
		Zone:          fc.Zone,
		Quote:         fc.Quote,
		Source:        fc.Source,
		Color:         fc.Color,
		Votes:         int(fc.Votes),
		Severity:      (*int)(fc.Severity),
		Relevance:     (*int)(fc.Relevance),
		ForceStrength: (*int)(fc.Strength),
		Importance:    fc.Importance,
		Satisfaction:  fc.Satisfaction,
	}
	if len(fc.Tags) > 0 {
		c.Tags = fc.Tags
	}
	if len(fc.JobTypes) > 0 {
		c.JobTypes = fc.JobTypes
	}
	if len(fc.Parts) > 0 {
		c.Parts = fc.Parts
	}
	if fc.Kind == "" {
		cv.miss(path() + ".kind")
	}
	if fc.Text != nil {
		c.Text = *fc.Text
	} else {
		cv.miss(path() + ".text")
	}
	if fc.X != nil && fc.Y != nil && fc.W != nil && fc.H != nil {
		c.X, c.Y, c.W, c.H = *fc.X, *fc.Y, *fc.W, *fc.H
	} else {
		for _, f := range [...]struct {
			v    *float64
			name string
		}{{fc.X, ".x"}, {fc.Y, ".y"}, {fc.W, ".w"}, {fc.H, ".h"}} {
			if f.v == nil {
				cv.miss(path() + f.name)
			}
		}
	}
	if len(fc.Unknown) > 0 {
		var err error
		if c.Unknown, err = cv.unknown(fc.Unknown, level, path); err != nil {
			return err
		}
	}
	return nil
}

// toFile converts p to the file's shape. It shares p's memory where it
// can: the result only lives until it is encoded.
// size is an estimate of the encoded size.
func toFile(p *canvas.Project) (fp *fileProject, size int, err error) {
	fp = &fileProject{
		Format:      formatValue,
		Version:     versionValue,
		ID:          fileID(p.ID),
		Name:        p.Name,
		Description: p.Description,
		Boards:      make(fileBoards, len(p.Boards)),
	}
	// The room's scale is the default: a file says nothing of it, as the
	// files written before the scale existed.
	if p.ScoreScale != canvas.ScaleRoom {
		fp.ScoreScale = string(p.ScoreScale)
	}
	size = 512 + len(p.Description) + 2*len(p.Unknown)
	unknown := func(v []byte, level int, path func() string) jsontext.Value {
		if len(v) == 0 || err != nil {
			return nil
		}
		if msg := unknownProblem(v, level); msg != "" {
			err = fmt.Errorf("storage: encode: %s: %s", path(), msg)
		}
		return v
	}
	fp.Unknown = unknown(p.Unknown, 1, func() string { return "(project)" })
	for i, b := range p.Boards {
		fb := &fp.Boards[i]
		*fb = fileBoard{
			ID:       fileID(b.ID),
			Template: b.Template,
			Title:    &b.Title,
			Cards:    make(fileCards, len(b.Cards)),
			Unknown:  unknown(b.Unknown, 3, func() string { return boardPath(i) }),
		}
		if len(b.Steps) > 0 {
			fb.Steps = make(fileSteps, len(b.Steps))
			for j, s := range b.Steps {
				fb.Steps[j] = fileStep{ID: s.ID, Name: s.Name, Description: s.Description}
			}
		}
		if len(b.Links) > 0 {
			fb.Links = make(fileLinks, len(b.Links))
			for j, l := range b.Links {
				fb.Links[j] = fileLink{From: fileID(l.From), To: fileID(l.To), Strength: l.Strength}
			}
		}
		fb.Clusters = fileClustersOf(b.Clusters)
		size += 512 + 2*len(b.Unknown) + 150*len(b.Steps) + 140*len(b.Links) + 300*len(b.Clusters)
		zones := b.Zones()
		for j, c := range b.Cards {
			// Indented members and the id take about 320 bytes a card.
			size += 320 + len(c.Text) + len(c.Quote) + len(c.Source) + 3*len(c.Unknown) + 20*len(c.Tags) + 2*len(c.Text)*min(len(c.Parts), 1)
			fb.Cards[j] = toFileCard(c, zoneAt(zones, c.Center()))
			if len(c.Unknown) > 0 {
				fb.Cards[j].Unknown = unknown(c.Unknown, 5, func() string { return cardPath(i, j) })
			}
		}
	}
	return fp, size, err
}

// unknownProblem says why unknown members, kept from a file at depth
// level, cannot be written (Decode could not read them back), or "".
func unknownProblem(v []byte, level int) string {
	if jsontext.Value(v).Kind() != '{' || !jsontext.Value(v).IsValid() {
		return "unknown members are not a JSON object"
	} else if level-1+depth(v) > MaxDepth {
		return fmt.Sprintf("unknown members nested more than %d deep", MaxDepth)
	}
	return ""
}

// toFileCard is c in the file's shape, sharing c's memory, with its zone;
// unknown members are left to the caller, which checks them.
func toFileCard(c *canvas.Card, zone string) fileCard {
	return fileCard{
		ID:           fileID(c.ID),
		Kind:         c.Kind,
		Zone:         zone,
		Text:         &c.Text,
		Quote:        c.Quote,
		Source:       c.Source,
		X:            &c.X,
		Y:            &c.Y,
		W:            &c.W,
		H:            &c.H,
		Color:        c.Color,
		Tags:         c.Tags,
		Votes:        wholeNumber(c.Votes),
		Severity:     (*wholeNumber)(c.Severity),
		Relevance:    (*wholeNumber)(c.Relevance),
		Strength:     (*wholeNumber)(c.ForceStrength),
		Importance:   c.Importance,
		Satisfaction: c.Satisfaction,
		JobTypes:     c.JobTypes,
		Parts:        c.Parts,
	}
}

// zoneAt is canvas.Board.ZoneAt over zones computed once per board: the
// id of the first zone holding pt, or "".
func zoneAt(zones []canvas.Zone, pt canvas.Point) string {
	for i := range zones {
		if zones[i].Contains(pt) {
			return zones[i].ID
		}
	}
	return ""
}

// peekVersion reads only as far as the top-level "format" and "version"
// members, so that a file from a newer Jobcanvas is refused before any of
// it is decoded, and a file that is not a project says so rather than
// failing on some member deep inside.
func peekVersion(data []byte, name string) (int64, error) {
	d := jsontext.NewDecoder(bytes.NewBuffer(data))
	tok, err := d.ReadToken()
	if err != nil {
		return 0, decodeError(err, data, name, -1)
	}
	if tok.Kind() != '{' {
		return 0, &FileError{File: name, Err: ErrNotProject,
			Msg: fmt.Sprintf("not a Jobcanvas project: the file holds %s, not an object", kindName(tok.Kind()))}
	}
	var format, version jsontext.Value
	for format == nil || version == nil {
		if d.PeekKind() == '}' {
			break
		}
		tok, err := d.ReadToken()
		if err != nil {
			return 0, decodeError(err, data, name, -1)
		}
		switch tok.String() {
		case "format":
			format, err = d.ReadValue()
			format = format.Clone()
		case "version":
			version, err = d.ReadValue()
			version = version.Clone()
		default:
			err = d.SkipValue()
		}
		if err != nil {
			return 0, decodeError(err, data, name, -1)
		}
	}
	if format == nil {
		return 0, &FileError{File: name, Err: ErrNotProject,
			Msg: `not a Jobcanvas project: no "format": "jobcanvas" member`}
	}
	var formatName string
	if json.Unmarshal(format, &formatName) != nil || formatName != Format {
		return 0, &FileError{File: name, Err: ErrNotProject,
			Msg: fmt.Sprintf(`not a Jobcanvas project: "format" is %s, want "jobcanvas"`, shortRaw(format))}
	}
	if version == nil {
		return 0, &SyntaxError{File: name, Path: "version", Msg: "missing"}
	}
	v, err := parseVersion(version)
	if err != nil {
		return 0, &SyntaxError{File: name, Path: "version", Msg: err.Error()}
	}
	if v > Version {
		return 0, &VersionError{File: name, Version: v}
	}
	if v < 0 {
		return 0, &SyntaxError{File: name, Path: "version", Msg: fmt.Sprintf("unknown format version %d", v)}
	}
	return v, nil
}

// parseVersion reads a version number. JSON does not tell 1 from 1.0, and
// neither does the schema, so any whole number will do.
func parseVersion(v jsontext.Value) (int64, error) {
	if v.Kind() != '0' {
		return 0, fmt.Errorf("want a whole number, got %s", kindName(v.Kind()))
	}
	if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(string(v), 64)
	switch {
	case err != nil || f != math.Trunc(f):
		return 0, fmt.Errorf("want a whole number, got %s", shortRaw(v))
	case f >= 1<<62:
		return 1 << 62, nil // newer than any Jobcanvas
	case f <= -1<<62:
		return -1 << 62, nil
	}
	return int64(f), nil
}
