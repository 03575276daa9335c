package board

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// The goldens show both templates with the sample's cards, fitted to a
// projector-sized window, in both themes.
func TestBoardRendersTemplates(t *testing.T) {
	for _, tc := range []struct {
		golden string
		board  func(*sample) *canvas.Board
		theme  func() fyne.Theme
	}{
		{"board/vpc_light.png", vpcBoard, lightTheme},
		{"board/vpc_dark.png", vpcBoard, darkTheme},
		{"board/jobmap_light.png", jobMapBoard, lightTheme},
		{"board/jobmap_dark.png", jobMapBoard, darkTheme},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			b, _, s, w := newBoardTest(t, tc.board, fyne.NewSize(1280, 720), tc.theme())
			if tc.board(s) == s.vpc {
				b.Select(s.byText["Covered, guarded racks"])
			}
			test.AssertImageMatches(t, tc.golden, w.Canvas().Capture())
		})
	}
}

// At 100 % a few cards fill the view: the text is large, wrapped and
// shrunk to fit its note, with the badges below it.
func TestBoardRendersCardsAt100(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, fyne.NewSize(900, 600), lightTheme())
	viewAt100(b, s.vpc.Card(s.byText["Arrive sweaty before the 9:00 meeting"]).Center())
	b.Select(s.byText["Bike stolen at the station"])
	test.AssertImageMatches(t, "board/vpc_pains_100.png", w.Canvas().Capture())
}

// The editor sits on the note it edits, dressed in the note's colour, with
// text at the note's size.
func TestBoardRendersEditor(t *testing.T) {
	b, _, s, w := newBoardTest(t, vpcBoard, fyne.NewSize(900, 600), lightTheme())
	viewAt100(b, s.vpc.Card(s.byText["Arrive sweaty before the 9:00 meeting"]).Center())
	b.DoubleTapped(&fyne.PointEvent{Position: b.view.ToScreen(at(1600, 1080))})
	test.Type(b.edit.entry, "Potholes")
	test.AssertImageMatches(t, "board/vpc_new_card_editor.png", w.Canvas().Capture())
}

// The bundled sample workshop, as a facilitator first sees it: each board
// fitted to a projector-sized window.
func TestBoardRendersBundledSample(t *testing.T) {
	for i, golden := range []string{"board/sample_vpc.png", "board/sample_jobmap.png",
		"board/sample_customer_stories.png", "board/sample_forces.png", "board/sample_competition.png",
		"board/sample_job_stories.png", "board/sample_success_outcomes.png"} {
		t.Run(golden, func(t *testing.T) {
			test.NewTempApp(t).Settings().SetTheme(lightTheme())
			p, err := storage.Decode(assets.Sample, assets.SampleName)
			if err != nil {
				t.Fatal(err)
			}
			bw := New(newDocument(p), p.Boards[i].ID, NewClipboard())
			w := test.NewTempWindow(t, bw)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(1280, 720))
			test.AssertImageMatches(t, golden, w.Canvas().Capture())
		})
	}
}

// viewAt100 shows the board at 100 % with p in the middle of the view.
func viewAt100(b *Widget, p canvas.Point) {
	b.Zoom100()
	b.centerOn(p)
}
