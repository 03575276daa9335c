package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
	// The members of issue 10, and near misses.
	f.Add([]byte(`{"format":"jobcanvas","version":1,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","scoreScale":"survey","boards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1","template":"value-proposition","title":"","cards":[` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"job","text":"Get to work","x":1,"y":2,"w":30,"h":40,"importance":7,"jobTypes":["social","functional"]},` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c2","kind":"product","text":"","x":1,"y":2,"w":30,"h":40}],` +
		`"links":[{"from":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c2","to":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","strength":"weak"}]}]}`))
	f.Add([]byte(`{"format":"jobcanvas","version":1,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","scoreScale":"room","boards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1","template":"free","title":"","cards":[` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"pain","text":"","x":1,"y":2,"w":30,"h":40,"jobTypes":["social","social","x"]}],` +
		`"links":[{"from":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","to":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","strength":"strong "}]}]}`))
	// A vote saved mid-vote (issue 12), and near misses.
	f.Add([]byte(`{"format":"jobcanvas","version":1,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","boards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1","template":"free","title":"","cards":[` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"pain","text":"","x":1,"y":2,"w":30,"h":40,"votes":3}],` +
		`"vote":{"dotsPerPerson":3,"voters":5,"kinds":["pain","gain"],"dots":[{"card":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","dots":2}]}}]}`))
	f.Add([]byte(`{"format":"jobcanvas","version":1,"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b0","name":"n","boards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9b1","template":"free","title":"","cards":[` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"pain","text":"","x":1,"y":2,"w":30,"h":40,"votes":1}],` +
		`"vote":{"dotsPerPerson":1e0,"voters":1,"kinds":["pain","pain"],"dots":[{"card":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","dots":2},{"card":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","dots":0}]}}]}`))
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

// FuzzRecovery feeds the recovery file reader arbitrary bytes: it must
// never panic, every error must name the file, and what it accepts must
// survive the round trip (the header written again reads back the same).
// Crashers found are kept under testdata/fuzz/FuzzRecovery.
func FuzzRecovery(f *testing.F) {
	head := `{"path":"/home/ann/w.jobcanvas","name":"Commuter cycling","cards":1,"saved":"2026-08-20T10:00:00.5Z","pid":42,"host":"h",` +
		`"base":{"size":10,"mtime":"2026-08-20T09:00:00+02:00","sha256":"` + strings.Repeat("ab", 32) + `"}}`
	f.Add([]byte("jobcanvas-recovery 1\n" + head + "\n" + base))
	f.Add([]byte("jobcanvas-recovery 1\n{\"path\":\"\",\"saved\":\"2026-08-20T10:00:00Z\"}\n" + base))
	f.Add([]byte("jobcanvas-recovery 1\n{\"saved\":\"2026-08-20T10:00:00Z\",\"x\":[1,{\"y\":null}]}\n{}"))
	f.Add([]byte("jobcanvas-recovery 7\n{}\n"))
	f.Add([]byte("jobcanvas-recovery 1\n{\"path\":\"/a\",\"path\":\"/b\"}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.recovery"
		info, start, err := decodeRecoveryHeader(data, name)
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("message does not start with the file name: %q", err)
			}
			if !errors.Is(err, ErrNotRecovery) {
				t.Fatalf("not an ErrNotRecovery: %v", err)
			}
			return
		}
		again, err := encodeRecovery(&info, data[start:])
		if err != nil {
			t.Fatalf("read, but cannot be written again: %v", err)
		}
		info2, start2, err := decodeRecoveryHeader(again, name)
		if err != nil {
			t.Fatalf("cannot read what was written: %v\n%q", err, again)
		}
		if !bytes.Equal(again[start2:], data[start:]) || info2.Path != info.Path || info2.Name != info.Name ||
			info2.Cards != info.Cards || !info2.Saved.Equal(info.Saved) || info2.Owner != info.Owner ||
			info2.Base.Size != info.Base.Size || info2.Base.Sum != info.Base.Sum || !info2.Base.ModTime.Equal(info.Base.ModTime) {
			t.Fatalf("not stable:\n%+v\n%+v", info, info2)
		}
		// The project part goes through Decode, which FuzzLoad covers; here
		// only that the two together never panic.
		decodeRecovery(data, name)
	})
}

// FuzzClip feeds the clip fragment reader arbitrary bytes (a clip file
// any program may have written): it must never panic, every error must
// name the file, and what it accepts must survive the round trip.
// Crashers found are kept under testdata/fuzz/FuzzClip.
func FuzzClip(f *testing.F) {
	rich, err := EncodeClip(richClip(), "Rain")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(rich)
	f.Add([]byte(`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + ClipTextSum("") + `","cards":[]}`))
	f.Add([]byte(`{"format":"jobcanvas-clip","version":1.0,"text_sha256":"` + ClipTextSum("") + `","cards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"job","text":"","x":1,"y":2,"w":100,"h":100,"x-u":{"a":[1]}}],"links":null}`))
	f.Add([]byte(`{"format":"jobcanvas-clip","version":1,"text_sha256":"` + ClipTextSum("") + `","cards":[{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","kind":"job","text":"","x":1,"y":2,"w":100,"h":100,"jobTypes":["consumption"]},` +
		`{"id":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c2","kind":"product","text":"","x":1,"y":2,"w":100,"h":100}],"links":[{"from":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c2","to":"7e1d3c5b-9a8f-4e2d-b6c4-a1f3e5d7c9c1","strength":"partial"}]}`))
	f.Add([]byte(`{"format":"jobcanvas-clip","version":2}`))
	f.Add([]byte(`{"format":"jobcanvas","version":1}`))
	f.Add([]byte(`"jobcanvas-clip"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.clip"
		clip, sum, err := DecodeClip(data, name)
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("message does not start with the file name: %q", err)
			}
			return
		}
		b1, err := encodeClip(clip, sum)
		if err != nil {
			t.Fatalf("decoded, but encode refuses it: %v", err)
		}
		clip2, sum2, err := DecodeClip(b1, name)
		if err != nil {
			t.Fatalf("Decode(Encode(clip)): %v\n%s", err, b1)
		}
		b2, err := encodeClip(clip2, sum2)
		if err != nil {
			t.Fatalf("Encode(Decode(Encode(clip))): %v", err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("not stable:\n%s\n---\n%s", b1, b2)
		}
	})
}
