package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jobcanvas/jobcanvas/app"
	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

const exportUsage = `usage: jobcanvas export [-board N|TITLE] [-scale S | -width PX] [-transparent]
                        [-dark] [-crop] [-footer] [-o PATH] FILE
       jobcanvas export -landscape [-scale S | -width PX] [-transparent] [-dark] [-o PATH] FILE

Draws boards of FILE as PNG images, with no display, through the same
drawing code as the app. Without -board every board is exported, as
<project>-<board>.png. -o names the image's file when one board is
exported, or the folder the images go to (default: the current folder).
-landscape draws the opportunity landscape of every scored outcome
instead, as <project>-landscape.png.
An image is at most %d px a side.

`

// The scales -scale takes. Below 0.1 a whole board is a thumbnail of a
// few dozen pixels; above 50 no board fits the size limit, not even one
// card cropped.
const minScale, maxScale float64 = 0.1, 50

// export writes PNG images of a project's boards. Every check (the board,
// the size, where the files go) is made before the first image is drawn,
// and the images are written as one: a failed export leaves no image and
// no half of one, and the files it would have replaced as they were.
func export(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	board := flags.String("board", "", "the board: its number (1 is the first) or its title; every board when not given")
	scale := flags.Float64("scale", float64(app.DefaultExportOptions().Scale), "pixels per board unit: 1, 2, 3… (text is drawn at that size, not enlarged)")
	width := flags.Int("width", 0, "the image's width in pixels, instead of -scale")
	transparent := flags.Bool("transparent", false, "leave out the background")
	dark := flags.Bool("dark", false, "draw the dark look instead of the light one")
	crop := flags.Bool("crop", false, "only the cards, with a margin, instead of the whole template")
	footer := flags.Bool("footer", false, "add a line with the project's name, the board's title and today's date")
	out := flags.String("o", "", "the `PATH` of the image (one board) or of the folder for the images")
	landscape := flags.Bool("landscape", false, "draw the opportunity landscape (every scored outcome) instead of the boards")
	flags.Usage = func() {
		fmt.Fprintf(stderr, exportUsage, app.MaxExportSide)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	scaleSet := false
	flags.Visit(func(f *flag.Flag) { scaleSet = scaleSet || f.Name == "scale" })
	switch {
	case scaleSet && *width != 0:
		fmt.Fprintln(stderr, "jobcanvas export: give -scale or -width, not both")
		return 2
	case *width < 0:
		fmt.Fprintf(stderr, "jobcanvas export: -width %d: must be a number of pixels above 0\n", *width)
		return 2
	case !(*scale >= minScale && *scale <= maxScale): // NaN too
		fmt.Fprintf(stderr, "jobcanvas export: -scale %g: must be a number from %g to %g, such as 1, 2 or 3\n", *scale, minScale, maxScale)
		return 2
	}
	if *landscape {
		bad := ""
		flags.Visit(func(f *flag.Flag) {
			if bad == "" && (f.Name == "board" || f.Name == "crop" || f.Name == "footer") {
				bad = f.Name
			}
		})
		if bad != "" {
			fmt.Fprintf(stderr, "jobcanvas export: -%s does not apply to -landscape, which draws no board\n", bad)
			return 2
		}
	}
	opt := app.ExportOptions{Scale: float32(*scale), Width: *width, Transparent: *transparent,
		Dark: *dark, Crop: *crop, Footer: *footer}

	path := flags.Arg(0)
	if err := exportFile(path, *board, *landscape, *out, opt, stdout); err != nil {
		fmt.Fprintln(stderr, "jobcanvas export:", err)
		return 1
	}
	return 0
}

// exportImage is one image of an export: what it shows (for messages),
// its size and its drawing.
type exportImage struct {
	what string
	size func() error
	draw func() (*image.NRGBA, error)
}

func exportFile(path, board string, landscape bool, out string, opt app.ExportOptions, stdout io.Writer) error {
	p, err := storage.Load(path)
	if err != nil {
		return err
	}
	if landscape {
		targets, named, err := exportTargets(out, []string{app.LandscapeFileName(p.Name)}, []int{0})
		if err != nil {
			return err
		}
		return writeImages(path, targets, named, []exportImage{{
			what: "the landscape",
			size: func() error { _, err := app.LandscapeExportSize(opt); return err },
			draw: func() (*image.NRGBA, error) { return app.RenderLandscape(p, opt) },
		}}, stdout)
	}
	names := app.ExportFileNames(p)
	indexes := make([]int, len(p.Boards))
	for i := range indexes {
		indexes[i] = i
	}
	if board != "" {
		i, err := findBoard(p, board)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		indexes = []int{i}
	}
	if len(indexes) == 0 {
		return fmt.Errorf("%s: the project has no boards", path)
	}
	targets, named, err := exportTargets(out, names, indexes)
	if err != nil {
		return err
	}
	images := make([]exportImage, len(indexes))
	for k, i := range indexes {
		bd := p.Boards[i]
		images[k] = exportImage{
			what: fmt.Sprintf("board %d %q", i+1, app.BoardTitle(bd)),
			size: func() error { _, err := app.ExportSize(p, bd.ID, opt); return err },
			draw: func() (*image.NRGBA, error) { return app.RenderBoard(p, bd.ID, opt) },
		}
	}
	return writeImages(path, targets, named, images, stdout)
}

// writeImages draws the images of the project at path and writes them to
// targets, all or none (named: the paths were given, not made up).
func writeImages(path string, targets []string, named bool, images []exportImage, stdout io.Writer) error {
	for _, t := range targets {
		if dir := filepath.Dir(t); !isDir(dir) {
			return fmt.Errorf("%s: no folder %s to write it in", t, dir)
		}
		// A link is followed only where -o names it: a made-up name in a
		// shared folder may be a link someone planted to one of our files.
		if err := storage.CanReplace(t, named); err != nil {
			return err
		}
	}

	app.StartHeadless()
	for _, im := range images {
		if err := im.size(); err != nil {
			return fmt.Errorf("%s: %s: %w", path, im.what, err)
		}
	}
	batch := storage.NewBatch()
	var done []string
	for k, im := range images {
		img, err := im.draw()
		if err != nil {
			batch.Abort()
			return fmt.Errorf("%s: %s: %w", path, im.what, err)
		}
		data, err := app.EncodePNG(img)
		if err != nil {
			batch.Abort()
			return fmt.Errorf("%s: not saved: %w", targets[k], err)
		}
		if err := batch.Add(targets[k], data, named); err != nil {
			return err
		}
		size := img.Bounds().Size()
		done = append(done, fmt.Sprintf("%s: %d × %d px\n", targets[k], size.X, size.Y))
	}
	if err := batch.Commit(); err != nil {
		return err
	}
	for _, line := range done {
		fmt.Fprint(stdout, line)
	}
	return nil
}

// findBoard finds a board by its number (1 is the first) or its title,
// ignoring case.
func findBoard(p *canvas.Project, spec string) (int, error) {
	if n, err := strconv.Atoi(strings.TrimSpace(spec)); err == nil {
		if n >= 1 && n <= len(p.Boards) {
			return n - 1, nil
		}
		return -1, fmt.Errorf("no board %d; %s", n, boardList(p))
	}
	found := -1
	for i, bd := range p.Boards {
		if strings.EqualFold(strings.TrimSpace(app.BoardTitle(bd)), strings.TrimSpace(spec)) {
			if found >= 0 {
				return -1, fmt.Errorf("boards %d and %d are both titled %q: give the board's number; %s", found+1, i+1, spec, boardList(p))
			}
			found = i
		}
	}
	if found < 0 {
		return -1, fmt.Errorf("no board titled %q; %s", spec, boardList(p))
	}
	return found, nil
}

// boardList names the project's boards with their numbers, for messages.
func boardList(p *canvas.Project) string {
	if len(p.Boards) == 0 {
		return "the project has no boards"
	}
	parts := make([]string, len(p.Boards))
	for i, bd := range p.Boards {
		parts[i] = fmt.Sprintf("%d %q", i+1, app.BoardTitle(bd))
	}
	return "the boards are: " + strings.Join(parts, ", ")
}

// exportTargets works out the file of each board's image: out is a
// folder (an existing one, or the current folder when empty) for the
// default names, or the file of the one board exported; named reports the
// latter.
func exportTargets(out string, names []string, indexes []int) (targets []string, named bool, err error) {
	dir := out
	if out != "" {
		fi, err := os.Stat(out)
		var pe *fs.PathError
		switch {
		case err == nil && fi.IsDir():
		case errors.As(err, &pe) && !errors.Is(err, fs.ErrNotExist):
			return nil, false, fmt.Errorf("-o %s: %w", out, pe.Err)
		case err != nil && namesFolder(out):
			return nil, false, fmt.Errorf("-o %s: no such folder", out)
		case len(indexes) > 1:
			return nil, false, fmt.Errorf("-o %s: not a folder, and %d boards are exported: give a folder, or one board with -board", out, len(indexes))
		default:
			if !strings.EqualFold(filepath.Ext(out), ".png") {
				out += ".png"
			}
			return []string{out}, true, nil
		}
	}
	targets = make([]string, len(indexes))
	for k, i := range indexes {
		targets[k] = filepath.Join(dir, names[i])
	}
	return targets, false, nil
}

// namesFolder reports whether path ends in a separator ("out/"; on Windows
// "D:\out\" and "D:/out/" too), so names a folder even when none is there.
func namesFolder(path string) bool {
	return path != "" && os.IsPathSeparator(path[len(path)-1])
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
