package assess

import (
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// RubricOf finds the rubric of p with rs: the one named by override (an id
// or a file, as a person gives it with --rubric), else the profile's own, by
// id. An unknown id is an error at the profile's rubric line.
func RubricOf(rs *rubric.Resolver, p *profiles.Profile, override string) (*rubric.Rubric, error) {
	if override != "" {
		return rs.Named(override)
	}
	r, err := rs.ByID(p.RubricID())
	if err != nil {
		return nil, input.Errorf(p.File, p.Line("rubric"), "rubric: %w", err)
	}
	return r, nil
}

// Checked finds the rubric of p and checks p's answers against it.
func Checked(rs *rubric.Resolver, p *profiles.Profile, override string) (*rubric.Rubric, error) {
	r, err := RubricOf(rs, p, override)
	if err != nil {
		return nil, err
	}
	if err := Check(p, r); err != nil {
		return nil, err
	}
	return r, nil
}

// ScoreFile does the whole job in one call: it reads the profile file at
// path, finds its rubric with rs, checks the answers and scores them against
// target ("" as in Score).
func ScoreFile(rs *rubric.Resolver, path, target string) (*Result, error) {
	p, err := profiles.LoadFile(path, nil)
	if err != nil {
		return nil, LoadProblems(err, func(p *profiles.Profile) (*rubric.Rubric, error) { return RubricOf(rs, p, "") })
	}
	r, err := Checked(rs, p, "")
	if err != nil {
		return nil, err
	}
	return New(r).Score(p, target)
}
