// Package testkit is what the tests share: a random profile generator and a
// scripted prompter. Tests only.
package testkit

import (
	"fmt"
	"math/rand/v2"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// RandomProfile draws answers for every item of r. One in three profiles is
// of the rubric's first revision and leaves out what it added later; skills
// cluster around a level, as people's do, so every rung is sometimes near.
func RandomProfile(rng *rand.Rand, r *rubric.Rubric) *profiles.Profile {
	p := &profiles.Profile{Version: 1, Skills: map[string]int{}}
	if rng.IntN(3) > 0 {
		p.RubricRevision = r.Rev()
	}
	p.Experience.ITYears = float64(rng.IntN(64)) / 2
	p.Experience.ManagementYears = min(p.Experience.ITYears, float64(rng.IntN(30))/2)
	// A rubric with fields of its own: the first has the years of IT, the
	// others those of leading, and the standard ones it does not read go.
	if fields := r.ExperienceFields(); fields[0].ID != rubric.FieldITYears {
		years := []float64{p.Experience.ITYears, p.Experience.ManagementYears}
		p.Experience = profiles.Experience{}
		for i, f := range fields {
			p.Experience.Set(f.ID, years[min(i, 1)])
		}
	}
	level := rng.IntN(r.MaxLevel() + 1)
	for _, it := range r.Items {
		if it.AddedIn() > p.Revision() {
			continue
		}
		switch it.Kind {
		case rubric.KindSkill:
			p.Skills[it.ID] = min(max(level+rng.IntN(3)-1, rubric.MinLevel), r.MaxLevel())
		case rubric.KindHeld:
			if rng.IntN(3) == 0 {
				if it.Category == rubric.CategoryEducation {
					p.Education = append(p.Education, it.ID)
				} else {
					p.Certifications = append(p.Certifications, it.ID)
				}
			}
		}
	}
	return p
}

// Back, as a scripted answer, is the user typing "<": back to the previous
// question.
var Back any = back{}

type back struct{}

// Seq scripts successive answers to the same question (it is asked again
// after going back, or from the review); once they are used up, the default.
type Seq []any

// Prompter answers from a script. Answers are keyed by question id (held
// groups by their message): a string for Input, an int (or an option's ID,
// such as the review's "skills.cloud" or "save") for Select, []int for
// MultiSelect, a bool for Confirm, Back for any of them, or a Seq of those.
// Unscripted questions take the default, as pressing Enter would. Revisits
// answer the "go through them again?" question in turn; Interrupt is the id
// of the question at which the person presses Ctrl-C.
type Prompter struct {
	Answers   map[string]any
	Revisits  []bool
	Interrupt string
	// Asked lists the questions asked, in order; Defaults the default each
	// was asked with (its answer so far) and Options its options (nil for
	// Input and Confirm).
	Asked    []assess.Question
	Defaults []any
	Options  [][]assess.Option
}

func (s *Prompter) ask(q assess.Question, def any, options []assess.Option) (any, bool, error) {
	s.Asked = append(s.Asked, q)
	s.Defaults = append(s.Defaults, def)
	s.Options = append(s.Options, options)
	if q.ID == s.Interrupt {
		return nil, false, assess.ErrInterrupted
	}
	key := q.ID
	if key == "held" {
		key = q.Message
	}
	a, ok := s.Answers[key]
	if seq, isSeq := a.(Seq); isSeq {
		if len(seq) == 0 {
			return nil, false, nil
		}
		a, s.Answers[key] = seq[0], seq[1:]
	}
	if a == Back {
		if !q.Back {
			return nil, false, fmt.Errorf("the script goes back at %s, where there is no way back", q.ID)
		}
		return nil, false, assess.ErrBack
	}
	return a, ok, nil
}

// Input answers with the script, checked as the terminal checks it.
func (s *Prompter) Input(q assess.Question, def string, validate func(string) error) (string, error) {
	a, ok, err := s.ask(q, def, nil)
	if err != nil || !ok {
		return def, err
	}
	if err := validate(a.(string)); err != nil {
		return "", err
	}
	return a.(string), nil
}

// Select answers with the script: an index, or the ID of an option.
func (s *Prompter) Select(q assess.Question, options []assess.Option, def int) (int, error) {
	a, ok, err := s.ask(q, def, options)
	if err != nil || !ok {
		return def, err
	}
	if id, isID := a.(string); isID {
		for i, o := range options {
			if o.ID == id {
				return i, nil
			}
		}
		return 0, fmt.Errorf("%s has no option %q", q.ID, id)
	}
	return a.(int), nil
}

// MultiSelect answers with the script.
func (s *Prompter) MultiSelect(q assess.Question, options []assess.Option, defs []int) ([]int, error) {
	a, ok, err := s.ask(q, defs, options)
	if err != nil || !ok {
		return defs, err
	}
	return a.([]int), nil
}

// Confirm answers with the script; "revisit" takes the next of Revisits.
func (s *Prompter) Confirm(q assess.Question, def bool) (bool, error) {
	a, ok, err := s.ask(q, def, nil)
	if err != nil {
		return false, err
	}
	if q.ID == "revisit" && len(s.Revisits) > 0 {
		c := s.Revisits[0]
		s.Revisits = s.Revisits[1:]
		return c, nil
	}
	if ok {
		return a.(bool), nil
	}
	return def, nil
}

// Last is the index in Asked of the last question asked with id, or -1.
func (s *Prompter) Last(id string) int {
	for i := len(s.Asked) - 1; i >= 0; i-- {
		if s.Asked[i].ID == id {
			return i
		}
	}
	return -1
}

// IDs lists the ids of the questions asked, in order.
func (s *Prompter) IDs() []string {
	ids := make([]string, len(s.Asked))
	for i, q := range s.Asked {
		ids[i] = q.ID
	}
	return ids
}
