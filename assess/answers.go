package assess

import (
	"maps"
	"slices"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// SameAnswers reports whether a and b answer r alike: the same name, target
// (none is the rubric's default), years (any field), degrees and certifications in any
// order, skill levels (none is 0; n/a differs from 0) and evidence. nil has no answers at all.
// The date, the format and the rubric revision are not answers.
func SameAnswers(a, b *profiles.Profile, r *rubric.Rubric) bool {
	if a == nil {
		a = &profiles.Profile{}
	}
	if b == nil {
		b = &profiles.Profile{}
	}
	target := func(p *profiles.Profile) string {
		if p.Target == "" {
			return r.Target()
		}
		return p.Target
	}
	if a.Name != b.Name || target(a) != target(b) || !a.Experience.Equal(b.Experience) {
		return false
	}
	sorted := func(s []string) []string { s = slices.Clone(s); slices.Sort(s); return slices.Compact(s) }
	if !slices.Equal(sorted(a.Education), sorted(b.Education)) || !slices.Equal(sorted(a.Certifications), sorted(b.Certifications)) {
		return false
	}
	for _, id := range r.IDsOfKind(rubric.KindSkill, "") {
		if a.Skills[id] != b.Skills[id] || a.IsNotApplicable(id) != b.IsNotApplicable(id) {
			return false
		}
	}
	given := func(m map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			if v != "" {
				out[k] = v
			}
		}
		return out
	}
	return maps.Equal(given(a.Evidence), given(b.Evidence))
}
