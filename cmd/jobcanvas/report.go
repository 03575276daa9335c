package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jobcanvas/jobcanvas/app"
	"github.com/jobcanvas/jobcanvas/storage"
)

const reportUsage = `usage: jobcanvas report [-o DIR] FILE

Writes the workshop report of FILE as Markdown, <project>-report.md, with
the PNG image of every board it shows beside it (<project>-<board>.png),
into DIR (default: the current folder), with no display. The report has
the jobs, pains and gains by their scores, the fit, the outcomes by
opportunity, the votes and the quotes, in plain CommonMark for a wiki or a
pull request. Either every file is written or none is.

`

// report writes a project's workshop report and its board images.
func report(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("report", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "the `DIR` (an existing folder) to write the report and the images in")
	flags.Usage = func() {
		fmt.Fprint(stderr, reportUsage)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	if err := reportFile(flags.Arg(0), *out, stdout); err != nil {
		fmt.Fprintln(stderr, "jobcanvas report:", err)
		return 1
	}
	return 0
}

func reportFile(path, dir string, stdout io.Writer) error {
	p, err := storage.Load(path)
	if err != nil {
		return err
	}
	if dir == "" {
		dir = "."
	} else if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("-o %s: no such folder", dir)
	}
	app.StartHeadless()
	written, err := app.WriteReport(p, dir, "", nil)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, f := range written {
		fmt.Fprintln(stdout, f)
	}
	return nil
}
