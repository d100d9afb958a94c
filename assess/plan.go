package assess

import (
	"math"

	"github.com/skillgap/skillgap/rubric"
)

// The plan is a schedule, not a list. Experience accrues from week 0 (or,
// with none yet, from when the foundations are done) and cannot be hurried;
// skills grow side by side, each one level at a time; certificates and
// degrees are studied one at a time within their category, alongside the
// rest. Time to ready is the first week at which the schedule's finished
// steps and accrued years make the profile ready, so it can never be shorter
// than a wait the plan relies on.

type stepKind uint8

const (
	stepLevel   stepKind = iota // raise a skill one level
	stepHeld                    // gain a held item
	stepWait                    // experience accruing
	stepStandIn                 // years of experience standing in for a held item
)

// Priority classes: what gates the rest first, then what is required, then
// what is preferred, then levels reached only as a prerequisite.
const (
	classWait = iota
	classHard
	classRequired
	classPreferred
	classPrereq
)

type pstep struct {
	kind       stepKind
	item       int // item whose gap the step closes
	set        int // item whose value it sets
	from, to   float64
	start, end int
	class      int
	impact     float64 // readiness points at the plan's stage, if done
	deps       []int   // steps that must be done first
	keep       bool    // part of the schedule as simulated
	pinned     bool    // other things wait on it (foundations)
	optional   bool    // preferred, or only a prerequisite of something preferred
}

type plan struct {
	si        int
	strict    []bool     // items blocking now: the plan closes them in full
	strictAsk []int      // their indexes in the stage's ask table
	gaps      *stageGaps // the stage's gaps as evaluating base found them, or nil
	base      *state
	steps     []pstep
	yearStart []int // per experience field: the week it starts to accrue

	// Working memory, kept from one plan to the next (planBuf).
	buf *planBuf
}

// planBuf is the memory a plan and its planner reuse: scoring a profile
// builds a plan for every rung not ready, and allocating them afresh was
// most of the garbage of a batch.
type planBuf struct {
	steps     []pstep
	deps      []int // the steps' deps, one after another
	tmp       []int
	strict    []bool
	strictAsk []int
	yearStart []int
	chain     []int // skill × level -> step index, -1 when none
	entryDeps [][]int
	gaps      []int
	held      []int
	cands     []int
	cursor    []int
	needed    []int
	keys      []sortKey
	gapAsk    []int // item -> its index in the stage's ask table when a gap; -1 if not
}

// depsOf stores deps in the plan's arena and returns them there.
func (pb *planBuf) depsOf(deps ...int) []int {
	start := len(pb.deps)
	pb.deps = append(pb.deps, deps...)
	return pb.deps[start:len(pb.deps):len(pb.deps)]
}

func weeks(x float64) int { return max(int(math.Ceil(x-1e-9)), 0) }

// studyWeeks is the time to gain a held item: at least a week
// (rubric.MinEffortWeeks), so that nothing not yet done counts as done now.
func studyWeeks(it *rubric.Item) int { return weeks(it.Effort()) }

// plan builds the schedule that closes every gap of stage si.
func (s *Scorer) plan(st *state, si int, total float64) *plan {
	return s.planInto(&plan{}, new(planBuf), st, si, total, nil)
}

// planInto is plan building p in pb's memory. g, when not nil, is the
// stage's gaps as evaluating st found them (evalGaps): the plan takes them
// rather than finding and judging them again.
func (s *Scorer) planInto(p *plan, pb *planBuf, st *state, si int, total float64, g *stageGaps) *plan {
	nl := s.nLevels()
	if len(pb.chain) != len(s.items)*nl {
		pb.chain = make([]int, len(s.items)*nl)
		pb.yearStart = make([]int, len(s.fields))
		pb.entryDeps = make([][]int, len(s.fields))
		pb.cursor = make([]int, s.ncats)
		for k := range pb.chain {
			pb.chain[k] = -1
		}
	} else {
		// Only the last plan's level steps are in the chain.
		for k := range pb.steps {
			if ps := &pb.steps[k]; ps.kind == stepLevel {
				pb.chain[ps.set*nl+int(ps.to)] = -1
			}
		}
	}
	clear(pb.yearStart)
	*p = plan{si: si, base: st, yearStart: pb.yearStart, steps: pb.steps[:0], buf: pb, gaps: g}
	pb.deps = pb.deps[:0]
	b := &planner{s: s, st: st, si: si, total: total, chain: pb.chain, nl: nl, p: p}
	gaps := b.strictAndGaps(g)
	// Skills first: their schedule does not depend on anything else.
	for _, i := range gaps {
		if s.items[i].k == kSkill {
			b.skillLevels(i)
		}
	}
	b.experienceStarts()
	held := b.otherSteps(gaps)
	b.sequence(held)
	// Ready never rests on a preferred item: the search for time to ready
	// uses only what is required, and preferred steps go beyond ready.
	for k := range b.p.steps {
		ps := &b.p.steps[k]
		ps.optional = ps.optional || ps.class == classPreferred
		ps.keep = !ps.optional
	}
	pb.steps = b.p.steps
	return b.p
}

// nLevels is the number of skill levels, 0 included.
func (s *Scorer) nLevels() int { return s.r.MaxLevel() + 1 }

// planner holds what the phases of building a plan share.
type planner struct {
	s         *Scorer
	st        *state
	si        int
	total     float64
	p         *plan
	chain     []int   // skill × level -> step index of that level reached, -1 when none
	nl        int     // levels per skill in chain
	entryDeps [][]int // experience field -> the foundation steps it waits on
}

// strictAndGaps marks the gaps that are blocking now (the plan closes them
// in full) and lists every gap; g, when not nil, has them found already.
func (b *planner) strictAndGaps(g *stageGaps) []int {
	s, st, si, pb := b.s, b.st, b.si, b.p.buf
	ask := s.ask[si]
	if len(pb.gapAsk) != len(s.items) {
		pb.gapAsk = make([]int, len(s.items))
		for i := range pb.gapAsk {
			pb.gapAsk[i] = -1
		}
	} else {
		// Only the last plan's gaps are set.
		for _, i := range pb.gaps {
			pb.gapAsk[i] = -1
		}
	}
	gaps := pb.gaps[:0]
	b.p.strictAsk = pb.strictAsk[:0]
	defer func() { pb.strictAsk = b.p.strictAsk }()
	mark := func(i, k int) {
		b.p.strictAsk = append(b.p.strictAsk, k)
		if b.p.strict == nil {
			if len(pb.strict) != len(s.items) {
				pb.strict = make([]bool, len(s.items))
			}
			clear(pb.strict)
			b.p.strict = pb.strict
		}
		b.p.strict[i] = true
	}
	if g != nil {
		for n, k := range g.k {
			i := ask[k].i
			gaps = append(gaps, i)
			pb.gapAsk[i] = k
			if g.block[n] {
				mark(i, k)
			}
		}
		pb.gaps = gaps
		return gaps
	}
	for k := range ask {
		a := &ask[k]
		i := a.i
		h := s.haveAsk(st, a, si)
		if st.skip(i) || h >= a.need {
			continue
		}
		gaps = append(gaps, i)
		pb.gapAsk[i] = k
		if _, blocking := s.items[i].judgeAt(a, h); blocking {
			mark(i, k)
		}
	}
	pb.gaps = gaps
	return gaps
}

func (b *planner) impact(i int, from, to, need float64) float64 {
	if b.total <= 0 {
		return 0
	}
	return 100 * b.s.abs[b.si][i] * (credit(to, need) - credit(from, need)) / b.total
}

// skillLevels adds the steps that raise skill gap i to its need.
func (b *planner) skillLevels(i int) {
	ci := &b.s.items[i]
	need := ci.it.Need[b.si]
	hard := ci.it.HardLevel(b.si, need)
	strict := b.p.strict != nil && b.p.strict[i]
	b.levels(i, int(need), need, func(l int) int {
		switch {
		case ci.hardReq && (float64(l) <= hard || strict):
			return classHard
		case ci.pref:
			return classPreferred
		}
		return classRequired
	})
}

// levels adds the steps that raise skill i to level upTo, one level after
// another, reusing the levels already planned.
func (b *planner) levels(i, upTo int, need float64, class func(l int) int) {
	p := b.p
	steps := b.chain[i*b.nl : (i+1)*b.nl]
	prev, start := -1, 0
	for l := int(b.st.val[i]) + 1; l <= upTo; l++ {
		if steps[l] >= 0 {
			prev, start = steps[l], p.steps[steps[l]].end
			continue
		}
		ps := pstep{kind: stepLevel, item: i, set: i, from: float64(l - 1), to: float64(l), start: start,
			end: start + b.s.lvlWeeks[i*b.nl+l], class: class(l), impact: b.impact(i, float64(l-1), float64(l), need)}
		if prev >= 0 {
			ps.deps = p.buf.depsOf(prev)
		}
		p.steps = append(p.steps, ps)
		steps[l] = len(p.steps) - 1
		prev, start = steps[l], ps.end
	}
}

// experienceStarts sets when each experience field starts to accrue. It
// starts now for someone already working in the field. With none yet, it
// starts once the foundations it needs are in place; the wait fades out
// over the first year of experience, so that a few weeks in a first job
// make no cliff.
func (b *planner) experienceStarts() {
	s, p := b.s, b.p
	worked := 0.0
	for _, y := range b.st.years {
		worked = max(worked, y)
	}
	b.entryDeps = p.buf.entryDeps
	for f := range b.entryDeps {
		b.entryDeps[f] = b.entryDeps[f][:0]
	}
	for i := range s.items {
		ci := &s.items[i]
		if ci.k != kYears || ci.entry == nil || worked >= 1 {
			continue
		}
		end := 0
		for k := range p.steps {
			ps := &p.steps[k]
			if ps.kind == stepLevel && ps.to <= float64(ci.entry.level) && s.items[ps.item].catIdx == ci.entry.catIdx {
				end = max(end, ps.end)
				b.entryDeps[ci.field] = append(b.entryDeps[ci.field], k)
				ps.pinned = true
			}
		}
		p.yearStart[ci.field] = max(p.yearStart[ci.field], weeks(float64(end)*(1-worked)))
	}
}

// yearsReach is the week experience field f reaches y years.
func (b *planner) yearsReach(f int, y float64) int {
	return b.p.yearStart[f] + weeks((y-b.st.years[f])*52)
}

// prereqEnd is when every prerequisite of held item i is met; with add, the
// skill levels it needs beyond the plan's are added to it.
func (b *planner) prereqEnd(i int, add bool) (int, []int) {
	s, st := b.s, b.st
	end, deps := 0, b.p.buf.tmp[:0]
	for _, pr := range s.items[i].prereq {
		if st.val[pr.skill] >= float64(pr.level) {
			continue
		}
		if add {
			b.levels(pr.skill, pr.level, float64(pr.level), classIsPrereq)
		}
		if k := b.chain[pr.skill*b.nl+pr.level]; k >= 0 {
			end, deps = max(end, b.p.steps[k].end), append(deps, k)
			continue
		}
		// Not planned (asked without adding): estimate the levels' time.
		w := 0
		for l := int(st.val[pr.skill]) + 1; l <= pr.level; l++ {
			w += weeks(s.items[pr.skill].cat.LevelWeeks(l))
		}
		end = max(end, w)
	}
	b.p.buf.tmp = deps
	if len(deps) == 0 {
		return end, nil
	}
	return end, b.p.buf.depsOf(deps...)
}

func classIsPrereq(int) int { return classPrereq }

// class is the priority of the steps that gain item ci, a held item or
// years: hard, preferred, else required.
func (ci *citem) class() int {
	switch {
	case ci.pref:
		return classPreferred
	case ci.hardReq:
		return classHard
	}
	return classRequired
}

// otherSteps adds the waits for experience and the steps that gain held
// items, and returns the latter for sequencing.
func (b *planner) otherSteps(gaps []int) []int {
	s, p, si := b.s, b.p, b.si
	held := p.buf.held[:0]
	for _, i := range gaps {
		ci := &s.items[i]
		need := ci.it.Need[si]
		h := s.have(b.st, i, si)
		class := ci.class()
		switch ci.k {
		case kYears:
			// Like a skill's levels, the wait is split where the hard level
			// is met: the part up to it may be needed for ready, the rest not.
			from, start := h, p.yearStart[ci.field]
			if hard := ci.it.HardLevel(si, need); ci.hardReq && hard > h && hard < need {
				p.steps = append(p.steps, pstep{kind: stepWait, item: i, set: i, from: h, to: hard,
					start: start, end: b.yearsReach(ci.field, hard), class: classWait,
					impact: b.impact(i, h, hard, need), deps: b.entryDeps[ci.field]})
				from, start = hard, p.steps[len(p.steps)-1].end
			}
			// A preferred wait goes beyond ready, as every preferred step does.
			p.steps = append(p.steps, pstep{kind: stepWait, item: i, set: i, from: from, to: need,
				start: start, end: b.yearsReach(ci.field, need), class: classWait,
				impact: b.impact(i, from, need, need), deps: b.entryDeps[ci.field], optional: class == classPreferred})
		case kHeld:
			pre, _ := b.prereqEnd(i, false)
			if ci.orField >= 0 {
				if standIn := b.yearsReach(ci.orField, ci.it.OrYears.Years); standIn <= pre+studyWeeks(ci.it) {
					p.steps = append(p.steps, pstep{kind: stepStandIn, item: i, set: i, from: h, to: 1,
						end: standIn, class: classWait, impact: b.impact(i, h, 1, need), deps: b.entryDeps[ci.orField]})
					continue
				}
			}
			held = append(held, len(p.steps))
			p.steps = append(p.steps, pstep{kind: stepHeld, item: i, set: i, from: h, to: 1, class: class, impact: b.impact(i, h, 1, need)})
		case kAny:
			best, bestEnd := -1, 0
			for _, a := range ci.alts {
				if si > a.until {
					continue
				}
				pre, _ := b.prereqEnd(a.idx, false)
				if end := pre + s.study[a.idx]; best < 0 || end < bestEnd {
					best, bestEnd = a.idx, end
				}
			}
			if best < 0 {
				continue // no alternative counts here (validation refuses this)
			}
			held = append(held, len(p.steps))
			p.steps = append(p.steps, pstep{kind: stepHeld, item: i, set: best, from: h, to: 1, class: class, impact: b.impact(i, h, 1, need)})
		}
	}
	p.buf.held = held
	return held
}

// sequence places certificates and degrees one at a time within their
// category, most readiness per week of study first, each after its
// prerequisites.
func (b *planner) sequence(held []int) {
	s, p := b.s, b.p
	p.buf.keys = sortIdx(p.buf.keys, held, func(k int) sortKey {
		ps := &p.steps[k]
		return heldKey(ps.class, ps.impact, s.effort[ps.set])
	})
	cursor := p.buf.cursor
	clear(cursor)
	for _, k := range held {
		before := len(p.steps)
		pre, deps := b.prereqEnd(p.steps[k].set, true)
		ps := &p.steps[k] // prereqEnd may have grown p.steps
		for j := before; j < len(p.steps); j++ {
			p.steps[j].optional = ps.class == classPreferred
		}
		cat := s.items[ps.item].catIdx
		ps.start = max(cursor[cat], pre)
		ps.end = ps.start + s.study[ps.set]
		ps.deps = deps
		cursor[cat] = ps.end
	}
}

// stateAt fills work with the state at week t of the plan: the kept steps
// finished by then are done, and experience has accrued.
func (s *Scorer) stateAt(p *plan, t int, work *state) {
	copy(work.val, p.base.val)
	work.unanswered = p.base.unanswered
	for k := range p.steps {
		ps := &p.steps[k]
		if !ps.keep || ps.end > t {
			continue
		}
		switch ps.kind {
		case stepLevel:
			work.val[ps.set] = max(work.val[ps.set], ps.to)
		case stepHeld:
			s.hold(work.val, ps.set)
		}
	}
	for f := range work.years {
		work.years[f] = p.base.years[f] + float64(max(t-p.yearStart[f], 0))/52
	}
}

func (s *Scorer) newWork() *state {
	return &state{val: make([]float64, len(s.items)), years: make([]float64, len(s.fields))}
}

// earliest is the first week at which following the plan makes the profile
// ready for its stage, or -1 if it never does within the horizon.
func (s *Scorer) earliest(p *plan, work *state) int { return s.firstReady(p, work, 0) }

// firstReady is the first week from floor on at which following the plan
// makes the profile ready, or -1 if it never does within the horizon.
//
// Ready only ever turns from false to true as t grows (see search), so the
// answer is found by bisection between a week known not ready and one known
// ready. The bounds are narrowed first, each guess checked before it is
// used: not ready until the gaps blocking now are closed in full (the
// plan's last step for them), else not ready at floor; ready, most often,
// once the steps ready needs are done, else once every step is, else within
// the horizon. Of 11,824 searches for 2,000 generated profiles, three
// quarters ended where the gaps blocking now close: two looks.
func (s *Scorer) firstReady(p *plan, work *state, floor int) int {
	readyAt := func(t int) bool {
		s.stateAt(p, t, work)
		return s.ready(work, p.si, p.strict, p.strictAsk, p.gaps)
	}
	kept, all, closed, notBefore := 1, 1, 0, 0
	for k := range p.steps {
		ps := &p.steps[k]
		all = max(all, ps.end)
		if ps.keep {
			kept = max(kept, ps.end)
			if p.strict != nil && p.strict[ps.item] {
				closed = max(closed, ps.end)
				// A gap blocking now is short of its need until the step
				// that reaches it: a skill's level, a wait for years.
				if ps.set == ps.item && (ps.kind == stepLevel || ps.kind == stepWait) {
					if k := p.buf.gapAsk[ps.item]; k >= 0 && ps.to == s.ask[p.si][k].need {
						notBefore = max(notBefore, ps.end)
					}
				}
			}
		}
	}
	return s.firstReadyWithin(readyAt, floor, kept, all, closed, notBefore)
}

// firstReadyWithin is firstReady's search, given the plan's bounds: kept,
// the end of its last kept step (at least 1); all, the end of its last step
// (at least 1); closed, when the gaps blocking now are closed in full;
// notBefore, a week before which it is known not to be ready (0: none).
func (s *Scorer) firstReadyWithin(readyAt func(int) bool, floor, kept, all, closed, notBefore int) int {
	// Most often the answer is closed (the week the gaps blocking now are
	// closed, which is also when the last kept step ends): the week before
	// it is looked at first, and the floor only when that is ready. Before
	// notBefore, known not ready, nothing is looked at.
	lo, known := floor, false // known: not ready at lo
	if notBefore-1 > floor {
		lo, known = notBefore-1, true
	}
	switch {
	case closed-1 > lo && !readyAt(closed-1):
		lo, known = closed-1, true
	case closed-1 > lo:
		// Ready at closed-1: the answer is at or before it.
		if !known && readyAt(lo) {
			return lo
		}
		return s.search(readyAt, lo, closed-1)
	case !known && readyAt(lo):
		return lo
	}
	for _, hi := range [...]int{kept, all} {
		if hi > lo {
			if readyAt(hi) {
				return s.search(readyAt, lo, hi)
			}
			lo = hi
		}
	}
	top := max(horizonWeeks, all)
	if top <= lo || !readyAt(top) {
		return -1
	}
	return s.search(readyAt, lo, top)
}

// search finds the first t in (lo, hi] with readyAt(t), given not ready at
// lo and ready at hi.
func (s *Scorer) search(readyAt func(int) bool, lo, hi int) int {
	// Ready only ever turns from false to true as t grows: more steps are
	// done and more years have passed, and neither lowers readiness.
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if readyAt(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// cannotDrop reports, without looking at the schedule, that markToReady
// would have to keep step ps: the top level kept of a skill that is a gap of
// the plan's stage, where the level below it leaves a hard requirement
// unmet (or, for a gap blocking now, a level below the need). A skill has
// only its own levels, so dropping the step leaves it at most at ps.from.
func (s *Scorer) cannotDrop(p *plan, ps *pstep) bool {
	if ps.kind != stepLevel || ps.set != ps.item {
		return false
	}
	k := p.buf.gapAsk[ps.item]
	if k < 0 || s.items[ps.item].k != kSkill {
		return false
	}
	a := &s.ask[p.si][k]
	// A gap blocking now is closed in full, and no further: a level above
	// the need (one a certificate asks for first) may go.
	if p.strict != nil && p.strict[ps.item] && ps.from < a.need {
		return true
	}
	return a.unmet(ps.from)
}

// markToReady keeps only the steps needed to be ready at week t: a step
// done by then that the verdict does not need is moved beyond ready, least
// important first.
func (s *Scorer) markToReady(p *plan, t int, work *state) {
	if t < 0 {
		return
	}
	cands := p.buf.cands[:0]
	defer func() { p.buf.cands = cands }()
	for k := range p.steps {
		ps := &p.steps[k]
		ps.keep = ps.end <= t && t > 0 && !ps.optional
		// A step that cannot be dropped is never a candidate, whatever
		// is dropped before it: leaving it out of the sort changes nothing.
		if ps.keep && (ps.kind == stepLevel || ps.kind == stepHeld) && !ps.pinned && !s.cannotDrop(p, ps) {
			cands = append(cands, k)
		}
	}
	if t == 0 {
		return
	}
	p.buf.keys = sortIdx(p.buf.keys, cands, func(k int) sortKey { return candKey(&p.steps[k]) })
	// needed counts, for each step, the kept steps that wait on it.
	needed := p.buf.needed[:0]
	for range p.steps {
		needed = append(needed, 0)
	}
	p.buf.needed = needed
	for j := range p.steps {
		if p.steps[j].keep {
			for _, d := range p.steps[j].deps {
				needed[d]++
			}
		}
	}
	// The state at t as kept so far, mended step by step: a level step
	// changes only its skill, a held step only what it holds.
	s.stateAt(p, t, work)
	for _, k := range cands {
		if needed[k] > 0 {
			continue
		}
		ps := &p.steps[k]
		ps.keep = false
		if ps.kind == stepLevel {
			work.val[ps.set] = p.levelBelow(k)
		} else {
			s.stateAt(p, t, work)
		}
		if !s.ready(work, p.si, p.strict, p.strictAsk, p.gaps) {
			ps.keep = true
			if ps.kind == stepLevel {
				work.val[ps.set] = ps.to
			} else {
				s.hold(work.val, ps.set)
			}
			continue
		}
		for _, d := range ps.deps {
			needed[d]--
		}
	}
}

// levelBelow is the level of level step k's skill at a week the step
// would be done by, once the step is dropped: the highest kept level under
// it (a level step waits on the one below, the only steps of its skill),
// else the profile's own.
func (p *plan) levelBelow(k int) float64 {
	ps := &p.steps[k]
	for len(ps.deps) > 0 {
		ps = &p.steps[ps.deps[0]]
		if ps.keep {
			return ps.to
		}
	}
	return p.base.val[p.steps[k].set]
}
