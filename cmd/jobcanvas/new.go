package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

const newUsage = `usage: jobcanvas new [-t ID[,ID...]] [-title TEXT] FILE

Creates the project FILE with a board of each template named, in that
order (jobcanvas templates lists them; yours too). FILE must not exist:
nothing is ever overwritten.

`

// newProject creates a project file. Every check comes before the file is
// made, and the file is made only where nothing is (storage.Create): an
// unknown template, like export's unknown board, exits 1 with the ids
// there are, and writes nothing.
func newProject(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	flags.SetOutput(stderr)
	ids := flags.String("t", canvas.TemplateValueProposition+","+canvas.TemplateJobMap, "the boards' templates, by `ID`, comma-separated")
	title := flags.String("title", "", "the project's name (default: FILE's name without its extension)")
	flags.Usage = func() {
		fmt.Fprint(stderr, newUsage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	path := flags.Arg(0)
	name := strings.TrimSpace(*title)
	if name == "" {
		name = titleFromPath(path)
	}

	// The user's templates are offered as in the app; a bad file among
	// them only matters if the project needs it, so it is a warning.
	errs, remove := registerUserTemplates()
	defer remove()
	for _, err := range errs {
		fmt.Fprintln(stderr, "jobcanvas new: warning:", err)
	}

	var want []string
	for _, id := range strings.Split(*ids, ",") {
		id = strings.TrimSpace(id)
		if _, ok := canvas.TemplateByID(id); !ok {
			var known []string
			for _, t := range canvas.Templates() {
				known = append(known, t.ID)
			}
			fmt.Fprintf(stderr, "jobcanvas new: -t: no template %q; there are: %s\n", id, strings.Join(known, ", "))
			return 1
		}
		want = append(want, id)
	}
	p, err := canvas.NewProject(name, want...)
	if err == nil {
		err = storage.Create(path, p)
	}
	if err != nil {
		fmt.Fprintln(stderr, "jobcanvas new:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: created %q, %s\n", path, p.Name, summary(p))
	return 0
}

// titleFromPath is the project title a file name gives: its last element
// without the extension (C:\w\bike.jobcanvas → bike, on Windows).
func titleFromPath(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
