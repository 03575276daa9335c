package app

import (
	"bytes"
	"fmt"
	"image"
	"io"

	"github.com/google/uuid"

	"github.com/jobcanvas/jobcanvas/app/internal/pngstream"
	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// A PNGExport is an export whose drawing is made and ready to be painted
// and written as a PNG. Making it needs Fyne's goroutine (the drawing is
// built from Fyne's objects and measures text); painting and writing it
// may run on any goroutine, as often as wanted: the drawing never changes
// once made, and nothing of it is shared with the screen.
type PNGExport struct {
	// Size is the image's size in pixels.
	Size image.Point

	scene       *render.Scene
	transparent bool
	what        string
}

// PrepareBoardPNG makes the export of the board with that id. Like
// RenderBoard it must run on the goroutine that runs Fyne, with a current
// app.
func PrepareBoardPNG(p *canvas.Project, id uuid.UUID, opt ExportOptions) (*PNGExport, error) {
	scene, plan, err := boardScene(p, id, opt)
	if err != nil {
		return nil, err
	}
	return newPNGExport(scene, plan, opt, fmt.Sprintf("board %q", BoardTitle(p.Board(id))))
}

// PrepareLandscapePNG makes the export of p's opportunity landscape, under
// the same rules as PrepareBoardPNG.
func PrepareLandscapePNG(p *canvas.Project, opt ExportOptions) (*PNGExport, error) {
	scene, plan, err := landscapeScene(p, opt)
	if err != nil {
		return nil, err
	}
	return newPNGExport(scene, plan, opt, "landscape")
}

func newPNGExport(scene *render.Scene, plan exportPlan, opt ExportOptions, what string) (*PNGExport, error) {
	if scene.Pixels() != plan.pixels {
		// As paintScene: never write a wrong image.
		return nil, fmt.Errorf("%s: the painter would make a %v px image, not %d × %d px", what, scene.Pixels(), plan.pixels.X, plan.pixels.Y)
	}
	return &PNGExport{Size: plan.pixels, scene: scene, transparent: opt.Transparent, what: what}, nil
}

// Write paints the image band by band on every core and writes each band
// to w, compressed, as soon as it and the ones above it are done: memory
// stays a few bands whatever the image's size.
func (e *PNGExport) Write(w io.Writer) error {
	// Straight alpha, as RenderBoard paints it: a transparent export
	// keeps its colours to the bit; an opaque one is written as RGB.
	paint := func(band *image.NRGBA) error {
		e.scene.PaintNRGBA(band)
		return nil
	}
	if err := pngstream.EncodeNRGBA(w, e.Size, paint, pngstream.Options{Opaque: !e.transparent}); err != nil {
		return fmt.Errorf("%s: cannot write the PNG: %w", e.what, err)
	}
	return nil
}

// Encode is Write into memory: the PNG's bytes, for a save that replaces
// its file only once the whole image is written.
func (e *PNGExport) Encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := e.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExportPNG writes the export of the board with that id to w as a PNG,
// the same pixels as RenderBoard's, without ever holding the image. Like
// RenderBoard it must run on the goroutine that runs Fyne; use
// PrepareBoardPNG to paint and write on another goroutine.
func ExportPNG(w io.Writer, p *canvas.Project, id uuid.UUID, opt ExportOptions) error {
	e, err := PrepareBoardPNG(p, id, opt)
	if err != nil {
		return err
	}
	return e.Write(w)
}
