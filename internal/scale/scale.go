// Package scale holds what the profile format and rubrics share: the
// proficiency levels, the experience fields and their limit, and the id of
// the default rubric. Both profiles and rubric build on it, so neither needs
// the other.
package scale

// Proficiency levels of every skill, every rubric.
const (
	MinLevel = 0
	MaxLevel = 4
)

// LevelNames are the names of levels 0..4.
var LevelNames = [...]string{"none", "awareness", "working", "practitioner", "expert"}

// Experience fields of a profile, which a rubric's years items read.
const (
	FieldITYears         = "it_years"
	FieldManagementYears = "management_years"
)

// MaxYears bounds any number of years, in a profile or a rubric: a working
// life.
const MaxYears = 80

// DefaultRubric is the id of the rubric a profile's answers belong to when
// it names none.
const DefaultRubric = "it-manager"
