package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// check validates each file and prints a one-line summary of each good one;
// the exit code is 1 if any file is bad.
func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: jobcanvas check FILE...") }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	code := 0
	for _, path := range fs.Args() {
		p, err := storage.Load(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: %q, %s\n", path, p.Name, summary(p))
	}
	return code
}

// summary counts what a project holds: "2 boards, 41 cards, 9 links".
func summary(p *canvas.Project) string {
	links := 0
	for _, b := range p.Boards {
		links += len(b.Links)
	}
	return fmt.Sprintf("%d %s, %d %s, %d %s",
		len(p.Boards), canvas.Plural(len(p.Boards), "board", "boards"),
		p.CardCount(), canvas.Plural(p.CardCount(), "card", "cards"),
		links, canvas.Plural(links, "link", "links"))
}

// format prints each file in canonical form, or with -w rewrites the files
// that are not. A file that does not load completely is never written.
func format(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	write := fs.Bool("w", false, "write the result to the file instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: jobcanvas fmt [-w] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	code := 0
	for _, path := range fs.Args() {
		if err := formatFile(path, *write, stdout); err != nil {
			fmt.Fprintln(stderr, err)
			code = 1
		}
	}
	return code
}

func formatFile(path string, write bool, stdout io.Writer) error {
	p, stamp, err := storage.LoadStamped(path)
	if err != nil {
		return err
	}
	out, err := storage.Encode(p)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if !write {
		_, err := stdout.Write(out)
		return err
	}
	if sha256.Sum256(out) == stamp.Sum {
		return nil // already canonical: leave the file and its time alone
	}
	return storage.Save(path, p)
}
