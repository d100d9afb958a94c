package assess

import (
	"cmp"
	"slices"
	"sort"
	"strconv"

	"github.com/skillgap/skillgap/internal/text"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
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
	// ClosedGapNames and NewGapNames are the requirements' names, for people.
	ClosedGapNames []string `json:"closed_gap_names"`
	NewGapNames    []string `json:"new_gap_names"`
	Changes        []Change `json:"changes"`
}

// Change is one answer that differs: ID is the answer's key in the profile
// (experience.it_years, skills.budgeting, or a held item's id), Old and New
// its values there; Name, Before and After say it in words.
type Change struct {
	ID     string `json:"id"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Name   string `json:"name"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// DifferentPeople reports whether two profiles name different people: both
// have a name, and the names differ beyond case, spaces and punctuation.
// Progress between two people's answers means nothing.
func DifferentPeople(a, b *profiles.Profile) bool {
	na, nb := text.Fold(a.Name), text.Fold(b.Name)
	return na != "" && nb != "" && na != nb
}

// Compare reports the progress from old to cur. The results must be for the
// same target.
func Compare(r *rubric.Rubric, oldP, curP *profiles.Profile, old, cur *Result) *Progress {
	pr := &Progress{
		Since:          oldP.Updated,
		OldReadiness:   old.Readiness,
		OldVerdict:     old.Verdict,
		ReadinessDelta: round1(cur.Readiness - old.Readiness),
		ClosedGaps:     []string{},
		NewGaps:        []string{},
		ClosedGapNames: []string{},
		NewGapNames:    []string{},
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
			pr.NewGapNames = append(pr.NewGapNames, g.Name)
		}
	}
	for _, g := range old.Gaps {
		if !curGaps[g.ID] {
			pr.ClosedGaps = append(pr.ClosedGaps, g.ID)
			pr.ClosedGapNames = append(pr.ClosedGapNames, g.Name)
		}
	}
	add := func(id, name, o, n, before, after string) {
		if o != n {
			pr.Changes = append(pr.Changes, Change{ID: id, Old: o, New: n, Name: name, Before: before, After: after})
		}
	}
	stage := func(id string) string {
		if i := r.StageIndex(id); i >= 0 {
			return r.Stages[i].Name
		}
		return id
	}
	add("target", "Target", oldP.Target, curP.Target, stage(oldP.Target), stage(curP.Target))
	// Every experience field the rubric declares, by its declared name.
	for _, f := range r.ExperienceFields() {
		o, n := oldP.Years(f.ID), curP.Years(f.ID)
		add("experience."+f.ID, f.Name, num(o), num(n), yearsText(o), yearsText(n))
	}
	name := func(id string) string {
		if i := r.ItemIndex(id); i >= 0 {
			return r.Items[i].Name
		}
		return id
	}
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
		o, n := yesNo(slices.Contains(oldHeld, id)), yesNo(slices.Contains(curHeld, id))
		add(id, name(id), o, n, o, n)
	}
	var skills []string
	for _, p := range []*profiles.Profile{oldP, curP} {
		for id := range p.Skills {
			skills = append(skills, id)
		}
		skills = append(skills, p.NotApplicable...)
	}
	// In the rubric's order, as the questionnaire asks them.
	slices.SortFunc(skills, func(a, b string) int { return cmp.Or(cmp.Compare(r.ItemIndex(a), r.ItemIndex(b)), cmp.Compare(a, b)) })
	skills = slices.Compact(skills)
	for _, id := range skills {
		o, before := skillAnswer(r, oldP, id)
		n, after := skillAnswer(r, curP, id)
		add("skills."+id, name(id), o, n, before, after)
	}
	return pr
}

// skillAnswer is p's answer for skill id as written ("2", "n/a"; "0" when
// left out) and in words.
func skillAnswer(r *rubric.Rubric, p *profiles.Profile, id string) (string, string) {
	if p.IsNotApplicable(id) {
		return profiles.NotApplicableValue, "n/a (not applicable)"
	}
	l := p.Skills[id]
	return strconv.Itoa(l), r.LevelLabel(l)
}

func yearsText(x float64) string {
	if x == 1 {
		return "1 year"
	}
	return num(x) + " years"
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func yesNo(b bool) string {
	if b {
		return "held"
	}
	return "not held"
}
