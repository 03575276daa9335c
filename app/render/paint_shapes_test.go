package render

import (
	"image"
	"testing"
)

// The cache of big shapes keeps only big masks, gives back the very mask
// it was given for the same shape at the same scale (and none at another
// scale), and never holds more than its bound.
func TestShapeCacheKeepsBigShapesWithinItsBound(t *testing.T) {
	side := 512 // 1 MiB a mask, over bigShapeBytes
	c := shapeCache{max: 3 << 20}
	mask := func() *image.RGBA { return image.NewRGBA(image.Rect(0, 0, side, side)) }
	key := func(w float32, scale float32) rasterKey { return rasterKey{shapeKey{kind: 'c', w: w, h: w}, scale} }

	small := image.NewRGBA(image.Rect(0, 0, 16, 16))
	c.put(key(8, 2), small)
	if c.get(key(8, 2)) != nil {
		t.Error("a dot's mask was kept: only big shapes are worth keeping")
	}

	ring := mask()
	c.put(key(1000, 2), ring)
	if got := c.get(key(1000, 2)); got != ring {
		t.Fatal("the ring's mask is not given back")
	}
	if c.get(key(1000, 1)) != nil {
		t.Error("a mask made at 2× is given for 1×")
	}

	for i := range 10 {
		c.put(key(float32(2000+i), 2), mask())
		if c.bytes > c.max {
			t.Fatalf("after %d masks the cache holds %d bytes, over its bound %d", i+2, c.bytes, c.max)
		}
	}
	held := 0
	for _, r := range c.raws {
		held += len(r.Pix)
	}
	if held != c.bytes {
		t.Errorf("the cache counts %d bytes but holds %d", c.bytes, held)
	}
}
