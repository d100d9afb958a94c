package assess

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// ErrInterrupted is returned by a Prompter when the user interrupts (Ctrl-C).
var ErrInterrupted = errors.New("interrupted")

// ErrBack is returned by a Prompter when the user asks for the previous
// question instead of answering (typing "<"); it is offered only where
// Question.Back is set.
var ErrBack = errors.New("back to the previous question")

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
	Progress string // where the user is in a section: "Technical skills 4/12"
	// Number and Total place the question in the whole questionnaire
	// ("12/30"); 0 when it is not one of its numbered questions.
	Number, Total int
	// Back says the user may go back to the previous question instead of
	// answering: the Prompter then returns ErrBack.
	Back bool
}

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Label       string
	Description string
	ID          string // what the option stands for, when it is not just its place: the review's question ids ("skills.cloud", "save"; a held group's message)
}

// Questionnaire asks for a profile's answers, question by question, as the
// rubric lays them out: a new rubric needs no new code.
//
// The user can go back from any question to the one before, whose answer is
// then the default, and ends on a review of every answer, where any can be
// changed before saving.
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
	f := q.flow()
	return p, q.walk(p, f.steps, f.total, false)
}

func (q *Questionnaire) answered(p *profiles.Profile) {
	if q.Answered != nil {
		q.Answered(p.Clone())
	}
}

// step is one question of the flow. Follow-up questions (the evidence for a
// skill, the check of the years) are steps too, asked when their condition
// holds.
type step struct {
	number int                          // its place in the count shown; a follow-up shares its question's
	when   func(*profiles.Profile) bool // nil: always asked
	ask    func(*profiles.Profile, place) error
}

// place is what a step needs to say where the user is.
type place struct {
	number, total int
	back          bool // there is a question to go back to
}

func (pl place) question(q Question) Question {
	q.Number, q.Total, q.Back = pl.number, pl.total, pl.back
	return q
}

// goTo, returned by a step, goes on at another step (a second pass over the
// skills); the step itself counts as answered.
type goTo int

func (g goTo) Error() string { return fmt.Sprintf("go to step %d", int(g)) }

// walk asks the steps in order. ErrBack at a step goes back to the step asked
// before it, whose answer is the default. At the first step, ErrBack is
// returned when leave is set (an answer changed from the review goes back to
// the review); otherwise there is nothing before it.
func (q *Questionnaire) walk(p *profiles.Profile, steps []step, total int, leave bool) error {
	var asked []int // the steps answered, in order: the way back
	for i := 0; i < len(steps); {
		s := steps[i]
		if s.when != nil && !s.when(p) {
			i++
			continue
		}
		err := s.ask(p, place{number: s.number, total: total, back: leave || len(asked) > 0})
		var jump goTo
		switch {
		case err == nil:
			asked = append(asked, i)
			i++
		case errors.Is(err, ErrBack):
			if len(asked) == 0 {
				if leave {
					return ErrBack
				}
				continue // nothing before the first question: ask it again
			}
			i, asked = asked[len(asked)-1], asked[:len(asked)-1]
		case errors.As(err, &jump):
			asked = append(asked, i)
			i = int(jump)
		default:
			return err
		}
	}
	return nil
}

// entry is one line of the review: an answer and the steps that change it.
type entry struct {
	id    string // the question's id
	label func(*profiles.Profile) (label, description string)
	steps []step
}

// flow is the questionnaire laid out: the steps in order, ending with the
// review, and the number of questions counted in the progress.
type flow struct {
	steps []step
	total int
}

// layout builds the flow and the review's entries.
type layout struct {
	q       *Questionnaire
	steps   []step
	entries []entry
	n       int // numbered questions so far
}

// question adds a numbered question, and its line in the review, which
// changes it with the question and its follow-ups.
func (l *layout) question(id string, s step, label func(*profiles.Profile) (string, string), followUps ...step) {
	l.n++
	s.number = l.n
	steps := []step{s}
	for _, f := range followUps {
		f.number = s.number
		steps = append(steps, f)
	}
	l.steps = append(l.steps, steps...)
	l.entries = append(l.entries, entry{id: id, steps: steps, label: label})
}

func (q *Questionnaire) flow() flow {
	l := &layout{q: q}
	l.basics()
	l.held()
	firstSkill := len(l.steps)
	l.skills()
	if len(l.steps) > firstSkill {
		l.steps = append(l.steps, step{when: func(p *profiles.Profile) bool { _, same := sameRating(p, q.Rubric); return same }, ask: q.askRevisit(firstSkill)})
	}
	l.steps = append(l.steps, step{ask: q.askReview(l.entries, l.n)})
	return flow{steps: l.steps, total: l.n}
}

// basics: the name, the target and the years, with their check.
func (l *layout) basics() {
	q, r := l.q, l.q.Rubric
	l.question("name", step{ask: q.askName}, func(p *profiles.Profile) (string, string) {
		if p.Name == "" {
			return "Name: (none)", ""
		}
		return "Name: " + p.Name, ""
	})
	l.question("target", step{ask: q.askTarget}, func(p *profiles.Profile) (string, string) {
		s := r.StageIndex(p.Target)
		if s < 0 {
			s = r.StageIndex(r.Target())
		}
		return "Role you aim for: " + r.Stages[s].Name, ""
	})
	l.years()
}

// years: each experience field an item of the rubric reads, in the order
// the rubric declares them, with the rubric's question and help. When the
// rubric reads both standard fields, more years leading than in IT is
// checked: after the later of the two on the way through, and after the
// earlier one too when it is changed from the review.
func (l *layout) years() {
	q, r := l.q, l.q.Rubric
	used := r.UsedExperience()
	checked := r.ReadsField(rubric.FieldITYears) && r.ReadsField(rubric.FieldManagementYears)
	check := step{when: moreLeadingThanIT, ask: q.askYearsCheck}
	first := -1 // the review entry of the first of the two standard fields
	for _, f := range used {
		yq := Question{ID: "experience." + f.ID, Message: f.Question, Help: f.Help}
		label := func(p *profiles.Profile) (string, string) {
			return f.Name + ": " + formatYears(p.Years(f.ID)), ""
		}
		standard := f.ID == rubric.FieldITYears || f.ID == rubric.FieldManagementYears
		switch {
		case checked && standard && first < 0:
			l.question(yq.ID, step{ask: q.askYears(yq, f.ID)}, label)
			first = len(l.entries) - 1
			e := &l.entries[first]
			e.steps = append(e.steps, step{number: e.steps[0].number, when: check.when, ask: check.ask})
		case checked && standard:
			l.question(yq.ID, step{ask: q.askYears(yq, f.ID)}, label, check)
		default:
			l.question(yq.ID, step{ask: q.askYears(yq, f.ID)}, label)
		}
	}
}

// held: the degrees, the certifications group by group, then the held
// items of each other category under the category's name.
func (l *layout) held() {
	q, r := l.q, l.q.Rubric
	groups := heldGroups(r)
	certGroups := 0
	for _, g := range groups {
		if g.category == rubric.CategoryCertification {
			certGroups++
		}
	}
	c := 0
	for _, g := range groups {
		question := Question{ID: "held", Message: shortTitle(g.title) + ":", Help: g.help}
		switch {
		case g.category == rubric.CategoryEducation:
			question.Message = "Degrees you hold:"
		case g.category == rubric.CategoryCertification && certGroups == 1 && g.title == "Certifications":
			question.Message = "Certifications you hold:"
		case g.category == rubric.CategoryCertification:
			c++
			question.Progress = fmt.Sprintf("Certifications %d/%d", c, certGroups)
		default:
			question.Message = g.title + " you hold:"
		}
		title := strings.TrimSuffix(strings.TrimSuffix(question.Message, ":"), " you hold")
		// Held groups share an id; the review names them by their message.
		l.question(question.Message, step{ask: q.askHeld(g, question)}, func(p *profiles.Profile) (string, string) {
			var names []string
			for _, id := range g.ids {
				if p.Holds(id) {
					it, _ := r.Item(id)
					names = append(names, it.Name)
				}
			}
			if len(names) == 0 {
				return title + ": none", ""
			}
			return title + ": " + strings.Join(names, ", "), ""
		})
	}
}

// skills: each skill by section, with what shows a high rating.
func (l *layout) skills() {
	q, r := l.q, l.q.Rubric
	from := EvidenceFrom(r.MaxLevel())
	for _, cat := range r.Categories {
		ids := r.IDsOfKind(rubric.KindSkill, cat.ID)
		for i, id := range ids {
			it, _ := r.Item(id)
			// Evidence is asked after a high rating, and whenever there is
			// one to keep or remove.
			evidence := step{when: func(p *profiles.Profile) bool { return p.Skills[id] >= from || p.Evidence[id] != "" }, ask: q.askEvidence(it)}
			l.question("skills."+id, step{ask: q.askSkill(it, fmt.Sprintf("%s %d/%d", cat.Name, i+1, len(ids)))}, func(p *profiles.Profile) (string, string) {
				if p.IsNotApplicable(id) {
					return it.Name + ": n/a (not part of my job)", ""
				}
				lvl := p.Skills[id]
				label := it.Name + ": " + r.LevelLabel(lvl)
				if e := p.Evidence[id]; e != "" {
					return label, "shown by: " + e
				}
				return label, ""
			}, evidence)
		}
	}
}

func (q *Questionnaire) askName(p *profiles.Profile, at place) error {
	name, err := q.Prompter.Input(at.question(Question{
		ID:      "name",
		Message: "Your name (optional):",
		Help:    "Shown on reports. Any text, or leave it empty; it is stored only in your profile file.",
	}), p.Name, func(s string) error {
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

func (q *Questionnaire) askTarget(p *profiles.Profile, at place) error {
	r := q.Rubric
	opts := make([]Option, len(r.Stages))
	for i, s := range r.Stages {
		opts[i] = Option{Label: fmt.Sprintf("%s (%s)", s.Name, s.Years)}
	}
	def := r.StageIndex(p.Target)
	if def < 0 {
		def = r.StageIndex(r.Target())
	}
	i, err := q.Prompter.Select(at.question(Question{ID: "target", Message: "Role you aim for:",
		Help: "The rung you are aiming for; years are the guide's usual total experience."}), opts, def)
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

// askYears asks the years of experience field id.
func (q *Questionnaire) askYears(yq Question, id string) func(*profiles.Profile, place) error {
	return func(p *profiles.Profile, at place) error {
		s, err := q.Prompter.Input(at.question(yq), formatYears(p.Years(id)), func(s string) error { _, err := ParseYears(s); return err })
		if err != nil {
			return err
		}
		y, err := ParseYears(s)
		if err != nil {
			return err
		}
		p.Experience.Set(id, y)
		q.answered(p)
		return nil
	}
}

// moreLeadingThanIT is what the years check asks about: possible (leading
// outside IT), but more often a slip.
func moreLeadingThanIT(p *profiles.Profile) bool {
	return p.Experience.ManagementYears > p.Experience.ITYears
}

// askYearsCheck asks whether more years leading than in IT is right; no goes
// back to the years to fix them.
func (q *Questionnaire) askYearsCheck(p *profiles.Profile, at place) error {
	question := Question{ID: "experience.check",
		Message: fmt.Sprintf("More years leading (%s) than in IT (%s) — is that right?", formatYears(p.Experience.ManagementYears), formatYears(p.Experience.ITYears)),
		Help:    "It can be, if you led people or projects outside IT. No goes back to the years to fix them."}
	// A rubric that names the two fields its own way is asked in its words.
	it, _ := q.Rubric.ExperienceField(rubric.FieldITYears)
	lead, _ := q.Rubric.ExperienceField(rubric.FieldManagementYears)
	if std := rubric.StandardExperience; it.Name != std[0].Name || lead.Name != std[1].Name {
		question.Message = fmt.Sprintf("More %s (%s) than %s (%s) — is that right?",
			lowerFirst(lead.Name), formatYears(p.Experience.ManagementYears), lowerFirst(it.Name), formatYears(p.Experience.ITYears))
		question.Help = "It can be. No goes back to the years to fix them."
	}
	ok, err := q.Prompter.Confirm(at.question(question), true)
	if err != nil {
		return err
	}
	if !ok {
		return ErrBack
	}
	return nil
}

// lowerFirst puts the first letter of a name in lower case, to use it
// inside a sentence: "Years in IT roles" -> "years in IT roles".
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// heldGroup is one multi-select question over held items.
type heldGroup struct {
	title    string
	help     string
	category string // education, certification, or the other category whose items it asks
	ids      []string
}

// heldGroups lays out the held items as the rubric groups them: the
// education items together, then the certifications group by group (each
// "any" item that names them), then those no group names; then the held
// items of each other category, one group each, in the rubric's order of
// categories.
func heldGroups(r *rubric.Rubric) []heldGroup {
	var groups []heldGroup
	if ids := r.IDsOfKind(rubric.KindHeld, rubric.CategoryEducation); len(ids) > 0 {
		groups = append(groups, heldGroup{title: "Education", help: "Tick each degree you hold.", category: rubric.CategoryEducation, ids: ids})
	}
	shown := map[string]bool{}
	for _, it := range r.Items {
		if it.Kind != rubric.KindAny {
			continue
		}
		var ids []string
		for _, a := range it.Alternatives {
			if alt, ok := r.Item(a.ID); ok && alt.Category == rubric.CategoryCertification && !shown[a.ID] {
				ids = append(ids, a.ID)
				shown[a.ID] = true
			}
		}
		if len(ids) > 0 {
			groups = append(groups, heldGroup{title: it.Name, help: it.Description + " Any one of them counts.", category: rubric.CategoryCertification, ids: ids})
		}
	}
	var rest []string
	for _, id := range r.IDsOfKind(rubric.KindHeld, rubric.CategoryCertification) {
		if !shown[id] {
			rest = append(rest, id)
		}
	}
	if len(rest) > 0 {
		groups = append(groups, heldGroup{title: "Other certifications", category: rubric.CategoryCertification, ids: rest})
	}
	// One question for all certifications, in the groups' order: a question
	// per group made the questionnaire longer than a person sits through.
	if len(groups) > 2 {
		merged := heldGroup{title: "Certifications", category: rubric.CategoryCertification,
			help: "Tick each certification you hold; a senior one counts for the entry ones it covers."}
		var keep []heldGroup
		for _, g := range groups {
			if g.category == rubric.CategoryEducation {
				keep = append(keep, g)
				continue
			}
			merged.ids = append(merged.ids, g.ids...)
		}
		groups = append(keep, merged)
	}
	for _, c := range r.Categories {
		if c.ID == rubric.CategoryEducation || c.ID == rubric.CategoryCertification {
			continue
		}
		if ids := r.IDsOfKind(rubric.KindHeld, c.ID); len(ids) > 0 {
			groups = append(groups, heldGroup{title: c.Name, category: c.ID, ids: ids,
				help: "Tick each one you hold. Your profile lists them under certifications."})
		}
	}
	return groups
}

func (q *Questionnaire) askHeld(g heldGroup, question Question) func(*profiles.Profile, place) error {
	return func(p *profiles.Profile, at place) error {
		opts := make([]Option, len(g.ids))
		var defs []int
		for i, id := range g.ids {
			it, _ := q.Rubric.Item(id)
			opts[i] = Option{Label: it.Name, Description: it.Description}
			if p.Holds(id) {
				defs = append(defs, i)
			}
		}
		picked, err := q.Prompter.MultiSelect(at.question(question), opts, defs)
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
		return nil
	}
}

// NotApplicableLabel is the last choice of every skill question: the skill
// is not part of the person's current job, saved as n/a.
const NotApplicableLabel = "n/a — not part of my job"

// notApplicable is the index of the n/a choice among a skill's options on
// a scale of levels 0..top: the one after the top level.
func notApplicable(top int) int { return top + 1 }

func (q *Questionnaire) askSkill(it *rubric.Item, progress string) func(*profiles.Profile, place) error {
	r := q.Rubric
	na := notApplicable(r.MaxLevel())
	opts := make([]Option, na+1)
	opts[0] = Option{Label: r.LevelLabel(0), Description: "No experience of it yet."}
	for l := 1; l <= r.MaxLevel(); l++ {
		opts[l] = Option{Label: r.LevelLabel(l), Description: it.Levels[l-1]}
	}
	opts[na] = Option{Label: NotApplicableLabel, ID: profiles.NotApplicableValue,
		Description: "Your current job does not use it. A role that asks for it still needs it, so it counts as 0 there."}
	help := skillHelp(r, it)
	return func(p *profiles.Profile, at place) error {
		def := p.Skills[it.ID]
		if p.IsNotApplicable(it.ID) {
			def = na
		}
		choice, err := q.Prompter.Select(at.question(Question{
			ID:       "skills." + it.ID,
			Message:  it.Name + ":",
			Help:     help + "\nChoose n/a if your current job does not use it.",
			Progress: progress,
		}), opts, def)
		if err != nil {
			return err
		}
		setSkill(p, it.ID, choice, na)
		q.answered(p)
		return nil
	}
}

// setSkill records a skill question's choice: a level, or n/a (the choice
// na; kept in id order, as Parse gives them).
func setSkill(p *profiles.Profile, id string, choice, na int) {
	p.NotApplicable = slices.DeleteFunc(p.NotApplicable, func(s string) bool { return s == id })
	if choice == na {
		delete(p.Skills, id)
		p.NotApplicable = append(p.NotApplicable, id)
		slices.Sort(p.NotApplicable)
		return
	}
	p.Skills[id] = choice
}

// skillHelp is the help of a skill's question: what the skill is, where
// the guide has it, and what someone does at each level, where the rubric
// says (its indicators).
func skillHelp(r *rubric.Rubric, it *rubric.Item) string {
	help := it.Description
	if it.Section != "" {
		help += " (Guide: " + it.Section + ")"
	}
	if len(it.Indicators) == 0 {
		return help
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(help))
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString("What someone does at each level:")
	for l := 1; l <= r.MaxLevel(); l++ {
		if ind := it.IndicatorsAt(l); len(ind) > 0 {
			b.WriteString("\n  " + r.LevelLabel(l) + ": " + strings.Join(ind, "; "))
		}
	}
	return b.String()
}

// EvidenceFrom is the lowest skill level that is asked what shows it on a
// scale of 0 to top: the top quarter of the scale, ceil(3×top/4). That is 3
// on the standard scale (0-4), 4 on 0-5, 6 on 0-7, 2 on 0-2 and 1 on 0-1.
func EvidenceFrom(top int) int {
	return (3*top + 3) / 4
}

// MaxEvidence is the longest evidence line, in characters.
const MaxEvidence = 300

// askEvidence asks, after a high rating, what shows it: one optional line,
// kept in the profile's evidence and shown next to the skill in the HTML
// report. An evidence already given is the default, and "-" removes it.
func (q *Questionnaire) askEvidence(it *rubric.Item) func(*profiles.Profile, place) error {
	return func(p *profiles.Profile, at place) error {
		old := p.Evidence[it.ID]
		question := Question{ID: "evidence." + it.ID, Message: "What shows it? (Enter to skip)",
			Help: "One line that backs your rating of " + it.Name + ", such as a project or a result: \"Led the 2024 WAN migration across 3 sites\". Reports show it next to the skill."}
		if old != "" {
			question.Message = "What shows it? (Enter keeps it)"
			question.Help += " Type - to remove it."
		}
		s, err := q.Prompter.Input(at.question(question), old, validEvidence)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		switch {
		case s == "" || s == "-":
			delete(p.Evidence, it.ID)
		default:
			if p.Evidence == nil {
				p.Evidence = map[string]string{}
			}
			p.Evidence[it.ID] = s
		}
		q.answered(p)
		return nil
	}
}

func validEvidence(s string) error {
	if utf8.RuneCountInString(strings.TrimSpace(s)) > MaxEvidence {
		return fmt.Errorf("keep it to one line of %d characters at most", MaxEvidence)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return errors.New("one line of plain text, please: no tabs or control characters")
		}
	}
	return nil
}

// askRevisit offers a second pass over the skills when every one got the
// same rating.
func (q *Questionnaire) askRevisit(firstSkill int) func(*profiles.Profile, place) error {
	return func(p *profiles.Profile, at place) error {
		level, _ := sameRating(p, q.Rubric)
		again, err := q.Prompter.Confirm(Question{
			ID:      "revisit",
			Message: fmt.Sprintf("You rated every skill %d (%s). Go through them again?", level, q.Rubric.LevelName(level)),
			Help:    "Skills are rarely that even; a second pass often finds a few to move. No keeps the ratings as they are.",
			Back:    at.back,
		}, false)
		switch {
		case err != nil:
			return err
		case again:
			return goTo(firstSkill)
		}
		return nil
	}
}

// Save is the review's first option: done, save the answers.
const Save = "save"

// askReview lists every answer; picking one asks it again (with what follows
// from it), until the user picks Save.
func (q *Questionnaire) askReview(entries []entry, total int) func(*profiles.Profile, place) error {
	return func(p *profiles.Profile, at place) error {
		for {
			opts := []Option{{ID: Save, Label: "Save", Description: "these answers are right: see the result and save them"}}
			for _, e := range entries {
				label, desc := e.label(p)
				opts = append(opts, Option{ID: e.id, Label: label, Description: desc})
			}
			i, err := q.Prompter.Select(Question{ID: "review", Message: "Your answers: pick one to change, or Save:",
				Help: "Enter on Save keeps these answers. Enter on any other line asks that question again, its answer as the default, then comes back here.",
				Back: at.back}, opts, 0)
			if err != nil {
				return err
			}
			if i <= 0 || i > len(entries) {
				return nil
			}
			if err := q.walk(p, entries[i-1].steps, total, true); err != nil && !errors.Is(err, ErrBack) {
				return err
			}
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
	for _, id := range ids {
		if p.IsNotApplicable(id) {
			return 0, false // n/a is not a rating
		}
	}
	first := p.Skills[ids[0]]
	for _, id := range ids[1:] {
		if p.Skills[id] != first {
			return 0, false
		}
	}
	return first, true
}
