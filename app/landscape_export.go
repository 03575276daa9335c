package app

import (
	"image"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/container"

	"github.com/jobcanvas/jobcanvas/app/render"
	"github.com/jobcanvas/jobcanvas/canvas"
)

// LandscapeFileName is the file name of a project's landscape image:
// "<project>-landscape.png", named as a board called "landscape" would be.
func LandscapeFileName(project string) string {
	return ExportFileName(project, &canvas.Board{Title: "landscape"})
}

// LandscapeExportSize is the size in pixels of the image RenderLandscape
// makes with these options, or an error when it is over MaxExportSide or
// the options are not valid. Only the scale (or width), the look and the
// background apply to a landscape.
func LandscapeExportSize(opt ExportOptions) (image.Point, error) {
	plan, err := planSize(render.LandscapeExportSize, opt)
	return plan.pixels, err
}

// RenderLandscape draws the opportunity landscape of p, every scored
// outcome of every board, as an image: through the same view as the
// landscape window (render.LandscapeView, without the hover label),
// painted by render.Scene at the export's scale like RenderBoard and under
// the same rules (Fyne's goroutine, a current app).
func RenderLandscape(p *canvas.Project, opt ExportOptions) (*image.NRGBA, error) {
	scene, plan, err := landscapeScene(p, opt)
	if err != nil {
		return nil, err
	}
	return paintScene(scene, plan, "landscape")
}

// landscapeScene builds the drawing of a landscape export, as boardScene
// does a board's.
func landscapeScene(p *canvas.Project, opt ExportOptions) (*render.Scene, exportPlan, error) {
	content, plan, colors, err := landscapeContent(p, opt)
	if err != nil {
		return nil, plan, err
	}
	return newExportScene(content, plan, colors, opt), plan, nil
}

// landscapeContent is what a landscape export draws.
func landscapeContent(p *canvas.Project, opt ExportOptions) (fyne.CanvasObject, exportPlan, render.Palette, error) {
	plan, err := planSize(render.LandscapeExportSize, opt)
	if err != nil {
		return nil, plan, render.Palette{}, err
	}
	colors := exportPalette(opt)
	view := render.NewLandscapeView(colors, false)
	view.SetTitle(landscapeTitle(p))
	view.SetDots(canvas.Dots(p))
	view.Layout(plan.size)
	return container.NewWithoutLayout(view.Objects()...), plan, colors, nil
}

// landscapeTitle is the line over the landscape: what it is, and of which
// project.
func landscapeTitle(p *canvas.Project) string {
	if p.Name == "" {
		return "Opportunity landscape"
	}
	return "Opportunity landscape — " + p.Name
}
