package app

import (
	"runtime"
	"runtime/debug"
)

// version and commit are set when a release is built:
//
//	go build -ldflags "-X github.com/jobcanvas/jobcanvas/app.version=0.1.0 -X github.com/jobcanvas/jobcanvas/app.commit=abc1234"
//
// scripts/package takes the version from FyneApp.toml. A plain go build
// leaves "dev", and the commit comes from what Go records of the checkout.
var (
	version = "dev"
	commit  = ""
)

// Version is what a build of Jobcanvas is: its release, the commit it was
// built from and the Go toolchain that built it.
type Version struct {
	Version string // "0.1.0", or "dev" for a build that is no release
	Commit  string // short commit hash, "+dirty" when the checkout had changes; "" when unknown
	Go      string // runtime.Version(), such as "go1.26.8"
}

// String is the one line `jobcanvas version` prints:
// "jobcanvas 0.1.0 (commit abc1234, go1.26.8)".
func (v Version) String() string {
	s := "jobcanvas " + v.Version + " ("
	if v.Commit != "" {
		s += "commit " + v.Commit + ", "
	}
	return s + v.Go + ")"
}

// VersionInfo is the version of the running program.
func VersionInfo() Version {
	c := commit
	if c == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			c = vcsCommit(bi.Settings)
		}
	}
	return Version{Version: version, Commit: c, Go: runtime.Version()}
}

// vcsCommit is the commit go build recorded from the checkout (with
// -buildvcs, the default in a git work tree), shortened as git shows it;
// "" when none was recorded (go test, go run, a build outside git).
func vcsCommit(settings []debug.BuildSetting) string {
	var rev string
	dirty := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	if dirty {
		rev += "+dirty"
	}
	return rev
}
