package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

func compile(t *testing.T, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns a YAML or JSON document into the generic JSON value a
// validator checks, as a YAML editor does.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The committed schemas under schemas/ are what the code generates.
func TestCommittedSchemasAreUpToDate(t *testing.T) {
	for name, gen := range map[string]func() ([]byte, error){"profile": Profile, "rubric": Rubric} {
		want, err := gen()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "schemas", name+".schema.json")
		if os.Getenv("UPDATE_SCHEMAS") == "1" {
			os.WriteFile(path, want, 0o644)
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run UPDATE_SCHEMAS=1 go test ./internal/schema (or skillgap schema %s > %s)", path, name, path)
		}
	}
}

func TestProfileSchemaAcceptsValidAndRejectsWhatTheLoaderRejects(t *testing.T) {
	data, _ := Profile()
	s := compile(t, "profile.json", data)
	valid, _ := filepath.Glob("../../testdata/profiles/*")
	team, _ := filepath.Glob("../../testdata/team-mini/m*.yaml")
	for _, file := range append(valid, team...) {
		doc, _ := os.ReadFile(file)
		if err := s.Validate(asJSON(t, doc)); err != nil {
			t.Errorf("%s is valid but the schema refuses it: %v", file, err)
		}
	}
	for _, bad := range []string{
		"level-above-seven.yaml", "level-negative.yaml", "level-decimal.yaml", "level-string.yaml",
		"negative-years.yaml", "years-string.yaml", "years-huge.yaml", "wrong-version.yaml", "no-version.yaml",
		"unknown-key.yaml", "experience-bad-id.yaml", "duplicate-cert.yaml", "list-not-map.yaml",
		"top-level-list.yaml", "list-of-maps-certs.yaml", "null-version.yaml", "string-for-number.json",
	} {
		doc, err := os.ReadFile(filepath.Join("../../testdata/bad", bad))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(asJSON(t, doc)); err == nil {
			t.Errorf("%s: the loader refuses it but the schema accepts it", bad)
		}
	}
	// n/a, in any case, is an answer; any other text is not.
	for value, ok := range map[string]bool{"n/a": true, "N/A": true, "maybe": false, "na": false, "'n/a '": false} {
		err := s.Validate(asJSON(t, []byte("version: 1\nskills:\n  cloud: "+value+"\n")))
		if (err == nil) != ok {
			t.Errorf("skills.cloud: %s: schema error %v", value, err)
		}
	}
}

func TestRubricSchemaAcceptsRubrics(t *testing.T) {
	data, _ := Rubric()
	s := compile(t, "rubric.json", data)
	for _, file := range []string{"../../rubric/rubrics/it-manager.yaml", "../../testdata/rubrics/mini.yaml", "../../testdata/rubrics/software-engineer.yaml", "../../testdata/rubrics/data-team.yaml", "../../testdata/rubrics/sfia-mini.yaml"} {
		doc, _ := os.ReadFile(file)
		if err := s.Validate(asJSON(t, doc)); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	doc, _ := os.ReadFile("../../testdata/rubrics/mini.yaml")
	for _, c := range []struct{ old, new string }{{"weight: 0.5,", "weight: 0,"}, {"name: Mini ladder", "nmae: Mini ladder"}, {"need: [2, 4]", "need: [2, -4]"}} {
		bad := strings.Replace(string(doc), c.old, c.new, 1)
		if err := s.Validate(asJSON(t, []byte(bad))); err == nil {
			t.Errorf("schema accepts a rubric with %q", c.new)
		}
	}
}
