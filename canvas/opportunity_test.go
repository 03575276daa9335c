package canvas_test

import (
	"testing"

	"github.com/jobcanvas/jobcanvas/canvas"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		imp, sat float64
		want     canvas.Class
	}{
		{10, 0, canvas.ClassExtreme},    // 20
		{8, 1, canvas.ClassExtreme},     // 15: the boundary is extreme
		{8, 2, canvas.ClassHigh},        // 14
		{7, 2, canvas.ClassHigh},        // 12: the boundary is high
		{6, 1, canvas.ClassSolid},       // 11
		{6, 2, canvas.ClassSolid},       // 10: the boundary is solid
		{5, 1, canvas.ClassAppropriate}, // 9
		{5, 5, canvas.ClassAppropriate}, // equal is not over-served
		{5, 5.1, canvas.ClassOverserved},
		{9.5, 10, canvas.ClassOverserved},
		{0, 0, canvas.ClassAppropriate},
	} {
		if got := canvas.Classify(tc.imp, tc.sat); got != tc.want {
			t.Errorf("Classify(%v, %v) = %q, want %q", tc.imp, tc.sat, got, tc.want)
		}
	}
	var c canvas.Card
	if _, ok := c.Class(); ok {
		t.Error("an unscored card has a class")
	}
	i, s := 9.0, 2.0
	c.Importance, c.Satisfaction = &i, &s
	if cl, ok := c.Class(); !ok || cl != canvas.ClassExtreme {
		t.Errorf("Class() = %q, %v", cl, ok)
	}
}
