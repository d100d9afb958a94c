package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/testkit"
)

func TestOversizedInputsAreRefused(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, append([]byte("version: 1\nname: "), bytes.Repeat([]byte("x"), 2<<20)...), 0o600)
	code, out, errOut := run(t, "", "score", big)
	if code != ExitBadInput || out != "" || !strings.Contains(errOut, "big.yaml: file is larger than 1024 KiB") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}

	// A JSON Lines file with an overlong line: that line is reported, the
	// next one is still scored.
	lines := filepath.Join(dir, "long.jsonl")
	long := `{"version":1,"name":"` + strings.Repeat("y", 2<<20) + `"}`
	os.WriteFile(lines, []byte(long+"\n"+`{"version":1,"name":"After"}`+"\n"), 0o600)
	code, out, errOut = run(t, "", "score", "-f", "json", lines)
	if code != ExitBadInput || !strings.Contains(errOut, "long.jsonl: line 1: line is longer than 1024 KiB") || !strings.Contains(out, `"name":"After"`) || !strings.Contains(out, `"line":2`) {
		t.Errorf("exit %d, stdout %.80q, stderr %q", code, out, errOut)
	}
}

func TestAFolderWhereAFileBelongs(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "", "report", dir)
	if code != ExitBadInput || out != "" || !strings.Contains(errOut, "is a folder; name a profile file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, "", "rubric", "validate", dir)
	if code != ExitBadInput || !strings.Contains(errOut, "is a folder") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestBillionLaughsRubricIsRefused(t *testing.T) {
	code, _, errOut := run(t, "", "rubric", "validate", "../../testdata/bad/rubrics/billion-laughs.yaml")
	if code != ExitBadInput || !strings.Contains(errOut, "line 5") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// Drafts are personal data: the file 0600, the folders skillgap makes 0700.
func TestDraftIsPrivate(t *testing.T) {
	f, _, state := assessFactory(t, &testkit.Prompter{Answers: map[string]any{"name": "Kim"}, Interrupt: "skills.cloud"})
	if code := Main([]string{"assess"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	drafts, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*.yaml"))
	if len(drafts) != 1 {
		t.Fatalf("drafts: %v", drafts)
	}
	for path, want := range map[string]os.FileMode{drafts[0]: 0o600, filepath.Dir(drafts[0]): 0o700, filepath.Join(state, "skillgap"): 0o700} {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", path, st.Mode().Perm(), want)
		}
	}
}
