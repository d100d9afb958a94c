package assess_test

import (
	"fmt"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// A rubric made in Go: two rungs, one skill, years of experience. Compile
// validates it and prepares the scorer the caller keeps.
func ExampleCompile() {
	r := &rubric.Rubric{Version: 1, ID: "support", Name: "Support ladder",
		Stages: []rubric.Stage{
			{ID: "agent", Name: "Support agent", Years: rubric.Band{Min: 0}},
			{ID: "lead", Name: "Support lead", Years: rubric.Band{Min: 3}},
		},
		Categories: []rubric.Category{{ID: "work", Name: "Work", Weight: 1}},
		Items: []rubric.Item{
			{ID: "years", Kind: rubric.KindYears, Field: rubric.FieldITYears, Category: "work", Name: "Years in support",
				Weight: 1, Need: []float64{0.5, 3}, Require: rubric.RequireHard},
			{ID: "tickets", Kind: rubric.KindSkill, Category: "work", Name: "Ticket handling", Weight: 2,
				Need: []float64{2, 3}, Levels: []string{"knows it", "does it", "owns it", "teaches it"}},
		},
	}
	scorer, err := assess.Compile(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &profiles.Profile{Version: 1, Name: "Sam", Skills: map[string]int{"tickets": 2}}
	p.Experience.ITYears = 2
	res, err := scorer.Score(p, "lead")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s for %s: %s, readiness %.1f\n", res.Name, res.TargetName, res.Verdict, res.Readiness)
	fmt.Printf("top gap: %s (%g of %g)\n", res.Gaps[0].Name, res.Gaps[0].Have, res.Gaps[0].Need)
	fmt.Printf("ready in %d weeks\n", res.TimeToReadyWeeks)
	// Output:
	// Sam for Support lead: not-ready, readiness 44.4
	// top gap: Years in support (2 of 3)
	// ready in 52 weeks
}

// The whole job in one call: read a profile file, find its rubric, check
// the answers, score them.
func ExampleScoreFile() {
	res, err := assess.ScoreFile(rubric.NewResolver(), "../testdata/profiles/alex.yaml", "assistant-it-manager")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Name, res.TargetName, res.Verdict)
	// Output: Alex Rivera Assistant IT Manager ready
}
