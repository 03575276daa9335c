package main

import (
	"fmt"
	"io"

	"github.com/jobcanvas/jobcanvas/app"
)

// printVersion is `jobcanvas version`: one line, for bug reports and
// scripts that check what is installed.
func printVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: jobcanvas version")
		return 2
	}
	fmt.Fprintln(stdout, app.VersionInfo())
	return 0
}
