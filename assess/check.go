package assess

import (
	"fmt"
	"sort"
	"strings"

	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Check verifies the profile's ids against the rubric its answers belong to:
// every skill, education item, certification and evidence key must be one of
// the rubric's, and the target one of its stages.
func Check(p *profiles.Profile, r *rubric.Rubric) error {
	errAt := func(path, format string, args ...any) error {
		return input.Errorf(p.File, p.Line(path), format, args...)
	}
	if p.Revision() > r.Rev() {
		return errAt("rubric_revision", "rubric_revision: %d is newer than rubric %s (revision %d); a newer skillgap or rubric wrote these answers", p.RubricRevision, r.ID, r.Rev())
	}
	if p.Target != "" && r.StageIndex(p.Target) < 0 {
		return errAt("target", "target: %s is not a stage of rubric %s%s; stages are %s",
			input.Short(p.Target), r.ID, rubric.DidYouMean(p.Target, r.StageIDs()), strings.Join(r.StageIDs(), ", "))
	}
	var unknown []string
	for k := range p.Skills {
		if it, ok := r.Item(k); !ok || it.Kind != rubric.KindSkill {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		// Report the first in the file.
		sort.Slice(unknown, func(i, j int) bool { return p.Line("skills."+unknown[i]) < p.Line("skills."+unknown[j]) })
		k := unknown[0]
		return errAt("skills."+k, "skills.%s: unknown skill%s", input.Short(k), hintOrList(k, r.IDsOfKind(rubric.KindSkill, "")))
	}
	for _, list := range []struct {
		path string
		ids  []string
	}{{"education", p.Education}, {"certifications", p.Certifications}} {
		cat := rubric.CategoryEducation
		if list.path == "certifications" {
			cat = rubric.CategoryCertification
		}
		for i, id := range list.ids {
			if it, ok := r.Item(id); !ok || it.Kind != rubric.KindHeld || it.Category != cat {
				where := ""
				if ok && it.Kind == rubric.KindHeld {
					where = fmt.Sprintf(" (%s belongs under %s)", id, other(it.Category))
				}
				return errAt(fmt.Sprintf("%s[%d]", list.path, i), "%s: unknown %s id %s%s%s",
					list.path, cat, input.Short(id), where, hintOrList(id, r.IDsOfKind(rubric.KindHeld, cat)))
			}
		}
	}
	for k := range p.Evidence {
		if _, ok := r.Item(k); !ok {
			return errAt("evidence."+k, "evidence.%s: not an item of rubric %s%s", input.Short(k), r.ID, rubric.DidYouMean(k, itemIDs(r)))
		}
	}
	return nil
}

func other(category string) string {
	if category == rubric.CategoryCertification {
		return "certifications"
	}
	return category
}

func itemIDs(r *rubric.Rubric) []string {
	ids := make([]string, len(r.Items))
	for i, it := range r.Items {
		ids[i] = it.ID
	}
	return ids
}

func hintOrList(s string, candidates []string) string {
	if h := rubric.DidYouMean(s, candidates); h != "" {
		return h
	}
	return "; known ids: " + strings.Join(candidates, ", ")
}
