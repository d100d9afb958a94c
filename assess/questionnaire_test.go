package assess_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

func TestQuestionnaireAnswersInProfileOut(t *testing.T) {
	r := rubric.Default()
	sp := &testkit.Prompter{Answers: map[string]any{
		"name":                        "Sam <Lee>",
		"target":                      2, // senior-it-manager
		"experience.it_years":         "9,5",
		"experience.management_years": "3",
		"Degrees you hold:":           []int{0},
		"Certifications you hold:":    []int{1},
		"skills.cloud":                4,
		"skills.leadership":           3,
	}}
	var drafts []*profiles.Profile
	q := &assess.Questionnaire{Rubric: r, Prompter: sp, Answered: func(p *profiles.Profile) { drafts = append(drafts, p) }}
	p, err := q.Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Sam <Lee>" || p.Target != "senior-it-manager" || p.Experience.ITYears != 9.5 || p.Experience.ManagementYears != 3 {
		t.Errorf("profile %+v", p)
	}
	if !slices.Equal(p.Education, []string{"bachelor-it"}) || !slices.Equal(p.Certifications, []string{"azure"}) {
		t.Errorf("education %v, certifications %v", p.Education, p.Certifications)
	}
	if p.Skills["cloud"] != 4 || p.Skills["leadership"] != 3 || p.Skills["networking"] != 0 || len(p.Skills) != 24 {
		t.Errorf("skills %v", p.Skills)
	}
	if err := assess.Check(p, r); err != nil {
		t.Error(err)
	}
	// One draft per answer: name, target, 2 years, education, certifications,
	// 24 skills, and what shows the 2 skills rated 3 or more.
	if len(drafts) != 1+1+2+2+24+2 {
		t.Errorf("%d drafts", len(drafts))
	}
	// Where the user is, and no required levels shown while answering.
	var progress []string
	for _, q := range sp.Asked {
		if strings.HasPrefix(q.ID, "skills.") {
			progress = append(progress, q.Progress)
			if strings.Contains(q.Message+q.Help, "need") || strings.Contains(q.Message+q.Help, "required") {
				t.Errorf("question shows the bar: %+v", q)
			}
		}
	}
	if progress[3] != "Technical skills 4/12" || progress[12] != "Soft skills 1/7" || progress[19] != "Strategy and governance 1/5" {
		t.Errorf("progress %v", progress)
	}
}

func TestEnterThroughEverythingCompletes(t *testing.T) {
	sp := &testkit.Prompter{}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Target != "it-manager" || p.Experience.ITYears != 0 || len(p.Certifications) != 0 || p.Skills["cloud"] != 0 {
		t.Errorf("defaults %+v", p)
	}
	// All skills 0 is "the same rating": asked once whether to revisit,
	// default no, just before the review, whose default is Save.
	if q := sp.Asked[len(sp.Asked)-2]; q.ID != "revisit" || !strings.Contains(q.Message, "You rated every skill 0 (none)") {
		t.Errorf("question before the review %+v", q)
	}
	if last := sp.Asked[len(sp.Asked)-1]; last.ID != "review" || sp.Options[len(sp.Asked)-1][0].ID != assess.Save {
		t.Errorf("last question %+v", last)
	}
}

func TestReassessmentStartsFromTheProfile(t *testing.T) {
	start := &profiles.Profile{Version: 1, Name: "Alex", Target: "cio", Experience: profiles.Experience{ITYears: 26.5, ManagementYears: 12},
		Education: []string{"master-it"}, Certifications: []string{"cissp", "pmp"}, Skills: map[string]int{"cloud": 3, "budgeting": 4},
		Evidence: map[string]string{"cloud": "migrated"}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: &testkit.Prompter{}}).Run(start)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Alex" || p.Target != "cio" || p.Experience.ITYears != 26.5 || p.Experience.ManagementYears != 12 ||
		!p.Holds("master-it") || !p.Holds("cissp") || !p.Holds("pmp") || p.Skills["cloud"] != 3 || p.Skills["budgeting"] != 4 || p.Evidence["cloud"] != "migrated" {
		t.Errorf("re-assessment changed Answers: %+v", p)
	}
	if start.Skills["networking"] != 0 || len(start.Skills) != 2 {
		t.Error("the starting profile was modified")
	}
}

func TestInterruptKeepsAnswersSoFar(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{"name": "Kim", "experience.it_years": "4"}, Interrupt: "skills.cloud"}
	var last *profiles.Profile
	_, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp, Answered: func(p *profiles.Profile) { last = p }}).Run(nil)
	if !errors.Is(err, assess.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if last == nil || last.Name != "Kim" || last.Experience.ITYears != 4 {
		t.Errorf("draft %+v", last)
	}
}

func TestSameRatingOffersRevisit(t *testing.T) {
	answers := map[string]any{}
	for _, id := range rubric.Default().IDsOfKind(rubric.KindSkill, "") {
		answers["skills."+id] = 2
	}
	sp := &testkit.Prompter{Answers: answers, Revisits: []bool{true, false}}
	_, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range sp.Asked {
		if q.ID == "skills.cloud" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("cloud asked %d times, want 2 (once more after choosing to revisit)", n)
	}
}

func TestParseYears(t *testing.T) {
	for in, want := range map[string]float64{"6": 6, "2.5": 2.5, "2,5": 2.5, " 3 ": 3, "": 0} {
		if got, err := assess.ParseYears(in); err != nil || got != want {
			t.Errorf("ParseYears(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"-1", "six", "NaN", "81", "1e400"} {
		if _, err := assess.ParseYears(in); err == nil {
			t.Errorf("ParseYears(%q) accepted", in)
		}
	}
}

// A rubric of another role needs no new code: its questions come from it,
// and only the experience its items read is asked.
func TestQuestionnaireFromAnotherRubric(t *testing.T) {
	r, err := rubric.LoadFile("../testdata/rubrics/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sp := &testkit.Prompter{Answers: map[string]any{"skills.go": 3, "Certification:": []int{1}}}
	p, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Rubric != "mini" || p.Target != "junior" || p.Skills["go"] != 3 || !p.Holds("cert-b") {
		t.Errorf("profile %+v", p)
	}
	if err := assess.Check(p, r); err != nil {
		t.Error(err)
	}
	var ids []string
	for _, q := range sp.Asked {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, " "); got != "name target experience.it_years held skills.go evidence.go skills.sql review" {
		t.Errorf("asked %s", got)
	}
}

// The name limit counts characters, not bytes: 80 Chinese characters (240
// bytes) are a name; a NUL is not.
func TestNameLimitCountsCharacters(t *testing.T) {
	name := strings.Repeat("李", 80)
	sp := &testkit.Prompter{Answers: map[string]any{"name": name}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil || p.Name != name {
		t.Errorf("name %q, err %v", p.Name, err)
	}
	sp = &testkit.Prompter{Answers: map[string]any{"name": "a\x00b"}}
	if _, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil); err == nil {
		t.Error("a NUL in the name is accepted")
	}
}

// On a rubric with its own scale (sfia-mini, 0-7), a skill's question offers
// every level by the rubric's names, and its help (shown on ?) says what
// someone does at each level the rubric gives indicators for.
func TestQuestionnaireOnAScaleOfSeven(t *testing.T) {
	r, err := rubric.LoadFile("../testdata/rubrics/sfia-mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sp := &testkit.Prompter{Answers: map[string]any{"skills.mentoring": 7, "skills.observability": 4}}
	p, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Skills["mentoring"] != 7 || p.Skills["observability"] != 4 {
		t.Errorf("skills %v", p.Skills)
	}
	if err := assess.Check(p, r); err != nil {
		t.Error(err)
	}
	i := sp.Last("skills.infrastructure-as-code")
	var labels []string
	for _, o := range sp.Options[i] {
		labels = append(labels, o.Label)
	}
	if got := strings.Join(labels, "|"); got != "0 none|1 follow|2 assist|3 apply|4 enable|5 ensure/advise|6 initiate/influence|7 set strategy|n/a — not part of my job" {
		t.Errorf("options %s", got)
	}
	help := sp.Asked[i].Help
	for _, want := range []string{"What someone does at each level:", "\n  1 follow: Runs a plan and reads what it will change",
		"\n  4 enable: Designs modules with clear inputs and outputs; Reviews other engineers' changes", "\n  7 set strategy: Sets the infrastructure strategy; Answers for it to the board"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	// Levels with no indicators are left out; a skill with none has no list.
	if h := sp.Asked[sp.Last("skills.observability")].Help; !strings.Contains(h, "4 enable: Defines service level objectives") || strings.Contains(h, "5 ensure/advise") {
		t.Errorf("observability help:\n%s", h)
	}
	if h := sp.Asked[sp.Last("skills.mentoring")].Help; strings.Contains(h, "What someone does") {
		t.Errorf("mentoring help:\n%s", h)
	}
	// The review says each answer in the rubric's names.
	rev := sp.Last("review")
	found := false
	for _, o := range sp.Options[rev] {
		found = found || o.Label == "Mentoring: 7 set strategy"
	}
	if !found {
		t.Errorf("review options %+v", sp.Options[rev])
	}
}

// "What shows it?" follows a rating in the top quarter of the rubric's
// scale, from ceil(3N/4) on a scale of 0 to N: 3 on the standard 0-4 (as it
// always was), 4 on 0-5, 6 on 0-7, 2 on 0-2 and 1 on 0-1.
func TestEvidenceFromTheTopQuarterOfTheScale(t *testing.T) {
	for top, from := range map[int]int{1: 1, 2: 2, 3: 3, 4: 3, 5: 4, 6: 5, 7: 6} {
		if got := assess.EvidenceFrom(top); got != from {
			t.Errorf("EvidenceFrom(%d) = %d, want %d", top, got, from)
		}
		var names, lines []string
		for l := 0; l <= top; l++ {
			names = append(names, fmt.Sprintf("l%d", l))
			if l > 0 {
				lines = append(lines, fmt.Sprintf("level %d", l))
			}
		}
		r, err := rubric.Parse("r.yaml", []byte(fmt.Sprintf(`version: 1
id: scale
name: Scale
levels: [%s]
stages:
  - {id: a, name: A, years: {min: 0}}
categories:
  - {id: sk, name: Skills, weight: 1, weeks_per_level: 10}
items:
  - {id: x, kind: skill, category: sk, name: X, weight: 1, need: [1], levels: [%s]}
`, strings.Join(names, ", "), strings.Join(lines, ", "))))
		if err != nil {
			t.Fatal(err)
		}
		for lvl := 0; lvl <= top; lvl++ {
			sp := &testkit.Prompter{Answers: map[string]any{"skills.x": lvl}}
			if _, err := (&assess.Questionnaire{Rubric: r, Prompter: sp}).Run(nil); err != nil {
				t.Fatal(err)
			}
			if asked := sp.Last("evidence.x") >= 0; asked != (lvl >= from) {
				t.Errorf("scale 0-%d, level %d: evidence asked %v", top, lvl, asked)
			}
		}
	}
}
