package assess

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// The slow twins of the time-to-ready search and of markToReady: the plain
// versions the fast ones replaced, which look at the plan more often.

// earliestPlain bisects (0, the last step's end], else the horizon.
func (s *Scorer) earliestPlain(p *plan, work *state) int {
	readyAt := func(t int) bool {
		s.stateAt(p, t, work)
		return s.ready(work, p.si, p.strict, p.strictAsk, p.gaps)
	}
	if readyAt(0) {
		return 0
	}
	hi := 1
	for _, ps := range p.steps {
		hi = max(hi, ps.end)
	}
	if !readyAt(hi) {
		lo := hi
		hi = max(horizonWeeks, hi)
		if !readyAt(hi) {
			return -1
		}
		return s.search(readyAt, lo, hi)
	}
	return s.search(readyAt, 0, hi)
}

// within, rungWithin's slow twin, reports whether following the plan makes the profile ready by
// week t: earliest(p) is in [0, t] (ready only turns from false to true).
func (s *Scorer) within(p *plan, work *state, t int) bool {
	s.stateAt(p, t, work)
	return s.ready(work, p.si, p.strict, p.strictAsk, p.gaps)
}

// markToReadyPlain tries every candidate against the schedule.
func (s *Scorer) markToReadyPlain(p *plan, t int, work *state) {
	if t < 0 {
		return
	}
	var cands []int
	for k := range p.steps {
		ps := &p.steps[k]
		ps.keep = ps.end <= t && t > 0 && !ps.optional
		if ps.keep && (ps.kind == stepLevel || ps.kind == stepHeld) && !ps.pinned {
			cands = append(cands, k)
		}
	}
	if t == 0 {
		return
	}
	slices.SortStableFunc(cands, func(a, b int) int {
		pa, pb := &p.steps[a], &p.steps[b]
		return cmp.Or(cmp.Compare(pb.class, pa.class), cmp.Compare(pb.end, pa.end), cmp.Compare(pa.impact, pb.impact))
	})
	needed := func(k int) bool {
		for j := range p.steps {
			if p.steps[j].keep && slices.Contains(p.steps[j].deps, k) {
				return true
			}
		}
		return false
	}
	for _, k := range cands {
		if needed(k) {
			continue
		}
		p.steps[k].keep = false
		s.stateAt(p, t, work)
		if !s.ready(work, p.si, p.strict, p.strictAsk, p.gaps) {
			p.steps[k].keep = true
		}
	}
}

func randomProfile(rng *rand.Rand, r *rubric.Rubric) *profiles.Profile {
	p := &profiles.Profile{Version: 1, Skills: map[string]int{}}
	p.Experience.ITYears = float64(rng.IntN(64)) / 2
	p.Experience.ManagementYears = min(p.Experience.ITYears, float64(rng.IntN(30))/2)
	level := rng.IntN(r.MaxLevel() + 1)
	for _, it := range r.Items {
		switch it.Kind {
		case rubric.KindSkill:
			p.Skills[it.ID] = min(max(level+rng.IntN(3)-1, 0), r.MaxLevel())
		case rubric.KindHeld:
			if rng.IntN(3) == 0 {
				p.Certifications = append(p.Certifications, it.ID)
			}
		}
	}
	return p
}

// The bounded search finds what the plain bisection finds, from week 0 and
// from any floor; markToReady keeps what the plain one keeps.
func TestFastSearchesAgreeWithPlainOnes(t *testing.T) {
	rubrics := testRubrics(t)
	searched := 0
	rng := rand.New(rand.NewPCG(23, 24))
	for _, r := range rubrics {
		s := New(r)
		for range 150 {
			st := s.stateOf(randomProfile(rng, r))
			work := s.newWork()
			for si := range r.Stages {
				total := s.evalStage(&st, si).total
				p := s.plan(&st, si, total)
				want := s.earliestPlain(p, work)
				searched++
				if got := s.earliest(p, work); got != want {
					t.Fatalf("%s rung %d: earliest %d, plain %d", r.ID, si, got, want)
				}
				for _, lo := range []int{1, 13, 52, 200, 5000} {
					clamped := want
					if want >= 0 && want < lo {
						clamped = lo
					}
					if got := s.firstReady(p, work, lo); got != clamped {
						t.Fatalf("%s rung %d: firstReady from %d: %d, plain %d", r.ID, si, lo, got, clamped)
					}
				}
				if want < 0 {
					continue
				}
				q := s.plan(&st, si, total)
				s.markToReady(p, want, work)
				s.markToReadyPlain(q, want, work)
				for k := range p.steps {
					if p.steps[k].keep != q.steps[k].keep {
						t.Fatalf("%s rung %d: step %d kept %v, plain %v", r.ID, si, k, p.steps[k].keep, q.steps[k].keep)
					}
				}
			}
		}
	}
	if searched < 2000 {
		t.Errorf("only %d plans searched", searched)
	}
}

// fine, Check's quick accept, says "nothing wrong" exactly when the full
// check finds nothing wrong: on random profiles, each given one of the
// mistakes check reports (or none), against every test rubric.
func TestFineAgreesWithCheck(t *testing.T) {
	rubrics := testRubrics(t)
	rng := rand.New(rand.NewPCG(25, 26))
	seen := map[bool]int{}
	for n := range 3000 {
		r := rubrics[n%len(rubrics)]
		other := rubrics[(n+1)%len(rubrics)]
		p := randomProfile(rng, r)
		if rng.IntN(2) == 0 {
			p.Experience.ITYears = 0
		}
		if rng.IntN(2) == 0 {
			p.Experience.ManagementYears = 0
		}
		var held []string
		for _, it := range r.Items {
			if it.Kind == rubric.KindHeld && it.Category == rubric.CategoryEducation {
				held = append(held, it.ID)
			}
		}
		if len(held) > 0 && rng.IntN(2) == 0 {
			p.Education = append(p.Education, held[rng.IntN(len(held))])
		}
		switch rng.IntN(14) {
		case 0:
			p.Skills["no-such-skill"] = 1
		case 1:
			for id := range p.Skills {
				p.Skills[id] = r.MaxLevel() + 1
				break
			}
		case 2:
			p.NotApplicable = append(p.NotApplicable, "no-such-skill")
		case 3:
			p.Certifications = append(p.Certifications, "no-such-cert")
		case 4:
			if len(held) > 0 {
				p.Certifications = append(p.Certifications, held[0]) // education under certifications
			}
		case 5:
			p.Education = append(p.Education, p.Certifications...) // certifications under education
		case 6:
			p.Evidence = map[string]string{"no-such-item": "x"}
		case 7:
			p.Experience.Set("no_such_years", 2)
		case 8:
			p.Target = "no-such-stage"
		case 9:
			p.RubricRevision = r.Rev() + 1
		case 10:
			// Another rubric's answers.
			p = randomProfile(rng, other)
		case 11:
			for id := range p.Skills {
				delete(p.Skills, id)
				p.NotApplicable = append(p.NotApplicable, id)
				break
			}
			p.Evidence = map[string]string{r.Items[0].ID: "x"}
		}
		want := check(p, r) == nil
		if got := fine(p, r); got != want {
			t.Fatalf("%s: fine %v, check %v: %+v", r.ID, got, check(p, r), p)
		}
		seen[want]++
	}
	if seen[true] < 300 || seen[false] < 300 {
		t.Errorf("fine %d times, not fine %d times", seen[true], seen[false])
	}
}

// testRubrics is the built-in rubric, every testdata rubric and
// assess/testdata/plan-edges.yaml.
func testRubrics(t *testing.T) []*rubric.Rubric {
	t.Helper()
	rubrics := []*rubric.Rubric{rubric.Default()}
	files, _ := filepath.Glob("../testdata/rubrics/*.yaml")
	for _, f := range files {
		r, err := rubric.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	if len(rubrics) < 4 {
		t.Fatalf("only %d rubrics", len(rubrics))
	}
	// And the one made to reach every corner of a plan.
	edges, err := rubric.LoadFile("testdata/plan-edges.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return append(rubrics, edges)
}

// The plan a scan builds from the gaps its evaluation found (evalGaps) is
// the plan built by finding and judging them afresh, its slow twin, step
// for step; and recording the gaps changes nothing of the evaluation.
func TestPlanFromEvaluatedGapsAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	plans, readies := 0, map[bool]int{}
	for _, r := range testRubrics(t) {
		s := New(r)
		for i := range s.items {
			for l := 1; l < s.nLevels() && s.items[i].kind == rubric.KindSkill; l++ {
				if got, want := s.lvlWeeks[i*s.nLevels()+l], weeks(s.items[i].cat.LevelWeeks(l)); got != want {
					t.Fatalf("%s item %d level %d: %d weeks, category says %d", r.ID, i, l, got, want)
				}
			}
		}
		var pb planBuf // reused, as a scan reuses it
		var g stageGaps
		for n := range 200 {
			p := randomProfile(rng, r)
			if n%2 == 1 {
				// Answers to every item: none unanswered.
				p.RubricRevision = r.Rev()
			}
			if n%3 == 0 {
				for id := range p.Skills {
					delete(p.Skills, id) // omitted
					break
				}
			}
			st := s.stateOf(p)
			for si := range r.Stages {
				g.reset()
				e := s.evalGaps(&st, si, nil, &g)
				if want := s.evalStage(&st, si); e != want {
					t.Fatalf("%s rung %d: evalGaps %+v, evalStage %+v", r.ID, si, e, want)
				}
				// ready agrees with readyPlain at every week the plan's
				// steps end, and the week before.
				work := s.newWork()
				slow := s.plan(&st, si, e.total)
				for _, ps := range slow.steps {
					for _, w := range []int{ps.end - 1, ps.end} {
						s.stateAt(slow, w, work)
						got, want := s.ready(work, si, slow.strict, slow.strictAsk, &g), s.readyPlain(work, si, slow.strict)
						readies[want]++
						if got != want {
							t.Fatalf("%s rung %d week %d: ready %v, plain %v", r.ID, si, w, got, want)
						}
						if got := s.ready(work, si, slow.strict, nil, nil); got != want {
							t.Fatalf("%s rung %d week %d: ready %v without the strict list, plain %v", r.ID, si, w, got, want)
						}
						if got, want := s.ready(work, si, nil, nil, nil), s.readyPlain(work, si, nil); got != want {
							t.Fatalf("%s rung %d week %d: ready %v, plain %v (not strict)", r.ID, si, w, got, want)
						}
					}
				}
				var fast plan
				s.planInto(&fast, &pb, &st, si, e.total, &g)
				slow = s.plan(&st, si, e.total)
				plans++
				if !sameSteps(fast.steps, slow.steps) {
					t.Fatalf("%s rung %d: steps\n%+v\nslow\n%+v", r.ID, si, fast.steps, slow.steps)
				}
				if !slices.Equal(fast.strict, slow.strict) || !slices.Equal(fast.yearStart, slow.yearStart) {
					t.Fatalf("%s rung %d: strict %v/%v yearStart %v/%v", r.ID, si, fast.strict, slow.strict, fast.yearStart, slow.yearStart)
				}
				for i := range s.items {
					if pb.gapAsk[i] != slow.buf.gapAsk[i] {
						t.Fatalf("%s rung %d: gapAsk[%d] %d, slow %d", r.ID, si, i, pb.gapAsk[i], slow.buf.gapAsk[i])
					}
				}
			}
		}
	}
	if plans < 2000 || readies[true] < 1000 || readies[false] < 1000 {
		t.Errorf("only %d plans, %d weeks ready, %d not", plans, readies[true], readies[false])
	}
}

// sameSteps reports whether two schedules are the same, step for step (an
// empty deps list and none are the same).
func sameSteps(a, b []pstep) bool {
	return slices.EqualFunc(a, b, func(x, y pstep) bool {
		return x.kind == y.kind && x.item == y.item && x.set == y.set && x.from == y.from && x.to == y.to &&
			x.start == y.start && x.end == y.end && x.class == y.class && x.impact == y.impact &&
			x.keep == y.keep && x.pinned == y.pinned && x.optional == y.optional && slices.Equal(x.deps, y.deps)
	})
}

// A rung's reduced plan (rungPlan) is ready exactly when its full plan is:
// the same time to ready from week 0 and from any floor, and the same
// answer to "ready within a year", on every testdata rubric.
func TestRungPlanAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	var c rungCounts
	for _, r := range testRubrics(t) {
		s := New(r)
		var bufs rungBufs // reused, as a scan reuses them
		for n := range 2000 {
			p := randomProfile(rng, r)
			switch n % 4 {
			case 1:
				p.RubricRevision = r.Rev()
			case 2:
				// New to the field: experience waits for the foundations.
				p.Experience.ITYears, p.Experience.ManagementYears = float64(rng.IntN(4))/4, 0
			case 3:
				for id := range p.Skills {
					delete(p.Skills, id)
					break
				}
			}
			if msg := checkRungs(s, p, &bufs, &c); msg != "" {
				t.Fatalf("%s profile %d %s", r.ID, n, msg)
			}
		}
	}
	if c.plans < 3000 || c.searched < 10000 {
		t.Errorf("only %d plans, %d searches", c.plans, c.searched)
	}
	// The quick look is for most rungs, not all: both ways are tried.
	if c.quick < c.searches/3 || c.quick > c.searches*9/10 || c.soon < c.plans/3 || c.soon > c.plans*95/100 {
		t.Errorf("the quick look told %d of %d searches and %d of %d looks at a year", c.quick, c.searches, c.soon, c.plans)
	}
	t.Logf("the quick look told %d of %d searches and %d of %d looks at a year", c.quick, c.searches, c.soon, c.plans)
}

// The same on any rubric that validates: the quick look, the reduced plan
// and the full plan agree, for profiles from nothing to everything.
func FuzzRungPlanAgrees(f *testing.F) {
	for _, path := range []string{"../testdata/rubrics/mini.yaml", "../testdata/rubrics/sfia-mini.yaml", "testdata/plan-edges.yaml"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data, uint64(1))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		r, err := rubric.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		s := New(r)
		rng := rand.New(rand.NewPCG(seed, seed>>1))
		var bufs rungBufs
		var c rungCounts
		for n := range 8 {
			p := randomProfile(rng, r)
			if n%2 == 1 {
				p.Experience.ITYears, p.Experience.ManagementYears = float64(rng.IntN(4))/4, 0
			}
			if msg := checkRungs(s, p, &bufs, &c); msg != "" {
				t.Fatal(msg)
			}
		}
	})
}

type rungBufs struct {
	rb, qb rungBuf
	g      stageGaps
}

type rungCounts struct{ plans, searched, searches, quick, soon int }

// checkRungs holds, at every rung of p, the quick look (rungQuick,
// rungSoon, and the state rungLast lays out) to the reduced plan
// (rungReady, rungWithin, rungStateAt) and that to the full plan
// (firstReady, within), from fixed weeks and either side of the reduced
// plan's bounds, where the quick look must see that it cannot tell. It
// returns what disagreed, or "".
func checkRungs(s *Scorer, p *profiles.Profile, b *rungBufs, c *rungCounts) string {
	rb, qb, g := &b.rb, &b.qb, &b.g
	st := s.stateOf(p)
	if len(rb.cum) != len(s.items)*s.nLevels() {
		rb.cum = make([]int, len(s.items)*s.nLevels())
	}
	s.levelEnds(rb.cum, &st)
	work, last := s.newWork(), s.newWork()
	for si := range s.r.Stages {
		g.reset()
		e := s.evalGaps(&st, si, nil, g)
		full := s.planInto(&plan{}, new(planBuf), &st, si, e.total, g)
		rp := s.rungPlan(rb, &st, si, e.total, g)
		c.plans++
		floors := []int{0, 1, 13, 52, 60, 200, 5000}
		for _, b := range []int{rp.keptEnd, rp.allEnd, rp.notBefore, rp.closed} {
			floors = append(floors, max(b-1, 0), b, b+1)
		}
		for _, floor := range floors {
			want := s.firstReady(full, work, floor)
			if want > floor {
				c.searched++ // not ready at the floor: a search
			}
			if got := s.rungReady(rp, work, floor); got != want {
				return fmt.Sprintf("rung %d from week %d: reduced plan %d, plan %d", si, floor, got, want)
			}
			c.searches++
			if at, ok := s.rungLast(qb, &st, si, g, rb.cum, last, floor); ok {
				s.rungStateAt(rp, at, work)
				if !slices.Equal(last.val, work.val) || !slices.Equal(last.years, work.years) {
					return fmt.Sprintf("rung %d from week %d: at week %d the quick look has %v %v, the reduced plan %v %v",
						si, floor, at, last.val, last.years, work.val, work.years)
				}
			}
			if got, ok := s.rungQuick(qb, &st, si, g, rb.cum, work, floor); ok {
				c.quick++
				if got != want {
					return fmt.Sprintf("rung %d from week %d: quick look %d, plan %d", si, floor, got, want)
				}
			}
		}
		want := s.within(full, work, AlmostWeeks)
		if got := s.rungWithin(rp, work, AlmostWeeks); got != want {
			return fmt.Sprintf("rung %d: within a year %v, plan %v", si, got, want)
		}
		if got, ok := s.rungSoon(qb, &st, si, g, rb.cum, work, AlmostWeeks); ok {
			c.soon++
			if got != want {
				return fmt.Sprintf("rung %d: within a year by the quick look %v, plan %v", si, got, want)
			}
		}
	}
	return ""
}

// askItem.unmet, the probes' one comparison, says what judgeAt says of
// hard or blocking, and judgeAt's table for skills what judgeSlow says, at every stage of every testdata rubric, for levels,
// years and credits on a fine grid and on either side of each threshold.
func TestUnmetAgreesWithJudge(t *testing.T) {
	seen := map[bool]int{}
	for _, r := range testRubrics(t) {
		s := New(r)
		for si := range s.ask {
			for k := range s.ask[si] {
				a := &s.ask[si][k]
				ci := &s.items[a.i]
				hs := []float64{a.need * ci.gate, a.hardLvl - 1e-9, a.hardLvl, math.Nextafter(a.hardLvl-1e-9, 0)}
				for h := 0.0; h <= 30; h += 0.125 {
					hs = append(hs, h)
				}
				for _, h := range hs {
					hard, blocking := ci.judgeAt(a, h)
					if h2, b2 := ci.judgeSlow(a, h); h2 != hard || b2 != blocking {
						t.Fatalf("%s stage %d item %s have %v: judgeAt %v %v, judgeSlow %v %v", r.ID, si, ci.it.ID, h, hard, blocking, h2, b2)
					}
					seen[hard || blocking]++
					if got := a.unmet(h); got != (hard || blocking) {
						t.Fatalf("%s stage %d item %s have %v: unmet %v, judgeAt %v %v", r.ID, si, ci.it.ID, h, got, hard, blocking)
					}
				}
			}
		}
	}
	if seen[true] < 1000 || seen[false] < 1000 {
		t.Errorf("unmet %d times, met %d times", seen[true], seen[false])
	}
}

// haveAsk, which reads where an item's answer is from the ask table, says
// what have says, for every item every rung asks, on random profiles of
// every test rubric (held items standing in for each other, years standing
// in for a degree, alternatives that stop counting included).
func TestHaveAskAgreesWithHave(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	seen := map[haveFrom]int{}
	for _, r := range testRubrics(t) {
		s := New(r)
		for range 300 {
			st := s.stateOf(randomProfile(rng, r))
			for si := range s.ask {
				for k := range s.ask[si] {
					a := &s.ask[si][k]
					seen[a.from]++
					if got, want := s.haveAsk(&st, a, si), s.have(&st, a.i, si); got != want {
						t.Fatalf("%s rung %d item %s: haveAsk %v, have %v", r.ID, si, s.items[a.i].it.ID, got, want)
					}
				}
			}
		}
	}
	if seen[fromVal] == 0 || seen[fromYears] == 0 || seen[fromHeld] == 0 {
		t.Errorf("not every way is tried: %v", seen)
	}
}

// evalAll, which walks each item once for all the stages, finds what
// evalGaps finds stage by stage, to the bit: readiness, hard, blocking,
// weights and the gaps, on random profiles of every test rubric, some with
// items added after they were written (skipped).
func TestEvalAllIsEvalGaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	for _, r := range testRubrics(t) {
		s := New(r)
		n := len(r.Stages)
		evals, gaps, acc := make([]stageEval, n), make([]stageGaps, n), make([]sums, n)
		for m := range 500 {
			p := randomProfile(rng, r)
			if m%3 == 0 {
				p.RubricRevision = r.Rev()
			}
			st := s.stateOf(p)
			if m%5 == 0 {
				st.unanswered = make([]bool, len(s.items))
				for i := range st.unanswered {
					st.unanswered[i] = rng.IntN(4) == 0
				}
			}
			s.evalAll(&st, evals, gaps, acc)
			for j := range n {
				var g stageGaps
				e := s.evalGaps(&st, j, nil, &g)
				if e != evals[j] || !slices.Equal(g.k, gaps[j].k) || !slices.Equal(g.block, gaps[j].block) ||
					g.met != gaps[j].met || g.total != gaps[j].total {
					t.Fatalf("%s profile %d stage %d: evalAll %+v %+v, evalGaps %+v %+v", r.ID, m, j, evals[j], gaps[j], e, g)
				}
			}
		}
	}
}
