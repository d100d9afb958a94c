package report

import (
	"strings"
	"unicode"

	"github.com/skillgap/skillgap/internal/text"
)

// A page's SVG has no script to measure its text, so the charts estimate
// widths, on the wide side, to keep every label inside its chart and off its
// neighbours. asciiTenths are the advances of DejaVu Sans at 12px, in tenths
// of a pixel rounded up (measured in Chromium, where system-ui falls back to
// it on Linux): it is wider than Segoe UI, San Francisco, Roboto or Noto
// Sans, the fonts system-ui names elsewhere. A flat 6.6px a character falls
// short of it for names with capitals or m and w ("Programming language
// fluency" is 188px, 6.7 a character).
var asciiTenths = [95]uint8{
	39, 49, 56, 101, 77, 115, 94, 33, 47, 47, 60, 101, 39, 44, 39, 41, // space to /
	77, 77, 77, 77, 77, 77, 77, 77, 77, 77, 41, 41, 101, 101, 101, 64, // 0 to ?
	120, 83, 83, 84, 93, 76, 70, 93, 91, 36, 36, 79, 67, 104, 90, 95, // @ to O
	73, 95, 84, 77, 74, 88, 83, 119, 83, 74, 83, 47, 41, 47, 101, 60, // P to _
	60, 74, 77, 66, 77, 74, 43, 77, 77, 34, 34, 70, 34, 117, 77, 74, // ` to o
	77, 77, 50, 63, 48, 77, 72, 99, 72, 72, 63, 77, 41, 77, 101, // p to ~
}

const (
	// fontSize is the charts' text size (svg text in style.html.tmpl).
	fontSize = 12.0
	// boldFactor covers bold type: DejaVu Sans Bold is at most a quarter
	// wider than the regular face, glyph for glyph (i, l, f).
	boldFactor = 1.25
	// widthSlack is kept for hinting and rounding.
	widthSlack = 1.03
)

// textWidth is the estimated width in pixels of s set at size px, bold or
// not. Other characters than ASCII count a full em (accented capitals, CJK
// and emoji are at most about that), combining marks nothing.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= ' ' && r <= '~':
			w += float64(asciiTenths[r-' ']) / 10
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		default:
			w += fontSize
		}
	}
	w *= size / fontSize * widthSlack
	if bold {
		w *= boldFactor
	}
	return w
}

// chartText is s as a chart shows it: control characters made visible as
// the page makes them (text.CleanHTML, so the width is that of the shown
// text), runs of white space as one space, as SVG renders them.
func chartText(s string) string {
	return strings.Join(strings.Fields(text.CleanHTML(s)), " ")
}

// fitText shortens s, if it is wider than maxW, to the longest start that
// fits with an ellipsis. The caller puts the whole text in a <title>.
func fitText(s string, maxW, size float64, bold bool) string {
	s = chartText(s)
	if textWidth(s, size, bold) <= maxW {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if t := strings.TrimRight(string(r[:n]), " ,;:-–(") + "…"; textWidth(t, size, bold) <= maxW {
			return t
		}
	}
	return "…"
}

// wrapText breaks s at spaces into at most maxLines lines no wider than
// maxW; a word wider than a line, or text left over, is cut with an
// ellipsis.
func wrapText(s string, maxW, size float64, maxLines int) []string {
	words := strings.Fields(chartText(s))
	var lines []string
	for i := 0; i < len(words); {
		if len(lines) == maxLines-1 {
			// The last line takes the rest, shortened if it must be.
			return append(lines, fitText(strings.Join(words[i:], " "), maxW, size, false))
		}
		line := words[i]
		i++
		for i < len(words) && textWidth(line+" "+words[i], size, false) <= maxW {
			line += " " + words[i]
			i++
		}
		lines = append(lines, fitText(line, maxW, size, false))
	}
	return lines
}

// widest is the width of the widest of texts.
func widest(texts []string, size float64, bold bool) float64 {
	w := 0.0
	for _, t := range texts {
		w = max(w, textWidth(t, size, bold))
	}
	return w
}
