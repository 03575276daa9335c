package storage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
)

func score(v float64) *float64 { return &v }

// outcomeID is the id of the n-th card of scoresProject.
func outcomeID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("00000000-0000-4000-8000-%012d", n))
}

// scoresProject is a job map with outcomes in two steps (one off the
// columns), a value proposition canvas with an outcome on it, a pain and
// two outcomes that say the same thing.
func scoresProject(t testing.TB) *canvas.Project {
	t.Helper()
	p, err := canvas.NewProject("Study", canvas.TemplateJobMap, canvas.TemplateValueProposition)
	if err != nil {
		t.Fatal(err)
	}
	jm, vp := p.Boards[0], p.Boards[1]
	jm.Title = "Commute to work"
	vp.Title = ""
	at := func(b *canvas.Board, zone string) canvas.Point {
		z, ok := b.Zone(zone)
		if !ok {
			t.Fatalf("no zone %s", zone)
		}
		return z.Rect.Center()
	}
	add := func(b *canvas.Board, n int, k canvas.Kind, where canvas.Point, text string, imp, sat *float64) {
		c := canvas.NewCard(k, where, text)
		c.ID, c.Importance, c.Satisfaction = outcomeID(n), imp, sat
		if err := (&canvas.AddCards{Board: b.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
	}
	define, locate := at(jm, "define/outcomes"), at(jm, "locate/outcomes")
	add(jm, 1, canvas.KindOutcome, define, "Minimize the time it takes to decide whether to ride", score(7), score(4))   // 10 solid
	add(jm, 2, canvas.KindOutcome, define, "Minimize the likelihood of a flat tyre", score(9), score(2))                 // 16 extreme
	add(jm, 3, canvas.KindOutcome, locate, "Minimize the time it takes to find the lights", score(7.5), score(9))        // 7.5 over-served
	add(jm, 4, canvas.KindOutcome, locate, "Increase the likelihood of arriving dry", nil, score(3))                     // unscored
	add(jm, 5, canvas.KindOutcome, canvas.Point{X: -2000, Y: -2000}, "Reduce the effort of carrying the bike", nil, nil) // off the map, unscored
	add(jm, 6, canvas.KindJobStep, at(jm, "define/steps"), "Check the weather", nil, nil)
	add(vp, 7, canvas.KindOutcome, canvas.Point{X: -500, Y: -500}, "Minimize the likelihood of a flat tyre", score(6.25), score(6.25)) // 6.25 appropriate
	add(vp, 8, canvas.KindPain, at(vp, "pains"), "Arrive sweaty", nil, nil)
	add(jm, 9, canvas.KindOutcome, locate, "Increase the likelihood of a free rack", score(8), score(4)) // 12 high
	return p
}

func writeOutcomes(t *testing.T, p *canvas.Project) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteOutcomes(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriteOutcomes(t *testing.T) {
	got := writeOutcomes(t, scoresProject(t))
	want := `id,board,step,statement,importance,satisfaction,opportunity,class
00000000-0000-4000-8000-000000000002,Commute to work,Define,Minimize the likelihood of a flat tyre,9,2,16,extreme
00000000-0000-4000-8000-000000000009,Commute to work,Locate,Increase the likelihood of a free rack,8,4,12,high
00000000-0000-4000-8000-000000000001,Commute to work,Define,Minimize the time it takes to decide whether to ride,7,4,10,solid
00000000-0000-4000-8000-000000000003,Commute to work,Locate,Minimize the time it takes to find the lights,7.5,9,7.5,over-served
00000000-0000-4000-8000-000000000007,Value proposition canvas,,Minimize the likelihood of a flat tyre,6.25,6.25,6.25,appropriate
00000000-0000-4000-8000-000000000004,Commute to work,Locate,Increase the likelihood of arriving dry,,3,,
00000000-0000-4000-8000-000000000005,Commute to work,,Reduce the effort of carrying the bike,,,,
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestWriteOutcomesOpportunityDigits: the opportunity is as short as the
// scores make it, not the binary sum's seventeen digits.
func TestWriteOutcomesOpportunityDigits(t *testing.T) {
	p := scoresProject(t)
	c := p.Boards[0].Card(outcomeID(1))
	c.Importance, c.Satisfaction = score(8.73), score(1)
	if got := writeOutcomes(t, p); !strings.Contains(got, ",8.73,1,16.46,extreme\n") {
		t.Errorf("row of 8.73 and 1 not found in\n%s", got)
	}
}

func readOutcomes(t *testing.T, p *canvas.Project, data string) (*canvas.Batch, error) {
	t.Helper()
	before, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadOutcomes(strings.NewReader(data), "SCORES.csv", p)
	after, _ := Encode(p)
	if !bytes.Equal(before, after) {
		t.Fatal("ReadOutcomes changed the project")
	}
	return b, err
}

// TestOutcomesRoundTrip: the sample exported and read back changes
// nothing; changed scores read back are those written again.
func TestOutcomesRoundTrip(t *testing.T) {
	p, err := Decode(assets.Sample, "sample.jobcanvas")
	if err != nil {
		t.Fatal(err)
	}
	out := writeOutcomes(t, p)
	if n := strings.Count(out, "\n"); n < 10 {
		t.Fatalf("only %d lines from the sample:\n%s", n, out)
	}
	b, err := readOutcomes(t, p, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Edits) != 0 {
		t.Fatalf("reading back the export changes %d cards", len(b.Edits))
	}

	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		r[4], r[5] = "9.5", "1"
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.WriteAll(recs)
	b, err = readOutcomes(t, p, buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Edits) != len(recs)-1 {
		t.Fatalf("%d changes for %d rows", len(b.Edits), len(recs)-1)
	}
	if err := b.Apply(p); err != nil {
		t.Fatal(err)
	}
	again := writeOutcomes(t, p)
	if strings.Count(again, ",9.5,1,18,extreme\n") != len(recs)-1 {
		t.Errorf("not every outcome scored 9.5 and 1:\n%s", again)
	}
}

// TestReadOutcomesOneUndoStep: the import is one step of the history, and
// undo gives back every score, a cleared one too.
func TestReadOutcomesOneUndoStep(t *testing.T) {
	p := scoresProject(t)
	before, _ := Encode(p)
	b, err := readOutcomes(t, p, "id,importance,satisfaction\n"+
		"00000000-0000-4000-8000-000000000001,8,3\n"+
		"00000000-0000-4000-8000-000000000002,,\n"+
		"00000000-0000-4000-8000-000000000004,5,3\n")
	if err != nil {
		t.Fatal(err)
	}
	var h canvas.History
	if err := h.Do(p, b); err != nil {
		t.Fatal(err)
	}
	if h.UndoName() != "Import outcome scores" {
		t.Errorf("undo name %q", h.UndoName())
	}
	jm := p.Boards[0]
	for n, want := range map[int][2]*float64{1: {score(8), score(3)}, 2: {nil, nil}, 4: {score(5), score(3)}, 3: {score(7.5), score(9)}} {
		c := jm.Card(outcomeID(n))
		if !sameScore(c.Importance, want[0]) || !sameScore(c.Satisfaction, want[1]) {
			t.Errorf("card %d: %v %v, want %v %v", n, c.Importance, c.Satisfaction, want[0], want[1])
		}
	}
	if ok, err := h.Undo(p); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if after, _ := Encode(p); !bytes.Equal(before, after) {
		t.Error("one undo does not bring the project back")
	}
	if h.UndoName() != "" {
		t.Errorf("more than one undo step: %q left", h.UndoName())
	}
}

func TestParseScore(t *testing.T) {
	tests := []struct {
		cell string
		want *float64
		msg  string
	}{
		{"7", score(7), ""},
		{" 7.5 ", score(7.5), ""},
		{"7,5", score(7.5), ""},
		{".5", score(0.5), ""},
		{"10", score(10), ""},
		{"0", score(0), ""},
		{"+3", score(3), ""},
		{"85%", score(8.5), ""},
		{"85 %", score(8.5), ""},
		{"87.3%", score(8.73), ""},
		{"87,3%", score(8.73), ""},
		{"100%", score(10), ""},
		{"0%", score(0), ""},
		{"", nil, ""},
		{"  ", nil, ""},
		{"10.01", nil, `"10.01" is outside 0–10`},
		{"11", nil, `"11" is outside 0–10`},
		{"-1", nil, `"-1" is outside 0–10`},
		{"101%", nil, `"101%" is outside 0%–100%`},
		{"-5%", nil, `"-5%" is outside 0%–100%`},
		{"seven", nil, `"seven" is not a number`},
		{"NaN", nil, `"NaN" is not a number`},
		{"Inf", nil, `"Inf" is not a number`},
		{"1e1", nil, `"1e1" is not a number`},
		{"0x1p3", nil, `"0x1p3" is not a number`},
		{"7.5.1", nil, `"7.5.1" is not a number`},
		{"1,000", score(1), ""}, // a decimal comma: a thousands separator has no place in 0–10
		{"%", nil, `"%" is not a number`},
		{"5%%", nil, `"5%%" is not a number`},
	}
	for _, tt := range tests {
		got, msg := parseScore(tt.cell)
		if msg != tt.msg || !sameScore(got, tt.want) {
			t.Errorf("parseScore(%q) = %v %q, want %v %q", tt.cell, got, msg, tt.want, tt.msg)
		}
	}
	if v, _ := parseScore("-0"); v == nil || *v != 0 || fmt.Sprint(*v) != "0" {
		t.Errorf("-0 reads as %v", v)
	}
}

// TestReadOutcomesColumns: columns by header name in any order, case and
// spacing; other columns ignored; rows by id, else by statement; Excel's
// BOM; a semicolon-separated file with decimal commas.
func TestReadOutcomesColumns(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"by id, reordered, other columns", "Satisfaction , respondent, ID,IMPORTANCE\n3,Ann,00000000-0000-4000-8000-000000000001,8\n"},
		{"by statement", "statement,importance,satisfaction\nMinimize the time it takes to decide whether to ride,8,3\n"},
		{"id column, empty id, by statement", "id,statement,importance,satisfaction\n,Minimize the time it takes to decide whether to ride,8,3\n"},
		{"BOM and CRLF", "\uFEFFid,importance,satisfaction\r\n00000000-0000-4000-8000-000000000001,8,3\r\n"},
		{"semicolons, decimal comma, percent", "id;importance;satisfaction\n00000000-0000-4000-8000-000000000001;8,0;30%\n"},
		{"blank rows skipped", "id,importance,satisfaction\n,,\n\n00000000-0000-4000-8000-000000000001,8,3\n , ,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := scoresProject(t)
			b, err := readOutcomes(t, p, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Edits) != 1 {
				t.Fatalf("%d changes, want 1", len(b.Edits))
			}
			if err := b.Apply(p); err != nil {
				t.Fatal(err)
			}
			c := p.Boards[0].Card(outcomeID(1))
			if !sameScore(c.Importance, score(8)) || !sameScore(c.Satisfaction, score(3)) {
				t.Errorf("scores %v %v, want 8 3", *c.Importance, *c.Satisfaction)
			}
		})
	}
}

// TestReadOutcomesBadRows: every bad row is named with its line and what
// is wrong, one line each, and nothing is imported.
func TestReadOutcomesBadRows(t *testing.T) {
	data := "id,statement,importance,satisfaction,comment\n" +
		"00000000-0000-4000-8000-000000000001,,8,3,good\n" +
		"00000000-0000-4000-8000-000000000099,,8,3,unknown id\n" +
		",No such outcome,8,3,unknown statement\n" +
		",Minimize the likelihood of a flat tyre,8,3,two cards say it\n" +
		"00000000-0000-4000-8000-000000000003,,11,3,out of range\n" +
		"00000000-0000-4000-8000-000000000009,,eight,-2,two bad scores\n" +
		"00000000-0000-4000-8000-000000000001,,8,3,duplicate\n" +
		"00000000-0000-4000-8000-000000000008,,8,3,a pain\n" +
		"not-an-id,,8,3,bad id\n" +
		",,8,3,nothing names it\n" +
		"00000000-0000-4000-8000-000000000004,Minimize, quickly,8,3,unquoted comma\n" +
		"00000000-0000-4000-8000-000000000002,\"Minimize\nthe likelihood\",8,\"\n12\",multi-line row\n" +
		"00000000-0000-4000-8000-000000000005,a \"bare\" quote,8,3,bad quote\n" +
		"00000000-0000-4000-8000-000000000007,,101%,50%,percent out of range\n"
	p := scoresProject(t)
	_, err := readOutcomes(t, p, data)
	var oe *OutcomesError
	if !errors.As(err, &oe) {
		t.Fatalf("error %T %v, want *OutcomesError", err, err)
	}
	want := `SCORES.csv:3: id: no card has the id 00000000-0000-4000-8000-000000000099
SCORES.csv:4: statement: no outcome says "No such outcome"
SCORES.csv:5: statement: 2 outcomes say "Minimize the likelihood of a flat tyre"; give the id to say which
SCORES.csv:6: importance: "11" is outside 0–10
SCORES.csv:7: importance: "eight" is not a number; satisfaction: "-2" is outside 0–10
SCORES.csv:8: the same outcome as line 2
SCORES.csv:9: id: card 00000000-0000-4000-8000-000000000008 is a pain, not a desired outcome
SCORES.csv:10: id: "not-an-id" is not a card id
SCORES.csv:11: no id and no statement: nothing says which outcome the row is about
SCORES.csv:12: 6 fields where the header has 5 (a statement with a comma must be in quotes)
SCORES.csv:13: satisfaction: "12" is outside 0–10 (line 14)
SCORES.csv:16: column 40: a " inside a field that does not start with one (quote the whole field and double the ")
SCORES.csv:17: importance: "101%" is outside 0%–100%`
	if got := err.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestReadOutcomesHeaderProblems(t *testing.T) {
	tests := []struct{ data, want string }{
		{"id,importance\nx,1\n", "SCORES.csv:1: no satisfaction column (the header needs id or statement, importance and satisfaction)"},
		{"board,step\n", "SCORES.csv:1: no id or statement, importance or satisfaction columns (the header needs id or statement, importance and satisfaction)"},
		{"statement,satisfaction,opportunity\n", "SCORES.csv:1: no importance column (the header needs id or statement, importance and satisfaction)"},
		{"id,importance,satisfaction,Importance\n", "SCORES.csv:1: two importance columns (fields 2 and 4)"},
		{"", "SCORES.csv:1: the file is empty: want a header with id or statement, importance and satisfaction"},
		{"id,importance\xff,satisfaction\n", "SCORES.csv:1: not UTF-8 text (save the CSV as UTF-8)"},
		{"id,\"importance,satisfaction\n", "SCORES.csv:1: column 29: a quoted field that does not end where it should (a \" inside it must be doubled)"},
	}
	for _, tt := range tests {
		_, err := readOutcomes(t, scoresProject(t), tt.data)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: got %v\nwant %s", tt.data, err, tt.want)
		}
	}
}

// TestReadOutcomesEmptyCellClears: an empty cell means not scored; a card
// the file does not name keeps its scores.
func TestReadOutcomesEmptyCellClears(t *testing.T) {
	p := scoresProject(t)
	b, err := readOutcomes(t, p, "id,importance,satisfaction\n00000000-0000-4000-8000-000000000001,,6\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Apply(p); err != nil {
		t.Fatal(err)
	}
	c := p.Boards[0].Card(outcomeID(1))
	if c.Importance != nil || !sameScore(c.Satisfaction, score(6)) {
		t.Errorf("got %v %v, want not scored and 6", c.Importance, c.Satisfaction)
	}
	if o := p.Boards[0].Card(outcomeID(2)); !sameScore(o.Importance, score(9)) || !sameScore(o.Satisfaction, score(2)) {
		t.Error("a card not in the file lost its scores")
	}
}

// TestReadOutcomesTooManyProblems: a file bad on every line lists a
// thousand and says it stopped.
func TestReadOutcomesTooManyProblems(t *testing.T) {
	data := "id,importance,satisfaction\n" + strings.Repeat("x,1,1\n", 5000)
	_, err := readOutcomes(t, scoresProject(t), data)
	var oe *OutcomesError
	if !errors.As(err, &oe) || len(oe.Problems) != maxOutcomeProblems+1 {
		t.Fatalf("got %T with %d problems", err, len(oe.Problems))
	}
	if last := oe.Problems[len(oe.Problems)-1]; last.Msg != "stopped reading after 1000 bad rows" || last.Line != 1001 {
		t.Errorf("last problem %+v", last)
	}
}

// FuzzOutcomesCSV feeds ReadOutcomes arbitrary files against a small
// project. It must never panic nor change the project; every problem names
// the file and a line of it; an import applied and undone leaves the
// project as it was, and the project it makes exports a file that reads
// back as no change. Crashers found are kept under
// testdata/fuzz/FuzzOutcomesCSV.
func FuzzOutcomesCSV(f *testing.F) {
	f.Add([]byte(writeOutcomesF(f, scoresProject(f))))
	f.Add([]byte("id,importance,satisfaction\n00000000-0000-4000-8000-000000000001,8,3\n00000000-0000-4000-8000-000000000004,,\n"))
	f.Add([]byte("statement;importance;satisfaction\nReduce the effort of carrying the bike;7,5;85%\n"))
	f.Add([]byte("\uFEFFID,Importance,Satisfaction\r\n00000000-0000-4000-8000-000000000003,\"1\n\",2\r\n"))
	f.Add([]byte("id,statement,importance,satisfaction\n,\"a \"\"quoted\"\" text\",1,2\nx\"y,,,\n"))
	f.Add([]byte("importance,satisfaction\n1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := scoresProject(t)
		before, _ := Encode(p)
		b, err := ReadOutcomes(bytes.NewReader(data), "fuzz.csv", p)
		if after, _ := Encode(p); !bytes.Equal(before, after) {
			t.Fatal("ReadOutcomes changed the project")
		}
		if err != nil {
			var oe *OutcomesError
			if !errors.As(err, &oe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			lines := 1 + bytes.Count(data, []byte("\n"))
			for _, pr := range oe.Problems {
				if pr.Line < 1 || pr.Line > lines || pr.Msg == "" {
					t.Fatalf("problem %+v in a file of %d lines", pr, lines)
				}
			}
			if strings.Count(err.Error(), "\n") != len(oe.Problems)-1 || !strings.HasPrefix(err.Error(), "fuzz.csv:") {
				t.Fatalf("not one line per problem: %q", err)
			}
			return
		}
		if err := b.Apply(p); err != nil {
			t.Fatalf("the import does not apply: %v", err)
		}
		out := writeOutcomesF(t, p)
		if b2, err := ReadOutcomes(strings.NewReader(out), "again.csv", p); err != nil || len(b2.Edits) != 0 {
			t.Fatalf("export after import reads back as %v, %v:\n%s", b2, err, out)
		}
		if err := b.Undo(p); err != nil {
			t.Fatal(err)
		}
		if after, _ := Encode(p); !bytes.Equal(before, after) {
			t.Fatal("undo does not bring the project back")
		}
	})
}

func writeOutcomesF(t testing.TB, p *canvas.Project) string {
	var buf bytes.Buffer
	if err := WriteOutcomes(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// A statement that starts like a formula is exported so that a spreadsheet
// shows it as text (an apostrophe first), and read back as it was, by its
// text alone.
func TestOutcomesFormulaCellsAreInert(t *testing.T) {
	p := scoresProject(t)
	bd := p.Boards[0]
	texts := []string{"=HYPERLINK(\"http://x\")", "+1 the number of stops", "-minimize the wait", "@risk of a fall"}
	for i, text := range texts {
		c := canvas.NewCard(canvas.KindOutcome, canvas.Point{X: -3000, Y: float64(-3000 - 300*i)}, text)
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
	}
	out := writeOutcomes(t, p)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, r := range recs {
		if strings.ContainsAny(r[3][:1], "=+-@") {
			t.Errorf("cell %q would run as a formula", r[3])
		}
		for _, text := range texts {
			if r[3] == "'"+text {
				rows = append(rows, []string{r[3], "9", "1"})
			}
		}
	}
	if len(rows) != len(texts) {
		t.Fatalf("%d of the %d statements exported with an apostrophe:\n%s", len(rows), len(texts), out)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.WriteAll(append([][]string{{"statement", "importance", "satisfaction"}}, rows...))
	b, err := readOutcomes(t, p, buf.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Edits) != len(texts) {
		t.Errorf("the statements read back changed %d cards, want %d", len(b.Edits), len(texts))
	}
}
