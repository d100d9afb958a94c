package assess_test

import (
	"math/rand/v2"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// benchProfiles are varied profiles, so that a benchmark sees every rung
// ready, almost and far.
func benchProfiles(r *rubric.Rubric) []*profiles.Profile {
	rng := rand.New(rand.NewPCG(11, 12))
	ps := make([]*profiles.Profile, 256)
	for i := range ps {
		ps[i] = testkit.RandomProfile(rng, r)
	}
	return ps
}

// Scores one profile after another, as a batch does.
func BenchmarkScoreVaried(b *testing.B) {
	r := rubric.Default()
	s, ps := assess.New(r), benchProfiles(r)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Score(ps[i%len(ps)], ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// Scores into one recycled Result, as score does.
func BenchmarkScoreInto(b *testing.B) {
	r := rubric.Default()
	s, ps := assess.New(r), benchProfiles(r)
	var res assess.Result
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := s.ScoreInto(&res, ps[i%len(ps)], "", assess.ScoreOptions{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// What team summaries score: the Brief.
func BenchmarkBrief(b *testing.B) {
	r := rubric.Default()
	s, ps := assess.New(r), benchProfiles(r)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Brief(ps[i%len(ps)], ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// What team summaries past their people limit score.
func BenchmarkBriefVerdicts(b *testing.B) {
	r := rubric.Default()
	s, ps := assess.New(r), benchProfiles(r)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.BriefVerdicts(ps[i%len(ps)], ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// Adds Briefs to a team past its people limit: the aggregate alone.
func BenchmarkTeamAdd(b *testing.B) {
	r := rubric.Default()
	s, ps := assess.New(r), benchProfiles(r)
	si := r.StageIndex(r.Target())
	briefs := make([]assess.Brief, len(ps))
	for i, p := range ps {
		var err error
		if briefs[i], err = s.Brief(p, r.Target()); err != nil {
			b.Fatal(err)
		}
	}
	t := assess.NewTeamLimit(r, si, 0)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		t.Add(assess.Member{Name: "x", File: "t.jsonl", Line: i}, briefs[i%len(briefs)])
		i++
	}
}
