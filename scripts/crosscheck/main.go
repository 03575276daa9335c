// Command crosscheck type-checks the module's packages for another
// operating system, cgo included, without that system's C compiler:
//
//	go run ./scripts/crosscheck -goos darwin ./...
//
// The macOS app cannot be built here (it needs Apple's SDK), and go vet
// with GOOS=darwin needs a darwin C compiler for Fyne's cgo packages. So
// this loads every package from source for the target, as go build would
// select its files, with import "C" faked (go/types' FakeImportC), and
// reports the type errors in this module's packages: a Linux-only call
// outside a build-tagged file shows up as an undefined name. Errors in
// other modules are their C side, which the fake leaves untyped.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

func main() {
	goos := flag.String("goos", "darwin", "the GOOS to check for")
	goarch := flag.String("goarch", "amd64", "the GOARCH to check for")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	errs, n, err := check(*goos, *goarch, patterns)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crosscheck:", err)
		os.Exit(2)
	}
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e)
	}
	if len(errs) > 0 {
		fmt.Fprintf(os.Stderr, "crosscheck: %d type errors for %s/%s\n", len(errs), *goos, *goarch)
		os.Exit(1)
	}
	fmt.Printf("crosscheck: %d packages type-check for %s/%s\n", n, *goos, *goarch)
}

// check type-checks the packages matching patterns (and their
// dependencies) for goos/goarch and returns the errors in the main
// module's packages, and how many of its packages it checked.
func check(goos, goarch string, patterns []string) ([]string, int, error) {
	// The go command selects the files for goos (build tags, _darwin.go)
	// and resolves go.mod's versions; it needs no C compiler for that.
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-json=ImportPath,Dir,GoFiles,CgoFiles,Module,Error,DepOnly,Standard"}, patterns...)...)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, 0, fmt.Errorf("go list: %w", err)
	}
	l := &loader{fset: token.NewFileSet(), pkgs: map[string]*listed{}}
	var roots []string
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			return nil, 0, fmt.Errorf("go list: %w", err)
		}
		l.pkgs[p.ImportPath] = p
		if p.Error != nil {
			l.errs = append(l.errs, fmt.Sprintf("%s: %s", p.ImportPath, p.Error.Err))
		}
		if !p.DepOnly {
			roots = append(roots, p.ImportPath)
		}
	}
	for _, path := range roots {
		if _, err := l.Import(path); err != nil {
			l.errs = append(l.errs, err.Error())
		}
	}
	sort.Strings(l.errs)
	return l.errs, len(roots), nil
}

// listed is what go list -json says of a package.
type listed struct {
	ImportPath, Dir   string
	GoFiles, CgoFiles []string
	DepOnly, Standard bool
	Module            *struct{ Main bool }
	Error             *struct{ Err string }

	types   *types.Package
	loading bool
}

// loader is a types.Importer that type-checks from source what go list
// listed.
type loader struct {
	fset *token.FileSet
	pkgs map[string]*listed
	errs []string
}

func (l *loader) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	p, ok := l.pkgs[path]
	if !ok {
		return nil, fmt.Errorf("%s: not listed by go list", path)
	}
	if p.types != nil {
		return p.types, nil
	}
	if p.loading {
		return nil, fmt.Errorf("import cycle through %s", path)
	}
	p.loading = true
	var files []*ast.File
	for _, name := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
		f, err := parser.ParseFile(l.fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	ours := p.Module != nil && p.Module.Main
	conf := types.Config{
		Importer:    l,
		FakeImportC: true,
		Error: func(err error) {
			if ours {
				l.errs = append(l.errs, err.Error())
			}
		},
	}
	p.types, _ = conf.Check(path, l.fset, files, nil)
	return p.types, nil
}
