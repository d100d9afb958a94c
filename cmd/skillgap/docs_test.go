package main

import (
	"encoding/json"
	"os"
	"path/filepath"
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
		data, err := c.schema()
		if err != nil {
			t.Fatal(err)
		}
		doc, err := os.ReadFile(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		var s any
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		keys := map[string]bool{}
		schemaKeys(s, keys)
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
