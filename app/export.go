package app

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// MaxExportSide is the largest width or height of an exported image, in
// pixels. A file export streams (PNGExport) and would hold any size, but
// RenderBoard paints an image whole, 4 bytes a pixel (1 GiB for a square at
// the limit), and slide tools and image viewers give up on bigger images.
const MaxExportSide = 16384

// ErrExportTooLarge is wrapped by the error about an image over
// MaxExportSide.
var ErrExportTooLarge = errors.New("image too large")

// Export geometry, in board units.
const (
	exportCropMargin = 40 // around the cards when cropping to them
	exportTextMargin = 8  // around the template's text a crop takes in
	footerHeight     = 56
	footerPad        = 24
	footerTextSize   = 18
)

// ExportOptions are the choices of a PNG export.
type ExportOptions struct {
	// Scale is the number of pixels per board unit (1, 2, 3…): text is
	// drawn at that scale, not enlarged afterwards. Width, when not 0,
	// sets the image's width in pixels instead.
	Scale float32
	Width int

	Transparent bool // leave out the background, keep the template and cards
	Dark        bool // the dark look; the light one otherwise
	Crop        bool // only the cards with a margin, not the whole template
	Footer      bool // a line below with the project, the board and the date

	// Date is the footer's date; the zero time means today.
	Date time.Time
	// Theme is the theme the colours are taken from, in the variant
	// chosen by Dark; nil means the app's theme, so the export looks as
	// the screen. Text is drawn in the app theme's fonts, which it is
	// measured in.
	Theme fyne.Theme
}

// DefaultExportOptions are the choices of a first export: twice the
// board's size, which stays sharp on a slide or a high-density screen.
func DefaultExportOptions() ExportOptions { return ExportOptions{Scale: 2} }

// exportPlan is where an export draws: the board's area in board units, the
// canvas size (the area and the footer) and the scale that gives the
// image's size in pixels.
type exportPlan struct {
	area   canvas.Rect
	size   fyne.Size
	scale  float32
	pixels image.Point
}

// planExport works out an export of bd and checks it against the limit.
func planExport(bd *canvas.Board, opt ExportOptions) (exportPlan, error) {
	area := exportArea(bd, opt.Crop)
	size := fyne.NewSize(float32(area.W), float32(area.H))
	if opt.Footer {
		size.Height += footerHeight
	}
	p, err := planSize(size, opt)
	p.area = area
	return p, err
}

// planSize works out the scale and the size in pixels of an image of size
// units, and checks them against the limit.
func planSize(size fyne.Size, opt ExportOptions) (exportPlan, error) {
	p := exportPlan{size: size}
	switch {
	case opt.Width < 0:
		return p, fmt.Errorf("export width %d px: must be positive", opt.Width)
	case opt.Width > 0:
		p.scale = float32(opt.Width) / p.size.Width
		// The canvas rounds its size in pixels up: keep the width exact.
		for p.scale > 0 && screenPixels(p.size.Width, p.scale) > opt.Width {
			p.scale = math.Nextafter32(p.scale, 0)
		}
	default:
		p.scale = opt.Scale
	}
	if !(p.scale > 0) || math.IsInf(float64(p.scale), 0) {
		return p, fmt.Errorf("export scale %g: must be a positive number", opt.Scale)
	}
	// In float64 first: a huge scale must not overflow the pixel count.
	w, h := float64(p.size.Width)*float64(p.scale), float64(p.size.Height)*float64(p.scale)
	if w < MaxExportSide+2 && h < MaxExportSide+2 {
		p.pixels = image.Pt(screenPixels(p.size.Width, p.scale), screenPixels(p.size.Height, p.scale))
	}
	if p.pixels.X == 0 || p.pixels.Y == 0 || p.pixels.X > MaxExportSide || p.pixels.Y > MaxExportSide {
		return p, fmt.Errorf("%w: %.0f × %.0f px is over the limit of %d px a side; choose a smaller scale or width",
			ErrExportTooLarge, math.Ceil(w), math.Ceil(h), MaxExportSide)
	}
	return p, nil
}

// screenPixels is how the software canvas turns a length into pixels.
func screenPixels(v, scale float32) int { return int(math.Ceil(float64(v * scale))) }

// exportArea is the part of the board an export shows: the template and
// every card, or only the cards with a margin (the whole template when
// there are none).
func exportArea(bd *canvas.Board, crop bool) canvas.Rect {
	cards := bd.CardsBounds()
	if crop && !cards.Empty() {
		r := cards.Inset(exportCropMargin)
		// A job map's cards mean little without the names of their
		// steps: the crop keeps the headers above the columns it shows.
		if c := bd.TemplateOf().Columns; c != nil && len(bd.Steps) > 0 {
			cols := canvas.Rect{X: c.X, Y: c.Y, W: c.ColumnX(len(bd.Steps)) - c.X, H: c.Height()}
			if r.Intersects(cols) && r.Y > c.Y {
				r.H += r.Y - (c.Y - exportTextMargin)
				r.Y = c.Y - exportTextMargin
			}
		}
		return withWholeLines(bd, r)
	}
	r := bd.TemplateBounds()
	if !cards.Empty() {
		// Cards off the template keep their shadow and a little room.
		r = r.Union(cards.Inset(exportCropMargin / 2))
	}
	return r
}

// withWholeLines grows a crop so that it cuts no line of the template's
// text: a zone's label or question is shown whole or not at all.
func withWholeLines(bd *canvas.Board, r canvas.Rect) canvas.Rect {
	var t render.TemplateView
	colors := render.NewPalette(theme.DefaultTheme(), theme.VariantLight) // only the layout is wanted
	t.Build(bd, &colors)
	texts := t.Texts()
	for changed := true; changed; {
		changed = false
		for _, tt := range texts {
			ink := tt.Ink()
			if !ink.Intersects(r) {
				continue
			}
			if u := r.Union(ink.Inset(exportTextMargin)); u != r {
				r, changed = u, true
			}
		}
	}
	return r
}

// ExportSize is the size in pixels of the image an export of the board with
// that id would make, or an error when it is over MaxExportSide or the
// options are not valid. Like RenderBoard it needs a current app: a crop
// takes in whole lines of the template's text, measured in its font.
func ExportSize(p *canvas.Project, id uuid.UUID, opt ExportOptions) (image.Point, error) {
	bd := p.Board(id)
	if bd == nil {
		return image.Point{}, fmt.Errorf("no board with id %s", id)
	}
	plan, err := planExport(bd, opt)
	return plan.pixels, err
}

// RenderBoard draws the board with that id as an image, through the same
// view as the screen's board (render.BoardView, without the interactive
// widget), painted by render.Scene at the export's scale: text is
// rasterised at that size, so it is as sharp at 3× as at 1×. A fresh view
// is made for the export, so nothing of the screen's state (selection,
// rubber band, text being typed) shows.
//
// It must run on the goroutine that runs Fyne (the main one in the app)
// with a current app: the scene is built from Fyne's objects and measures
// text. The image it returns may be encoded on any goroutine.
func RenderBoard(p *canvas.Project, id uuid.UUID, opt ExportOptions) (*image.NRGBA, error) {
	scene, plan, err := boardScene(p, id, opt)
	if err != nil {
		return nil, err
	}
	return paintScene(scene, plan, fmt.Sprintf("board %q", BoardTitle(p.Board(id))))
}

// boardScene builds the drawing of an export of the board with that id, on
// Fyne's goroutine, and the plan of its image; the scene may then be
// painted on any goroutines, band by band. The background, unless the
// export is transparent, is painted under the scene's objects.
func boardScene(p *canvas.Project, id uuid.UUID, opt ExportOptions) (*render.Scene, exportPlan, error) {
	content, plan, colors, err := boardContent(p, id, opt)
	if err != nil {
		return nil, plan, err
	}
	return newExportScene(content, plan, colors, opt), plan, nil
}

// boardContent is what an export of the board with that id draws: a
// fresh view of the board, clipped to the export's area, and the footer.
func boardContent(p *canvas.Project, id uuid.UUID, opt ExportOptions) (fyne.CanvasObject, exportPlan, render.Palette, error) {
	bd := p.Board(id)
	if bd == nil {
		return nil, exportPlan{}, render.Palette{}, fmt.Errorf("no board with id %s", id)
	}
	plan, err := planExport(bd, opt)
	if err != nil {
		return nil, plan, render.Palette{}, err
	}
	colors := exportPalette(opt)

	// No theme override around the drawing: the view takes its colours
	// explicitly, and its text is drawn in the app's fonts, which it was
	// measured in. (Fyne caches the fonts of every override scope for
	// good: an override per export kept about 30 MB each time.)
	view := render.NewBoardView(colors, false)
	view.SkipCovered() // laid out once: a note under others is never seen
	view.Sync(bd, nil)
	view.Layout(bd, render.Viewport{Zoom: 1, Pan: fyne.NewPos(-float32(plan.area.X), -float32(plan.area.Y)),
		Size: fyne.NewSize(float32(plan.area.W), float32(plan.area.H))})

	objs := []fyne.CanvasObject{view.Clipped()}
	if opt.Footer {
		objs = append(objs, footer(p, bd, opt.Date, colors, plan.size, float32(plan.area.H))...)
	}
	return container.NewWithoutLayout(objs...), plan, colors, nil
}

// newExportScene flattens content, drawn over the look's background
// unless the export is transparent.
func newExportScene(content fyne.CanvasObject, plan exportPlan, colors render.Palette, opt ExportOptions) *render.Scene {
	var bg color.Color
	if !opt.Transparent {
		bg = colors.Background
	}
	text := render.NewTextPainter(fyne.CurrentApp().Settings().Theme())
	return render.NewScene(content, plan.size, plan.scale, bg, text)
}

// paintScene paints a whole export's scene into one image.
func paintScene(scene *render.Scene, plan exportPlan, what string) (*image.NRGBA, error) {
	if scene.Pixels() != plan.pixels {
		// Never write a wrong image: the plan and the scene round alike,
		// so this should be impossible.
		return nil, fmt.Errorf("%s: the painter would make a %v px image, not %d × %d px", what, scene.Pixels(), plan.pixels.X, plan.pixels.Y)
	}
	img := image.NewNRGBA(image.Rectangle{Max: plan.pixels})
	// In bands, on every core, as the streaming encoder will.
	const rows = 64
	bands := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for y := range bands {
				scene.PaintNRGBA(img.SubImage(image.Rect(0, y, plan.pixels.X, y+rows)).(*image.NRGBA))
			}
		})
	}
	for y := 0; y < plan.pixels.Y; y += rows {
		bands <- y
	}
	close(bands)
	wg.Wait()
	return img, nil
}

// exportPalette is the colours of an export: the theme's (the app's when
// opt.Theme is nil) in the look chosen.
func exportPalette(opt ExportOptions) render.Palette {
	base := opt.Theme
	if base == nil {
		base = fyne.CurrentApp().Settings().Theme()
	}
	variant := theme.VariantLight
	if opt.Dark {
		variant = theme.VariantDark
	}
	// withVariant: an app theme held in one variant (the user chose dark)
	// gives the export's variant all the same.
	return render.NewPalette(render.WithVariant(base, variant), variant)
}

// footer is the export's last line: the project and the board on the
// left, the date on the right, in the look's muted text colour.
func footer(p *canvas.Project, bd *canvas.Board, date time.Time, colors render.Palette, size fyne.Size, top float32) []fyne.CanvasObject {
	if date.IsZero() {
		date = time.Now()
	}
	muted := colors.Muted
	rule := fcanvas.NewLine(render.WithAlpha(colors.Foreground, 0x30))
	rule.StrokeWidth = 1
	rule.Position1 = fyne.NewPos(footerPad, top)
	rule.Position2 = fyne.NewPos(size.Width-footerPad, top)

	style := fyne.TextStyle{}
	stamp := date.Format("2006-01-02")
	stampW := fyne.MeasureText(stamp, footerTextSize, style).Width
	lineH := footerTextSize * render.LineHeightRatio(style)
	y := top + (footerHeight-lineH)/2
	right := fcanvas.NewText(stamp, muted)
	right.TextSize = footerTextSize
	right.Alignment = fyne.TextAlignTrailing
	right.Move(fyne.NewPos(size.Width-footerPad-stampW, y))
	right.Resize(fyne.NewSize(stampW, lineH))

	// The names give way to the date on a narrow image: they shrink, then
	// end in "…".
	names := strings.TrimSpace(p.Name)
	if t := strings.TrimSpace(BoardTitle(bd)); t != "" {
		if names != "" {
			names += " — "
		}
		names += t
	}
	objs := []fyne.CanvasObject{rule, right}
	room := size.Width - 3*footerPad - stampW
	if blk := render.FitText(names, room, lineH, footerTextSize, 10, style); len(blk.Lines) > 0 {
		left := fcanvas.NewText(blk.Lines[0], muted)
		left.TextSize = blk.Size
		left.Move(fyne.NewPos(footerPad, top+(footerHeight-blk.LineH)/2))
		left.Resize(fyne.NewSize(room, blk.LineH))
		objs = append(objs, left)
	}
	return objs
}

// ExportFileName is the file name of a board's image in an export of every
// board: "<project>-<board>.png", in lower case, with dashes for anything
// but letters and digits.
func ExportFileName(project string, bd *canvas.Board) string {
	slug := func(s string) string {
		if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			return "" // nothing FileName would keep
		}
		return strings.TrimSuffix(FileName(s), Ext)
	}
	parts := []string{}
	for _, s := range []string{slug(project), slug(BoardTitle(bd))} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "board")
	}
	return strings.Join(parts, "-") + ".png"
}

// ExportFileNames names the image of every board of p, in board order;
// boards whose names would clash get "-2", "-3"… so that no image of the
// export replaces another.
func ExportFileNames(p *canvas.Project) []string {
	names := make([]string, len(p.Boards))
	seen := map[string]bool{}
	for i, bd := range p.Boards {
		name := ExportFileName(p.Name, bd)
		base := strings.TrimSuffix(name, ".png")
		for n := 2; seen[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d.png", base, n)
		}
		seen[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// BoardTitle is what a board is called in tabs, file names and messages:
// its title, or its template's name when it has none.
func BoardTitle(bd *canvas.Board) string { return tabTitle(bd) }

var headless struct {
	once sync.Once
	app  fyne.App
}

// StartHeadless starts Fyne without opening a window, once, for exports
// from the command line: RenderBoard needs an app for its fonts and theme.
// No display is needed until a window is opened, and none is.
func StartHeadless() fyne.App {
	headless.once.Do(func() {
		headless.app = fyneapp.NewWithID(ID)
		applyTheme(headless.app, themeSystem) // text is measured in the app's theme
	})
	return headless.app
}
