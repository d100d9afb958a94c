package report

import (
	"sync/atomic"
	"unsafe"
)

// JSONCache holds the quoted JSON form of the strings that results share —
// the rubric's names, advice, goals, sections, stage names — so that a batch
// quotes each once and then copies it. A string is known by where its bytes
// are and its length, not by its content: a look-up is one load and two
// compares, cheaper than looking at the string. That is sound because an
// entry holds the string itself, so its bytes stay where they are and
// unchanged (Go strings are immutable) for as long as the entry lasts.
//
// A string is taken in the second time it is met missing from its set
// (one met once, like a text built for one result, only leaves a note of
// where it was), into a fixed table of two-way sets that later strings
// may take over: the cache never holds more than 2*cacheSets strings of at
// most maxCachedLen bytes, whatever it is fed. It is safe for concurrent
// use; a batch makes one for its run and drops it with the run.
type JSONCache struct {
	sets  []cacheSet
	heads []headSet
	shift uint
}

// cacheSet holds two strings, the one taken in last first.
type cacheSet struct {
	e    [2]atomic.Pointer[quoted]
	seen atomic.Uintptr // where the last string that missed here was
}

// quoted is a string and its JSON form, quotes included.
type quoted struct {
	s, q string
}

const (
	cacheBits    = 11
	cacheSets    = 1 << cacheBits
	maxCachedLen = 1 << 10
)

// NewJSONCache returns an empty cache.
func NewJSONCache() *JSONCache { return newJSONCache(cacheBits) }

func newJSONCache(bits uint) *JSONCache {
	return &JSONCache{sets: make([]cacheSet, 1<<bits), heads: make([]headSet, 1<<bits), shift: 64 - bits}
}

// str appends s quoted.
func (jc *JSONCache) str(b []byte, s string) []byte {
	if jc == nil || len(s) > maxCachedLen {
		return appendString(b, s)
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	set := &jc.sets[(uint64(p)^uint64(len(s)))*0x9E3779B97F4A7C15>>jc.shift]
	e0 := set.e[0].Load()
	if e0 != nil && len(e0.s) == len(s) && unsafe.StringData(e0.s) == unsafe.StringData(s) {
		return append(b, e0.q...)
	}
	if e := set.e[1].Load(); e != nil && len(e.s) == len(s) && unsafe.StringData(e.s) == unsafe.StringData(s) {
		return append(b, e.q...)
	}
	n := len(b)
	b = appendString(b, s)
	if set.seen.Load() != p {
		set.seen.Store(p)
		return b
	}
	// The string before it moves to the second place, and the one there
	// goes. (A reader between the two stores may miss either: it quotes
	// the string itself.)
	set.e[1].Store(e0)
	set.e[0].Store(&quoted{s: s, q: string(b[n:])})
	return b
}

// field appends a key (`,"name":`) and its value.
func (jc *JSONCache) field(b []byte, key, val string) []byte {
	return jc.str(append(b, key...), val)
}

// ids appends a list of strings under key (`,"levels":[`), nothing when
// the list is empty.
func (jc *JSONCache) ids(b []byte, key string, ids []string) []byte {
	if len(ids) == 0 {
		return b
	}
	b = append(b, key...)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = jc.str(b, id)
	}
	return append(b, ']')
}

// The start of an element of a result's lists (a gap's id, name, category
// and kind; a step's id and name; a rung's target and name) is the same
// keys and the same rubric texts for every result that has it: a head is
// that start, quoted once and then copied whole, one look-up instead of
// one for each text and an append for each key (measured: encoding a
// generated profile's result, 43.5k -> 39.5k instructions). Heads are
// known, like strings,
// by where their texts' bytes are, and taken in the same way.
type headKind uint8

const (
	headCategory headKind = iota
	headGap
	headStep
	headRung
)

// headKeys are the keys of each kind of head, before each of its texts.
var headKeys = [...][4]string{
	headCategory: {`{"id":`, `,"name":`},
	headGap:      {`{"id":`, `,"name":`, `,"category":`, `,"kind":`},
	headStep:     {`{"id":`, `,"name":`},
	headRung:     {`{"target":`, `,"name":`},
}

// headSet holds two heads, the one taken in last first, as cacheSet.
type headSet struct {
	e    [2]atomic.Pointer[quotedHead]
	seen atomic.Uintptr
}

// quotedHead is a head's texts and its JSON.
type quotedHead struct {
	kind headKind
	v    [4]string
	q    string
}

func sameString(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}

// head appends the head of kind with texts v (those past its keys empty).
func (jc *JSONCache) head(b []byte, kind headKind, v0, v1, v2, v3 string) []byte {
	keys := &headKeys[kind]
	v := [4]string{v0, v1, v2, v3}
	if jc == nil {
		for i, k := range keys {
			if k != "" {
				b = appendString(append(b, k...), v[i])
			}
		}
		return b
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(v0)))
	set := &jc.heads[(uint64(p)^uint64(len(v0))^uint64(kind)<<56)*0x9E3779B97F4A7C15>>jc.shift]
	e0 := set.e[0].Load()
	for _, e := range [2]*quotedHead{e0, set.e[1].Load()} {
		if e != nil && e.kind == kind && sameString(e.v[0], v0) && sameString(e.v[1], v1) &&
			sameString(e.v[2], v2) && sameString(e.v[3], v3) {
			return append(b, e.q...)
		}
	}
	n := len(b)
	for i, k := range keys {
		if k != "" {
			b = jc.str(append(b, k...), v[i])
		}
	}
	if len(b)-n > maxCachedLen || set.seen.Load() != p {
		set.seen.Store(p)
		return b
	}
	set.e[1].Store(e0)
	set.e[0].Store(&quotedHead{kind: kind, v: v, q: string(b[n:])})
	return b
}
