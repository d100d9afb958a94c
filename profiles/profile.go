// Package profiles holds the profile model (format v1, described in docs/profile-format.md), its
// strict loading from YAML or JSON with errors that name the file and line, its
// checking against a rubric, and its atomic saving.
package profiles

import (
	"maps"
	"slices"

	"github.com/skillgap/skillgap/internal/scale"
	"go.yaml.in/yaml/v3"
)

// FormatVersion is the only profile format version this build reads and writes.
const FormatVersion = 1

// Profile is one person's answers.
type Profile struct {
	Version int    `yaml:"version" json:"version"`
	Name    string `yaml:"name,omitempty" json:"name,omitempty"`
	Rubric  string `yaml:"rubric,omitempty" json:"rubric,omitempty"`
	// RubricRevision is the revision of the rubric the answers were given
	// for; 0 (absent) is revision 1. Items added later are unanswered here.
	RubricRevision int            `yaml:"rubric_revision,omitempty" json:"rubric_revision,omitempty"`
	Target         string         `yaml:"target,omitempty" json:"target,omitempty"`
	Experience     Experience     `yaml:"experience" json:"experience"`
	Education      []string       `yaml:"education" json:"education"`
	Certifications []string       `yaml:"certifications" json:"certifications"`
	Skills         map[string]int `yaml:"skills" json:"skills"`
	// NotApplicable are the skills answered n/a, not applicable to the
	// person's current job, in id order as Parse gives them: in the file
	// they stand under skills, as "cloud: n/a", and Marshal writes them
	// there. A level for the same skill in Skills wins over n/a.
	NotApplicable []string          `yaml:"-" json:"-"`
	Evidence      map[string]string `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	Updated       string            `yaml:"updated,omitempty" json:"updated,omitempty"`

	// File is where the profile was read from, for messages.
	File string `yaml:"-" json:"-"`
	// RecordLine is the line of a profile read from a JSON Lines input (0
	// for a whole file): the one name for where a record stands.
	RecordLine int `yaml:"-" json:"-"`

	base    int            // added to every line in messages: the lines before the record
	lines   map[string]int // key path -> line, for messages
	oneLine bool           // the whole profile is on line base+1
}

// Experience is years of experience; decimals allowed. it_years and
// management_years are the standard fields; a rubric may declare others.
type Experience struct {
	ITYears         float64 `yaml:"it_years" json:"it_years"`
	ManagementYears float64 `yaml:"management_years" json:"management_years"`
	// Other holds the years of every other field, by id
	// (engineering_years: 4): in the file they stand in the same
	// experience mapping, after the standard two. nil when there are none.
	Other map[string]float64 `yaml:",inline" json:"-"`
}

// MarshalYAML writes the standard fields, then the others in id order. A
// profile for a rubric with fields of its own (Other not empty) leaves out
// a standard field at 0: it is not a question that rubric asks.
func (e Experience) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add := func(id string, years float64) error {
		var v yaml.Node
		if err := v.Encode(years); err != nil {
			return err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: id}, &v)
		return nil
	}
	for _, f := range []struct {
		id    string
		years float64
	}{{scale.FieldITYears, e.ITYears}, {scale.FieldManagementYears, e.ManagementYears}} {
		if f.years != 0 || len(e.Other) == 0 {
			if err := add(f.id, f.years); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(e.Other)) {
		if err := add(id, e.Other[id]); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// Get returns the years of field id (0 when not given).
func (e *Experience) Get(id string) float64 {
	switch id {
	case scale.FieldITYears:
		return e.ITYears
	case scale.FieldManagementYears:
		return e.ManagementYears
	}
	return e.Other[id]
}

// Set sets the years of field id.
func (e *Experience) Set(id string, years float64) {
	switch id {
	case scale.FieldITYears:
		e.ITYears = years
	case scale.FieldManagementYears:
		e.ManagementYears = years
	default:
		if e.Other == nil {
			e.Other = map[string]float64{}
		}
		e.Other[id] = years
	}
}

// Has reports whether field id is given: a standard field when it is not
// 0 (a profile always has them), any other when its key is there.
func (e *Experience) Has(id string) bool {
	switch id {
	case scale.FieldITYears:
		return e.ITYears != 0
	case scale.FieldManagementYears:
		return e.ManagementYears != 0
	}
	_, ok := e.Other[id]
	return ok
}

// Equal reports whether e and o give the same years for every field, a
// field left out being 0.
func (e Experience) Equal(o Experience) bool {
	if e.ITYears != o.ITYears || e.ManagementYears != o.ManagementYears {
		return false
	}
	for k, v := range e.Other {
		if o.Other[k] != v {
			return false
		}
	}
	for k, v := range o.Other {
		if e.Other[k] != v {
			return false
		}
	}
	return true
}

// RubricID returns the rubric the answers belong to (default it-manager).
func (p *Profile) RubricID() string {
	if p.Rubric == "" {
		return scale.DefaultRubric
	}
	return p.Rubric
}

// Revision is the rubric revision the answers were given for (1 if unsaid).
func (p *Profile) Revision() int { return max(p.RubricRevision, 1) }

// Holds reports whether the profile lists id under education or certifications.
func (p *Profile) Holds(id string) bool {
	return slices.Contains(p.Education, id) || slices.Contains(p.Certifications, id)
}

// NotApplicableValue is the answer that marks a skill not applicable to the
// person's current job: it counts as level 0, and is not unanswered.
const NotApplicableValue = scale.NotApplicable

// IsNotApplicable reports whether the profile answers skill id with n/a (and
// gives it no level).
func (p *Profile) IsNotApplicable(id string) bool {
	if _, ok := p.Skills[id]; ok {
		return false
	}
	return slices.Contains(p.NotApplicable, id)
}

// AnswersSkill reports whether the profile answers skill id, with a level
// or with n/a. A skill left out is not answered, and counts as level 0.
func (p *Profile) AnswersSkill(id string) bool {
	if _, ok := p.Skills[id]; ok {
		return true
	}
	return slices.Contains(p.NotApplicable, id)
}

// Years returns the experience field named by a rubric years item: any
// field, 0 when the profile does not give it.
func (p *Profile) Years(field string) float64 { return p.Experience.Get(field) }

// Line returns the line of a key path ("skills.networking",
// "certifications[1]") in the file the profile came from, or 0.
func (p *Profile) Line(path string) int {
	if p.oneLine {
		return p.base + 1
	}
	if l, ok := p.lines[path]; ok {
		return l + p.base
	}
	if p.base > 0 {
		return p.base
	}
	return 0
}

// Clone returns a deep copy.
func (p *Profile) Clone() *Profile {
	c := *p
	c.Education = slices.Clone(p.Education)
	c.Certifications = slices.Clone(p.Certifications)
	c.NotApplicable = slices.Clone(p.NotApplicable)
	c.Experience.Other = maps.Clone(p.Experience.Other)
	if p.Skills != nil {
		c.Skills = make(map[string]int, len(p.Skills))
		for k, v := range p.Skills {
			c.Skills[k] = v
		}
	}
	if p.Evidence != nil {
		c.Evidence = make(map[string]string, len(p.Evidence))
		for k, v := range p.Evidence {
			c.Evidence[k] = v
		}
	}
	return &c
}

// fillEmpty gives absent lists and maps an empty value, so that "none" is
// written and read back the same way.
func (p *Profile) fillEmpty() {
	if p.Education == nil {
		p.Education = []string{}
	}
	if p.Certifications == nil {
		p.Certifications = []string{}
	}
	if p.Skills == nil {
		p.Skills = map[string]int{}
	}
}
