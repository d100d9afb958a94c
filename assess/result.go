package assess

// Verdicts.
const (
	Ready    = "ready"
	Almost   = "almost"
	NotReady = "not-ready"
)

// Result is the score of one profile against one target stage. Its JSON form is
// the public contract of docs/json-output.md: fields may be added, never
// renamed or removed.
type Result struct {
	Version          int             `json:"version"`
	Name             string          `json:"name"`
	File             string          `json:"file,omitzero"`
	Line             int             `json:"line,omitzero"` // for a line of a JSON Lines input
	Rubric           string          `json:"rubric"`
	Target           string          `json:"target"`
	TargetName       string          `json:"target_name"`
	Readiness        float64         `json:"readiness"`
	Verdict          string          `json:"verdict"`
	Categories       []CategoryScore `json:"categories"`
	Gaps             []Gap           `json:"gaps"`
	Strengths        []Strength      `json:"strengths"`
	NextSteps        []Step          `json:"next_steps"`
	TimeToReadyWeeks int             `json:"time_to_ready_weeks"`
	Ladder           []Rung          `json:"ladder"`
	// Unanswered lists the items the target asks that were added to the
	// rubric after the profile was written: they do not count until answered.
	Unanswered []string `json:"unanswered,omitempty"`
	// UnansweredNames are their names, for people.
	UnansweredNames []string `json:"-"`
	// Omitted lists the skills the target asks that the profile leaves out
	// (and the rubric had at the profile's revision): they count as level 0,
	// and are among the gaps.
	Omitted []string `json:"omitted,omitempty"`
	// OmittedNames are their names, for people.
	OmittedNames []string `json:"-"`
	// NotApplicable lists the skills the target asks that the profile
	// answers n/a, not applicable to the person's current job: the target
	// still asks them, so they count as level 0 too, and are among the gaps.
	NotApplicable []string `json:"not_applicable,omitempty"`
	// NotApplicableNames are their names, for people.
	NotApplicableNames []string `json:"-"`
	// Levels are the names of the rubric's skill levels from 0 up, when it
	// names levels of its own (none for the standard scale, 0-4).
	Levels []string `json:"levels,omitempty"`
	// AskedSkills is how many skills the target asks, counted or not.
	AskedSkills int `json:"-"`
	// Explain shows the arithmetic behind the readiness (ScoreOptions.Explain).
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation is the readiness worked item by item: each item's share of the
// weight, its credit, and the points it earns or costs. The points add up to
// RawReadiness; Readiness is that, or the readiness of a higher rung when it
// is more (RaisedBy names it).
type Explanation struct {
	Items        []ExplainItem `json:"items"`
	RawReadiness float64       `json:"raw_readiness"`
	Readiness    float64       `json:"readiness"`
	RaisedBy     string        `json:"raised_by,omitempty"`
	Ready        float64       `json:"ready_threshold"`
	Almost       float64       `json:"almost_threshold"`
}

// ExplainItem is one requirement of the target in the explanation.
type ExplainItem struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Category string  `json:"category"`
	Require  string  `json:"require"` // hard, required or preferred
	Need     float64 `json:"need"`
	HardNeed float64 `json:"hard_need,omitzero"` // what a hard item must reach for ready
	Have     float64 `json:"have"`
	Credit   float64 `json:"credit"` // 0..1: (have/need)², capped at 1
	Weight   float64 `json:"weight"` // percent of the readiness this item carries
	Points   float64 `json:"points"` // weight × credit
	Cost     float64 `json:"cost"`   // weight − points
	// Status: met, short, hard (keeps from ready), blocking, or unanswered.
	Status  string `json:"status"`
	Section string `json:"section,omitzero"`
}

// CategoryScore is one category's score (0..100) and its share of readiness.
type CategoryScore struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Score  float64 `json:"score"`
	Weight float64 `json:"weight"`
}

// Gap is a requirement of the target stage that the profile does not fully meet.
type Gap struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Category string  `json:"category"`
	Kind     string  `json:"kind"`
	Have     float64 `json:"have"`
	Need     float64 `json:"need"`
	Blocking bool    `json:"blocking"`
	// Hard is true when the gap alone keeps the verdict from ready (it is a
	// hard requirement short of HardNeed), even if closable within a year.
	Hard bool `json:"hard"`
	// HardNeed is what a hard requirement must reach for ready.
	HardNeed float64 `json:"hard_need,omitzero"`
	// Preferred gaps raise readiness when closed but never keep from ready.
	Preferred bool `json:"preferred"`
	// Impact is the readiness points gained by closing the gap fully.
	Impact   float64 `json:"impact"`
	NextStep string  `json:"next_step"`
	Section  string  `json:"section,omitzero"`
	// Indicators, for a skill, are what someone at the level needed does,
	// when the rubric says.
	Indicators []string `json:"indicators,omitempty"`
}

// Rank is how the gap counts: 0 blocking, 1 hard (keeps from ready), 2
// required, 3 preferred. Gaps are ordered by it first, then by impact; the
// compact JSON writes it.
func (g *Gap) Rank() int { return gapRank(g.Blocking, g.Hard, g.Preferred) }

func gapRank(blocking, hard, preferred bool) int {
	switch {
	case blocking:
		return 0
	case hard:
		return 1
	case preferred:
		return 3
	}
	return 2
}

// Strength is a requirement the profile meets or exceeds (its name is the
// rubric item's).
type Strength struct {
	ID   string  `json:"id"`
	Have float64 `json:"have"`
	Need float64 `json:"need"`
}

// Step is one step of the plan.
type Step struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Action string `json:"action"`
	// Goal says what closing the gap looks like (for skills, the level's descriptor).
	Goal        string  `json:"goal,omitzero"`
	EffortWeeks int     `json:"effort_weeks"`
	Impact      float64 `json:"impact"`
	// Waits is true for experience, which accrues with time and cannot be studied.
	Waits bool `json:"waits,omitzero"`
	// ToReady is true for the steps that get the person to ready; the others
	// go beyond it.
	ToReady bool `json:"to_ready"`
	// StartWeek and EndWeek place the step in the schedule (weeks from now).
	StartWeek int `json:"start_week"`
	EndWeek   int `json:"end_week"`
	// From and To are the step's levels, years or 0/1 for held items.
	From float64 `json:"from"`
	To   float64 `json:"to"`
}

// Rung is the readiness for one stage of the ladder.
type Rung struct {
	Target    string  `json:"target"`
	Name      string  `json:"name"`
	Readiness float64 `json:"readiness"`
	Verdict   string  `json:"verdict"`
	Blocking  bool    `json:"blocking"`
	// TimeToReadyWeeks follows that rung's own plan; -1 is beyond 60 years.
	TimeToReadyWeeks int `json:"time_to_ready_weeks"`
}
