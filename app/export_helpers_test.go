package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
)

// luma is a pixel's brightness, 0 … 255, over white.
func luma(c color.NRGBA) float64 {
	a := float64(c.A) / 255
	over := func(v uint8) float64 { return float64(v)*a + 255*(1-a) }
	return 0.299*over(c.R) + 0.587*over(c.G) + 0.114*over(c.B)
}

// edgeEnergy is the mean squared brightness step between neighbouring
// pixels: sharp edges make few large steps, blurred ones many small ones,
// and squares make the large steps count.
func edgeEnergy(img *image.NRGBA) float64 {
	b := img.Bounds()
	sum := 0.0
	for y := b.Min.Y; y < b.Max.Y-1; y++ {
		for x := b.Min.X; x < b.Max.X-1; x++ {
			l := luma(img.NRGBAAt(x, y))
			dx := luma(img.NRGBAAt(x+1, y)) - l
			dy := luma(img.NRGBAAt(x, y+1)) - l
			sum += dx*dx + dy*dy
		}
	}
	return sum / float64(b.Dx()*b.Dy())
}

// nonUniformBlocks is the share of 2×2 blocks whose pixels are not all
// the same: none in an image enlarged by repeating pixels.
func nonUniformBlocks(img *image.NRGBA) float64 {
	b := img.Bounds()
	n, odd := 0, 0
	for y := b.Min.Y; y+1 < b.Max.Y; y += 2 {
		for x := b.Min.X; x+1 < b.Max.X; x += 2 {
			n++
			c := img.NRGBAAt(x, y)
			if img.NRGBAAt(x+1, y) != c || img.NRGBAAt(x, y+1) != c || img.NRGBAAt(x+1, y+1) != c {
				odd++
			}
		}
	}
	return float64(odd) / float64(n)
}

// upscaleNearest doubles an image by repeating each pixel.
func upscaleNearest(src *image.NRGBA) *image.NRGBA {
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, 2*b.Dx(), 2*b.Dy()))
	for y := range dst.Bounds().Dy() {
		for x := range dst.Bounds().Dx() {
			dst.SetNRGBA(x, y, src.NRGBAAt(b.Min.X+x/2, b.Min.Y+y/2))
		}
	}
	return dst
}

// upscaleBilinear doubles an image by interpolating between pixels.
func upscaleBilinear(src *image.NRGBA) *image.NRGBA {
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, 2*b.Dx(), 2*b.Dy()))
	at := func(x, y int) color.NRGBA {
		x = min(max(x, 0), b.Dx()-1)
		y = min(max(y, 0), b.Dy()-1)
		return src.NRGBAAt(b.Min.X+x, b.Min.Y+y)
	}
	for y := range dst.Bounds().Dy() {
		for x := range dst.Bounds().Dx() {
			// Pixel centres: dst x+0.5 maps to src (x+0.5)/2 - 0.5.
			fx, fy := (float64(x)+0.5)/2-0.5, (float64(y)+0.5)/2-0.5
			x0, y0 := int(math.Floor(fx)), int(math.Floor(fy))
			tx, ty := fx-float64(x0), fy-float64(y0)
			mix := func(ch func(color.NRGBA) uint8) uint8 {
				v := (1-tx)*(1-ty)*float64(ch(at(x0, y0))) + tx*(1-ty)*float64(ch(at(x0+1, y0))) +
					(1-tx)*ty*float64(ch(at(x0, y0+1))) + tx*ty*float64(ch(at(x0+1, y0+1)))
				return uint8(v + 0.5)
			}
			dst.SetNRGBA(x, y, color.NRGBA{
				mix(func(c color.NRGBA) uint8 { return c.R }), mix(func(c color.NRGBA) uint8 { return c.G }),
				mix(func(c color.NRGBA) uint8 { return c.B }), mix(func(c color.NRGBA) uint8 { return c.A })})
		}
	}
	return dst
}

// toNRGBA converts a decoded PNG to the export's pixel format.
func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok {
		return n
	}
	n := image.NewNRGBA(img.Bounds())
	draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
	return n
}

// EncodePNG encodes a whole image as image/png does, for tests and the
// benchmarks' floors; exports stream through PNGExport instead.
func EncodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("cannot encode the image as PNG: %w", err)
	}
	return buf.Bytes(), nil
}
