package assess

// Verdicts.
const (
	Ready    = "ready"
	Almost   = "almost"
	NotReady = "not-ready"
)

// Result is the score of one profile against one target stage. Its JSON form is
// the public contract of FORMATS.md section 2: fields may be added, never
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
	// Impact is the readiness points gained by closing the gap fully.
	Impact   float64 `json:"impact"`
	NextStep string  `json:"next_step"`
	Section  string  `json:"section,omitzero"`
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
	Action string `json:"action"`
	// Goal says what closing the gap looks like (for skills, the level's descriptor).
	Goal        string  `json:"goal,omitzero"`
	EffortWeeks int     `json:"effort_weeks"`
	Impact      float64 `json:"impact"`
	// Waits is true for experience, which accrues with time and cannot be studied.
	Waits bool `json:"waits,omitzero"`
}

// Rung is the readiness for one stage of the ladder.
type Rung struct {
	Target    string  `json:"target"`
	Name      string  `json:"name"`
	Readiness float64 `json:"readiness"`
	Verdict   string  `json:"verdict"`
}
