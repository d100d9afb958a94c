package profiles

import (
	"bytes"
	"errors"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/skillgap/skillgap/internal/scale"
)

var fastOptions = json.JoinOptions(json.RejectUnknownMembers(true))

// parseFast decodes a JSON profile about ten times faster than the YAML path
// that gives line numbers. It accepts only what Parse accepts; anything it
// doubts (including every error) goes to Parse, which says exactly what is
// wrong and where.
func parseFast(rec Record) (*Profile, bool) {
	data := rec.Data
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	// Only one-line records: a multi-line file goes the slow way, which keeps
	// the line of every key for later messages.
	// A carriage return is a line break to the YAML reader, even between
	// JSON tokens: such a record goes the slow way too.
	if i == len(data) || data[i] != '{' {
		return nil, false
	}
	// The usual shape is read by hand; it takes no line break, escape or
	// literal but numbers (so no null), and of what is looked for below,
	// only unusual characters are left to look for.
	fp, facts, hand := decodeHand(data)
	if hand {
		if (facts.high && !yamlPrintable(data)) || !facts.levelsInRange ||
			(fp.RubricRevision == 0 && facts.revision) || (fp.Updated == "" && facts.updated) {
			return nil, false
		}
		return fp.checked(rec)
	}
	if bytes.IndexByte(data, '\n') >= 0 || bytes.IndexByte(data, '\r') >= 0 || bytes.Contains(data, []byte("null")) {
		return nil, false
	}
	// The same model the slow path fills: the JSON v2 decoder reads the
	// profile's json tags, and rejects duplicate keys and invalid UTF-8.
	fp, ok := decodeFast(data, false)
	if !ok && bytes.Contains(data, []byte(`"experience"`)) {
		// Experience fields besides the standard two, which the plain
		// decoding refuses as unknown: read the experience as a mapping.
		fp, ok = decodeFast(data, true)
	}
	if !ok {
		return nil, false
	}
	if !bytes.Contains(data, []byte(`"version"`)) {
		return nil, false
	}
	for _, lvl := range fp.Skills {
		if lvl < scale.MinLevel || lvl > scale.TopLevel {
			return nil, false
		}
	}
	// Anything unusual (a NUL in a text; the escape \/, which JSON allows
	// and the YAML reader refuses) goes the slow way, which says what is wrong.
	if bytes.Contains(data, []byte(`\u0000`)) || bytes.Contains(data, []byte(`\/`)) || !yamlPrintable(data) {
		return nil, false
	}
	if fp.RubricRevision == 0 && bytes.Contains(data, []byte(`"rubric_revision"`)) {
		return nil, false
	}
	// An empty date is refused by Parse, which says so.
	if fp.Updated == "" && bytes.Contains(data, []byte(`"updated"`)) {
		return nil, false
	}
	return fp.checked(rec)
}

// checked makes the checks of parseFast that the decoders leave, and
// finishes the profile of record rec.
func (fp *Profile) checked(rec Record) (*Profile, bool) {
	slices.Sort(fp.NotApplicable)
	if fp.Version != FormatVersion {
		return nil, false
	}
	e := fp.Experience
	if !yearsInRange(e.ITYears) || !yearsInRange(e.ManagementYears) {
		return nil, false
	}
	for _, y := range e.Other {
		if !yearsInRange(y) {
			return nil, false
		}
	}
	if hasDuplicate(fp.Education) || hasDuplicate(fp.Certifications) {
		return nil, false
	}
	if fp.RubricRevision < 0 || fp.RubricRevision > 1000 {
		return nil, false
	}
	if fp.Updated != "" {
		if _, err := time.Parse("2006-01-02", fp.Updated); err != nil {
			return nil, false
		}
	}
	p := fp
	p.Version, p.Experience, p.File = FormatVersion, e, rec.Source
	p.fillEmpty()
	// The record is one line: every key is on it.
	p.base = max(rec.Line, 1) - 1
	p.oneLine = true
	return p, true
}

// decodeFast decodes data into a new profile; false for anything the JSON
// v2 decoder refuses. With otherFields, the experience is read as a mapping
// of field ids to years (readExperience); without, only the standard fields
// are, which is faster.
func decodeFast(data []byte, otherFields bool) (*Profile, bool) {
	fp := &Profile{}
	var readers []*json.Unmarshalers
	if otherFields {
		readers = append(readers, json.UnmarshalFunc(readExperience))
	}
	if bytes.Contains(data, []byte(`"n/a"`)) {
		// Skills answered n/a: the skills are read one by one, and any
		// value but a level or "n/a" goes the slow way.
		readers = append(readers, json.UnmarshalFunc(func(b []byte, skills *map[string]int) error {
			return fp.readSkills(b, skills)
		}))
	}
	opts := fastOptions
	if len(readers) > 0 {
		opts = json.JoinOptions(fastOptions, json.WithUnmarshalers(json.JoinUnmarshalers(readers...)))
	}
	if err := json.Unmarshal(data, fp, opts); err != nil {
		return nil, false
	}
	return fp, true
}

func yearsInRange(y float64) bool { return y >= 0 && y <= scale.MaxYears }

// readExperience reads the experience object: the standard fields into
// their own, every other into Other. An id Parse refuses, or a value that
// is not a number, goes the slow way.
func readExperience(b []byte, e *Experience) error {
	var m map[string]float64
	if err := json.Unmarshal(b, &m, fastOptions); err != nil {
		return err
	}
	*e = Experience{}
	for id, y := range m {
		if !scale.ValidFieldID(id) {
			return errNotAField
		}
		e.Set(id, y)
	}
	return nil
}

// errNotAField sends an experience key the slow way, which says what is wrong.
var errNotAField = errors.New("not an experience field")

// readSkills reads the skills object of a profile that answers some of them
// n/a: levels into skills, the n/a ones into p.NotApplicable (unsorted).
func (p *Profile) readSkills(b []byte, skills *map[string]int) error {
	var raw map[string]jsontext.Value
	if err := json.Unmarshal(b, &raw, fastOptions); err != nil {
		return err
	}
	m := make(map[string]int, len(raw))
	for id, v := range raw {
		if v.Kind() == '"' {
			var s string
			if err := json.Unmarshal(v, &s, fastOptions); err != nil {
				return err
			}
			if s != NotApplicableValue {
				return errNotALevel
			}
			p.NotApplicable = append(p.NotApplicable, id)
			continue
		}
		var lvl int
		if err := json.Unmarshal(v, &lvl, fastOptions); err != nil {
			return err
		}
		m[id] = lvl
	}
	*skills = m
	return nil
}

// errNotALevel sends a skill's value the slow way, which says what is wrong.
var errNotALevel = errors.New("not a level")

// yamlPrintable reports whether data holds only characters the YAML reader
// takes as they are: no DEL, C1 control (but NEL) or U+FFFE/U+FFFF, which
// JSON allows unescaped in a string.
func yamlPrintable(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if (r >= 0x80 && r <= 0x9f && r != 0x85) || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

func hasDuplicate(ids []string) bool {
	if len(ids) < 2 {
		return false
	}
	if len(ids) < 16 {
		for i := range ids {
			if slices.Contains(ids[i+1:], ids[i]) {
				return true
			}
		}
		return false
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return true
		}
		seen[id] = true
	}
	return false
}
