package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// Nearest returns the candidate closest to s when it is close enough to be a
// likely slip, for "did you mean" hints. Case and punctuation do not count:
// "CISSP" finds cissp, "ITIL Foundation" itil-foundation, "CompTIA A+"
// comptia-a-plus; past that, a few typed letters may differ (edit distance
// of a third of the length, at least one).
//
// Its cost is bounded whatever s is: a hint is only sought for s of at most
// maxHintLen characters, and a candidate whose length differs from s by more
// than the distance allowed is never compared.
func Nearest(s string, candidates []string) (string, bool) {
	if len(s) > maxHintLen {
		return "", false
	}
	key := Fold(s)
	limit := max(1, utf8.RuneCountInString(key)/3)
	best, bestD := "", -1
	for _, c := range candidates {
		if len(c) > maxHintLen {
			continue
		}
		fc := Fold(c)
		if fc == key {
			return c, true
		}
		if diff := utf8.RuneCountInString(fc) - utf8.RuneCountInString(key); diff > limit || -diff > limit {
			continue
		}
		d := editDistance(key, fc)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > limit {
		return "", false
	}
	return best, true
}

// Fold is the form in which two spellings of an id compare equal: lower
// case, "+" spelled "plus", and every run of spaces, dashes, underscores,
// dots and other punctuation one dash ("ITIL Foundation", "itil_foundation"
// and "itil-foundation" are one id; "--Traget" is "traget").
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		if r == '+' {
			if b.Len() > 0 {
				dash = true
			}
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteString("plus")
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash {
				b.WriteByte('-')
				dash = false
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = b.Len() > 0
	}
	return b.String()
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
