package pngstream

import (
	"image"
	"testing"
)

// FuzzEncode encodes images of any small size, in bands of any height, on
// a few workers, from any pixel bytes (premultiplied or not, so the
// un-premultiplying is tried on values no painter makes too), and checks
// that they decode to what image/png gives for the same image.RGBA. The
// filter byte's high bit paints the bytes as straight alpha instead
// (EncodeNRGBA): they must decode to themselves.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint8(0), uint8(1), false, uint8(0), []byte{1, 2, 3, 4})
	f.Add(uint8(0), uint8(0), uint8(1), uint8(0), true, uint8(0), []byte{})
	f.Add(uint8(30), uint8(17), uint8(4), uint8(3), false, uint8(ftPaeth), []byte{0, 0, 0, 0, 200, 100, 50, 201, 255, 255, 255, 255, 9, 9, 9, 128})
	f.Add(uint8(63), uint8(63), uint8(0), uint8(2), true, uint8(ftAdaptive), []byte("flat flat flat flat text"))
	f.Add(uint8(9), uint8(40), uint8(3), uint8(2), false, uint8(0x80), []byte{10, 20, 30, 1, 0, 0, 0, 0, 99, 98, 97, 254})
	f.Fuzz(func(t *testing.T, w, h, band, workers uint8, opaque bool, filter uint8, pix []byte) {
		src := image.NewRGBA(image.Rect(0, 0, 1+int(w)%64, 1+int(h)%64))
		for i := range src.Pix {
			switch {
			case opaque && i%4 == 3:
				src.Pix[i] = 0xff
			case len(pix) > 0:
				src.Pix[i] = pix[i%len(pix)]
			}
		}
		opt := Options{Opaque: opaque, BandHeight: int(band) % 70, Workers: int(workers) % 4, filter: int(filter&0x7f)%7 - 1}
		if filter&0x80 != 0 {
			got := encodeNRGBA(t, (*image.NRGBA)(src), opt)
			decodesAs(t, got, opaque)
			decodesTo(t, got, (*image.NRGBA)(src))
			return
		}
		got := encodeImage(t, src, opt)
		decodeSame(t, got, src)
		decodesAs(t, got, opaque)
	})
}
