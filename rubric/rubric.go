// Package rubric holds the model of a skills rubric: the career stages of a
// ladder, the items a profile answers (skills, held items, years) and what each
// stage needs of them. It loads rubrics strictly from YAML or JSON and embeds the
// default rubric built from the IT Manager career guide.
package rubric

import (
	"fmt"
	"math"

	"github.com/skillgap/skillgap/internal/scale"
	"github.com/skillgap/skillgap/internal/text"
)

// Proficiency levels (docs/profile-format.md). Every scale starts at
// MinLevel. MaxLevel and LevelNames are the standard scale's, which a rubric
// that declares no levels of its own uses; a rubric's own scale is
// Rubric.MaxLevel and Rubric.LevelName. No scale goes past TopLevel.
const (
	MinLevel = scale.MinLevel
	MaxLevel = scale.MaxLevel
	TopLevel = scale.TopLevel
)

// LevelNames are the names of the standard levels 0..4.
var LevelNames = scale.LevelNames

// MaxLevelName is the longest a level's name may be, in characters: it is
// a label in tables and charts ("3 practitioner").
const MaxLevelName = 24

// MaxIndicator is the longest an indicator may be, in characters.
const MaxIndicator = 200

// Item kinds.
const (
	KindSkill = "skill" // answered with a level of the rubric's scale
	KindHeld  = "held"  // an education item or certification, held or not
	KindYears = "years" // a number of years from the profile's experience
	KindAny   = "any"   // met by holding any one of its alternatives
)

// How strongly a stage asks for an item (Item.Require).
const (
	// RequireHard: the item must be met (to its need less its slack) for the
	// verdict ready; a shortfall beyond the margin is blocking.
	RequireHard = "hard"
	// RequireRequired: the item counts in readiness with its full weight but
	// never keeps the verdict from ready on its own.
	RequireRequired = "required"
	// RequirePreferred: the item raises readiness and never keeps the verdict
	// from ready; a profile that meets every other item is ready without it.
	RequirePreferred = "preferred"
)

// DefaultWeeksToLevel is how many weeks of practice raise a skill to each
// level 1..4 from the level below, when a category gives neither
// weeks_to_level nor weeks_per_level. Skills grow side by side, each one
// level at a time: awareness in a quarter, working level in most of a year
// (so the guide's Step 1 foundations, 0 to 2, take about 12 months), then a
// year to practitioner and two more to expert. It is the standard scale's:
// a rubric with a scale of its own gives each category of skills its pace.
var DefaultWeeksToLevel = []float64{13, 40, 52, 104}

// DefaultThresholds are the readiness scores of a rubric that gives none:
// ready at 80, almost at 60. A rubric file that gives one of them gets the
// other from here.
var DefaultThresholds = Thresholds{Ready: 80, Almost: 60}

// Defaults of an item's judgment (Item.HardSlack, Item.BlockMargin,
// Item.Effort), for an item that does not give its own.
const (
	// DefaultSkillSlack: a hard skill counts as met one level below its need.
	DefaultSkillSlack = 1
	// DefaultYearsMargin: a hard years item blocks when more than a year
	// short of its hard level.
	DefaultYearsMargin = 1
	// MinEffortWeeks is the least time the plan gives to gaining a held
	// item, and so the time for one without effort_weeks: nothing not yet
	// done counts as done now.
	MinEffortWeeks = 1
)

// The categories whose held items a profile lists under education and
// certifications.
const (
	CategoryEducation     = "education"
	CategoryCertification = "certification"
)

// MaxYears bounds any number of years, in a profile or a rubric: a working
// life.
const MaxYears = scale.MaxYears

// The standard experience fields: those of a rubric that declares none.
const (
	FieldITYears         = scale.FieldITYears
	FieldManagementYears = scale.FieldManagementYears
)

// MaxExperienceFields bounds how many experience fields a rubric declares.
const MaxExperienceFields = scale.MaxExperienceFields

// ExperienceField is one kind of experience, in years, that a rubric's
// years items (and or_years) read from a profile's experience: its key
// there, how reports name it and what assess asks.
type ExperienceField struct {
	ID string `yaml:"id" json:"id" jsonschema:"pattern=^[a-z][a-z0-9_]*$"`
	// Name is a short noun phrase for reports: "Years in IT roles".
	Name string `yaml:"name" json:"name"`
	// Question is what assess asks: "Years in IT roles:".
	Question string `yaml:"question" json:"question"`
	// Help is shown on '?' in assess.
	Help    string `yaml:"help,omitempty" json:"help,omitempty"`
	Section string `yaml:"section,omitempty" json:"section,omitempty"`
}

// StandardExperience are the experience fields of a rubric that declares
// none: years in IT roles and years leading people or projects.
var StandardExperience = []ExperienceField{
	{ID: FieldITYears, Name: "Years in IT roles", Question: "Years in IT roles:",
		Help: "Total years in IT work (support, systems, networks...), decimals allowed (2.5). Count part-time work pro rata."},
	{ID: FieldManagementYears, Name: "Years leading people or projects", Question: "Years leading people or projects:",
		Help: "Time as a team lead, supervisor or project lead, decimals allowed. 0 if none yet."},
}

// ValidFieldID reports whether id is a well-formed experience field id.
func ValidFieldID(id string) bool { return scale.ValidFieldID(id) }

// Rubric is a career ladder with what each of its stages asks for.
type Rubric struct {
	Version int    `yaml:"version" json:"version" jsonschema:"enum=1"`
	ID      string `yaml:"id" json:"id"`
	// Revision counts changes to what the rubric asks; an item added in a
	// later revision says so in Since. Profiles record the revision they
	// answered, so that an item added later is unanswered there, not 0.
	Revision      int        `yaml:"revision,omitempty" json:"revision,omitempty"`
	Name          string     `yaml:"name" json:"name"`
	Description   string     `yaml:"description,omitempty" json:"description,omitempty"`
	Source        string     `yaml:"source,omitempty" json:"source,omitempty"`
	DefaultTarget string     `yaml:"default_target,omitempty" json:"default_target,omitempty"`
	Thresholds    Thresholds `yaml:"thresholds,omitempty" json:"thresholds,omitempty"`
	// Experience declares the experience fields the rubric's items read;
	// left out, the StandardExperience ones.
	Experience []ExperienceField `yaml:"experience,omitempty" json:"experience,omitempty"`
	// Levels name the levels of the rubric's scale, 0 to N in order (N from
	// 1 to TopLevel); nil is the standard scale, LevelNames.
	Levels     []string   `yaml:"levels,omitempty,flow" json:"levels,omitempty"`
	Stages     []Stage    `yaml:"stages" json:"stages"`
	Categories []Category `yaml:"categories" json:"categories"`
	Items      []Item     `yaml:"items" json:"items"`

	// File is where the rubric was loaded from ("" for the embedded ones).
	File string `yaml:"-" json:"-"`

	itemIndex  map[string]int
	skillItems []int    // the items of kind skill, by index (the first of an id)
	skillIDs   []string // their ids, side by side
	stageIndex map[string]int
	catIndex   map[string]int
	lines      map[string]int // "items[3]" -> line in the file, for errors
	// thresholdKeys are the keys under thresholds in the file (nil for a
	// rubric not parsed from one); defaulted says which thresholds
	// Validate filled in.
	thresholdKeys map[string]bool
	defaulted     struct{ ready, almost bool }
}

// ThresholdsDefaulted reports which of the thresholds the rubric left out,
// so that they are DefaultThresholds'.
func (r *Rubric) ThresholdsDefaulted() (ready, almost bool) {
	return r.defaulted.ready, r.defaulted.almost
}

// TargetDefaulted reports whether the rubric gives no default_target, so
// that a profile without a target is scored against the first stage.
func (r *Rubric) TargetDefaulted() bool { return r.DefaultTarget == "" }

// Thresholds are the readiness scores at which the verdict changes.
type Thresholds struct {
	Ready  float64 `yaml:"ready" json:"ready"`
	Almost float64 `yaml:"almost" json:"almost"`
}

// Stage is one rung of the career ladder.
type Stage struct {
	ID      string  `yaml:"id" json:"id"`
	Name    string  `yaml:"name" json:"name"`
	Years   Band    `yaml:"years" json:"years"`
	Salary  *Salary `yaml:"salary,omitempty" json:"salary,omitempty"`
	Section string  `yaml:"section,omitempty" json:"section,omitempty"`
	Summary string  `yaml:"summary,omitempty" json:"summary,omitempty"`
	Focus   string  `yaml:"focus,omitempty" json:"focus,omitempty"`
	// Weights set a category's weight at this stage, where it differs from
	// the category's own: the ladder runs from hands-on work to strategy.
	Weights map[string]float64 `yaml:"weights,omitempty,flow" json:"weights,omitempty"`
}

// Band is a range of years of total experience; Max 0 means open-ended.
type Band struct {
	Min float64 `yaml:"min" json:"min"`
	Max float64 `yaml:"max,omitempty" json:"max,omitempty"`
}

func (b Band) String() string {
	if b.Max == 0 {
		return fmt.Sprintf("%g+ y", b.Min)
	}
	return fmt.Sprintf("%g-%g y", b.Min, b.Max)
}

// Salary figures the guide gives for a stage, in US dollars a year.
type Salary struct {
	MedianUSD  int `yaml:"median_usd,omitempty" json:"median_usd,omitempty"`
	AverageUSD int `yaml:"average_usd,omitempty" json:"average_usd,omitempty"`
}

// Category groups items; its weight is its share of readiness.
type Category struct {
	ID            string  `yaml:"id" json:"id"`
	Name          string  `yaml:"name" json:"name"`
	Weight        float64 `yaml:"weight" json:"weight"`
	WeeksPerLevel float64 `yaml:"weeks_per_level,omitempty" json:"weeks_per_level,omitempty"`
	// WeeksToLevel is the weeks of practice to reach each level 1..4 from the
	// level below; it wins over WeeksPerLevel (the same for every level).
	WeeksToLevel []float64 `yaml:"weeks_to_level,omitempty,flow" json:"weeks_to_level,omitempty"`
}

// PaceDefaulted reports whether the category gives neither weeks_to_level
// nor weeks_per_level, so that its skills grow at DefaultWeeksToLevel.
func (c *Category) PaceDefaulted() bool {
	return len(c.WeeksToLevel) == 0 && c.WeeksPerLevel <= 0
}

// LevelWeeks returns the weeks to reach level l (1 to the rubric's top
// level, which validation matches to weeks_to_level) from l-1.
func (c *Category) LevelWeeks(l int) float64 {
	switch {
	case l < 1 || l > TopLevel:
		return 0
	case len(c.WeeksToLevel) > 0:
		return c.WeeksToLevel[min(l, len(c.WeeksToLevel))-1]
	case c.WeeksPerLevel > 0:
		return c.WeeksPerLevel
	}
	return DefaultWeeksToLevel[min(l, len(DefaultWeeksToLevel))-1]
}

// WeeksBetween is the weeks of practice to take a skill of the category
// from level have to level need, one level at a time.
func (c *Category) WeeksBetween(have, need float64) float64 {
	w := 0.0
	for l := int(math.Floor(have)) + 1; l <= int(math.Ceil(need)); l++ {
		w += c.LevelWeeks(l)
	}
	return w
}

// Item is one thing a profile can answer or a stage can ask for.
type Item struct {
	ID          string `yaml:"id" json:"id"`
	Kind        string `yaml:"kind" json:"kind" jsonschema:"enum=skill,enum=held,enum=years,enum=any"`
	Field       string `yaml:"field,omitempty" json:"field,omitempty" jsonschema:"pattern=^[a-z][a-z0-9_]*$"`
	Category    string `yaml:"category" json:"category"`
	Name        string `yaml:"name" json:"name"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Section is the part of the source guide the item comes from.
	Section string `yaml:"section,omitempty" json:"section,omitempty"`
	// Weight is the item's importance within its category; 0 means the item is
	// answerable but only counts through an "any" item that names it.
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
	// Need holds the level, years or 1 (held) each stage asks for, in ladder order.
	Need []float64 `yaml:"need,omitempty,flow" json:"need,omitempty"`
	// Require is hard, required or preferred; empty means hard for skills
	// (the core-skill rule) and required for everything else.
	Require string `yaml:"require,omitempty" json:"require,omitempty" jsonschema:"enum=hard,enum=required,enum=preferred"`
	// HardNeed, per stage, is what a hard item must reach for ready, where
	// that is not the need less Slack (leading people: a year from IT
	// Manager up, whatever more the rung asks).
	HardNeed []float64 `yaml:"hard_need,omitempty,flow" json:"hard_need,omitempty"`
	// Slack is how far below the need a hard item still counts as met
	// (default 1 level for skills: a rung asking level n accepts n-1; 0 else).
	Slack *float64 `yaml:"slack,omitempty" json:"slack,omitempty"`
	// Margin is how far below the hard level (need less slack) a shortfall
	// can still be closed within a year; past it the gap is blocking. Default
	// 1 for years, 0 for skills. A held item blocks when it takes more than a
	// year to gain.
	Margin *float64 `yaml:"margin,omitempty" json:"margin,omitempty"`
	// Gate (older rubrics) also makes a gap blocking when have < need*gate.
	Gate float64 `yaml:"gate,omitempty" json:"gate,omitempty"`
	// NeedFalls says why the need falls somewhere up the ladder; without it
	// validation refuses a need lower than the stage below asks.
	NeedFalls string `yaml:"need_falls,omitempty" json:"need_falls,omitempty"`
	// Since is the rubric revision that added the item (default 1).
	Since int `yaml:"since,omitempty" json:"since,omitempty"`
	// Levels describe levels 1..N of a skill (N, the rubric's top level).
	Levels []string `yaml:"levels,omitempty" json:"levels,omitempty"`
	// Indicators list, for each level 1..N of a skill, a few short things
	// someone at that level does.
	Indicators [][]string `yaml:"indicators,omitempty" json:"indicators,omitempty"`
	// Advice says what to do to reach each level 1..N of a skill.
	Advice []string `yaml:"advice,omitempty" json:"advice,omitempty"`
	// AdviceBands give a years item advice by how many years are needed.
	AdviceBands []AdviceBand `yaml:"advice_bands,omitempty" json:"advice_bands,omitempty"`
	// Covers lists held items that holding this one also meets (a master's
	// covers a bachelor's; CISSP covers Security+).
	Covers []string `yaml:"covers,omitempty,flow" json:"covers,omitempty"`
	// Requires lists skill levels to reach before this held item can be
	// gained (CISSP asks for years of security work).
	Requires []Prerequisite `yaml:"requires,omitempty" json:"requires,omitempty"`
	// StartsAfter: a years item with no years yet starts to accrue once the
	// skills of a category reach a level (the first job needs foundations).
	StartsAfter *Foundation `yaml:"starts_after,omitempty" json:"starts_after,omitempty"`
	// Alternatives meet the item too (for "any" items, they are the item).
	Alternatives []Alternative `yaml:"alternatives,omitempty" json:"alternatives,omitempty"`
	// OrYears meets a held item with enough years of experience instead.
	OrYears *YearsAlternative `yaml:"or_years,omitempty" json:"or_years,omitempty"`
	// EffortWeeks is the time to gain a held item.
	EffortWeeks float64 `yaml:"effort_weeks,omitempty" json:"effort_weeks,omitempty"`
	NextStep    string  `yaml:"next_step,omitempty" json:"next_step,omitempty"`
}

// Alternative is a held item that meets another item's need, up to a stage.
type Alternative struct {
	ID    string `yaml:"id" json:"id"`
	Until string `yaml:"until,omitempty" json:"until,omitempty"`
}

// YearsAlternative meets a held item by years of experience: in part from
// From years, rising evenly to in full at Years.
type YearsAlternative struct {
	Field string  `yaml:"field" json:"field" jsonschema:"pattern=^[a-z][a-z0-9_]*$"`
	From  float64 `yaml:"from,omitempty" json:"from,omitempty"`
	Years float64 `yaml:"years" json:"years"`
}

// Credit is how much of the held item y years meet, 0..1.
func (a *YearsAlternative) Credit(y float64) float64 {
	switch {
	case y >= a.Years:
		return 1
	case a.From <= 0 || a.From >= a.Years || y <= a.From:
		return 0
	}
	return (y - a.From) / (a.Years - a.From)
}

// AdviceBand is the advice for a years item whose need is at most UpTo
// years (the last band may leave UpTo 0: any need).
type AdviceBand struct {
	UpTo   float64 `yaml:"up_to,omitempty" json:"up_to,omitempty"`
	Advice string  `yaml:"advice" json:"advice"`
}

// Prerequisite is a skill level to reach first.
type Prerequisite struct {
	ID    string `yaml:"id" json:"id"`
	Level int    `yaml:"level" json:"level"`
}

// Foundation is the skill level of a category that opens a field of work.
type Foundation struct {
	Category string `yaml:"category" json:"category"`
	Level    int    `yaml:"level" json:"level"`
}

// Requirement returns how strongly the item is asked: hard, required or
// preferred, with the defaults filled in.
func (it *Item) Requirement() string {
	if it.Require != "" {
		return it.Require
	}
	if it.Kind == KindSkill {
		return RequireHard
	}
	return RequireRequired
}

// HardLevel is what a hard item must reach at stage si, which asks need.
func (it *Item) HardLevel(si int, need float64) float64 {
	if si >= 0 && si < len(it.HardNeed) {
		return min(it.HardNeed[si], need)
	}
	return max(need-it.HardSlack(), 0)
}

// HardSlack is how far below the need a hard item still counts as met.
func (it *Item) HardSlack() float64 {
	if it.Slack != nil {
		return *it.Slack
	}
	if it.Kind == KindSkill {
		return DefaultSkillSlack
	}
	return 0
}

// BlockMargin is how far below the hard level a gap is still closable
// within a year.
func (it *Item) BlockMargin() float64 {
	if it.Margin != nil {
		return *it.Margin
	}
	if it.Kind == KindYears {
		return DefaultYearsMargin
	}
	return 0
}

// Effort is the weeks the plan gives to gaining a held item: its
// effort_weeks, and never less than MinEffortWeeks.
func (it *Item) Effort() float64 { return max(it.EffortWeeks, MinEffortWeeks) }

// EffortDefaulted reports whether a held item gives no effort_weeks, so
// that gaining it takes MinEffortWeeks in the plan.
func (it *Item) EffortDefaulted() bool { return it.Kind == KindHeld && it.EffortWeeks <= 0 }

// AddedIn is the rubric revision that added the item.
func (it *Item) AddedIn() int { return max(it.Since, 1) }

// AdviceFor is the advice for reaching level (skills) or need years (years
// items); "" when the rubric gives none, and NextStep is the fallback.
func (it *Item) AdviceFor(level float64) string {
	switch it.Kind {
	case KindSkill:
		if l := int(level); l >= 1 && l <= len(it.Advice) {
			return it.Advice[l-1]
		}
	case KindYears:
		for _, b := range it.AdviceBands {
			if b.UpTo == 0 || level <= b.UpTo {
				return b.Advice
			}
		}
	}
	return ""
}

// ExperienceFields are the experience fields the rubric declares, in
// order; StandardExperience when it declares none.
func (r *Rubric) ExperienceFields() []ExperienceField {
	if len(r.Experience) > 0 {
		return r.Experience
	}
	return StandardExperience
}

// ExperienceIDs lists the ids of ExperienceFields.
func (r *Rubric) ExperienceIDs() []string {
	fields := r.ExperienceFields()
	ids := make([]string, len(fields))
	for i, f := range fields {
		ids[i] = f.ID
	}
	return ids
}

// ExperienceField returns the declared experience field id, or false.
func (r *Rubric) ExperienceField(id string) (*ExperienceField, bool) {
	fields := r.ExperienceFields()
	for i := range fields {
		if fields[i].ID == id {
			return &fields[i], true
		}
	}
	return nil, false
}

// ReadsField reports whether some item of the rubric reads experience field
// id: a years item's field, or a held item's or_years.
func (r *Rubric) ReadsField(id string) bool {
	for i := range r.Items {
		it := &r.Items[i]
		if (it.Kind == KindYears && it.Field == id) || (it.OrYears != nil && it.OrYears.Field == id) {
			return true
		}
	}
	return false
}

// UsedExperience are the declared experience fields that some item reads,
// in declaration order: what assess asks.
func (r *Rubric) UsedExperience() []ExperienceField {
	var used []ExperienceField
	for _, f := range r.ExperienceFields() {
		if r.ReadsField(f.ID) {
			used = append(used, f)
		}
	}
	return used
}

// IndicatorsAt lists what someone at level l of the skill does; nil when
// the rubric gives none.
func (it *Item) IndicatorsAt(l int) []string {
	if l >= 1 && l <= len(it.Indicators) {
		return it.Indicators[l-1]
	}
	return nil
}

// MaxLevel is the top level of the rubric's scale: N of its levels 0..N,
// MaxLevel (4) for the standard scale.
func (r *Rubric) MaxLevel() int {
	if len(r.Levels) < 2 {
		return MaxLevel
	}
	return min(len(r.Levels)-1, TopLevel)
}

// LevelsDefaulted reports whether the rubric uses the standard scale,
// naming no levels of its own.
func (r *Rubric) LevelsDefaulted() bool { return len(r.Levels) < 2 }

// LevelName is the name of level l of the rubric's scale ("practitioner");
// "" for a level outside it.
func (r *Rubric) LevelName(l int) string {
	if l < MinLevel || l > r.MaxLevel() {
		return ""
	}
	if r.LevelsDefaulted() {
		return LevelNames[l]
	}
	return r.Levels[l]
}

// LevelNames lists the names of the rubric's levels, 0 to its top.
func (r *Rubric) LevelNames() []string {
	names := make([]string, r.MaxLevel()+1)
	for l := range names {
		names[l] = r.LevelName(l)
	}
	return names
}

// LevelLabel is level l with its name, "3 practitioner"; the number alone
// for a level outside the scale.
func (r *Rubric) LevelLabel(l int) string {
	if name := r.LevelName(l); name != "" {
		return fmt.Sprintf("%d %s", l, name)
	}
	return fmt.Sprint(l)
}

// Rev is the rubric's revision (1 when not given).
func (r *Rubric) Rev() int { return max(r.Revision, 1) }

// Item returns the item with id, or false.
func (r *Rubric) Item(id string) (*Item, bool) {
	i, ok := r.itemIndex[id]
	if !ok {
		return nil, false
	}
	return &r.Items[i], true
}

// ItemIndex returns the position of item id in Items, or -1.
func (r *Rubric) ItemIndex(id string) int {
	if i, ok := r.itemIndex[id]; ok {
		return i
	}
	return -1
}

// SkillItems lists the indexes in Items of the skills (the first item of
// each id), in rubric order. The caller must not change it.
func (r *Rubric) SkillItems() []int { return r.skillItems }

// SkillIDs lists the ids of SkillItems, side by side: a profile's skills
// are looked up by them. The caller must not change it.
func (r *Rubric) SkillIDs() []string { return r.skillIDs }

// StageIndex returns the ladder position of stage id, or -1.
func (r *Rubric) StageIndex(id string) int {
	if i, ok := r.stageIndex[id]; ok {
		return i
	}
	return -1
}

// Category returns the category with id, or false.
func (r *Rubric) Category(id string) (*Category, bool) {
	i, ok := r.catIndex[id]
	if !ok {
		return nil, false
	}
	return &r.Categories[i], true
}

// StageIDs lists the stage ids in ladder order.
func (r *Rubric) StageIDs() []string {
	ids := make([]string, len(r.Stages))
	for i, s := range r.Stages {
		ids[i] = s.ID
	}
	return ids
}

// IDsOfKind lists the ids of the answerable items of a kind and category
// ("" for any category), in rubric order.
func (r *Rubric) IDsOfKind(kind, category string) []string {
	var ids []string
	for _, it := range r.Items {
		if it.Kind == kind && (category == "" || it.Category == category) {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

// NeedAt is what stage s (ladder index) asks of the item; 0 if nothing.
func (it *Item) NeedAt(s int) float64 {
	if s < 0 || s >= len(it.Need) {
		return 0
	}
	return it.Need[s]
}

// Target returns the stage id to use when none is given.
func (r *Rubric) Target() string {
	if r.DefaultTarget != "" {
		return r.DefaultTarget
	}
	if len(r.Stages) > 0 {
		return r.Stages[0].ID
	}
	return ""
}

// index builds the lookup maps; Validate reports what it finds wrong.
func (r *Rubric) index() {
	r.itemIndex = make(map[string]int, len(r.Items))
	r.skillItems, r.skillIDs = nil, nil
	for i, it := range r.Items {
		if _, dup := r.itemIndex[it.ID]; !dup {
			r.itemIndex[it.ID] = i
			if it.Kind == KindSkill {
				r.skillItems = append(r.skillItems, i)
				r.skillIDs = append(r.skillIDs, it.ID)
			}
		}
	}
	r.stageIndex = make(map[string]int, len(r.Stages))
	for i, s := range r.Stages {
		if _, dup := r.stageIndex[s.ID]; !dup {
			r.stageIndex[s.ID] = i
		}
	}
	r.catIndex = make(map[string]int, len(r.Categories))
	for i, c := range r.Categories {
		if _, dup := r.catIndex[c.ID]; !dup {
			r.catIndex[c.ID] = i
		}
	}
}

// DidYouMean is " (did you mean X?)" when X in candidates is a likely typo
// of s, else "" (text.DidYouMean): the one way every message suggests a
// near-miss.
func DidYouMean(s string, candidates []string) string { return text.DidYouMean(s, candidates) }

// Nearest returns the candidate closest to s when it is close enough to be a
// likely typo (text.Nearest).
func Nearest(s string, candidates []string) (string, bool) { return text.Nearest(s, candidates) }
