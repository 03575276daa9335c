package main

import (
	"runtime"
	"testing"
)

// pathCase is a path on the command line and what comes of it on Windows
// and on other systems, where a backslash is a character of a file name.
type pathCase struct {
	path           string
	windows, other string
}

func (c pathCase) want() string {
	if runtime.GOOS == "windows" {
		return c.windows
	}
	return c.other
}

func TestNamesFolder(t *testing.T) {
	yes, no := "folder", ""
	for _, c := range []pathCase{
		{"out/", yes, yes},
		{"out", no, no},
		{"", no, no},
		{`D:\out\`, yes, no},
		{`D:/out/`, yes, yes},
		{`D:\out\board.png`, no, no},
		{`\\server\share\`, yes, no},
		{`out\`, yes, no},
	} {
		got := no
		if namesFolder(c.path) {
			got = yes
		}
		if got != c.want() {
			t.Errorf("on %s namesFolder(%q) = %v, want %v", runtime.GOOS, c.path, got != "", c.want() != "")
		}
	}
}

func TestTitleFromPath(t *testing.T) {
	for _, c := range []pathCase{
		{"bike.jobcanvas", "bike", "bike"},
		{"/srv/w/bike.jobcanvas", "bike", "bike"},
		{`C:\Users\ann\bike.jobcanvas`, "bike", `C:\Users\ann\bike`},
		{`D:/workshops/bike.v2.jobcanvas`, "bike.v2", "bike.v2"},
		{`C:\x.y\bike`, "bike", `C:\x`},
		{`\\server\share\Team plan.jobcanvas`, "Team plan", `\\server\share\Team plan`},
	} {
		if got := titleFromPath(c.path); got != c.want() {
			t.Errorf("on %s titleFromPath(%q) = %q, want %q", runtime.GOOS, c.path, got, c.want())
		}
	}
}
