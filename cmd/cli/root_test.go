package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/spf13/cobra"
)

// Every command says how to use it with examples.
func TestEveryCommandHasExamples(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() != "help" && !strings.HasPrefix(c.CommandPath(), "skillgap completion") && strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no Example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root := NewCmdRoot(&Factory{IO: ios})
	root.InitDefaultCompletionCmd()
	walk(root)
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errOut := run(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, "skillgap") {
			t.Errorf("%s: exit %d, %s", shell, code, errOut)
		}
	}
	// Stage ids complete after --target.
	_, out, _ := run(t, "", "__complete", "score", "--target", "senior")
	if !strings.Contains(out, "senior-it-manager") {
		t.Errorf("no stage ids offered: %q", out)
	}
}

func TestManPagesGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "../../scripts/genman", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, page := range []string{"skillgap.1", "skillgap-score.1", "skillgap-rubric-validate.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil || !strings.Contains(string(data), ".SH EXAMPLE") {
			t.Errorf("%s: %v", page, err)
		}
	}
}
