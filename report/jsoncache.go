package report

import (
	"math"
	"slices"
	"sync/atomic"
	"unsafe"

	"github.com/skillgap/skillgap/assess"
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
	gaps  []objSet[assess.Gap]
	steps []objSet[assess.Step]
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
	return &JSONCache{sets: make([]cacheSet, 1<<bits), heads: make([]headSet, 1<<bits), gaps: make([]objSet[assess.Gap], 1<<bits),
		steps: make([]objSet[assess.Step], 1<<bits), shift: 64 - bits}
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

// A gap, or a step of a plan, is the same for every profile that has the
// same one (the same item, as much of it, at the same rung; the same step
// at the same weeks), so it repeats from result to result: its object is
// quoted once and then copied whole, known by all of its fields (texts by
// where their bytes are, as strings are), one look-up and a copy instead
// of a dozen fields written one by one. Measured on 2,000 generated
// profiles, instructions a profile for score --format json: gaps 172k ->
// 164k, steps 164k -> 156k (0.96 and 0.94 of the CPU, 9 pairs of 100,000).
// A cache holds at most two objects a set, of at most maxCachedLen bytes.

// objSet holds two objects, the one taken in last first, as cacheSet; seen
// is the hash of the last object that missed here.
type objSet[T any] struct {
	e    [2]atomic.Pointer[quotedObj[T]]
	seen atomic.Uint64
}

type quotedObj[T any] struct {
	v T
	q string
}

// cachedObj appends v's object, written by write, from sets: h hashes
// some of v's fields, same compares all of them, keep copies what of v
// the caller may change (its lists) for an entry to hold.
func cachedObj[T any](jc *JSONCache, sets []objSet[T], b []byte, v *T, h uint64, same func(a, b *T) bool,
	write func(*JSONCache, []byte, *T) []byte, keep func(T) T) []byte {
	set := &sets[h*0x9E3779B97F4A7C15>>jc.shift]
	e0 := set.e[0].Load()
	if e0 != nil && same(&e0.v, v) {
		return append(b, e0.q...)
	}
	if e := set.e[1].Load(); e != nil && same(&e.v, v) {
		return append(b, e.q...)
	}
	n := len(b)
	b = write(jc, b, v)
	if len(b)-n > maxCachedLen || set.seen.Load() != h {
		set.seen.Store(h)
		return b
	}
	set.e[1].Store(e0)
	set.e[0].Store(&quotedObj[T]{v: keep(*v), q: string(b[n:])})
	return b
}

func ptrOf(s string) uint64 { return uint64(uintptr(unsafe.Pointer(unsafe.StringData(s)))) }

func sameNum(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// sameGap reports whether a and b are the same gap: the same texts (at
// the same place), numbers (bit for bit) and flags.
// TestObjCacheSeesEveryField fails when Gap gains a field this does not
// compare.
func sameGap(a, b *assess.Gap) bool {
	return sameString(a.ID, b.ID) && sameString(a.Name, b.Name) && sameString(a.Category, b.Category) &&
		sameString(a.Kind, b.Kind) && sameNum(a.Have, b.Have) && sameNum(a.Need, b.Need) &&
		a.Blocking == b.Blocking && a.Hard == b.Hard && sameNum(a.HardNeed, b.HardNeed) && a.Preferred == b.Preferred &&
		sameNum(a.Impact, b.Impact) && sameString(a.NextStep, b.NextStep) && sameString(a.Section, b.Section) &&
		sameStrings(a.Indicators, b.Indicators)
}

// sameStep is sameGap for steps.
func sameStep(a, b *assess.Step) bool {
	return sameString(a.ID, b.ID) && sameString(a.Name, b.Name) && sameString(a.Action, b.Action) &&
		sameString(a.Goal, b.Goal) && a.EffortWeeks == b.EffortWeeks && sameNum(a.Impact, b.Impact) &&
		a.Waits == b.Waits && a.ToReady == b.ToReady && a.StartWeek == b.StartWeek && a.EndWeek == b.EndWeek &&
		sameNum(a.From, b.From) && sameNum(a.To, b.To)
}

// sameStrings reports whether a and b are the same list: the same length
// and the same strings at the same place.
func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameString(a[i], b[i]) {
			return false
		}
	}
	return true
}

// gap appends g's object.
func (jc *JSONCache) gap(b []byte, g *assess.Gap) []byte {
	if jc == nil {
		return jc.appendGap(b, g)
	}
	h := ptrOf(g.ID) ^ math.Float64bits(g.Have) ^ math.Float64bits(g.Impact)<<1 ^ math.Float64bits(g.Need)<<2
	return cachedObj(jc, jc.gaps, b, g, h, sameGap, (*JSONCache).appendGap, keepGap)
}

// keepGap is g as an entry holds it: a list of its own, so that a caller
// writing over the list it gave (strings cannot change, a list can)
// cannot change what the entry is known by.
func keepGap(g assess.Gap) assess.Gap {
	g.Indicators = slices.Clone(g.Indicators)
	return g
}

// step appends s's object.
func (jc *JSONCache) step(b []byte, s *assess.Step) []byte {
	if jc == nil {
		return jc.appendStep(b, s)
	}
	h := ptrOf(s.ID) ^ uint64(s.StartWeek)<<20 ^ uint64(s.EndWeek)<<36 ^ math.Float64bits(s.Impact) ^ math.Float64bits(s.From)<<3
	return cachedObj(jc, jc.steps, b, s, h, sameStep, (*JSONCache).appendStep, func(s assess.Step) assess.Step { return s })
}
