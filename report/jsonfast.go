package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/mathx"
	"github.com/skillgap/skillgap/internal/text"
)

// AppendJSON appends res as one line of JSON, the same bytes encoding/json
// writes with SetEscapeHTML(false) followed by text.EscapeJSON
// (TestAppendJSONMatchesEncodingJSON holds that). Batch scoring writes
// thousands of results a second, and reflection was half its time; this is
// about four times faster. A batch passes a JSONCache to quote the rubric's
// texts once rather than for every result: (*JSONCache).AppendJSON.
func AppendJSON(b []byte, res *assess.Result) []byte {
	return (*JSONCache)(nil).AppendJSON(b, res)
}

// AppendJSON is the package's AppendJSON quoting the strings results share
// (the rubric's texts) from the cache; jc may be nil.
func (jc *JSONCache) AppendJSON(b []byte, res *assess.Result) []byte {
	b = append(b, `{"version":`...)
	b = appendInt(b, res.Version)
	b = appendString(append(b, `,"name":`...), res.Name)
	if res.File != "" {
		b = appendString(append(b, `,"file":`...), res.File)
	}
	if res.Line != 0 {
		b = appendInt(append(b, `,"line":`...), res.Line)
	}
	b = jc.field(b, `,"rubric":`, res.Rubric)
	b = jc.field(b, `,"target":`, res.Target)
	b = jc.field(b, `,"target_name":`, res.TargetName)
	b = appendNum(append(b, `,"readiness":`...), res.Readiness)
	b = jc.field(b, `,"verdict":`, res.Verdict)
	b = append(b, `,"categories":[`...)
	for i, c := range res.Categories {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.head(b, headCategory, c.ID, c.Name, "", "")
		b = appendNum(append(b, `,"score":`...), c.Score)
		b = appendNum(append(b, `,"weight":`...), c.Weight)
		b = append(b, '}')
	}
	b = append(b, `],"gaps":[`...)
	for i := range res.Gaps {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.gap(b, &res.Gaps[i])
	}
	b = append(b, `],"strengths":[`...)
	for i, s := range res.Strengths {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.str(append(b, `{"id":`...), s.ID)
		b = appendNum(append(b, `,"have":`...), s.Have)
		b = appendNum(append(b, `,"need":`...), s.Need)
		b = append(b, '}')
	}
	b = append(b, `],"next_steps":[`...)
	for i := range res.NextSteps {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.step(b, &res.NextSteps[i])
	}
	b = appendInt(append(b, `],"time_to_ready_weeks":`...), res.TimeToReadyWeeks)
	b = append(b, `,"ladder":[`...)
	for i, r := range res.Ladder {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.head(b, headRung, r.Target, r.Name, "", "")
		b = appendNum(append(b, `,"readiness":`...), r.Readiness)
		b = jc.field(b, `,"verdict":`, r.Verdict)
		b = strconv.AppendBool(append(b, `,"blocking":`...), r.Blocking)
		b = appendInt(append(b, `,"time_to_ready_weeks":`...), r.TimeToReadyWeeks)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = jc.ids(b, `,"unanswered":[`, res.Unanswered)
	b = jc.ids(b, `,"omitted":[`, res.Omitted)
	b = jc.ids(b, `,"not_applicable":[`, res.NotApplicable)
	b = jc.ids(b, `,"levels":[`, res.Levels)
	if res.Explain != nil {
		// Rare and small: the reflective encoder writes it.
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res.Explain); err == nil {
			b = append(b, `,"explain":`...)
			b = append(b, text.EscapeJSON(bytes.TrimRight(buf.Bytes(), "\n"))...)
		}
	}
	return append(b, "}\n"...)
}

// appendGap appends a gap's object.
func (jc *JSONCache) appendGap(b []byte, g *assess.Gap) []byte {
	b = jc.head(b, headGap, g.ID, g.Name, g.Category, g.Kind)
	b = appendNum(append(b, `,"have":`...), g.Have)
	b = appendNum(append(b, `,"need":`...), g.Need)
	b = strconv.AppendBool(append(b, `,"blocking":`...), g.Blocking)
	b = strconv.AppendBool(append(b, `,"hard":`...), g.Hard)
	if g.HardNeed != 0 {
		b = appendNum(append(b, `,"hard_need":`...), g.HardNeed)
	}
	b = strconv.AppendBool(append(b, `,"preferred":`...), g.Preferred)
	b = appendNum(append(b, `,"impact":`...), g.Impact)
	b = jc.field(b, `,"next_step":`, g.NextStep)
	if g.Section != "" {
		b = jc.field(b, `,"section":`, g.Section)
	}
	b = jc.ids(b, `,"indicators":[`, g.Indicators)
	return append(b, '}')
}

// appendStep appends a step's object.
func (jc *JSONCache) appendStep(b []byte, s *assess.Step) []byte {
	b = jc.head(b, headStep, s.ID, s.Name, "", "")
	b = jc.field(b, `,"action":`, s.Action)
	if s.Goal != "" {
		b = jc.field(b, `,"goal":`, s.Goal)
	}
	b = appendInt(append(b, `,"effort_weeks":`...), s.EffortWeeks)
	b = appendNum(append(b, `,"impact":`...), s.Impact)
	if s.Waits {
		b = append(b, `,"waits":true`...)
	}
	b = strconv.AppendBool(append(b, `,"to_ready":`...), s.ToReady)
	b = appendInt(append(b, `,"start_week":`...), s.StartWeek)
	b = appendInt(append(b, `,"end_week":`...), s.EndWeek)
	b = appendNum(append(b, `,"from":`...), s.From)
	b = appendNum(append(b, `,"to":`...), s.To)
	return append(b, '}')
}

// appendIDs appends a list of ids (or other strings) as an optional field:
// nothing when empty.
func appendIDs(b []byte, key string, ids []string) []byte {
	if len(ids) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':', '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, id)
	}
	return append(b, ']')
}

func appendField(b []byte, key, val string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return appendString(b, val)
}

// appendNum formats a float as encoding/json does.
func appendNum(b []byte, f float64) []byte {
	// Scores are rounded to one, two or three decimals: when f is the
	// double nearest such a number (of at most 14 digits, so that no other
	// decimal as short or shorter is nearer), strconv's shortest form is
	// its digits. -0 is left to strconv: encoding/json writes it "-0".
	if f > 0 && f < 1e11 || f == 0 && !math.Signbit(f) {
		// Whole numbers (levels, weeks, needs) are most of them.
		if n := uint64(f); float64(n) == f {
			return appendUint(b, n)
		}
		if r := mathx.Round(f * 1000); r/1000 == f {
			n := uint64(r)
			b = appendUint(b, n/1000)
			if frac := n % 1000; frac != 0 {
				d := [4]byte{'.', byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
				k := 4
				for d[k-1] == '0' {
					k--
				}
				b = append(b, d[:k]...)
			}
			return b
		}
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		b = strconv.AppendFloat(b, f, 'e', -1, 64)
		// encoding/json writes 1e-07 as 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendInt appends n in decimal, the small ones without strconv.
func appendInt(b []byte, n int) []byte {
	if n >= 0 {
		return appendUint(b, uint64(n))
	}
	return strconv.AppendInt(b, int64(n), 10)
}

func appendUint(b []byte, n uint64) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendUint(b, n, 10)
}

const hexDigits = "0123456789abcdef"

// plain marks the bytes that need no escaping (printable ASCII but " and \).
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainPrefix is how many bytes at the start of s need no escaping.
func plainPrefix(s string) int { return text.PlainPrefix(s, false) }

// appendString quotes s as encoding/json does without HTML escaping.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	i := plainPrefix(s)
	if i == len(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i < len(s) {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				// encoding/json writes these two short since Go 1.22.
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if text.IsUnsafe(r) {
			// Escaped, as text.EscapeJSON does after encoding/json: the
			// value is the same, and safe to print.
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
