package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds Decode arbitrary bytes. Decode must never panic, and
// what it accepts must survive the round trip: Encode accepts it, Decode
// reads Encode's output back, and encoding that gives the same bytes.
// (`jobcanvas fmt` relies on this: it never writes what it could not
// read back.) Crashers found are kept under testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.jobcanvas")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(base))
	f.Add([]byte(""))
	f.Add([]byte("\xEF\xBB\xBF{}"))
	f.Add([]byte(`{"format":"jobcanvas","version":0,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","boards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1","template":"free","title":"","cards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","type":"note","text":"","pos":[1,2],"size":[30,40],"x-u":{"a":[1]}}]}]}`))
	f.Add([]byte(`{"format":"jobcanvas","version":1,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","boards":[],"x":[[[{"y":"\u0000"}]]]}`))
	f.Add([]byte(`{"format":"jobcanvas","version":9}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data, "fuzz.jobcanvas")
		if err != nil {
			if p != nil {
				t.Fatal("a project and an error")
			}
			if msg := err.Error(); len(msg) < len("fuzz.jobcanvas") || msg[:len("fuzz.jobcanvas")] != "fuzz.jobcanvas" {
				t.Fatalf("message does not start with the file name: %q", msg)
			}
			return
		}
		b1, err := Encode(p)
		if err != nil {
			t.Fatalf("decoded, but Encode refuses it: %v", err)
		}
		p2, err := Decode(b1, "fuzz.jobcanvas")
		if err != nil {
			t.Fatalf("Decode(Encode(p)): %v\n%s", err, b1)
		}
		b2, err := Encode(p2)
		if err != nil {
			t.Fatalf("Encode(Decode(Encode(p))): %v", err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("not stable:\n%s\n---\n%s", b1, b2)
		}
	})
}
