package assess_test

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// defaultsAt lists the defaults id was asked with, in order.
func defaultsAt(sp *testkit.Prompter, id string) []any {
	var out []any
	for i, q := range sp.Asked {
		if q.ID == id || (q.ID == "held" && q.Message == id) {
			out = append(out, sp.Defaults[i])
		}
	}
	return out
}

// "<" goes back from a typed answer, a list, a multiple choice and a
// follow-up question; the question gone back to has its answer as the
// default, and the first question has no way back.
func TestBackGoesToThePreviousQuestionWithItsAnswer(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{
		"name":                        "Kim",
		"experience.it_years":         testkit.Seq{"5", "6"},
		"experience.management_years": testkit.Seq{testkit.Back, "2"},
		"Degrees you hold:":           testkit.Seq{[]int{0}},
		"Certifications you hold:":    testkit.Seq{testkit.Back, []int{1}},
		"skills.cloud":                testkit.Seq{4},
		"evidence.cloud":              testkit.Seq{testkit.Back, "Moved 40 servers to Azure"},
		"skills.cybersecurity":        testkit.Seq{testkit.Back},
	}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range sp.Asked {
		if q.ID == "held" {
			ids = append(ids, q.Message)
		} else if !strings.HasPrefix(q.ID, "skills.") || q.ID == "skills.cloud" || q.ID == "skills.cybersecurity" {
			ids = append(ids, q.ID)
		}
	}
	want := "name target experience.it_years experience.management_years experience.it_years experience.management_years " +
		"Degrees you hold: Certifications you hold: Degrees you hold: Certifications you hold: " +
		"skills.cloud evidence.cloud skills.cloud evidence.cloud skills.cybersecurity evidence.cloud skills.cybersecurity review"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("asked\n%s\nwant\n%s", got, want)
	}
	for id, want := range map[string][]any{
		"experience.it_years":         {"0", "5"},
		"experience.management_years": {"0", "0"},
		"Degrees you hold:":           {[]int(nil), []int{0}},
		"skills.cloud":                {0, 4},
		"evidence.cloud":              {"", "", "Moved 40 servers to Azure"},
	} {
		got := defaultsAt(sp, id)
		if len(got) != len(want) {
			t.Errorf("%s asked with defaults %v, want %v", id, got, want)
			continue
		}
		for i := range got {
			if g, ok := got[i].([]int); ok {
				if !slices.Equal(g, want[i].([]int)) {
					t.Errorf("%s asked with defaults %v, want %v", id, got, want)
				}
			} else if got[i] != want[i] {
				t.Errorf("%s asked with defaults %v, want %v", id, got, want)
			}
		}
	}
	if p.Experience.ITYears != 6 || p.Experience.ManagementYears != 2 || !p.Holds("bachelor-it") || !p.Holds("azure") ||
		p.Skills["cloud"] != 4 || p.Evidence["cloud"] != "Moved 40 servers to Azure" || p.Skills["cybersecurity"] != 0 {
		t.Errorf("profile %+v", p)
	}
	for i, q := range sp.Asked {
		if q.Back != (i > 0) {
			t.Errorf("question %d (%s): Back %v", i, q.ID, q.Back)
		}
	}
}

// The review lists every answer in words; picking one asks it again (and
// what follows from it), then comes back to the review until Save.
func TestReviewChangesAnyAnswerBeforeSaving(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{
		"experience.it_years":         testkit.Seq{"10", "3"},
		"experience.management_years": "4",
		"skills.budgeting":            testkit.Seq{2, 3},
		"evidence.budgeting":          "Ran the 2026 IT budget",
		"skills.cloud":                testkit.Seq{testkit.Back},
		"review":                      testkit.Seq{"skills.budgeting", "experience.it_years", "skills.cloud", "save"},
	}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	var tail []string
	for _, q := range sp.Asked[sp.Last("skills.innovation")+1:] {
		tail = append(tail, q.ID)
	}
	// Going back from the first question of a change returns to the review.
	want := "review skills.budgeting evidence.budgeting review experience.it_years experience.check review skills.cloud review"
	if got := strings.Join(tail, " "); got != want {
		t.Errorf("asked %s\nwant  %s", got, want)
	}
	if p.Skills["budgeting"] != 3 || p.Evidence["budgeting"] != "Ran the 2026 IT budget" || p.Experience.ITYears != 3 || p.Experience.ManagementYears != 4 {
		t.Errorf("profile %+v", p)
	}
	first := sp.Options[sp.Last("skills.innovation")+1]
	if first[0].ID != assess.Save || first[0].Label != "Save" {
		t.Errorf("first option %+v", first[0])
	}
	labels := func(opts []assess.Option) map[string]assess.Option {
		m := map[string]assess.Option{}
		for _, o := range opts {
			m[o.Label] = o
		}
		return m
	}
	before := labels(first)
	for _, l := range []string{"Name: (none)", "Role you aim for: IT Manager", "Years in IT roles: 10", "Years leading people or projects: 4",
		"Degrees: none", "Certifications: none", "Budget management: 2 working", "Cloud platforms: 0 none"} {
		if _, ok := before[l]; !ok {
			t.Errorf("review has no %q: %v", l, slices.Collect(maps.Keys(before)))
		}
	}
	if len(first) != 1+6+24 {
		t.Errorf("%d review lines, want Save and 30 answers", len(first))
	}
	after := labels(sp.Options[sp.Last("review")])
	if o, ok := after["Budget management: 3 practitioner"]; !ok || !strings.Contains(o.Description, "Ran the 2026 IT budget") {
		t.Errorf("review after the change: %v", slices.Collect(maps.Keys(after)))
	}
	// The review can be left with "<" too: back to the last question.
	sp = &testkit.Prompter{Answers: map[string]any{"skills.cloud": 1, "review": testkit.Seq{testkit.Back}, "skills.innovation": testkit.Seq{0, 2}}}
	if p, err = (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil); err != nil || p.Skills["innovation"] != 2 {
		t.Errorf("back from the review: %v, innovation %d, asked %v", err, p.Skills["innovation"], sp.IDs()[len(sp.IDs())-4:])
	}
}

// After a skill rated 3 or 4: what shows it, optional, kept in the profile's
// evidence. An existing one is the default (even below 3, so that it can be
// kept or removed) and "-" removes it; a rating below 3 with none asks
// nothing.
func TestEvidenceAfterAHighRating(t *testing.T) {
	start := &profiles.Profile{Version: 1, Skills: map[string]int{"cloud": 3, "budgeting": 4, "networking": 3, "leadership": 3},
		Evidence: map[string]string{"cloud": "Migrated", "networking": "WAN rollout", "leadership": "Led 4"}}
	sp := &testkit.Prompter{Answers: map[string]any{
		"skills.networking":   2,
		"skills.scripting":    3,
		"evidence.budgeting":  "  Own the IT budget  ",
		"evidence.leadership": "-",
	}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(start)
	if err != nil {
		t.Fatal(err)
	}
	var asked []string
	for _, q := range sp.Asked {
		if strings.HasPrefix(q.ID, "evidence.") {
			asked = append(asked, q.ID)
			if !strings.HasPrefix(q.Message, "What shows it?") {
				t.Errorf("%s: %q", q.ID, q.Message)
			}
		}
	}
	slices.Sort(asked)
	if got := strings.Join(asked, " "); got != "evidence.budgeting evidence.cloud evidence.leadership evidence.networking evidence.scripting" {
		t.Errorf("evidence asked for %s", got)
	}
	if d := defaultsAt(sp, "evidence.cloud"); len(d) != 1 || d[0] != "Migrated" {
		t.Errorf("evidence.cloud defaults %v", d)
	}
	if q := sp.Asked[sp.Last("evidence.cloud")]; !strings.Contains(q.Message, "Enter keeps it") {
		t.Errorf("with an evidence: %q", q.Message)
	}
	if q := sp.Asked[sp.Last("evidence.scripting")]; !strings.Contains(q.Message, "(Enter to skip)") {
		t.Errorf("without: %q", q.Message)
	}
	want := map[string]string{"cloud": "Migrated", "budgeting": "Own the IT budget", "networking": "WAN rollout"}
	if !maps.Equal(p.Evidence, want) {
		t.Errorf("evidence %v, want %v", p.Evidence, want)
	}
	if err := assess.Check(p, rubric.Default()); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{strings.Repeat("x", assess.MaxEvidence+1), "two\tcolumns", "bell\a"} {
		sp := &testkit.Prompter{Answers: map[string]any{"skills.cloud": 4, "evidence.cloud": bad}}
		if _, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil); err == nil {
			t.Errorf("evidence %.20q accepted", bad)
		}
	}
}

// Every question shows its place in the whole questionnaire; a follow-up
// shares its question's.
func TestProgressCountsTheWholeQuestionnaire(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{"skills.cloud": 3, "experience.management_years": "1", "experience.it_years": "0.5"}}
	if _, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil); err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, q := range sp.Asked {
		switch q.ID {
		case "review", "revisit":
			if q.Number != 0 {
				t.Errorf("%s numbered %d", q.ID, q.Number)
			}
		case "evidence.cloud", "experience.check":
			if prev := sp.Asked[i-1]; q.Number != prev.Number || q.Total != 30 {
				t.Errorf("%s is %d/%d after %s %d", q.ID, q.Number, q.Total, prev.ID, prev.Number)
			}
		default:
			n++
			if q.Number != n || q.Total != 30 {
				t.Errorf("%s is %d/%d, want %d/30", q.ID, q.Number, q.Total, n)
			}
		}
	}
	if n != 30 {
		t.Errorf("%d numbered questions", n)
	}
}

// More years leading than in IT is asked about (default yes); no goes back
// to the years to fix them.
func TestMoreYearsLeadingThanInITIsChecked(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{"experience.it_years": "3", "experience.management_years": testkit.Seq{"5", "2"}, "experience.check": false}}
	p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sp.IDs()[2:7], " "); got != "experience.it_years experience.management_years experience.check experience.management_years held" {
		t.Errorf("asked %s", got)
	}
	if q := sp.Asked[4]; !strings.Contains(q.Message, "More years leading") || !strings.Contains(q.Message, "is that right?") || sp.Defaults[4] != true {
		t.Errorf("check %+v, default %v", q, sp.Defaults[4])
	}
	if d := defaultsAt(sp, "experience.management_years"); d[1] != "5" {
		t.Errorf("asked again with %v", d)
	}
	if p.Experience.ITYears != 3 || p.Experience.ManagementYears != 2 {
		t.Errorf("years %+v", p.Experience)
	}
	// Yes (the default) keeps them; equal years ask nothing.
	for _, years := range []struct {
		it, lead string
		checked  bool
	}{{"3", "5", true}, {"4", "4", false}, {"4", "3.5", false}} {
		sp := &testkit.Prompter{Answers: map[string]any{"experience.it_years": years.it, "experience.management_years": years.lead}}
		p, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil)
		checked := slices.Contains(sp.IDs(), "experience.check")
		if err != nil || strconv.FormatFloat(p.Experience.ManagementYears, 'f', -1, 64) != years.lead || checked != years.checked {
			t.Errorf("%v: %v, %+v, checked %v", years, err, p.Experience, checked)
		}
	}
}

// Answers alike are alike however the file writes them; any change counts.
func TestSameAnswers(t *testing.T) {
	r := rubric.Default()
	a := &profiles.Profile{Name: "A", Target: "it-manager", Experience: profiles.Experience{ITYears: 3}, Education: []string{"bachelor-it"},
		Certifications: []string{"pmp", "azure"}, Skills: map[string]int{"cloud": 2, "budgeting": 0}, Evidence: map[string]string{"cloud": "x", "scripting": ""}, Updated: "2026-01-01"}
	b := &profiles.Profile{Name: "A", Experience: profiles.Experience{ITYears: 3}, Education: []string{"bachelor-it"},
		Certifications: []string{"azure", "pmp"}, Skills: map[string]int{"cloud": 2}, Evidence: map[string]string{"cloud": "x"}, RubricRevision: 2}
	if !assess.SameAnswers(a, b, r) {
		t.Error("alike answers differ")
	}
	if !assess.SameAnswers(nil, &profiles.Profile{Target: r.Target(), Skills: map[string]int{"cloud": 0}}, r) {
		t.Error("no answers differ from defaults")
	}
	for name, change := range map[string]func(p *profiles.Profile){
		"name":      func(p *profiles.Profile) { p.Name = "B" },
		"target":    func(p *profiles.Profile) { p.Target = "cio" },
		"years":     func(p *profiles.Profile) { p.Experience.ManagementYears = 0.5 },
		"education": func(p *profiles.Profile) { p.Education = nil },
		"cert":      func(p *profiles.Profile) { p.Certifications = p.Certifications[:1] },
		"skill":     func(p *profiles.Profile) { p.Skills["networking"] = 1 },
		"evidence":  func(p *profiles.Profile) { p.Evidence["cloud"] = "y" },
	} {
		c := b.Clone()
		change(c)
		if assess.SameAnswers(a, c, r) {
			t.Errorf("a change of %s is not seen", name)
		}
	}
}

// Help says each thing once, and leaves the keys to the terminal's hint line
// (survey's says "space to select"; ours said it twice more).
func TestHelpSaysThingsOnce(t *testing.T) {
	sp := &testkit.Prompter{Answers: map[string]any{"skills.cloud": 3, "experience.management_years": "2"}}
	if _, err := (&assess.Questionnaire{Rubric: rubric.Default(), Prompter: sp}).Run(nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range sp.Asked {
		seen := map[string]bool{}
		for _, s := range strings.Split(q.Help, ". ") {
			if seen[s] {
				t.Errorf("%s: help repeats %q", q.ID, s)
			}
			seen[s] = true
		}
		if l := strings.ToLower(q.Help); strings.Contains(l, "space") || strings.Contains(l, "enter goes on") {
			t.Errorf("%s: help explains keys: %q", q.ID, q.Help)
		}
	}
}
