package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
)

// With several profiles, each table is named above it; one profile's table
// is printed as it is.
func TestScoreNamesEachFileAboveItsTable(t *testing.T) {
	alex, old := "../../testdata/profiles/alex.yaml", "../../testdata/profiles/alex-2026-05.yaml"
	code, out, errOut := run(t, "", "score", alex, old)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	first, second := strings.Index(out, "==> "+alex+" <==\nAlex Rivera"), strings.Index(out, "\n\n==> "+old+" <==\nAlex Rivera")
	if first != 0 || second < 0 {
		t.Errorf("tables not named in order:\n%s", out)
	}
	_, one, _ := run(t, "", "score", alex)
	if strings.Contains(one, "==>") || !strings.HasPrefix(one, "Alex Rivera") {
		t.Errorf("one table named:\n%.200s", one)
	}
	// JSON Lines carry their file in each object: no names between them.
	if _, js, _ := run(t, "", "score", "-f", "json", alex, old); strings.Contains(js, "==>") {
		t.Error("names in JSON output")
	}
}

// The --min-readiness summary names the profiles below the bar (the first
// ten, then a count), and is said even when another input is bad.
func TestMinReadinessNamesThoseBelow(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 12 {
		f := filepath.Join(dir, fmt.Sprintf("p%02d.yaml", i))
		writeFile(t, f, fmt.Sprintf("version: 1\nname: P%d\nexperience: {it_years: %d}\n", i, i))
		files = append(files, f)
	}
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "version: 1\nskills: {netwrking: 2}\n")
	code, _, errOut := run(t, "", append([]string{"score", "-f", "json", "--min-readiness", "90", bad}, files...)...)
	if code != ExitBadInput {
		t.Errorf("exit %d, want 1 (a bad input)", code)
	}
	want := "skillgap: 12 of 12 profiles scored below readiness 90:\n  " + filepath.Join(dir, "p00.yaml") + " ("
	if !strings.Contains(errOut, "1 of 13 profiles could not be scored") || !strings.Contains(errOut, want) ||
		!strings.Contains(errOut, "\n  "+filepath.Join(dir, "p09.yaml")) || strings.Contains(errOut, filepath.Join(dir, "p10.yaml")) ||
		!strings.HasSuffix(errOut, ")\n  and 2 more\n") {
		t.Errorf("stderr:\n%s", errOut)
	}
	code, _, errOut = run(t, "", "score", "-f", "json", "--min-readiness", "90", files[0])
	if code != ExitBelowMin || !strings.HasSuffix(errOut, "1 of 1 profiles below readiness 90:\n  "+files[0]+" (0.0)\n") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// Progress between two people's profiles is reported, with a warning.
func TestReportSinceAnotherPersonWarns(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.yaml")
	data, _ := os.ReadFile("../../testdata/profiles/alex-2026-05.yaml")
	writeFile(t, old, strings.Replace(string(data), "name: Alex Rivera", "name: \"Sam \\e[31mLee\"", 1))
	code, out, errOut := run(t, "", "report", "../../testdata/profiles/alex.yaml", "--since", old)
	if code != 0 || !strings.Contains(out, "Progress") {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	want := "skillgap: warning: " + old + ` is Sam \x1b[31mLee's profile and ../../testdata/profiles/alex.yaml is Alex Rivera's; they seem to be different people`
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	_, _, errOut = run(t, "", "report", "../../testdata/profiles/alex.yaml", "--since", "../../testdata/profiles/alex-2026-05.yaml")
	if strings.Contains(errOut, "different people") {
		t.Errorf("the same person: %s", errOut)
	}
}

// "-" with a terminal on stdin says that skillgap waits for input, and how
// to end it; in a pipe nothing is said.
func TestStdinTerminalIsAnnounced(t *testing.T) {
	alex, _ := os.ReadFile("../../testdata/profiles/alex.yaml")
	for _, args := range [][]string{{"score", "-"}, {"team", "-"}, {"report", "-"}} {
		for _, tty := range []bool{true, false} {
			ios, in, _, errOut := iostreams.Test()
			ios.InTTY = tty
			in.Write(alex)
			Main(args, &Factory{IO: ios, Getenv: func(string) string { return "" }})
			if got := strings.Contains(errOut.String(), "from stdin (Ctrl-D to end)"); got != tty {
				t.Errorf("%v, terminal %v: stderr %q", args, tty, errOut)
			}
		}
	}
}

// A message that quotes a file's problems inside a sentence quotes the
// first and counts the rest.
func TestFirstProblemCountsTheRest(t *testing.T) {
	_, err := profiles.Parse("p.yaml", []byte("version: 1\nfoo: 1\nbar: 2\n"))
	if got := firstProblem(err); !strings.HasPrefix(got, "p.yaml: line 2: foo: unknown key") || !strings.HasSuffix(got, "; and 1 more problem") {
		t.Errorf("%q", got)
	}
}

// The tables of a JSON Lines input are named by file and line, the first
// line too, and standard input as <stdin> on every line.
func TestTablesOfRecordsNamedAlike(t *testing.T) {
	const staff = "../../testdata/profiles/staff.jsonl"
	data, err := os.ReadFile(staff)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ stdin, arg, name string }{{"", staff, staff}, {string(data), "-", "<stdin>"}} {
		code, out, errOut := run(t, c.stdin, "score", c.arg)
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", c.arg, code, errOut)
		}
		for n := 1; n <= 3; n++ {
			if want := fmt.Sprintf("==> %s:%d <==\n", c.name, n); !strings.Contains(out, want) {
				t.Errorf("%s: no %q in\n%s", c.arg, want, out)
			}
		}
		if strings.Contains(out, "==> "+c.name+" <==") || strings.Contains(out, "==> -") {
			t.Errorf("%s: a table named otherwise:\n%s", c.arg, out)
		}
	}
}

// Standard input's records are named <stdin>:N; a file whose name only
// starts with "-:" keeps its name.
func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{"-": "<stdin>", "-:3": "<stdin>:3", "-:x.yaml": "-:x.yaml", "-:": "-:", "a.yaml": "a.yaml"} {
		if got := displayName(in); got != want {
			t.Errorf("displayName(%q) = %q, want %q", in, got, want)
		}
	}
}
