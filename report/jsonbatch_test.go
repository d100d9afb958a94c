package report

import (
	"math/rand/v2"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
)

// batchResults are many profiles' results, as a batch encodes them.
func batchResults(b *testing.B) []*assess.Result {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(11, 12))
	var out []*assess.Result
	for range 256 {
		res, err := assess.Score(r, testkit.RandomProfile(rng, r), "")
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, res)
	}
	return out
}

// BenchmarkAppendJSONBatch encodes 256 different results with one cache.
func BenchmarkAppendJSONBatch(b *testing.B) {
	results := batchResults(b)
	jc := NewJSONCache()
	var buf []byte
	for b.Loop() {
		for _, res := range results {
			buf = jc.AppendJSON(buf[:0], res)
		}
	}
}
