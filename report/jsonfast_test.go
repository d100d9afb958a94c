package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/internal/text"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

func encodingJSON(res *assess.Result) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		panic(err)
	}
	return text.EscapeJSON(buf.Bytes())
}

// awkwardProfile is a random profile of r with the given name, file and
// line, some skills left out and some marked n/a (omitted and
// not_applicable in the JSON).
func awkwardProfile(rng *rand.Rand, r *rubric.Rubric, name, file string, line int) *profiles.Profile {
	p := testkit.RandomProfile(rng, r)
	p.Name, p.File, p.RecordLine = name, file, line
	for _, id := range r.IDsOfKind(rubric.KindSkill, "") {
		switch rng.IntN(8) {
		case 0:
			delete(p.Skills, id)
		case 1:
			delete(p.Skills, id)
			p.NotApplicable = append(p.NotApplicable, id)
		}
	}
	return p
}

// The hand-written encoder writes exactly what encoding/json writes, for
// random profiles at every rung and for awkward names.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(7, 8))
	names := []string{"", "Alex", `quote " back\slash`, "tab\tnew\nline\r", "ctrl \x01\x1f", "backspace \b form feed \f", "<b>&amp;</b>", "ünï 東京 😀", "sep \u2028 \u2029", "bad \xff byte", "csi \u009b2J osc \u009d rlo \u202e end"}
	seen := map[bool]int{}
	for n := range 300 {
		p := awkwardProfile(rng, r, names[n%len(names)], names[(n+3)%len(names)], n%3)
		for _, target := range r.StageIDs() {
			res, err := assess.Score(r, p, target)
			if err != nil {
				t.Fatal(err)
			}
			seen[len(res.Unanswered) > 0]++
			seen[len(res.Omitted) > 0 && len(res.NotApplicable) > 0]++
			want := encodingJSON(res)
			if got := AppendJSON(nil, res); !bytes.Equal(got, want) {
				t.Fatalf("profile %d at %s:\n got %s\nwant %s", n, target, got, want)
			}
		}
	}
	if seen[true] < 100 {
		t.Errorf("only %d results with unanswered, or with both omitted and not_applicable, skills", seen[true])
	}
	for _, f := range []float64{0, 1, -1, 0.1, 1e-7, 1.5e-7, 123456789, 1e21, 1e22, 12.25} {
		want, _ := json.Marshal(f)
		if got := appendNum(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendNum(%v) = %s, want %s", f, got, want)
		}
	}
}

func BenchmarkAppendJSON(b *testing.B) {
	res := buildReport(b, "Alex", false).Result
	var buf []byte
	for b.Loop() {
		buf = AppendJSON(buf[:0], res)
	}
}

func BenchmarkAppendJSONCached(b *testing.B) {
	res := buildReport(b, "Alex", false).Result
	jc := NewJSONCache()
	var buf []byte
	for b.Loop() {
		buf = jc.AppendJSON(buf[:0], res)
	}
}

func BenchmarkEncodingJSON(b *testing.B) {
	res := buildReport(b, "Alex", false).Result
	for b.Loop() {
		encodingJSON(res)
	}
}

// plainPrefix, eight bytes at a time, stops where the byte-by-byte table
// says escaping starts (or a little before, never after).
func TestPlainPrefixAgreesWithTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("abc XYZ09~\x7f\"\\\x00\x1f\x20\x80\xff\xc3\xa9")
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			if rng.IntN(6) == 0 {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				b[i] = byte('a' + rng.IntN(26))
			}
		}
		slow := 0
		for slow < len(b) && plain[b[slow]] {
			slow++
		}
		if got := plainPrefix(string(b)); got != slow {
			t.Fatalf("plainPrefix(%q) = %d, want %d", b, got, slow)
		}
	}
}

// compactSlow is AppendCompactJSON's slow twin: the same object built of Go
// values and written by encoding/json.
func compactSlow(res *assess.Result) []byte {
	type object struct {
		Version          int      `json:"version"`
		Name             string   `json:"name"`
		File             string   `json:"file,omitempty"`
		Line             int      `json:"line,omitempty"`
		Rubric           string   `json:"rubric"`
		Target           string   `json:"target"`
		Readiness        float64  `json:"readiness"`
		Verdict          string   `json:"verdict"`
		TimeToReadyWeeks int      `json:"time_to_ready_weeks"`
		Categories       [][]any  `json:"categories"`
		Gaps             [][]any  `json:"gaps"`
		NextSteps        [][]any  `json:"next_steps"`
		ToReady          int      `json:"to_ready"`
		Ladder           [][]any  `json:"ladder"`
		Unanswered       []string `json:"unanswered,omitempty"`
		Omitted          []string `json:"omitted,omitempty"`
		NotApplicable    []string `json:"not_applicable,omitempty"`
	}
	o := object{Version: res.Version, Name: res.Name, File: res.File, Line: res.Line, Rubric: res.Rubric, Target: res.Target,
		Readiness: res.Readiness, Verdict: res.Verdict, TimeToReadyWeeks: res.TimeToReadyWeeks,
		Categories: [][]any{}, Gaps: [][]any{}, NextSteps: [][]any{}, Ladder: [][]any{},
		Unanswered: res.Unanswered, Omitted: res.Omitted, NotApplicable: res.NotApplicable}
	for _, c := range res.Categories {
		o.Categories = append(o.Categories, []any{c.ID, c.Score, c.Weight})
	}
	for _, g := range res.Gaps {
		rank := 2
		switch {
		case g.Blocking:
			rank = 0
		case g.Hard:
			rank = 1
		case g.Preferred:
			rank = 3
		}
		o.Gaps = append(o.Gaps, []any{g.ID, g.Have, g.Need, g.Impact, rank})
	}
	for _, s := range res.NextSteps {
		if s.ToReady {
			o.ToReady++
		}
		o.NextSteps = append(o.NextSteps, []any{s.ID, s.From, s.To, s.StartWeek, s.EndWeek})
	}
	for _, r := range res.Ladder {
		o.Ladder = append(o.Ladder, []any{r.Readiness, r.Verdict, r.TimeToReadyWeeks})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		panic(err)
	}
	return text.EscapeJSON(buf.Bytes())
}

// The compact encoder writes what its slow twin writes, and the to-ready
// steps come first, as to_ready counts them.
func TestAppendCompactJSONMatchesSlow(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(17, 18))
	names := []string{"", "Alex", `quote " back\slash`, "tab\tnew\nline", "ünï 東京 😀", "sep \u2028", "bad \xff byte", "rlo \u202e end"}
	for n := range 300 {
		p := awkwardProfile(rng, r, names[n%len(names)], names[(n+3)%len(names)], n%3)
		for _, target := range r.StageIDs() {
			res, err := assess.Score(r, p, target)
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k < len(res.NextSteps); k++ {
				if res.NextSteps[k].ToReady && !res.NextSteps[k-1].ToReady {
					t.Fatalf("a step to ready after one beyond: %+v", res.NextSteps)
				}
			}
			if got, want := AppendCompactJSON(nil, res), compactSlow(res); !bytes.Equal(got, want) {
				t.Fatalf("profile %d at %s:\n got %s\nwant %s", n, target, got, want)
			}
		}
	}
}

func BenchmarkAppendCompactJSON(b *testing.B) {
	res := buildReport(b, "Alex", false).Result
	var buf []byte
	for b.Loop() {
		buf = AppendCompactJSON(buf[:0], res)
	}
}
