package assess

import (
	"math/rand/v2"
	"testing"

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
// skills 0.5, certs 0.25. Junior needs years 2 (gate 0.5), go 2 (weight 3),
// sql 1 (weight 1) and no certificate; senior needs years 6, go 4, sql 2 and
// one of cert-a / cert-b (cert-b only counts up to junior). An item earns
// (have/need)² of its weight, capped at 1.
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
			// Nothing: every category 0. Years 0 < 2*0.5 blocks.
			// Time: go 2 levels (20 weeks), sql 1 level (10 weeks); years need
			// 2 years to be met. Study alone is done at week 30, when years are
			// 30/52 = 0.58 < 1 (gate) still blocking. Years reach the gate at
			// week 52: experience 0.25 credit (1/2)^2 = 25 -> readiness
			// (0.25*25 + 0.5*100)/0.75 = 75 (almost). 80 needs experience
			// credit 40: (y/2)^2 = 0.4 -> y = 1.265 years -> week 65.8 -> 66.
			name: "empty profile", p: prof(0, nil), target: "junior",
			readiness: 0, verdict: NotReady, blocking: []string{"years"}, ttr: 66,
		},
		{
			// experience (1/2)^2 = 0.25 -> 25; skills go (1/2)^2*3 = 0.75, sql 1*1
			// -> 1.75/4 = 43.75; certs ask nothing at junior, so the weights are
			// 0.25 and 0.5: (0.25*25 + 0.5*43.75)/0.75 = 37.5.
			// Years 1 is not below 2*0.5, so nothing blocks.
			name: "partial", p: prof(1, map[string]int{"go": 1, "sql": 1}), target: "junior",
			readiness: 37.5, verdict: NotReady, ttr: 14,
		},
		{
			// All junior needs met: 100.
			name: "junior met", p: prof(3, map[string]int{"go": 2, "sql": 1}), target: "junior",
			readiness: 100, verdict: Ready,
		},
		{
			// Senior: experience (3/6)^2 = 0.25 -> 25; skills go (2/4)^2*3 = 0.75,
			// sql (1/2)^2*1 = 0.25 -> 1/4 = 25; certs: cert-b does not count past
			// junior -> 0. (0.25*25 + 0.5*25 + 0.25*0)/1 = 18.75 -> 18.8.
			// Years 3 is not below 6*0.5, so nothing blocks.
			// Plan by impact per week: cert-a (25 points / 4 weeks), go (28.1 /
			// 20), sql (9.4 / 10); done at weeks 4, 24, 34. At week 34 years are
			// 3+34/52 = 3.65: (3.65/6)^2 = 0.371 -> 0.25*37.1 + 50 + 25 = 84.3,
			// ready; at week 33 sql is not done: 9.2 + 0.5*81.25 + 25 = 74.8.
			name: "senior with a junior-only cert", p: prof(3, map[string]int{"go": 2, "sql": 1}, "cert-b"), target: "senior",
			readiness: 18.8, verdict: NotReady, ttr: 34,
		},
		{
			// Skills and cert met at senior, years 5: (5/6)^2 = 0.694 -> 69.44;
			// (0.25*69.44 + 0.5*100 + 0.25*100) = 92.4 -> ready.
			name: "senior nearly there", p: prof(5, map[string]int{"go": 4, "sql": 2}, "cert-a"), target: "senior",
			readiness: 92.4, verdict: Ready,
		},
		{
			// Years 2.9 < 6*0.5 blocks although readiness is high:
			// (2.9/6)^2 = 0.2336 -> 23.36; 0.25*23.36 + 75 = 80.8 -> almost.
			// Not blocking from 3 years: 0.1 years -> 5.2 weeks -> 6.
			name: "blocked by experience", p: prof(2.9, map[string]int{"go": 4, "sql": 2}, "cert-a"), target: "senior",
			readiness: 80.8, verdict: Almost, blocking: []string{"years"}, ttr: 6,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Score(r, tc.p, tc.target)
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
			if len(blocking) != len(tc.blocking) || (len(blocking) > 0 && blocking[0] != tc.blocking[0]) {
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
	// Senior, years 6, go 2, sql 1, no cert: experience met.
	// skills: go (2/4)^2*3 = 0.75, sql (1/2)^2 = 0.25 -> 25; certs 0.
	// Impacts (readiness points if closed): go 100*0.5*(3/4)*(1-0.25) = 28.1;
	// sql 100*0.5*(1/4)*(0.75) = 9.4; cert 100*0.25*1*1 = 25.
	// Effort: go 2 levels * 10 = 20 weeks (1.41/week), sql 10 weeks (0.94),
	// cert: cert-a, 4 weeks (cert-b does not count at senior) (6.25/week).
	res, err := Score(r, prof(6, map[string]int{"go": 2, "sql": 1}), "senior")
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
	wantSteps := []struct {
		id    string
		weeks int
	}{{"cert", 4}, {"go", 20}, {"sql", 10}}
	for i, w := range wantSteps {
		if s := res.NextSteps[i]; s.ID != w.id || s.EffortWeeks != w.weeks {
			t.Errorf("step %d = %s %dw, want %s %dw", i, s.ID, s.EffortWeeks, w.id, w.weeks)
		}
	}
	// Readiness 0.25*100 + 0.5*25 = 37.5; after cert (4 weeks) 62.5; after go
	// (24 weeks) skills (3+0.25)/4 = 81.25 -> 0.25*100+0.5*81.25+25 = 90.6 ready.
	if res.Readiness != 37.5 || res.TimeToReadyWeeks != 24 {
		t.Errorf("readiness %v, time to ready %d; want 37.5 and 24", res.Readiness, res.TimeToReadyWeeks)
	}
	if len(res.Ladder) != 2 || res.Ladder[0].Target != "junior" || res.Ladder[0].Verdict != Ready {
		t.Errorf("ladder %+v", res.Ladder)
	}
}

func TestUnknownTarget(t *testing.T) {
	_, err := Score(miniRubric(t), prof(1, nil), "seniro")
	if err == nil || err.Error() != `unknown target "seniro" (did you mean senior?); the stages of rubric mini are junior, senior` {
		t.Errorf("err = %v", err)
	}
}

// randomProfile draws answers for every item of the default rubric.
func randomProfile(rng *rand.Rand, r *rubric.Rubric) *profiles.Profile {
	p := &profiles.Profile{Version: 1, Skills: map[string]int{}}
	p.Experience.ITYears = float64(rng.IntN(60)) / 2
	p.Experience.ManagementYears = float64(rng.IntN(40)) / 2
	for _, it := range r.Items {
		switch it.Kind {
		case rubric.KindSkill:
			p.Skills[it.ID] = rng.IntN(5)
		case rubric.KindHeld:
			if rng.IntN(3) == 0 {
				if it.Category == "education" {
					p.Education = append(p.Education, it.ID)
				} else {
					p.Certifications = append(p.Certifications, it.ID)
				}
			}
		}
	}
	return p
}

var verdictRank = map[string]int{NotReady: 0, Almost: 1, Ready: 2}

// Raising any answer never lowers readiness nor worsens the verdict, at any
// stage (FORMATS.md section 2).
func TestRaisingAnAnswerNeverLowersReadiness(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		p := randomProfile(rng, r)
		for _, target := range r.StageIDs() {
			before, err := Score(r, p, target)
			if err != nil {
				t.Fatal(err)
			}
			for _, raised := range raises(r, p) {
				after, _ := Score(r, raised.p, target)
				if after.Readiness < before.Readiness || verdictRank[after.Verdict] < verdictRank[before.Verdict] {
					t.Fatalf("%s at %s: %.1f %s -> %.1f %s", raised.what, target, before.Readiness, before.Verdict, after.Readiness, after.Verdict)
				}
				for i := range after.Ladder {
					if after.Ladder[i].Readiness < before.Ladder[i].Readiness {
						t.Fatalf("%s lowered ladder %s", raised.what, after.Ladder[i].Target)
					}
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
		if lvl < rubric.MaxLevel {
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

// Time to ready never grows when an answer is raised, and a ready profile has 0.
func TestTimeToReadyConsistent(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 200; n++ {
		p := randomProfile(rng, r)
		res, _ := Score(r, p, "it-manager")
		if (res.Verdict == Ready) != (res.TimeToReadyWeeks == 0) {
			t.Fatalf("verdict %s with time to ready %d", res.Verdict, res.TimeToReadyWeeks)
		}
		if res.TimeToReadyWeeks < 0 {
			t.Fatalf("no way to ready for %+v", p)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	r := rubric.Default()
	p := randomProfile(rand.New(rand.NewPCG(5, 6)), r)
	s := For(r)
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
		if err != nil || profiles.Check(p, r) != nil {
			return
		}
		res, err := Score(r, p, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Readiness < 0 || res.Readiness > 100 || res.TimeToReadyWeeks < 0 {
			t.Fatalf("readiness %v, time to ready %d", res.Readiness, res.TimeToReadyWeeks)
		}
	})
}
