package assess_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// mentionsIT reports whether a text speaks of IT: "IT roles", "in IT".
func mentionsIT(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }) {
		if w == "IT" {
			return true
		}
	}
	return false
}

// With the software engineering rubric, assess asks its own experience
// fields, in the order it declares them, with its questions and help, and
// no question mentions IT, not even when the years leading are more than
// the years engineering (the check of those is about the standard fields).
func TestSoftwareEngineerQuestionsSayNothingOfIT(t *testing.T) {
	r := loadRubric(t, softwareEngineerRubric)
	sp := &testkit.Prompter{Answers: map[string]any{
		"experience.engineering_years": "3",
		"experience.lead_years":        "5",
		"review":                       testkit.Seq{"experience.lead_years", "save"},
	}}
	p, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	var years []string
	for i, q := range sp.Asked {
		for _, text := range []string{q.Message, q.Help, q.Progress} {
			if mentionsIT(text) {
				t.Errorf("question %s mentions IT: %q", q.ID, text)
			}
		}
		for _, o := range sp.Options[i] {
			if mentionsIT(o.Label) || mentionsIT(o.Description) {
				t.Errorf("question %s: option mentions IT: %q %q", q.ID, o.Label, o.Description)
			}
		}
		if strings.HasPrefix(q.ID, "experience.") {
			years = append(years, q.ID+" "+q.Message)
		}
	}
	want := []string{
		"experience.engineering_years Years working as a software engineer:",
		"experience.lead_years Years leading people or technical projects:",
		"experience.lead_years Years leading people or technical projects:", // from the review
	}
	if !slices.Equal(years, want) {
		t.Errorf("asked %q,\nwant %q", years, want)
	}
	if p.Years("engineering_years") != 3 || p.Years("lead_years") != 5 || p.Experience.ITYears != 0 || p.Experience.ManagementYears != 0 {
		t.Errorf("experience %+v", p.Experience)
	}
	if err := assess.Check(p, r); err != nil {
		t.Errorf("the answers do not fit the rubric: %v", err)
	}
	// The review names each field as the rubric does.
	review := sp.Options[sp.Last("review")]
	var labels []string
	for _, o := range review {
		labels = append(labels, o.Label)
	}
	all := strings.Join(labels, "\n")
	if !strings.Contains(all, "Years in software engineering roles: 3\n") || !strings.Contains(all, "Years leading people or technical projects: 5\n") {
		t.Errorf("review:\n%s", all)
	}
	// Saved and read back, the years are where the rubric reads them.
	data, err := profiles.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	back, err := profiles.Parse("p.yaml", data)
	if err != nil || back.Years("engineering_years") != 3 || back.Years("lead_years") != 5 {
		t.Errorf("read back %+v, %v:\n%s", back, err, data)
	}
}

// With the default rubric both years are asked, in order, with the check of
// more years leading than in IT.
func TestDefaultRubricAsksBothYearsAndChecksThem(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{
		"experience.it_years":         "2",
		"experience.management_years": "4",
		"experience.check":            true,
	}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range sp.Asked {
		if strings.HasPrefix(q.ID, "experience.") {
			got = append(got, q.ID+" "+q.Message)
		}
	}
	want := []string{
		"experience.it_years Years in IT roles:",
		"experience.management_years Years leading people or projects:",
		"experience.check More years leading (4) than in IT (2) — is that right?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("asked %q,\nwant %q", got, want)
	}
	if p.Experience.ITYears != 2 || p.Experience.ManagementYears != 4 || len(p.Experience.Other) != 0 {
		t.Errorf("experience %+v", p.Experience)
	}
}

// A skill answered "n/a — not part of my job" is saved as n/a and shown so
// in the review; asked again (going back, or from the review), n/a is the
// default, and a level replaces it.
func TestNotApplicableInTheQuestionnaire(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{
		"skills.cloud":      testkit.Seq{profiles.NotApplicableValue, 2},
		"skills.itsm":       profiles.NotApplicableValue,
		"skills.scripting":  testkit.Seq{profiles.NotApplicableValue},
		"skills.leadership": testkit.Seq{testkit.Back}, // back to scripting: Enter keeps n/a
		"review":            testkit.Seq{"skills.cloud", "save"},
	}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	cloud := sp.Options[sp.Last("skills.cloud")]
	if last := cloud[len(cloud)-1]; last.Label != "n/a — not part of my job" || last.ID != "n/a" {
		t.Errorf("last option %+v", last)
	}
	reviews := 0
	for i, q := range sp.Asked {
		if q.ID != "review" {
			continue
		}
		reviews++
		var labels []string
		for _, o := range sp.Options[i] {
			labels = append(labels, o.Label)
		}
		all := strings.Join(labels, "\n")
		if !strings.Contains(all, "IT service management (ITIL): n/a (not part of my job)") {
			t.Errorf("review %d:\n%s", reviews, all)
		}
		if reviews == 1 && !strings.Contains(all, "Cloud platforms: n/a (not part of my job)") {
			t.Errorf("first review shows no n/a for cloud:\n%s", all)
		}
	}
	for _, id := range []string{"skills.cloud", "skills.scripting"} {
		if got := defaultsAt(sp, id); len(got) != 2 || got[0] != 0 || got[1] != 5 {
			t.Errorf("%s asked with defaults %v, want [0 5]", id, got)
		}
	}
	if !p.IsNotApplicable("itsm") || !p.IsNotApplicable("scripting") || p.IsNotApplicable("cloud") || p.Skills["cloud"] != 2 {
		t.Errorf("skills %v, n/a %v", p.Skills, p.NotApplicable)
	}
	data, err := profiles.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "  itsm: n/a\n") || !strings.Contains(string(data), "  cloud: 2\n") {
		t.Errorf("saved:\n%s", data)
	}
	if err := assess.Check(p, rubric.Default()); err != nil {
		t.Error(err)
	}
	// n/a is an answer of its own: the answers differ from a 0.
	zero := p.Clone()
	zero.NotApplicable = slices.DeleteFunc(zero.NotApplicable, func(s string) bool { return s == "itsm" })
	zero.Skills["itsm"] = 0
	if assess.SameAnswers(p, zero, rubric.Default()) {
		t.Error("n/a and 0 are the same answers")
	}
}

// A held item may be in any category: assess asks the items of each other
// category under the category's name, and saves them under certifications,
// where Check finds them.
func TestHeldItemsOfAnotherCategory(t *testing.T) {
	r, err := rubric.Parse("r.yaml", []byte(`version: 1
id: pilot
name: Pilot
experience:
  - {id: flight_years, name: Years flying, question: "Years flying as a pilot:"}
stages: [{id: first-officer, name: First Officer, years: {min: 1}}]
categories:
  - {id: flying, name: Flying, weight: 1}
  - {id: licences, name: Licences, weight: 1}
  - {id: education, name: Education, weight: 1}
items:
  - {id: hours, kind: years, field: flight_years, category: flying, name: Years flying, weight: 1, need: [1]}
  - {id: atpl, kind: held, category: licences, name: Airline transport pilot licence, weight: 1, need: [1]}
  - {id: type-rating, kind: held, category: licences, name: Type rating, weight: 1, need: [1]}
  - {id: degree, kind: held, category: education, name: Degree, weight: 1, need: [1]}
`))
	if err != nil {
		t.Fatal(err)
	}
	sp := &testkit.Prompter{Answers: map[string]any{"Licences you hold:": []int{1}, "Degrees you hold:": []int{0}, "experience.flight_years": "2"}}
	p, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sp.IDs(), " "); got != "name target experience.flight_years held held review" {
		t.Errorf("asked %s", got)
	}
	if !slices.Equal(p.Certifications, []string{"type-rating"}) || !slices.Equal(p.Education, []string{"degree"}) {
		t.Errorf("certifications %v, education %v", p.Certifications, p.Education)
	}
	if err := assess.Check(p, r); err != nil {
		t.Error(err)
	}
	// Listed under education, a licence is named as belonging under certifications.
	p.Education = append(p.Education, "atpl")
	if err := assess.Check(p, r); err == nil || !strings.Contains(err.Error(), "education: unknown education id atpl (atpl belongs under certifications)") {
		t.Errorf("got %v", err)
	}
	res, err := assess.New(r).Score(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Readiness <= 0 {
		t.Errorf("readiness %v", res.Readiness)
	}
}

// Progress names every declared experience field as the rubric does.
func TestProgressNamesExperienceFields(t *testing.T) {
	for _, c := range []struct {
		r        *rubric.Rubric
		old, cur profiles.Experience
		want     string
	}{
		{rubric.Default(), profiles.Experience{ITYears: 0.5}, profiles.Experience{ITYears: 1, ManagementYears: 2},
			"Years in IT roles: 0.5 years → 1 year; Years leading people or projects: 0 years → 2 years"},
		{loadRubric(t, softwareEngineerRubric), profiles.Experience{Other: map[string]float64{"engineering_years": 2}}, profiles.Experience{Other: map[string]float64{"engineering_years": 3, "lead_years": 1}},
			"Years in software engineering roles: 2 years → 3 years; Years leading people or technical projects: 0 years → 1 year"},
	} {
		old := &profiles.Profile{Version: 1, Experience: c.old, Skills: map[string]int{}}
		cur := &profiles.Profile{Version: 1, Experience: c.cur, Skills: map[string]int{}}
		s := assess.New(c.r)
		oldRes, err := s.Score(old, "")
		if err != nil {
			t.Fatal(err)
		}
		curRes, _ := s.Score(cur, "")
		var got []string
		for _, ch := range assess.Compare(c.r, old, cur, oldRes, curRes).Changes {
			if strings.HasPrefix(ch.ID, "experience.") {
				got = append(got, ch.Name+": "+ch.Before+" → "+ch.After)
			}
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%s: %s\nwant %s", c.r.ID, strings.Join(got, "; "), c.want)
		}
	}
}

// A rubric that reads both standard fields under names of its own is
// checked in its own words.
func TestYearsCheckInTheRubricsWords(t *testing.T) {
	r, err := rubric.Parse("r.yaml", []byte(`version: 1
id: nursing
name: Nursing
experience:
  - {id: it_years, name: Years in nursing, question: "Years working as a nurse:"}
  - {id: management_years, name: Years in charge of a ward, question: "Years in charge of a ward:"}
stages: [{id: charge-nurse, name: Charge nurse, years: {min: 3}}]
categories: [{id: practice, name: Practice, weight: 1}]
items:
  - {id: nursing, kind: years, field: it_years, category: practice, name: Nursing, weight: 1, need: [3]}
  - {id: charge, kind: years, field: management_years, category: practice, name: In charge, weight: 1, need: [1]}
`))
	if err != nil {
		t.Fatal(err)
	}
	sp := &testkit.Prompter{Answers: map[string]any{"experience.it_years": "1", "experience.management_years": "2"}}
	if _, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil); err != nil {
		t.Fatal(err)
	}
	i := sp.Last("experience.check")
	if i < 0 || sp.Asked[i].Message != "More years in charge of a ward (2) than years in nursing (1) — is that right?" || mentionsIT(sp.Asked[i].Help) {
		t.Errorf("check: %+v", sp.Asked[max(i, 0)])
	}
	for _, q := range sp.Asked {
		if mentionsIT(q.Message) || mentionsIT(q.Help) {
			t.Errorf("%s mentions IT: %q %q", q.ID, q.Message, q.Help)
		}
	}
}
