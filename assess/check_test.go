package assess_test

import (
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Every unknown id is reported, in file order, the same on every run: a map
// of skills is never reported in its random order.
func TestCheckReportsEveryUnknownIDInFileOrder(t *testing.T) {
	p, err := profiles.Parse("p.yaml", []byte("version: 1\ncertifications: [CISSP, itil_foundation]\nskills:\n  zeta: 1\n  netwrking: 2\n  alpha: 3\neducation: [Bachelors IT]\nevidence:\n  leadrship: Led a team\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"p.yaml: line 2: certifications: unknown certification id CISSP (did you mean cissp?)",
		"p.yaml: line 2: certifications: unknown certification id itil_foundation (did you mean itil-foundation?)",
		"p.yaml: line 4: skills.zeta: unknown skill; known ids: " + strings.Join(rubric.Default().IDsOfKind(rubric.KindSkill, ""), ", "),
		"p.yaml: line 5: skills.netwrking: unknown skill (did you mean networking?)",
		"p.yaml: line 6: skills.alpha: unknown skill; see the known ids above",
		"p.yaml: line 7: education: unknown education id Bachelors IT (did you mean bachelor-it?)",
		"p.yaml: line 9: evidence.leadrship: not an item of rubric it-manager (did you mean leadership?)",
	}, "\n")
	for range 20 {
		if err := assess.Check(p, rubric.Default()); err == nil || err.Error() != want {
			t.Fatalf("got:\n%v\nwant:\n%s", err, want)
		}
	}
	// One JSON line: the keys share a line, and are in the order of their names.
	p, err = profiles.ParseRecord(profiles.Record{Source: "t.jsonl", Line: 3, InLines: true, Data: []byte(`{"version":1,"skills":{"zeta":1,"netwrking":2,"alpha":3,"beta":1,"gamma":2}}`)})
	if err != nil {
		t.Fatal(err)
	}
	first := assess.Check(p, rubric.Default()).Error()
	if !strings.Contains(first, "skills.alpha") || strings.Index(first, "skills.alpha") > strings.Index(first, "skills.zeta") {
		t.Errorf("not in name order:\n%s", first)
	}
	for range 20 {
		if got := assess.Check(p, rubric.Default()).Error(); got != first {
			t.Fatalf("order changed:\n%s\nthen:\n%s", first, got)
		}
	}
}

// Unknown keys (found reading the file) and unknown ids (found checking it
// against the rubric) come in one list, in line order.
func TestLoadProblemsMergesKeysAndIDs(t *testing.T) {
	_, err := profiles.Parse("p.yaml", []byte("version: 1\nskills:\n  netwrking: 2\nskillz: 3\ncertifications: [CISSP]\n"))
	err = assess.LoadProblems(err, func(*profiles.Profile) (*rubric.Rubric, error) { return rubric.Default(), nil })
	want := "p.yaml: line 3: skills.netwrking: unknown skill (did you mean networking?)\n" +
		"p.yaml: line 4: skillz: unknown key (did you mean skills?); keys are version, name, rubric, rubric_revision, target, experience, education, certifications, skills, evidence, updated\n" +
		"p.yaml: line 5: certifications: unknown certification id CISSP (did you mean cissp?)"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}
