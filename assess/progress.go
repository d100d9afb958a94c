package assess

import (
	"slices"
	"sort"
	"strconv"

	"github.com/skillgap/skillgap/profiles"
)

// Progress is what changed between an earlier assessment and this one, both
// scored against the same rubric and target.
type Progress struct {
	Since          string   `json:"since,omitempty"` // the earlier profile's date
	OldReadiness   float64  `json:"old_readiness"`
	OldVerdict     string   `json:"old_verdict"`
	ReadinessDelta float64  `json:"readiness_delta"` // new minus old, one decimal
	ClosedGaps     []string `json:"closed_gaps"`
	NewGaps        []string `json:"new_gaps"`
	Changes        []Change `json:"changes"`
}

// Change is one answer that differs.
type Change struct {
	ID  string `json:"id"`
	Old string `json:"old"`
	New string `json:"new"`
}

// Compare reports the progress from old to cur. The results must be for the
// same target.
func Compare(oldP, curP *profiles.Profile, old, cur *Result) *Progress {
	pr := &Progress{
		Since:          oldP.Updated,
		OldReadiness:   old.Readiness,
		OldVerdict:     old.Verdict,
		ReadinessDelta: round1(cur.Readiness - old.Readiness),
		ClosedGaps:     []string{},
		NewGaps:        []string{},
		Changes:        []Change{},
	}
	oldGaps, curGaps := map[string]bool{}, map[string]bool{}
	for _, g := range old.Gaps {
		oldGaps[g.ID] = true
	}
	for _, g := range cur.Gaps {
		curGaps[g.ID] = true
		if !oldGaps[g.ID] {
			pr.NewGaps = append(pr.NewGaps, g.ID)
		}
	}
	for _, g := range old.Gaps {
		if !curGaps[g.ID] {
			pr.ClosedGaps = append(pr.ClosedGaps, g.ID)
		}
	}
	add := func(id, o, n string) {
		if o != n {
			pr.Changes = append(pr.Changes, Change{ID: id, Old: o, New: n})
		}
	}
	add("target", oldP.Target, curP.Target)
	add("experience.it_years", num(oldP.Experience.ITYears), num(curP.Experience.ITYears))
	add("experience.management_years", num(oldP.Experience.ManagementYears), num(curP.Experience.ManagementYears))
	held := func(p *profiles.Profile) []string {
		return append(slices.Clone(p.Education), p.Certifications...)
	}
	oldHeld, curHeld := held(oldP), held(curP)
	var ids []string
	for _, id := range append(slices.Clone(oldHeld), curHeld...) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		add(id, yesNo(slices.Contains(oldHeld, id)), yesNo(slices.Contains(curHeld, id)))
	}
	var skills []string
	for id := range oldP.Skills {
		skills = append(skills, id)
	}
	for id := range curP.Skills {
		if _, ok := oldP.Skills[id]; !ok {
			skills = append(skills, id)
		}
	}
	sort.Strings(skills)
	for _, id := range skills {
		add("skills."+id, strconv.Itoa(oldP.Skills[id]), strconv.Itoa(curP.Skills[id]))
	}
	return pr
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func yesNo(b bool) string {
	if b {
		return "held"
	}
	return "not held"
}
