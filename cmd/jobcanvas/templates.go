package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/jobcanvas/jobcanvas/canvas"
	"github.com/jobcanvas/jobcanvas/storage"
)

// templates lists every template, bundled ones first, one a line: id,
// tab, name, tab, "bundled" or "user". A bad file in the user's templates
// folder is reported on stderr after the list, which still has the good
// ones, and makes the exit code 1, as check does for a bad project.
func templates(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("templates", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: jobcanvas templates")
		dir, _ := storage.TemplateDir()
		fmt.Fprintf(stderr, "lists the bundled templates and yours, from %s ($%s)\n", dir, storage.TemplateEnv)
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 0 {
		flags.Usage()
		return 2
	}
	user, errs := loadUserTemplates()
	for _, t := range canvas.Templates() {
		if canvas.IsBundled(t.ID) {
			fmt.Fprintf(stdout, "%s\t%s\tbundled\n", t.ID, t.Name)
		}
	}
	for _, t := range user {
		fmt.Fprintf(stdout, "%s\t%s\tuser\n", t.ID, t.Name)
	}
	for _, err := range errs {
		fmt.Fprintln(stderr, err)
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}

// loadUserTemplates reads the user's templates folder.
func loadUserTemplates() ([]*canvas.Template, []error) {
	dir, err := storage.TemplateDir()
	if err != nil {
		return nil, []error{err}
	}
	return storage.LoadUserTemplates(dir)
}

// registerUserTemplates makes the user's templates known to this process,
// so that a project with boards of them can be read, until remove is
// called. The files that cannot be read, and templates that cannot be
// registered, are returned.
func registerUserTemplates() (errs []error, remove func()) {
	user, errs := loadUserTemplates()
	var removes []func()
	for _, t := range user {
		r, err := canvas.RegisterTemplate(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		removes = append(removes, r)
	}
	return errs, func() {
		for _, r := range removes {
			r()
		}
	}
}
