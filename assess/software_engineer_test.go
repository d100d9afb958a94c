package assess_test

import (
	"slices"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// The software engineering rubric (testdata/rubrics/software-engineer.yaml)
// is the README's complete example of a rubric for another role: it must
// validate and keep the shape it is an example of.
func TestSoftwareEngineerRubricValidates(t *testing.T) {
	r := loadRubric(t, softwareEngineerRubric) // LoadFile validates
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	if r.ID != "software-engineer" || len(r.Stages) != 5 {
		t.Fatalf("id %s with %d stages; want software-engineer with 5", r.ID, len(r.Stages))
	}
	skills := r.IDsOfKind(rubric.KindSkill, "")
	cats := map[string]bool{}
	for _, id := range skills {
		it, _ := r.Item(id)
		cats[it.Category] = true
		if len(it.Levels) != rubric.MaxLevel || len(it.Advice) != rubric.MaxLevel {
			t.Errorf("%s: %d levels and %d lines of advice; want %d of each", id, len(it.Levels), len(it.Advice), rubric.MaxLevel)
		}
	}
	if len(skills) < 30 || len(cats) < 8 {
		t.Errorf("%d skills in %d categories; want at least 30 in at least 8", len(skills), len(cats))
	}
	// Whole categories go unasked where the role does not ask them: a Junior
	// is asked nothing of leadership or product; a Principal is no longer
	// asked hands-on build work or taking pages.
	junior, principal := r.StageIndex("junior-engineer"), r.StageIndex("principal-engineer")
	for _, cat := range []string{"leadership", "product"} {
		if asked, all := askedOf(r, junior, cat); asked != 0 || all == 0 {
			t.Errorf("junior asks %d of %d %s items; want none", asked, all, cat)
		}
	}
	for _, id := range []string{"developer-tooling", "incident-response"} {
		it, _ := r.Item(id)
		if it.NeedAt(principal) != 0 || it.NeedAt(principal-1) == 0 || it.NeedFalls == "" {
			t.Errorf("%s: need %v; want asked at Staff, not at Principal, with need_falls saying why", id, it.Need)
		}
	}
}

// The example profiles score as a coach reading the rubric would expect.
func TestSoftwareEngineerProfiles(t *testing.T) {
	r := loadRubric(t, softwareEngineerRubric)
	s := assess.New(r)
	cases := []struct {
		file      string
		verdict   string
		readiness float64
		blocking  []string // gaps that block
		hard      []string // gaps that keep from ready without blocking
		ttr       int      // weeks
		ladder    []string // verdict at each rung
	}{
		{
			// Jordan, a graduate with half a year of internship, for Junior
			// Engineer. Junior asks no years, so experience plays no part;
			// the bachelor's is held. Every skill is at its need except
			// automated testing (1 of 2) and on-call (0 of 1). Testing is hard
			// with one level of slack, so 1 of 2 meets it; on-call is
			// `required`, so it never holds the verdict back. Readiness: the
			// rung asks 0.603 of the rubric (education 0.04, coding 0.18,
			// testing 0.10 × 7/9 asked, design 0.06, operations 0.06, security
			// 0.03, delivery 0.08, collaboration 0.075); testing loses 0.75 of
			// its 0.0333 share and on-call all of its 0.02, so readiness is
			// 100 × (1 − 0.045/0.603) = 92.5. Ready now. Engineer asks two
			// years (one for ready), hence the long way up the ladder.
			file: "se-junior.yaml", verdict: assess.Ready, readiness: 92.5, ttr: 0,
			ladder: []string{assess.Ready, assess.NotReady, assess.NotReady, assess.NotReady, assess.NotReady},
		},
		{
			// Riley, four years without a degree, for Senior Engineer. Every
			// skill is at most one level short of Senior's need, and technical
			// leadership (1 of 2) meets its hard level 1 there; four years
			// meet the hard three (five for full credit). So no hard gap and
			// nothing blocking, but sixteen small gaps (four years of five, half
			// a year of leading, a dozen skills a level short, the preferred
			// cloud certificate) cost 25.6 points: 74.4, under the ready bar
			// (80) and over almost (60). The plan to ready: half a year more
			// of leading, secure coding 2 → 3 and threat modelling 1 → 2 (26
			// weeks each, security moves 26 weeks a level), while the years
			// accrue to 4.5: ready at week 26, so almost. Engineer and below:
			// every need met.
			file: "se-mid.yaml", verdict: assess.Almost, readiness: 74.4, ttr: 26,
			ladder: []string{assess.Ready, assess.Ready, assess.Almost, assess.NotReady, assess.NotReady},
		},
		{
			// Morgan, a strong hands-on senior of nine years, for Staff
			// Engineer. Readiness is close to the bar (78.6) because the
			// craft is all there, but two Staff skills are two levels short
			// (technical strategy and influence across the organisation, 1 of
			// 3): two levels short is always blocking, so not ready whatever
			// the number. Technical leadership (2 of 3) must be met in full at
			// Staff (hard_need 3, margin 1): hard, but closable within a year,
			// so not blocking. Time to ready is the slowest of the blocking
			// gaps planned in full: influence 1 → 3 at the leadership pace
			// (52 + 78 weeks) = 130. Every rung up to Senior: all needs met.
			file: "se-senior.yaml", verdict: assess.NotReady, readiness: 78.6, ttr: 130,
			blocking: []string{"org-influence", "technical-strategy"}, hard: []string{"technical-leadership"},
			ladder: []string{assess.Ready, assess.Ready, assess.Ready, assess.NotReady, assess.NotReady},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			p, err := profiles.LoadFile("../testdata/profiles/"+c.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := assess.Check(p, r); err != nil {
				t.Fatal(err)
			}
			res, err := s.Score(p, "")
			if err != nil {
				t.Fatal(err)
			}
			var blocking, hard []string
			for _, g := range res.Gaps {
				switch {
				case g.Blocking:
					blocking = append(blocking, g.ID)
				case g.Hard:
					hard = append(hard, g.ID)
				}
			}
			slices.Sort(blocking)
			slices.Sort(hard)
			var ladder []string
			for _, rung := range res.Ladder {
				ladder = append(ladder, rung.Verdict)
			}
			if res.Verdict != c.verdict || res.Readiness != c.readiness || res.TimeToReadyWeeks != c.ttr {
				t.Errorf("%s for %s: %s, readiness %.1f, ready in %d weeks; want %s, %.1f, %d",
					res.Name, res.Target, res.Verdict, res.Readiness, res.TimeToReadyWeeks, c.verdict, c.readiness, c.ttr)
			}
			if !slices.Equal(blocking, c.blocking) || !slices.Equal(hard, c.hard) {
				t.Errorf("blocking %v, hard %v; want %v, %v", blocking, hard, c.blocking, c.hard)
			}
			if !slices.Equal(ladder, c.ladder) {
				t.Errorf("ladder %v; want %v", ladder, c.ladder)
			}
		})
	}
}
