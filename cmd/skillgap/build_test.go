package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The program as people build it. go build (like go install and go run)
// carries the release from the VERSION file; make build sets the release
// and the commit at link time. Hints name the program as it was typed.
func TestBuiltProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	release := strings.TrimSpace(string(data))
	dir := t.TempDir()
	env := append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME=", "XDG_STATE_HOME=")

	// run starts the program as a shell would for what the user typed
	// (argv0) and returns its output.
	run := func(t *testing.T, bin, argv0 string, args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Args[0] = argv0
		cmd.Dir, cmd.Env = dir, env
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		_ = cmd.Run()
		return out.String(), errOut.String()
	}

	t.Run("go build", func(t *testing.T) {
		bin := filepath.Join(dir, "plain", "skillgap")
		build := exec.Command("go", "build", "-o", bin, ".")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		out, _ := run(t, bin, bin, "--version")
		want := regexp.MustCompile(`^skillgap ` + regexp.QuoteMeta(release) + `( \(commit [0-9a-f]{12}(-modified)?\))?\n$`)
		if !want.MatchString(out) {
			t.Errorf("--version printed %q, want skillgap %s", out, release)
		}
	})

	t.Run("make build", func(t *testing.T) {
		if _, err := exec.LookPath("make"); err != nil {
			t.Skip("no make")
		}
		bin := filepath.Join(dir, "bin", "skillgap")
		build := exec.Command("make", "-s", "build", "BIN="+bin, "VERSION=0.0.0-test.1")
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("make build: %v\n%s", err, out)
		}
		out, _ := run(t, bin, "./bin/skillgap", "--version")
		want := "skillgap 0.0.0-test.1"
		if head, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output(); err == nil {
			want += " (commit " + strings.TrimSpace(string(head))
		}
		if !strings.HasPrefix(out, want) {
			t.Errorf("--version printed %q, want %q...", out, want)
		}

		// By its path, the hints give the path; found on PATH, the name.
		if _, errOut := run(t, bin, "./bin/skillgap", "score"); !strings.Contains(errOut, "Run './bin/skillgap score --help' for usage.") {
			t.Errorf("run as ./bin/skillgap: %q", errOut)
		}
		if _, errOut := run(t, bin, "skillgap", "rubric", "show"); !strings.Contains(errOut, "(see 'skillgap rubric list')") {
			t.Errorf("run as skillgap: %q", errOut)
		}
	})
}
