package storage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The outcome scores travel as CSV for the survey round trip of an
// outcome-driven study: export the outcome statements, have people rate
// them, read the importance and satisfaction back.

// OutcomeColumns is the header WriteOutcomes writes.
var OutcomeColumns = []string{"id", "board", "step", "statement", "importance", "satisfaction", "opportunity", "class"}

// ImportOutcomesLabel names the edit of an import in the Edit menu.
const ImportOutcomesLabel = "Import outcome scores"

// maxOutcomeProblems is where ReadOutcomes stops listing bad rows: a file
// that is wrong on every one of 100,000 lines needs its first ones fixed.
const maxOutcomeProblems = 1000

// outcome is one outcome card with where it sits.
type outcome struct {
	board *canvas.Board
	card  *canvas.Card
	step  string // the job-map step's name, or ""
}

// outcomes lists the outcome cards of p, board by board, in drawing order.
func outcomes(p *canvas.Project) []outcome {
	var out []outcome
	for _, b := range p.Boards {
		steps := map[uuid.UUID]string{}
		for _, s := range b.Steps {
			for _, c := range b.CardsInStep(s.ID) {
				steps[c.ID] = s.Name
			}
		}
		for _, c := range b.Cards {
			if c.Kind == canvas.KindOutcome {
				out = append(out, outcome{b, c, steps[c.ID]})
			}
		}
	}
	return out
}

// boardName is how the CSV names a board: its title, or for an untitled
// one its template's name, as its tab does.
func boardName(b *canvas.Board) string {
	if b.Title != "" {
		return b.Title
	}
	return b.TemplateOf().Name
}

// WriteOutcomes writes every outcome card of p as CSV with the header
// OutcomeColumns: highest opportunity first, then by statement; outcomes
// not yet scored on both scales come last, with an empty opportunity and
// class. Scores are written as stored, in as few digits as they need, so
// that reading the file back changes nothing.
func WriteOutcomes(w io.Writer, p *canvas.Project) error {
	rows := outcomes(p)
	sort.SliceStable(rows, func(i, j int) bool {
		oi, iok := rows[i].card.Opportunity()
		oj, jok := rows[j].card.Opportunity()
		if iok != jok {
			return iok
		}
		if iok && oi != oj {
			return oi > oj
		}
		return rows[i].card.Text < rows[j].card.Text
	})
	cw := csv.NewWriter(w)
	if err := cw.Write(OutcomeColumns); err != nil {
		return err
	}
	for _, r := range rows {
		c := r.card
		opp, class := "", ""
		if o, ok := c.Opportunity(); ok {
			// Rounded: 2×8.73−1 is 16.459999999999997 in binary.
			opp = formatScore(math.Round(o*1e6) / 1e6)
			cl, _ := c.Class()
			class = string(cl)
		}
		if err := cw.Write([]string{c.ID.String(), inert(boardName(r.board)), inert(r.step), inert(c.Text),
			optScore(c.Importance), optScore(c.Satisfaction), opp, class}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inert keeps a spreadsheet from taking a text cell for a formula (a
// statement a participant began with "=" or "+" would run when the file
// is opened): as OWASP advises, such a cell starts with an apostrophe,
// which spreadsheets hide and the import takes off again (fromInert).
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// fromInert is the text inert was given.
func fromInert(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

func formatScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func optScore(v *float64) string {
	if v == nil {
		return ""
	}
	return formatScore(*v)
}

// OutcomesError lists the bad rows of a scores file, one Problem per row;
// nothing of the file was imported.
type OutcomesError struct {
	File     string
	Problems []RowProblem
}

// RowProblem is what is wrong with one row (or the header) of a scores
// file. Line is the file's line, counting the header as 1; a row whose
// quoted text spans lines is named by the line it starts on, a bad value
// by its own line.
type RowProblem struct {
	Line int
	Msg  string
}

// Error is one line per problem, "FILE:LINE: what is wrong".
func (e *OutcomesError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s:%d: %s", e.File, p.Line, p.Msg)
	}
	return b.String()
}

// ReadOutcomes reads importance and satisfaction scores from the CSV file
// r (named name in messages) and returns the edit that sets them on the
// outcome cards of p, one undo step named ImportOutcomesLabel. p is not
// changed. The edit holds a change for each card whose scores differ, so
// it holds none when the file changes nothing.
//
// Columns are found by their header, whatever the case and the spaces
// around it: id or statement, importance and satisfaction are needed, and
// other columns (board, step, opportunity, class, a survey's own) are
// ignored. A row names its card by id; without one, by the outcome's exact
// statement. A score is a number from 0 to 10 (the room's average), or a
// top-2-box share from 0% to 100% (the survey's), read as a tenth of it:
// 85% is 8.5. A decimal comma reads as a point ("7,5"), and a header with
// more semicolons than commas makes the file semicolon-separated, as
// spreadsheets write it where the comma is the decimal sign. An empty cell
// means not scored: it clears that score, so that a file exported and read
// back changes nothing. Rows whose every cell is empty are skipped; cards
// no row names keep their scores.
//
// It is all or nothing: any bad row (an unknown id or statement, a
// statement two outcomes share, a score that is not a number or outside
// its range, a row with the wrong number of fields, a second row for the
// same card) fails the whole file with an *OutcomesError listing every
// bad row. A missing column is one problem on line 1.
func ReadOutcomes(r io.Reader, name string, p *canvas.Project) (*canvas.Batch, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &FileError{File: name, Msg: "cannot read: " + err.Error(), Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &FileError{File: name, Err: ErrTooLarge,
			Msg: fmt.Sprintf("file is over %s, the limit", roundSize(MaxFileSize))}
	}
	data = bytes.TrimPrefix(data, bom) // Excel starts its UTF-8 CSV with a BOM
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &OutcomesError{File: name, Problems: []RowProblem{{line, "not UTF-8 text (save the CSV as UTF-8)"}}}
	}
	im := newImport(p)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	switch {
	case err == io.EOF:
		return nil, &OutcomesError{File: name, Problems: []RowProblem{{1, "the file is empty: want a header with " + needed}}}
	case err != nil:
		return nil, &OutcomesError{File: name, Problems: []RowProblem{{parseLine(err), parseMsg(err)}}}
	}
	if msg := im.header(head); msg != "" {
		return nil, &OutcomesError{File: name, Problems: []RowProblem{{1, msg}}}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if n := len(im.problems); n == maxOutcomeProblems {
			im.problems = append(im.problems, RowProblem{im.problems[n-1].Line,
				fmt.Sprintf("stopped reading after %d bad rows", n)})
			break
		}
		if err != nil {
			// The reader carries on with the line after a bad quote.
			im.problems = append(im.problems, RowProblem{parseLine(err), parseMsg(err)})
			continue
		}
		im.row(rec, cr.FieldPos)
	}
	if im.problems != nil {
		return nil, &OutcomesError{File: name, Problems: im.problems}
	}
	return im.edit(p)
}

const needed = "id or statement, importance and satisfaction"

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// sniffComma picks the field separator from the header line.
func sniffComma(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(",")) {
		return ';'
	}
	return ','
}

func parseLine(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return 1
}

func parseMsg(err error) string {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("column %d: a \" inside a field that does not start with one (quote the whole field and double the \")", pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("column %d: a quoted field that does not end where it should (a \" inside it must be doubled)", pe.Column)
	}
	return fmt.Sprintf("column %d: %v", pe.Column, pe.Err)
}

// scoreImport is a read in progress.
type scoreImport struct {
	byID   map[uuid.UUID]outcomeOrOther
	byText map[string][]outcome

	id, statement, importance, satisfaction int // column indexes, -1 for none
	fields                                  int

	seen     map[uuid.UUID]int // card → the line that set it
	sets     []scoreSet
	problems []RowProblem
}

type outcomeOrOther struct {
	outcome
	kind canvas.Kind
}

type scoreSet struct {
	outcome
	importance, satisfaction *float64
}

func newImport(p *canvas.Project) *scoreImport {
	im := &scoreImport{byID: map[uuid.UUID]outcomeOrOther{}, byText: map[string][]outcome{}, seen: map[uuid.UUID]int{}}
	for _, b := range p.Boards {
		for _, c := range b.Cards {
			im.byID[c.ID] = outcomeOrOther{outcome{board: b, card: c}, c.Kind}
		}
	}
	for _, o := range outcomes(p) {
		im.byText[o.card.Text] = append(im.byText[o.card.Text], o)
	}
	return im
}

// header finds the columns, or says what is missing.
func (im *scoreImport) header(head []string) string {
	cols := map[string]*int{"id": &im.id, "statement": &im.statement, "importance": &im.importance, "satisfaction": &im.satisfaction}
	for _, p := range cols {
		*p = -1
	}
	im.fields = len(head)
	for i, h := range head {
		p, ok := cols[strings.ToLower(strings.TrimSpace(h))]
		if !ok {
			continue
		}
		if *p >= 0 {
			return fmt.Sprintf("two %s columns (fields %d and %d)", strings.ToLower(strings.TrimSpace(h)), *p+1, i+1)
		}
		*p = i
	}
	var missing []string
	if im.id < 0 && im.statement < 0 {
		missing = append(missing, "id or statement")
	}
	if im.importance < 0 {
		missing = append(missing, "importance")
	}
	if im.satisfaction < 0 {
		missing = append(missing, "satisfaction")
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return "no " + missing[0] + " column (the header needs " + needed + ")"
	}
	return "no " + strings.Join(missing[:len(missing)-1], ", ") + " or " + missing[len(missing)-1] +
		" columns (the header needs " + needed + ")"
}

// row reads one record; pos gives each field's line.
func (im *scoreImport) row(rec []string, pos func(field int) (line, column int)) {
	line, _ := pos(0)
	blank := true
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	if len(rec) != im.fields {
		im.problems = append(im.problems, RowProblem{line,
			fmt.Sprintf("%d %s where the header has %d (a statement with a comma must be in quotes)",
				len(rec), canvas.Plural(len(rec), "field", "fields"), im.fields)})
		return
	}
	o, msg := im.find(rec)
	var msgs []string
	if msg != "" {
		msgs = append(msgs, msg)
	}
	set := scoreSet{outcome: o}
	for _, s := range []struct {
		col  int
		name string
		to   **float64
	}{{im.importance, "importance", &set.importance}, {im.satisfaction, "satisfaction", &set.satisfaction}} {
		v, msg := parseScore(rec[s.col])
		if msg != "" {
			if l, _ := pos(s.col); l != line {
				msg += fmt.Sprintf(" (line %d)", l)
			}
			msgs = append(msgs, s.name+": "+msg)
		}
		*s.to = v
	}
	if len(msgs) == 0 {
		if first, dup := im.seen[o.card.ID]; dup {
			msgs = append(msgs, fmt.Sprintf("the same outcome as line %d", first))
		} else {
			im.seen[o.card.ID] = line
		}
	}
	if len(msgs) > 0 {
		im.problems = append(im.problems, RowProblem{line, strings.Join(msgs, "; ")})
		return
	}
	im.sets = append(im.sets, set)
}

// find names the outcome card a row is about.
func (im *scoreImport) find(rec []string) (outcome, string) {
	if im.id >= 0 {
		if s := strings.TrimSpace(rec[im.id]); s != "" {
			id, err := uuid.Parse(s)
			if err != nil {
				return outcome{}, fmt.Sprintf("id: %s is not a card id", quoteShort([]byte(s)))
			}
			o, ok := im.byID[id]
			switch {
			case !ok:
				return outcome{}, fmt.Sprintf("id: no card has the id %s", id)
			case o.kind != canvas.KindOutcome:
				return outcome{}, fmt.Sprintf("id: card %s is a %s, not a desired outcome", id, strings.ToLower(o.kind.Label()))
			}
			return o.outcome, ""
		}
	}
	if im.statement < 0 {
		return outcome{}, "no id: nothing says which outcome the row is about"
	}
	text := fromInert(rec[im.statement])
	if strings.TrimSpace(text) == "" {
		return outcome{}, "no id and no statement: nothing says which outcome the row is about"
	}
	switch m := im.byText[text]; len(m) {
	case 0:
		return outcome{}, "statement: no outcome says " + quoteShort([]byte(text))
	case 1:
		return m[0], ""
	default:
		return outcome{}, fmt.Sprintf("statement: %d outcomes say %s; give the id to say which", len(m), quoteShort([]byte(text)))
	}
}

var scoreRE = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$`)

// parseScore reads a cell: "" is nil (not scored), "7.5" and "7,5" are
// 7.5, "85%" is 8.5. msg says what is wrong with a bad cell.
func parseScore(cell string) (v *float64, msg string) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return nil, ""
	}
	num, pct := strings.CutSuffix(s, "%")
	num = strings.TrimSpace(num)
	if !scoreRE.MatchString(num) {
		return nil, quoteShort([]byte(s)) + " is not a number"
	}
	num = strings.Replace(num, ",", ".", 1)
	if pct {
		num += "e-1" // a tenth, read exactly: 87.3% is 8.73, not 8.729999999999999
	}
	f, err := strconv.ParseFloat(num, 64)
	switch {
	case err != nil:
		return nil, quoteShort([]byte(s)) + " is not a number"
	case pct && !(f >= 0 && f <= 10):
		return nil, quoteShort([]byte(s)) + " is outside 0%–100%"
	case !(f >= 0 && f <= 10):
		return nil, quoteShort([]byte(s)) + " is outside 0–10"
	}
	f += 0 // -0 is 0
	return &f, ""
}

// edit makes the changes of the rows read.
func (im *scoreImport) edit(p *canvas.Project) (*canvas.Batch, error) {
	b := &canvas.Batch{Label: ImportOutcomesLabel}
	for _, s := range im.sets {
		c := s.card
		if sameScore(c.Importance, s.importance) && sameScore(c.Satisfaction, s.satisfaction) {
			continue
		}
		e, err := canvas.ChangeCard(p, s.board.ID, c.ID, ImportOutcomesLabel, func(c *canvas.Card) {
			c.Importance, c.Satisfaction = s.importance, s.satisfaction
		})
		if err != nil {
			return nil, err
		}
		b.Edits = append(b.Edits, e)
	}
	return b, nil
}

func sameScore(a, b *float64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
