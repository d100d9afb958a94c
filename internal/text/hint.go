package text

import "unicode/utf8"

// maxHintLen bounds the strings a did-you-mean hint is sought for: ids are
// short, and comparing a megabyte-long key costs seconds.
const maxHintLen = 128

// DidYouMean is " (did you mean X?)" when X in candidates is a likely typo
// of s, else "": the one way every message suggests a near-miss.
func DidYouMean(s string, candidates []string) string {
	if near, ok := Nearest(s, candidates); ok {
		return " (did you mean " + near + "?)"
	}
	return ""
}

// Nearest returns the candidate closest to s by edit distance when it is close
// enough to be a likely typo, for "did you mean" hints.
//
// Its cost is bounded whatever s is: a hint is only sought for s of at most
// maxHintLen characters, and a candidate whose length differs from s by more
// than the distance allowed is never compared.
func Nearest(s string, candidates []string) (string, bool) {
	if len(s) > maxHintLen {
		return "", false
	}
	limit := max(1, utf8.RuneCountInString(s)/4)
	best, bestD := "", -1
	for _, c := range candidates {
		if diff := utf8.RuneCountInString(c) - utf8.RuneCountInString(s); diff > limit || -diff > limit || len(c) > maxHintLen {
			continue
		}
		d := editDistance(s, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > limit {
		return "", false
	}
	return best, true
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbours that turn a into b (optimal string alignment): "fromat" is one
// swap from "format".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
