package assess

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// ErrInterrupted is returned by a Prompter when the user interrupts (Ctrl-C).
var ErrInterrupted = errors.New("interrupted")

// Prompter asks one question at a time. The terminal implementation lives with
// the commands; tests use a stub that answers from a script.
type Prompter interface {
	Input(q Question, def string, validate func(string) error) (string, error)
	Select(q Question, options []Option, def int) (int, error)
	MultiSelect(q Question, options []Option, defaults []int) ([]int, error)
	Confirm(q Question, def bool) (bool, error)
}

// Question is what the user is asked.
type Question struct {
	ID       string // stable id: "name", "target", "skills.cloud", ...
	Message  string
	Help     string // shown on '?'
	Progress string // where the user is: "Technical skills 4/12"
}

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Label       string
	Description string
}

// Questionnaire asks for a profile's answers, question by question, as the
// rubric lays them out: a new rubric needs no new code.
type Questionnaire struct {
	Rubric   *rubric.Rubric
	Prompter Prompter
	// Answered, if set, is called with the answers so far after every answer,
	// so that an interrupted session loses nothing (the command keeps a draft).
	Answered func(*profiles.Profile)
}

// Run asks every question, starting from start's answers as defaults (nil for
// a new profile), and returns the answers. On ErrInterrupted the answers given
// so far have already been passed to Answered.
func (q *Questionnaire) Run(start *profiles.Profile) (*profiles.Profile, error) {
	p := &profiles.Profile{Version: profiles.FormatVersion, Rubric: q.Rubric.ID, Skills: map[string]int{}}
	if start != nil {
		p = start.Clone()
		p.Rubric = q.Rubric.ID
		if p.Skills == nil {
			p.Skills = map[string]int{}
		}
	}
	// Every question of the rubric is asked, so the answers are now those of
	// its current revision; items added since the profile was written are
	// asked like the rest.
	p.RubricRevision = q.Rubric.Revision
	steps := []func(*profiles.Profile) error{q.askName, q.askTarget, q.askYears, q.askHeld, q.askSkills}
	for _, step := range steps {
		if err := step(p); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (q *Questionnaire) answered(p *profiles.Profile) {
	if q.Answered != nil {
		q.Answered(p.Clone())
	}
}

func (q *Questionnaire) askName(p *profiles.Profile) error {
	name, err := q.Prompter.Input(Question{
		ID:      "name",
		Message: "Your name (optional):",
		Help:    "Shown on reports. Any text, or leave it empty; it is stored only in your profile file.",
	}, p.Name, func(s string) error {
		if utf8.RuneCountInString(s) > 200 {
			return errors.New("keep the name under 200 characters")
		}
		if strings.ContainsRune(s, 0) {
			return errors.New("the name cannot hold a NUL character")
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.Name = strings.TrimSpace(name)
	q.answered(p)
	return nil
}

func (q *Questionnaire) askTarget(p *profiles.Profile) error {
	r := q.Rubric
	opts := make([]Option, len(r.Stages))
	for i, s := range r.Stages {
		opts[i] = Option{Label: fmt.Sprintf("%s (%s)", s.Name, s.Years), Description: ""}
	}
	def := r.StageIndex(p.Target)
	if def < 0 {
		def = r.StageIndex(r.Target())
	}
	var help strings.Builder
	help.WriteString("The rung you are aiming for; years are the guide's usual total experience.")
	i, err := q.Prompter.Select(Question{ID: "target", Message: "Role you aim for:", Help: help.String()}, opts, def)
	if err != nil {
		return err
	}
	p.Target = r.Stages[i].ID
	q.answered(p)
	return nil
}

// ParseYears reads a number of years as typed: "6", "2.5", "2,5".
func ParseYears(s string) (float64, error) {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	if s == "" {
		return 0, nil
	}
	y, err := strconv.ParseFloat(s, 64)
	if err != nil || y != y {
		return 0, fmt.Errorf("%q is not a number of years; type a number such as 3 or 2.5", s)
	}
	if y < 0 {
		return 0, errors.New("years cannot be negative")
	}
	if y > rubric.MaxYears {
		return 0, errors.New("that is more than a working life; type the years again")
	}
	return y, nil
}

func formatYears(y float64) string { return strconv.FormatFloat(y, 'f', -1, 64) }

func (q *Questionnaire) askYears(p *profiles.Profile) error {
	validate := func(s string) error { _, err := ParseYears(s); return err }
	questions := []struct {
		q   Question
		dst *float64
	}{
		{Question{ID: "experience.it_years", Message: "Years in IT roles:",
			Help: "Total years in IT work (support, systems, networks...), decimals allowed (2.5). Count part-time work pro rata."}, &p.Experience.ITYears},
		{Question{ID: "experience.management_years", Message: "Years leading people or projects:",
			Help: "Time as a team lead, supervisor or project lead, decimals allowed. 0 if none yet."}, &p.Experience.ManagementYears},
	}
	for _, yq := range questions {
		s, err := q.Prompter.Input(yq.q, formatYears(*yq.dst), validate)
		if err != nil {
			return err
		}
		if *yq.dst, err = ParseYears(s); err != nil {
			return err
		}
		q.answered(p)
	}
	return nil
}

// heldGroup is one multi-select question over held items.
type heldGroup struct {
	title string
	help  string
	ids   []string
}

// heldGroups lays out the held items as the rubric groups them: the
// education items together, then the certifications group by group (each
// "any" item that names them), then those no group names.
func heldGroups(r *rubric.Rubric) []heldGroup {
	var groups []heldGroup
	if ids := r.IDsOfKind(rubric.KindHeld, rubric.CategoryEducation); len(ids) > 0 {
		groups = append(groups, heldGroup{title: "Education", help: "Tick each degree you hold (space to tick, enter to go on).", ids: ids})
	}
	shown := map[string]bool{}
	for _, it := range r.Items {
		if it.Kind != rubric.KindAny {
			continue
		}
		var ids []string
		for _, a := range it.Alternatives {
			if alt, ok := r.Item(a.ID); ok && alt.Category != rubric.CategoryEducation && !shown[a.ID] {
				ids = append(ids, a.ID)
				shown[a.ID] = true
			}
		}
		if len(ids) > 0 {
			groups = append(groups, heldGroup{title: it.Name, help: it.Description + " Any one of them counts.", ids: ids})
		}
	}
	var rest []string
	for _, id := range r.IDsOfKind(rubric.KindHeld, "") {
		if it, _ := r.Item(id); it.Category != rubric.CategoryEducation && !shown[id] {
			rest = append(rest, id)
		}
	}
	if len(rest) > 0 {
		groups = append(groups, heldGroup{title: "Other certifications", ids: rest})
	}
	// One question for all certifications, in the groups' order: a question
	// per group made the questionnaire longer than a person sits through.
	if len(groups) > 2 {
		merged := heldGroup{title: "Certifications", help: "Tick each certification you hold; a senior one counts for the entry ones it covers."}
		var keep []heldGroup
		for _, g := range groups {
			if g.title == "Education" {
				keep = append(keep, g)
				continue
			}
			merged.ids = append(merged.ids, g.ids...)
		}
		groups = append(keep, merged)
	}
	return groups
}

func (q *Questionnaire) askHeld(p *profiles.Profile) error {
	groups := heldGroups(q.Rubric)
	certGroups := 0
	for _, g := range groups {
		if g.title != "Education" {
			certGroups++
		}
	}
	n := 0
	for _, g := range groups {
		opts := make([]Option, len(g.ids))
		var defs []int
		for i, id := range g.ids {
			it, _ := q.Rubric.Item(id)
			opts[i] = Option{Label: it.Name, Description: it.Description}
			if p.Holds(id) {
				defs = append(defs, i)
			}
		}
		question := Question{ID: "held", Message: shortTitle(g.title) + ":", Help: g.help + " Space ticks, Enter goes on."}
		switch {
		case g.title == "Education":
			question.Message = "Degrees you hold:"
		case certGroups == 1 && g.title == "Certifications":
			question.Message = "Certifications you hold:"
		default:
			n++
			question.Progress = fmt.Sprintf("Certifications %d/%d", n, certGroups)
		}
		picked, err := q.Prompter.MultiSelect(question, opts, defs)
		if err != nil {
			return err
		}
		for i, id := range g.ids {
			it, _ := q.Rubric.Item(id)
			list := &p.Certifications
			if it.Category == rubric.CategoryEducation {
				list = &p.Education
			}
			*list = slices.DeleteFunc(*list, func(s string) bool { return s == id })
			if slices.Contains(picked, i) {
				*list = append(*list, id)
			}
		}
		q.answered(p)
	}
	return nil
}

func (q *Questionnaire) askSkills(p *profiles.Profile) error {
	r := q.Rubric
	for {
		for _, c := range r.Categories {
			ids := r.IDsOfKind(rubric.KindSkill, c.ID)
			for i, id := range ids {
				it, _ := r.Item(id)
				opts := make([]Option, rubric.MaxLevel+1)
				opts[0] = Option{Label: "0 none", Description: "No experience of it yet."}
				for l := 1; l <= rubric.MaxLevel; l++ {
					opts[l] = Option{Label: fmt.Sprintf("%d %s", l, rubric.LevelNames[l]), Description: it.Levels[l-1]}
				}
				help := it.Description
				if it.Section != "" {
					help += " (Guide: " + it.Section + ")"
				}
				lvl, err := q.Prompter.Select(Question{
					ID:       "skills." + id,
					Message:  it.Name + ":",
					Help:     help,
					Progress: fmt.Sprintf("%s %d/%d", c.Name, i+1, len(ids)),
				}, opts, p.Skills[id])
				if err != nil {
					return err
				}
				p.Skills[id] = lvl
				q.answered(p)
			}
		}
		level, same := sameRating(p, r)
		if !same {
			return nil
		}
		again, err := q.Prompter.Confirm(Question{
			ID:      "revisit",
			Message: fmt.Sprintf("You rated every skill %d (%s). Go through them again?", level, rubric.LevelNames[level]),
			Help:    "Skills are rarely that even; a second pass often finds a few to move. No keeps the ratings as they are.",
		}, false)
		if err != nil || !again {
			return err
		}
	}
}

// shortTitle drops a leading article and any parenthesis from a group name,
// to keep a question on one line: "A cloud platform certification (AWS, ...)"
// becomes "Cloud platform certification".
func shortTitle(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	for _, a := range []string{"A ", "An "} {
		if rest, ok := strings.CutPrefix(s, a); ok && rest != "" {
			s = strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return s
}

// sameRating reports whether every skill of the rubric got the same level.
func sameRating(p *profiles.Profile, r *rubric.Rubric) (int, bool) {
	ids := r.IDsOfKind(rubric.KindSkill, "")
	if len(ids) < 3 {
		return 0, false
	}
	first := p.Skills[ids[0]]
	for _, id := range ids[1:] {
		if p.Skills[id] != first {
			return 0, false
		}
	}
	return first, true
}
