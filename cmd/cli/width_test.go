package cli

import (
	"github.com/clipperhouse/displaywidth"
	"path/filepath"
	"strings"
	"testing"
)

// Every human output of every command, for every profile in testdata, fits
// 80 columns (the width in a pipe).
func TestHumanOutputFitsEightyColumns(t *testing.T) {
	profiles, _ := filepath.Glob("../../testdata/profiles/*.yaml")
	team, _ := filepath.Glob("../../testdata/team/*.yaml")
	var runs [][]string
	for _, p := range append(profiles, team...) {
		var extra []string
		switch base := filepath.Base(p); {
		case strings.Contains(base, "mini"):
			extra = []string{"--rubric", "../../testdata/rubrics/mini.yaml"}
		case strings.HasPrefix(base, "se-"):
			extra = []string{"--rubric", "../../testdata/rubrics/software-engineer.yaml"}
		case strings.HasPrefix(base, "data-"):
			extra = []string{"--rubric", "../../testdata/rubrics/data-team.yaml"}
		case strings.HasPrefix(base, "sfia-"):
			extra = []string{"--rubric", "../../testdata/rubrics/sfia-mini.yaml"}
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
		[]string{"rubric", "show", "../../testdata/rubrics/mini.yaml"},
		[]string{"rubric", "show", "../../testdata/rubrics/software-engineer.yaml"},
		[]string{"rubric", "show", "../../testdata/rubrics/data-team.yaml"},
		[]string{"rubric", "show", "../../testdata/rubrics/sfia-mini.yaml"},
	)
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
