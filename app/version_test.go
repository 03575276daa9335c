package app

import (
	"runtime/debug"
	"testing"
)

func TestVCSCommit(t *testing.T) {
	rev := "91370ec2c1f0a8d1e1b7a0f7b3c4d5e6f7a8b9c0"
	tests := []struct {
		name     string
		settings []debug.BuildSetting
		want     string
	}{
		{"clean", []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: "false"}}, "91370ec"},
		{"dirty", []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}, {Key: "vcs.revision", Value: rev}}, "91370ec+dirty"},
		{"no vcs", []debug.BuildSetting{{Key: "-compiler", Value: "gc"}}, ""},
		{"modified without revision", []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}}, ""},
		{"short revision", []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}, "abc"},
	}
	for _, tt := range tests {
		if got := vcsCommit(tt.settings); got != tt.want {
			t.Errorf("%s: vcsCommit = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionString(t *testing.T) {
	tests := []struct {
		v    Version
		want string
	}{
		{Version{"0.1.0", "abc1234", "go1.26.8"}, "jobcanvas 0.1.0 (commit abc1234, go1.26.8)"},
		{Version{"dev", "", "go1.26.8"}, "jobcanvas dev (go1.26.8)"},
		{Version{"dev", "91370ec+dirty", "go1.26.8"}, "jobcanvas dev (commit 91370ec+dirty, go1.26.8)"},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestVersionInfoLinkTime: what the linker sets wins over the checkout's.
func TestVersionInfoLinkTime(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "1.2.3", "fedcba9"
	if got := VersionInfo(); got.Version != "1.2.3" || got.Commit != "fedcba9" || got.Go == "" {
		t.Errorf("VersionInfo() = %#v", got)
	}
}
