package render

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func newTestLandscape(t *testing.T) *LandscapeView {
	t.Helper()
	test.NewTempApp(t)
	return NewLandscapeView(NewPalette(theme.DefaultTheme(), theme.VariantLight), true)
}

// The shaded regions follow the opportunity score exactly: a point a
// tenth of a point either side of each edge is shaded as its class says.
func TestLandscapeRegions(t *testing.T) {
	v := newTestLandscape(t)
	const side = 1000 // 100 px a point: a tenth is 10 px from the edge
	img := v.drawRegions(side, side).(*image.NRGBA)
	lc := v.lc
	for _, tc := range []struct {
		imp, sat float64
		want     uint8 // the shade's alpha; 0 is none
	}{
		{7, 3.9, lc.Underserved.A}, // opportunity 10.1
		{7, 4.1, 0},                // 9.9
		{9, 2.9, lc.Extreme.A},     // 15.1
		{9, 3.1, lc.Underserved.A}, // 14.9
		{9.9, 0.1, lc.Extreme.A},
		{5.5, 0.5, lc.Underserved.A},
		{4.9, 5.0, lc.Overserved.A}, // satisfaction above importance
		{5.1, 5.0, 0},
		{3, 1, 0},
		{0.5, 9.5, lc.Overserved.A},
	} {
		x, y := int(tc.imp*side/10), int((10-tc.sat)*side/10)
		px := img.NRGBAAt(x, y)
		if px.A != tc.want {
			t.Errorf("importance %g, satisfaction %g (opportunity %g): alpha %d, want %d",
				tc.imp, tc.sat, canvas.Opportunity(tc.imp, tc.sat), px.A, tc.want)
		}
		if tc.want == lc.Overserved.A && (px.R != lc.Overserved.R || px.B != lc.Overserved.B) {
			t.Errorf("importance %g, satisfaction %g: %v is not the over-served hue", tc.imp, tc.sat, px)
		}
	}
}

// A dot sits at its scores on the square plot, is found within its
// radius (topmost first), and no dot means the empty chart's text.
func TestLandscapeDotsPlaced(t *testing.T) {
	v := newTestLandscape(t)
	v.Layout(LandscapeExportSize)
	if len(v.Empty()) == 0 {
		t.Error("the landscape without dots says nothing")
	}
	pos, side := v.Plot()
	if side != LandscapePlotSide {
		t.Fatalf("the plot is %g wide at the export's size, want %d", side, LandscapePlotSide)
	}
	dots := []canvas.Dot{
		{Statement: "a", Importance: 0, Satisfaction: 0, Class: canvas.ClassAppropriate},
		{Statement: "b", Importance: 10, Satisfaction: 10, Class: canvas.ClassAppropriate},
		{Statement: "c", Importance: 8, Satisfaction: 2, Class: canvas.ClassHigh},
		{Statement: "d", Importance: 8, Satisfaction: 2, Class: canvas.ClassHigh},
	}
	if !v.SetDots(dots) {
		t.Error("dots after none did not change the objects")
	}
	v.Layout(LandscapeExportSize)
	if len(v.Empty()) != 0 {
		t.Errorf("with dots the chart still says %q", v.Empty())
	}
	for _, tc := range []struct {
		imp, sat float64
		want     fyne.Position
	}{
		{0, 0, pos.AddXY(0, side)},
		{10, 10, pos.AddXY(side, 0)},
		{8, 2, pos.AddXY(0.8*side, 0.8*side)},
	} {
		if got := v.At(tc.imp, tc.sat); got != tc.want {
			t.Errorf("At(%g, %g) = %v, want %v", tc.imp, tc.sat, got, tc.want)
		}
	}
	at := v.At(8, 2)
	if hit := v.DotsAt(at.AddXY(LandscapeDotRadius, 0)); len(hit) != 2 || hit[0] != 3 || hit[1] != 2 {
		t.Errorf("DotsAt the stacked dots = %v, want [3 2] (the topmost first)", hit)
	}
	if hit := v.DotsAt(at.AddXY(3*LandscapeDotRadius, 0)); len(hit) != 0 {
		t.Errorf("DotsAt beside the dots = %v", hit)
	}
	if len(v.stacks) != 1 || v.stacks[0].text.Text != "×2" {
		t.Errorf("stacks %+v, want one count ×2", v.stacks)
	}
}
