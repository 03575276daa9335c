// Command jobcanvas runs the Jobcanvas workshop board, or one of its
// headless subcommands:
//
//	jobcanvas [FILE]              open FILE (or the bundled sample) in a window
//	jobcanvas check FILE...       validate project files
//	jobcanvas fmt [-w] FILE...    rewrite project files in canonical form
//	jobcanvas export [flags] FILE draw boards as PNG images, with no display
//	jobcanvas report [-o DIR] FILE
//	                              the workshop report as Markdown, with board images
//	jobcanvas outcomes [-import SCORES.csv] FILE
//	                              outcome scores as CSV, or read back from a survey
//	jobcanvas templates           list the board templates, bundled and yours
//	jobcanvas new [-t ID[,ID...]] [-title TEXT] FILE
//	                              create a project file with those boards
//	jobcanvas version             the version, commit and Go version
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  jobcanvas [FILE]              open FILE (or the bundled sample) in a window
  jobcanvas check FILE...       validate project files
  jobcanvas fmt [-w] FILE...    print (or with -w rewrite) files in canonical form
  jobcanvas export [-board N|TITLE] [-scale S] [-transparent] [-o PATH] FILE
                                draw boards as PNG images, with no display
                                (jobcanvas export -h lists every flag)
  jobcanvas export -landscape [-o PATH] FILE
                                draw the opportunity landscape as a PNG image
  jobcanvas report [-o DIR] FILE
                                write the workshop report as Markdown, with
                                the image of every board, with no display
  jobcanvas outcomes FILE       write the outcome statements and scores as CSV
  jobcanvas outcomes -import SCORES.csv FILE
                                read importance and satisfaction back into FILE
  jobcanvas templates           list the board templates: id, name, bundled or user
  jobcanvas new [-t ID[,ID...]] [-title TEXT] FILE
                                create a project with those boards (default:
                                value proposition canvas and job map); never
                                over an existing file
  jobcanvas version             print the version, commit and Go version
                                (also --version)
`

// run is main without the process: it returns the exit code, so the
// subcommands are tested in-process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "check", "fmt", "export", "outcomes", "report":
			// A project may have boards of the user's templates. A bad
			// template file is jobcanvas templates' to report: here it
			// matters only if a project needs it, and then Load says so.
			_, remove := registerUserTemplates()
			defer remove()
		}
		switch args[0] {
		case "check":
			return check(args[1:], stdout, stderr)
		case "fmt":
			return format(args[1:], stdout, stderr)
		case "export":
			return export(args[1:], stdout, stderr)
		case "report":
			return report(args[1:], stdout, stderr)
		case "outcomes":
			return outcomes(args[1:], stdout, stderr)
		case "templates":
			return templates(args[1:], stdout, stderr)
		case "new":
			return newProject(args[1:], stdout, stderr)
		case "version", "-version", "--version":
			return printVersion(args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	if len(args) > 1 || (len(args) == 1 && len(args[0]) > 0 && args[0][0] == '-') {
		fmt.Fprint(stderr, usage)
		return 2
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	if err := openWindow(path); err != nil {
		fmt.Fprintln(stderr, "jobcanvas:", err)
		return 1
	}
	return 0
}
