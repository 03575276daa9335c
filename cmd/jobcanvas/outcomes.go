package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// outcomes writes the outcome scores of FILE as CSV, or with -import
// reads them back from a CSV file into FILE: all or nothing, so a file
// with any bad row leaves FILE as it was.
func outcomes(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("outcomes", flag.ContinueOnError)
	flags.SetOutput(stderr)
	scores := flags.String("import", "", "read importance and satisfaction from this CSV `file` into FILE and save it")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: jobcanvas outcomes [-import SCORES.csv] FILE")
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
	p, err := storage.Load(path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *scores == "" {
		if err := storage.WriteOutcomes(stdout, p); err != nil {
			fmt.Fprintln(stderr, "jobcanvas:", err)
			return 1
		}
		return 0
	}
	n, err := importScores(*scores, path, p)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if n == 0 {
		fmt.Fprintf(stdout, "%s: no score changed; the file is left as it was\n", path)
		return 0
	}
	fmt.Fprintf(stdout, "%s: new scores for %d %s from %s\n", path, n, canvas.Plural(n, "outcome", "outcomes"), *scores)
	return 0
}

// importScores reads the CSV file at scores into p and saves p at path,
// unless the file changes nothing; it returns how many cards changed.
func importScores(scores, path string, p *canvas.Project) (int, error) {
	f, err := os.Open(scores)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return 0, fmt.Errorf("%s: cannot open: %w", scores, err)
	}
	defer f.Close()
	edit, err := storage.ReadOutcomes(f, scores, p)
	if err != nil {
		return 0, err
	}
	if len(edit.Edits) == 0 {
		return 0, nil
	}
	if err := edit.Apply(p); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return len(edit.Edits), storage.Save(path, p)
}
