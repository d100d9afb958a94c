package mathx

import (
	"math"
	"math/rand/v2"
	"testing"
)

func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

// Round is math.Round on the edges (halves, the last float below a half,
// signed zeros, the limits of exact integers, infinities, NaN) and on
// random numbers of every size.
func TestRoundIsMathRound(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
		math.Nextafter(0.5, 1), math.Nextafter(1.5, 0), 1 << 52, 1<<52 - 0.5, -(1<<52 - 0.5), 1 << 53, 1<<53 + 2,
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 79.95 * 10, 0.05 * 1000}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		xs = append(xs, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(40)-10)))
		// Numbers near a half, as scores times ten are.
		n := float64(rng.IntN(2_000_000) - 1_000_000)
		xs = append(xs, n+0.5, math.Nextafter(n+0.5, n), math.Nextafter(n+0.5, n+1), float64(rng.IntN(1_000_000))/1000*1000)
	}
	for _, x := range xs {
		if got, want := Round(x), math.Round(x); !same(got, want) {
			t.Fatalf("Round(%v) = %v, math.Round %v", x, got, want)
		}
	}
}

func BenchmarkRound(b *testing.B) {
	x, s := 0.0, 0.0
	for b.Loop() {
		s += Round(x)
		x += 0.37
	}
	_ = s
}

func BenchmarkMathRound(b *testing.B) {
	x, s := 0.0, 0.0
	for b.Loop() {
		s += math.Round(x)
		x += 0.37
	}
	_ = s
}
