package app

import (
	"fmt"
	"github.com/jobcanvas/jobcanvas/app/render"
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// What workshops write in Korean, Thai and Hindi: "Get to work on time",
// "Arrive without sweating", "A safe route".
var scriptSamples = []string{
	"제시간에 출근하기, 땀 없이 도착",
	"ไปทำงานให้ทันเวลา ถึงที่ทำงานโดยไม่เหงื่อออก ผู้ใช้ต้องการ",
	"समय पर काम पर पहुँचना, सुरक्षित रास्ता क्षत्रिय श्री",
}

// missingRune is unassigned in Unicode: no font has it, so it draws as
// whatever the app draws for a character it has no glyph for.
const missingRune = '\u0378'

// Every character of Korean, Thai and Devanagari text exported as a card
// draws as a glyph, not as the box (or "�") drawn for a missing one.
// Each character gets a card of its own, next to a card of missingRune,
// and the two must differ: a box looks the same whichever character is
// missing, and a mark alone (Thai vowels, Devanagari virama) is drawn on
// the dotted circle.
func TestExportDrawsKoreanThaiDevanagari(t *testing.T) {
	a := test.NewTempApp(t)
	applyTheme(a, themeLight)

	var chars []rune
	seen := map[rune]bool{' ': true, ',': true}
	for _, s := range scriptSamples {
		for _, r := range s {
			if !seen[r] {
				seen[r] = true
				chars = append(chars, r)
			}
		}
	}

	p, err := canvas.NewProject("Scripts", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	bd := p.Boards[0]
	const size, cols = 60, 16
	ids := make([]uuid.UUID, len(chars)+1)
	for i, r := range append([]rune{missingRune}, chars...) {
		c := canvas.NewCard(canvas.KindNote, canvas.Point{}, string(r))
		c.X, c.Y, c.W, c.H = float64(i%cols*size), float64(i/cols*size), size-4, size-4
		if err := (&canvas.AddCards{Board: bd.ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
			t.Fatal(err)
		}
		ids[i] = c.ID
	}

	opt := ExportOptions{Scale: 2, Crop: true}
	img := exportImage(t, p, bd, opt)
	plan, err := planExport(bd, opt)
	if err != nil {
		t.Fatal(err)
	}
	cardImage := func(id uuid.UUID) *image.NRGBA {
		c := bd.Card(id)
		x, y := int((c.X-plan.area.X)*2), int((c.Y-plan.area.Y)*2)
		return img.SubImage(image.Rect(x, y, x+int(c.W*2), y+int(c.H*2))).(*image.NRGBA)
	}
	tofu := cardImage(ids[0])
	blank := renderBlankCard(t, size-4)
	if samePixels(tofu, blank) {
		t.Fatal("the card of a missing character is blank: the test cannot tell a glyph from a box")
	}
	var missing string
	for i, r := range chars {
		if samePixels(cardImage(ids[i+1]), tofu) {
			missing += fmt.Sprintf(" %c (U+%04X)", r, r)
		}
	}
	if missing != "" {
		t.Errorf("drawn as a missing glyph:%s", missing)
	}
}

// renderBlankCard exports a board with one empty note of that size.
func renderBlankCard(t *testing.T, size float64) *image.NRGBA {
	t.Helper()
	p, err := canvas.NewProject("Blank", canvas.TemplateFree)
	if err != nil {
		t.Fatal(err)
	}
	c := canvas.NewCard(canvas.KindNote, canvas.Point{}, "")
	c.X, c.Y, c.W, c.H = 0, 0, size, size
	if err := (&canvas.AddCards{Board: p.Boards[0].ID, Cards: []canvas.Card{c}}).Apply(p); err != nil {
		t.Fatal(err)
	}
	opt := ExportOptions{Scale: 2, Crop: true}
	img := exportImage(t, p, p.Boards[0], opt)
	plan, err := planExport(p.Boards[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	x, y := int(-plan.area.X*2), int(-plan.area.Y*2)
	return img.SubImage(image.Rect(x, y, x+int(size*2), y+int(size*2))).(*image.NRGBA)
}

// samePixels reports whether two images of the same size have the same
// pixels, wherever they sit in their parents.
func samePixels(a, b *image.NRGBA) bool {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return false
	}
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			if a.NRGBAAt(ab.Min.X+x, ab.Min.Y+y) != b.NRGBAAt(bb.Min.X+x, bb.Min.Y+y) {
				return false
			}
		}
	}
	return true
}

// Latin text measures exactly as in Fyne's own theme, so cards wrap and
// shrink their text as before; only the styles Fyne falls back from to
// its own font get the scripts font first.
func TestScriptsThemeKeepsLatinAndOtherFonts(t *testing.T) {
	a := test.NewTempApp(t)
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}, {Monospace: true}}
	texts := []string{"Ag", " ", "Minimize the time it takes to pick a safe route", "Ünïcödé — “quotes” 9:00 ₹ €", "   "}
	measure := func(th fyne.Theme) []fyne.Size {
		a.Settings().SetTheme(th)
		var sizes []fyne.Size
		for _, st := range styles {
			for _, s := range texts {
				sizes = append(sizes, fyne.MeasureText(s, 20, st))
			}
		}
		return sizes
	}
	want := measure(theme.DefaultTheme())
	got := measure(render.WithScripts(theme.DefaultTheme()))
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%q in %+v measures %v, in Fyne's theme %v", texts[i%len(texts)], styles[i/len(texts)], got[i], want[i])
		}
	}

	th := render.WithScripts(theme.DefaultTheme())
	for _, st := range styles[:4] {
		if th.Font(st) != render.ScriptsFont {
			t.Errorf("font for %+v: %s, want the scripts font first", st, th.Font(st).Name())
		}
	}
	for _, st := range []fyne.TextStyle{{Monospace: true}, {Symbol: true}} {
		if th.Font(st) != theme.DefaultTheme().Font(st) {
			t.Errorf("font for %+v: %s, want Fyne's", st, th.Font(st).Name())
		}
	}
	own := render.WithScripts(fontTheme{Theme: theme.DefaultTheme(), font: theme.DefaultTextMonospaceFont()})
	if own.Font(fyne.TextStyle{}) != theme.DefaultTextMonospaceFont() {
		t.Errorf("a theme's own font gave way to %s", own.Font(fyne.TextStyle{}).Name())
	}
	if render.WithVariant(th, theme.VariantDark).Font(fyne.TextStyle{}) != render.ScriptsFont {
		t.Error("a theme in one variant lost the scripts font")
	}
}

// fontTheme is a theme with a font of its own, as FYNE_FONT gives.
type fontTheme struct {
	fyne.Theme
	font fyne.Resource
}

func (t fontTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }
