package assess_test

import (
	"fmt"
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

// An experience key the rubric does not declare is refused, with the file,
// the line, the rubric's fields and a did-you-mean, from a YAML file and a
// JSON line alike; the standard fields at 0 (skillgap writes them) pass.
func TestCheckRefusesUndeclaredExperience(t *testing.T) {
	se, err := rubric.LoadFile(softwareEngineerRubric)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r        *rubric.Rubric
		yaml     string
		json     string
		want     string
		jsonWant string
	}{
		{rubric.Default(), "version: 1\nexperience:\n  management_years: 1\n  it_yeras: 3\n", `{"version":1,"experience":{"management_years":1,"it_yeras":3}}`,
			"p.yaml: line 4: experience.it_yeras: not an experience field of rubric it-manager (did you mean it_years?); this rubric's experience fields are it_years, management_years: put the years under one of them",
			"t.jsonl: line 7: experience.it_yeras: not an experience field of rubric it-manager (did you mean it_years?); this rubric's experience fields are it_years, management_years: put the years under one of them"},
		{se, "version: 1\nexperience:\n  it_years: 4\n  management_years: 0\n  engineering_yaers: 2\n", `{"version":1,"experience":{"it_years":4,"management_years":0,"engineering_yaers":2}}`,
			"p.yaml: line 3: experience.it_years: not an experience field of rubric software-engineer; this rubric's experience fields are engineering_years, lead_years: put the years under one of them\n" +
				"p.yaml: line 5: experience.engineering_yaers: not an experience field of rubric software-engineer (did you mean engineering_years?); this rubric's experience fields are engineering_years, lead_years: put the years under one of them",
			"t.jsonl: line 7: experience.engineering_yaers: not an experience field of rubric software-engineer (did you mean engineering_years?); this rubric's experience fields are engineering_years, lead_years: put the years under one of them\n" +
				"t.jsonl: line 7: experience.it_years: not an experience field of rubric software-engineer; this rubric's experience fields are engineering_years, lead_years: put the years under one of them"},
	} {
		p, err := profiles.Parse("p.yaml", []byte(c.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if err := assess.Check(p, c.r); err == nil || err.Error() != c.want {
			t.Errorf("yaml: got\n%v\nwant\n%s", err, c.want)
		}
		p, err = profiles.ParseRecord(profiles.Record{Source: "t.jsonl", Line: 7, InLines: true, Data: []byte(c.json)})
		if err != nil {
			t.Fatal(err)
		}
		if err := assess.Check(p, c.r); err == nil || err.Error() != c.jsonWant {
			t.Errorf("json: got\n%v\nwant\n%s", err, c.jsonWant)
		}
	}
	// The software engineer's own fields pass, and the standard ones at 0.
	p, _ := profiles.Parse("p.yaml", []byte("version: 1\nexperience: {it_years: 0, management_years: 0, engineering_years: 3, lead_years: 1}\n"))
	if err := assess.Check(p, se); err != nil {
		t.Error(err)
	}
}

// An experience key that is not even a field id (support-years,
// Support_Years) is said, once the rubric is known, in its terms: not one of
// its fields, the near miss and the list, from a YAML file and a JSON line
// alike, as a well-formed key it does not declare.
func TestLoadProblemsSaysMalformedExperienceKeysInTheRubricsFields(t *testing.T) {
	hd, err := rubric.LoadFile("../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rubricOf := func(*profiles.Profile) (*rubric.Rubric, error) { return hd, nil }
	for _, key := range []string{"support-years", "Support_Years"} {
		want := ": experience." + key + ": not an experience field of rubric help-desk (did you mean support_years?); this rubric's experience fields are support_years, lead_years: put the years under one of them"
		_, err := profiles.Parse("p.yaml", []byte("version: 1\nexperience:\n  "+key+": 2\n"))
		if err = assess.LoadProblems(err, rubricOf); err == nil || err.Error() != "p.yaml: line 3"+want {
			t.Errorf("yaml %s: got\n%v", key, err)
		}
		_, err = profiles.ParseRecord(profiles.Record{Source: "t.jsonl", Line: 7, InLines: true, Data: []byte(`{"version":1,"experience":{"` + key + `":2}}`)})
		if err = assess.LoadProblems(err, rubricOf); err == nil || err.Error() != "t.jsonl: line 7"+want {
			t.Errorf("json %s: got\n%v", key, err)
		}
	}
}

// A level above the rubric's top is refused with the file, the line and the
// top: at 5 on the built-in scale (0-4), at 6 on data-team's (0-5), from a
// YAML file and from a line of JSON (the fast path) alike.
func TestCheckRefusesALevelAboveTheRubricsTop(t *testing.T) {
	dataTeam, err := rubric.LoadFile("../testdata/rubrics/data-team.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r         *rubric.Rubric
		skill     string
		ok, wrong int
		want      string
	}{
		{rubric.Default(), "cloud", 4, 5, "level 5 is above this rubric's top level, 4 (expert); use a level from 0 to 4"},
		{dataTeam, "python", 5, 6, "level 6 is above this rubric's top level, 5 (authority); use a level from 0 to 5"},
	} {
		for _, lvl := range []int{c.ok, c.wrong} {
			yaml, err := profiles.Parse("p.yaml", []byte(fmt.Sprintf("version: 1\nname: A\nskills:\n  %s: %d\n", c.skill, lvl)))
			if err != nil {
				t.Fatal(err)
			}
			line := fmt.Sprintf(`{"version":1,"name":"A","skills":{"%s":%d}}`, c.skill, lvl)
			json, err := profiles.ParseRecord(profiles.Record{Source: "t.jsonl", Line: 7, InLines: true, Data: []byte(line)})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []struct {
				p    *profiles.Profile
				want string
			}{{yaml, "p.yaml: line 4: skills." + c.skill + ": " + c.want}, {json, "t.jsonl: line 7: skills." + c.skill + ": " + c.want}} {
				err := assess.Check(p.p, c.r)
				switch {
				case lvl == c.ok && err != nil:
					t.Errorf("%s: level %d refused: %v", c.r.ID, lvl, err)
				case lvl == c.wrong && (err == nil || err.Error() != p.want):
					t.Errorf("%s: level %d: got %v, want %s", c.r.ID, lvl, err, p.want)
				}
			}
		}
	}
}

// A level written as a word is answered with its number in the rubric's
// own names, once the rubric is known.
func TestLevelWordsInTheRubricsNames(t *testing.T) {
	sfia, err := rubric.LoadFile("../testdata/rubrics/sfia-mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = profiles.Parse("p.yaml", []byte("version: 1\nskills:\n  observability: enable\n  mentoring: 9\n  nosuch: 1\n"))
	err = assess.LoadProblems(err, func(*profiles.Profile) (*rubric.Rubric, error) { return sfia, nil })
	want := "p.yaml: line 3: skills.observability: expected a level, a whole number from 0 to 7, or n/a, found \"enable\"; use 4 (enable)\n" +
		"p.yaml: line 4: skills.mentoring: level 9 is out of range; use 0 (none) to 7 (set strategy)\n" +
		"p.yaml: line 5: skills.nosuch: unknown skill; known ids: infrastructure-as-code, observability, mentoring"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	// The built-in rubric's names, as before.
	_, err = profiles.Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: expert\n"))
	err = assess.LoadProblems(err, func(*profiles.Profile) (*rubric.Rubric, error) { return rubric.Default(), nil })
	if err == nil || !strings.HasSuffix(err.Error(), "; use 4 (expert)") {
		t.Errorf("built-in: %v", err)
	}
}

// Progress says a skill's answers before and now in the rubric's names.
func TestProgressSaysLevelsInTheRubricsNames(t *testing.T) {
	r, err := rubric.LoadFile("../testdata/rubrics/sfia-mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	oldP := &profiles.Profile{Version: 1, Skills: map[string]int{"mentoring": 3}}
	curP := &profiles.Profile{Version: 1, Skills: map[string]int{"mentoring": 6}}
	old, _ := assess.Score(r, oldP, "senior")
	cur, _ := assess.Score(r, curP, "senior")
	pr := assess.Compare(r, oldP, curP, old, cur)
	for _, c := range pr.Changes {
		if c.ID == "skills.mentoring" {
			if c.Before != "3 apply" || c.After != "6 initiate/influence" {
				t.Errorf("change %+v", c)
			}
			return
		}
	}
	t.Errorf("no change of mentoring: %+v", pr.Changes)
}

// An id in a list the rubric has nothing for (help-desk has no education
// items) says so, never "known ids:" with nothing after it.
func TestCheckSaysARubricHasNothingForAList(t *testing.T) {
	hd, err := rubric.LoadFile("../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profiles.Parse("p.yaml", []byte("version: 1\neducation: [driving-licence, degree]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "p.yaml: line 2: education: unknown education id driving-licence (driving-licence belongs under certifications); rubric help-desk has nothing to list under education\n" +
		"p.yaml: line 2: education: unknown education id degree; rubric help-desk has nothing to list under education"
	if err := assess.Check(p, hd); err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
