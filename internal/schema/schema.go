// Package schema makes the JSON Schemas (draft-07, which YAML editors
// understand) of the profile and rubric files from their Go types, with the
// limits the loaders enforce added where the types cannot say them.
package schema

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

const draft07 = "http://json-schema.org/draft-07/schema#"

func reflector() *jsonschema.Reflector {
	return &jsonschema.Reflector{
		Anonymous:                  true,
		DoNotReference:             true,
		ExpandedStruct:             true,
		RequiredFromJSONSchemaTags: true,
	}
}

func finish(s *jsonschema.Schema, id, title, description string) ([]byte, error) {
	s.Version = draft07
	s.ID = jsonschema.ID(id)
	s.Title = title
	s.Description = description
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

func f(x float64) json.Number {
	b, _ := json.Marshal(x)
	return json.Number(b)
}

// Profile returns the schema of profile files (format v1).
func Profile() ([]byte, error) {
	s := reflector().Reflect(&profiles.Profile{})
	p := s.Properties
	set := func(name string, fn func(*jsonschema.Schema)) {
		if v, ok := p.Get(name); ok {
			fn(v)
		}
	}
	s.Required = []string{"version"}
	set("version", func(v *jsonschema.Schema) {
		v.Type = "integer"
		v.Enum = []any{1}
		v.Description = "Format version; must be 1."
	})
	set("name", func(v *jsonschema.Schema) {
		v.Description = "Display name, any text (a bare number is read as its text)."
		v.Type = ""
		v.AnyOf = []*jsonschema.Schema{{Type: "string"}, {Type: "number"}, {Type: "boolean"}}
	})
	set("rubric", func(v *jsonschema.Schema) {
		v.Description = "Id of the rubric the answers belong to (default it-manager)."
		v.Pattern = "^[a-z0-9][a-z0-9_-]*$"
	})
	set("target", func(v *jsonschema.Schema) { v.Description = "Career stage aimed at (default: the rubric's)." })
	set("updated", func(v *jsonschema.Schema) {
		v.Description = "Date of the answers, YYYY-MM-DD."
		v.Pattern = `^\d{4}-\d{2}-\d{2}`
	})
	set("experience", func(v *jsonschema.Schema) {
		v.Required = nil
		v.Description = "Years of experience by field: it_years, management_years and any other field the rubric declares (engineering_years), each from 0 to 80."
		for _, k := range []string{"it_years", "management_years"} {
			if y, ok := v.Properties.Get(k); ok {
				y.Minimum, y.Maximum = f(0), f(80)
			}
		}
		v.AdditionalProperties = &jsonschema.Schema{Type: "number", Minimum: f(0), Maximum: f(80)}
		v.PropertyNames = &jsonschema.Schema{Pattern: "^[a-z][a-z0-9_]*$"}
	})
	for _, list := range []string{"education", "certifications"} {
		set(list, func(v *jsonschema.Schema) {
			v.UniqueItems = true
			v.Description = "Ids of the rubric's " + list + " items held."
		})
	}
	set("skills", func(v *jsonschema.Schema) {
		v.Description = "Skill id -> level, from 0 to the top level of the profile's rubric (at most 7; 4 for it-manager: 0 none, 1 awareness, 2 working, 3 practitioner, 4 expert); or n/a, not applicable to your current job (counts as 0). A skill left out counts as 0."
		v.AdditionalProperties = &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
			{Type: "integer", Minimum: f(rubric.MinLevel), Maximum: f(rubric.TopLevel), Description: "A level; the rubric sets the top (skillgap refuses a level above it)."},
			{Type: "string", Pattern: "^[nN]/[aA]$", Description: "n/a: not applicable to your current job."},
		}}
	})
	set("evidence", func(v *jsonschema.Schema) {
		v.Description = "Item id -> what shows it, free text."
		v.AdditionalProperties = &jsonschema.Schema{Type: "string"}
	})
	// The loader reads an empty value ("skills:" with nothing after it) as none.
	for pair := p.Oldest(); pair != nil; pair = pair.Next() {
		if pair.Key != "version" {
			p.Set(pair.Key, nullable(pair.Value))
		}
	}
	return finish(s, "skillgap-profile-v1", "skillgap profile", "One person's answers: experience, education, certifications and skill levels (docs/profile-format.md in the skillgap repository).")
}

// Rubric returns the schema of rubric files.
func Rubric() ([]byte, error) {
	s := reflector().Reflect(&rubric.Rubric{})
	s.Required = []string{"version", "id", "name", "stages", "categories", "items"}
	if v, ok := s.Properties.Get("version"); ok {
		v.Type, v.Enum = "integer", []any{1}
	}
	if items, ok := s.Properties.Get("items"); ok && items.Items != nil {
		it := items.Items
		it.Required = []string{"id", "kind", "category", "name"}
		if need, ok := it.Properties.Get("need"); ok && need.Items != nil {
			need.Items.Minimum = f(0)
		}
		if lv, ok := it.Properties.Get("levels"); ok {
			lv.MinItems, lv.MaxItems = ptr(uint64(1)), ptr(uint64(rubric.TopLevel))
			lv.Description = "A line describing each level of the skill from 1 to the rubric's top level: 4 lines on the standard scale."
		}
		if ind, ok := it.Properties.Get("indicators"); ok {
			ind.MinItems, ind.MaxItems = ptr(uint64(1)), ptr(uint64(rubric.TopLevel))
			ind.Description = "For each level of the skill from 1 to the rubric's top level, a list of short things someone at that level does ([] for a level with none)."
			if ind.Items != nil && ind.Items.Items != nil {
				ind.Items.Items.MinLength = ptr(uint64(1))
				ind.Items.Items.MaxLength = ptr(uint64(rubric.MaxIndicator))
			}
		}
		if g, ok := it.Properties.Get("gate"); ok {
			g.Minimum, g.Maximum = f(0), f(1)
		}
		if w, ok := it.Properties.Get("weight"); ok {
			w.Minimum = f(0)
		}
	}
	if exp, ok := s.Properties.Get("experience"); ok && exp.Items != nil {
		exp.Description = "The experience fields (years) the rubric's years items read; left out, it_years and management_years."
		exp.Items.Required = []string{"id", "name", "question"}
		exp.MaxItems = ptr(uint64(rubric.MaxExperienceFields))
	}
	if cats, ok := s.Properties.Get("categories"); ok && cats.Items != nil {
		cats.Items.Required = []string{"id", "name", "weight"}
		if w, ok := cats.Items.Properties.Get("weight"); ok {
			w.ExclusiveMinimum = f(0)
		}
	}
	if lv, ok := s.Properties.Get("levels"); ok {
		lv.MinItems, lv.MaxItems = ptr(uint64(2)), ptr(uint64(rubric.TopLevel+1))
		lv.UniqueItems = true
		lv.Description = "The names of the rubric's levels, 0 to N in order (N from 1 to 7). Left out: none, awareness, working, practitioner, expert (0-4)."
		if lv.Items != nil {
			lv.Items.MinLength, lv.Items.MaxLength = ptr(uint64(1)), ptr(uint64(rubric.MaxLevelName))
		}
	}
	if st, ok := s.Properties.Get("stages"); ok && st.Items != nil {
		st.Items.Required = []string{"id", "name", "years"}
		st.MinItems = ptr(uint64(1))
	}
	return finish(s, "skillgap-rubric-v1", "skillgap rubric", "A career ladder and what each stage asks for; check meaning with 'skillgap rubric validate' (docs/rubric-format.md in the skillgap repository).")
}

func ptr[T any](v T) *T { return &v }

// nullable allows null where v is expected.
func nullable(v *jsonschema.Schema) *jsonschema.Schema {
	desc := v.Description
	inner := *v
	inner.Description = ""
	return &jsonschema.Schema{Description: desc, AnyOf: []*jsonschema.Schema{&inner, {Type: "null"}}}
}
