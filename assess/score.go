// Package assess scores a profile against a rubric: readiness, verdict, gaps,
// the plan of next steps, time to ready and the ladder. It is pure: no I/O, no
// terminal, no clock. The questionnaire logic lives here too, asking through a
// small Prompter interface.
//
// The judgment follows four rules (docs/scoring.md works them by hand):
//   - readiness is the credit-weighted share of what a rung asks, and a rung
//     is never harder than the one above it;
//   - ready needs readiness at the threshold and every hard requirement met;
//   - a hard requirement short by more than a year's work is blocking, and a
//     blocking gap means not-ready;
//   - almost means no blocking gap and ready within 52 weeks by the plan.
package assess

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/internal/mathx"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// AlmostWeeks is how soon a profile must be able to reach ready for the
// verdict almost.
const AlmostWeeks = 52

// horizonWeeks bounds the search for time to ready: 60 years.
const horizonWeeks = 60 * 52

// Scorer scores profiles against one rubric. Build it once with New and share
// it: it is safe for concurrent use.
type Scorer struct {
	r     *rubric.Rubric
	items []citem
	abs   [][]float64 // per stage, each item's share of the rubric (rubric.AbsoluteWeights)
	asked [][]int     // per stage: the items it asks for (need > 0, weight > 0)
	// ask is asked with what judging each item at that stage needs,
	// worked out once.
	ask [][]askItem
	// askNeed is, per stage and item, the need of its entry in ask (0
	// when the stage does not ask for it).
	askNeed [][]float64
	// askedBy is, per item, where the stages ask for it (evalAll).
	askedBy [][]askRef
	fields  map[string]int
	ncats   int   // categories that items name (cursor slots of a plan)
	skills  []int // the skill items
	// skillIDs are their ids, side by side: a profile's skills are looked
	// up by them for every profile.
	skillIDs []string
	// lvlWeeks is, per item and level (item × nLevels), the weeks a plan
	// takes to raise the item to that level from the one below:
	// weeks(LevelWeeks) of its category.
	lvlWeeks []int
	// idRank is each item's place among the items sorted by id: ids
	// compared as numbers.
	idRank []int
	// yearTexts holds years(y) for the years the items ask for at some
	// stage, their hard levels included (yearsGoal).
	yearTexts map[float64]string
	// study and effort are, per item, studyWeeks and Effort: a rubric's
	// Item is several cache lines, and a plan asks for these often.
	study  []int
	effort []float64
	// scratch recycles the working memory of a scan, so that scoring a
	// profile allocates only what it returns.
	scratch sync.Pool
}

// askItem is an item a stage asks for, with what scoring it there needs.
type askItem struct {
	i       int
	k       kindCode // the item's kind
	pref    bool     // the item is preferred
	need    float64
	w       float64 // the item's share of the rubric at the stage (abs)
	qw      float64 // w quantized, for readiness (quantize)
	from    haveFrom
	field   int     // years items: as citem.field
	quick   float64 // quickWeeks at the stage
	hardLvl float64 // HardLevel at the stage
	// unmetBelow is where judgeAt starts to say hard (or blocking, which
	// it says only of what is hard): having less than it keeps the stage
	// from ready. -Inf when nothing does.
	unmetBelow float64
	// hardAt and blockAt are judgeAt's answers for a skill at each whole
	// level (bit l for level l): its slow part, the weeks of the levels
	// still to go, worked out once.
	hardAt, blockAt uint8
}

// weighted is the item's weighted credit for having h, a.w * credit(h,
// a.need): a.w itself when the need is met, without a division.
func (a *askItem) weighted(h float64) float64 {
	if h >= a.need {
		return a.w
	}
	return a.w * credit(h, a.need)
}

// unmet is judgeAt's hard || blocking, for the loops that look at a state
// again and again.
func (a *askItem) unmet(h float64) bool { return h < a.unmetBelow }

// citem is an item with everything scoring needs worked out once.
type citem struct {
	it       *rubric.Item
	cat      *rubric.Category
	kind     string
	k        kindCode // kind, for the hot paths
	hardReq  bool     // require == hard
	pref     bool     // require == preferred
	gate     float64  // it.Gate
	field    int      // years items: index of the experience field
	require  string
	margin   float64
	alts     []calt
	orField  int // -1 when no or_years
	catIdx   int // index of the item's category among the rubric's
	covers   []int
	prereq   []cprereq
	entry    *centry // years items that start after foundations
	goals    []string
	altNames []string // "any" items: the alternatives' names, per stage
	// The texts of the plan's steps about the item (stepTexts).
	standIn, standInGoal, holdGoal string
}

type calt struct {
	idx   int
	until int // last stage index at which the alternative counts
}

type cprereq struct {
	skill int
	level int
}

type centry struct {
	cat    string
	catIdx int // index of cat among the Scorer's categories; -1 if no item has it
	level  int
}

// Scorers holds one Scorer per rubric for a caller that scores profiles of
// several rubrics, such as a batch; safe for concurrent use. The caller owns
// it: nothing is cached behind its back.
type Scorers struct {
	mu sync.Mutex
	m  map[*rubric.Rubric]*Scorer
}

// For returns the Scorer of r, building it on first use.
func (c *Scorers) For(r *rubric.Rubric) *Scorer {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[r]; ok {
		return s
	}
	if c.m == nil {
		c.m = map[*rubric.Rubric]*Scorer{}
	}
	s := New(r)
	c.m[r] = s
	return s
}

// Compile validates r and prepares its Scorer: the way to score with a
// rubric built in Go.
func Compile(r *rubric.Rubric) (*Scorer, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return New(r), nil
}

// New prepares a Scorer for r, which must be valid (rubric.Parse checks it).
func New(r *rubric.Rubric) *Scorer {
	s := &Scorer{r: r, fields: map[string]int{}}
	for si := range r.Stages {
		s.abs = append(s.abs, r.AbsoluteWeights(si))
	}
	field := func(f string) int {
		if i, ok := s.fields[f]; ok {
			return i
		}
		s.fields[f] = len(s.fields)
		return s.fields[f]
	}
	last := len(r.Stages) - 1
	cats := map[string]int{}
	for _, c := range r.Categories {
		if _, ok := cats[c.ID]; !ok {
			cats[c.ID] = len(cats)
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		cat, _ := r.Category(it.Category)
		ci := citem{it: it, cat: cat, kind: it.Kind, require: it.Requirement(),
			margin: it.BlockMargin(), orField: -1, k: kindCodeOf(it.Kind), hardReq: it.Requirement() == rubric.RequireHard, pref: it.Requirement() == rubric.RequirePreferred, gate: it.Gate}
		if _, ok := cats[it.Category]; !ok {
			cats[it.Category] = len(cats)
		}
		ci.catIdx = cats[it.Category]
		if it.Kind == rubric.KindYears {
			ci.field = field(it.Field)
			if f := it.StartsAfter; f != nil {
				ci.entry = &centry{cat: f.Category, level: f.Level}
			}
		}
		for _, a := range it.Alternatives {
			until := last
			if a.Until != "" {
				until = r.StageIndex(a.Until)
			}
			ci.alts = append(ci.alts, calt{idx: r.ItemIndex(a.ID), until: until})
		}
		if it.OrYears != nil {
			ci.orField = field(it.OrYears.Field)
		}
		ci.covers = coveredBy(r, i)
		for _, pr := range it.Requires {
			ci.prereq = append(ci.prereq, cprereq{skill: r.ItemIndex(pr.ID), level: pr.Level})
		}
		switch it.Kind {
		case rubric.KindSkill:
			ci.goals = make([]string, r.MaxLevel()+1)
			for l := 1; l <= r.MaxLevel() && l <= len(it.Levels); l++ {
				ci.goals[l] = fmt.Sprintf("level %d (%s): %s", l, r.LevelName(l), it.Levels[l-1])
			}
		case rubric.KindAny:
			for si := range r.Stages {
				var names []string
				for _, a := range ci.alts {
					if si <= a.until {
						names = append(names, r.Items[a.idx].Name)
					}
				}
				ci.altNames = append(ci.altNames, strings.Join(names, ", "))
			}
		}
		s.items = append(s.items, ci)
	}
	for i := range s.items {
		s.stepTexts(i)
	}
	s.ncats = len(cats)
	for i := range s.items {
		if e := s.items[i].entry; e != nil {
			e.catIdx = -1
			if c, ok := cats[e.cat]; ok {
				e.catIdx = c
			}
		}
	}
	s.skills, s.skillIDs = r.SkillItems(), r.SkillIDs()
	nl := s.nLevels()
	s.lvlWeeks = make([]int, len(s.items)*nl)
	for i := range s.items {
		if c := s.items[i].cat; c != nil {
			for l := 1; l < nl; l++ {
				s.lvlWeeks[i*nl+l] = weeks(c.LevelWeeks(l))
			}
		}
	}
	s.yearTexts = map[float64]string{}
	for i := range r.Items {
		if it := &r.Items[i]; it.Kind == rubric.KindYears {
			for si := range r.Stages {
				need := it.NeedAt(si)
				s.yearTexts[need] = years(need)
				s.yearTexts[it.HardLevel(si, need)] = years(it.HardLevel(si, need))
			}
		}
	}
	s.study, s.effort = make([]int, len(s.items)), make([]float64, len(s.items))
	for i := range r.Items {
		s.study[i], s.effort[i] = studyWeeks(&r.Items[i]), r.Items[i].Effort()
	}
	byID := make([]int, len(s.items))
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return strings.Compare(r.Items[a].ID, r.Items[b].ID) })
	s.idRank = make([]int, len(s.items))
	for n, i := range byID {
		s.idRank[i] = n
	}
	s.asked = make([][]int, len(r.Stages))
	s.ask = make([][]askItem, len(r.Stages))
	s.askNeed = make([][]float64, len(r.Stages))
	s.askedBy = make([][]askRef, len(s.items))
	for si := range r.Stages {
		s.askNeed[si] = make([]float64, len(s.items))
		for i, ci := range s.items {
			if s.abs[si][i] > 0 && ci.it.NeedAt(si) > 0 {
				s.asked[si] = append(s.asked[si], i)
				need := ci.it.Need[si]
				a := askItem{i: i, k: ci.k, pref: ci.pref, need: need, w: s.abs[si][i], from: fromHeld, field: ci.field,
					quick: s.quickWeeks(i, si), hardLvl: ci.it.HardLevel(si, need), unmetBelow: math.Inf(-1)}
				switch {
				case ci.k == kSkill || ci.k == kHeld && len(ci.alts) == 0 && ci.orField < 0:
					a.from = fromVal
				case ci.k == kYears:
					a.from = fromYears
				}
				if a.k == kSkill {
					for l := range 8 {
						hard, blocking := ci.judgeSlow(&a, float64(l))
						if hard {
							a.hardAt |= 1 << l
						}
						if blocking {
							a.blockAt |= 1 << l
						}
					}
				}
				// judgeAt's two tests of hard, each "h below something".
				if ci.gate > 0 {
					a.unmetBelow = need * ci.gate
				}
				if ci.hardReq {
					a.unmetBelow = max(a.unmetBelow, a.hardLvl-1e-9)
				}
				s.askedBy[i] = append(s.askedBy[i], askRef{int32(si), int32(len(s.ask[si]))})
				s.ask[si] = append(s.ask[si], a)
				s.askNeed[si][i] = need
			}
		}
		ws := make([]float64, len(s.ask[si]))
		for k := range s.ask[si] {
			ws[k] = s.ask[si][k].w
		}
		for k, qw := range quantize(ws) {
			s.ask[si][k].qw = qw
		}
	}
	return s
}

// coveredBy lists the held items that holding item i also meets, following
// covers from item to item.
func coveredBy(r *rubric.Rubric, i int) []int {
	var out []int
	seen := map[int]bool{i: true}
	todo := []int{i}
	for len(todo) > 0 {
		it := &r.Items[todo[0]]
		todo = todo[1:]
		for _, c := range it.Covers {
			if j := r.ItemIndex(c); j >= 0 && !seen[j] {
				seen[j] = true
				out = append(out, j)
				todo = append(todo, j)
			}
		}
	}
	return out
}

// state is a profile's answers laid out by item index.
type state struct {
	val        []float64 // skills: level; held: 1 when held or covered
	years      []float64 // by experience field
	unanswered []bool    // items added to the rubric after the profile was written
	// leveled marks the skills the profile gives a level (scans only;
	// nil elsewhere): its skills map, looked up once.
	leveled []bool
}

func (s *Scorer) stateOf(p *profiles.Profile) state {
	st := state{val: make([]float64, len(s.items)), years: make([]float64, len(s.fields))}
	s.fillState(p, &st, nil)
	return st
}

// fillState lays p's answers out in st, whose val and years are zero and
// sized; unanswered is set to buf (cleared) when some item is unanswered.
func (s *Scorer) fillState(p *profiles.Profile, st *state, buf []bool) {
	for f, i := range s.fields {
		st.years[i] = p.Years(f)
	}
	top := s.r.MaxLevel()
	// The rubric's skills looked up in the profile: the same as the
	// profile's looked up in the rubric (other ids count for nothing), and
	// no walk of a map.
	found := 0
	for n, i := range s.skills {
		if lvl, ok := p.Skills[s.skillIDs[n]]; ok {
			// Check refuses a level outside the rubric's scale; a
			// profile that was not checked counts as the top, or as 0
			// below it.
			st.val[i] = float64(min(max(lvl, 0), top))
			found++
			if st.leveled != nil {
				st.leveled[i] = true
			}
		}
	}
	if found < len(p.Skills) {
		// Other ids: a profile not checked may give a level to an item
		// that is not a skill, which then counts as that.
		for id, lvl := range p.Skills {
			if i := s.r.ItemIndex(id); i >= 0 && s.items[i].kind != rubric.KindSkill {
				st.val[i] = float64(min(max(lvl, 0), top))
			}
		}
	}
	for _, list := range [][]string{p.Education, p.Certifications} {
		for _, id := range list {
			if i := s.r.ItemIndex(id); i >= 0 {
				s.hold(st.val, i)
			}
		}
	}
	rev := p.Revision()
	for i := range s.items {
		it := s.items[i].it
		if it.AddedIn() <= rev || it.Kind == rubric.KindYears {
			continue
		}
		answered := false
		switch it.Kind {
		case rubric.KindSkill:
			// n/a is an answer: it counts, as 0.
			answered = s.answers(st, p, i)
		default:
			// Held: a later item the profile does not list may simply not
			// have been asked; "any": its alternatives may be new too.
			answered = s.have(st, i, len(s.r.Stages)-1) > 0
		}
		if !answered {
			if st.unanswered == nil {
				if len(buf) == len(s.items) {
					clear(buf)
					st.unanswered = buf
				} else {
					st.unanswered = make([]bool, len(s.items))
				}
			}
			st.unanswered[i] = true
		}
	}
}

// hold marks held item i, and everything it covers, as held.
func (s *Scorer) hold(val []float64, i int) {
	val[i] = 1
	for _, c := range s.items[i].covers {
		val[c] = 1
	}
}

// answers is p.AnswersSkill for skill item i: a level or n/a.
func (s *Scorer) answers(st *state, p *profiles.Profile, i int) bool {
	id := s.items[i].it.ID
	if st.leveled != nil {
		return st.leveled[i] || slices.Contains(p.NotApplicable, id)
	}
	return p.AnswersSkill(id)
}

// notApplicable is p.IsNotApplicable for skill item i: n/a and no level.
func (s *Scorer) notApplicable(st *state, p *profiles.Profile, i int) bool {
	if st.leveled != nil {
		return !st.leveled[i] && slices.Contains(p.NotApplicable, s.items[i].it.ID)
	}
	return p.IsNotApplicable(s.items[i].it.ID)
}

func (st *state) skip(i int) bool { return st.unanswered != nil && st.unanswered[i] }

// kindCode is an item's kind as a number: comparing kinds is the most
// frequent thing scoring does.
type kindCode uint8

const (
	kOther kindCode = iota
	kSkill
	kYears
	kHeld
	kAny
)

func kindCodeOf(kind string) kindCode {
	switch kind {
	case rubric.KindSkill:
		return kSkill
	case rubric.KindYears:
		return kYears
	case rubric.KindHeld:
		return kHeld
	case rubric.KindAny:
		return kAny
	}
	return kOther
}

// have is what the profile has of item i, seen from stage si.
func (s *Scorer) have(st *state, i, si int) float64 {
	// Small enough to be inlined: skills and years are most of what is
	// asked, and have is asked of every item at every look at a state.
	ci := &s.items[i]
	if ci.k == kSkill {
		return st.val[i]
	}
	if ci.k == kYears {
		return st.years[ci.field]
	}
	return s.haveHeld(st, i, si)
}

// haveAsk is have for an item of stage si's ask table, small enough to
// be inlined in the loops over it.
func (s *Scorer) haveAsk(st *state, a *askItem, si int) float64 {
	if a.from == fromVal {
		return st.val[a.i]
	}
	return s.haveOther(st, a, si)
}

// haveOther is haveAsk for the items whose answer is not in val. Kept
// out of line so that haveAsk stays small enough to be inlined itself.
//
//go:noinline
func (s *Scorer) haveOther(st *state, a *askItem, si int) float64 {
	if a.from == fromYears {
		return st.years[a.field]
	}
	return s.haveHeld(st, a.i, si)
}

// haveFrom says where haveAsk reads what the profile has of an item,
// without looking at the item (a citem is several cache lines).
type haveFrom uint8

const (
	fromVal   haveFrom = iota // skills, and held items with no alternative and no years standing in
	fromYears                 // years items: their field
	fromHeld                  // the rest: haveHeld
)

// haveHeld is have for held and "any" items.
func (s *Scorer) haveHeld(st *state, i, si int) float64 {
	ci := &s.items[i]
	h := 0.0
	if ci.k == kHeld {
		h = st.val[i]
	}
	for _, a := range ci.alts {
		if si <= a.until && st.val[a.idx] > h {
			h = st.val[a.idx]
		}
	}
	if ci.orField >= 0 && h < 1 {
		h = max(h, ci.it.OrYears.Credit(st.years[ci.orField]))
	}
	return h
}

// credit is the share of an item's weight a profile earns: (have/need)²,
// capped at 1. Squaring makes a shortfall count for more than its share (one
// level short of 3 earns 44%, not 67%): being nearly there is not being there.
// It rises with have, so raising an answer never lowers readiness.
func credit(have, need float64) float64 {
	if have >= need {
		return 1
	}
	if have <= 0 {
		return 0
	}
	x := have / need
	return x * x
}

// judgeAt says whether having h of an item the stage asks for (a) keeps the
// verdict from ready (hard) and whether that cannot be mended within a year
// (blocking); for a skill at a whole level, from askItem's table.
func (ci *citem) judgeAt(a *askItem, h float64) (hard, blocking bool) {
	if l := int(h); a.k == kSkill && float64(l) == h && uint(l) < 8 {
		return a.hardAt>>l&1 != 0, a.blockAt>>l&1 != 0
	}
	return ci.judgeSlow(a, h)
}

// judgeSlow is judgeAt worked out: the one place the rules are.
func (ci *citem) judgeSlow(a *askItem, h float64) (hard, blocking bool) {
	if ci.gate > 0 && h < a.need*ci.gate {
		return true, true
	}
	if !ci.hardReq {
		return false, false
	}
	lvl := a.hardLvl
	if h >= lvl-1e-9 {
		return false, false
	}
	switch ci.k {
	case kSkill:
		// Blocking when short past its margin, or two levels short of the
		// need (the core-skill rule, whatever the margin), and closing the
		// gap in full takes more than a year at the category's pace. The
		// plan closes a blocking gap in full, so the time to ready is then
		// more than a year too. At the standard pace (13, 40, 52, 104
		// weeks) two levels always take more than a year; a rubric whose
		// skills grow faster blocks only what its own pace cannot close
		// within one.
		return true, (h < lvl-ci.margin-1e-9 || a.need-h >= 2-1e-9) && ci.cat.WeeksBetween(h, a.need) > AlmostWeeks
	case kYears:
		return true, h < lvl-ci.margin-1e-9
	}
	return true, a.quick > AlmostWeeks
}

// stageEval is one stage's scoring of a state.
type stageEval struct {
	raw      float64 // readiness from this stage's own items, unrounded
	hard     bool    // a hard requirement is not met
	blocking bool    // ... and cannot be met within a year
	total    float64 // weight of the items counted
}

func (s *Scorer) evalStage(st *state, si int) stageEval { return s.evalStrict(st, si, nil) }

// evalStrict is evalStage where the items marked in strict must reach their
// full need, not the hard level: a plan closes a gap that is blocking now
// rather than scraping past it (so a blocking gap is never planned away in
// under a year).
func (s *Scorer) evalStrict(st *state, si int, strict []bool) stageEval {
	return s.evalGaps(st, si, strict, nil)
}

// stageGaps is what evaluating a stage found of its gaps, kept so that the
// stage's plan need not find and judge them again (planInto).
type stageGaps struct {
	k     []int  // the gaps' indexes in the stage's ask table, in ask order
	block []bool // whether each is blocking now
	// met is the weight of the items met, total of all the items judged
	// (not skipped), both quantized (askItem.qw): what a state planned
	// from this one has of everything but the gaps (ready).
	met, total float64
}

func (g *stageGaps) reset() { g.k, g.block = g.k[:0], g.block[:0] }

// evalGaps is evalStrict recording the stage's gaps in g when g is not nil.
func (s *Scorer) evalGaps(st *state, si int, strict []bool, g *stageGaps) stageEval {
	var e stageEval
	met, part, qtotal := 0.0, 0.0, 0.0
	ask := s.ask[si]
	for k := range ask {
		a := &ask[k]
		i := a.i
		if st.skip(i) {
			continue
		}
		h := s.haveAsk(st, a, si)
		e.total += a.w
		qtotal += a.qw
		if h >= a.need {
			met += a.qw // full credit: a.qw * 1
			continue
		}
		part += a.qw * credit(h, a.need)
		hard, blocking := s.items[i].judgeAt(a, h)
		e.hard = e.hard || hard || (strict != nil && strict[i])
		e.blocking = e.blocking || blocking
		if g != nil {
			g.k = append(g.k, k)
			g.block = append(g.block, blocking)
		}
	}
	if g != nil {
		g.met, g.total = met, qtotal
	}
	e.raw = rawOf(met, part, qtotal)
	return e
}

// askRef is an entry of the ask tables: stage si's k-th.
type askRef struct{ si, k int32 }

// sums are evalGaps' running sums for one stage.
type sums struct{ met, part, qtotal float64 }

// evalAll is evalGaps for every stage (strict nil), into evals and gaps
// (reset first), walking each item once for all the stages that ask for
// it rather than each stage's items in turn: what the profile has of an
// item is looked up once, not once a stage. Each stage's sums still
// follow its ask order (items in order), so the results are evalGaps'
// to the bit (TestEvalAllIsEvalGaps). acc is a buffer of one sums a stage.
func (s *Scorer) evalAll(st *state, evals []stageEval, gaps []stageGaps, acc []sums) {
	clear(evals)
	clear(acc)
	for j := range gaps {
		gaps[j].reset()
	}
	for i, refs := range s.askedBy {
		if len(refs) == 0 || st.skip(i) {
			continue
		}
		h := 0.0
		for _, r := range refs {
			a := &s.ask[r.si][r.k]
			if r == refs[0] || a.from == fromHeld {
				h = s.haveAsk(st, a, int(r.si)) // the same at every stage but for held items
			}
			e, sm := &evals[r.si], &acc[r.si]
			e.total += a.w
			sm.qtotal += a.qw
			if h >= a.need {
				sm.met += a.qw
				continue
			}
			sm.part += a.qw * credit(h, a.need)
			hard, blocking := s.items[i].judgeAt(a, h)
			e.hard = e.hard || hard
			e.blocking = e.blocking || blocking
			g := &gaps[r.si]
			g.k = append(g.k, int(r.k))
			g.block = append(g.block, blocking)
		}
	}
	for j := range evals {
		sm := &acc[j]
		gaps[j].met, gaps[j].total = sm.met, sm.qtotal
		evals[j].raw = rawOf(sm.met, sm.part, sm.qtotal)
	}
}

// rawOf is a stage's raw readiness from the weight of the items met, the
// weighted credit of those short of their need (summed in ask order), and
// the weight of all. Weights are whole multiples of one small power of two
// (quantize), so the first and last are exact whatever the order they are
// added in: a probe of a plan adds only its gaps to what its state had met.
func rawOf(met, part, total float64) float64 {
	if total > 0 {
		return 100 * (met + part) / total
	}
	return 100
}

// quantize rounds each of a stage's weights to a whole multiple of one
// power of two, 2^-45 of the power of two at or above their sum: then any
// sum of some of them is exact, in any order (at most 45 bits), which
// rawOf's sums rely on. A weight moves by less than 2^-45 of the stage's
// (about 3e-14), and only readiness reads the quantized weights; the
// scores of categories, impacts and weights shown are the rubric's own.
// None above zero becomes zero.
func quantize(ws []float64) []float64 {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	if sum <= 0 || math.IsInf(sum, 0) || math.IsNaN(sum) {
		return ws
	}
	_, e := math.Frexp(sum) // sum < 2^e
	unit := math.Ldexp(1, e-45)
	if unit == 0 {
		return ws // weights of some 1e-300: left as they are
	}
	for i, w := range ws {
		if w > 0 {
			ws[i] = max(mathx.Round(w/unit), 1) * unit
		}
	}
	return ws
}

// rawAt is evalStage's raw readiness alone.
func (s *Scorer) rawAt(st *state, si int) float64 {
	total, met, part := 0.0, 0.0, 0.0
	ask := s.ask[si]
	for k := range ask {
		a := &ask[k]
		if st.skip(a.i) {
			continue
		}
		total += a.qw
		if h := s.haveAsk(st, a, si); h >= a.need {
			met += a.qw
		} else {
			part += a.qw * credit(h, a.need)
		}
	}
	return rawOf(met, part, total)
}

// unmet reports whether st misses a hard requirement of stage si (or one
// marked in strict), or is blocked there: evalStrict's hard || blocking,
// stopping at the first.
func (s *Scorer) unmet(st *state, si int, strict []bool) bool {
	ask := s.ask[si]
	for k := range ask {
		a := &ask[k]
		i := a.i
		if st.skip(i) {
			continue
		}
		if h := s.haveAsk(st, a, si); h < a.need {
			if strict != nil && strict[i] {
				return true
			}
			if a.unmet(h) {
				return true
			}
		}
	}
	return false
}

// quickWeeks is the shortest study that gains a held or "any" item at si.
func (s *Scorer) quickWeeks(i, si int) float64 {
	ci := &s.items[i]
	switch ci.kind {
	case rubric.KindHeld:
		return ci.it.EffortWeeks
	case rubric.KindAny:
		best := math.Inf(1)
		for _, a := range ci.alts {
			if si <= a.until {
				best = min(best, s.r.Items[a.idx].EffortWeeks)
			}
		}
		return best
	}
	return 0
}

// readiness is a stage's readiness: its own, or the readiness of a higher
// rung when that is more. Whatever fits a person for a rung fits them for the
// rungs below it, so a lower rung never scores less than a higher one.
func (s *Scorer) readiness(st *state, si int) (float64, int) {
	best, from := -1.0, si
	for j := si; j < len(s.r.Stages); j++ {
		if e := s.evalStage(st, j); e.raw > best+1e-9 {
			best, from = e.raw, j
		}
	}
	return best, from
}

// ready reports whether st is ready for stage si; strict as in evalStrict,
// strictAsk the indexes in the stage's ask table of the items marked in
// strict (or nil: they are looked at in any case); g, when not nil, the
// gaps of the state st was planned from (evalGaps), which st has all else
// of. It is readyPlain
// (unmet, then rawAt rung by rung), looking first at what keeps a state
// from ready, since most probes of a plan are not ready: the gaps blocking
// now; then the hard requirements and the readiness, the rung's own items
// walked once.
func (s *Scorer) ready(st *state, si int, strict []bool, strictAsk []int, g *stageGaps) bool {
	ask := s.ask[si]
	for _, k := range strictAsk {
		if a := &ask[k]; !st.skip(a.i) && s.haveAsk(st, a, si) < a.need {
			return false
		}
	}
	var raw float64
	if g != nil {
		// What the plan's own state met, any state it leads to has met
		// (a plan only adds): only its gaps are looked at.
		met, part := g.met, 0.0
		for _, k := range g.k {
			a := &ask[k]
			h := s.haveAsk(st, a, si)
			if h >= a.need {
				met += a.qw
				continue
			}
			if a.unmet(h) || strict != nil && strict[a.i] {
				return false
			}
			part += a.qw * credit(h, a.need)
		}
		raw = rawOf(met, part, g.total)
	} else {
		if s.unmet(st, si, strict) {
			return false
		}
		raw = s.rawAt(st, si)
	}
	thr := s.r.Thresholds.Ready
	if round1(raw) >= thr {
		return true
	}
	for j := si + 1; j < len(s.r.Stages); j++ {
		if round1(s.rawAt(st, j)) >= thr {
			return true
		}
	}
	return false
}

// readyPlain is ready's slow twin: unmet, then each rung's rawAt.
func (s *Scorer) readyPlain(st *state, si int, strict []bool) bool {
	if s.unmet(st, si, strict) {
		return false
	}
	// The rung's own readiness, else any higher rung's, may reach the bar.
	thr := s.r.Thresholds.Ready
	for j := si; j < len(s.r.Stages); j++ {
		if round1(s.rawAt(st, j)) >= thr {
			return true
		}
	}
	return false
}

// round1 rounds to a tenth, a half up (away from zero), as by hand: a
// readiness or score worked out in decimals to exactly a half (71.25) is
// one to floats only nearly, a hair either side (71.24999999999999), and
// goes up whichever side it fell. A hair is 1e-10 of a point: float sums
// of a rubric's shares are off by less than 1e-12, and a rubric would
// need weights given to ten decimals to come closer to a half without
// being one.
func round1(x float64) float64 {
	// Floor and a half rather than Round: one instruction and an add.
	if x > 0 {
		return math.Floor(x*10+(0.5+1e-9)) / 10
	}
	if x < 0 {
		return -math.Floor(-x*10+(0.5+1e-9)) / 10
	}
	return x // 0, -0, NaN
}

func round2(x float64) float64 { return mathx.Round(x*100) / 100 }
func round3(x float64) float64 { return mathx.Round(x*1000) / 1000 }

func joinIDs(ids []string) string { return strings.Join(ids, ", ") }

// Score scores p against target with r, for one-off use: to score many
// profiles, hold a Scorer (New or Compile) and call its Score.
func Score(r *rubric.Rubric, p *profiles.Profile, target string) (*Result, error) {
	return New(r).Score(p, target)
}

// ScoreWith is Score with options.
func ScoreWith(r *rubric.Rubric, p *profiles.Profile, target string, opts ScoreOptions) (*Result, error) {
	return New(r).ScoreWith(p, target, opts)
}
