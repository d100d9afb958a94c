package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The built-in rubric, exported, validates and scores exactly as the
// built-in one: every member of the example team, in JSON, at two rungs.
func TestExportedBuiltinRubricScoresTheSame(t *testing.T) {
	code, exported, errOut := run(t, "", "rubric", "export", "it-manager")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "it-manager.yaml")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "", "rubric", "validate", file); code != 0 || !strings.Contains(out, "ok: rubric it-manager") || errOut != "" {
		t.Fatalf("validate: exit %d: %s%s", code, out, errOut)
	}
	members, _ := filepath.Glob("../../testdata/team/*.yaml")
	if len(members) < 8 {
		t.Fatalf("only %d members", len(members))
	}
	for _, target := range []string{"it-manager", "cio"} {
		args := append([]string{"score", "--format", "json", "--explain", "--target", target}, members...)
		_, builtin, _ := run(t, "", args...)
		code, fromFile, errOut := run(t, "", append(args, "--rubric", file)...)
		if code != ExitOK || builtin == "" {
			t.Fatalf("%s: exit %d: %s", target, code, errOut)
		}
		if fromFile != builtin {
			t.Errorf("%s: the exported rubric scores differently from the built-in one", target)
		}
	}
}
