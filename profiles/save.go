package profiles

import (
	"bytes"
	"fmt"

	"github.com/skillgap/skillgap/internal/atomicfile"
	"go.yaml.in/yaml/v3"
)

// Header starts every profile skillgap writes: it names the format and the
// schema that describes it.
const Header = "# skillgap profile, format v1. Schema: `skillgap schema profile`.\n" +
	"# Edit freely; check with `skillgap score FILE`.\n"

// Marshal renders p as YAML in the order docs/profile-format.md documents, after Header.
func Marshal(p *Profile) ([]byte, error) {
	out := *p
	out.Version = FormatVersion
	out.fillEmpty()
	var buf bytes.Buffer
	buf.WriteString(Header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	var doc any = &out
	if len(out.NotApplicable) > 0 {
		node, err := withNotApplicable(&out)
		if err != nil {
			return nil, err
		}
		doc = node
	}
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes p to path atomically with mode 0600 (its folder 0700 when
// created), setting Updated to date (YYYY-MM-DD). A crash or error leaves the
// previous file whole.
func Save(path string, p *Profile, date string) error {
	p.Updated = date
	data, err := Marshal(p)
	if err != nil {
		return err
	}
	// The answers must read back as they are; never write what Parse refuses.
	if _, err := Parse(path, data); err != nil {
		return fmt.Errorf("refusing to save a profile that does not read back: %w", err)
	}
	return atomicfile.WriteFile(path, data, atomicfile.Options{})
}

// withNotApplicable is p as a YAML document whose skills hold the n/a
// answers too, in the same order as the levels ("cloud: n/a"). A skill with
// a level is written with its level only.
func withNotApplicable(p *Profile) (*yaml.Node, error) {
	var doc yaml.Node
	if err := doc.Encode(p); err != nil {
		return nil, err
	}
	skills := make(map[string]any, len(p.Skills)+len(p.NotApplicable))
	for _, id := range p.NotApplicable {
		skills[id] = NotApplicableValue
	}
	for id, lvl := range p.Skills {
		skills[id] = lvl
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "skills" {
			if err := doc.Content[i+1].Encode(skills); err != nil {
				return nil, err
			}
		}
	}
	return &doc, nil
}
