package pngstream

import (
	"bytes"
	"errors"
	"fmt"
	"hash/adler32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestAdler32Combine(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 300_000) // over the modulus, so lengths wrap
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	data[1000] = 0xff
	cuts := [][]int{{0}, {len(data)}, {1}, {65521}, {65522, 200_000}, {17, 17, 131_042}}
	for range 20 {
		cuts = append(cuts, []int{r.IntN(len(data)), r.IntN(len(data))})
	}
	for _, cut := range cuts {
		sum, from := uint32(1), 0
		for _, c := range append(cut, len(data)) {
			c = max(c, from)
			sum = adler32Combine(sum, adler32.Checksum(data[from:c]), int64(c-from))
			from = c
		}
		if want := adler32.Checksum(data); sum != want {
			t.Errorf("cut at %v: combined %08x, whole %08x", cut, sum, want)
		}
	}
	// Bytes of 0xff make the sums largest: the combine must not overflow.
	ff := bytes.Repeat([]byte{0xff}, 1<<20)
	if got, want := adler32Combine(adler32.Checksum(ff), adler32.Checksum(ff), int64(len(ff))),
		adler32.Checksum(append(ff, ff...)); got != want {
		t.Errorf("two MiB of 0xff: combined %08x, whole %08x", got, want)
	}
}

// painterOf paints the bands with src's pixels, as a painter of a scene
// would, checking what Encode promises about the band.
func painterOf(src *image.RGBA) func(*image.RGBA) error {
	return func(b *image.RGBA) error {
		r := b.Bounds()
		if r.Min.X != 0 || r.Dx() != src.Rect.Dx() || r.Empty() || !r.In(src.Rect) {
			return fmt.Errorf("band %v in an image %v", r, src.Rect)
		}
		for _, p := range b.Pix {
			if p != 0 {
				return fmt.Errorf("band %v not cleared", r)
			}
		}
		draw.Draw(b, r, src, r.Min, draw.Src)
		return nil
	}
}

// decodeSame checks that the PNG decodes to what image/png gives for src,
// pixel for pixel. (image/png writes an opaque image as RGB whatever its
// type; Encode only when told it is opaque: the models may differ.)
func decodeSame(t testing.TB, got []byte, src *image.RGBA) {
	t.Helper()
	var ref bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&ref, src); err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(&ref)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("image/png cannot decode it: %v", err)
	}
	if img.Bounds() != want.Bounds() {
		t.Fatalf("decoded %v, want %v", img.Bounds(), want.Bounds())
	}
	if p := pixels(want); p != nil && fmt.Sprintf("%T", img) == fmt.Sprintf("%T", want) && bytes.Equal(pixels(img), p) {
		return
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g, w := color.NRGBAModel.Convert(img.At(x, y)), color.NRGBAModel.Convert(want.At(x, y))
			if g != w {
				t.Fatalf("pixel (%d, %d) of %v: %v, image/png gives %v (painted %v)", x, y, b, g, w, src.At(x, y))
			}
		}
	}
}

// decodesAs fails unless the PNG is of the colour type Options asked for.
func decodesAs(t testing.TB, data []byte, opaque bool) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	_, rgb := img.(*image.RGBA)
	_, rgba := img.(*image.NRGBA)
	if opaque && !rgb || !opaque && !rgba {
		t.Fatalf("Opaque %v: decoded as %T", opaque, img)
	}
}

// pixels is a decoded image's pixel bytes.
func pixels(img image.Image) []byte {
	switch img := img.(type) {
	case *image.RGBA:
		return img.Pix
	case *image.NRGBA:
		return img.Pix
	}
	return nil
}

// randomImage is w × h premultiplied pixels: opaque ones, or with every
// alpha from 0 to 255 and colours up to it.
func randomImage(w, h int, opaque bool, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		a := 255
		if !opaque {
			a = (i / 4) % 256
		}
		// Flat runs as well as noise, so every filter has work to do.
		if (i/4)%13 < 6 && i >= 4 && img.Pix[i-1] == uint8(a) {
			copy(img.Pix[i:i+4], img.Pix[i-4:i])
			continue
		}
		img.Pix[i+3] = uint8(a)
		for c := range 3 {
			img.Pix[i+c] = uint8(r.IntN(a + 1))
		}
	}
	return img
}

func encodeImage(t testing.TB, src *image.RGBA, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, src.Rect.Size(), painterOf(src), opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEncodeDecodesToThePaintedImage(t *testing.T) {
	sizes := []struct {
		w, h, band int
	}{
		{1, 1, 0}, {1, 1, 1}, {1, 300, 0}, {1, 300, 7}, {300, 1, 0},
		{37, 101, 10},  // the last band shorter
		{64, 64, 1},    // one row a band
		{64, 64, 64},   // one band
		{64, 64, 1000}, // a band taller than the image
		{513, 77, 0},
	}
	filters := []int{0, -1, ftSub, ftUp, ftAvg, ftPaeth, ftAdaptive}
	for _, sz := range sizes {
		for _, opaque := range []bool{true, false} {
			for _, f := range filters {
				if sz.w*sz.h > 100_000 && f != 0 && f != ftAdaptive {
					continue // the small sizes try every filter
				}
				for _, workers := range []int{1, 3} {
					name := fmt.Sprintf("%dx%d/band%d/opaque=%v/filter%d/workers%d", sz.w, sz.h, sz.band, opaque, f, workers)
					t.Run(name, func(t *testing.T) {
						src := randomImage(sz.w, sz.h, opaque, uint64(sz.w*sz.h))
						got := encodeImage(t, src, Options{Opaque: opaque, BandHeight: sz.band, Workers: workers, filter: f})
						decodeSame(t, got, src)
						decodesAs(t, got, opaque)
					})
				}
			}
		}
	}
}

func encodeNRGBA(t testing.TB, src *image.NRGBA, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	paint := func(b *image.NRGBA) error {
		draw.Draw(b, b.Rect, src, b.Rect.Min, draw.Src)
		return nil
	}
	if err := EncodeNRGBA(&buf, src.Rect.Size(), paint, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decodesTo fails unless the PNG decodes to src's very colours (or their
// RGB, for an opaque PNG).
func decodesTo(t testing.TB, data []byte, src *image.NRGBA) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := src.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			want := src.NRGBAAt(x, y)
			var got color.NRGBA
			switch img := img.(type) {
			case *image.NRGBA:
				got = img.NRGBAAt(x, y)
			case *image.RGBA:
				c := img.RGBAAt(x, y)
				got = color.NRGBA{c.R, c.G, c.B, c.A}
				want.A = 0xff // opaque: alpha dropped
			default:
				t.Fatalf("decoded as %T", img)
			}
			if got != want {
				t.Fatalf("pixel (%d, %d): %v, painted %v", x, y, got, src.NRGBAAt(x, y))
			}
		}
	}
}

// Straight alpha is written as painted: colours under alpha 1 keep all
// their bits, which premultiplied pixels could not hold.
func TestEncodeNRGBAKeepsColours(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 256, 256))
	for y := range 256 {
		for x := range 256 {
			src.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(255 - x), uint8(x ^ y), uint8(y)})
		}
	}
	for _, workers := range []int{1, 2} {
		got := encodeNRGBA(t, src, Options{BandHeight: 10, Workers: workers})
		decodesAs(t, got, false)
		decodesTo(t, got, src)
	}
	opaque := image.NewNRGBA(src.Rect)
	copy(opaque.Pix, src.Pix)
	for i := 3; i < len(opaque.Pix); i += 4 {
		opaque.Pix[i] = 0xff
	}
	got := encodeNRGBA(t, opaque, Options{Opaque: true, BandHeight: 33})
	decodesAs(t, got, true)
	decodesTo(t, got, opaque)
}

// Bands of the default height: about bandBytes each, the last one
// shorter.
func TestEncodeDefaultBands(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 2000, 1200))
	for i := range src.Pix {
		src.Pix[i] = uint8(i / 4000) // smooth, quick to compress
		if i%4 == 3 {
			src.Pix[i] = uint8(255 - i%7)
		}
	}
	var heights []int
	var mu sync.Mutex
	paint := painterOf(src)
	record := func(b *image.RGBA) error {
		mu.Lock()
		heights = append(heights, b.Rect.Dy())
		mu.Unlock()
		return paint(b)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, src.Rect.Size(), record, Options{}); err != nil {
		t.Fatal(err)
	}
	decodeSame(t, buf.Bytes(), src)
	slices.Sort(heights)
	if want := bandBytes / (4 * 2000); !slices.Equal(heights, []int{1200 - 2*want, want, want}) {
		t.Errorf("bands of %v rows, want two of %d and the rest", heights, want)
	}
}

// Alpha 1 to 254 with every colour value up to it: the straight colours
// must be image/png's to the bit.
func TestEncodeUnpremultipliesAsImagePNG(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for a := 1; a < 255; a++ {
		for c := 0; c <= a; c++ {
			src.SetRGBA(c, a, color.RGBA{uint8(c), uint8(a - c), uint8(c / 2), uint8(a)})
		}
	}
	got := encodeImage(t, src, Options{BandHeight: 16})
	decodeSame(t, got, src)
	decodesAs(t, got, false)
}

// The IDAT chunks stay small however large the bands, and the stream is
// exactly what a PNG reader expects: one zlib stream over all of them.
func TestEncodeChunks(t *testing.T) {
	src := randomImage(1500, 400, false, 3) // 2.4 MB of noise, one band
	data := encodeImage(t, src, Options{BandHeight: 400})
	decodeSame(t, data, src)
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("no PNG signature: % x", data[:8])
	}
	var types []string
	for p := data[8:]; len(p) > 0; {
		n := int(uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]))
		typ := string(p[4:8])
		if typ == "IDAT" && n > maxChunk {
			t.Errorf("an IDAT of %d bytes, over %d", n, maxChunk)
		}
		if len(types) == 0 || types[len(types)-1] != typ {
			types = append(types, typ)
		}
		p = p[12+n:]
	}
	if fmt.Sprint(types) != "[IHDR IDAT IEND]" {
		t.Errorf("chunks %v", types)
	}
}

func TestEncodeRefusesBadSizes(t *testing.T) {
	for _, size := range []image.Point{{0, 1}, {1, 0}, {-3, 5}, {1 << 30, 1}} {
		err := Encode(io.Discard, size, func(*image.RGBA) error { t.Error("painted"); return nil }, Options{})
		if !errors.Is(err, ErrSize) {
			t.Errorf("size %v: error %v, want ErrSize", size, err)
		}
	}
}

// goroutinesSettle fails if more goroutines run than before, once the
// runtime has had a moment to end the ones that are finishing.
func goroutinesSettle(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left over:\n%s", runtime.NumGoroutine()-before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

func TestEncodeStopsOnPaintError(t *testing.T) {
	before := runtime.NumGoroutine()
	boom := errors.New("boom")
	for _, failAt := range []int{0, 5, 39} {
		var painted, after atomic.Int32
		var failed atomic.Bool
		paint := func(b *image.RGBA) error {
			painted.Add(1)
			if failed.Load() {
				after.Add(1)
			}
			if b.Rect.Min.Y == failAt {
				failed.Store(true)
				return boom
			}
			return nil
		}
		var out bytes.Buffer
		err := Encode(&out, image.Pt(50, 40), paint, Options{BandHeight: 1, Workers: 4})
		if !errors.Is(err, boom) {
			t.Fatalf("band at row %d failing: error %v, want boom", failAt, err)
		}
		// Workers busy when it failed finish their band; none starts more
		// than the tokens let it: 2 × Workers.
		if n := after.Load(); n > 8 {
			t.Errorf("band at row %d failing: %d bands painted after it", failAt, n)
		}
		if _, err := png.Decode(&out); err == nil {
			t.Errorf("band at row %d failing: what was written decodes as a whole PNG", failAt)
		}
	}
	goroutinesSettle(t, before)
}

// failingWriter fails once it has taken n bytes.
type failingWriter struct {
	n   int
	err error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, w.err
	}
	w.n -= len(p)
	return len(p), nil
}

func TestEncodeStopsOnWriteError(t *testing.T) {
	before := runtime.NumGoroutine()
	full := errors.New("disk full")
	src := randomImage(300, 200, true, 9)
	total := len(encodeImage(t, src, Options{Opaque: true, BandHeight: 3}))
	for _, n := range []int{0, 8, 40, total / 2, total - 1} {
		var painted atomic.Int32
		paint := painterOf(src)
		counting := func(b *image.RGBA) error { painted.Add(1); return paint(b) }
		err := Encode(&failingWriter{n: n, err: full}, src.Rect.Size(), counting, Options{Opaque: true, BandHeight: 3, Workers: 2})
		if !errors.Is(err, full) {
			t.Errorf("writer failing after %d bytes: error %v, want %v", n, err, full)
		}
		if n == 0 && painted.Load() > 4+2 {
			// The header fails before any band is written: at most the
			// bands holding tokens, and those being taken, are painted.
			t.Errorf("writer failing at once: %d bands painted", painted.Load())
		}
	}
	goroutinesSettle(t, before)
}

// A painter that is slow on one band: the others wait for it, no more than
// 2 × Workers bands are ever held, and the output is still in order.
func TestEncodeHoldsAtMostTwiceWorkersBands(t *testing.T) {
	src := randomImage(40, 200, true, 11)
	var inFlight, most atomic.Int32
	paint := painterOf(src)
	var written atomic.Int32
	slow := func(b *image.RGBA) error {
		// Bands painted minus bands written is what is held.
		n := inFlight.Add(1) - written.Load()
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		if b.Rect.Min.Y == 20 {
			time.Sleep(50 * time.Millisecond)
		}
		return paint(b)
	}
	var out bytes.Buffer
	w := writerFunc(func(p []byte) (int, error) {
		// An IDAT chunk's header marks a band written (one chunk each here).
		if len(p) == 8 && string(p[4:]) == "IDAT" {
			written.Add(1)
		}
		return out.Write(p)
	})
	if err := Encode(w, src.Rect.Size(), slow, Options{Opaque: true, BandHeight: 2, Workers: 3}); err != nil {
		t.Fatal(err)
	}
	decodeSame(t, out.Bytes(), src)
	if m := most.Load(); m > 2*3+1 {
		t.Errorf("%d bands held at once, want at most 2 × Workers (+1 being written)", m)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// The word-wide Up filter subtracts every pair of bytes as bytes do.
func TestUpEveryPair(t *testing.T) {
	cur, prev := make([]byte, 1<<16+3), make([]byte, 1<<16+3) // and a tail
	for i := range cur {
		cur[i], prev[i] = byte(i), byte(i>>8)
	}
	out := make([]byte, len(cur))
	up(out, cur, prev)
	for i := range out {
		if out[i] != cur[i]-prev[i] {
			t.Fatalf("%d − %d: %d, want %d", cur[i], prev[i], out[i], cur[i]-prev[i])
		}
	}
}
