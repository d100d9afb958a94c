package assess_test

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

func miniRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("../testdata/rubrics/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func prof(years float64, skills map[string]int, held ...string) *profiles.Profile {
	return &profiles.Profile{Version: 1, Experience: profiles.Experience{ITYears: years}, Skills: skills, Certifications: held}
}

// The mini rubric (testdata/rubrics/mini.yaml): categories experience 0.25,
// skills 0.5 (10 weeks a level), certs 0.25. Junior needs years 2 (hard),
// go 2 (weight 3), sql 1 (weight 1) and no certificate; senior needs years 6,
// go 4, sql 2 and one of cert-a / cert-b (cert-b only counts up to junior).
// Each item's share of the rubric: years 0.25, go 0.5*3/4 = 0.375, sql 0.125,
// cert 0.25; junior asks 0.75 of it, senior all. An item earns (have/need)²
// of its share. Skills are hard one level below the need; two levels short is
// blocking only when closing them takes more than a year, and at 10 weeks a
// level it never does here. Years are hard at the need; more than a year
// short is blocking.
func TestScoreWorkedByHand(t *testing.T) {
	r := miniRubric(t)
	cases := []struct {
		name      string
		p         *profiles.Profile
		target    string
		readiness float64
		verdict   string
		blocking  []string
		ttr       int
	}{
		{
			// Nothing: 0. Years 0 are more than a year short of 2: blocking.
			// go 0 is two short of 2, but two levels take 20 weeks: hard, not
			// blocking. The plan closes the blocking years in full: they reach
			// 2 at week 104 (go 1 by week 10, sql by 10).
			name: "empty profile", p: prof(0, nil), target: "junior",
			readiness: 0, verdict: assess.NotReady, blocking: []string{"years"}, ttr: 104,
		},
		{
			// years 0.25*(1/2)² = 0.0625; go 0.375*(1/2)² = 0.09375; sql 0.125
			// -> 0.28125/0.75 = 37.5. Years 1 is short of 2 (hard) but within a
			// year: not blocking; go 1 meets the hard level 1. Ready when the
			// years reach 2, at week 52 (go 2 at week 10). 37.5 is under the
			// almost threshold (60): not ready.
			name: "partial", p: prof(1, map[string]int{"go": 1, "sql": 1}), target: "junior",
			readiness: 37.5, verdict: assess.NotReady, ttr: 52,
		},
		{
			// All junior needs met: 100.
			name: "junior met", p: prof(3, map[string]int{"go": 2, "sql": 1}), target: "junior",
			readiness: 100, verdict: assess.Ready,
		},
		{
			// Senior: years 0.25*(3/6)² = 0.0625, go 0.375*(2/4)² = 0.09375,
			// sql 0.125*(1/2)² = 0.03125, cert 0 (cert-b stops counting at
			// junior) -> 18.75 -> 18.8. The years 3 are more than a year short
			// of 6: blocking; go 2 is two short of 4, 20 weeks' practice:
			// not blocking. The years reach 6 at week 156.
			name: "senior with a junior-only cert", p: prof(3, map[string]int{"go": 2, "sql": 1}, "cert-b"), target: "senior",
			readiness: 18.8, verdict: assess.NotReady, blocking: []string{"years"}, ttr: 156,
		},
		{
			// years 0.25*(5/6)² = 0.1736 + 0.75 -> 92.4, but 5 years is below
			// the senior band's 6: not ready before the band starts. Within a
			// year, so almost: ready at week 52.
			name: "senior before the band", p: prof(5, map[string]int{"go": 4, "sql": 2}, "cert-a"), target: "senior",
			readiness: 92.4, verdict: assess.Almost, ttr: 52,
		},
		{
			// (2.9/6)² = 0.2336 -> 0.0584 + 0.75 = 80.8, above the ready
			// threshold, but 2.9 years is more than a year short of 6:
			// blocking, so not ready. 3.1 years = 161.2 weeks -> 162.
			name: "blocked by experience", p: prof(2.9, map[string]int{"go": 4, "sql": 2}, "cert-a"), target: "senior",
			readiness: 80.8, verdict: assess.NotReady, blocking: []string{"years"}, ttr: 162,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := assess.Score(r, tc.p, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if res.Readiness != tc.readiness || res.Verdict != tc.verdict {
				t.Errorf("readiness %v %s, want %v %s", res.Readiness, res.Verdict, tc.readiness, tc.verdict)
			}
			var blocking []string
			for _, g := range res.Gaps {
				if g.Blocking {
					blocking = append(blocking, g.ID)
				}
			}
			if !slices.Equal(blocking, tc.blocking) {
				t.Errorf("blocking gaps %v, want %v", blocking, tc.blocking)
			}
			if res.TimeToReadyWeeks != tc.ttr {
				t.Errorf("time to ready %d weeks, want %d", res.TimeToReadyWeeks, tc.ttr)
			}
		})
	}
}

func TestGapsAndPlanOrder(t *testing.T) {
	r := miniRubric(t)
	// Senior, years 6, go 2, sql 1, no cert: experience met; readiness
	// 0.25 + 0.375*(2/4)² + 0.125*(1/2)² = 0.375 -> 37.5.
	// Impacts (points if closed): go 37.5*0.75 = 28.1, cert 25, sql 12.5*0.75 = 9.4.
	// go is two levels short of 4: below its hard level 3, so it comes
	// first, but not blocking, since the two levels take 20 weeks. The plan
	// takes it to 3 in 10 weeks; cert-a takes 4 weeks (cert-b does not count
	// at senior), sql 10.
	res, err := assess.Score(r, prof(6, map[string]int{"go": 2, "sql": 1}), "senior")
	if err != nil {
		t.Fatal(err)
	}
	wantGaps := []struct {
		id     string
		impact float64
	}{{"go", 28.1}, {"cert", 25}, {"sql", 9.4}}
	if len(res.Gaps) != len(wantGaps) {
		t.Fatalf("gaps %+v", res.Gaps)
	}
	for i, w := range wantGaps {
		if res.Gaps[i].ID != w.id || res.Gaps[i].Impact != w.impact {
			t.Errorf("gap %d = %s %.1f, want %s %.1f", i, res.Gaps[i].ID, res.Gaps[i].Impact, w.id, w.impact)
		}
	}
	// At week 10: years 0.25, go 0.375*(3/4)² = 0.2109, cert 0.25, sql
	// 0.125 -> 83.6, every hard requirement met: ready. Without sql's level
	// it would be 74.2, under 80, so sql is on the way to ready too. go's
	// last level, 3 to 4, goes beyond ready (weeks 10-20).
	wantSteps := []struct {
		id         string
		start, end int
		toReady    bool
	}{{"go", 0, 10, true}, {"cert", 0, 4, true}, {"sql", 0, 10, true}, {"go", 10, 20, false}}
	if len(res.NextSteps) != len(wantSteps) {
		t.Fatalf("steps %+v", res.NextSteps)
	}
	for i, w := range wantSteps {
		if s := res.NextSteps[i]; s.ID != w.id || s.StartWeek != w.start || s.EndWeek != w.end || s.ToReady != w.toReady {
			t.Errorf("step %d = %s weeks %d-%d to_ready %v, want %s %d-%d %v", i, s.ID, s.StartWeek, s.EndWeek, s.ToReady, w.id, w.start, w.end, w.toReady)
		}
	}
	if res.Readiness != 37.5 || res.TimeToReadyWeeks != 10 {
		t.Errorf("readiness %v, time to ready %d; want 37.5 and 10", res.Readiness, res.TimeToReadyWeeks)
	}
	if len(res.Ladder) != 2 || res.Ladder[0].Target != "junior" || res.Ladder[0].Verdict != assess.Ready {
		t.Errorf("ladder %+v", res.Ladder)
	}
}

func TestUnknownTarget(t *testing.T) {
	_, err := assess.Score(miniRubric(t), prof(1, nil), "seniro")
	if err == nil || err.Error() != `unknown target "seniro" (did you mean senior?); the stages of rubric mini are junior, senior` {
		t.Errorf("err = %v", err)
	}
}

var verdictRank = map[string]int{assess.NotReady: 0, assess.Almost: 1, assess.Ready: 2}

// later reports whether time to ready a is later than b (-1 is never).
func later(a, b int) bool {
	if a < 0 || b < 0 {
		return a < 0 && b >= 0
	}
	return a > b
}

// scales are rubrics on three scales: the standard 0-4 (it-manager), 0-5
// (data-team) and 0-7 (sfia-mini), for the property tests.
func scales(t testing.TB) []*rubric.Rubric {
	t.Helper()
	out := []*rubric.Rubric{rubric.Default()}
	for _, f := range []string{"../testdata/rubrics/data-team.yaml", "../testdata/rubrics/sfia-mini.yaml"} {
		r, err := rubric.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// Raising any answer never lowers readiness, never worsens the verdict and
// never makes ready later, at any rung (docs/json-output.md, docs/scoring.md),
// on any scale of levels; readiness stays within 0-100.
func TestRaisingAnAnswerNeverLowersReadiness(t *testing.T) {
	for _, r := range scales(t) {
		t.Run(r.ID, func(t *testing.T) { raisingNeverLowers(t, r) })
	}
}

func raisingNeverLowers(t *testing.T, r *rubric.Rubric) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 60
	if testing.Short() || len(r.Items) > 40 {
		n = 10
	}
	for range n {
		p := testkit.RandomProfile(rng, r)
		target := r.StageIDs()[rng.IntN(len(r.Stages))]
		before, err := assess.Score(r, p, target)
		if err != nil {
			t.Fatal(err)
		}
		if before.Readiness < 0 || before.Readiness > 100 {
			t.Fatalf("readiness %g at %s", before.Readiness, target)
		}
		for _, raised := range raises(r, p) {
			after, _ := assess.Score(r, raised.p, target)
			if after.Readiness < before.Readiness || verdictRank[after.Verdict] < verdictRank[before.Verdict] ||
				later(after.TimeToReadyWeeks, before.TimeToReadyWeeks) {
				t.Fatalf("%s at %s: %.1f %s %dw -> %.1f %s %dw", raised.what, target, before.Readiness, before.Verdict,
					before.TimeToReadyWeeks, after.Readiness, after.Verdict, after.TimeToReadyWeeks)
			}
			for i := range after.Ladder {
				a, b := after.Ladder[i], before.Ladder[i]
				if a.Readiness < b.Readiness || verdictRank[a.Verdict] < verdictRank[b.Verdict] || later(a.TimeToReadyWeeks, b.TimeToReadyWeeks) {
					t.Fatalf("%s worsened rung %s: %+v -> %+v", raised.what, a.Target, b, a)
				}
			}
		}
	}
}

type raisedProfile struct {
	what string
	p    *profiles.Profile
}

func raises(r *rubric.Rubric, p *profiles.Profile) []raisedProfile {
	var out []raisedProfile
	for id, lvl := range p.Skills {
		if lvl < r.MaxLevel() {
			c := p.Clone()
			c.Skills[id] = lvl + 1
			out = append(out, raisedProfile{"raise " + id, c})
		}
	}
	c := p.Clone()
	c.Experience.ITYears += 0.5
	out = append(out, raisedProfile{"more IT years", c})
	c = p.Clone()
	c.Experience.ManagementYears += 0.5
	out = append(out, raisedProfile{"more management years", c})
	for _, it := range r.Items {
		if it.Kind == rubric.KindHeld && !p.Holds(it.ID) {
			c := p.Clone()
			c.Certifications = append(c.Certifications, it.ID)
			out = append(out, raisedProfile{"hold " + it.ID, c})
		}
	}
	return out
}

// The ladder, for random profiles: readiness never rises up the ladder,
// ready for a rung means ready for every rung below, a higher rung is never
// reached sooner; almost never comes with a blocking gap; time to ready is
// 0 exactly when ready, never shorter than a step the plan calls necessary,
// and more than a year whenever a gap is blocking. On every scale of levels.
func TestLadderAndPlanInvariants(t *testing.T) {
	for _, r := range scales(t) {
		t.Run(r.ID, func(t *testing.T) { ladderInvariants(t, r) })
	}
}

func ladderInvariants(t *testing.T, r *rubric.Rubric) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 400
	if testing.Short() || len(r.Items) > 40 {
		n = 50
	}
	for range n {
		p := testkit.RandomProfile(rng, r)
		for si, target := range r.StageIDs() {
			res, err := assess.Score(r, p, target)
			if err != nil {
				t.Fatal(err)
			}
			if res.Readiness < 0 || res.Readiness > 100 {
				t.Fatalf("%s: readiness %g", target, res.Readiness)
			}
			for _, s := range res.NextSteps {
				if it, ok := r.Item(s.ID); ok && it.Kind == rubric.KindSkill && s.To > float64(r.MaxLevel()) {
					t.Fatalf("%s: step %s to level %g, above the top %d", target, s.ID, s.To, r.MaxLevel())
				}
			}
			rung := res.Ladder[si]
			if rung.Readiness != res.Readiness || rung.Verdict != res.Verdict || rung.TimeToReadyWeeks != res.TimeToReadyWeeks {
				t.Fatalf("%s: ladder says %+v, the target %.1f %s %d", target, rung, res.Readiness, res.Verdict, res.TimeToReadyWeeks)
			}
			if si > 0 {
				lo := res.Ladder[si-1]
				if lo.Readiness < rung.Readiness || verdictRank[lo.Verdict] < verdictRank[rung.Verdict] ||
					later(lo.TimeToReadyWeeks, rung.TimeToReadyWeeks) {
					t.Fatalf("ladder not monotone at %s: %+v below %+v", target, lo, rung)
				}
			}
			blocking := false
			for _, g := range res.Gaps {
				blocking = blocking || g.Blocking
			}
			switch {
			case res.Verdict == assess.Almost && blocking:
				t.Fatalf("%s: almost with a blocking gap: %+v", target, res.Gaps)
			case (res.Verdict == assess.Ready) != (res.TimeToReadyWeeks == 0):
				t.Fatalf("%s: verdict %s with time to ready %d", target, res.Verdict, res.TimeToReadyWeeks)
			// Two levels short of a skill blocks whatever the pace, so with a
			// quick pace (data-team, sfia-mini) a blocking gap can close
			// within a year: this holds for the built-in rubric's pace.
			case blocking && r.ID == rubric.DefaultID && res.TimeToReadyWeeks >= 0 && res.TimeToReadyWeeks <= assess.AlmostWeeks:
				t.Fatalf("%s: a blocking gap, yet ready in %d weeks", target, res.TimeToReadyWeeks)
			case res.TimeToReadyWeeks < 0:
				t.Fatalf("%s: no way to ready for %+v", target, p)
			}
			for _, s := range res.NextSteps {
				if s.ToReady && s.EndWeek > res.TimeToReadyWeeks {
					t.Fatalf("%s: time to ready %d, but the plan needs %s until week %d", target, res.TimeToReadyWeeks, s.ID, s.EndWeek)
				}
				if s.EndWeek-s.StartWeek != s.EffortWeeks || s.StartWeek < 0 {
					t.Fatalf("%s: step %+v", target, s)
				}
			}
		}
	}
}

func BenchmarkScore(b *testing.B) {
	r := rubric.Default()
	p := testkit.RandomProfile(rand.New(rand.NewPCG(5, 6)), r)
	s := assess.New(r)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Score(p, "it-manager"); err != nil {
			b.Fatal(err)
		}
	}
}

// Whatever a valid profile holds, scoring it neither fails nor breaks the
// contract's ranges.
func FuzzScore(f *testing.F) {
	f.Add([]byte("version: 1\nexperience: {it_years: 6, management_years: 1}\nskills: {cloud: 4}\ncertifications: [cissp]\n"))
	f.Add([]byte("version: 1\ntarget: cio\nexperience: {it_years: 80}\n"))
	r := rubric.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := profiles.Parse("fuzz.yaml", data)
		if err != nil || assess.Check(p, r) != nil {
			return
		}
		res, err := assess.Score(r, p, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Readiness < 0 || res.Readiness > 100 || res.TimeToReadyWeeks < 0 {
			t.Fatalf("readiness %v, time to ready %d", res.Readiness, res.TimeToReadyWeeks)
		}
	})
}

// Brief, what team summaries use, says what Score says.
func TestBriefAgreesWithScore(t *testing.T) {
	r := rubric.Default()
	s := assess.New(r)
	rng := rand.New(rand.NewPCG(9, 10))
	for range 100 {
		p := testkit.RandomProfile(rng, r)
		target := r.StageIDs()[rng.IntN(len(r.Stages))]
		res, err := s.Score(p, target)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Brief(p, target)
		if err != nil {
			t.Fatal(err)
		}
		if b.Readiness != res.Readiness || b.Verdict != res.Verdict || len(b.Gaps) != len(res.Gaps) {
			t.Fatalf("brief %.1f %s %d gaps, score %.1f %s %d gaps", b.Readiness, b.Verdict, len(b.Gaps), res.Readiness, res.Verdict, len(res.Gaps))
		}
		for i, rung := range res.Ladder {
			if b.Ladder[i] != rung.Verdict || b.Weeks[i] != rung.TimeToReadyWeeks {
				t.Fatalf("rung %s: brief %s %d, score %s %d", rung.Target, b.Ladder[i], b.Weeks[i], rung.Verdict, rung.TimeToReadyWeeks)
			}
		}
		byID := map[string]assess.Gap{}
		for _, g := range res.Gaps {
			byID[g.ID] = g
		}
		for _, g := range b.Gaps {
			sg := byID[r.Items[g.Item].ID]
			if sg.Impact != g.Impact || sg.Blocking != g.Blocking || sg.Have != g.Have || sg.Need != g.Need {
				t.Fatalf("gap %s: brief %+v, score %+v", sg.ID, g, sg)
			}
		}
	}
}

// BriefVerdicts says what Brief says, but for the rungs' time to ready.
func TestBriefVerdictsAgreesWithBrief(t *testing.T) {
	for _, r := range []*rubric.Rubric{rubric.Default(), miniRubric(t)} {
		s := assess.New(r)
		rng := rand.New(rand.NewPCG(13, 14))
		for range 400 {
			p := testkit.RandomProfile(rng, r)
			for _, target := range r.StageIDs() {
				full, err := s.Brief(p, target)
				if err != nil {
					t.Fatal(err)
				}
				v, err := s.BriefVerdicts(p, target)
				if err != nil {
					t.Fatal(err)
				}
				if v.Weeks != nil || v.Cells != nil {
					t.Fatalf("weeks %v, cells %v", v.Weeks, v.Cells)
				}
				full.Weeks, full.Cells = nil, nil
				if !reflect.DeepEqual(full, v) {
					t.Fatalf("%s: Brief %+v, BriefVerdicts %+v", target, full, v)
				}
			}
		}
	}
}

// Scoring into a recycled Result gives what scoring afresh gives.
func TestScoreIntoReusesResult(t *testing.T) {
	r := rubric.Default()
	s := assess.New(r)
	rng := rand.New(rand.NewPCG(15, 16))
	var res assess.Result
	for n := range 300 {
		p := testkit.RandomProfile(rng, r)
		for id := range p.Skills {
			if rng.IntN(6) == 0 {
				delete(p.Skills, id)
			}
		}
		target := r.StageIDs()[rng.IntN(len(r.Stages))]
		opts := assess.ScoreOptions{Explain: n%5 == 0}
		fresh, err := s.ScoreWith(p, target, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ScoreInto(&res, p, target, opts); err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(fresh)
		b, _ := json.Marshal(&res)
		if string(a) != string(b) || !slices.Equal(fresh.OmittedNames, res.OmittedNames) ||
			!slices.Equal(fresh.UnansweredNames, res.UnansweredNames) || !slices.Equal(fresh.NotApplicableNames, res.NotApplicableNames) ||
			fresh.AskedSkills != res.AskedSkills {
			t.Fatalf("profile %d:\nfresh %s\ninto  %s", n, a, b)
		}
	}
}
