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

// The ok line of validate counts in the singular for one: "1 stage, 3
// items (1 skill)", and in the plural otherwise.
func TestRubricValidateCountsInWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.yaml")
	src := `version: 1
id: one
name: One
stages:
  - {id: a, name: A, years: {min: 0}}
categories:
  - {id: experience, name: Experience, weight: 1}
  - {id: skills, name: Skills, weight: 1, weeks_per_level: 10}
items:
  - {id: years, kind: years, field: it_years, category: experience, name: Years, weight: 1, need: [1]}
  - {id: go, kind: skill, category: skills, name: Go, weight: 1, need: [1], levels: [a, b, c, d]}
  - {id: cert, kind: held, category: skills, name: Cert, effort_weeks: 1}
`
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "", "rubric", "validate", path); code != 0 || out != path+": ok: rubric one, 1 stage, 3 items (1 skill)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := run(t, "", "rubric", "validate", "../../testdata/rubrics/mini.yaml"); code != 0 || !strings.HasSuffix(out, ": ok: rubric mini, 2 stages, 6 items (2 skills)\n") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

// validate reads a rubric from standard input for a file of -, and names it
// <stdin> in what it says, ok or not (the line of a fault included).
func TestRubricValidateStdin(t *testing.T) {
	src, err := os.ReadFile("../../testdata/rubrics/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, string(src), "rubric", "validate", "-"); code != 0 || out != "<stdin>: ok: rubric mini, 2 stages, 6 items (2 skills)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	profile, err := os.ReadFile("../../testdata/profiles/alex.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, string(profile), "rubric", "validate", "-"); code != 1 || !strings.Contains(errOut, "to score it: skillgap score -\n") {
		t.Errorf("a profile on stdin: exit %d, stderr %q", code, errOut)
	}
	if code, out, errOut := run(t, string(src), "rubric", "validate", "-", "-"); code != 1 || !strings.HasPrefix(out, "<stdin>: ok") || !strings.Contains(errOut, "<stdin>: named twice; standard input is read once") {
		t.Errorf("- twice: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	bad := strings.Replace(string(src), "name:", "nmae:", 1)
	if code, out, errOut := run(t, bad, "rubric", "validate", "-"); code != 1 || out != "" || !strings.Contains(errOut, "<stdin>:") || !strings.Contains(errOut, "nmae") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
