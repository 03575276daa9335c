package board

import "github.com/jobcanvas/jobcanvas/canvas"

// stepHeaderAt returns the index of the job map step whose header holds p.
func stepHeaderAt(bd *canvas.Board, p canvas.Point) (int, bool) {
	c := bd.TemplateOf().Columns
	if c == nil || p.Y < c.Y || p.Y >= c.Y+c.Header || p.X < c.X {
		return -1, false
	}
	i := int((p.X - c.X) / c.Width)
	if i >= len(bd.Steps) {
		return -1, false
	}
	return i, true
}

// stepHeaderRect is the header of step i, in board units.
func stepHeaderRect(bd *canvas.Board, i int) canvas.Rect {
	c := bd.TemplateOf().Columns
	return canvas.Rect{X: c.ColumnX(i), Y: c.Y, W: c.Width, H: c.Header}
}
