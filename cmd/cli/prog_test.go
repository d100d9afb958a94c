package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/testkit"
)

func TestProgName(t *testing.T) {
	for arg0, want := range map[string]string{
		"skillgap":                 "skillgap",
		"sg":                       "sg", // renamed, on PATH
		"./bin/skillgap":           "./bin/skillgap",
		"bin/skillgap":             "bin/skillgap",
		"/usr/local/bin/skillgap":  "/usr/local/bin/skillgap",
		"../skillgap/bin/skillgap": "../skillgap/bin/skillgap",
		"./my tools/skillgap":      "'./my tools/skillgap'",
		"":                         "skillgap",
		"/tmp/go-build4242558599/b001/exe/skillgap":                   "skillgap", // go run
		"/root/.cache/go-build/73/739d9b6b7429ab99ab5f10c-d/skillgap": "skillgap", // go run, cached
		"/tmp/go-build123/b001/cli.test":                              "skillgap", // go test
	} {
		if got := ProgName(arg0); got != want {
			t.Errorf("ProgName(%q) = %q, want %q", arg0, got, want)
		}
	}
}

// Every hint names the program as the user typed it, and none falls back
// to a bare "skillgap" that would not run.
func TestHintsUseTheProgramName(t *testing.T) {
	const prog = "./bin/skillgap"
	alexAbs, err := filepath.Abs(alex)
	if err != nil {
		t.Fatal(err)
	}
	miniAbs, err := filepath.Abs(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		args  []string
		pr    *testkit.Prompter
		env   map[string]string
		setup func(dir string)
		want  string
	}{
		{name: "usage", args: []string{"score"}, want: "Run './bin/skillgap score --help' for usage."},
		{name: "usage of a subcommand", args: []string{"rubric", "show"}, want: "Run './bin/skillgap rubric show --help' for usage."},
		{name: "rubric list", args: []string{"rubric", "export"}, want: "see './bin/skillgap rubric list'"},
		{name: "no terminal", args: []string{"assess"}, want: "'./bin/skillgap schema profile'"},
		{name: "no terminal, score", args: []string{"assess", "--no-input"}, want: "run './bin/skillgap score FILE'"},
		{name: "saved", args: []string{"assess", "-o", "me.yaml"}, pr: &testkit.Prompter{}, want: "Score it again any time with: ./bin/skillgap score me.yaml"},
		// An answer changes in both: unchanged answers keep no draft to resume.
		{name: "resume", args: []string{"assess", "-o", "me.yaml"}, pr: &testkit.Prompter{Answers: map[string]any{"name": "Jo"}, Interrupt: "skills.cloud"}, want: "run './bin/skillgap assess -o me.yaml' to resume"},
		{name: "kept", args: []string{"assess", "-o", "me.yaml"},
			pr:    &testkit.Prompter{Answers: map[string]any{"name": "Jo", "replace": false}},
			setup: func(dir string) { copyFile(t, alexAbs, filepath.Join(dir, "me.yaml")) },
			want:  "run './bin/skillgap assess -o me.yaml' to resume them"},
		{name: "assess help", args: []string{"assess", "--help"}, want: "the next './bin/skillgap assess' for the same file"},
		{name: "score help", args: []string{"score", "--help"}, want: "(see './bin/skillgap schema profile')"},
		{name: "schema help", args: []string{"schema", "--help"}, want: "by './bin/skillgap score'"},
		{name: "rubric export help", args: []string{"rubric", "export", "--help"}, want: "check it with './bin/skillgap rubric validate'"},
		{name: "a profile as a rubric", args: []string{"rubric", "validate", alexAbs}, want: "to score it: ./bin/skillgap score " + alexAbs},
		{name: "a rubric as a profile", args: []string{"score", miniAbs},
			want: "check it with './bin/skillgap rubric validate " + miniAbs + "', or score a profile with it: './bin/skillgap score --rubric " + miniAbs + " PROFILE'"},
		{name: "a rubric as a team member", args: []string{"team", miniAbs}, want: "'./bin/skillgap rubric validate " + miniAbs + "'"},
		{name: "report of two files", args: []string{"report", alexAbs, alexAbs}, want: "--since: ./bin/skillgap report "},
		{name: "unanswered items", args: []string{"score", alexAbs}, want: "Answer them with: ./bin/skillgap assess -o"},
		{name: "settings", args: []string{"score", alexAbs}, env: map[string]string{"XDG_CONFIG_HOME": "cfg"},
			setup: func(dir string) {
				os.MkdirAll(filepath.Join(dir, "cfg", "skillgap"), 0o700)
				writeFile(t, filepath.Join(dir, "cfg", "skillgap", "config.yaml"), "fromat: json\n")
			},
			want: "see './bin/skillgap COMMAND --help'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if c.setup != nil {
				c.setup(dir)
			}
			ios, _, out, errOut := iostreams.Test()
			f := &Factory{IO: ios, Prog: prog,
				Getenv: func(k string) string {
					if k == "XDG_STATE_HOME" {
						return filepath.Join(dir, "state")
					}
					if v, ok := c.env[k]; ok {
						return filepath.Join(dir, v)
					}
					return ""
				},
				Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }}
			if c.pr != nil {
				f.Prompter = c.pr
			}
			Main(c.args, f)
			all := strings.ReplaceAll(out.String()+errOut.String(), "\n", " ")
			if !strings.Contains(all, c.want) {
				t.Errorf("no %q in\n%s", c.want, all)
			}
			for _, bare := range []string{"'skillgap ", "with: skillgap ", "with skillgap "} {
				if strings.Contains(all, bare) {
					t.Errorf("a hint says %q:\n%s", bare, all)
				}
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}
