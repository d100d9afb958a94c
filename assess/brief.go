package assess

import (
	"errors"
	"fmt"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Brief is the part of a Result that team summaries need: readiness, verdict,
// the gaps' numbers and the ladder's verdicts, without the plan, the time to
// ready or any text. Its numbers are those Score gives for the same profile.
type Brief struct {
	Target    int // stage index
	Readiness float64
	Verdict   string
	Gaps      []BriefGap
	Ladder    []string // verdict per stage, in ladder order
}

// BriefGap is one gap's numbers; Item indexes the rubric's items.
type BriefGap struct {
	Item       int
	Have, Need float64
	Impact     float64 // rounded to one decimal, as in Result
	Blocking   bool
}

// Brief scores p against target ("" as in Score) without the plan.
func (s *Scorer) Brief(p *profiles.Profile, target string) (Brief, error) {
	si, err := s.stageOf(p, target)
	if err != nil {
		return Brief{}, err
	}
	st := s.stateOf(p)
	e := s.evaluate(&st, si, true)
	b := Brief{Target: si, Readiness: round1(e.readiness), Verdict: s.verdict(e), Ladder: make([]string, len(s.r.Stages))}
	for i := range s.items {
		ci := &s.items[i]
		need := ci.it.NeedAt(si)
		if need <= 0 || ci.it.Weight <= 0 {
			continue
		}
		h := s.have(&st, i, si)
		if h >= need {
			continue
		}
		b.Gaps = append(b.Gaps, BriefGap{Item: i, Have: round2(h), Need: need, Impact: round1(e.impact(ci, h, need)), Blocking: ci.blocks(h, need)})
	}
	for i := range s.r.Stages {
		if i == si {
			b.Ladder[i] = b.Verdict
			continue
		}
		b.Ladder[i] = s.verdict(s.evaluate(&st, i, false))
	}
	return b, nil
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
