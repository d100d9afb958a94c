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
