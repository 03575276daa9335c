// Package pngstream writes a PNG image painted band by band, on all cores,
// without ever holding the whole image: the painter fills horizontal
// bands, each band is filtered and deflated on its own goroutine (as pigz
// does), and the compressed bands are written in order as they finish.
package pngstream

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options are the choices of an Encode.
type Options struct {
	// Opaque says every pixel is opaque: the PNG is RGB (colour type 2),
	// a quarter smaller before compression. Alpha is then dropped: a
	// translucent pixel shows its colour as painted, for Encode the
	// premultiplied one (as over black). Otherwise the PNG is RGBA
	// (colour type 6) with straight alpha.
	Opaque bool
	// BandHeight is the number of rows painted and compressed at a time;
	// 0 chooses bands of about 4 MiB (218 rows of a 4800 px image).
	BandHeight int
	// Workers is the number of goroutines painting and compressing; 0
	// means runtime.GOMAXPROCS(0).
	Workers int

	// filter is the row filter (ftNone … ftAdaptive); 0 is defaultFilter,
	// so ftNone is asked for as -1. Benchmarks and tests compare them.
	filter int
}

// Sizes of things written.
const (
	// bandBytes is the default band's size, as pixels in memory. Each
	// band starts deflate afresh: on a 4800 × 2480 board, bands of 1 MiB
	// made the PNG 3 % larger than bands of 4 MiB (BenchmarkFilters).
	bandBytes = 4 << 20
	maxChunk  = 1 << 18 // the largest IDAT chunk's data
)

// ErrSize is wrapped by the error about an image size PNG cannot hold.
var ErrSize = errors.New("pngstream: bad image size")

// Encode paints size.X × size.Y pixels band by band with paint and writes
// them to w as a PNG.
//
// paint is called concurrently from up to opt.Workers goroutines, each
// call with its own band: an *image.RGBA whose Bounds are the band's rows
// in the image's coordinates (Min.Y is the band's first row, Min.X is 0),
// cleared to transparent. It must paint that band and keep nothing of it:
// the band's memory is used again for a later band.
//
// The bands are written in order as they finish; about 2 × Workers
// compressed bands wait to be written at most, so memory stays about that
// many bands plus a compressor a worker, whatever the image's size. The
// first error from paint or w stops the work (the bands being painted are
// finished, no other is started) and is returned; Encode returns after
// every goroutine it started has ended.
func Encode(w io.Writer, size image.Point, paint func(band *image.RGBA) error, opt Options) error {
	return encode(w, size, func(pix []byte, stride int, r image.Rectangle) error {
		return paint(&image.RGBA{Pix: pix, Stride: stride, Rect: r})
	}, false, opt)
}

// EncodeNRGBA is Encode for a painter of straight alpha, whose colours are
// written as they are: a translucent image painted this way keeps its
// colours to the bit, where premultiplying loses low bits under low
// alpha.
func EncodeNRGBA(w io.Writer, size image.Point, paint func(band *image.NRGBA) error, opt Options) error {
	return encode(w, size, func(pix []byte, stride int, r image.Rectangle) error {
		return paint(&image.NRGBA{Pix: pix, Stride: stride, Rect: r})
	}, true, opt)
}

// encode is Encode and EncodeNRGBA, for a painter of bands given as their
// pixels, their stride and their bounds.
func encode(w io.Writer, size image.Point, paint func(pix []byte, stride int, r image.Rectangle) error, straight bool, opt Options) error {
	// PNG's limit is 2^31-1 a side; a row's bytes must also fit an int.
	const maxSide = 1<<31 - 1
	if size.X <= 0 || size.Y <= 0 || size.X > maxSide/4 || size.Y > maxSide {
		return fmt.Errorf("%w: %d × %d px; each side must be 1 to %d px", ErrSize, size.X, size.Y, maxSide/4)
	}
	e := newEncoder(size, paint, opt)
	e.straight = straight
	return e.run(w)
}

// encoder is the state of one Encode.
type encoder struct {
	size     image.Point
	paint    func(pix []byte, stride int, r image.Rectangle) error
	opaque   bool
	straight bool // the painter's alpha is straight, not premultiplied
	bpp      int  // bytes a pixel in the PNG: 3 or 4
	filter   int
	rows     int // a band's rows
	bands    int
	workers  int

	next    atomic.Int64  // the next band to paint
	tokens  chan struct{} // one a band painted and not yet written
	results chan *band
	stop    chan struct{} // closed by halt
	halted  sync.Once
	bufs    sync.Pool // of *bytes.Buffer, compressed bands
}

// band is a compressed band on its way to the writer.
type band struct {
	index  int
	data   *bytes.Buffer // deflated filtered rows, ending in a sync flush
	adler  uint32        // of the filtered rows
	length int64         // of the filtered rows
	err    error
}

func newEncoder(size image.Point, paint func([]byte, int, image.Rectangle) error, opt Options) *encoder {
	e := &encoder{size: size, paint: paint, opaque: opt.Opaque, bpp: 4, filter: opt.filter}
	if e.opaque {
		e.bpp = 3
	}
	switch e.filter {
	case 0:
		e.filter = defaultFilter
	case -1:
		e.filter = ftNone
	}
	e.rows = opt.BandHeight
	if e.rows <= 0 {
		e.rows = max(1, bandBytes/(4*size.X))
	}
	e.rows = min(e.rows, size.Y)
	e.bands = (size.Y + e.rows - 1) / e.rows
	e.workers = opt.Workers
	if e.workers <= 0 {
		e.workers = runtime.GOMAXPROCS(0)
	}
	e.workers = min(e.workers, e.bands)
	e.tokens = make(chan struct{}, 2*e.workers)
	// Every band in the channel holds a token: sends never block.
	e.results = make(chan *band, 2*e.workers)
	e.stop = make(chan struct{})
	return e
}

// run starts the workers and writes the PNG as their bands come in.
func (e *encoder) run(w io.Writer) (err error) {
	var wg sync.WaitGroup
	for range e.workers {
		wg.Go(e.work)
	}
	defer func() {
		e.halt()
		wg.Wait()
	}()

	cw := chunkWriter{w: w}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(e.size.X))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(e.size.Y))
	ihdr[8] = 8 // bits a sample
	ihdr[9] = 6 // RGBA
	if e.opaque {
		ihdr[9] = 2 // RGB
	}
	// ihdr[10:13]: deflate, the adaptive filter method, no interlace.
	cw.write([]byte("\x89PNG\r\n\x1a\n"))
	cw.chunk("IHDR", ihdr[:])

	waiting := make(map[int]*band, 2*e.workers)
	adler := uint32(1)
	for i := 0; i < e.bands && cw.err == nil; {
		b := <-e.results
		if b.err != nil {
			return b.err
		}
		waiting[b.index] = b
		for ; waiting[i] != nil && cw.err == nil; i++ {
			b := waiting[i]
			delete(waiting, i)
			adler = adler32Combine(adler, b.adler, b.length)
			data := b.data.Bytes()
			if i == e.bands-1 {
				// A last, empty block ends the deflate stream; zlib's
				// trailer is the checksum of everything inflated.
				b.data.Write([]byte{0x03, 0x00})
				b.data.Write(binary.BigEndian.AppendUint32(nil, adler))
				data = b.data.Bytes()
			}
			for len(data) > 0 && cw.err == nil {
				n := min(len(data), maxChunk)
				cw.chunk("IDAT", data[:n])
				data = data[n:]
			}
			b.data.Reset()
			e.bufs.Put(b.data)
			<-e.tokens
		}
	}
	cw.chunk("IEND", nil)
	return cw.err
}

// halt stops the workers starting bands: the encoding is over, or failed.
func (e *encoder) halt() { e.halted.Do(func() { close(e.stop) }) }

// work paints and compresses bands until there are none left or the
// encoding stops.
func (e *encoder) work() {
	stride := 4 * e.size.X
	pix := make([]byte, e.rows*stride)
	rowLen := e.bpp * e.size.X
	cur, prev := make([]byte, rowLen), make([]byte, rowLen)
	out := make([]byte, 1+rowLen)
	zw, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	sum := adler32.New()
	for {
		// Stopped, no band is started, even if a token is free.
		select {
		case <-e.stop:
			return
		default:
		}
		select {
		case e.tokens <- struct{}{}:
		case <-e.stop:
			return
		}
		i := int(e.next.Add(1) - 1)
		if i >= e.bands {
			<-e.tokens
			return
		}
		y0 := i * e.rows
		y1 := min(y0+e.rows, e.size.Y)
		img := pix[:(y1-y0)*stride]
		clear(img)
		b := &band{index: i}
		if err := e.paint(img, stride, image.Rect(0, y0, e.size.X, y1)); err != nil {
			b.err = fmt.Errorf("painting rows %d to %d: %w", y0, y1-1, err)
			e.halt()
			e.results <- b
			return
		}
		b.data, _ = e.bufs.Get().(*bytes.Buffer)
		if b.data == nil {
			b.data = new(bytes.Buffer)
		}
		if i == 0 {
			// zlib's header: deflate with a 32 KiB window, the fastest
			// level; the check bits make it a multiple of 31.
			b.data.Write([]byte{0x78, 0x01})
		}
		zw.Reset(b.data)
		sum.Reset()
		for y := y0; y < y1; y++ {
			row := img[(y-y0)*stride : (y-y0+1)*stride]
			e.convert(cur, row)
			var above []byte
			if y > y0 {
				above = prev
			}
			filterRow(out, cur, above, e.bpp, e.filter)
			sum.Write(out)
			zw.Write(out) // into a bytes.Buffer: no error
			b.length += int64(len(out))
			cur, prev = prev, cur
		}
		// A sync flush ends the band on a byte boundary without ending
		// the stream, so the bands' streams join into one.
		zw.Flush()
		b.adler = sum.Sum32()
		e.results <- b
	}
}

// convert turns a row of the painter's RGBA pixels into the PNG's pixels:
// RGB, or RGBA with straight alpha, computed from premultiplied pixels as
// image/png does.
func (e *encoder) convert(dst, src []byte) {
	switch {
	case e.opaque:
		dropAlpha(dst, src)
		return
	case e.straight:
		copy(dst, src)
		return
	}
	for len(src) >= 4 && len(dst) >= 4 {
		d, s := (*[4]byte)(dst), (*[4]byte)(src)
		switch s[3] {
		case 0:
			*d = [4]byte{}
		case 0xff:
			*d = *s
		default:
			// 0x101 widens to 16 bits, 0xffff undoes the premultiplying
			// with the division by alpha (as color.NRGBAModel does).
			const m = 0x101 * 0xffff
			a := uint32(s[3]) * 0x101
			d[0] = uint8((uint32(s[0]) * m / a) >> 8)
			d[1] = uint8((uint32(s[1]) * m / a) >> 8)
			d[2] = uint8((uint32(s[2]) * m / a) >> 8)
			d[3] = s[3]
		}
		dst, src = dst[4:], src[4:]
	}
}

// dropAlpha writes the RGB of src's RGBA pixels to dst. Four pixels at a
// time, in two words, it is three times as fast as byte by byte.
func dropAlpha(dst, src []byte) {
	n := min(len(src)/4, len(dst)/3)
	i := 0
	for ; i+4 <= n; i += 4 {
		s := src[4*i : 4*i+16 : 4*i+16]
		d := dst[3*i : 3*i+12 : 3*i+12]
		p01 := binary.LittleEndian.Uint64(s[0:])
		p23 := binary.LittleEndian.Uint64(s[8:])
		// RGB of pixels 0 and 1, and R and G of pixel 2; then B of pixel
		// 2 and RGB of pixel 3.
		binary.LittleEndian.PutUint64(d[0:], p01&0xffffff|(p01>>32&0xffffff)<<24|(p23&0xffff)<<48)
		binary.LittleEndian.PutUint32(d[8:], uint32(p23>>16&0xff)|uint32(p23>>32&0xffffff)<<8)
	}
	for ; i < n; i++ {
		dst[3*i], dst[3*i+1], dst[3*i+2] = src[4*i], src[4*i+1], src[4*i+2]
	}
}

// chunkWriter writes PNG chunks and keeps the first error.
type chunkWriter struct {
	w   io.Writer
	err error
}

func (c *chunkWriter) write(p []byte) {
	if c.err == nil {
		_, c.err = c.w.Write(p)
	}
}

// chunk writes a chunk: its length, type, data and the CRC of the type
// and data.
func (c *chunkWriter) chunk(typ string, data []byte) {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, data)
	c.write(head[:])
	c.write(data)
	c.write(binary.BigEndian.AppendUint32(nil, crc))
}
