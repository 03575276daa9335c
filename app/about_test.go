package app

import (
	"bufio"
	"os"
	"strings"
	"testing"

	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/jobcanvas/jobcanvas/app/internal/uitest"
)

// TestAboutDialog: Help ▸ About shows the name, the icon, the version the
// build was given, what the app is for, the credits and the licence with a
// link to its text.
func TestAboutDialog(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "0.1.0", "abc1234"

	w, _ := newTestWindow(t)
	menuItem(t, w, "Help", "About").Action()
	text := uitest.Labels(t, w.Window)
	for _, want := range []string{
		"Jobcanvas\n",
		"Version 0.1.0 · commit abc1234 · go1.",
		"A board for Jobs To Be Done workshops",
		"Credits", "Fyne", "Noto Sans Thai", "SIL Open Font License 1.1", "Strategyzer",
		"Licence", "Copyright 2026 The Jobcanvas authors", "Apache License, Version 2.0", `"AS IS"`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not say %q; it says:\n%s", want, text)
		}
	}
	var icon, link bool
	for _, o := range uitest.TopDialog(t, w.Window) {
		switch o := o.(type) {
		case *fcanvas.Image:
			icon = icon || o.Resource == Icon
		case *widget.RichText:
			for _, s := range o.Segments {
				if h, ok := s.(*widget.HyperlinkSegment); ok && h.URL != nil && h.URL.String() == "https://www.apache.org/licenses/LICENSE-2.0" {
					link = true
				}
			}
		}
	}
	if !icon {
		t.Error("About does not show the app icon")
	}
	if !link {
		t.Error("About has no link to the licence's text")
	}
	uitest.TapButton(t, w.Window, "Close")
	if top := w.Window.Canvas().Overlays().Top(); top != nil {
		t.Error("Close left the About box open")
	}
}

// directDeps is the modules go.mod requires directly.
func directDeps(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var deps []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "require (":
			in = true
		case line == ")":
			in = false
		case in && !strings.Contains(line, "// indirect"):
			deps = append(deps, strings.Fields(line)[0])
		}
	}
	if len(deps) == 0 {
		t.Fatal("go.mod requires nothing directly?")
	}
	return deps
}

// readmeSection is the text of the README's section titled heading.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, s, ok := strings.Cut(string(data), "\n## "+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	s, _, _ = strings.Cut(s, "\n## ")
	return s
}

// TestAboutCreditsInReadme: every library go.mod requires directly is
// credited both in the About box and in the README, and the two name the
// same fonts and licences.
func TestAboutCreditsInReadme(t *testing.T) {
	readme := strings.Join(strings.Fields(readmeSection(t, "Credits")), " ")
	about := strings.Join(strings.Fields(aboutCredits), " ")
	names := []string{
		"Noto Sans Thai", "Noto Sans Devanagari", "Noto Sans CJK KR", "Inter Symbols",
		"DejaVu Sans Mono", "EmojiOne Color", "SIL Open Font License 1.1",
		"Bitstream Vera licence", "BSD-3-Clause", "Apache-2.0", "MIT", "Strategyzer", "Ulwick",
	}
	for _, dep := range directDeps(t) {
		name := strings.TrimPrefix(dep, "github.com/")
		if strings.HasPrefix(dep, "fyne.io/fyne/") {
			name = "Fyne"
		} else if i := strings.LastIndex(name, "/v"); i > 0 {
			name = name[:i] // santhosh-tekuri/jsonschema/v6
		}
		names = append(names, name)
	}
	for _, n := range names {
		if !strings.Contains(about, n) {
			t.Errorf("About's credits do not name %s", n)
		}
		if !strings.Contains(readme, n) {
			t.Errorf("README's Credits do not name %s", n)
		}
	}
	if !strings.Contains(readmeSection(t, "Licence"), "Apache License 2.0") {
		t.Error("README's Licence section does not name the Apache License 2.0")
	}
}
