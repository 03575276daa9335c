package render

import (
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
)

// TextPainter is a stand-in until the text painter with its glyph cache
// (paint_text.go) is merged: it draws each text through Fyne's software
// canvas, one at a time, so that exports keep their text, to the bit,
// meanwhile. It is slower than the canvas it replaces.
type TextPainter struct {
	mu sync.Mutex // Fyne's font caches are not safe to share between goroutines
}

// NewTextPainter makes a text painter drawing in th's fonts.
func NewTextPainter(th fyne.Theme) *TextPainter { return &TextPainter{} }

// PaintText draws t, whose top-left is at pos (absolute, in canvas units),
// into dst at scale pixels per unit, touching only pixels inside
// clip ∩ dst.Bounds(). The scene hands it a transparent dst; the
// stand-in writes the text's image there rather than blending it.
func (tp *TextPainter) PaintText(dst *image.RGBA, clip image.Rectangle, t *fcanvas.Text, pos fyne.Position, scale float32) {
	clip = clip.Intersect(dst.Bounds())
	if clip.Empty() || t.Text == "" {
		return
	}
	tp.mu.Lock()
	defer tp.mu.Unlock()
	at := textImageRect(t, pos, scale)
	r := at.Intersect(clip)
	if r.Empty() {
		return
	}
	// The text is drawn alone on a small canvas, over black and over
	// white: from the two, the image of the text Fyne's painter makes
	// (premultiplied) comes back exactly.
	const k = 2 // pixels around it
	min := t.MinSize()
	w, h := at.Dx(), at.Dy()
	onBlack, onWhite := textOver(t, min, color.Black, scale, w, h, k), textOver(t, min, color.White, scale, w, h, k)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			sx, sy := x-at.Min.X+k, y-at.Min.Y+k
			b := onBlack.Pix[onBlack.PixOffset(sx, sy):]
			wr := onWhite.Pix[onWhite.PixOffset(sx, sy)]
			p := dst.Pix[dst.PixOffset(x, y):]
			p[0], p[1], p[2], p[3] = b[0], b[1], b[2], uint8(0xff+uint32(b[0])-uint32(wr))
		}
	}
}

// textOver captures t alone, its image's corner at (k, k) pixels, over bg.
func textOver(t *fcanvas.Text, min fyne.Size, bg color.Color, scale float32, w, h, k int) *image.NRGBA {
	c := &fcanvas.Text{Color: t.Color, Text: t.Text, TextSize: t.TextSize, TextStyle: t.TextStyle, FontSource: t.FontSource}
	c.Resize(min)
	c.Move(fyne.NewPos((float32(k)-0.5)/scale, (float32(k)-0.5)/scale))
	size := fyne.NewSize(float32(w+2*k+2)/scale, float32(h+2*k+2)/scale)
	under := fcanvas.NewRectangle(bg)
	under.Resize(size)
	sc := software.NewTransparentCanvas()
	sc.SetPadded(false)
	sc.SetScale(scale)
	sc.SetContent(container.NewWithoutLayout(under, c))
	sc.Resize(size)
	img, _ := sc.Capture().(*image.NRGBA)
	if img == nil || img.Bounds().Dx() < w+2*k || img.Bounds().Dy() < h+2*k {
		return image.NewNRGBA(image.Rect(0, 0, w+2*k, h+2*k))
	}
	return img
}
