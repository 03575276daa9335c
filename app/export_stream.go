package app

import (
	"fmt"
	"image"
	"io"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/internal/pngstream"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// ExportPNG writes the export of the board with that id to w as a PNG,
// the same pixels as RenderBoard's, without ever holding the image: the
// board's scene is built here, then painted band by band on every core
// and each band compressed and written as it is done, so memory stays a
// few bands whatever the image's size.
//
// Like RenderBoard it must run on the goroutine that runs Fyne, with a
// current app; use exportStream to paint and write on another goroutine.
func ExportPNG(w io.Writer, p *canvas.Project, id uuid.UUID, opt ExportOptions) error {
	write, err := exportStream(p, id, opt)
	if err != nil {
		return err
	}
	return write(w)
}

// exportStream builds the scene of an export of the board with that id, on
// Fyne's goroutine, and returns what paints and writes it, which may run
// on any goroutine (the scene never changes once built).
func exportStream(p *canvas.Project, id uuid.UUID, opt ExportOptions) (func(io.Writer) error, error) {
	scene, plan, err := boardScene(p, id, opt)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("board %q", BoardTitle(p.Board(id)))
	if scene.Pixels() != plan.pixels {
		// As paintScene: never write a wrong image.
		return nil, fmt.Errorf("%s: the painter would make a %v px image, not %d × %d px", what, scene.Pixels(), plan.pixels.X, plan.pixels.Y)
	}
	return func(w io.Writer) error {
		// Straight alpha, as RenderBoard paints it: a transparent export
		// keeps its colours to the bit; an opaque one is written as RGB.
		paint := func(band *image.NRGBA) error {
			scene.PaintNRGBA(band)
			return nil
		}
		if err := pngstream.EncodeNRGBA(w, plan.pixels, paint, pngstream.Options{Opaque: !opt.Transparent}); err != nil {
			return fmt.Errorf("%s: cannot write the PNG: %w", what, err)
		}
		return nil
	}, nil
}
