package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One rule for the exit code of every command: a bad command-line value
// (command, flag, rubric id, --target, --format, a flag value, a setting)
// exits 2; a file that is missing, unreadable or invalid exits 1. Each case
// also says what the message must (and must not) hold.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	alex := "../../testdata/profiles/alex.yaml"
	badProfile := "../../testdata/bad/unknown-cert.yaml"
	badRubric := "../../testdata/bad/rubrics/need-count.yaml"
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o700)
	exists := filepath.Join(dir, "exists.html")
	writeFile(t, exists, "keep")
	cases := []struct {
		args []string
		env  map[string]string
		code int
		want string
		not  string
	}{
		// Bad command-line values: 2.
		{args: []string{"scroe", alex}, code: 2, want: `unknown command "scroe" for skillgap; did you mean score?`, not: `\x09`},
		{args: []string{"rubric", "shwo", "x"}, code: 2, want: "did you mean show?"},
		{args: []string{"rubric", "list", "x"}, code: 2, want: `skillgap rubric list takes no arguments, found "x"`},
		{args: []string{"score"}, code: 2, want: "name at least one profile file"},
		{args: []string{"score", "--traget", "cio", alex}, code: 2, want: "unknown flag --traget; did you mean --target?"},
		{args: []string{"score", "--no-colour", alex}, code: 2, want: "unknown flag --no-colour; did you mean --no-color?"},
		{args: []string{"team", "--min-readiness", "80", alex}, code: 2, want: "unknown flag --min-readiness for skillgap team; it is a flag of skillgap score"},
		{args: []string{"score", "-x", alex}, code: 2, want: "unknown flag -x"},
		{args: []string{"score", "--min-readiness", "abc", alex}, code: 2, want: `invalid --min-readiness "abc": give a number from 0 to 100`, not: "strconv"},
		{args: []string{"score", "--compact", alex}, code: 2, want: "--compact: only with --format json"},
		{args: []string{"score", "--min-readiness", "120", alex}, code: 2, want: `invalid --min-readiness "120": give a number from 0 to 100`},
		{args: []string{"score", alex}, env: map[string]string{"SKILLGAP_MIN_READINESS": "abc"}, code: 2, want: `invalid --min-readiness "abc" (set by SKILLGAP_MIN_READINESS): give a number from 0 to 100`, not: "strconv"},
		{args: []string{"score", "--explain=maybe", alex}, code: 2, want: `invalid --explain "maybe": give true or false`, not: "strconv"},
		{args: []string{"team", "--top", "many", alex}, code: 2, want: `invalid --top "many": give a whole number`, not: "strconv"},
		{args: []string{"score", "--target"}, code: 2, want: "--target needs a value (career stage"},
		{args: []string{"score", "--format", "yaml", alex}, code: 2, want: `--format: "yaml" is not one of`},
		{args: []string{"score", "--target", "nope", alex}, code: 2, want: "--target: nope is not a stage"},
		{args: []string{"score", "--rubric", "nope", alex}, code: 2, want: `--rubric: unknown rubric "nope"`},
		{args: []string{"report", "--target", "senior-it-manger", alex}, code: 2, want: "--target: senior-it-manger is not a stage of rubric it-manager (did you mean senior-it-manager?)"},
		{args: []string{"report", "--rubric", "nope", alex}, code: 2, want: `--rubric: unknown rubric "nope"`},
		{args: []string{"report", "-f", "pdf", alex}, code: 2, want: `--format: "pdf" is not one of`},
		{args: []string{"report", alex, "-o", filepath.Join(dir, "me.pdf")}, code: 2, want: "skillgap does not write PDF; use .html, .md, .json or .csv. For a PDF, write .html and use the browser's Print to PDF"},
		{args: []string{"report", alex, "-o", filepath.Join(dir, "me.txt")}, code: 2, want: ".txt is not a report format; use .html, .md, .json or .csv, or give --format"},
		{args: []string{"report", "old.yaml", "new.yaml"}, code: 2, want: "to compare two, name the newer and give the older with --since: skillgap report new.yaml --since old.yaml"},
		{args: []string{"team", "--target", "nope", alex}, code: 2, want: "--target: nope is not a stage"},
		{args: []string{"team", "-f", "pdf", alex}, code: 2, want: `--format: "pdf" is not one of`},
		{args: []string{"rubric", "show", "nope"}, code: 2, want: `unknown rubric "nope"`},
		{args: []string{"rubric", "export", "nope"}, code: 2, want: `unknown rubric "nope"`},
		{args: []string{"schema", "foo"}, code: 2, want: `schema: name profile or rubric, not "foo"`},
		{args: []string{"schema", "profle"}, code: 2, want: "(did you mean profile?)"},
		{args: []string{"completion", "tcsh"}, code: 2, want: "choose bash, zsh, fish or powershell"},
		{args: []string{"--config", filepath.Join(dir, "nope.yaml"), "score", alex}, code: 2, want: "--config: the config file " + filepath.Join(dir, "nope.yaml") + " was not found", not: "stat "},
		{args: []string{"assess"}, code: 2, want: "needs a terminal"},

		// Bad input files: 1.
		{args: []string{"score", filepath.Join(dir, "nosuch.yaml")}, code: 1, want: "nosuch.yaml: cannot open: no such file or directory"},
		{args: []string{"score", badProfile}, code: 1, want: "unknown-cert.yaml: line 2: certifications: unknown certification id awz (did you mean aws?)"},
		{args: []string{"score", "--rubric", badRubric, alex}, code: 1, want: "need-count.yaml: line 11:"},
		{args: []string{"report", badProfile}, code: 1, want: "unknown certification id awz"},
		{args: []string{"report", alex, "-o", exists}, code: 1, want: "exists; use --force"},
		{args: []string{"team", empty}, code: 1, want: "empty: the folder has no profile files (searched for *.yaml, *.yml, *.json, *.jsonl and *.ndjson", not: "could be read"},
		{args: []string{"score", empty}, code: 1, want: "empty: the folder has no profile files", not: "no profile found"},
		{args: []string{"rubric", "show", badRubric}, code: 1, want: "need-count.yaml: line 11:"},
		{args: []string{"rubric", "validate", alex}, code: 1, want: "alex.yaml: this looks like a profile, not a rubric (it has skills, target, rubric keys); to score it: skillgap score ../../testdata/profiles/alex.yaml"},
		{args: []string{"rubric", "validate", filepath.Join(dir, "nosuch.yaml")}, code: 1, want: "cannot open"},

		// Below the bar: 3.
		{args: []string{"score", "--min-readiness", "99", alex}, code: 3, want: "1 of 1 profiles below readiness 99:\n  ../../testdata/profiles/alex.yaml (74.3)\n"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runWith(t, tc.env, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) || (tc.not != "" && strings.Contains(errOut, tc.not)) {
				t.Errorf("exit %d (want %d), stderr:\n%s\nwant it to hold %q", code, tc.code, errOut, tc.want)
			}
			if tc.code == 2 && out != "" {
				t.Errorf("stdout %q", out)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "me.pdf")); err == nil {
		t.Error("me.pdf was written")
	}
	if data, _ := os.ReadFile(exists); string(data) != "keep" {
		t.Error("an existing output was replaced")
	}
}
