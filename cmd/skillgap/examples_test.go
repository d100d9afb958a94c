package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/skillgap/skillgap/cmd/cli"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/spf13/cobra"
)

// example is one command line of the documentation.
type example struct {
	where string // README.md:87, or "skillgap score --help"
	line  string // as written
	want  int    // the exit code it should end with
}

// notRun are the examples that are not run, by how they start, and why.
// Each must excuse at least one example, so the list cannot outlive them.
var notRun = []struct{ prefix, why string }{
	{"skillgap assess", "asks its questions on a terminal (cmd/cli/pty_test.go runs it on one)"},
	{"go install ./cmd/skillgap", "installs into $(go env GOPATH)/bin, outside the test's folder"},
	{"make test", "is what runs this test"},
}

// Every command example of the README, of docs/ and of each command's
// --help runs as written from the repository root and exits as the text
// says: 0, or the code a comment such as "# exit 3: ..." states. Each runs
// in a copy of testdata/ in a temporary folder, with an empty HOME, one
// after another (a later example may read what an earlier one wrote), with
// the skillgap that TestMain puts on PATH.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every example")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the examples with")
	}
	if _, err := exec.LookPath("skillgap"); err != nil {
		t.Fatalf("TestMain puts skillgap on PATH: %v", err)
	}
	_, jqErr := exec.LookPath("jq")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}

	sources := map[string][]example{"README.md": markdownExamples(t, root, "README.md")}
	docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		sources[rel] = markdownExamples(t, root, rel)
	}
	sources["--help"] = helpExamples(t)
	if len(sources["README.md"]) == 0 || len(sources["--help"]) == 0 {
		t.Fatal("no examples found: the extraction is broken")
	}

	used := make([]bool, len(notRun))
	for name, examples := range sources {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			work, home, tmp := filepath.Join(dir, "work"), filepath.Join(dir, "home"), filepath.Join(dir, "tmp")
			for _, d := range []string{work, home, tmp} {
				if err := os.MkdirAll(d, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.CopyFS(filepath.Join(work, "testdata"), os.DirFS(filepath.Join(root, "testdata"))); err != nil {
				t.Fatal(err)
			}
			// GORACE: a program built with -race (as under make test) waits a
			// second as it exits, unless told not to.
			env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TMPDIR=" + tmp, "NO_COLOR=1", "LC_ALL=C.UTF-8",
				"GORACE=atexit_sleep_ms=0"}
			for _, ex := range examples {
				skip := ""
				for i, n := range notRun {
					if strings.HasPrefix(ex.line, n.prefix) {
						used[i], skip = true, n.why
					}
				}
				if skip == "" && !isSkillgapCommand(ex.line) {
					t.Errorf("%s: %q is neither a skillgap command nor in notRun", ex.where, ex.line)
					continue
				}
				if skip == "" && jqErr != nil && strings.Contains(ex.line, "| jq") {
					skip = "jq is not installed"
				}
				if skip != "" {
					t.Logf("%s: not run, %s: %s", ex.where, skip, ex.line)
					continue
				}
				runExample(t, bash, work, env, ex)
			}
		})
	}
	for i, n := range notRun {
		if !used[i] {
			t.Errorf("notRun excuses %q, which no example starts with any more: remove it", n.prefix)
		}
	}
}

func runExample(t *testing.T, bash, dir string, env []string, ex example) {
	t.Helper()
	line := strings.Replace(ex.line, "go run ./cmd/skillgap", "skillgap", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bash, "-o", "pipefail", "-c", line)
	cmd.Dir, cmd.Env = dir, env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Errorf("%s: %s: %v", ex.where, ex.line, err)
		return
	}
	if code != ex.want {
		t.Errorf("%s: %s\nexit %d, want %d\nstdout: %.2000s\nstderr: %.2000s", ex.where, ex.line, code, ex.want, out.String(), errOut.String())
	}
}

// isSkillgapCommand reports whether a line runs skillgap.
func isSkillgapCommand(line string) bool {
	return strings.HasPrefix(line, "skillgap ") || strings.HasPrefix(line, "go run ./cmd/skillgap ") ||
		strings.Contains(line, "| skillgap ")
}

var exitComment = regexp.MustCompile(`\bexit (\d+)\b`)

// wantExit is the exit code a line's comment states, else 0.
func wantExit(line string) int {
	if _, comment, ok := cutComment(line); ok {
		if m := exitComment.FindStringSubmatch(comment); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

// cutComment splits a shell line at a # that starts a comment: after a
// blank and outside quotes.
func cutComment(line string) (string, string, bool) {
	var quote rune
	prev := ' '
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && (prev == ' ' || prev == '\t'):
			return strings.TrimSpace(line[:i]), line[i+1:], true
		}
		prev = c
	}
	return line, "", false
}

// markdownExamples are the command lines of the ```sh blocks of a
// Markdown file.
func markdownExamples(t *testing.T, root, file string) []example {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	var block []string
	var out []example
	in, first := false, 0
	for n, text := range strings.Split(string(data), "\n") {
		switch {
		case !in && strings.TrimSpace(text) == "```sh":
			in, first, block = true, n+2, nil
		case in && strings.TrimSpace(text) == "```":
			in = false
			for _, c := range commandLines(block) {
				out = append(out, example{where: fmt.Sprintf("%s:%d", file, first+c.at), line: c.line, want: wantExit(c.line)})
			}
		case in:
			block = append(block, text)
		}
	}
	if in {
		t.Errorf("%s: a ```sh block is not closed", file)
	}
	return out
}

// helpExamples are the command lines of every command's Example.
func helpExamples(t *testing.T) []example {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	var out []example
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, l := range commandLines(strings.Split(c.Example, "\n")) {
			out = append(out, example{where: c.CommandPath() + " --help", line: l.line, want: wantExit(l.line)})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(cli.NewCmdRoot(&cli.Factory{IO: ios}))
	return out
}

// commandLines joins the lines of a shell snippet that end in a backslash
// with the next, and leaves out blank lines and comments; at is the index of
// the command's first line.
func commandLines(lines []string) []struct {
	at   int
	line string
} {
	var out []struct {
		at   int
		line string
	}
	pending, at := "", 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if pending == "" {
			at = i
		}
		if s, ok := strings.CutSuffix(l, `\`); ok {
			pending += strings.TrimSpace(s) + " "
			continue
		}
		l = strings.TrimSpace(pending + l)
		pending = ""
		if cmd, _, _ := cutComment(l); cmd == "" {
			continue
		}
		out = append(out, struct {
			at   int
			line string
		}{at, l})
	}
	return out
}

func TestCutComment(t *testing.T) {
	for line, want := range map[string]string{
		"skillgap score a.yaml   # exit 3: below":        " exit 3: below",
		"skillgap team --format json x | jq '.gaps[:3]'": "",
		`echo "a # b"  # c`:                              " c",
		"skillgap x#y":                                   "",
	} {
		if _, got, _ := cutComment(line); got != want {
			t.Errorf("cutComment(%q) comment = %q, want %q", line, got, want)
		}
	}
	if got := wantExit("skillgap score --min-readiness 80 x.yaml  # exit 3: below 80"); got != 3 {
		t.Errorf("wantExit = %d, want 3", got)
	}
}

func TestCommandLines(t *testing.T) {
	got := commandLines([]string{
		"  # a comment",
		"  skillgap team --target senior-it-manager \\",
		"      a.yaml b.yaml",
		"",
		`  skillgap score x.yaml  # exit 3: "two  spaces" stay`,
	})
	if len(got) != 2 || got[0].at != 1 || got[0].line != "skillgap team --target senior-it-manager a.yaml b.yaml" ||
		got[1].at != 4 || got[1].line != `skillgap score x.yaml  # exit 3: "two  spaces" stay` {
		t.Errorf("commandLines = %+v", got)
	}
}
