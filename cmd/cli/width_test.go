package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
)

// Every human output of every command, for every profile in testdata, fits
// 80 columns (the width in a pipe).
func TestHumanOutputFitsEightyColumns(t *testing.T) {
	profileFiles, _ := filepath.Glob("../../testdata/profiles/*.yaml")
	team, _ := filepath.Glob("../../testdata/team/*.yaml")
	var runs [][]string
	for _, p := range append(profileFiles, team...) {
		// A profile for another rubric is scored with testdata's file of it.
		var extra []string
		if prof, err := profiles.LoadFile(p, nil); err == nil && prof.Rubric != "" && prof.Rubric != "it-manager" {
			extra = []string{"--rubric", "../../testdata/rubrics/" + prof.Rubric + ".yaml"}
		} else if strings.Contains(filepath.Base(p), "mini") {
			extra = []string{"--rubric", "../../testdata/rubrics/mini.yaml"}
		}
		runs = append(runs,
			append([]string{"score", p}, extra...),
			append([]string{"score", "--explain", p}, extra...),
			append([]string{"score", "--min-readiness", "90", p}, extra...),
		)
		for _, target := range []string{"assistant-it-manager", "cio"} {
			if extra == nil {
				runs = append(runs, []string{"score", "--target", target, p})
			}
		}
	}
	runs = append(runs,
		[]string{"score", "../../testdata/profiles/alex.yaml", "../../testdata/team/priya-shah.yaml"},
		[]string{"team", "../../testdata/team"},
		[]string{"team", "--top", "0", "--target", "cio", "../../testdata/team"},
		[]string{"team", "--rubric", "../../testdata/rubrics/mini.yaml", "../../testdata/team-mini"},
		[]string{"rubric", "list"},
		[]string{"rubric", "show", "it-manager"},
	)
	rubricFiles, _ := filepath.Glob("../../testdata/rubrics/*.yaml")
	for _, r := range rubricFiles {
		runs = append(runs, []string{"rubric", "show", r})
	}
	for _, cmd := range [][]string{{}, {"assess"}, {"score"}, {"report"}, {"team"}, {"rubric"}, {"rubric", "show"}, {"rubric", "export"}, {"rubric", "validate"}, {"rubric", "list"}, {"schema"}, {"completion"}} {
		runs = append(runs, append(cmd, "--help"))
	}
	for _, args := range runs {
		_, out, errOut := run(t, "", args...)
		for name, text := range map[string]string{"stdout": out, "stderr": errOut} {
			for i, line := range strings.Split(text, "\n") {
				if n := displaywidth.String(line); n > 80 {
					t.Errorf("skillgap %s: %s line %d is %d columns:\n%s", strings.Join(args, " "), name, i+1, n, line)
				}
			}
		}
	}
}

// The same with a rubric and a profile of long names and ids, the longest a
// rubric allows (ids of 64 characters), from a rubrics folder deep down a
// long path: names are wrapped or shortened with "…", never cut silently.
func TestLongNamesFitEightyColumns(t *testing.T) {
	config := filepath.Join(t.TempDir(), strings.Repeat("a-folder-with-a-long-name/", 4), "config")
	dir := filepath.Join(config, "skillgap", "rubrics")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	id := func(prefix string) string { return prefix + strings.Repeat("x", 64-len(prefix)) }
	rid := id("rubric-")
	var b strings.Builder
	fmt.Fprintf(&b, "version: 1\nid: %s\nname: A ladder with a very long name%s\n", rid, strings.Repeat("Z", 90))
	fmt.Fprintf(&b, "description: Words%s\nsource: A source%s\n", strings.Repeat("D", 120), strings.Repeat("S", 90))
	b.WriteString("levels: [none, level one with a name, level two with a name, level three is top]\n")
	fmt.Fprintf(&b, "experience:\n  - {id: %s, name: Years doing the very long thing in a very long role, question: \"Years:\"}\n", "years_"+strings.Repeat("y", 58))
	b.WriteString("stages:\n")
	for s := range 5 {
		fmt.Fprintf(&b, "  - {id: %s, name: Stage %d with a long long long long long long long name, years: {min: %d}}\n", id(fmt.Sprintf("stage-%d-", s)), s, 2*s)
	}
	fmt.Fprintf(&b, "categories:\n  - {id: %s, name: Experience with a long long long name%s, weight: 1}\n", id("exp-"), strings.Repeat("E", 60))
	fmt.Fprintf(&b, "  - {id: %s, name: Skills with a long name, weight: 2, weeks_per_level: 30}\n", id("sk-"))
	fmt.Fprintf(&b, "  - {id: %s, name: Licences, weight: 1}\n", id("lic-"))
	b.WriteString("items:\n")
	fmt.Fprintf(&b, "  - {id: %s, kind: years, field: %s, category: %s, name: Years in the field with a long long long long name, weight: 1, need: [1, 3, 5, 7, 20]}\n",
		id("years-"), "years_"+strings.Repeat("y", 58), id("exp-"))
	var skills []string
	for i := range 6 {
		sid := id(fmt.Sprintf("skill-%d-", i))
		skills = append(skills, fmt.Sprintf("  %s: %d", sid, i%4))
		fmt.Fprintf(&b, "  - id: %s\n    kind: skill\n    category: %s\n    name: Skill %d%s\n    weight: %d\n    need: [1, 2, 2, 3, 3]\n", sid, id("sk-"), i, strings.Repeat("K", 70), i+1)
		fmt.Fprintf(&b, "    levels: [Does%s, Does more with a long description of it, Does it all]\n", strings.Repeat("L", 100))
		fmt.Fprintf(&b, "    advice: [Advice%s, More advice, The most advice]\n", strings.Repeat("A", 100))
		fmt.Fprintf(&b, "    indicators: [[Indicator%s], [], []]\n", strings.Repeat("I", 150))
	}
	fmt.Fprintf(&b, "  - {id: %s, kind: held, category: %s, name: A licence%s, weight: 1, need: [0, 1, 1, 1, 1], effort_weeks: 8}\n", id("licence-"), id("lic-"), strings.Repeat("C", 80))
	rubricFile := filepath.Join(dir, rid+".yaml")
	if err := os.WriteFile(rubricFile, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	profile := fmt.Sprintf("version: 1\nname: Someone%s\nrubric: %s\nexperience:\n  %s: 2\nskills:\n%s\nevidence:\n  %s: Shown%s\n",
		strings.Repeat("N", 90), rid, "years_"+strings.Repeat("y", 58), strings.Join(skills, "\n"), id("skill-1-"), strings.Repeat("V", 100))
	profileFile := filepath.Join(t.TempDir(), "p.yaml")
	if err := os.WriteFile(profileFile, []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return config
		}
		return ""
	}
	for _, args := range [][]string{
		{"score", profileFile},
		{"score", "--explain", profileFile},
		{"score", "--target", id("stage-0-"), profileFile},
		{"team", profileFile, profileFile},
		{"rubric", "list"},
		{"rubric", "show", rid},
		{"rubric", "show", rubricFile},
	} {
		ios, _, out, errOut := iostreams.Test()
		if code := Main(args, &Factory{IO: ios, Getenv: env}); code != 0 && code != ExitBelowMin {
			t.Errorf("skillgap %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
		}
		for name, text := range map[string]string{"stdout": out.String(), "stderr": errOut.String()} {
			for i, line := range strings.Split(text, "\n") {
				if n := displaywidth.String(line); n > 80 {
					t.Errorf("skillgap %s: %s line %d is %d columns:\n%s", strings.Join(args[:len(args)-1], " "), name, i+1, n, line)
				}
			}
		}
	}
}
