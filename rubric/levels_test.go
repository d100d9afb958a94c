package rubric

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func readSFIA(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/rubrics/sfia-mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestLevelNamesAndTop(t *testing.T) {
	d := Default()
	if d.MaxLevel() != 4 || !d.LevelsDefaulted() || d.LevelName(3) != "practitioner" || d.LevelLabel(4) != "4 expert" || d.LevelName(5) != "" || d.LevelName(-1) != "" {
		t.Errorf("default scale: top %d, names %v", d.MaxLevel(), d.LevelNames())
	}
	r, err := Parse("sfia-mini.yaml", []byte(readSFIA(t)))
	if err != nil {
		t.Fatal(err)
	}
	if r.MaxLevel() != 7 || r.LevelsDefaulted() || r.LevelName(7) != "set strategy" || r.LevelLabel(5) != "5 ensure/advise" || r.LevelName(8) != "" || r.LevelLabel(8) != "8" {
		t.Errorf("sfia scale: top %d, names %v", r.MaxLevel(), r.LevelNames())
	}
	it, _ := r.Item("observability")
	if got := it.IndicatorsAt(3); len(got) != 1 || got[0] != "Sets alerts that page only for real problems" {
		t.Errorf("indicators at 3: %q", got)
	}
	if len(it.IndicatorsAt(5)) != 0 || it.IndicatorsAt(0) != nil || it.IndicatorsAt(8) != nil {
		t.Error("indicators outside the given levels")
	}
	c, _ := r.Category("engineering")
	if c.LevelWeeks(7) != 156 || c.LevelWeeks(8) != 0 {
		t.Errorf("weeks to 7: %g", c.LevelWeeks(7))
	}
	if c, _ := r.Category("influence"); c.LevelWeeks(6) != 52 {
		t.Errorf("weeks_per_level: %g", c.LevelWeeks(6))
	}
}

// Every rule of a rubric's own scale is checked, with the file and the line
// of what is wrong and what to do.
func TestValidateChecksTheScale(t *testing.T) {
	base := readSFIA(t)
	const levels = "levels: [none, follow, assist, apply, enable, ensure/advise, initiate/influence, set strategy]"
	cases := []struct{ name, old, new, want string }{
		{"too many levels", levels, "levels: [a, b, c, d, e, f, g, h, i]", `line 13: levels: 9 name(s); name each level from 0 up, 2 to 8 names in all`},
		{"one level", levels, "levels: [none]", `line 13: levels: 1 name(s)`},
		{"empty name", levels, `levels: [none, follow, assist, "", enable, ensure/advise, initiate/influence, set strategy]`, `line 13: levels: the name of level 3 is empty`},
		{"same name twice", levels, "levels: [none, follow, assist, apply, enable, Apply, initiate/influence, set strategy]", `line 13: levels: level 3 and level 5 are both named "Apply"`},
		{"long name", levels, "levels: [none, follow, assist, apply, enable, ensure or advise or anything else, initiate/influence, set strategy]", `line 13: levels: the name of level 5 is 33 characters long; keep names to 24`},
		{"need above the top", "need: [3, 4, 5]", "need: [3, 4, 8]", `item infrastructure-as-code: skill needs are levels 0-7 (the top level, 7, is set strategy); found [3 4 8]`},
		{"too few level lines", "      - Decides how the organisation builds infrastructure and why.\n", "", `item infrastructure-as-code: levels: describe each of levels 1-7 (7 lines), found 6`},
		{"advice short", "      - Write the organisation's infrastructure strategy.\n", "", `item infrastructure-as-code: advice: give one line for reaching each of levels 1-7 (7 lines), found 6`},
		{"indicators short", "      - [Sets the infrastructure strategy, Answers for it to the board]\n", "", `item infrastructure-as-code: indicators: give a list for each of levels 1-7 (7 lists, [] for a level with none), found 6`},
		{"empty indicator", "[Runs a plan and reads what it will change]", `[Runs a plan, ""]`, `item infrastructure-as-code: indicators: level 1 (follow) has an empty indicator`},
		{"long indicator", "[Runs a plan and reads what it will change]", "[" + strings.Repeat("x", 201) + "]", `indicators: an indicator of level 1 (follow) is 201 characters long; keep each to 200`},
		{"weeks_to_level short", "weeks_to_level: [4, 13, 26, 52, 78, 104, 156]", "weeks_to_level: [4, 13, 26, 52]", `line 20: category engineering: weeks_to_level lists 4 value(s); give one for each level 1-7`},
		{"no pace", ", weeks_per_level: 52}", "}", `line 21: category influence: give its skills a pace: weeks_to_level (7 numbers, the weeks to reach each level 1-7 from the one below) or weeks_per_level (one figure for all); the default pace (13, 40, 52 and 104 weeks) is for the standard levels 0-4, and this rubric's levels are 0-7`},
		{"slack above the top", "    need: [1, 3, 5]\n", "    need: [1, 3, 5]\n    slack: 8\n", `item mentoring: slack 8 is more levels than the rubric has; give 0 to 7`},
		{"indicators of years", "    require: hard\n", "    require: hard\n    indicators: [[a]]\n", `item years: indicators are only for skills`},
	}
	for _, c := range cases {
		if !strings.Contains(base, c.old) {
			t.Fatalf("%s: %q not in the rubric", c.name, c.old)
		}
		_, err := Parse("sfia.yaml", []byte(strings.Replace(base, c.old, c.new, 1)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v\nwant ...%s", c.name, err, c.want)
			continue
		}
		if !regexp.MustCompile(`^sfia\.yaml: line [0-9]+: `).MatchString(err.Error()) {
			t.Errorf("%s: no file and line: %v", c.name, err)
		}
	}
	// Two problems of two items are both reported, in line order.
	two := strings.Replace(strings.Replace(base, "need: [3, 4, 5]", "need: [3, 4, 9]", 1), "need: [1, 3, 5]", "need: [1, 3, 8]", 1)
	_, err := Parse("sfia.yaml", []byte(two))
	if err == nil || strings.Count(err.Error(), "skill needs are levels 0-7") != 2 || strings.Index(err.Error(), "[3 4 9]") > strings.Index(err.Error(), "[1 3 8]") {
		t.Errorf("two problems: %v", err)
	}
}

// On the standard scale nothing changes: a level above 4 is refused, and a
// category may leave its pace to the default.
func TestStandardScaleKeepsItsRules(t *testing.T) {
	src, _ := BuiltinSource(DefaultID)
	if _, err := Parse("x.yaml", []byte(strings.Replace(string(src), "need: [2, 3, 3, 3, 3, 3]", "need: [2, 3, 3, 3, 3, 5]", 1))); err == nil || !strings.Contains(err.Error(), "skill needs are levels 0-4; found") {
		t.Errorf("level 5 on the standard scale: %v", err)
	}
	five := "levels: [none, awareness, working, practitioner, expert]\nstages:"
	r, err := Parse("x.yaml", []byte(strings.Replace(string(src), "stages:", five, 1)))
	if err != nil || r.MaxLevel() != 4 || r.LevelsDefaulted() {
		t.Errorf("the standard names given: %v", err)
	}
}

// A rubric with its own scale and indicators exports to YAML that reads back
// to the same rubric.
func TestOwnScaleRoundTrips(t *testing.T) {
	r, err := Parse("sfia-mini.yaml", []byte(readSFIA(t)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("back.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(back.LevelNames(), "|") != strings.Join(r.LevelNames(), "|") {
		t.Errorf("levels %v", back.LevelNames())
	}
	a, _ := r.Item("infrastructure-as-code")
	b, _ := back.Item("infrastructure-as-code")
	if len(b.Indicators) != 7 || strings.Join(b.Indicators[3], "|") != strings.Join(a.Indicators[3], "|") {
		t.Errorf("indicators %q", b.Indicators)
	}
}

// Every text of a rubric is refused with a control character (an escape
// would colour or clear the terminal when skillgap prints it), with the
// file, the line and the fix; prose (descriptions, summaries, help, advice)
// may have line breaks and tabs, names and one-line texts may not.
func TestValidateRefusesControlCharactersInEveryText(t *testing.T) {
	data, err := os.ReadFile("../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	skill := func(r *Rubric) *Item { return &r.Items[r.ItemIndex("troubleshooting")] }
	years := func(r *Rubric) *Item { return &r.Items[r.ItemIndex("support-years")] }
	for _, c := range []struct {
		field string
		set   func(r *Rubric, s string)
		prose bool
		want  string // the start of the message, after the line
	}{
		{"name", func(r *Rubric, s string) { r.Name = s }, false, "line 6: name has "},
		{"description", func(r *Rubric, s string) { r.Description = s }, true, "line 7: description has "},
		{"source", func(r *Rubric, s string) { r.Source = s }, false, "line 8: source has "},
		{"experience name", func(r *Rubric, s string) { r.Experience[0].Name = s }, false, "line 14: experience field support_years: name has "},
		{"experience question", func(r *Rubric, s string) { r.Experience[0].Question = s }, false, "line 14: experience field support_years: question has "},
		{"experience help", func(r *Rubric, s string) { r.Experience[0].Help = s }, true, "line 14: experience field support_years: help has "},
		{"stage name", func(r *Rubric, s string) { r.Stages[1].Name = s }, false, "line 23: stage specialist: name has "},
		{"stage summary", func(r *Rubric, s string) { r.Stages[1].Summary = s }, true, "line 23: stage specialist: summary has "},
		{"stage focus", func(r *Rubric, s string) { r.Stages[1].Focus = s }, true, "line 23: stage specialist: focus has "},
		{"category name", func(r *Rubric, s string) { r.Categories[1].Name = s }, false, "line 27: category support: name has "},
		{"item name", func(r *Rubric, s string) { skill(r).Name = s }, false, "item troubleshooting: name has "},
		{"item description", func(r *Rubric, s string) { skill(r).Description = s }, true, "item troubleshooting: description has "},
		{"next_step", func(r *Rubric, s string) { skill(r).NextStep = s }, true, "item troubleshooting: next_step has "},
		{"skill levels", func(r *Rubric, s string) { skill(r).Levels[2] = s }, false, "item troubleshooting: levels: the line for level 3 (independent) has "},
		{"skill advice", func(r *Rubric, s string) { skill(r).Advice[0] = s }, false, "item troubleshooting: advice: the line for level 1 (aware) has "},
		{"advice band", func(r *Rubric, s string) { years(r).AdviceBands = []AdviceBand{{Advice: s}} }, true, "item support-years: advice_bands[0].advice has "},
	} {
		for _, s := range []string{"Red \x1b[31mtext", "bell\a", "two\nlines", "a\ttab"} {
			r, err := Parse("hd.yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			c.set(r, s)
			err = r.Validate()
			if c.prose && (s == "two\nlines" || s == "a\ttab") {
				if err != nil {
					t.Errorf("%s %q: refused: %v", c.field, s, err)
				}
				continue
			}
			if err == nil || !strings.HasPrefix(err.Error(), "hd.yaml: line ") || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "; use plain text") {
				t.Errorf("%s %q: got %v, want ...%s", c.field, s, err, c.want)
			}
		}
	}
}

// No level may be named n/a, in any case: it is the answer for a skill not
// part of someone's job.
func TestValidateRefusesALevelNamedNA(t *testing.T) {
	data, err := os.ReadFile("../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"n/a", "N/A", " n/A "} {
		src := strings.Replace(string(data), "levels: [none, aware,", "levels: ["+`"`+name+`"`+", aware,", 1)
		_, err := Parse("hd.yaml", []byte(src))
		want := "hd.yaml: line 11: levels: level 0 is named " + strconv.Quote(name) + ", the answer for a skill that is not part of someone's job; give the level another name (such as none)"
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v\nwant %s", name, err, want)
		}
	}
}
