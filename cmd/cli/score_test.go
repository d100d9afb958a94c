package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/skillgap/skillgap"
	"github.com/skillgap/skillgap/internal/iostreams"
)

func TestScoreFlags(t *testing.T) {
	cases := []struct {
		args    []string
		want    ScoreOptions
		wantErr string
	}{
		{args: []string{"a.yaml"}, want: ScoreOptions{Files: []string{"a.yaml"}, Format: "table"}},
		{args: []string{"-f", "json", "-t", "cio", "a.yaml", "-"}, want: ScoreOptions{Files: []string{"a.yaml", "-"}, Format: "json", Target: "cio"}},
		{args: []string{"--min-readiness", "75.5", "--rubric", "r.yaml", "a.yaml"}, want: ScoreOptions{Files: []string{"a.yaml"}, Format: "table", MinReadiness: 75.5, minSet: true, Rubric: "r.yaml"}},
		{args: []string{}, wantErr: "name at least one profile file"},
		{args: []string{"--format", "xml", "a.yaml"}, wantErr: `"xml" is not one of`},
		{args: []string{"--min-readiness", "-1", "a.yaml"}, wantErr: "from 0 to 100"},
		{args: []string{"--min-readiness", "lots", "a.yaml"}, wantErr: "invalid argument"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *ScoreOptions
			err := parse(t, NewCmdScore(&Factory{IO: ios}, func(o *ScoreOptions) error { got = o; return nil }), tc.args)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if strings.Join(got.Files, ",") != strings.Join(tc.want.Files, ",") || got.Format != tc.want.Format || got.Target != tc.want.Target ||
				got.MinReadiness != tc.want.MinReadiness || got.minSet != tc.want.minSet || got.Rubric != tc.want.Rubric {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

func TestScoreRunWritesTableAndJSON(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	err := runScore(&ScoreOptions{IO: ios, Files: []string{"../../testdata/profiles/alex.yaml"}, Format: "table"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Alex Rivera · IT Manager: readiness 74.3/100, almost ready", "Must be met for ready: Leadership and team management (2 of 3).", "Gaps, most important first (10):", "Plan to ready, by week 52:", "\nLadder:\n  Assistant IT Manager            100.0  ready\n  IT Manager                       74.3  almost ready   in 52 weeks\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("colour codes written to a pipe")
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestColourOnlyOnATerminal(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	ios.OutTTY = true
	if err := runScore(&ScoreOptions{IO: ios, Files: []string{"../../testdata/profiles/alex.yaml"}, Format: "table"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[1;33malmost ready\x1b[0m") {
		t.Errorf("no colour on a terminal:\n%s", out)
	}
	ios, _, out, _ = iostreams.Test()
	ios.OutTTY, ios.NoColor = true, true
	_ = runScore(&ScoreOptions{IO: ios, Files: []string{"../../testdata/profiles/alex.yaml"}, Format: "table"})
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("colour despite NO_COLOR")
	}
}

func TestVersionAndBareHelp(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if code := Main([]string{"--version"}, &Factory{IO: ios}); code != 0 || out.String() != "skillgap "+skillgap.Version()+"\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
	ios, _, out, _ = iostreams.Test()
	if code := Main(nil, &Factory{IO: ios}); code != 0 || !strings.Contains(out.String(), "Available Commands:") {
		t.Errorf("bare skillgap: exit %d, output %q", code, out)
	}
	ios, _, _, errOut := iostreams.Test()
	if code := Main([]string{"scroe"}, &Factory{IO: ios}); code != ExitUsage || !strings.Contains(errOut.String(), `Did you mean this?`) && !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("typo: exit %d, stderr %q", code, errOut)
	}
}

// team --format json names a rubric's own levels at the top, as score
// --format json does, and leaves them out for the standard scale.
func TestTeamJSONNamesTheRubricsLevelsAsScoreDoes(t *testing.T) {
	type levels struct {
		Levels []string `json:"levels"`
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--rubric", "../../testdata/rubrics/sfia-mini.yaml", "../../testdata/profiles/sfia-lee.yaml"},
			[]string{"none", "follow", "assist", "apply", "enable", "ensure/advise", "initiate/influence", "set strategy"}},
		{[]string{"../../testdata/profiles/alex.yaml"}, nil},
	} {
		var team, score levels
		code, out, errOut := run(t, "", append([]string{"team", "--format", "json"}, c.args...)...)
		if err := json.Unmarshal([]byte(out), &team); code != 0 || err != nil {
			t.Fatalf("team: exit %d, %v\n%s", code, err, errOut)
		}
		code, out, errOut = run(t, "", append([]string{"score", "--format", "json"}, c.args...)...)
		if err := json.Unmarshal([]byte(out), &score); code != 0 || err != nil {
			t.Fatalf("score: exit %d, %v\n%s", code, err, errOut)
		}
		if !slices.Equal(team.Levels, c.want) || !slices.Equal(score.Levels, c.want) {
			t.Errorf("%v: team levels %q, score levels %q, want %q", c.args, team.Levels, score.Levels, c.want)
		}
	}
}
