package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/testkit"
)

// miniProfile is a profile of the mini rubric's answers that names rubric
// (no rubric: line when "").
func miniProfile(name, rubric string) string {
	s := "version: 1\nname: " + name + "\n"
	if rubric != "" {
		s += "rubric: " + rubric + "\n"
	}
	return s + "experience: {it_years: 3, management_years: 0}\nskills: {go: 2, sql: 1}\n"
}

// warnings are the warning lines of stderr.
func warnings(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "skillgap: warning: ") {
			out = append(out, l)
		}
	}
	return out
}

// --rubric taking the place of the rubric a profile names is said on stderr,
// with the file and both ids; what is scored and the exit are unchanged.
func TestRubricOverrideWarnsForOneProfile(t *testing.T) {
	dir := t.TempDir()
	named, plain := filepath.Join(dir, "named.yaml"), filepath.Join(dir, "plain.yaml")
	writeFile(t, named, miniProfile("Mo", "team-rubric"))
	writeFile(t, plain, miniProfile("Mo", ""))

	code, out, errOut := run(t, "", "score", "--rubric", miniRubricPath, named)
	want := "skillgap: warning: " + named + " names rubric team-rubric; scored with mini (--rubric wins)\n"
	if code != 0 || errOut != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
	// The same answers with no rubric named: the same table, no warning.
	code, plainOut, errOut := run(t, "", "score", "--rubric", miniRubricPath, plain)
	if code != 0 || errOut != "" || plainOut != out {
		t.Errorf("exit %d, stderr %q; table with the rubric named:\n%s\nwithout:\n%s", code, errOut, out, plainOut)
	}
	// The exit code is the run's own: 3 below --min-readiness, with the warning.
	code, _, errOut = run(t, "", "score", "--rubric", miniRubricPath, "--target", "senior", "--min-readiness", "100", named)
	if code != ExitBelowMin || len(warnings(errOut)) != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// A profile that names the rubric --rubric gives: nothing to say.
	same := filepath.Join(dir, "same.yaml")
	writeFile(t, same, miniProfile("Mo", "mini"))
	if code, _, errOut := run(t, "", "score", "--rubric", miniRubricPath, same); code != 0 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// Set in the environment, --rubric says where it came from.
	code, _, errOut = runWith(t, map[string]string{"SKILLGAP_RUBRIC": miniRubricPath}, "", "score", named)
	want = "skillgap: warning: " + named + " names rubric team-rubric; scored with mini (--rubric wins, set by SKILLGAP_RUBRIC)\n"
	if code != 0 || errOut != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
	// A profile's text never reaches the terminal raw.
	hostile := filepath.Join(dir, "hostile.yaml")
	writeFile(t, hostile, miniProfile("Mo", `"\e[31mred"`))
	_, _, errOut = run(t, "", "score", "--rubric", miniRubricPath, hostile)
	if strings.Contains(errOut, "\x1b") || !strings.Contains(errOut, `names rubric \x1b[31mred; scored with mini`) {
		t.Errorf("stderr %q", errOut)
	}
}

// In a batch the warning is said once for each rubric named, with a count,
// however many profiles name it; files and JSON Lines alike.
func TestRubricOverrideWarnsOnceForABatch(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&lines, `{"version":1,"name":"P%d","rubric":"it-manager","experience":{"it_years":3,"management_years":0},"skills":{"go":2,"sql":1}}`+"\n", i)
	}
	staff := filepath.Join(dir, "staff.jsonl")
	writeFile(t, staff, lines.String())
	other, same, none := filepath.Join(dir, "b.yaml"), filepath.Join(dir, "c.yaml"), filepath.Join(dir, "d.yaml")
	writeFile(t, other, miniProfile("B", "help-desk"))
	writeFile(t, same, miniProfile("C", "mini"))
	writeFile(t, none, miniProfile("D", ""))
	want := []string{
		"skillgap: warning: 1000 profiles name rubric it-manager; scored with mini (--rubric wins)",
		"skillgap: warning: " + other + " names rubric help-desk; scored with mini (--rubric wins)",
	}
	for _, args := range [][]string{
		{"score", "--format", "json", "--rubric", miniRubricPath, other, staff, same, none},
		{"team", "--format", "json", "--rubric", miniRubricPath, other, staff, same, none},
	} {
		code, out, errOut := run(t, "", args...)
		if got := warnings(errOut); code != 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: exit %d, warnings:\n%s\nwant:\n%s\nstderr: %.300s", args[0], code, strings.Join(got, "\n"), strings.Join(want, "\n"), errOut)
		}
		if args[0] == "score" && strings.Count(out, "\n") != 1003 {
			t.Errorf("score: %d results", strings.Count(out, "\n"))
		}
		if args[0] == "team" && !strings.Contains(out, `"members": 1003`) {
			t.Errorf("team: %.300s", out)
		}
	}
}

// Profiles that cannot be scored with --rubric's rubric (their answers are
// another rubric's) are counted too: the warning says why they fail.
func TestRubricOverrideWarnsWhenTheAnswersDoNotFit(t *testing.T) {
	for _, args := range [][]string{
		{"score", "--rubric", miniRubricPath, "../../testdata/team"},
		{"team", "--rubric", miniRubricPath, "../../testdata/team"},
	} {
		code, _, errOut := run(t, "", args...)
		want := []string{"skillgap: warning: 8 profiles name rubric it-manager; scored with mini (--rubric wins)"}
		if code != ExitBadInput || strings.Join(warnings(errOut), "\n") != want[0] {
			t.Errorf("%s: exit %d, warnings %q", args[0], code, warnings(errOut))
		}
	}
}

// Many rubric ids: the most named first, five lines at most, the rest in one.
func TestRubricOverrideWarningIsBounded(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, n := range []int{1, 3, 2, 1, 1, 1, 1, 1} {
		for j := range n {
			f := filepath.Join(dir, fmt.Sprintf("p%d-%d.yaml", i, j))
			writeFile(t, f, miniProfile("P", fmt.Sprintf("r%d", i)))
			files = append(files, f)
		}
	}
	code, _, errOut := run(t, "", append([]string{"score", "--format", "json", "--rubric", miniRubricPath}, files...)...)
	got := warnings(errOut)
	want := []string{
		"skillgap: warning: 3 profiles name rubric r1; scored with mini (--rubric wins)",
		"skillgap: warning: 2 profiles name rubric r2; scored with mini (--rubric wins)",
		"skillgap: warning: " + filepath.Join(dir, "p0-0.yaml") + " names rubric r0; scored with mini (--rubric wins)",
		"skillgap: warning: " + filepath.Join(dir, "p3-0.yaml") + " names rubric r3; scored with mini (--rubric wins)",
		"skillgap: warning: " + filepath.Join(dir, "p4-0.yaml") + " names rubric r4; scored with mini (--rubric wins)",
		"skillgap: warning: 3 more profiles name other rubrics; scored with mini (--rubric wins)",
	}
	if code != 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("exit %d, warnings:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// report warns for the profile and the one given with --since.
func TestRubricOverrideWarnsInReport(t *testing.T) {
	dir := t.TempDir()
	cur, old := filepath.Join(dir, "me.yaml"), filepath.Join(dir, "me-old.yaml")
	writeFile(t, cur, miniProfile("Mo", "team-rubric"))
	writeFile(t, old, miniProfile("Mo", "mini"))
	code, _, errOut := run(t, "", "report", "--rubric", miniRubricPath, cur, "--since", old)
	want := "skillgap: warning: " + cur + " names rubric team-rubric; scored with mini (--rubric wins)"
	if code != 0 || strings.Join(warnings(errOut), "\n") != want {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	writeFile(t, old, miniProfile("Mo", "team-rubric"))
	_, _, errOut = run(t, "", "report", "--rubric", miniRubricPath, cur, "--since", old)
	want = "skillgap: warning: 2 profiles name rubric team-rubric; scored with mini (--rubric wins)"
	if strings.Join(warnings(errOut), "\n") != want {
		t.Errorf("stderr %q", errOut)
	}
	// A profile of another rubric's answers: the warning comes before the
	// problems it explains, and the exit is still 1.
	code, _, errOut = run(t, "", "report", "--rubric", miniRubricPath, "../../testdata/profiles/alex.yaml")
	if code != ExitBadInput || !strings.HasPrefix(errOut, "skillgap: warning: ../../testdata/profiles/alex.yaml names rubric it-manager; scored with mini (--rubric wins)\n") {
		t.Errorf("exit %d, stderr %.300q", code, errOut)
	}
}

// Re-assessing a profile with another --rubric warns before asking whether
// to start again.
func TestRubricOverrideWarnsInAssess(t *testing.T) {
	f, ios, _ := assessFactory(t, &testkit.Prompter{})
	writeFile(t, "me.yaml", miniProfile("Mo", "mini"))
	// No (the default) to starting again: the file is kept, exit 1.
	if code := Main([]string{"assess", "--rubric", "it-manager", "-o", "me.yaml"}, f); code != ExitBadInput {
		t.Errorf("exit %d", code)
	}
	errText := ios.ErrOut.(interface{ String() string }).String()
	want := "skillgap: warning: me.yaml names rubric mini; questions from it-manager (--rubric wins)"
	if got := warnings(errText); len(got) != 1 || got[0] != want {
		t.Errorf("stderr %q, want %q", errText, want)
	}
	if data, _ := os.ReadFile("me.yaml"); string(data) != miniProfile("Mo", "mini") {
		t.Errorf("me.yaml changed:\n%s", data)
	}
}
