package app

import (
	"errors"
	"fmt"
	"github.com/jobcanvas/jobcanvas/app/board"
	"github.com/jobcanvas/jobcanvas/app/render"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/assets"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// exportApp starts a headless app in Fyne's default theme: exports take
// their look from the app's theme.
func exportApp(t testing.TB) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	return a
}

// sampleProject is the bundled sample: "Urban commuter" (a value
// proposition canvas) and "Get to work" (a job map).
func sampleProject(t testing.TB) *canvas.Project {
	t.Helper()
	p, err := storage.Decode(assets.Sample, assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func exportImage(t testing.TB, p *canvas.Project, bd *canvas.Board, opt ExportOptions) *image.NRGBA {
	t.Helper()
	img, err := RenderBoard(p, bd.ID, opt)
	if err != nil {
		t.Fatalf("export of %q: %v", BoardTitle(bd), err)
	}
	return img
}

// workshopDate is the footer's date in the references.
var workshopDate = time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)

// The sample's boards, exported with the choices people make most, match
// the reference images in testdata/export (viewed and approved by eye)
// pixel for pixel.
func TestExportMatchesReferences(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	vpc, jobMap := p.Boards[0], p.Boards[1]
	for _, tc := range []struct {
		name string
		bd   *canvas.Board
		opt  ExportOptions
	}{
		{"vpc_light_1x", vpc, ExportOptions{Scale: 1}},
		{"vpc_dark_1200px", vpc, ExportOptions{Width: 1200, Dark: true}},
		{"jobmap_light_transparent_1x", jobMap, ExportOptions{Scale: 1, Transparent: true}},
		{"jobmap_dark_cards_footer_1200px", jobMap, ExportOptions{Width: 1200, Dark: true, Crop: true, Footer: true, Date: workshopDate}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertMatchesReference(t, "export/"+tc.name+".png", exportImage(t, p, tc.bd, tc.opt))
		})
	}
}

// A one-word change on one note, or a vote badge's number, is a different
// image: the comparison with the references lets no such change through.
func TestExportReferenceCatchesOneWord(t *testing.T) {
	exportApp(t)
	for _, tc := range []struct {
		name, ref string
		board     int
		opt       ExportOptions
		change    func(*canvas.Card) bool
	}{
		{"Minimize to Maximize", "export/jobmap_light_transparent_1x.png", 1, ExportOptions{Scale: 1, Transparent: true},
			func(c *canvas.Card) bool {
				if !strings.HasPrefix(c.Text, "Minimize the likelihood of a close pass") {
					return false
				}
				c.Text = "Maximize" + strings.TrimPrefix(c.Text, "Minimize")
				return true
			}},
		{"votes 5 to 3", "export/vpc_light_1x.png", 0, ExportOptions{Scale: 1},
			func(c *canvas.Card) bool {
				if c.Votes != 5 {
					return false
				}
				c.Votes = 3
				return true
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := sampleProject(t)
			bd := p.Boards[tc.board]
			changed := 0
			for _, c := range bd.Cards {
				if tc.change(c) {
					changed++
				}
			}
			if changed != 1 {
				t.Fatalf("%d cards changed; the test wants one", changed)
			}
			err := matchesReference(tc.ref, exportImage(t, p, bd, tc.opt))
			if err == nil {
				t.Fatalf("the export with %s matches %s", tc.name, tc.ref)
			}
			t.Log(err)
		})
	}
}

// assertMatchesReference compares img with the PNG at testdata/name: the
// same size and the same pixels (any two fully transparent pixels are
// alike). Rendering is deterministic (render.Scene and its text painter,
// the bundled fonts), so no tolerance is needed, and any would let a changed
// word through. On failure the image is written to testdata/failed/name,
// to look at and, if right, promote.
func assertMatchesReference(t *testing.T, name string, img *image.NRGBA) {
	t.Helper()
	err := matchesReference(name, img)
	if err == nil {
		return
	}
	failed := filepath.Join("testdata", "failed", name)
	if err := os.MkdirAll(filepath.Dir(failed), 0o755); err == nil {
		if data, err := EncodePNG(img); err == nil {
			os.WriteFile(failed, data, 0o644)
		}
	}
	t.Errorf("%v; the export is in %s", err, failed)
}

// matchesReference says how img differs from the PNG at testdata/name.
func matchesReference(name string, img *image.NRGBA) error {
	want, err := readPNG(filepath.Join("testdata", name))
	if err != nil {
		return fmt.Errorf("no reference: %w", err)
	}
	if want.Bounds() != img.Bounds() {
		return fmt.Errorf("image is %v, the reference %v", img.Bounds().Size(), want.Bounds().Size())
	}
	if differ := countDiffering(img, toNRGBA(want), 0); differ > 0 {
		return fmt.Errorf("%d pixels differ from the reference %s", differ, name)
	}
	return nil
}

// countDiffering counts the pixels of two images of the same size that
// differ by more than tolerance in a channel; fully transparent pixels are
// all alike.
func countDiffering(a, b *image.NRGBA, tolerance int) int {
	n := 0
	for y := range a.Bounds().Dy() {
		ra := a.Pix[y*a.Stride : y*a.Stride+4*a.Bounds().Dx()]
		rb := b.Pix[y*b.Stride : y*b.Stride+4*b.Bounds().Dx()]
		for i := 0; i < len(ra); i += 4 {
			if ra[i+3] == 0 && rb[i+3] == 0 {
				continue
			}
			for c := range 4 {
				if d := int(ra[i+c]) - int(rb[i+c]); d > tolerance || d < -tolerance {
					n++
					break
				}
			}
		}
	}
	return n
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// oneCard is a free board with one card at (1000, 500), 220 × 140.
func oneCard(t testing.TB, text string) (*canvas.Project, *canvas.Board) {
	t.Helper()
	p, err := canvas.NewProject("One card", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	c := canvas.NewCard(canvas.KindPain, canvas.Point{X: 1110, Y: 570}, text)
	if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	return p, bd
}

func TestExportSizes(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	vpc := p.Boards[0] // its template is 2400 × 1240, and holds every card
	for _, tc := range []struct {
		opt  ExportOptions
		want image.Point
	}{
		{ExportOptions{Scale: 1}, image.Pt(2400, 1240)},
		{ExportOptions{Scale: 2}, image.Pt(4800, 2480)},
		{ExportOptions{Scale: 3}, image.Pt(7200, 3720)},
		{ExportOptions{Scale: 2, Footer: true}, image.Pt(4800, 2480+2*footerHeight)},
		{ExportOptions{Width: 1000}, image.Pt(1000, 517)},
		{ExportOptions{Width: 1001, Scale: 3}, image.Pt(1001, 518)}, // the width wins
	} {
		got, err := ExportSize(p, vpc.ID, tc.opt)
		if err != nil || got != tc.want {
			t.Errorf("ExportSize(%+v) = %v, %v; want %v", tc.opt, got, err, tc.want)
		}
	}

	// The images really have those sizes: a card with a 40-unit margin is
	// 300 × 220 units.
	one, bd := oneCard(t, "Bike stolen at the station")
	for _, scale := range []float32{1, 2, 3} {
		opt := ExportOptions{Scale: scale, Crop: true}
		img := exportImage(t, one, bd, opt)
		want := image.Pt(int(300*scale), int(220*scale))
		if got := img.Bounds().Size(); got != want {
			t.Errorf("%g×: image is %v, want %v", scale, got, want)
		}
		if px, _ := ExportSize(one, bd.ID, opt); px != want {
			t.Errorf("%g×: ExportSize says %v, the image is %v", scale, px, want)
		}
	}
	img := exportImage(t, p, vpc, ExportOptions{Width: 777})
	if img.Bounds().Dx() != 777 {
		t.Errorf("width 777: image is %d px wide", img.Bounds().Dx())
	}
}

func TestExportRefusesBadSizes(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	vpc := p.Boards[0]
	for _, tc := range []struct {
		opt     ExportOptions
		tooBig  bool
		message string
	}{
		{ExportOptions{Scale: 7}, true, "16800 × 8680 px is over the limit of 16384 px a side"},
		{ExportOptions{Width: 16385}, true, "16385 × 8466 px is over the limit"},
		{ExportOptions{Scale: 1e30}, true, "is over the limit"},
		{ExportOptions{Scale: 0}, false, "must be a positive number"},
		{ExportOptions{Scale: float32(math.NaN())}, false, "must be a positive number"},
		{ExportOptions{Scale: float32(math.Inf(1))}, false, "must be a positive number"},
		{ExportOptions{Width: -5}, false, "must be positive"},
	} {
		_, err := ExportSize(p, vpc.ID, tc.opt)
		if err == nil || !strings.Contains(err.Error(), tc.message) || errors.Is(err, ErrExportTooLarge) != tc.tooBig {
			t.Errorf("ExportSize(%+v): %v; want an error saying %q", tc.opt, err, tc.message)
		}
		if img, err := RenderBoard(p, vpc.ID, tc.opt); err == nil || img != nil {
			t.Errorf("RenderBoard(%+v) made an image", tc.opt)
		}
	}
	if _, err := ExportSize(p, [16]byte{1}, ExportOptions{Scale: 1}); err == nil {
		t.Error("no error for a board that is not there")
	}
	// The largest image allowed is allowed.
	if px, err := ExportSize(p, vpc.ID, ExportOptions{Width: MaxExportSide}); err != nil || px.X != MaxExportSide {
		t.Errorf("width %d: %v, %v", MaxExportSide, px, err)
	}
}

// Text is drawn at the export's scale, not enlarged from 1×: the 2× image
// has edges as sharp as the 1× one (far sharper than the 1× enlarged
// smoothly), and detail that a 1× enlarged by repeating pixels cannot have.
func TestExportTextIsSharpAtScale(t *testing.T) {
	exportApp(t)
	one, bd := oneCard(t, "Bike stolen at the station")
	img1 := exportImage(t, one, bd, ExportOptions{Scale: 1, Crop: true})
	img2 := exportImage(t, one, bd, ExportOptions{Scale: 2, Crop: true})
	sharp, smooth, blocky := edgeEnergy(img2), edgeEnergy(upscaleBilinear(img1)), edgeEnergy(upscaleNearest(img1))
	if sharp < 2*smooth || sharp <= blocky {
		t.Errorf("edge energy of the 2× export %.1f; of the 1× enlarged smoothly %.1f, by repeating pixels %.1f", sharp, smooth, blocky)
	}
	if got := nonUniformBlocks(img2); got < 0.01 {
		t.Errorf("%.1f %% of the 2× export's 2×2 blocks have detail; want at least 1 %%", 100*got)
	}
}

// The export draws what the screen draws: the board at 100 % in a window
// and its export at 1× are the same picture, down to a note whose long
// text had to shrink to fit.
func TestExportLooksLikeTheScreen(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme())
	long := "Minimize the likelihood of arriving at the office sweaty, late and without a dry change of clothes on a rainy Monday"
	p, bd := oneCard(t, long)
	card := bd.Cards[0]
	if blk := render.FitText(card.Text, float32(card.W-2*render.CardPad), float32(card.H-2*render.CardPad), render.CardTextSize, render.CardMinTextSize, fyne.TextStyle{}); blk.Size >= render.CardTextSize {
		t.Fatalf("the card's text is drawn at %g: the test needs text that shrinks", blk.Size)
	}

	img := exportImage(t, p, bd, ExportOptions{Scale: 1, Crop: true})
	area := exportArea(bd, true)
	bw := board.New(NewDocument(p, ""), bd.ID, nil)
	w := test.NewTempWindow(t, bw)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(float32(area.W), float32(area.H)))
	bw.ShowAt(1, canvas.Point{X: area.X, Y: area.Y})
	screen := w.Canvas().Capture()
	if screen.Bounds() != img.Bounds() {
		t.Fatalf("screen %v, export %v", screen.Bounds(), img.Bounds())
	}
	// The screen's capture is Fyne's software painter: the export's shapes
	// are the same to the bit, its text within the text painter's bound.
	if n, d := premultipliedDiff(img, toNRGBA(screen)); n*sceneTextDiffShare > len(img.Pix)/4 || d > sceneTextMaxDiff {
		t.Errorf("%d pixels of the export differ from the screen, by up to %d", n, d)
	}
}

// bodyPixel is where a card's plain body shows in an export of the whole
// board: below its top edge, above its text.
func bodyPixel(t *testing.T, bd *canvas.Board, c *canvas.Card, scale float64) image.Point {
	t.Helper()
	area := exportArea(bd, false)
	return image.Pt(int((c.X+c.W/2-area.X)*scale), int((c.Y+6-area.Y)*scale))
}

// The light and dark looks really differ where the template is, not on the
// notes, which stay pastel; a transparent export leaves the background out
// and keeps everything else opaque.
func TestExportBackgroundsAndLooks(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	vpc := p.Boards[0]
	const scale = 0.5 // enough for colours, and quick
	light := exportImage(t, p, vpc, ExportOptions{Scale: scale})
	dark := exportImage(t, p, vpc, ExportOptions{Scale: scale, Dark: true})
	clear := exportImage(t, p, vpc, ExportOptions{Scale: scale, Transparent: true})
	clearDark := exportImage(t, p, vpc, ExportOptions{Scale: scale, Transparent: true, Dark: true})

	corner := image.Pt(2, 2)
	for _, tc := range []struct {
		name string
		img  *image.NRGBA
		want color.NRGBA
	}{
		{"light", light, color.NRGBA{0xff, 0xff, 0xff, 0xff}},
		{"dark", dark, color.NRGBA{0x17, 0x17, 0x18, 0xff}},
		{"transparent", clear, color.NRGBA{}},
		{"transparent dark", clearDark, color.NRGBA{}},
	} {
		if got := tc.img.NRGBAAt(corner.X, corner.Y); got.A != tc.want.A || (got.A != 0 && got != tc.want) {
			t.Errorf("%s: background %v, want %v", tc.name, got, tc.want)
		}
	}

	card := vpc.Cards[0]
	at := bodyPixel(t, vpc, card, scale)
	want := render.ParseHex(card.DisplayColor())
	for name, img := range map[string]*image.NRGBA{"light": light, "dark": dark, "transparent": clear, "transparent dark": clearDark} {
		if got := img.NRGBAAt(at.X, at.Y); got != want {
			t.Errorf("%s: the card %q shows %v at %v, want its colour %v", name, card.Text, got, at, want)
		}
	}

	// Outside the notes the looks differ nearly everywhere; in a
	// transparent export, only the template's lines and text stay.
	differ, opaque := countDiffering(light, dark, 24), 0
	for i := 3; i < len(clear.Pix); i += 4 {
		if clear.Pix[i] != 0 {
			opaque++
		}
	}
	b := light.Bounds()
	total := b.Dx() * b.Dy()
	if differ < total/2 {
		t.Errorf("the light and dark looks differ in %d of %d pixels", differ, total)
	}
	if opaque > total/2 || opaque < total/20 {
		t.Errorf("the transparent export covers %d of %d pixels; want the cards and the template only", opaque, total)
	}
	// The template's text takes the look's colour: the title is dark on
	// light and light on dark.
	title := image.Rect(40, 4, 210, 32) // "Urban commuter", at the top left
	inkLight, inkDark := 255.0, 0.0
	for y := title.Min.Y; y < title.Max.Y; y++ {
		for x := title.Min.X; x < title.Max.X; x++ {
			inkLight = min(inkLight, luma(light.NRGBAAt(x, y)))
			inkDark = max(inkDark, luma(dark.NRGBAAt(x, y)))
		}
	}
	if inkLight > 110 || inkDark < 170 {
		t.Errorf("the title's ink: %.0f in the light look, %.0f in the dark; want dark text on light, light on dark", inkLight, inkDark)
	}
}

func TestExportFileNames(t *testing.T) {
	p := sampleProject(t)
	got := ExportFileNames(p)
	want := []string{"commuter-cycling-urban-commuter.png", "commuter-cycling-get-to-work.png",
		"commuter-cycling-switch-stories.png", "commuter-cycling-forces-from-train-or-car-to-riding-in.png",
		"commuter-cycling-competing-for-the-commute.png", "commuter-cycling-job-stories.png",
		"commuter-cycling-success-outcomes.png"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("names %v, want %v", got, want)
	}

	q, err := canvas.NewProject(`Q3/../"pay" suppliers?`, canvas.TemplateJobMap, canvas.TemplateJobMap, canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	q.Boards[2].Title = strings.Repeat("Très long titre ", 20)
	got = ExportFileNames(q)
	if got[0] != "q3-pay-suppliers-job-map.png" || got[1] != "q3-pay-suppliers-job-map-2.png" {
		t.Errorf("two boards of the same name: %v", got[:2])
	}
	for _, n := range got {
		if strings.ContainsAny(n, `/\:*?"<>|`) || strings.Contains(n, "..") || len(n) > 200 || !strings.HasSuffix(n, ".png") {
			t.Errorf("unsafe file name %q", n)
		}
	}
	if !strings.HasPrefix(got[2], "q3-pay-suppliers-très-long-titre-très") {
		t.Errorf("long title: %q", got[2])
	}
	q.Name, q.Boards[0].Title = "", "***"
	if n := ExportFileName(q.Name, q.Boards[0]); n != "board.png" {
		t.Errorf("no usable name: %q, want board.png", n)
	}
}

// A crop of a job map keeps the names of the steps above its cards, and
// only the columns that hold cards.
func TestExportCropKeepsJobMapHeaders(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	jm := p.Boards[1]
	c := jm.TemplateOf().Columns
	cards := jm.CardsBounds()
	got := exportArea(jm, true)
	if got.Y > c.Y {
		t.Errorf("the crop starts at y %v, below the step headers at %v", got.Y, c.Y)
	}
	if got.Y+got.H < cards.Y+cards.H || got.X > cards.X || got.X+got.W < cards.X+cards.W {
		t.Errorf("the crop %v leaves out cards in %v", got, cards)
	}
	// With the cards of one step only, the crop stays narrow.
	one := p.Clone()
	jm1 := one.Boards[1]
	keep := jm1.CardsInStep("execute")
	jm1.Cards = keep
	jm1.Links = nil
	if got := exportArea(jm1, true); got.W > c.Width+2*exportCropMargin || got.Y > c.Y {
		t.Errorf("one step's crop %v: want one column wide with its header", got)
	}
}

// Exports one after the other keep no memory: Fyne caches the fonts of a
// theme override's scope for good, so an export drawn under an override
// of its own kept about 30 MB each time.
func TestExportsKeepNoMemory(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	for _, dark := range []bool{false, true} { // fills the caches that stay
		exportImage(t, p, p.Boards[0], ExportOptions{Scale: 1, Dark: dark})
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	for i := range 5 {
		exportImage(t, p, p.Boards[0], ExportOptions{Scale: 1, Dark: i%2 == 1})
	}
	const limit = 4 << 20
	grown := int64(heap()) - int64(before)
	t.Logf("5 exports grew the heap by %.2f MB", float64(grown)/(1<<20))
	if grown > limit {
		t.Errorf("5 exports grew the heap by %.1f MB; want at most %d MB", float64(grown)/(1<<20), limit>>20)
	}
}

// The look chosen for the export wins over the one the app is held in: a
// light export from an app the user turned dark is light.
func TestExportLookOverAppsChoice(t *testing.T) {
	a := test.NewTempApp(t)
	p := sampleProject(t)
	for _, tc := range []struct {
		app  fyne.ThemeVariant
		dark bool
		want color.NRGBA
	}{
		{theme.VariantDark, false, color.NRGBA{0xff, 0xff, 0xff, 0xff}},
		{theme.VariantLight, true, color.NRGBA{0x17, 0x17, 0x18, 0xff}},
	} {
		a.Settings().SetTheme(render.WithVariant(theme.DefaultTheme(), tc.app))
		img := exportImage(t, p, p.Boards[0], ExportOptions{Scale: 0.25, Dark: tc.dark})
		if got := img.NRGBAAt(1, 1); got != tc.want {
			t.Errorf("app in variant %v, export dark %v: background %v, want %v", tc.app, tc.dark, got, tc.want)
		}
	}
}
