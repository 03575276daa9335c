package app

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/storage"
)

// outcomeRecords exports the window's outcomes through the File menu's
// dialog and returns the file's records.
func outcomeRecords(t *testing.T, w *Window) [][]string {
	t.Helper()
	dir := t.TempDir()
	w.ShowExportOutcomes()
	name, folder := exportOutcomesFields(t, w)
	if name.Text != "sample-outcomes.csv" {
		t.Errorf("suggested name %q", name.Text)
	}
	folder.SetText(dir)
	test.Tap(button(t, w, "Export"))
	if !strings.Contains(dialogText(t, w), "19 outcomes saved in "+filepath.Join(dir, "sample-outcomes.csv")) {
		t.Errorf("after export: %q", dialogText(t, w))
	}
	test.Tap(button(t, w, "OK"))
	data, err := os.ReadFile(filepath.Join(dir, "sample-outcomes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// exportOutcomesFields finds the name field (which has the keyboard) and
// the folder of the export dialog.
func exportOutcomesFields(t *testing.T, w *Window) (*nameField, *widget.Label) {
	t.Helper()
	name, ok := w.Window.Canvas().Focused().(*nameField)
	if !ok {
		t.Fatal("the file name field does not have the keyboard")
	}
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(*widget.Label); ok && filepath.IsAbs(l.Text) {
			return name, l
		}
	}
	t.Fatal("the dialog shows no folder")
	return nil, nil
}

func csvBytes(t *testing.T, recs [][]string) []byte {
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportOutcomesIsOneUndoStep: scores read from a file change the
// project as one edit, which one undo takes back whole.
func TestImportOutcomesIsOneUndoStep(t *testing.T) {
	w, _ := newTestWindow(t)
	before, _ := storage.Encode(w.Document().Project)
	recs := outcomeRecords(t, w)
	for _, r := range recs[1:4] {
		r[4], r[5] = "90%", "1,5"
	}
	w.importOutcomesReported(bytes.NewReader(csvBytes(t, recs)), "SCORES.csv")
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog after a good import:\n%s", dialogText(t, w))
	}
	doc := w.Document()
	if got := doc.History.UndoName(); got != "Import outcome scores" {
		t.Errorf("Undo %q", got)
	}
	var out bytes.Buffer
	_ = storage.WriteOutcomes(&out, doc.Project)
	if n := strings.Count(out.String(), ",9,1.5,16.5,extreme\n"); n != 3 {
		t.Errorf("%d outcomes scored 9 and 1.5, want 3:\n%s", n, out.String())
	}
	if !doc.Dirty() {
		t.Error("not marked as changed")
	}
	if err := doc.Undo(); err != nil {
		t.Fatal(err)
	}
	if after, _ := storage.Encode(doc.Project); !bytes.Equal(before, after) {
		t.Error("one undo does not take the whole import back")
	}
	if doc.Dirty() {
		t.Error("changed after undo")
	}
}

// TestImportOutcomesBadFile: a file with bad rows shows what is wrong,
// line by line, and changes nothing.
func TestImportOutcomesBadFile(t *testing.T) {
	w, _ := newTestWindow(t)
	doc := w.Document()
	addCard(t, w, "an earlier change")
	before, _ := storage.Encode(doc.Project)
	undo := doc.History.UndoName()
	recs := outcomeRecords(t, w)
	recs[1][4] = "12"
	recs[3][0], recs[3][3] = "", "No such outcome"
	w.importOutcomesReported(bytes.NewReader(csvBytes(t, recs)), "SCORES.csv")
	text := dialogText(t, w)
	for _, want := range []string{
		"Nothing was imported: SCORES.csv has 2 problems to fix.",
		`Line 2: importance: "12" is outside 0–10`,
		`Line 4: statement: no outcome says "No such outcome"`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, text)
		}
	}
	if after, _ := storage.Encode(doc.Project); !bytes.Equal(before, after) {
		t.Error("the project changed")
	}
	if doc.History.UndoName() != undo {
		t.Errorf("Undo %q, was %q", doc.History.UndoName(), undo)
	}
}

// TestImportOutcomesNoChange: a file with the project's own scores says
// so and adds no undo step.
func TestImportOutcomesNoChange(t *testing.T) {
	w, _ := newTestWindow(t)
	recs := outcomeRecords(t, w)
	w.importOutcomesReported(bytes.NewReader(csvBytes(t, recs)), "SCORES.csv")
	if text := dialogText(t, w); !strings.Contains(text, "nothing changed") {
		t.Errorf("dialog %q", text)
	}
	if n := w.Document().History.UndoName(); n != "" {
		t.Errorf("an undo step %q", n)
	}
}

func TestFileMenuHasOutcomes(t *testing.T) {
	w, _ := newTestWindow(t)
	var labels []string
	for _, it := range w.mainMenu().Items[0].Items {
		labels = append(labels, it.Label)
	}
	got := strings.Join(labels, "|")
	if !strings.Contains(got, "Export PNG…|Export outcomes CSV…|Import outcome scores…|") {
		t.Errorf("File menu: %s", got)
	}
}
