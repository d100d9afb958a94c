// Package assess scores a profile against a rubric: readiness, verdict, gaps,
// the plan of next steps, time to ready and the ladder. It is pure: no I/O, no
// terminal, no clock. The questionnaire logic lives here too, asking through a
// small Prompter interface.
package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// defaultWeeksPerLevel is used when a category does not say how long a level takes.
const defaultWeeksPerLevel = 13

// horizonWeeks bounds the search for time to ready: 60 years.
const horizonWeeks = 60 * 52

// Scorer scores profiles against one rubric. Build it once with New and share
// it: it is safe for concurrent use.
type Scorer struct {
	r     *rubric.Rubric
	items []citem
	cats  []ccat
	asked []int // per stage: how many items it asks for
}

type citem struct {
	it      *rubric.Item
	cat     int
	kind    string
	field   int // years items: 0 it_years, 1 management_years
	alts    []calt
	orField int // -1 when no or_years
	orYears float64
	perLvl  float64
	goals   []string // skills: the goal text of each level; others: [goal]
	altText []string // "any" items: the alternatives' names, per stage
	quick   []int    // "any" items: the quickest alternative, per stage
}

type calt struct {
	idx   int
	until int // last stage index at which the alternative counts
}

type ccat struct {
	c *rubric.Category
}

var scorers sync.Map // *rubric.Rubric -> *Scorer

// For returns the shared Scorer of r, building it on first use.
func For(r *rubric.Rubric) *Scorer {
	if s, ok := scorers.Load(r); ok {
		return s.(*Scorer)
	}
	s, _ := scorers.LoadOrStore(r, New(r))
	return s.(*Scorer)
}

// New prepares a Scorer for r, which must be valid (rubric.Parse checks it).
func New(r *rubric.Rubric) *Scorer {
	s := &Scorer{r: r}
	for i := range r.Categories {
		s.cats = append(s.cats, ccat{c: &r.Categories[i]})
	}
	catIndex := map[string]int{}
	for i, c := range r.Categories {
		catIndex[c.ID] = i
	}
	last := len(r.Stages) - 1
	for i := range r.Items {
		it := &r.Items[i]
		ci := citem{it: it, cat: catIndex[it.Category], kind: it.Kind, field: fieldIndex(it.Field), orField: -1}
		for _, a := range it.Alternatives {
			until := last
			if a.Until != "" {
				until = r.StageIndex(a.Until)
			}
			ci.alts = append(ci.alts, calt{idx: r.ItemIndex(a.ID), until: until})
		}
		if it.OrYears != nil {
			ci.orField, ci.orYears = fieldIndex(it.OrYears.Field), it.OrYears.Years
		}
		ci.perLvl = s.cats[ci.cat].c.WeeksPerLevel
		if ci.perLvl == 0 {
			ci.perLvl = defaultWeeksPerLevel
		}
		// Texts and choices that depend only on the rubric are made once here,
		// not for every profile.
		switch it.Kind {
		case rubric.KindSkill:
			ci.goals = make([]string, rubric.MaxLevel+1)
			for l := 1; l <= rubric.MaxLevel && l <= len(it.Levels); l++ {
				ci.goals[l] = fmt.Sprintf("level %d (%s): %s", l, rubric.LevelNames[l], it.Levels[l-1])
			}
		case rubric.KindAny:
			for si := range r.Stages {
				names, best := "", -1
				for _, a := range ci.alts {
					if si > a.until {
						continue
					}
					if names != "" {
						names += ", "
					}
					names += r.Items[a.idx].Name
					if best < 0 || r.Items[a.idx].EffortWeeks < r.Items[best].EffortWeeks {
						best = a.idx
					}
				}
				ci.altText = append(ci.altText, "hold one of: "+names)
				ci.quick = append(ci.quick, best)
			}
		}
		s.items = append(s.items, ci)
	}
	s.asked = make([]int, len(r.Stages))
	for si := range r.Stages {
		for _, ci := range s.items {
			if ci.it.Weight > 0 && ci.it.NeedAt(si) > 0 {
				s.asked[si]++
			}
		}
	}
	return s
}

func fieldIndex(f string) int {
	if f == rubric.FieldManagementYears {
		return 1
	}
	return 0
}

// state is a profile's answers laid out by item index.
type state struct {
	val   []float64 // skills: level; held: 0 or 1
	years [2]float64
}

func (s *Scorer) stateOf(p *profiles.Profile) state {
	st := state{val: make([]float64, len(s.items))}
	st.years[0] = p.Experience.ITYears
	st.years[1] = p.Experience.ManagementYears
	for id, lvl := range p.Skills {
		if i := s.r.ItemIndex(id); i >= 0 {
			st.val[i] = float64(lvl)
		}
	}
	for _, list := range [][]string{p.Education, p.Certifications} {
		for _, id := range list {
			if i := s.r.ItemIndex(id); i >= 0 {
				st.val[i] = 1
			}
		}
	}
	return st
}

func (st state) clone() state {
	c := st
	c.val = append([]float64(nil), st.val...)
	return c
}

// have is what the profile has of item i, seen from stage si.
func (s *Scorer) have(st *state, i, si int) float64 {
	ci := &s.items[i]
	switch ci.kind {
	case rubric.KindYears:
		return st.years[ci.field]
	case rubric.KindSkill:
		return st.val[i]
	}
	h := 0.0
	if ci.kind == rubric.KindHeld {
		h = st.val[i]
	}
	for _, a := range ci.alts {
		if si <= a.until && st.val[a.idx] > h {
			h = st.val[a.idx]
		}
	}
	if ci.orField >= 0 && st.years[ci.orField] >= ci.orYears {
		h = 1
	}
	return h
}

// eval is one stage's scoring of a state; the per-item numbers are kept only
// when detail is asked for.
type eval struct {
	readiness float64 // unrounded
	blocking  bool
	catScore  []float64 // 0..100, NaN where the category asks nothing here
	catShare  []float64 // normalised weight among categories that ask something
	catWeight []float64 // sum of the weights of the items asked for, per category
}

func (s *Scorer) evaluate(st *state, si int, detail bool) eval {
	var wsum, wsat [16]float64 // categories are few; avoid allocating on the hot path
	var sums, sats []float64
	if len(s.cats) <= len(wsum) {
		sums, sats = wsum[:len(s.cats)], wsat[:len(s.cats)]
	} else {
		sums, sats = make([]float64, len(s.cats)), make([]float64, len(s.cats))
	}
	blocking := false
	for i := range s.items {
		ci := &s.items[i]
		need := ci.it.NeedAt(si)
		if need <= 0 || ci.it.Weight <= 0 {
			continue
		}
		h := s.have(st, i, si)
		sums[ci.cat] += ci.it.Weight
		sats[ci.cat] += ci.it.Weight * credit(h, need)
		blocking = blocking || ci.blocks(h, need)
	}
	totalW, acc := 0.0, 0.0
	for c := range s.cats {
		if sums[c] > 0 {
			totalW += s.cats[c].c.Weight
			acc += s.cats[c].c.Weight * sats[c] / sums[c]
		}
	}
	e := eval{blocking: blocking}
	if totalW > 0 {
		e.readiness = 100 * acc / totalW
	} else {
		e.readiness = 100
	}
	if detail {
		e.catScore = make([]float64, len(s.cats))
		e.catShare = make([]float64, len(s.cats))
		e.catWeight = append([]float64(nil), sums...)
		for c := range s.cats {
			if sums[c] > 0 {
				e.catScore[c] = 100 * sats[c] / sums[c]
				e.catShare[c] = s.cats[c].c.Weight / totalW
			} else {
				e.catScore[c] = math.NaN()
			}
		}
	}
	return e
}

func (s *Scorer) verdict(e eval) string {
	r := round1(e.readiness)
	t := s.r.Thresholds
	switch {
	case r >= t.Ready && !e.blocking:
		return Ready
	case r >= t.Almost:
		return Almost
	default:
		return NotReady
	}
}

// Score scores p against target (a stage id; "" means the profile's target,
// then the rubric's default).
func (s *Scorer) Score(p *profiles.Profile, target string) (*Result, error) {
	si, err := s.stageOf(p, target)
	if err != nil {
		return nil, err
	}
	target = s.r.Stages[si].ID
	st := s.stateOf(p)
	e := s.evaluate(&st, si, true)
	res := &Result{
		Version:    1,
		Name:       p.Name,
		File:       p.File,
		Line:       p.RecordLine,
		Rubric:     s.r.ID,
		Target:     target,
		TargetName: s.r.Stages[si].Name,
		Readiness:  round1(e.readiness),
		Verdict:    s.verdict(e),
		// Sized once: growing these slices was a fifth of batch scoring's garbage.
		Categories: make([]CategoryScore, 0, len(s.cats)),
		Gaps:       make([]Gap, 0, s.asked[si]),
		Strengths:  make([]Strength, 0, s.asked[si]),
		NextSteps:  make([]Step, 0, s.asked[si]),
		Ladder:     make([]Rung, 0, len(s.r.Stages)),
	}
	for c, cc := range s.cats {
		if math.IsNaN(e.catScore[c]) {
			continue
		}
		res.Categories = append(res.Categories, CategoryScore{ID: cc.c.ID, Name: cc.c.Name, Score: round1(e.catScore[c]), Weight: round3(e.catShare[c])})
	}

	plan := s.gaps(&st, si, e, res)
	res.TimeToReadyWeeks = s.timeToReady(st, si, plan)
	for i := range s.r.Stages {
		ei := s.evaluate(&st, i, false)
		res.Ladder = append(res.Ladder, Rung{Target: s.r.Stages[i].ID, Name: s.r.Stages[i].Name, Readiness: round1(ei.readiness), Verdict: s.verdict(ei)})
	}
	return res, nil
}

// planStep is a study step as the time-to-ready simulation applies it.
type planStep struct {
	item   int     // item whose gap it closes
	set    int     // item whose value it sets (the quickest alternative for "any")
	value  float64 // value set
	weeks  int
	impact float64
	waits  bool
}

// gaps fills the gaps, strengths and next steps of res, and returns the plan.
func (s *Scorer) gaps(st *state, si int, e eval, res *Result) []planStep {
	plan := make([]planStep, 0, s.asked[si])
	for i := range s.items {
		ci := &s.items[i]
		it := ci.it
		need := it.NeedAt(si)
		if need <= 0 || it.Weight <= 0 {
			continue
		}
		h := s.have(st, i, si)
		if h >= need {
			res.Strengths = append(res.Strengths, Strength{ID: it.ID, Have: h, Need: need})
			continue
		}
		impact := e.impact(ci, h, need)
		g := Gap{
			ID: it.ID, Name: it.Name, Category: it.Category, Kind: it.Kind,
			Have: round2(h), Need: need, Impact: round1(impact),
			Blocking: ci.blocks(h, need),
			NextStep: it.NextStep, Section: it.Section,
		}
		step := planStep{item: i, set: i, value: need, impact: impact}
		goal := ""
		switch ci.kind {
		case rubric.KindSkill:
			step.weeks = int(math.Ceil((need - h) * ci.perLvl))
			goal = ci.goals[int(need)]
		case rubric.KindYears:
			step.weeks = int(math.Ceil((need - h) * 52))
			step.waits = true
			goal = strconv.FormatFloat(need, 'f', -1, 64) + " years"
			if need == 1 {
				goal = "1 year"
			}
		case rubric.KindHeld:
			step.weeks = int(math.Ceil(it.EffortWeeks))
			step.value = 1
		case rubric.KindAny:
			best := ci.quick[si]
			step.set, step.value = best, 1
			step.weeks = int(math.Ceil(s.r.Items[best].EffortWeeks))
			goal = ci.altText[si]
		}
		if step.weeks < 1 {
			step.weeks = 1
		}
		if g.NextStep == "" {
			g.NextStep = fmt.Sprintf("Close the gap in %s.", it.Name)
		}
		res.Gaps = append(res.Gaps, g)
		res.NextSteps = append(res.NextSteps, Step{ID: it.ID, Action: g.NextStep, Goal: goal, EffortWeeks: step.weeks, Impact: g.Impact, Waits: step.waits})
		plan = append(plan, step)
	}
	// Most important first: what blocks the verdict, then what moves readiness most.
	slices.SortStableFunc(res.Gaps, func(ga, gb Gap) int {
		if ga.Blocking != gb.Blocking {
			if ga.Blocking {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(gb.Impact, ga.Impact); c != 0 {
			return c
		}
		return strings.Compare(ga.ID, gb.ID)
	})
	// The plan: most readiness per week of effort first.
	order := make([]int, len(plan))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		pa, pb := plan[a], plan[b]
		if c := cmp.Compare(pb.impact/float64(pb.weeks), pa.impact/float64(pa.weeks)); c != 0 {
			return c
		}
		return strings.Compare(s.items[pa.item].it.ID, s.items[pb.item].it.ID)
	})
	steps := make([]Step, len(order))
	sorted := make([]planStep, len(order))
	for k, i := range order {
		steps[k], sorted[k] = res.NextSteps[i], plan[i]
	}
	res.NextSteps = steps
	return sorted
}

// timeToReady is the number of weeks until the verdict for stage si is ready if
// the study steps of the plan are taken one after another, in order, while
// experience (IT and leading years) accrues at one year a year alongside them.
// Experience cannot be hurried; study overlaps it. It is 0 when already ready.
func (s *Scorer) timeToReady(st state, si int, plan []planStep) int {
	var study []planStep
	for _, p := range plan {
		if !p.waits {
			study = append(study, p)
		}
	}
	// done[k] is the week at which the first k study steps are finished.
	done := make([]int, len(study)+1)
	for k, p := range study {
		done[k+1] = done[k] + p.weeks
	}
	work := st.clone()
	ready := func(t int) bool {
		copy(work.val, st.val)
		k := sort.Search(len(done), func(k int) bool { return done[k] > t }) - 1
		for _, p := range study[:k] {
			work.val[p.set] = max(work.val[p.set], p.value)
		}
		work.years[0] = st.years[0] + float64(t)/52
		work.years[1] = st.years[1] + float64(t)/52
		return s.verdict(s.evaluate(&work, si, false)) == Ready
	}
	hi := done[len(study)] + horizonWeeks
	if ready(0) {
		return 0
	}
	if !ready(hi) {
		return -1
	}
	// ready(t) only ever turns from false to true as t grows: more steps are
	// done and more years have passed, and neither lowers readiness.
	lo := 0 // not ready at lo; ready at hi
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if ready(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// blocks reports whether having h of need is so short that the gap alone
// keeps the verdict from ready (the item's gate).
func (ci *citem) blocks(h, need float64) bool {
	return ci.it.Gate > 0 && h < need*ci.it.Gate
}

// impact is the readiness points closing the item's gap would add.
func (e eval) impact(ci *citem, h, need float64) float64 {
	return 100 * e.catShare[ci.cat] * (ci.it.Weight / e.catWeight[ci.cat]) * (1 - credit(h, need))
}

// credit is the share of an item's weight a profile earns: (have/need)²,
// capped at 1. Squaring makes a shortfall count for more than its share (one
// level short of 3 earns 44%, not 67%): being nearly there is not being there.
// It rises with have, so raising an answer never lowers readiness.
func credit(have, need float64) float64 {
	if have >= need {
		return 1
	}
	x := have / need
	return x * x
}

func joinIDs(ids []string) string { return strings.Join(ids, ", ") }

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Score scores p against target with the shared Scorer of r.
func Score(r *rubric.Rubric, p *profiles.Profile, target string) (*Result, error) {
	return For(r).Score(p, target)
}
