package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/cmd/cli"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/schema"
)

// Every field the JSON of score, team and report holds is documented in
// docs/json-output.md, so the contract there never falls behind the code.
func TestJSONOutputIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/json-output.md")
	if err != nil {
		t.Fatal(err)
	}
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	profiles := filepath.Join(testdata, "profiles")
	runs := [][]string{
		// A JSON Lines record (line), --explain (explain and raised_by at
		// a low rung), unanswered items, waits and stand-ins in the plan.
		{"score", "--format", "json", "--explain", "--target", "assistant-it-manager", filepath.Join(profiles, "staff.jsonl")},
		{"score", "--format", "json", "--explain", "--target", "cio", filepath.Join(profiles, "alex.yaml")},
		// Skills left out (omitted) and marked n/a (not_applicable).
		{"score", "--format", "json", filepath.Join(profiles, "casey.yaml")},
		{"score", "--format", "json", "--compact", filepath.Join(profiles, "casey.yaml"), filepath.Join(profiles, "staff.jsonl")},
		{"team", "--format", "json", filepath.Join(testdata, "team"), filepath.Join(profiles, "staff.jsonl")},
		{"report", "--format", "json", "--since", filepath.Join(profiles, "alex-2026-05.yaml"), filepath.Join(profiles, "alex.yaml")},
	}
	keys := map[string]bool{}
	for _, args := range runs {
		ios, _, out, errOut := iostreams.Test()
		if code := cli.Main(args, &cli.Factory{IO: ios, Getenv: func(string) string { return "" }}); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		dec := json.NewDecoder(strings.NewReader(out.String()))
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			collectKeys(v, keys)
		}
	}
	if len(keys) < 50 {
		t.Fatalf("only %d keys found; the runs above no longer show the output", len(keys))
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range keys {
			if !yield(k) {
				return
			}
		}
	}) {
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("docs/json-output.md does not document the field `%s`", k)
		}
	}
}

// collectKeys adds every object key in v, at any depth, except the keys of
// maps whose keys are data (ids): evidence and verdicts.
func collectKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			if k == "evidence" || k == "verdicts" {
				continue
			}
			collectKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			collectKeys(x, keys)
		}
	}
}

// Every key of the profile and rubric formats, as their JSON Schemas list
// them, is documented in docs/profile-format.md and docs/rubric-format.md.
func TestFileFormatsAreDocumented(t *testing.T) {
	for _, c := range []struct {
		schema func() ([]byte, error)
		doc    string
	}{{schema.Profile, "../../docs/profile-format.md"}, {schema.Rubric, "../../docs/rubric-format.md"}} {
		keys := schemaKeysOf(t, c.schema)
		doc, err := os.ReadFile(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) < 10 {
			t.Fatalf("%s: only %d keys in the schema", c.doc, len(keys))
		}
		for k := range keys {
			if !strings.Contains(string(doc), "`"+k+"`") && !strings.Contains(string(doc), "."+k+"`") {
				t.Errorf("%s does not document the key `%s`", filepath.Base(c.doc), k)
			}
		}
	}
}

// schemaKeysOf is the names of every property the JSON Schema that gen
// returns declares.
func schemaKeysOf(t *testing.T, gen func() ([]byte, error)) map[string]bool {
	t.Helper()
	data, err := gen()
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	schemaKeys(s, keys)
	return keys
}

// schemaKeys adds the names of every property a JSON Schema declares, at any
// depth.
func schemaKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			for k := range props {
				keys[k] = true
			}
		}
		for _, x := range v {
			schemaKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			schemaKeys(x, keys)
		}
	}
}

// The README's "Writing a rubric for another role" shows a complete rubric:
// it is testdata/rubrics/help-desk.yaml word for word (so the README's
// commands run on what it shows), it uses the fields a rubric for another
// role adds (its own scale, experience questions, indicators, advice, a
// held item outside education and certifications), and the section names
// every key of the rubric format.
func TestReadmeRubricExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile("../../testdata/rubrics/help-desk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sec := string(readme)
	i := strings.Index(sec, "### Writing a rubric for another role\n")
	if i < 0 {
		t.Fatal("README has no section \"Writing a rubric for another role\"")
	}
	sec = sec[i:]
	if j := strings.Index(sec, "\n## "); j > 0 {
		sec = sec[:j]
	}
	if !strings.Contains(sec, "```yaml\n"+string(file)+"```\n") {
		t.Error("the README's example rubric is not testdata/rubrics/help-desk.yaml as it is; paste the file into the section")
	}
	for _, key := range []string{"\nlevels:", "\nexperience:", "question:", "indicators:", "advice:", "category: credentials"} {
		if !strings.Contains(string(file), key) {
			t.Errorf("the example rubric no longer shows %q", strings.TrimSpace(key))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(schemaKeysOf(t, schema.Rubric))) {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(k) + `\b`).MatchString(sec) {
			t.Errorf("README's \"Writing a rubric for another role\" does not name the rubric key %s", k)
		}
	}
}
