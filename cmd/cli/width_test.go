package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
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
