package pngstream

// adlerMod is the Adler-32 modulus, the largest prime below 2^16.
const adlerMod = 65521

// adler32Combine is the Adler-32 of a followed by b, given the checksums of
// a and of b and the length of b: bands are checksummed on the goroutines
// that compress them, and the zlib trailer needs the checksum of them all.
// It is zlib's adler32_combine.
func adler32Combine(adlerA, adlerB uint32, lenB int64) uint32 {
	rem := uint64(lenB % adlerMod)
	a1, b1 := uint64(adlerA&0xffff), uint64(adlerA>>16)
	a2, b2 := uint64(adlerB&0xffff), uint64(adlerB>>16)
	// Every byte of b adds the running sum of a's bytes (a1 - 1 past the
	// initial 1) to the second sum once; the +mod terms keep it positive.
	sum1 := a1 + a2 + adlerMod - 1
	sum2 := (rem*a1)%adlerMod + b1 + b2 + adlerMod - rem
	sum1 %= adlerMod
	sum2 %= adlerMod
	return uint32(sum2<<16 | sum1)
}
