package assess

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Each order sortKey gives is the order of the comparison it replaced,
// ties kept in their place, on random lists full of ties; longer lists go
// through slices, shorter ones through the insertion sort.
func TestSortKeysAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	impacts := []float64{0, math.Copysign(0, -1), 0.1, 0.3, 1.25, 1.25 + 1e-12, 7, 12.5, 40}
	ids := []string{"a", "b", "ba", "c-1", "c1", "z"}
	idRank := []int{0, 1, 2, 3, 4, 5} // ids sorted
	pick := func(xs []float64) float64 { return xs[rng.IntN(len(xs))] }
	check := func(name string, n int, want, got []int) {
		t.Helper()
		if !slices.Equal(want, got) {
			t.Fatalf("%s (%d elements): sortKey order %v, comparison %v", name, n, got, want)
		}
	}
	for round := range 3000 {
		n := rng.IntN(8)
		if round%10 == 0 {
			n = insertionMax + rng.IntN(40) // past the insertion sort
		}
		steps := make([]pstep, n)
		for k := range steps {
			steps[k] = pstep{class: rng.IntN(5), end: rng.IntN(6), start: rng.IntN(6), impact: pick(impacts),
				set: rng.IntN(len(ids)), keep: rng.IntN(2) == 0}
		}
		efforts := []float64{1, 4, 4, 12.5}
		idx := func() []int {
			out := make([]int, n)
			for k := range out {
				out[k] = k
			}
			return out
		}

		// markToReady's candidates.
		want, got := idx(), idx()
		slices.SortStableFunc(want, func(a, b int) int {
			pa, pb := &steps[a], &steps[b]
			return cmp.Or(cmp.Compare(pb.class, pa.class), cmp.Compare(pb.end, pa.end), cmp.Compare(pa.impact, pb.impact))
		})
		sortIdx(nil, got, func(k int) sortKey { return candKey(&steps[k]) })
		check("candidates", n, want, got)

		// A plan's certificates (set picks the effort).
		want, got = idx(), idx()
		slices.SortStableFunc(want, func(x, y int) int {
			px, py := &steps[x], &steps[y]
			if c := cmp.Compare(px.class, py.class); c != 0 {
				return c
			}
			wx, wy := efforts[px.set%len(efforts)], efforts[py.set%len(efforts)]
			return cmp.Compare(py.impact/wy, px.impact/wx)
		})
		sortIdx(nil, got, func(k int) sortKey {
			return heldKey(steps[k].class, steps[k].impact, efforts[steps[k].set%len(efforts)])
		})
		check("certificates", n, want, got)

		// Gaps (class as the rank, set as the id).
		want, got = idx(), idx()
		slices.SortStableFunc(want, func(a, b int) int {
			pa, pb := &steps[a], &steps[b]
			return cmp.Or(cmp.Compare(pa.class, pb.class), cmp.Compare(pb.impact, pa.impact), strings.Compare(ids[pa.set], ids[pb.set]))
		})
		sortIdx(nil, got, func(k int) sortKey { return gapOrder(steps[k].class, steps[k].impact, idRank[steps[k].set]) })
		check("gaps", n, want, got)

		// The plan a person reads.
		want, got = idx(), idx()
		slices.SortStableFunc(want, func(a, b int) int {
			pa, pb := &steps[a], &steps[b]
			if pa.keep != pb.keep {
				if pa.keep {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(pa.start, pb.start), cmp.Compare(pa.class, pb.class), cmp.Compare(pb.impact, pa.impact),
				strings.Compare(ids[pa.set], ids[pb.set]))
		})
		sortIdx(nil, got, func(k int) sortKey {
			ps := &steps[k]
			return groupKey(ps.keep, ps.start, ps.class, ps.impact, idRank[ps.set])
		})
		check("plan", n, want, got)
	}
}

// up and down order every float as cmp.Compare does (NaN aside), -0 and
// 0 alike; upInt and downInt every int.
func TestSortWords(t *testing.T) {
	fs := []float64{math.Inf(-1), -1e300, -2.5, -1, -math.SmallestNonzeroFloat64, math.Copysign(0, -1), 0,
		math.SmallestNonzeroFloat64, 1e-9, 0.1, 1, 1 + 1e-15, 2.5, 1e300, math.Inf(1)}
	for _, x := range fs {
		for _, y := range fs {
			if got, want := cmp.Compare(up(x), up(y)), cmp.Compare(x, y); got != want {
				t.Errorf("up(%g) vs up(%g): %d, want %d", x, y, got, want)
			}
			if got, want := cmp.Compare(down(x), down(y)), cmp.Compare(y, x); got != want {
				t.Errorf("down(%g) vs down(%g): %d, want %d", x, y, got, want)
			}
		}
	}
	is := []int{math.MinInt, -5, -1, 0, 1, 7, math.MaxInt}
	for _, x := range is {
		for _, y := range is {
			if got, want := cmp.Compare(upInt(x), upInt(y)), cmp.Compare(x, y); got != want {
				t.Errorf("upInt(%d) vs upInt(%d): %d, want %d", x, y, got, want)
			}
			if got, want := cmp.Compare(downInt(x), downInt(y)), cmp.Compare(y, x); got != want {
				t.Errorf("downInt(%d) vs downInt(%d): %d, want %d", x, y, got, want)
			}
		}
	}
}
