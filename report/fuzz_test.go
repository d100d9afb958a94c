package report

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Scoring any rubric that validates gives finite numbers in range and valid
// JSON, for profiles from nothing to everything, at every stage.
func FuzzScoreAnyRubric(f *testing.F) {
	for _, path := range []string{"../testdata/rubrics/mini.yaml", "../testdata/rubrics/sfia-mini.yaml"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data, uint8(2), 3.5)
		}
	}
	f.Add([]byte("version: 1\nid: x\nname: X\nstages: [{id: a, name: A, years: {min: 0}}]\ncategories: [{id: c, name: C, weight: 1e6}]\n"+
		"items: [{id: s, kind: skill, category: c, name: S, weight: 1e6, need: [4], levels: [a, b, c, d]}]\n"), uint8(4), 80.0)
	f.Add([]byte("version: 1\nid: x\nname: X\nlevels: [no, yes]\nstages: [{id: a, name: A, years: {min: 0}}]\ncategories: [{id: c, name: C, weight: 1, weeks_per_level: 3}]\n"+
		"items: [{id: s, kind: skill, category: c, name: S, weight: 1, need: [1], levels: [a], indicators: [[b]]}]\n"), uint8(1), 0.0)
	f.Fuzz(func(t *testing.T, data []byte, level uint8, years float64) {
		r, err := rubric.Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		if math.IsNaN(years) || years < 0 || years > 80 {
			years = 0
		}
		top := r.MaxLevel()
		lvl := int(level) % (top + 1)
		// TopLevel: a profile not checked against the rubric (Check
		// refuses a level above its top) still scores, as the top.
		for _, fill := range []int{0, lvl, top, rubric.TopLevel} {
			p := &profiles.Profile{Version: 1, Skills: map[string]int{}}
			p.Experience.ITYears, p.Experience.ManagementYears = years, years/2
			for _, it := range r.Items {
				switch it.Kind {
				case rubric.KindSkill:
					p.Skills[it.ID] = fill
				case rubric.KindHeld:
					if fill == top {
						p.Education = append(p.Education, it.ID)
					}
				}
			}
			for _, st := range r.Stages {
				res, err := assess.ScoreWith(r, p, st.ID, assess.ScoreOptions{Explain: true})
				if err != nil {
					t.Fatal(err)
				}
				if !(res.Readiness >= 0 && res.Readiness <= 100) || res.TimeToReadyWeeks < -1 {
					t.Fatalf("%s: readiness %v, time to ready %d", st.ID, res.Readiness, res.TimeToReadyWeeks)
				}
				out := AppendJSON(nil, res)
				if !json.Valid(out) {
					t.Fatalf("%s: invalid JSON: %.300s", st.ID, out)
				}
				var back map[string]any
				if err := json.Unmarshal(out, &back); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
