package assess

import (
	"math"
	"slices"
)

// A score sorts a handful of short lists (gaps, plan steps, certificates)
// for every profile. Sorting them with a comparison that looks up steps and
// items, compares floats with cmp and ids as strings was a twentieth of a
// score's instructions; sortKey orders by three unsigned words worked out
// once per element, which compare in a few instructions, and an insertion
// sort keeps equal keys in their order, as SortStableFunc does. Each use has
// the comparison it replaced as its twin in a test (TestSortKeysAgree).
type sortKey struct {
	a, b, c uint64
	k       int // the element's index before sorting
}

func (x *sortKey) before(y *sortKey) bool {
	if x.a != y.a {
		return x.a < y.a
	}
	if x.b != y.b {
		return x.b < y.b
	}
	return x.c < y.c
}

// insertionMax is the length from which sortKeys leaves the work to
// slices: insertion sort's n² compares stay below a merge sort's up to
// about that many elements.
const insertionMax = 48

// sortKeys sorts ks by (a, b, c), keeping equal keys in their order.
func sortKeys(ks []sortKey) {
	if len(ks) > insertionMax {
		slices.SortStableFunc(ks, func(x, y sortKey) int {
			switch {
			case x.before(&y):
				return -1
			case y.before(&x):
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(ks); i++ {
		// Shift the keys after ks[i] up one place, then put it down: one
		// write a place rather than a swap.
		x := ks[i]
		j := i
		for ; j > 0 && x.before(&ks[j-1]); j-- {
			ks[j] = ks[j-1]
		}
		ks[j] = x
	}
}

// up is f as a word that sorts as f does, -0 as 0 (cmp.Compare's order
// for numbers that are not NaN).
func up(f float64) uint64 {
	if f == 0 {
		f = 0
	}
	b := math.Float64bits(f)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// down is f as a word that sorts as -f does.
func down(f float64) uint64 { return ^up(f) }

// upInt and downInt are n as words that sort as n and -n do.
func upInt(n int) uint64   { return uint64(n) ^ 1<<63 }
func downInt(n int) uint64 { return ^upInt(n) }

// sortIdx sorts idx stably by key (each element's key worked out once),
// in keys' memory, which it returns for reuse.
func sortIdx(keys []sortKey, idx []int, key func(k int) sortKey) []sortKey {
	keys = keys[:0]
	for _, k := range idx {
		kk := key(k)
		kk.k = k
		keys = append(keys, kk)
	}
	sortKeys(keys)
	for n := range keys {
		idx[n] = keys[n].k
	}
	return keys
}

// The orders, each with its twin in TestSortKeysAgree.

// heldKey orders the certificates and degrees of a plan: hard, then
// required, then preferred; most readiness per week of study first.
func heldKey(class int, impact, effort float64) sortKey {
	return sortKey{a: upInt(class), b: down(impact / effort)}
}

// candKey orders the steps markToReady tries to drop: the latest class,
// the latest end, the least readiness first.
func candKey(ps *pstep) sortKey {
	return sortKey{a: downInt(ps.class), b: downInt(ps.end), c: up(ps.impact)}
}

// gapOrder orders gaps: what blocks, then what else keeps from ready,
// then what moves readiness most, preferred last; then by id.
func gapOrder(rank int, impact float64, idRank int) sortKey {
	return sortKey{a: upInt(rank), b: down(impact), c: uint64(idRank)}
}

// groupKey orders the plan a person reads: the steps to ready first, then
// by start week (never negative), class, most readiness, id.
func groupKey(keep bool, start, class int, impact float64, idRank int) sortKey {
	beyond := uint64(0)
	if !keep {
		beyond = 1
	}
	return sortKey{a: beyond<<63 | uint64(start)<<8 | uint64(class), b: down(impact), c: uint64(idRank)}
}
