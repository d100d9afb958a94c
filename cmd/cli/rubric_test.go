package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A declared experience field that no item reads is valid, but probably not
// meant: validate warns, with the file and the line, and still exits 0.
func TestRubricValidateWarnsOfAnUnreadExperienceField(t *testing.T) {
	data, err := os.ReadFile("../../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "  - id: lead_years\n", "  - {id: cook_years, name: Years cooking, question: \"Years cooking:\"}\n  - id: lead_years\n", 1)
	path := filepath.Join(t.TempDir(), "help-desk.yaml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "rubric", "validate", path)
	want := "skillgap: warning: " + path + ": line 18: experience field cook_years: no item reads it, so assess never asks it and nothing counts it; name it in a years item's field (or a held item's or_years), or remove it\n"
	if code != 0 || errOut != want || !strings.Contains(out, ": ok: rubric help-desk") {
		t.Errorf("exit %d, stdout %q, stderr\n%s\nwant\n%s", code, out, errOut, want)
	}
	// The rubrics skillgap ships with have nothing to warn about.
	files, _ := filepath.Glob("../../testdata/rubrics/*.yaml")
	for _, f := range files {
		if code, _, errOut := run(t, "", "rubric", "validate", f); code != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q", f, code, errOut)
		}
	}
}
