// Package scale holds what the profile format and rubrics share: the
// proficiency levels, the experience fields and their limit, and the id of
// the default rubric. Both profiles and rubric build on it, so neither needs
// the other.
package scale

// Proficiency levels. Every scale starts at MinLevel; the standard one (the
// default rubric's, and any rubric's that names no levels of its own) ends
// at MaxLevel. A rubric may declare a scale of its own, up to TopLevel.
const (
	MinLevel = 0
	MaxLevel = 4
	// TopLevel is the highest level any rubric's scale may reach (SFIA has
	// seven), and so the highest a profile may give.
	TopLevel = 7
)

// NotApplicable is the answer that marks a skill not applicable to the
// person's current job. No level may be named so.
const NotApplicable = "n/a"

// LevelNames are the names of the standard levels 0..4.
var LevelNames = [...]string{"none", "awareness", "working", "practitioner", "expert"}

// Experience fields of a profile, which a rubric's years items read.
const (
	FieldITYears         = "it_years"
	FieldManagementYears = "management_years"
)

// MaxExperienceFields bounds how many experience fields a rubric declares.
const MaxExperienceFields = 8

// ValidFieldID reports whether id is a well-formed experience field id:
// lower-case letters, digits and _, starting with a letter, at most 64
// characters (it_years, engineering_years).
func ValidFieldID(id string) bool {
	if id == "" || len(id) > 64 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// MaxYears bounds any number of years, in a profile or a rubric: a working
// life.
const MaxYears = 80

// DefaultRubric is the id of the rubric a profile's answers belong to when
// it names none.
const DefaultRubric = "it-manager"
