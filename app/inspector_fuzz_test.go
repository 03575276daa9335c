package app

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzInspectorInput: what is typed in a score field is refused or read
// as a score within 0–10 that reads back the same; a tag field gives
// trimmed tags, none empty or twice, that read back the same.
func FuzzInspectorInput(f *testing.F) {
	for _, s := range []string{"", "7", "7.5", "7,5", " 10 ", "11", "-0", "1e1", "NaN", "Inf", "0x1p3", "lots",
		"a, b", "a,,b, a", " , ", "weather, commute,, weather "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parseScore(s)
		switch {
		case err != nil:
			if err.Error() == "" {
				t.Fatalf("%q refused without a reason", s)
			}
		case v == nil:
			if strings.TrimSpace(s) != "" {
				t.Fatalf("%q read as not scored", s)
			}
		case math.IsNaN(*v) || *v < 0 || *v > 10:
			t.Fatalf("%q read as %v", s, *v)
		default:
			back, err := parseScore(formatScore(*v))
			if err != nil || back == nil || *back != *v {
				t.Fatalf("%q: %v shown as %q reads back %v, %v", s, *v, formatScore(*v), back, err)
			}
		}

		tags := splitTags(s)
		for i, tag := range tags {
			if tag == "" || tag != strings.TrimSpace(tag) || strings.Contains(tag, ",") || slices.Contains(tags[:i], tag) {
				t.Fatalf("%q gave tags %q", s, tags)
			}
		}
		if again := splitTags(strings.Join(tags, ", ")); !slices.Equal(again, tags) {
			t.Fatalf("%q: tags %q shown and read back as %q", s, tags, again)
		}
	})
}
