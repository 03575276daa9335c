package pngstream

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// boardImage is a board-like image of the size of a value proposition
// canvas exported at 2× (4800 × 2480): real exports (the app's reference
// images: flat zones, cards, anti-aliased text) tiled over it.
func boardImage(tb testing.TB, opaque bool) *image.RGBA {
	tb.Helper()
	name := "vpc_light_1x.png" // 2400 × 1240, opaque
	if !opaque {
		name = "jobmap_light_transparent_1x.png"
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "export", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	tile, err := png.Decode(f)
	if err != nil {
		tb.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 4800, 2480))
	t := tile.Bounds().Size()
	for y := 0; y < img.Rect.Max.Y; y += t.Y {
		for x := 0; x < img.Rect.Max.X; x += t.X {
			draw.Draw(img, image.Rect(x, y, x+t.X, y+t.Y), tile, tile.Bounds().Min, draw.Src)
		}
	}
	return img
}

// BenchmarkFilters compares the row filters on a board-like image, two
// workers, with image/png at BestSpeed (its adaptive filter) as the
// reference: png-bytes is the output's size, x-size its ratio to
// image/png's.
//
//	go test ./app/internal/pngstream -run '^$' -bench Filters -count 3
func BenchmarkFilters(b *testing.B) {
	for _, opaque := range []bool{true, false} {
		src := boardImage(b, opaque)
		var ref bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&ref, src); err != nil {
			b.Fatal(err)
		}
		kind := "opaque"
		if !opaque {
			kind = "translucent"
		}
		b.Run(kind+"/image-png", func(b *testing.B) {
			b.SetBytes(int64(len(src.Pix)))
			for b.Loop() {
				if err := enc.Encode(io.Discard, src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ref.Len()), "png-bytes")
		})
		for _, f := range []struct {
			name string
			ft   int
		}{{"none", -1}, {"sub", ftSub}, {"up", ftUp}, {"average", ftAvg}, {"paeth", ftPaeth}, {"adaptive", ftAdaptive}} {
			b.Run(kind+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(len(src.Pix)))
				paint := painterOf(src)
				var n countingWriter
				for b.Loop() {
					n = 0
					if err := Encode(&n, src.Rect.Size(), paint, Options{Opaque: opaque, Workers: 2, filter: f.ft}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n), "png-bytes")
				b.ReportMetric(float64(n)/float64(ref.Len()), "x-size")
			})
		}
	}
}

// countingWriter counts what is written to it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
