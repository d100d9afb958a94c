package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
)

// hostile are strings that need escaping, or look as if they might.
var hostile = []string{
	"", "a", "Alex", `quote " back\slash`, "tab\tnew\nline\r", "ctrl \x00\x01\x1f\x7f", "<b>&amp;</b> <script>",
	"ünï 東京 😀", "sep \u2028 \u2029", "bad \xff byte \xc3", "csi \u009b2J osc \u009d rlo \u202e end",
	strings.Repeat("long plain text ", 200), strings.Repeat("long <&> \u2028 \x01 text ", 120),
	strings.Repeat("x", maxCachedLen), strings.Repeat("y", maxCachedLen+1),
}

// cachedTwins encodes res with each cache and checks each against
// encoding/json; called again with the same caches it checks the strings
// they have taken in.
func checkCached(t *testing.T, res *assess.Result, what string, caches ...*JSONCache) {
	t.Helper()
	want := encodingJSON(res)
	for _, jc := range caches {
		if got := jc.AppendJSON(nil, res); !bytes.Equal(got, want) {
			t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
		}
	}
}

// Results encoded with a cache are the bytes encoding/json writes, for every
// rubric of testdata and the built-in ones, at every stage, with the cache
// fresh, warm, and so small that every string fights for its one slot.
func TestJSONCacheMatchesEncodingJSON(t *testing.T) {
	var rubrics []*rubric.Rubric
	for _, id := range rubric.BuiltinIDs() {
		r, err := rubric.Builtin(id)
		if err != nil {
			t.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	paths, _ := filepath.Glob("../testdata/rubrics/*.yaml")
	for _, path := range paths {
		r, err := rubric.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	if len(rubrics) < 5 {
		t.Fatalf("only %d rubrics", len(rubrics))
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, r := range rubrics {
		big, one := NewJSONCache(), newJSONCache(0)
		for n := range 25 {
			p := awkwardProfile(rng, r, hostile[n%len(hostile)], hostile[(n+5)%len(hostile)], n%3)
			for _, target := range r.StageIDs() {
				res, err := assess.Score(r, p, target)
				if err != nil {
					t.Fatal(err)
				}
				for range 3 {
					checkCached(t, res, r.ID+" "+target, big, one)
				}
			}
		}
	}
}

// hostileResult puts strings in every field a cache quotes, some of them
// the same string at different lengths (the same bytes, so the same place).
func hostileResult(ss ...string) *assess.Result {
	at := func(i int) string { return ss[i%len(ss)] }
	long := strings.Join(ss, "|")
	res := &assess.Result{Version: 1, Name: at(0), File: at(1), Line: 3, Rubric: at(2), Target: at(3), TargetName: at(4),
		Readiness: 12.5, Verdict: at(5), TimeToReadyWeeks: -1,
		Unanswered: []string{at(6), long}, Omitted: []string{long[:len(long)/2], at(7)}, NotApplicable: []string{at(8)}, Levels: ss}
	for i := range ss {
		res.Categories = append(res.Categories, assess.CategoryScore{ID: at(i), Name: at(i + 1), Score: 0.1, Weight: 1e-7})
		res.Gaps = append(res.Gaps, assess.Gap{ID: at(i + 2), Name: at(i), Category: at(i + 3), Kind: at(i + 4), Have: 1.25, Need: 3,
			Hard: true, HardNeed: 2, Impact: 1e21, NextStep: long[:len(long)*i/len(ss)], Section: at(i + 5), Indicators: ss[i:]})
		res.Strengths = append(res.Strengths, assess.Strength{ID: at(i + 6), Have: 123456789, Need: 0.5})
		res.NextSteps = append(res.NextSteps, assess.Step{ID: at(i), Name: at(i + 7), Action: long, Goal: at(i + 8), EffortWeeks: i,
			Impact: 2.5, Waits: i%2 == 0, ToReady: true, StartWeek: i, EndWeek: 2 * i, From: 1, To: 4})
		res.Ladder = append(res.Ladder, assess.Rung{Target: at(i + 9), Name: at(i + 10), Readiness: 99.9, Verdict: at(i + 11), TimeToReadyWeeks: i})
	}
	return res
}

func TestJSONCacheHostileStrings(t *testing.T) {
	big, one, two := NewJSONCache(), newJSONCache(0), newJSONCache(1)
	res := hostileResult(hostile...)
	for range 3 {
		checkCached(t, res, "hostile", nil, big, one, two)
	}
	if n := len(big.entries()); n < 10 {
		t.Errorf("the cache took in %d strings", n)
	}
	// The same bytes at another length.
	s := strings.Repeat("abc<\u2028\x01", 40)
	for range 3 {
		for k := len(s); k >= 0; k -= 7 {
			checkCached(t, hostileResult(s[:k], s[k/2:]), "prefixes", big, one)
		}
	}
}

// entries returns the strings the cache holds.
func (jc *JSONCache) entries() []*quoted {
	var out []*quoted
	for i := range jc.sets {
		for w := range jc.sets[i].e {
			if e := jc.sets[i].e[w].Load(); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// The cache never holds more than two strings a set, of at most
// maxCachedLen bytes.
func TestJSONCacheBounded(t *testing.T) {
	jc := newJSONCache(3)
	var buf []byte
	kept := make([]string, 0, 5000)
	for i := range 5000 {
		s := strings.Repeat(string(rune('a'+i%26)), 1+i%(2*maxCachedLen))
		kept = append(kept, s)
		for range 2 {
			buf = jc.str(buf[:0], s)
		}
	}
	entries := jc.entries()
	if len(entries) != 16 {
		t.Errorf("%d entries in 8 sets of 2", len(entries))
	}
	for _, e := range entries {
		if len(e.s) > maxCachedLen {
			t.Errorf("holds %d bytes", len(e.s))
		}
	}
}

// Goroutines sharing a cache (a small one, so that they fight over slots)
// each write what encoding/json writes; go test -race checks the sharing.
func TestJSONCacheConcurrent(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(3, 4))
	var results []*assess.Result
	var wants [][]byte
	for n := range 24 {
		p := testkit.RandomProfile(rng, r)
		p.Name = hostile[n%len(hostile)]
		for _, target := range r.StageIDs()[:2] {
			res, err := assess.Score(r, p, target)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, res)
			wants = append(wants, encodingJSON(res))
		}
	}
	results = append(results, hostileResult(hostile...))
	wants = append(wants, encodingJSON(results[len(results)-1]))
	for _, jc := range []*JSONCache{NewJSONCache(), newJSONCache(3)} {
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				var buf []byte
				for k := range 20 * len(results) {
					i := (k*7 + g) % len(results)
					if buf = jc.AppendJSON(buf[:0], results[i]); !bytes.Equal(buf, wants[i]) {
						t.Errorf("result %d:\n got %s\nwant %s", i, buf, wants[i])
						return
					}
				}
			})
		}
		wg.Wait()
	}
}

// Any strings, in every field the cache quotes, encode as encoding/json
// writes them, fresh and warm.
func FuzzJSONCache(f *testing.F) {
	for i := range hostile {
		f.Add(hostile[i], hostile[(i+1)%len(hostile)], hostile[(i+2)%len(hostile)])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		big, one := NewJSONCache(), newJSONCache(0)
		res := hostileResult(a, b, c, a+b, b[len(b)/2:])
		for range 3 {
			checkCached(t, res, "fuzz", nil, big, one)
		}
	})
}

// appendNum writes what encoding/json writes: decimals of one to three
// places the way most scores are, and any other float.
func TestAppendNumMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	nums := []float64{0, math.Copysign(0, -1), 1, -1, 0.001, 0.005, 0.125, 0.1 + 0.2, 1e11 - 0.001, 1e11, 1e11 + 0.5, 99999999999.999,
		1e12, 1e15 + 0.125, 1e21, 1e-7, 5e-324, math.MaxFloat64, 123.456, 100.0, 999.999, 1000, 1000.001}
	for range 200000 {
		switch rng.IntN(5) {
		case 0:
			nums = append(nums, float64(rng.IntN(1_000_000))/1000)
		case 1:
			nums = append(nums, float64(rng.Int64N(1e15))/float64([]int{1, 10, 100, 1000, 10000}[rng.IntN(5)]))
		case 2:
			nums = append(nums, rng.Float64()*math.Pow(10, float64(rng.IntN(30)-10)))
		case 3:
			nums = append(nums, -float64(rng.IntN(100000))/100)
		default:
			if f := math.Float64frombits(rng.Uint64()); !math.IsNaN(f) && !math.IsInf(f, 0) {
				nums = append(nums, f)
			}
		}
	}
	for _, f := range nums {
		want, _ := json.Marshal(f)
		if got := appendNum(nil, f); !bytes.Equal(got, want) {
			t.Fatalf("appendNum(%v) = %s, want %s", f, got, want)
		}
	}
	for _, n := range []int{0, 9, 10, 99, 100, 999, 1000, 1001, -1, -10, -999, math.MaxInt, math.MinInt} {
		if got, want := string(appendInt(nil, n)), strconv.Itoa(n); got != want {
			t.Errorf("appendInt(%d) = %s", n, got)
		}
	}
}

// A gap or step taken into the cache is copied only for one that is the
// same in every field: changing any one field, whatever it is (the test
// walks them all, so a field added later is tried too), gives the bytes
// encoding/json writes, not the cached object's, from a cache of one set
// where both meet.
func TestObjCacheSeesEveryField(t *testing.T) {
	gap := assess.Gap{ID: "networking", Name: "Networks", Category: "technical", Kind: "skill", Have: 1, Need: 3,
		Blocking: true, Hard: true, HardNeed: 2, Impact: 2.5, NextStep: "Take the tickets.", Section: "Skills",
		Indicators: []string{"Configures a switch", "Reads a capture"}}
	step := assess.Step{ID: "networking", Name: "Networks", Action: "Take the tickets.", Goal: "level 3", EffortWeeks: 40,
		Impact: 2.5, Waits: true, ToReady: true, StartWeek: 12, EndWeek: 52, From: 1, To: 3}
	result := func(v any) *assess.Result {
		res := &assess.Result{Version: 1, Gaps: []assess.Gap{}, Categories: []assess.CategoryScore{},
			Strengths: []assess.Strength{}, NextSteps: []assess.Step{}, Ladder: []assess.Rung{}}
		switch v := v.(type) {
		case assess.Gap:
			res.Gaps = append(res.Gaps, v)
		case assess.Step:
			res.NextSteps = append(res.NextSteps, v)
		}
		return res
	}
	for _, base := range []any{gap, step} {
		typ := reflect.TypeOf(base)
		for f := range typ.NumField() {
			changed := reflect.New(typ).Elem()
			changed.Set(reflect.ValueOf(base))
			fv := changed.Field(f)
			switch fv.Kind() {
			case reflect.String:
				fv.SetString(strings.Clone(fv.String() + "x"))
			case reflect.Float64:
				fv.SetFloat(fv.Float() + 0.5)
			case reflect.Int:
				fv.SetInt(fv.Int() + 1)
			case reflect.Bool:
				fv.SetBool(!fv.Bool())
			case reflect.Slice:
				fv.Set(reflect.Append(reflect.ValueOf(slices.Clone(fv.Interface().([]string))), reflect.ValueOf("Plans a change")))
			default:
				t.Fatalf("%s.%s: a %s; teach this test (and its same function) to change it", typ.Name(), typ.Field(f).Name, fv.Kind())
			}
			jc := newJSONCache(0)
			for _, v := range []any{base, base, base, changed.Interface()} {
				checkCached(t, result(v), typ.Name()+" with "+typ.Field(f).Name+" changed", jc)
			}
		}
	}
}

// A caller that writes over a gap's list of indicators after encoding it
// gets the new list written, not the one the cache first saw: an entry
// holds a list of its own (strings cannot change, a list can).
func TestObjCacheKeepsItsOwnLists(t *testing.T) {
	jc := NewJSONCache()
	ind := []string{"Configures a switch"}
	res := &assess.Result{Version: 1, Gaps: []assess.Gap{{ID: "net", Name: "Networks", Category: "technical", Kind: "skill",
		Have: 1, Need: 3, Impact: 2.5, NextStep: "Take the tickets.", Indicators: ind}},
		Categories: []assess.CategoryScore{}, Strengths: []assess.Strength{}, NextSteps: []assess.Step{}, Ladder: []assess.Rung{}}
	for range 3 {
		checkCached(t, res, "before", jc)
	}
	ind[0] = "Reads a packet capture"
	checkCached(t, res, "after the list is written over", jc)
}
