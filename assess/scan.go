package assess

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// ScoreOptions adds optional parts to a Result.
type ScoreOptions struct {
	Explain bool // fill Result.Explain
}

// ErrUnknownTarget is wrapped by the error for a target the rubric lacks.
var ErrUnknownTarget = errors.New("unknown target")

// stageOf resolves the target: the argument, else the profile's, else the rubric's.
func (s *Scorer) stageOf(p *profiles.Profile, target string) (int, error) {
	if target == "" {
		target = p.Target
	}
	if target == "" {
		target = s.r.Target()
	}
	si := s.r.StageIndex(target)
	if si < 0 {
		return -1, fmt.Errorf("%w %q%s; the stages of rubric %s are %s", ErrUnknownTarget, target, rubric.DidYouMean(target, s.r.StageIDs()), s.r.ID, joinIDs(s.r.StageIDs()))
	}
	return si, nil
}

// ladder is the one scan of a profile that Score and Brief share: every
// rung's evaluation, readiness, time to ready and verdict, and the target's
// plan.
type ladder struct {
	st      state
	si      int
	evals   []stageEval
	ready   []float64 // readiness per rung, unrounded, never below a higher rung's
	from    []int     // the rung whose own readiness that is
	weeks   []int     // time to ready per rung; -1 beyond the horizon
	verdict []string
	plan    *plan // the target's, with its to-ready steps marked
	sc      *scratch
}

// scratch is the working memory of one scan, recycled through the Scorer's
// pool: a scan allocates nothing it does not return.
type scratch struct {
	l            ladder
	work         state
	unanswered   []bool
	target       planBuf // the target's plan
	tplan        plan
	rung         rungBuf // any other rung's, reduced (rungPlan)
	cumFor       *state  // the state rung.cum was worked out for, nil if none yet
	reqs         []requirement
	keys         []sortKey
	groupsSorted []stepGroup
	groups       []stepGroup
	rungGaps     []stageGaps // per rung, its gaps as evaluating it found them
	sums         []sums      // evalAll's, per rung
	catW, catAcc []float64   // per category: weight and credit asked
	soon         []uint8     // verdicts: per rung, 0 not yet known, 1 reached within AlmostWeeks, 2 not
}

func (s *Scorer) getScratch() *scratch {
	if sc, ok := s.scratch.Get().(*scratch); ok {
		return sc
	}
	n, ni, nf := len(s.r.Stages), len(s.items), len(s.fields)
	sc := &scratch{unanswered: make([]bool, ni), work: state{val: make([]float64, ni), years: make([]float64, nf)}}
	sc.l = ladder{st: state{val: make([]float64, ni), years: make([]float64, nf), leveled: make([]bool, ni)}, evals: make([]stageEval, n),
		ready: make([]float64, n), from: make([]int, n), weeks: make([]int, n), verdict: make([]string, n), sc: sc}
	sc.soon = make([]uint8, n)
	sc.rungGaps = make([]stageGaps, n)
	sc.sums = make([]sums, n)
	return sc
}

// release gives a scan's memory back; nothing of it may be used after.
func (s *Scorer) release(l *ladder) { s.scratch.Put(l.sc) }

// scanMode says what a scan works out beyond every rung's readiness.
type scanMode uint8

const (
	scanBrief    scanMode = iota // every rung's verdict and time to ready
	scanScore                    // ... and the target's plan, its to-ready steps marked
	scanVerdicts                 // every rung's verdict; no time to ready (weeks stay 0)
)

// scan scores every rung; with scanScore the target's plan is kept and its
// to-ready steps marked (Score needs them; Brief does not).
func (s *Scorer) scan(p *profiles.Profile, si int, mode scanMode) *ladder {
	withPlan := mode == scanScore
	n := len(s.r.Stages)
	sc := s.getScratch()
	l := &sc.l
	clear(l.st.val)
	clear(l.st.years)
	clear(l.st.leveled)
	l.st.unanswered = nil
	s.fillState(p, &l.st, sc.unanswered)
	l.si, l.plan = si, nil
	sc.cumFor = nil
	clear(l.weeks)
	s.evalAll(&l.st, l.evals, sc.rungGaps, sc.sums)
	for j := n - 1; j >= 0; j-- {
		l.ready[j], l.from[j] = l.evals[j].raw, j
		if j+1 < n && l.ready[j+1] > l.ready[j]+1e-9 {
			l.ready[j], l.from[j] = l.ready[j+1], l.from[j+1]
		}
	}
	work := &sc.work
	thr := s.r.Thresholds
	if mode == scanVerdicts {
		s.verdicts(l)
		return l
	}
	for j := range n {
		e := l.evals[j]
		readyNow := !e.hard && !e.blocking && round1(l.ready[j]) >= thr.Ready
		if readyNow {
			l.verdict[j] = Ready
			if j == si && withPlan {
				l.plan = s.planInto(&sc.tplan, &sc.target, &l.st, j, e.total, &sc.rungGaps[j])
				s.markToReady(l.plan, 0, work)
			}
			continue
		}
		var w int
		switch prev := 0; {
		case j == si && withPlan:
			pl := s.planInto(&sc.tplan, &sc.target, &l.st, j, e.total, &sc.rungGaps[j])
			w = s.earliest(pl, work)
			s.markToReady(pl, w, work)
			l.plan = pl
		case j > 0 && l.weeks[j-1] < 0:
			// Beyond the horizon below: beyond it here too (the rule below).
			w = -1
		default:
			if j > 0 {
				prev = l.weeks[j-1]
			}
			// Reached no sooner than the rung below: whether it is by
			// then, else when after.
			w = s.rungTime(sc, &l.st, j, e.total, max(prev, 0))
		}
		// A higher rung is never reached sooner than a lower one.
		if j > 0 && l.weeks[j-1] != 0 && (w >= 0 && (l.weeks[j-1] < 0 || l.weeks[j-1] > w)) {
			w = l.weeks[j-1]
		}
		l.weeks[j] = w
		switch {
		case !e.blocking && round1(l.ready[j]) >= thr.Almost && w >= 0 && w <= AlmostWeeks:
			l.verdict[j] = Almost
		default:
			l.verdict[j] = NotReady
		}
	}
	return l
}

// verdicts sets every rung's verdict without working out when each is
// reached. Almost asks only whether a rung is reached within AlmostWeeks,
// and no rung sooner than the one below it (scan's rule): one look at week
// AlmostWeeks of a rung's plan, and only for the rungs whose verdict turns
// on it.
func (s *Scorer) verdicts(l *ladder) {
	thr := s.r.Thresholds
	clear(l.sc.soon)
	for j := range l.evals {
		e := l.evals[j]
		switch {
		case !e.hard && !e.blocking && round1(l.ready[j]) >= thr.Ready:
			l.verdict[j] = Ready
		case !e.blocking && round1(l.ready[j]) >= thr.Almost && s.soon(l, j):
			l.verdict[j] = Almost
		default:
			l.verdict[j] = NotReady
		}
	}
}

// soon reports whether rung j's time to ready, as scan works it out, is
// within AlmostWeeks.
func (s *Scorer) soon(l *ladder, j int) bool {
	sc := l.sc
	if sc.soon[j] != 0 {
		return sc.soon[j] == 1
	}
	e := l.evals[j]
	ok := !e.hard && !e.blocking && round1(l.ready[j]) >= s.r.Thresholds.Ready
	if !ok && (j == 0 || s.soon(l, j-1)) {
		var told bool
		if ok, told = s.rungSoon(&sc.rung, &l.st, j, &sc.rungGaps[j], s.cumOf(sc, &l.st), &sc.work, AlmostWeeks); !told {
			rp := s.rungPlanOf(sc, &l.st, j, e.total)
			ok = s.rungWithin(rp, &sc.work, AlmostWeeks)
		}
	}
	sc.soon[j] = 2
	if ok {
		sc.soon[j] = 1
	}
	return ok
}

// rungTime is rungReady from floor on the reduced plan of rung j of the
// scan's state st, built only when the quick look cannot tell.
func (s *Scorer) rungTime(sc *scratch, st *state, j int, total float64, floor int) int {
	if w, ok := s.rungQuick(&sc.rung, st, j, &sc.rungGaps[j], s.cumOf(sc, st), &sc.work, floor); ok {
		return w
	}
	return s.rungReady(s.rungPlanOf(sc, st, j, total), &sc.work, floor)
}

// cumOf is the level ends of the scan's state st (levelEnds), worked out
// once a scan.
func (s *Scorer) cumOf(sc *scratch, st *state) []int {
	rb := &sc.rung
	if sc.cumFor != st {
		if n := len(s.items) * s.nLevels(); len(rb.cum) != n {
			rb.cum = make([]int, n)
		}
		s.levelEnds(rb.cum, st)
		sc.cumFor = st
	}
	return rb.cum
}

// rungPlanOf is the reduced plan of rung j of the scan's state st.
func (s *Scorer) rungPlanOf(sc *scratch, st *state, j int, total float64) *rungPlan {
	s.cumOf(sc, st)
	return s.rungPlan(&sc.rung, st, j, total, &sc.rungGaps[j])
}

// Score scores p against target (a stage id; "" means the profile's target,
// then the rubric's default).
func (s *Scorer) Score(p *profiles.Profile, target string) (*Result, error) {
	return s.ScoreWith(p, target, ScoreOptions{})
}

// ScoreWith is Score with options.
func (s *Scorer) ScoreWith(p *profiles.Profile, target string, opts ScoreOptions) (*Result, error) {
	res := &Result{}
	if err := s.ScoreInto(res, p, target, opts); err != nil {
		return nil, err
	}
	return res, nil
}

// ScoreInto is ScoreWith writing the result into res, whose lists' memory
// it reuses: a batch that scores into a few Results over and over, each
// once it is written out, allocates next to nothing. Nothing of what res
// held is kept. On error res is left as it was.
func (s *Scorer) ScoreInto(res *Result, p *profiles.Profile, target string, opts ScoreOptions) error {
	si, err := s.stageOf(p, target)
	if err != nil {
		return err
	}
	l := s.scan(p, si, scanScore)
	defer s.release(l)
	st := &l.st
	e := l.evals[si]
	stage := &s.r.Stages[si]
	*res = Result{
		Version: 1, Name: p.Name, File: p.File, Line: p.RecordLine, Rubric: s.r.ID,
		Target: stage.ID, TargetName: stage.Name,
		Readiness: round1(l.ready[si]), Verdict: l.verdict[si], TimeToReadyWeeks: l.weeks[si],
		Categories: emptied(res.Categories), Gaps: emptied(res.Gaps), Strengths: emptied(res.Strengths),
		NextSteps: emptied(res.NextSteps), Ladder: emptied(res.Ladder),
		Unanswered: res.Unanswered[:0], UnansweredNames: res.UnansweredNames[:0], Omitted: res.Omitted[:0],
		OmittedNames: res.OmittedNames[:0], NotApplicable: res.NotApplicable[:0], NotApplicableNames: res.NotApplicableNames[:0],
	}
	if !s.r.LevelsDefaulted() {
		res.Levels = s.r.LevelNames()
	}
	s.categories(st, si, e.total, res, l.sc)
	// The gaps are ordered by keys first, then written once in that order.
	reqs := s.requirements(l)
	keys := l.sc.keys[:0]
	for n, q := range reqs {
		ci := &s.items[q.i]
		if ci.k == kSkill {
			res.AskedSkills++
			switch {
			case q.unanswered:
			case !s.answers(st, p, q.i):
				res.Omitted = append(res.Omitted, ci.it.ID)
				res.OmittedNames = append(res.OmittedNames, ci.it.Name)
			case s.notApplicable(st, p, q.i):
				res.NotApplicable = append(res.NotApplicable, ci.it.ID)
				res.NotApplicableNames = append(res.NotApplicableNames, ci.it.Name)
			}
		}
		switch {
		case q.unanswered:
			res.Unanswered = append(res.Unanswered, ci.it.ID)
			res.UnansweredNames = append(res.UnansweredNames, ci.it.Name)
		case q.have >= q.need:
			res.Strengths = append(res.Strengths, Strength{ID: ci.it.ID, Have: round2(q.have), Need: q.need})
		default:
			key := gapOrder(gapRank(q.blocking, q.hard, ci.pref), round1(q.impact), s.idRank[q.i])
			key.k = n
			keys = append(keys, key)
		}
	}
	sortKeys(keys)
	l.sc.keys = keys
	for _, key := range keys {
		q := &reqs[key.k]
		ci := &s.items[q.i]
		g := Gap{ID: ci.it.ID, Name: ci.it.Name, Category: ci.it.Category, Kind: ci.kind,
			Have: round2(q.have), Need: q.need, Blocking: q.blocking, Hard: q.hard,
			Preferred: ci.pref, Impact: round1(q.impact),
			NextStep: s.advice(q.i, q.have, q.need), Section: ci.it.Section}
		if ci.hardReq {
			g.HardNeed = ci.it.HardLevel(si, q.need)
		}
		if ci.k == kSkill {
			g.Indicators = ci.it.IndicatorsAt(int(q.need))
		}
		res.Gaps = append(res.Gaps, g)
	}
	res.NextSteps = s.steps(res.NextSteps, l.plan, l.sc)
	for j := range s.r.Stages {
		res.Ladder = append(res.Ladder, Rung{Target: s.r.Stages[j].ID, Name: s.r.Stages[j].Name,
			Readiness: round1(l.ready[j]), Verdict: l.verdict[j], Blocking: l.evals[j].blocking, TimeToReadyWeeks: l.weeks[j]})
	}
	if opts.Explain {
		res.Explain = s.explain(l)
	}
	return nil
}

// emptied is list emptied for reuse, never nil (JSON [] rather than null).
func emptied[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list[:0]
}

// requirement is one item the target asks for, as the profile stands: the
// one walk over the target's items that Score, Brief and the explanation
// share.
type requirement struct {
	i              int
	have, need     float64
	unanswered     bool
	hard, blocking bool
	credit, weight float64 // weight: the item's share of the readiness, 0..1
	impact         float64 // readiness points if met in full
}

func (s *Scorer) requirements(l *ladder) []requirement {
	si, st, total := l.si, &l.st, l.evals[l.si].total
	out := l.sc.reqs[:0]
	defer func() { l.sc.reqs = out }()
	ask := s.ask[si]
	for k := range ask {
		a := &ask[k]
		i := a.i
		q := requirement{i: i, need: a.need, have: s.haveAsk(st, a, si), unanswered: st.skip(i)}
		if !q.unanswered && total > 0 {
			q.credit = credit(q.have, q.need)
			q.weight = a.w / total
			q.impact = 100 * q.weight * (1 - q.credit)
			if q.have < q.need {
				q.hard, q.blocking = s.items[i].judgeAt(a, q.have)
			}
		}
		out = append(out, q)
	}
	return out
}

func (s *Scorer) categories(st *state, si int, total float64, res *Result, sc *scratch) {
	nc := len(s.r.Categories)
	if len(sc.catW) != nc {
		sc.catW, sc.catAcc = make([]float64, nc), make([]float64, nc)
	}
	clear(sc.catW)
	clear(sc.catAcc)
	// One walk of the items, each category's sums taken in the order
	// the items are asked, as a walk per category would take them.
	ask := s.ask[si]
	for k := range ask {
		a := &ask[k]
		c := s.items[a.i].catIdx
		if st.skip(a.i) || c >= nc {
			continue
		}
		sc.catW[c] += a.w
		sc.catAcc[c] += a.weighted(s.haveAsk(st, a, si))
	}
	for ci := range s.r.Categories {
		if w := sc.catW[ci]; w > 0 {
			c := &s.r.Categories[ci]
			res.Categories = append(res.Categories, CategoryScore{ID: c.ID, Name: c.Name, Score: round1(100 * sc.catAcc[ci] / w), Weight: round3(w / total)})
		}
	}
}

// advice is what to do next about item i: the advice for the next level of a
// skill, the band of a years item, else the item's next step.
func (s *Scorer) advice(i int, h, need float64) string {
	// The advice is for where the person goes next: the next level of a
	// skill, the next whole year of experience.
	it := s.items[i].it
	next := need
	if it.Kind == rubric.KindSkill || it.Kind == rubric.KindYears {
		next = min(math.Floor(h)+1, need)
	}
	if a := it.AdviceFor(next); a != "" {
		return a
	}
	if it.NextStep != "" {
		return it.NextStep
	}
	return "Close the gap in " + it.Name + "."
}

// steps turns the schedule into the plan a person reads: the levels of one
// skill that go together become one step; the steps to ready come first, in
// the order they start, then those beyond ready.
func (s *Scorer) steps(out []Step, p *plan, sc *scratch) []Step {
	if p == nil {
		return out
	}
	groups := sc.groups[:0]
	defer func() { sc.groups = groups }()
	for k := range p.steps {
		ps := &p.steps[k]
		if n := len(groups); n > 0 {
			g := &groups[n-1]
			prev := &p.steps[g.last]
			if ps.kind == stepLevel && prev.kind == stepLevel && prev.item == ps.item && prev.keep == ps.keep && ps.from == prev.to &&
				(prev.class == classPrereq) == (ps.class == classPrereq) {
				g.last = k
				g.impact += ps.impact
				continue
			}
		}
		groups = append(groups, stepGroup{first: k, last: k, class: ps.class, impact: ps.impact})
	}
	keys := sc.keys[:0]
	for k := range groups {
		g := &groups[k]
		first := &p.steps[g.first]
		key := groupKey(first.keep, first.start, g.class, g.impact, s.idRank[first.item])
		key.k = k
		keys = append(keys, key)
	}
	sc.keys = keys
	sortKeys(keys)
	sorted := sc.groupsSorted[:0]
	for _, key := range keys {
		sorted = append(sorted, groups[key.k])
	}
	sc.groupsSorted = sorted
	for _, g := range sorted {
		first, last := &p.steps[g.first], &p.steps[g.last]
		it := s.items[first.item].it
		st := Step{ID: it.ID, Name: it.Name, EffortWeeks: last.end - first.start, Impact: round1(g.impact),
			ToReady: first.keep, StartWeek: first.start, EndWeek: last.end, From: round2(first.from), To: last.to}
		switch first.kind {
		case stepLevel:
			st.Action = s.advice(first.item, first.from, last.to)
			st.Goal = s.items[first.item].goals[int(last.to)]
			if g.class == classPrereq {
				st.Action = "Before the certification that asks for it: " + st.Action
			}
		case stepWait:
			st.Waits = true
			st.Action = s.advice(first.item, first.from, last.to)
			st.Goal = s.yearsGoal(last.to)
		case stepStandIn:
			st.Waits = true
			st.Action, st.Goal = s.items[first.item].standIn, s.items[first.item].standInGoal
		case stepHeld:
			st.Action = s.advice(first.item, 0, 1)
			st.Goal = s.items[first.set].holdGoal
		}
		out = append(out, st)
	}
	return out
}

// stepTexts works out once the texts of the steps that gain item i, or
// have experience stand in for it.
func (s *Scorer) stepTexts(i int) {
	ci := &s.items[i]
	it := ci.it
	if or := it.OrYears; or != nil {
		ci.standIn = fmt.Sprintf("Your experience will stand in for it: %s counts in part from %s and in full at %s.",
			s.fieldName(or.Field), years(or.From), years(or.Years))
		ci.standInGoal = it.Name + " met by experience"
	}
	ci.holdGoal = "hold " + it.Name
	if len(it.Requires) > 0 {
		var pre []string
		for _, r := range it.Requires {
			name := r.ID
			if sk, ok := s.r.Item(r.ID); ok {
				name = sk.Name
			}
			pre = append(pre, fmt.Sprintf("%s at level %d", name, r.Level))
		}
		ci.holdGoal += "; it asks for " + strings.Join(pre, " and ") + " first"
	}
}

// stepGroup is the steps of a plan that read as one: the levels of one
// skill that go together.
type stepGroup struct {
	first, last int
	class       int
	impact      float64
}

// fieldName is how a person calls an experience field: the name of the
// years item that reads it, else the name the rubric declares for it.
func (s *Scorer) fieldName(f string) string {
	for _, ci := range s.items {
		if ci.kind == rubric.KindYears && ci.it.Field == f {
			return ci.it.Name
		}
	}
	if ef, ok := s.r.ExperienceField(f); ok {
		return ef.Name
	}
	return strings.ReplaceAll(f, "_", " ")
}

// yearsGoal is years(y), worked out once for the years the rubric's items
// ask for (a wait step's goal), so that each result shares the text.
func (s *Scorer) yearsGoal(y float64) string {
	if t, ok := s.yearTexts[y]; ok {
		return t
	}
	return years(y)
}

func years(y float64) string {
	if y == 1 {
		return "1 year"
	}
	return strconv.FormatFloat(y, 'f', -1, 64) + " years"
}

func (s *Scorer) explain(l *ladder) *Explanation {
	si := l.si
	e := l.evals[si]
	x := &Explanation{Items: []ExplainItem{}, RawReadiness: round1(e.raw), Readiness: round1(l.ready[si]),
		Ready: s.r.Thresholds.Ready, Almost: s.r.Thresholds.Almost}
	if l.from[si] != si {
		x.RaisedBy = s.r.Stages[l.from[si]].ID
	}
	for _, q := range s.requirements(l) {
		ci := &s.items[q.i]
		item := ExplainItem{ID: ci.it.ID, Name: ci.it.Name, Category: ci.it.Category, Require: ci.require,
			Need: q.need, Have: round2(q.have), Section: ci.it.Section}
		if ci.require == rubric.RequireHard {
			item.HardNeed = ci.it.HardLevel(si, q.need)
		}
		w := 100 * q.weight
		item.Credit, item.Weight, item.Points, item.Cost = round3(q.credit), round2(w), round2(w*q.credit), round2(w*(1-q.credit))
		switch {
		case q.unanswered:
			item.Status = "unanswered"
		case q.have >= q.need:
			item.Status = "met"
		case q.blocking:
			item.Status = "blocking"
		case q.hard:
			item.Status = "hard"
		default:
			item.Status = "short"
		}
		x.Items = append(x.Items, item)
	}
	return x
}

// Brief is the part of a Result that team summaries need: readiness, verdict,
// the gaps' numbers and the ladder, without the texts. Its numbers are those
// Score gives for the same profile (TestBriefAgreesWithScore holds that).
type Brief struct {
	Target    int // stage index
	Readiness float64
	Verdict   string
	Gaps      []BriefGap
	Ladder    []string // verdict per stage, in ladder order
	Weeks     []int    // time to ready per stage
	// Cells holds every requirement the target asks, in rubric order, as the
	// profile stands: a row of the team's skills matrix.
	Cells []Cell
}

// BriefGap is one gap's numbers; Item indexes the rubric's items.
type BriefGap struct {
	Item       int
	Have, Need float64
	Impact     float64 // rounded to one decimal, as in Result
	Blocking   bool
	// Weeks is the rubric's effort to close the gap on its own: the skill's
	// level steps one after another, a credential's study time (the
	// quickest of its alternatives, Via), or the years still to serve.
	Weeks int
	Via   int // for an item met by any of several: the quickest alternative's index; else -1
}

// Cell is one requirement of the target as a profile stands.
type Cell struct {
	Item       int
	Have, Need float64
	Unanswered bool // added to the rubric after the profile was written
}

// Brief scores p against target ("" as in Score) without the plan's texts.
func (s *Scorer) Brief(p *profiles.Profile, target string) (Brief, error) {
	return s.brief(p, target, scanBrief)
}

func (s *Scorer) brief(p *profiles.Profile, target string, mode scanMode) (Brief, error) {
	si, err := s.stageOf(p, target)
	if err != nil {
		return Brief{}, err
	}
	l := s.scan(p, si, mode)
	defer s.release(l)
	b := Brief{Target: si, Readiness: round1(l.ready[si]), Verdict: l.verdict[si], Ladder: slices.Clone(l.verdict)}
	if mode != scanVerdicts {
		b.Weeks = slices.Clone(l.weeks)
	}
	reqs := s.requirements(l)
	if mode != scanVerdicts {
		b.Cells = make([]Cell, len(reqs))
	}
	ngaps := 0
	for _, q := range reqs {
		if !q.unanswered && q.have < q.need {
			ngaps++
		}
	}
	b.Gaps = make([]BriefGap, 0, ngaps)
	for k, q := range reqs {
		if b.Cells != nil {
			b.Cells[k] = Cell{Item: q.i, Have: round2(q.have), Need: q.need, Unanswered: q.unanswered}
		}
		if !q.unanswered && q.have < q.need {
			w, via := s.gapWeeks(q.i, si, q.have, q.need)
			b.Gaps = append(b.Gaps, BriefGap{Item: q.i, Have: round2(q.have), Need: q.need, Impact: round1(q.impact), Blocking: q.blocking, Weeks: w, Via: via})
		}
	}
	return b, nil
}

// BriefVerdicts is Brief without the rungs' time to ready (Weeks is nil)
// and without the matrix row (Cells is nil): what a team too large to name
// its members needs. Each rung's verdict
// asks only whether it is reached within AlmostWeeks, not when, which is
// several times quicker to work out.
func (s *Scorer) BriefVerdicts(p *profiles.Profile, target string) (Brief, error) {
	return s.brief(p, target, scanVerdicts)
}

// gapWeeks is the effort to take item i from have to need at stage si on its
// own, and for an item met by any of several the quickest alternative.
func (s *Scorer) gapWeeks(i, si int, have, need float64) (int, int) {
	ci := &s.items[i]
	switch ci.k {
	case kSkill:
		return weeks(ci.cat.WeeksBetween(have, need)), -1
	case kYears:
		return weeks((need - have) * 52), -1
	case kAny:
		via, best := -1, math.Inf(1)
		for _, a := range ci.alts {
			if si <= a.until && s.r.Items[a.idx].EffortWeeks < best {
				via, best = a.idx, s.r.Items[a.idx].EffortWeeks
			}
		}
		if via < 0 {
			return 0, -1
		}
		return s.study[via], via
	}
	return studyWeeks(ci.it), -1
}
