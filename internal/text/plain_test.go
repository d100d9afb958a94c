package text

import (
	"math/rand/v2"
	"testing"
)

// PlainPrefix stops exactly where a byte-by-byte look stops, on strings
// made of plain bytes with one or two others anywhere, DEL or not.
func TestPlainPrefixAgreesByteByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	odd := []byte{0, 0x1f, '"', '\\', 0x7f, 0x80, 0xc3, 0xff, ' ', '~', '!', '#', '[', ']'}
	for range 200000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = byte(0x20 + rng.IntN(0x5f))
		}
		for range rng.IntN(3) {
			if len(b) > 0 {
				b[rng.IntN(len(b))] = odd[rng.IntN(len(odd))]
			}
		}
		for _, del := range []bool{false, true} {
			want := 0
			for want < len(b) {
				c := b[want]
				if c < 0x20 || c == '"' || c == '\\' || c >= 0x80 || (del && c == 0x7f) {
					break
				}
				want++
			}
			if got := PlainPrefix(b, del); got != want {
				t.Fatalf("PlainPrefix(%q, %v) = %d, want %d", b, del, got, want)
			}
			if got := PlainPrefix(string(b), del); got != want {
				t.Fatalf("PlainPrefix(string %q, %v) = %d, want %d", b, del, got, want)
			}
		}
	}
}
