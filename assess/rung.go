package assess

import (
	"math/bits"
)

// A rung other than the target needs only its time to ready, not the steps
// of its plan: no texts, no impacts of levels, no dependencies, nothing to
// mark. rungPlan is the plan of such a rung reduced to what decides when it
// is ready, built without one step per level: a skill's levels all start at
// week 0 and follow one another, so level l of skill i ends at the same week
// whichever rung's plan holds it (cum, worked out once a profile), and
// a rung's plan differs from another's only in which levels it holds and
// keeps. Its slow twin is plan with firstReady (TestRungPlanAgrees).
type rungPlan struct {
	si        int
	base      *state
	strict    []bool // as plan.strict
	strictAsk []int  // as plan.strictAsk
	gaps      *stageGaps
	cum       []int // skill × level -> the week that level ends, from the skill's own level
	nl        int
	// exists and kept are, per item, the skill levels the plan holds as
	// bits (bit l for level l), and those of them kept (not preferred).
	exists, kept []uint8
	touched      []int // the items with levels
	levels       []rlevels
	held         []rheld
	yearStart    []int
	// The plan's bounds, as firstReady works them out from its steps, and
	// notBefore: before it, a gap blocking now is still short of its need
	// (a skill below it, or years not yet served), so no state of the plan
	// is ready.
	keptEnd, allEnd, closed, notBefore int
}

// rheld is the step that gains a held item in a rungPlan.
type rheld struct {
	item, set  int
	class      int
	impact     float64
	start, end int
	keep       bool
}

// rlevels is a skill's kept levels in a rungPlan: the bits of mask, from
// lo to hi.
type rlevels struct {
	i, lo, hi int
	mask      uint8
}

// rungBuf is the memory rung plans reuse, scan after scan.
type rungBuf struct {
	rp           rungPlan
	cum          []int
	exists, kept []uint8
	touched      []int
	levels       []rlevels
	held, sorted []rheld
	keys         []sortKey
	strict       []bool
	strictAsk    []int
	yearStart    []int
	cursor       []int
	cats         []catHeld // rungLast's, per category
}

// catHeld is what rungLast needs of a category's held items: the latest
// week a prerequisite of one is met, their study, and whether one is kept.
type catHeld struct {
	pre, study int
	kept       bool
}

// markStrict marks item i, entry k of the stage's ask table, as a gap
// blocking now, in rp.strict (rb's memory, cleared at the first of a plan:
// rp.strict is nil until then) and rp.strictAsk. ni is the rubric's items.
func (rb *rungBuf) markStrict(rp *rungPlan, k, i, ni int) {
	rp.strictAsk = append(rp.strictAsk, k)
	if rp.strict == nil {
		if len(rb.strict) != ni {
			rb.strict = make([]bool, ni)
		}
		clear(rb.strict)
		rp.strict = rb.strict
	}
	rp.strict[i] = true
}

// levelEnds fills cum with the week each level of each skill ends when the
// skill is raised one level after another from where st has it (the
// levels above it; the others are left as they were).
func (s *Scorer) levelEnds(cum []int, st *state) {
	nl := s.nLevels()
	for _, i := range s.skills {
		// Only the levels above the skill's own are read.
		end := 0
		for l := int(st.val[i]) + 1; l < nl; l++ {
			end += s.lvlWeeks[i*nl+l]
			cum[i*nl+l] = end
		}
	}
}

// rungPlan builds the reduced plan of stage si (see rungPlan) in rb's
// memory; g is the stage's gaps as evaluating st found them, and cum
// st's level ends (levelEnds).
func (s *Scorer) rungPlan(rb *rungBuf, st *state, si int, total float64, g *stageGaps) *rungPlan {
	nl := s.nLevels()
	ni := len(s.items)
	if len(rb.exists) != ni {
		rb.exists, rb.kept = make([]uint8, ni), make([]uint8, ni)
		rb.yearStart = make([]int, len(s.fields))
		rb.cursor = make([]int, s.ncats)
	} else {
		for _, i := range rb.touched {
			rb.exists[i], rb.kept[i] = 0, 0
		}
	}
	clear(rb.yearStart)
	rp := &rb.rp
	*rp = rungPlan{si: si, base: st, gaps: g, cum: rb.cum, nl: nl, exists: rb.exists, kept: rb.kept,
		touched: rb.touched[:0], held: rb.held[:0], yearStart: rb.yearStart, keptEnd: 1, allEnd: 1}
	ask := s.ask[si]
	// What blocks now is closed in full (plan.strict).
	rp.strictAsk = rb.strictAsk[:0]
	for n, k := range g.k {
		if g.block[n] {
			rb.markStrict(rp, k, ask[k].i, ni)
		}
	}
	// A step's end, in the bounds.
	step := func(item, end int, keep bool) {
		rp.allEnd = max(rp.allEnd, end)
		if keep {
			rp.keptEnd = max(rp.keptEnd, end)
			if rp.strict != nil && rp.strict[item] {
				rp.closed = max(rp.closed, end)
			}
		}
	}
	// Skills' levels, up to the need.
	for _, k := range g.k {
		a := &ask[k]
		i := a.i
		if a.k != kSkill {
			continue
		}
		addLevels(rp, i, int(a.need), !a.pref)
		if rp.strict != nil && rp.strict[i] && !a.pref && float64(int(a.need)) == a.need {
			// Below its need until its level need is done.
			rp.notBefore = max(rp.notBefore, rp.cum[i*nl+int(a.need)])
		}
	}
	s.yearStarts(rp.yearStart, st, si, g, rp.cum)
	reach := func(f int, y float64) int { return rp.yearStart[f] + weeks((y-st.years[f])*52) }
	// Waits, stand-ins and held items (otherSteps).
	for _, k := range g.k {
		a := &ask[k]
		i := a.i
		ci := &s.items[i]
		need := a.need
		h := s.haveAsk(st, a, si)
		class := ci.class()
		switch ci.k {
		case kYears:
			if hard := ci.it.HardLevel(si, need); ci.hardReq && hard > h && hard < need {
				step(i, reach(ci.field, hard), true)
			}
			end := reach(ci.field, need)
			step(i, end, class != classPreferred)
			if rp.strict != nil && rp.strict[i] {
				// Short of need years until then (reach rounds up).
				rp.notBefore = max(rp.notBefore, end)
			}
		case kHeld:
			pre := s.prereqEnds(rp, st, i)
			if ci.orField >= 0 {
				if standIn := reach(ci.orField, ci.it.OrYears.Years); standIn <= pre+studyWeeks(ci.it) {
					step(i, standIn, true)
					continue
				}
			}
			rp.held = append(rp.held, rheld{item: i, set: i, class: class, impact: planImpact(s, si, total, i, h, 1, need)})
		case kAny:
			best := s.quickestAlt(rp, st, si, i)
			if best < 0 {
				continue
			}
			rp.held = append(rp.held, rheld{item: i, set: best, class: class, impact: planImpact(s, si, total, i, h, 1, need)})
		}
	}
	// Certificates and degrees one at a time in their category (sequence).
	keys := rb.keys[:0]
	for k := range rp.held {
		hs := &rp.held[k]
		key := heldKey(hs.class, hs.impact, s.effort[hs.set])
		key.k = k
		keys = append(keys, key)
	}
	sortKeys(keys)
	rb.keys = keys
	sorted := rb.sorted[:0]
	for _, key := range keys {
		sorted = append(sorted, rp.held[key.k])
	}
	rb.sorted, rp.held, rb.held = rp.held, sorted, sorted
	cursor := rb.cursor
	clear(cursor)
	for k := range rp.held {
		hs := &rp.held[k]
		hs.keep = hs.class != classPreferred
		pre := 0
		for _, pr := range s.items[hs.set].prereq {
			if st.val[pr.skill] >= float64(pr.level) {
				continue
			}
			addLevels(rp, pr.skill, pr.level, hs.keep)
			pre = max(pre, rp.cum[pr.skill*nl+pr.level])
		}
		cat := s.items[hs.item].catIdx
		hs.start = max(cursor[cat], pre)
		hs.end = hs.start + s.study[hs.set]
		cursor[cat] = hs.end
		step(hs.item, hs.end, hs.keep)
	}
	// The kept levels as the probes read them.
	rp.levels = rb.levels[:0]
	for _, i := range rp.touched {
		if m := rp.kept[i]; m != 0 {
			rp.levels = append(rp.levels, rlevels{i: i, lo: bits.TrailingZeros8(m), hi: bits.Len8(m) - 1, mask: m})
		}
	}
	rb.touched, rb.held, rb.levels, rb.strictAsk = rp.touched, rp.held, rp.levels, rp.strictAsk
	return rp
}

// yearStarts sets, per experience field, the week its years start to
// count in a plan of stage si from st (cleared before): now, or once the
// foundations are in place when the profile has not yet worked a year
// (experienceStarts). g is the stage's gaps and cum st's level ends.
func (s *Scorer) yearStarts(yearStart []int, st *state, si int, g *stageGaps, cum []int) {
	worked := 0.0
	for _, y := range st.years {
		worked = max(worked, y)
	}
	if worked >= 1 {
		return
	}
	nl, ask := s.nLevels(), s.ask[si]
	for i := range s.items {
		ci := &s.items[i]
		if ci.k != kYears || ci.entry == nil {
			continue
		}
		end := 0
		for _, k := range g.k {
			j := ask[k].i
			cj := &s.items[j]
			if cj.k != kSkill || cj.catIdx != ci.entry.catIdx {
				continue
			}
			if top := min(int(ask[k].need), ci.entry.level); top > int(st.val[j]) {
				end = max(end, cum[j*nl+top])
			}
		}
		yearStart[ci.field] = max(yearStart[ci.field], weeks(float64(end)*(1-worked)))
	}
}

// addLevels adds the levels of skill i up to upTo that rp does not hold
// yet, kept or not.
func addLevels(rp *rungPlan, i, upTo int, keep bool) {
	from := int(rp.base.val[i]) + 1
	if upTo < from {
		return
	}
	add := (uint8(1)<<(upTo+1) - 1) &^ (uint8(1)<<from - 1) &^ rp.exists[i]
	if add == 0 {
		return
	}
	if rp.exists[i] == 0 {
		rp.touched = append(rp.touched, i)
	}
	rp.exists[i] |= add
	// The levels held run from the skill's own up, so upTo is the top one
	// added, and ends last: the new steps in the bounds.
	end := rp.cum[i*rp.nl+upTo]
	rp.allEnd = max(rp.allEnd, end)
	if keep {
		rp.kept[i] |= add
		rp.keptEnd = max(rp.keptEnd, end)
		if rp.strict != nil && rp.strict[i] {
			rp.closed = max(rp.closed, end)
		}
	}
}

// quickestAlt is the alternative of "any" item i that rp's plan of stage
// si takes: the one that counts there whose prerequisites and study end
// first (the first of those that tie); -1 when none counts.
func (s *Scorer) quickestAlt(rp *rungPlan, st *state, si, i int) int {
	best, bestEnd := -1, 0
	for _, alt := range s.items[i].alts {
		if si > alt.until {
			continue
		}
		if end := s.prereqEnds(rp, st, alt.idx) + s.study[alt.idx]; best < 0 || end < bestEnd {
			best, bestEnd = alt.idx, end
		}
	}
	return best
}

// prereqEnds is when every prerequisite of held item i is met: its levels
// end at the same week whoever plans them (prereqEnd without adding).
func (s *Scorer) prereqEnds(rp *rungPlan, st *state, i int) int {
	end := 0
	for _, pr := range s.items[i].prereq {
		if st.val[pr.skill] >= float64(pr.level) {
			continue
		}
		end = max(end, rp.cum[pr.skill*rp.nl+pr.level])
	}
	return end
}

// planImpact is planner.impact: the readiness points at stage si of taking
// item i from from to to.
func planImpact(s *Scorer, si int, total float64, i int, from, to, need float64) float64 {
	if total <= 0 {
		return 0
	}
	return 100 * s.abs[si][i] * (credit(to, need) - credit(from, need)) / total
}

// rungStateAt is stateAt for a rungPlan.
func (s *Scorer) rungStateAt(rp *rungPlan, t int, work *state) {
	base := rp.base
	copy(work.val, base.val)
	work.unanswered = base.unanswered
	for k := range rp.levels {
		lv := &rp.levels[k]
		row := rp.cum[lv.i*rp.nl : (lv.i+1)*rp.nl]
		if row[lv.lo] > t {
			continue
		}
		// The highest kept level done by t (the kept levels run from lo
		// to hi, their ends rising with the level).
		for l := lv.hi; l >= lv.lo; l-- {
			if row[l] <= t && lv.mask&(1<<l) != 0 {
				work.val[lv.i] = max(work.val[lv.i], float64(l))
				break
			}
		}
	}
	for k := range rp.held {
		if hs := &rp.held[k]; hs.keep && hs.end <= t {
			s.hold(work.val, hs.set)
		}
	}
	for f := range work.years {
		work.years[f] = base.years[f] + float64(max(t-rp.yearStart[f], 0))/52
	}
}

// rungReady is firstReady for a rungPlan: the first week from floor on at
// which it makes the profile ready, or -1.
func (s *Scorer) rungReady(rp *rungPlan, work *state, floor int) int {
	readyAt := func(t int) bool {
		s.rungStateAt(rp, t, work)
		return s.ready(work, rp.si, rp.strict, rp.strictAsk, rp.gaps)
	}
	return s.firstReadyWithin(readyAt, floor, rp.keptEnd, rp.allEnd, rp.closed, rp.notBefore)
}

// rungWithin reports whether following rp makes the profile ready by
// week t (its slow twin, within on the full plan, is in the tests).
func (s *Scorer) rungWithin(rp *rungPlan, work *state, t int) bool {
	s.rungStateAt(rp, t, work)
	return s.ready(work, rp.si, rp.strict, rp.strictAsk, rp.gaps)
}

// rungQuick answers rungReady for rung si from floor without building the
// reduced plan, in the case most rungs are in: the week a gap blocking now
// is first met (or the floor, if later) comes after every step the plan
// keeps is done, so that the only state left to look at is the plan's
// last, and ready in it. It reports false when it cannot tell; the reduced
// plan must then be built (TestRungPlanAgrees holds the two together).
//
// Before notBefore no state of the plan is ready (a gap blocking now is
// still short of its need), and ready only turns from false to true as
// weeks pass (see search): so if the state at t = max(notBefore, floor) is
// ready, t is the answer rungReady's search finds. At t, every kept level
// and held item is in place; a level the plan adds but does not keep
// never counts (rungStateAt).
func (s *Scorer) rungQuick(rb *rungBuf, st *state, si int, g *stageGaps, cum []int, work *state, floor int) (int, bool) {
	t, ok := s.rungLast(rb, st, si, g, cum, work, floor)
	if !ok {
		return 0, false
	}
	if !s.ready(work, si, rb.rp.strict, rb.rp.strictAsk, g) {
		return 0, false
	}
	return t, true
}

// rungSoon is rungWithin(rp, work, t) for rung si's reduced plan without
// building it, when it can tell (see rungQuick): not ready before the
// week a gap blocking now is first met, and ready at t once every kept
// step is done if the plan's last state is.
func (s *Scorer) rungSoon(rb *rungBuf, st *state, si int, g *stageGaps, cum []int, work *state, t int) (ready, ok bool) {
	at, ok := s.rungLast(rb, st, si, g, cum, work, t)
	switch {
	case !ok:
		return false, false
	case at > t:
		return false, true // short of a need blocking now until at
	}
	return s.ready(work, si, rb.rp.strict, rb.rp.strictAsk, g), true
}

// rungLast lays out in work the last state of rung si's reduced plan as
// it stands at week t = max(notBefore, floor), where notBefore is the
// week the gaps blocking now are first all met, and returns t. It
// reports false when some kept step may end after t, or when the plan's
// last state turns on the order rungPlan sequences held items in (a
// preferred item's prerequisite levels, which the plan adds but does not
// keep, standing in the way of a kept one's). rb.rp's strict and strictAsk
// are set as rungPlan sets them.
func (s *Scorer) rungLast(rb *rungBuf, st *state, si int, g *stageGaps, cum []int, work *state, floor int) (int, bool) {
	nl, ni := s.nLevels(), len(s.items)
	ask := s.ask[si]
	rp := &rb.rp
	rp.cum, rp.nl = cum, nl // prereqEnds reads them
	rp.strict, rp.strictAsk = nil, rb.strictAsk[:0]
	copy(work.val, st.val)
	work.unanswered = st.unanswered
	if len(rb.yearStart) != len(s.fields) {
		rb.yearStart = make([]int, len(s.fields))
	}
	clear(rb.yearStart)
	yearStart := rb.yearStart
	s.yearStarts(yearStart, st, si, g, cum)
	reach := func(f int, y float64) int { return yearStart[f] + weeks((y-st.years[f])*52) }
	// Held items, per category: one after another, none starting before
	// its prerequisites are met, so the last ends by the latest of those
	// plus all their study, in whatever order they are taken.
	if len(rb.cats) != s.ncats {
		rb.cats = make([]catHeld, s.ncats)
	}
	clear(rb.cats)
	held := func(item, set int, keep bool) bool {
		c := &rb.cats[s.items[item].catIdx]
		for _, pr := range s.items[set].prereq {
			if st.val[pr.skill] >= float64(pr.level) {
				continue
			}
			c.pre = max(c.pre, cum[pr.skill*nl+pr.level])
			// The levels up to pr.level the plan adds, if the skill's
			// own step (its need here) has not: kept if the item is.
			top := int(st.val[pr.skill])
			if need := s.askNeed[si][pr.skill]; need > 0 && !st.skip(pr.skill) {
				top = max(top, int(need))
			}
			if pr.level <= top {
				continue
			}
			if !keep {
				// Levels added and not kept, which a kept item's
				// prerequisite may then find in place or not,
				// depending on which comes first.
				return false
			}
			work.val[pr.skill] = max(work.val[pr.skill], float64(pr.level))
		}
		c.study += s.study[set]
		if keep {
			c.kept = true
			s.hold(work.val, set)
		}
		return true
	}
	// kept: a week by which every kept step is done. One walk of the gaps
	// (rungPlan's three in one: the last state does not depend on the
	// order steps are added in, as held above makes sure).
	kept, notBefore := 0, 0
	for n, k := range g.k {
		a := &ask[k]
		i := a.i
		block := g.block[n]
		if block {
			rb.markStrict(rp, k, i, ni) // closed in full (plan.strict)
		}
		switch a.k {
		case kSkill:
			if top := int(a.need); top > int(st.val[i]) && !a.pref {
				end := cum[i*nl+top]
				kept = max(kept, end)
				// A held item's prerequisite may have raised it higher.
				if f := float64(top); f > work.val[i] {
					work.val[i] = f
				}
				if block && float64(top) == a.need {
					notBefore = max(notBefore, end)
				}
			}
		case kYears:
			ci := &s.items[i]
			need := a.need
			if hard := a.hardLvl; ci.hardReq && hard > st.years[ci.field] && hard < need {
				kept = max(kept, reach(ci.field, hard))
			}
			end := reach(ci.field, need)
			if !ci.pref {
				kept = max(kept, end)
			}
			if block {
				notBefore = max(notBefore, end)
			}
		case kHeld:
			ci := &s.items[i]
			if ci.orField >= 0 {
				if standIn := reach(ci.orField, ci.it.OrYears.Years); standIn <= s.prereqEnds(rp, st, i)+s.study[i] {
					kept = max(kept, standIn)
					continue
				}
			}
			if !held(i, i, !ci.pref) {
				rb.strictAsk = rp.strictAsk
				return 0, false
			}
		case kAny:
			ci := &s.items[i]
			if best := s.quickestAlt(rp, st, si, i); best >= 0 && !held(i, best, !ci.pref) {
				rb.strictAsk = rp.strictAsk
				return 0, false
			}
		}
	}
	rb.strictAsk = rp.strictAsk
	for c := range rb.cats {
		if hc := &rb.cats[c]; hc.kept {
			kept = max(kept, hc.pre+hc.study)
		}
	}
	t := max(notBefore, floor)
	if t < kept {
		return 0, false
	}
	for f := range work.years {
		work.years[f] = st.years[f] + float64(max(t-yearStart[f], 0))/52
	}
	return t, true
}
