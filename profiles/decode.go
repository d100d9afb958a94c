package profiles

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/skillgap/skillgap/internal/scale"
	"github.com/skillgap/skillgap/internal/text"
)

// decodeHand decodes the usual shape of a one-line JSON profile several
// times faster than the JSON v2 decoder: the keys of the format, strings
// without escapes, plain numbers. It gives exactly what decodeFast gives
// for what it accepts (FuzzHandDecoderAgrees holds that); for anything else
// (an escape, an unknown key, a duplicate, an exponent, invalid UTF-8) it
// says false and decodeFast reads the record. Ids are interned: a batch
// repeats the same few dozen.
func decodeHand(data []byte) (*Profile, handFacts, bool) {
	d := decoders.Get().(*handDecoder)
	defer decoders.Put(d)
	return d.decode(data)
}

// decode is decodeHand with d, which keeps what it learns of one record's
// keys for the next.
func (d *handDecoder) decode(data []byte) (*Profile, handFacts, bool) {
	d.data, d.i, d.facts = data, 0, handFacts{levelsInRange: true}
	p := &Profile{}
	if !d.profile(p) {
		return nil, handFacts{}, false
	}
	return p, d.facts, true
}

// handFacts is what the hand decoder learnt of a record it accepted, which
// parseFast would otherwise look for again: it took no escape, no line
// break and no literal but numbers.
type handFacts struct {
	high          bool // a text holds a byte from 0x7f (DEL, or not ASCII)
	levelsInRange bool // every skill level is within the scale's
	revision      bool // rubric_revision is given
	updated       bool // updated is given
}

var decoders = sync.Pool{New: func() any { return newHandDecoder() }}

func newHandDecoder() *handDecoder { return &handDecoder{ids: map[string]string{}} }

// handDecoder reads one record; ids interns keys and ids across records.
type handDecoder struct {
	data  []byte
	i     int
	ids   map[string]string
	facts handFacts
	// nskills is the number of skills of the last record: the size of the
	// next one's map, as a batch's records answer the same rubric.
	nskills int
	// The keys of the last record's objects, in order: the next record most
	// likely has the same (see keyCache).
	topKeys, expKeys, skillKeys, evidenceKeys keyCache
	list                                      []string // scratch for strings
}

// keyCache holds the keys of one object of the last record, in order, and
// which of them are plain ASCII (text.PlainPrefix). A record of a batch
// most likely has the same keys in the same places: then a key's bytes are
// compared with the last record's at once, rather than read one by one
// (raw) and looked up (intern). What raw would learn of a plain key
// (nothing to note, nothing to refuse) is known. Measured: 290 -> 60
// instructions a key; the keys were a fifth of decoding a generated
// profile.
type keyCache struct {
	keys  []string
	plain []bool
}

// maxCachedKeys bounds a keyCache.
const maxCachedKeys = 256

// key reads the k-th key of an object, interned.
func (d *handDecoder) key(c *keyCache, k int) (string, bool) {
	d.space()
	if k < len(c.keys) && c.plain[k] {
		id := c.keys[k]
		if end := d.i + len(id) + 2; end <= len(d.data) && d.data[d.i] == '"' && d.data[end-1] == '"' && string(d.data[d.i+1:end-1]) == id {
			d.i = end
			return id, true
		}
	}
	b, ok := d.raw()
	if !ok {
		return "", false
	}
	if k < len(c.keys) && c.keys[k] == string(b) {
		return c.keys[k], true
	}
	id := d.intern(b)
	plain := text.PlainPrefix(id, true) == len(id)
	switch {
	case k < len(c.keys):
		c.keys[k], c.plain[k] = id, plain
	case k == len(c.keys) && k < maxCachedKeys:
		c.keys = append(c.keys, id)
		c.plain = append(c.plain, plain)
	}
	return id, true
}

// members reads an object whose keys c caches, calling member after each
// key.
func (d *handDecoder) members(c *keyCache, member func(key string) bool) bool {
	if !d.next('{') {
		return false
	}
	if d.next('}') {
		return true
	}
	for k := 0; ; k++ {
		key, ok := d.key(c, k)
		if !ok || !d.next(':') || !member(key) {
			return false
		}
		if !d.next(',') {
			return d.next('}')
		}
	}
}

// maxInterned bounds the ids a handDecoder keeps: a batch has a few dozen.
const maxInterned = 4096

func (d *handDecoder) space() {
	for d.i < len(d.data) && (d.data[d.i] == ' ' || d.data[d.i] == '\t') {
		d.i++
	}
}

// next skips spaces and reports whether the next byte is c, consuming it.
func (d *handDecoder) next(c byte) bool {
	d.space()
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *handDecoder) peek() byte {
	d.space()
	if d.i < len(d.data) {
		return d.data[d.i]
	}
	return 0
}

// raw reads a string with no escapes and returns its bytes.
func (d *handDecoder) raw() ([]byte, bool) {
	if !d.next('"') {
		return nil, false
	}
	start, ascii := d.i, true
	d.i += text.PlainPrefix(d.data[d.i:], true)
	for d.i < len(d.data) {
		c := d.data[d.i]
		switch {
		case c == '"':
			s := d.data[start:d.i]
			d.i++
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			return s, true
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
			d.facts.high = true
		case c == 0x7f:
			d.facts.high = true
		}
		d.i++
	}
	return nil, false
}

func (d *handDecoder) str() (string, bool) {
	b, ok := d.raw()
	return string(b), ok
}

// id reads a string that is likely repeated across records.
func (d *handDecoder) id() (string, bool) {
	b, ok := d.raw()
	if !ok {
		return "", false
	}
	return d.intern(b), true
}

func (d *handDecoder) intern(b []byte) string {
	if s, ok := d.ids[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.ids) < maxInterned {
		d.ids[s] = s
	}
	return s
}

// number reads a plain JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?
func (d *handDecoder) number() ([]byte, bool) {
	d.space()
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
		d.i++
	}
	if d.i == digits || (d.data[digits] == '0' && d.i-digits > 1) {
		return nil, false
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		frac := d.i
		for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
			d.i++
		}
		if d.i == frac {
			return nil, false
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		return nil, false
	}
	return d.data[start:d.i], true
}

// int reads an integer of at most nine digits.
func (d *handDecoder) int() (int, bool) {
	// Most are one digit (a skill's level), read at once.
	d.space()
	if i := d.i; i+1 < len(d.data) {
		if c, next := d.data[i], d.data[i+1]; c >= '0' && c <= '9' && (next == ',' || next == '}' || next == ']') {
			d.i = i + 1
			return int(c - '0'), true
		}
	}
	b, ok := d.number()
	if !ok || len(b) > 10 {
		return 0, false
	}
	n, neg := 0, false
	for k, c := range b {
		switch {
		case c == '-' && k == 0:
			neg = true
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
		default:
			return 0, false // a fraction: not an int
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

func (d *handDecoder) float() (float64, bool) {
	b, ok := d.number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil
}

func (d *handDecoder) strings() ([]string, bool) {
	if !d.next('[') {
		return nil, false
	}
	if d.next(']') {
		return []string{}, true
	}
	// Gathered in the decoder's scratch list, then copied once at their
	// number.
	list := d.list[:0]
	defer func() { clear(list); d.list = list[:0] }()
	for {
		s, ok := d.id()
		if !ok {
			return nil, false
		}
		list = append(list, s)
		if d.next(',') {
			continue
		}
		if !d.next(']') {
			return nil, false
		}
		return slices.Clone(list), true
	}
}

// Bits of the top-level keys seen, to refuse a duplicate as JSON v2 does.
const (
	keyVersion = 1 << iota
	keyName
	keyRubric
	keyRevision
	keyTarget
	keyExperience
	keyEducation
	keyCertifications
	keySkills
	keyEvidence
	keyUpdated
)

func (d *handDecoder) profile(p *Profile) bool {
	seen := 0
	once := func(bit int) bool {
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	}
	ok := d.members(&d.topKeys, func(key string) bool {
		var ok bool
		switch key {
		case "version":
			p.Version, ok = d.int()
			return ok && once(keyVersion)
		case "name":
			p.Name, ok = d.str()
			return ok && once(keyName)
		case "rubric":
			p.Rubric, ok = d.id()
			return ok && once(keyRubric)
		case "rubric_revision":
			p.RubricRevision, ok = d.int()
			d.facts.revision = true
			return ok && once(keyRevision)
		case "target":
			p.Target, ok = d.id()
			return ok && once(keyTarget)
		case "experience":
			return once(keyExperience) && d.experience(&p.Experience)
		case "education":
			p.Education, ok = d.strings()
			return ok && once(keyEducation)
		case "certifications":
			p.Certifications, ok = d.strings()
			return ok && once(keyCertifications)
		case "skills":
			return once(keySkills) && d.skills(p)
		case "evidence":
			return once(keyEvidence) && d.evidence(p)
		case "updated":
			p.Updated, ok = d.id()
			d.facts.updated = true
			return ok && once(keyUpdated)
		}
		return false
	})
	d.space()
	return ok && d.i == len(d.data)
}

func (d *handDecoder) experience(e *Experience) bool {
	*e = Experience{}
	seen := 0
	return d.members(&d.expKeys, func(key string) bool {
		y, ok := d.float()
		if !ok {
			return false
		}
		switch key {
		case scale.FieldITYears:
			e.ITYears = y
			return seen&1 == 0 && set(&seen, 1)
		case scale.FieldManagementYears:
			e.ManagementYears = y
			return seen&2 == 0 && set(&seen, 2)
		}
		id := key
		if !scale.ValidFieldID(id) {
			return false
		}
		if _, dup := e.Other[id]; dup {
			return false
		}
		e.Set(id, y)
		return true
	})
}

func set(seen *int, bit int) bool {
	*seen |= bit
	return true
}

func (d *handDecoder) skills(p *Profile) bool {
	m := make(map[string]int, max(d.nskills, 8))
	p.Skills = m
	var na []string
	member := func(id string) bool {
		if containsID(na, id) {
			return false
		}
		if d.peek() == '"' {
			v, ok := d.raw()
			if _, dup := m[id]; dup || !ok || string(v) != NotApplicableValue {
				return false
			}
			na = append(na, id)
			return true
		}
		lvl, ok := d.int()
		if lvl < scale.MinLevel || lvl > scale.TopLevel {
			d.facts.levelsInRange = false
		}
		n := len(m)
		m[id] = lvl
		return ok && len(m) > n // not a duplicate
	}
	ok := d.members(&d.skillKeys, member)
	p.NotApplicable = na
	d.nskills = len(m)
	return ok
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func (d *handDecoder) evidence(p *Profile) bool {
	m := map[string]string{}
	p.Evidence = m
	return d.members(&d.evidenceKeys, func(key string) bool {
		if _, dup := m[key]; dup {
			return false
		}
		v, ok := d.str()
		m[key] = v
		return ok
	})
}
