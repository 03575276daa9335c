package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/storage"
)

// sampleOutcomes is the CSV of the sample's outcomes, as records.
func sampleOutcomes(t *testing.T) [][]string {
	t.Helper()
	code, out, errOut := runCmd(t, "outcomes", writeFile(t, "s.jobcanvas", assets.Sample))
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func csvText(t *testing.T, recs [][]string) []byte {
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOutcomesExport(t *testing.T) {
	recs := sampleOutcomes(t)
	if got := strings.Join(recs[0], ","); got != "id,board,step,statement,importance,satisfaction,opportunity,class" {
		t.Errorf("header %q", got)
	}
	if len(recs) < 10 {
		t.Fatalf("%d rows", len(recs))
	}
	// The sample's "close pass by a car" (10, 2) is its highest
	// opportunity, 18.
	if r := recs[1]; r[3] != "Minimize the likelihood of a close pass by a car" || r[2] != "Execute" || r[6] != "18" || r[7] != "extreme" {
		t.Errorf("first row %q", r)
	}
}

func TestOutcomesImport(t *testing.T) {
	recs := sampleOutcomes(t)
	recs[1][4], recs[1][5] = "9.5", "20%" // by id
	recs[2][0], recs[2][4], recs[2][5] = "", "1", "1"
	path := writeFile(t, "w.jobcanvas", assets.Sample)
	scores := writeFile(t, "SCORES.csv", csvText(t, recs))
	code, out, errOut := runCmd(t, "outcomes", "-import", scores, path)
	if code != 0 || errOut != "" || !strings.Contains(out, "new scores for 2 outcomes from") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := storage.WriteOutcomes(&buf, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ",Minimize the likelihood of a close pass by a car,9.5,2,17,extreme\n") ||
		!strings.Contains(buf.String(), ","+recs[2][3]+",1,1,1,appropriate\n") {
		t.Errorf("scores not saved:\n%s", buf.String())
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("not saved as Save does (no backup): %v", err)
	}
	if code, _, errOut := runCmd(t, "check", path); code != 0 {
		t.Errorf("the saved file does not check: %s", errOut)
	}
}

// TestOutcomesImportBadRows: any bad row fails the import with one line
// per bad row, and the project file is not touched.
func TestOutcomesImportBadRows(t *testing.T) {
	recs := sampleOutcomes(t)
	id := recs[1][0]
	path := writeFile(t, "w.jobcanvas", assets.Sample)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data string
		want       []string
	}{
		{"bad rows", "id,statement,importance,satisfaction\n" +
			id + ",,8,3\n" +
			"5b0d1f8e-0000-4000-8000-000000000000,,8,3\n" +
			",Not in the sample,8,3\n" +
			id + ",,8,30\n" +
			id + ",,8,3\n" +
			recs[2][0] + ",,x,3\n", []string{
			":3: id: no card has the id 5b0d1f8e-0000-4000-8000-000000000000",
			`:4: statement: no outcome says "Not in the sample"`,
			`:5: satisfaction: "30" is outside 0–10`,
			":6: the same outcome as line 2",
			`:7: importance: "x" is not a number`,
		}},
		{"missing column", "id,importance\n" + id + ",8\n", []string{
			":1: no satisfaction column (the header needs id or statement, importance and satisfaction)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores := writeFile(t, "SCORES.csv", []byte(tt.data))
			code, out, errOut := runCmd(t, "outcomes", "-import", scores, path)
			if code != 1 || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("%d lines on stderr, want %d:\n%s", len(lines), len(tt.want), errOut)
			}
			for i, w := range tt.want {
				if lines[i] != scores+w {
					t.Errorf("line %d: %q, want %q", i+1, lines[i], scores+w)
				}
			}
			data, _ := os.ReadFile(path)
			fi, err := os.Stat(path)
			if err != nil || !bytes.Equal(data, assets.Sample) || !fi.ModTime().Equal(old) {
				t.Errorf("the project file changed (err %v, mtime %v)", err, fi.ModTime())
			}
			if _, err := os.Stat(path + ".bak"); err == nil {
				t.Error("a backup was made")
			}
		})
	}
}

// TestOutcomesImportNoChange: a file that changes no score leaves the
// project file alone.
func TestOutcomesImportNoChange(t *testing.T) {
	recs := sampleOutcomes(t)
	path := writeFile(t, "w.jobcanvas", assets.Sample)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	scores := writeFile(t, "SCORES.csv", csvText(t, recs))
	code, out, errOut := runCmd(t, "outcomes", "-import", scores, path)
	if code != 0 || errOut != "" || !strings.Contains(out, "no score changed") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if fi, err := os.Stat(path); err != nil || !fi.ModTime().Equal(old) {
		t.Error("the file was written")
	}
}

func TestOutcomesUsage(t *testing.T) {
	path := writeFile(t, "w.jobcanvas", assets.Sample)
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"outcomes"}, 2, "usage: jobcanvas outcomes [-import SCORES.csv] FILE"},
		{[]string{"outcomes", path, path}, 2, "usage: jobcanvas outcomes"},
		{[]string{"outcomes", "-import", filepath.Join(t.TempDir(), "none.csv"), path}, 1, "none.csv: cannot open: no such file or directory"},
		{[]string{"outcomes", filepath.Join(t.TempDir(), "none.jobcanvas")}, 1, "none.jobcanvas: cannot open"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.err) {
			t.Errorf("%q: exit %d, %q; want %d, %q", tt.args, code, errOut, tt.code, tt.err)
		}
	}
	if _, out, _ := runCmd(t, "--help"); !strings.Contains(out, "jobcanvas outcomes -import SCORES.csv FILE") {
		t.Errorf("usage does not name outcomes:\n%s", out)
	}
}
