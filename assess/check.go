package assess

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Check verifies the profile's ids against the rubric its answers belong to:
// every experience field, skill, education item, certification and
// evidence key must be one of the rubric's, every skill's level within the
// rubric's scale, and the target one of its stages. Every problem is reported,
// in line order (an input.List when there are several).
func Check(p *profiles.Profile, r *rubric.Rubric) error {
	if fine(p, r) {
		return nil
	}
	return check(p, r)
}

// fine reports, without a message or an allocation, that check finds
// nothing wrong: the usual case, which a batch meets at every profile
// (TestFineAgreesWithCheck holds the two together).
func fine(p *profiles.Profile, r *rubric.Rubric) bool {
	if p.Revision() > r.Rev() || (p.Target != "" && r.StageIndex(p.Target) < 0) {
		return false
	}
	fields := r.ExperienceFields()
	declared := func(id string) bool {
		for i := range fields {
			if fields[i].ID == id {
				return true
			}
		}
		return false
	}
	if (p.Experience.ITYears != 0 && !declared(rubric.FieldITYears)) || (p.Experience.ManagementYears != 0 && !declared(rubric.FieldManagementYears)) {
		return false
	}
	for id := range p.Experience.Other {
		if !declared(id) {
			return false
		}
	}
	// Every key a skill of the rubric, at most at its top level: the
	// rubric's skills looked up in the profile (a walk of the map and a
	// look-up in the rubric for each key cost twice as much).
	top, found := r.MaxLevel(), 0
	for _, id := range r.SkillIDs() {
		if lvl, ok := p.Skills[id]; ok {
			if lvl > top {
				return false
			}
			found++
		}
	}
	if found != len(p.Skills) {
		return false
	}
	for _, k := range p.NotApplicable {
		if _, level := p.Skills[k]; level {
			continue
		}
		if it, ok := r.Item(k); !ok || it.Kind != rubric.KindSkill {
			return false
		}
	}
	for _, id := range p.Education {
		if it, ok := r.Item(id); !ok || it.Kind != rubric.KindHeld || it.Category != rubric.CategoryEducation {
			return false
		}
	}
	for _, id := range p.Certifications {
		if it, ok := r.Item(id); !ok || it.Kind != rubric.KindHeld || it.Category == rubric.CategoryEducation {
			return false
		}
	}
	for k := range p.Evidence {
		if _, ok := r.Item(k); !ok {
			return false
		}
	}
	return true
}

// check is Check building every message.
func check(p *profiles.Profile, r *rubric.Rubric) error {
	var problems input.List
	listed := map[string]bool{} // the kinds whose known ids a message has listed
	hintOrList := func(s, kind string, candidates []string) string {
		if h := rubric.DidYouMean(s, candidates); h != "" {
			return h
		}
		if len(candidates) == 0 {
			// A rubric may have no skills, or nothing to list under
			// education or certifications: say so, not "known ids:" and
			// nothing.
			if kind == "skill" {
				return fmt.Sprintf("; rubric %s has no skills", r.ID)
			}
			return fmt.Sprintf("; rubric %s has nothing to list under %s", r.ID, listOf(kind))
		}
		if listed[kind] {
			return "; see the known ids above"
		}
		listed[kind] = true
		return "; known ids: " + strings.Join(candidates, ", ")
	}
	errAt := func(path, format string, args ...any) {
		problems = append(problems, input.Errorf(p.File, p.Line(path), format, args...))
	}
	if p.Revision() > r.Rev() {
		errAt("rubric_revision", "rubric_revision: %d is newer than rubric %s (revision %d); a newer skillgap or rubric wrote these answers", p.RubricRevision, r.ID, r.Rev())
	}
	if p.Target != "" && r.StageIndex(p.Target) < 0 {
		errAt("target", "target: %s is not a stage of rubric %s%s; stages are %s",
			input.Short(p.Target), r.ID, rubric.DidYouMean(p.Target, r.StageIDs()), strings.Join(r.StageIDs(), ", "))
	}
	declared := r.ExperienceIDs()
	var undeclared []string
	for _, id := range []string{rubric.FieldITYears, rubric.FieldManagementYears} {
		if p.Experience.Has(id) && !slices.Contains(declared, id) {
			undeclared = append(undeclared, id)
		}
	}
	for id := range p.Experience.Other {
		if !slices.Contains(declared, id) {
			undeclared = append(undeclared, id)
		}
	}
	for _, k := range inFileOrder(p, "experience.", undeclared) {
		errAt("experience."+k, "%s", notAField(k, r))
	}
	var unknown, high []string
	top := r.MaxLevel()
	for k, lvl := range p.Skills {
		if it, ok := r.Item(k); !ok || it.Kind != rubric.KindSkill {
			unknown = append(unknown, k)
		} else if lvl > top {
			high = append(high, k)
		}
	}
	for _, k := range p.NotApplicable {
		if _, level := p.Skills[k]; level {
			continue
		}
		if it, ok := r.Item(k); !ok || it.Kind != rubric.KindSkill {
			unknown = append(unknown, k)
		}
	}
	for _, k := range inFileOrder(p, "skills.", unknown) {
		errAt("skills."+k, "skills.%s: unknown skill%s", input.Short(k), hintOrList(k, "skill", r.IDsOfKind(rubric.KindSkill, "")))
	}
	for _, k := range inFileOrder(p, "skills.", high) {
		errAt("skills."+k, "skills.%s: level %d is above this rubric's top level, %d (%s); use a level from %d to %d",
			input.Short(k), p.Skills[k], top, r.LevelName(top), rubric.MinLevel, top)
	}
	for _, list := range []struct {
		path string
		ids  []string
	}{{"education", p.Education}, {"certifications", p.Certifications}} {
		// Held items of category education are listed under education,
		// those of any other category under certifications.
		education := list.path == "education"
		what := rubric.CategoryCertification
		if education {
			what = rubric.CategoryEducation
		}
		for i, id := range list.ids {
			if it, ok := r.Item(id); !ok || it.Kind != rubric.KindHeld || (it.Category == rubric.CategoryEducation) != education {
				where := ""
				if ok && it.Kind == rubric.KindHeld {
					where = fmt.Sprintf(" (%s belongs under %s)", id, listOf(it.Category))
				}
				errAt(fmt.Sprintf("%s[%d]", list.path, i), "%s: unknown %s id %s%s%s",
					list.path, what, input.Short(id), where, hintOrList(id, what, heldListed(r, education)))
			}
		}
	}
	unknown = unknown[:0]
	for k := range p.Evidence {
		if _, ok := r.Item(k); !ok {
			unknown = append(unknown, k)
		}
	}
	for _, k := range inFileOrder(p, "evidence.", unknown) {
		errAt("evidence."+k, "evidence.%s: not an item of rubric %s%s", input.Short(k), r.ID, rubric.DidYouMean(k, itemIDs(r)))
	}
	return problems.Err()
}

// notAField says that experience key k is not one of r's experience fields,
// with a near miss among them and the list of them. Check says it of a
// well-formed key the rubric does not declare, LoadProblems of a key that is
// not even an id (support-years, Support_Years).
func notAField(k string, r *rubric.Rubric) string {
	declared := r.ExperienceIDs()
	return fmt.Sprintf("experience.%s: not an experience field of rubric %s%s; this rubric's experience fields are %s: put the years under one of them",
		input.Short(k), r.ID, rubric.DidYouMean(k, declared), strings.Join(declared, ", "))
}

// inFileOrder sorts keys of a mapping of p by their line, then by name
// (the keys of a one-line JSON record share a line): never in the random
// order of a map.
func inFileOrder(p *profiles.Profile, prefix string, keys []string) []string {
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(p.Line(prefix+a), p.Line(prefix+b)), strings.Compare(a, b))
	})
	return keys
}

// LoadProblems completes the error of loading a profile. When the profile
// could be read in part (a *profiles.Problems), what was read is checked
// against its rubric too (found with rubricOf), so that one message lists
// every problem, in line order: unknown keys and unknown ids alike.
func LoadProblems(err error, rubricOf func(*profiles.Profile) (*rubric.Rubric, error)) error {
	var pe *profiles.Problems
	if !errors.As(err, &pe) || pe.Partial == nil {
		return err
	}
	r, more := rubricOf(pe.Partial)
	if more == nil {
		pe = pe.InScale(r.LevelNames()).InFields(func(k string) string { return notAField(k, r) })
		more = Check(pe.Partial, r)
	}
	found := input.ListOf(more)
	if len(found) == 0 {
		return pe
	}
	all := append(slices.Clone(pe.List), found...)
	all.Sort()
	return &profiles.Problems{List: all}
}

// listOf is the profile list that holds the held items of category: education
// for category education, certifications for any other.
func listOf(category string) string {
	if category == rubric.CategoryEducation {
		return "education"
	}
	return "certifications"
}

// heldListed lists the held items a profile lists under education (when
// education is set) or certifications, in rubric order.
func heldListed(r *rubric.Rubric, education bool) []string {
	var ids []string
	for _, it := range r.Items {
		if it.Kind == rubric.KindHeld && (it.Category == rubric.CategoryEducation) == education {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

func itemIDs(r *rubric.Rubric) []string {
	ids := make([]string, len(r.Items))
	for i, it := range r.Items {
		ids[i] = it.ID
	}
	return ids
}
