package app

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/jobcanvas/jobcanvas/canvas"
)

// The streamed export is RenderBoard's image, pixel for pixel: opaque and
// transparent, with a footer, of a big board painted in many bands.
func TestExportPNGIsRenderBoard(t *testing.T) {
	exportApp(t)
	sample := sampleProject(t)
	big, bigBoard := exportBenchDocument(t, 300)
	date := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		p    *canvas.Project
		bd   *canvas.Board
		opt  ExportOptions
	}{
		{"sample 1x", sample, sample.Boards[0], ExportOptions{Scale: 1}},
		{"sample dark transparent footer", sample, sample.Boards[1], ExportOptions{Scale: 1, Dark: true, Transparent: true, Footer: true, Date: date}},
		{"300 cards 2x", big, bigBoard, ExportOptions{Scale: 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := RenderBoard(c.p, c.bd.ID, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := ExportPNG(&buf, c.p, c.bd.ID, c.opt); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != want.Bounds() {
				t.Fatalf("%v, RenderBoard's %v", got.Bounds(), want.Bounds())
			}
			var pix []byte
			switch g := got.(type) {
			case *image.NRGBA: // transparent
				pix = g.Pix
			case *image.RGBA: // opaque: RGBA's and NRGBA's bytes are alike
				pix = g.Pix
			}
			if !bytes.Equal(pix, want.Pix) {
				t.Errorf("decoded as %T, its pixels differ from RenderBoard's", got)
			}
		})
	}
}

// A failed write is reported with the board's name and stops the export.
func TestExportPNGWriteError(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	full := errors.New("disk full")
	err := ExportPNG(writerFunc(func([]byte) (int, error) { return 0, full }), p, p.Boards[0].ID, ExportOptions{Scale: 1})
	if !errors.Is(err, full) {
		t.Fatalf("error %v, want one wrapping %v", err, full)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// The landscape streams too, the same pixels as RenderLandscape, and its
// prepared export may be written twice, from another goroutine.
func TestPrepareLandscapePNGIsRenderLandscape(t *testing.T) {
	exportApp(t)
	p := sampleProject(t)
	opt := ExportOptions{Scale: 1, Dark: true}
	want, err := RenderLandscape(p, opt)
	if err != nil {
		t.Fatal(err)
	}
	e, err := PrepareLandscapePNG(p, opt)
	if err != nil {
		t.Fatal(err)
	}
	if e.Size != want.Bounds().Size() {
		t.Fatalf("size %v, RenderLandscape's %v", e.Size, want.Bounds().Size())
	}
	for range 2 {
		done := make(chan []byte)
		go func() {
			data, err := e.Encode()
			if err != nil {
				t.Error(err)
			}
			done <- data
		}()
		got, err := png.Decode(bytes.NewReader(<-done))
		if err != nil {
			t.Fatal(err)
		}
		g, ok := got.(*image.RGBA)
		if !ok || !bytes.Equal(g.Pix, want.Pix) {
			t.Fatalf("decoded as %T, its pixels differ from RenderLandscape's", got)
		}
	}
}
