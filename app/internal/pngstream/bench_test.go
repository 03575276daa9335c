package pngstream

import (
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	tile := readRGBA(tb, filepath.Join("..", "..", "testdata", "export", name))
	img := image.NewRGBA(image.Rect(0, 0, 4800, 2480))
	t := tile.Bounds().Size()
	for y := 0; y < img.Rect.Max.Y; y += t.Y {
		for x := 0; x < img.Rect.Max.X; x += t.X {
			draw.Draw(img, image.Rect(x, y, x+t.X, y+t.Y), tile, tile.Bounds().Min, draw.Src)
		}
	}
	return img
}

// BenchmarkFilters compares the row filters on board-like images, two
// workers, with image/png at BestSpeed (its adaptive filter) as the
// reference: png-bytes is the output's size, x-size its ratio to
// image/png's, cpu-ms/op the CPU time an encode takes (all cores). The
// images are boardImage's, or the PNG files PNGSTREAM_IMAGES names
// (separated by commas), such as exports of a crowded board.
//
//	go test ./app/internal/pngstream -run '^$' -bench Filters
func BenchmarkFilters(b *testing.B) {
	type named struct {
		name string
		img  *image.RGBA
	}
	images := []named{{"opaque", boardImage(b, true)}, {"translucent", boardImage(b, false)}}
	if files := os.Getenv("PNGSTREAM_IMAGES"); files != "" {
		images = nil
		for _, file := range strings.Split(files, ",") {
			images = append(images, named{filepath.Base(file), readRGBA(b, file)})
		}
	}
	for _, im := range images {
		src, opaque := im.img, im.img.Opaque()
		var ref countingWriter
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&ref, src); err != nil {
			b.Fatal(err)
		}
		b.Run(im.name+"/image-png", func(b *testing.B) {
			b.SetBytes(int64(len(src.Pix)))
			defer reportCPU(b)()
			for b.Loop() {
				if err := enc.Encode(io.Discard, src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ref), "png-bytes")
		})
		for _, f := range []struct {
			name string
			ft   int
		}{{"none", -1}, {"sub", ftSub}, {"up", ftUp}, {"average", ftAvg}, {"paeth", ftPaeth}, {"adaptive", ftAdaptive}} {
			b.Run(im.name+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(len(src.Pix)))
				paint := painterOf(src)
				var n countingWriter
				defer reportCPU(b)()
				for b.Loop() {
					n = 0
					if err := Encode(&n, src.Rect.Size(), paint, Options{Opaque: opaque, Workers: 2, filter: f.ft}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n), "png-bytes")
				b.ReportMetric(float64(n)/float64(ref), "x-size")
			})
		}
	}
}

// readRGBA is the image in a PNG file, as premultiplied RGBA.
func readRGBA(tb testing.TB, file string) *image.RGBA {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m, err := png.Decode(f)
	if err != nil {
		tb.Fatalf("%s: %v", file, err)
	}
	img := image.NewRGBA(image.Rectangle{Max: m.Bounds().Size()})
	draw.Draw(img, img.Rect, m, m.Bounds().Min, draw.Src)
	return img
}

// countingWriter counts what is written to it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// reportCPU starts measuring the CPU time of a benchmark; the function it
// returns reports it a run.
func reportCPU(b *testing.B) func() {
	start, ok := cpuTime()
	return func() {
		if end, ok2 := cpuTime(); ok && ok2 {
			b.ReportMetric(float64(end-start)/float64(b.N)/1e6, "cpu-ms/op")
		}
	}
}
