package report

import (
	"fmt"
	"slices"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/rubric"
)

// Report is everything a readiness report shows. Its JSON form is the score
// object of docs/json-output.md (the embedded Result) plus the report's own
// sections.
type Report struct {
	*assess.Result
	GeneratedOn string `json:"generated_on"`
	ProfileDate string `json:"profile_date,omitempty"`
	RubricName  string `json:"rubric_name"`
	Source      string `json:"source,omitempty"`
	// Evidence is what the person wrote to back their answers.
	Evidence map[string]string `json:"evidence,omitempty"`
	// Stage is what the guide says of the target rung.
	Stage StageFacts `json:"stage"`
	// ReadyFor is the highest rung the profile is ready for now ("" if none).
	ReadyFor string `json:"ready_for"`
	// NextRung is the rung above ReadyFor and what it still needs.
	NextRung *NextRung        `json:"next_rung,omitempty"`
	Progress *assess.Progress `json:"progress,omitempty"`
	// Requirements lists every requirement of the target, met or not, for CSV.
	Requirements []Requirement `json:"-"`
	// Met are the strengths with their names, in rubric order.
	Met []Requirement `json:"-"`
	// Skills are the profile's skill levels in rubric order, for the skills
	// chart.
	Skills []SkillLevel `json:"-"`
	// MaxLevel is the top of the rubric's scale of skill levels, and
	// LevelNames name its levels from 0 up.
	MaxLevel   int      `json:"-"`
	LevelNames []string `json:"-"`
	// GapLevels, by skill id, say what someone does at each level from the
	// one above the person's to the one the target needs, where the rubric
	// gives indicators.
	GapLevels map[string][]LevelIndicators `json:"-"`
}

// LevelIndicators are what someone at a level of a skill does.
type LevelIndicators struct {
	Level      int
	Label      string // "3 practitioner"
	Indicators []string
}

// top is the top level of the report's scale: 4, the standard one's, for
// a report not built from a rubric.
func (rep *Report) top() int {
	if rep.MaxLevel > 0 {
		return rep.MaxLevel
	}
	return rubric.MaxLevel
}

// LevelLabel is level l with its name, "3 practitioner", in the report's
// scale.
func (rep *Report) LevelLabel(x float64) string {
	if l := int(x); float64(l) == x && l >= 0 && l < len(rep.LevelNames) {
		return fmt.Sprintf("%d %s", l, rep.LevelNames[l])
	}
	return Num(x)
}

// StageFacts are the guide's figures for a rung.
type StageFacts struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Years            string `json:"years"`
	SalaryMedianUSD  int    `json:"salary_median_usd,omitempty"`
	SalaryAverageUSD int    `json:"salary_average_usd,omitempty"`
	Summary          string `json:"summary,omitempty"`
	Focus            string `json:"focus,omitempty"`
	Section          string `json:"section,omitempty"`
}

// NextRung is the first rung not yet ready, with its top gaps.
type NextRung struct {
	Target    string       `json:"target"`
	Name      string       `json:"name"`
	Readiness float64      `json:"readiness"`
	Verdict   string       `json:"verdict"`
	Years     string       `json:"years"`
	TopGaps   []assess.Gap `json:"top_gaps"`
}

// Requirement is one row of the CSV export.
type Requirement struct {
	ID, Name, Category string
	Have, Need         float64
	Impact             float64
	Blocking           bool
	NextStep           string
}

// SkillLevel is a skill's level against the target's need.
type SkillLevel struct {
	ID, Name, Category string
	// CategoryName is the category's display name, for the chart's headings.
	CategoryName string
	Have, Need   float64
}

// NextRungIndex is the ladder index of the rung above the highest one res is
// ready for (len of the ladder when there is none): the rung a report looks
// ahead to. The caller scores it and passes the result to Build.
func NextRungIndex(res *assess.Result) int {
	next := 0
	for i, rung := range res.Ladder {
		if rung.Verdict == assess.Ready {
			next = i + 1
		}
	}
	return next
}

// Input is everything a report shows, computed by its caller: the report
// arranges it and never scores.
type Input struct {
	Rubric      *rubric.Rubric
	Result      *assess.Result   // the target's score
	Next        *assess.Result   // the rung NextRungIndex names; nil when there is none
	Progress    *assess.Progress // against an earlier assessment; nil for none
	ProfileDate string           // when the answers were given
	Evidence    map[string]string
	Skills      map[string]int // the profile's skill levels, for the chart
	GeneratedOn string
}

// Build assembles a report.
func Build(in Input) *Report {
	r, res := in.Rubric, in.Result
	rep := &Report{Result: res, GeneratedOn: in.GeneratedOn, ProfileDate: in.ProfileDate, RubricName: r.Name, Source: r.Source,
		Evidence: in.Evidence, Progress: in.Progress, MaxLevel: r.MaxLevel(), LevelNames: r.LevelNames()}
	si := r.StageIndex(res.Target)
	st := r.Stages[si]
	rep.Stage = StageFacts{ID: st.ID, Name: st.Name, Years: st.Years.String(), Summary: st.Summary, Focus: st.Focus, Section: st.Section}
	if st.Salary != nil {
		rep.Stage.SalaryMedianUSD, rep.Stage.SalaryAverageUSD = st.Salary.MedianUSD, st.Salary.AverageUSD
	}
	if i := NextRungIndex(res); i > 0 {
		rep.ReadyFor = res.Ladder[i-1].Target
	}
	if next := in.Next; next != nil {
		nr := &NextRung{Target: next.Target, Name: next.TargetName, Readiness: next.Readiness, Verdict: next.Verdict, Years: r.Stages[r.StageIndex(next.Target)].Years.String()}
		nr.TopGaps = next.Gaps[:min(3, len(next.Gaps))]
		rep.NextRung = nr
	}
	for _, s := range res.Strengths {
		it, _ := r.Item(s.ID)
		q := Requirement{ID: s.ID, Name: it.Name, Category: it.Category, Have: s.Have, Need: s.Need}
		rep.Requirements = append(rep.Requirements, q)
		rep.Met = append(rep.Met, q)
	}
	for _, g := range res.Gaps {
		if it, ok := r.Item(g.ID); ok && it.Kind == rubric.KindSkill {
			for l := int(g.Have) + 1; l <= int(g.Need); l++ {
				if ind := it.IndicatorsAt(l); len(ind) > 0 {
					if rep.GapLevels == nil {
						rep.GapLevels = map[string][]LevelIndicators{}
					}
					rep.GapLevels[g.ID] = append(rep.GapLevels[g.ID], LevelIndicators{Level: l, Label: r.LevelLabel(l), Indicators: ind})
				}
			}
		}
		rep.Requirements = append(rep.Requirements, Requirement{ID: g.ID, Name: g.Name, Category: g.Category, Have: g.Have, Need: g.Need, Impact: g.Impact, Blocking: g.Blocking, NextStep: g.NextStep})
	}
	// Rubric order reads best in a full list.
	slices.SortStableFunc(rep.Requirements, func(a, b Requirement) int { return r.ItemIndex(a.ID) - r.ItemIndex(b.ID) })
	for _, it := range r.Items {
		if it.Kind == rubric.KindSkill && !slices.Contains(res.Unanswered, it.ID) {
			catName := it.Category
			if cat, ok := r.Category(it.Category); ok {
				catName = cat.Name
			}
			rep.Skills = append(rep.Skills, SkillLevel{ID: it.ID, Name: it.Name, Category: it.Category, CategoryName: catName,
				Have: float64(in.Skills[it.ID]), Need: it.NeedAt(si)})
		}
	}
	return rep
}
