package app

import (
	"image"
	"image/color"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// freshCacheClock moves Fyne's cache clock to now. Fyne stamps a new
// renderer's expiry from a clock it moves only when it cleans its caches
// (a capture does), so a tree built over a minute after the last capture
// has renderers born expired, and the next capture destroys them while it
// draws: the notes came out blank on a loaded CI machine under -race,
// where one case takes that long. A capture of an empty canvas moves it.
func freshCacheClock() { software.NewTransparentCanvas().Capture() }

// softwareCanvasImage draws content on Fyne's software canvas, as exports
// were made before render.Scene: the image the painter is held to.
func softwareCanvasImage(content fyne.CanvasObject, plan exportPlan, colors render.Palette, opt ExportOptions) *image.NRGBA {
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(plan.scale)
	c.SetContent(content)
	c.Resize(plan.size)
	img := c.Capture().(*image.NRGBA)
	if !opt.Transparent {
		b := color.NRGBAModel.Convert(colors.Background).(color.NRGBA)
		pix := img.Pix
		for i := 0; i+3 < len(pix); i += 4 {
			switch a := uint32(pix[i+3]); a {
			case 0xff:
			case 0:
				pix[i], pix[i+1], pix[i+2], pix[i+3] = b.R, b.G, b.B, 0xff
			default:
				na := 0xff - a
				pix[i] = uint8((uint32(pix[i])*a + uint32(b.R)*na + 0x7f) / 0xff)
				pix[i+1] = uint8((uint32(pix[i+1])*a + uint32(b.G)*na + 0x7f) / 0xff)
				pix[i+2] = uint8((uint32(pix[i+2])*a + uint32(b.B)*na + 0x7f) / 0xff)
				pix[i+3] = 0xff
			}
		}
	}
	return img
}

// premultipliedDiff counts the pixels of two images of the same size that
// differ, and the largest difference of a channel, both measured
// premultiplied by alpha: where a pixel is nearly transparent its colour
// may differ a lot and not show.
func premultipliedDiff(a, b *image.NRGBA) (n, maxDiff int) {
	for i := 0; i+3 < len(a.Pix); i += 4 {
		d := 0
		for c := range 4 {
			va, vb := int(a.Pix[i+c]), int(b.Pix[i+c])
			if c < 3 {
				va, vb = va*int(a.Pix[i+3]), vb*int(b.Pix[i+3])
				d = max(d, (max(va-vb, vb-va)+254)/255)
			} else {
				d = max(d, va-vb, vb-va)
			}
		}
		if d > 0 {
			n++
			maxDiff = max(maxDiff, d)
		}
	}
	return n, maxDiff
}

type contentFunc func() (fyne.CanvasObject, exportPlan, render.Palette, error)

// hideTexts hides every text of the tree, to compare the shapes alone.
func hideTexts(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *fcanvas.Text:
		o.Hidden = true
	case *fyne.Container:
		for _, c := range o.Objects {
			hideTexts(c)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			hideTexts(c)
		}
	}
}

// The text painter's bound on its differences from Fyne's (see
// paint_text_test.go): its glyph masks are made once per power of two of
// x, where Fyne's float32 rounding of the glyphs' points moves with the
// position, so a channel may differ by up to 3 (premultiplied) on a few
// edge pixels of the glyphs. Everything else is the software canvas's to
// the bit.
const (
	sceneTextDiffShare = 200 // at most one pixel in this many
	sceneTextMaxDiff   = 3
)

// The painter draws every kind of board as Fyne's software canvas did:
// notes piled on each other (the covered ones skipped), links, marks,
// votes, clusters, the forces' balance, a job map's columns, the footer,
// the landscape's raster and dots; at 1×, 2× and a width in pixels,
// light, dark and transparent. Without the text, to the bit; with it,
// within the text painter's bound.
func TestScenePaintsAsTheSoftwareCanvas(t *testing.T) {
	exportApp(t)
	sample := sampleProject(t)
	methods := uitest.MethodBoards(t)
	clusters, clusterBoard := clusterProject(t)
	piled, piledBoard := exportBenchDocument(t, 150)
	land := landscapeProject(t)
	board := func(p *canvas.Project, bd *canvas.Board, opt ExportOptions) contentFunc {
		return func() (fyne.CanvasObject, exportPlan, render.Palette, error) { return boardContent(p, bd.ID, opt) }
	}
	landscape := func(opt ExportOptions) contentFunc {
		return func() (fyne.CanvasObject, exportPlan, render.Palette, error) { return landscapeContent(land, opt) }
	}
	for _, tc := range []struct {
		name    string
		content contentFunc
		opt     ExportOptions
	}{
		{"vpc 2x", board(sample, sample.Boards[0], ExportOptions{Scale: 2}), ExportOptions{Scale: 2}},
		{"vpc transparent 1x", board(sample, sample.Boards[0], ExportOptions{Scale: 1, Transparent: true}), ExportOptions{Transparent: true}},
		{"job map dark crop footer 2x", board(sample, sample.Boards[1], ExportOptions{Scale: 2, Dark: true, Crop: true, Footer: true, Date: workshopDate}), ExportOptions{}},
		{"forces dark 2x", board(methods, methods.Boards[0], ExportOptions{Scale: 2, Dark: true}), ExportOptions{Dark: true}},
		{"competition 900px", board(methods, methods.Boards[1], ExportOptions{Width: 900}), ExportOptions{}},
		{"clusters 1x", board(clusters, clusterBoard, ExportOptions{Scale: 1}), ExportOptions{}},
		{"clusters dark transparent 2x", board(clusters, clusterBoard, ExportOptions{Scale: 2, Dark: true, Transparent: true}), ExportOptions{Transparent: true}},
		{"150 piled notes 2x", board(piled, piledBoard, ExportOptions{Scale: 2}), ExportOptions{}},
		{"landscape 2x", landscape(ExportOptions{Scale: 2}), ExportOptions{}},
		{"landscape dark transparent 1x", landscape(ExportOptions{Scale: 1, Dark: true, Transparent: true}), ExportOptions{Transparent: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shapeOps := 0
			for _, shapesOnly := range []bool{true, false} {
				freshCacheClock()
				content, plan, colors, err := tc.content()
				if err != nil {
					t.Fatal(err)
				}
				if shapesOnly {
					hideTexts(content)
				}
				scene := newExportScene(content, plan, colors, tc.opt)
				if all, _ := scene.Ops(); shapesOnly {
					shapeOps = all
				} else if all <= shapeOps {
					t.Errorf("%d drawing operations with the text, %d without", all, shapeOps)
				}
				got := image.NewNRGBA(image.Rectangle{Max: plan.pixels})
				scene.PaintNRGBA(got)
				freshCacheClock()
				content, _, _, _ = tc.content() // a fresh tree for the canvas
				if shapesOnly {
					hideTexts(content)
				}
				want := softwareCanvasImage(content, plan, colors, tc.opt)
				if got.Bounds() != want.Bounds() {
					t.Fatalf("painted %v, the software canvas %v", got.Bounds(), want.Bounds())
				}
				n, d := premultipliedDiff(got, want)
				switch {
				case shapesOnly && countDiffering(got, want, 0) != 0:
					t.Errorf("without text, %d pixels differ from the software canvas's, by up to %d", countDiffering(got, want, 0), d)
				case !shapesOnly && (n*sceneTextDiffShare > len(got.Pix)/4 || d > sceneTextMaxDiff):
					t.Errorf("%d pixels of %d differ from the software canvas's, by up to %d", n, len(got.Pix)/4, d)
				case !shapesOnly:
					t.Logf("%d pixels of %d differ from the software canvas's, by up to %d", n, len(got.Pix)/4, d)
				}
			}
		})
	}
}

// Painted in bands on several goroutines at once, as the streaming encoder
// does, a scene makes the image it makes whole; a transparent one comes
// out premultiplied.
func TestScenePaintsInBands(t *testing.T) {
	exportApp(t)
	p, bd := exportBenchDocument(t, 150)
	for _, opt := range []ExportOptions{{Scale: 2}, {Scale: 1, Transparent: true, Dark: true}} {
		scene, plan, err := boardScene(p, bd.ID, opt)
		if err != nil {
			t.Fatal(err)
		}
		whole := image.NewNRGBA(image.Rectangle{Max: plan.pixels})
		scene.PaintNRGBA(whole)
		banded := image.NewRGBA(image.Rectangle{Max: plan.pixels})
		var wg sync.WaitGroup
		for y := 0; y < plan.pixels.Y; y += 37 { // bands across the index's buckets
			band := banded.SubImage(image.Rect(0, y, plan.pixels.X, y+37)).(*image.RGBA)
			wg.Go(func() { scene.Paint(band) })
		}
		wg.Wait()
		want := image.NewRGBA(whole.Rect)
		for i := 0; i < len(whole.Pix); i += 4 {
			r, g, b, a := whole.At(i/4%plan.pixels.X, i/4/plan.pixels.X).RGBA()
			want.Pix[i], want.Pix[i+1], want.Pix[i+2], want.Pix[i+3] = uint8(r>>8), uint8(g>>8), uint8(b>>8), uint8(a>>8)
		}
		n := 0
		for i := range want.Pix {
			if want.Pix[i] != banded.Pix[i] {
				n++
			}
		}
		if n != 0 {
			t.Errorf("%+v: %d bytes of the banded image differ from the whole one", opt, n)
		}
	}
}

// Notes piled on each other are not painted under the ones that cover
// them: the scene drops what an opaque note body later hides.
func TestSceneSkipsCoveredNotes(t *testing.T) {
	exportApp(t)
	p, bd := exportBenchDocument(t, 2000)
	scene, _, err := boardScene(p, bd.ID, ExportOptions{Scale: 2})
	if err != nil {
		t.Fatal(err)
	}
	all, drawn := scene.Ops()
	if all < 2000*8 || drawn > all/2 {
		t.Errorf("%d of %d drawing operations painted; 2,000 piled notes should hide most", drawn, all)
	}
}
