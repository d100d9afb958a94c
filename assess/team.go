package assess

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/skillgap/skillgap/internal/mathx"
	"github.com/skillgap/skillgap/rubric"
)

// DefaultPeopleLimit is the team size up to which a summary names its
// members: beyond it the lists of names are left out (the counts stay), so
// that memory stays flat however many profiles are summarised.
const DefaultPeopleLimit = 1000

// Team is the summary of many profiles scored against one target.
type Team struct {
	Version int    `json:"version"`
	Rubric  string `json:"rubric"`
	// MaxLevel is the top level of the rubric's scale.
	MaxLevel int `json:"-"`
	// Levels are the names of the rubric's skill levels from 0 up, when it
	// names levels of its own (none for the standard scale, 0-4), as in a
	// Result.
	Levels     []string       `json:"levels,omitempty"`
	Target     string         `json:"target"`
	TargetName string         `json:"target_name"`
	Members    int            `json:"members"` // profiles scored
	Failed     int            `json:"failed"`  // profiles that could not be read
	Verdicts   map[string]int `json:"verdicts"`
	Readiness  Distribution   `json:"readiness"`
	Bench      []BenchRung    `json:"bench"`
	Gaps       []TeamGap      `json:"gaps"`
	// PeopleListed is false when the team is larger than PeopleLimit: People,
	// and the names in Bench, Gaps and Training, are then left out.
	PeopleListed bool `json:"people_listed"`
	PeopleLimit  int  `json:"people_limit"`
	// Requirements are the target's requirements, in rubric order: the
	// columns of the skills matrix, and the order of each Person's Have.
	Requirements []Requirement `json:"requirements"`
	People       []Person      `json:"people"`
	// Training groups the gaps into courses of action, most team readiness
	// per week first.
	Training []Course `json:"training"`
}

// Requirement is one thing the target asks for: a column of the matrix.
type Requirement struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Category  string  `json:"category"`
	Kind      string  `json:"kind"`
	Need      float64 `json:"need"`
	Preferred bool    `json:"preferred,omitzero"`
}

// Person is one member: a row of the matrix.
type Person struct {
	Name string `json:"name"`
	File string `json:"file"`
	Line int    `json:"line,omitzero"` // for a record of a JSON Lines input
	// Label is how reports name the member: the name, else the file (and
	// line); the lists of names in bench, gaps and training hold labels.
	Label     string  `json:"label"`
	Readiness float64 `json:"readiness"`
	Verdict   string  `json:"verdict"`
	// ReadyFor is the highest rung the member is ready for now, or nil.
	ReadyFor         *string `json:"ready_for"`
	ReadyForName     string  `json:"ready_for_name,omitzero"`
	TimeToReadyWeeks int     `json:"time_to_ready_weeks"` // for the target; -1 when beyond the plan
	Gaps             int     `json:"gaps"`
	Blocking         int     `json:"blocking"`
	// Have is the member's level, years or 1/0 for each of Requirements;
	// NaN (null in JSON) where the profile predates the requirement.
	Have     []Level           `json:"have"`
	Evidence map[string]string `json:"evidence,omitempty"`

	ladder []string // verdict per rung
	weeks  []int    // time to ready per rung
}

// Level is a have value; NaN means unanswered and is written as null.
type Level float64

// MarshalJSON writes NaN as null.
func (l Level) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(l)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(l))
}

// UnmarshalJSON reads null as NaN.
func (l *Level) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*l = Level(math.NaN())
		return nil
	}
	f, err := strconv.ParseFloat(string(b), 64)
	*l = Level(f)
	return err
}

// Distribution of readiness over the members (quartiles by linear
// interpolation between order statistics, as most spreadsheets compute them).
type Distribution struct {
	Mean   float64 `json:"mean"`
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
}

// BenchRung is who is ready, and almost ready, for a rung.
type BenchRung struct {
	Target       string        `json:"target"`
	Name         string        `json:"name"`
	Ready        int           `json:"ready"`
	Almost       int           `json:"almost"`
	ReadyPeople  []string      `json:"ready_people"`
	AlmostPeople []BenchPerson `json:"almost_people"` // soonest first
}

// BenchPerson is a member almost ready for a rung, and how soon.
type BenchPerson struct {
	Name             string `json:"name"`
	TimeToReadyWeeks int    `json:"time_to_ready_weeks"`
}

// TeamGap is a training need shared by the team.
type TeamGap struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Count    int      `json:"count"`  // members with the gap
	People   []string `json:"people"` // their names, in input order
	// MeanGap is the mean of need minus have over those people, in the
	// requirement's unit (levels, years, or 1 for held items).
	MeanGap     float64 `json:"mean_gap"`
	TotalImpact float64 `json:"total_impact"` // sum of the members' impacts
	Blocking    int     `json:"blocking"`     // members for whom it blocks
}

// Course is one course of action for the team: closing one requirement's gap
// for everyone who has it, by the rubric's own step (a credential, or a
// skill's level steps). Experience is not a course: it only comes with time.
type Course struct {
	ID       string   `json:"id"` // the requirement
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Kind     string   `json:"kind"`
	Need     float64  `json:"need"`
	ViaID    string   `json:"via,omitzero"` // the credential proposed for an item any of several meet
	ViaName  string   `json:"via_name,omitzero"`
	Count    int      `json:"count"`
	People   []string `json:"people"`
	// Weeks is the longest effort among the people (all of them done);
	// WeeksMin the shortest.
	Weeks    int `json:"weeks"`
	WeeksMin int `json:"weeks_min"`
	// ReadinessAdded is how much the team's mean readiness rises once all of
	// them have it: the sum of their impacts over the members.
	ReadinessAdded float64 `json:"readiness_added"`
	// PerWeek is the readiness added ÷ Weeks, to three decimals; courses are
	// ordered by its exact value.
	PerWeek   float64 `json:"per_week"`
	perWeek   float64
	Blocking  int  `json:"blocking"`
	Preferred bool `json:"preferred,omitzero"`
	// LevelName is the name of the level a skill's course reaches, in the
	// rubric's scale.
	LevelName string `json:"-"`
}

// Member says who a profile is and where it was read.
type Member struct {
	Name, File string
	Line       int // for a record of a JSON Lines input; else 0
	Evidence   map[string]string
}

// Label is how reports name the member: the name, else the file (and line).
func (m Member) Label() string {
	if m.Name != "" {
		return m.Name
	}
	if m.Line > 0 {
		return m.File + ":" + strconv.Itoa(m.Line)
	}
	return m.File
}

// TeamAggregator sums Briefs in constant memory: readiness has one decimal,
// so a histogram of 1001 bins holds the exact distribution. Names are kept
// for the first PeopleLimit members only; past that they are dropped.
type TeamAggregator struct {
	r       *rubric.Rubric
	target  int
	limit   int
	members int
	sum     float64
	hist    [1001]int
	verdict map[string]int
	bench   [][2]int
	gap     []gapSum
	reqs    []Requirement
	cols    []int // rubric item of each requirement

	// Kept while members ≤ limit.
	listed bool
	people []Person
}

type gapSum struct {
	n, blocking        int
	gap, impact        float64
	weeksMin, weeksMax int
	via                int
	names              []string
}

// NewTeam starts a summary of members scored against stage target, naming
// them while there are at most DefaultPeopleLimit.
func NewTeam(r *rubric.Rubric, target int) *TeamAggregator {
	return NewTeamLimit(r, target, DefaultPeopleLimit)
}

// NewTeamLimit is NewTeam naming at most limit members (0: none).
func NewTeamLimit(r *rubric.Rubric, target, limit int) *TeamAggregator {
	t := &TeamAggregator{r: r, target: target, limit: max(limit, 0), verdict: map[string]int{Ready: 0, Almost: 0, NotReady: 0},
		bench: make([][2]int, len(r.Stages)), gap: make([]gapSum, len(r.Items)), listed: true}
	for i := range t.gap {
		t.gap[i].via = -1
	}
	for i := range r.Items {
		it := &r.Items[i]
		if target < len(it.Need) && it.Need[target] > 0 {
			need := it.Need[target]
			t.cols = append(t.cols, i)
			t.reqs = append(t.reqs, Requirement{ID: it.ID, Name: it.Name, Category: it.Category, Kind: it.Kind, Need: need,
				Preferred: it.Requirement() == rubric.RequirePreferred})
		}
	}
	return t
}

// Add counts one member.
func (t *TeamAggregator) Add(m Member, b Brief) {
	t.members++
	t.sum += b.Readiness
	t.hist[min(max(int(mathx.Round(b.Readiness*10)), 0), len(t.hist)-1)]++
	t.verdict[b.Verdict]++
	for i, v := range b.Ladder {
		switch v {
		case Ready:
			t.bench[i][0]++
		case Almost:
			t.bench[i][1]++
		}
	}
	if t.listed && t.members > t.limit {
		t.unlist()
	}
	var label string
	if t.listed {
		label = m.Label()
	}
	for _, g := range b.Gaps {
		s := &t.gap[g.Item]
		if s.n == 0 || g.Weeks < s.weeksMin {
			s.weeksMin = g.Weeks
		}
		s.n++
		s.gap += g.Need - g.Have
		s.impact += g.Impact
		s.weeksMax = max(s.weeksMax, g.Weeks)
		if s.via < 0 {
			s.via = g.Via
		}
		if g.Blocking {
			s.blocking++
		}
		if t.listed {
			s.names = append(s.names, label)
		}
	}
	if !t.listed {
		return
	}
	p := t.Person(m, b)
	t.people = append(t.people, p)
}

// Listed reports whether the summary still names its members: false once
// more than its people limit have been added. From then on a member's Brief
// needs no time to ready (Scorer.BriefVerdicts will do).
func (t *TeamAggregator) Listed() bool { return t.listed }

// Columns are the target's requirements: the columns of the matrix, and the
// order of a Person's Have.
func (t *TeamAggregator) Columns() []Requirement { return t.reqs }

// Person is one member's row of the team: who, the verdict, the rung ready
// for now and the level of each of Columns.
func (t *TeamAggregator) Person(m Member, b Brief) Person {
	blocking := 0
	for _, g := range b.Gaps {
		if g.Blocking {
			blocking++
		}
	}
	p := Person{Name: m.Name, File: m.File, Line: m.Line, Label: m.Label(), Readiness: b.Readiness, Verdict: b.Verdict,
		TimeToReadyWeeks: b.Weeks[b.Target], Gaps: len(b.Gaps), Blocking: blocking, Evidence: m.Evidence,
		Have: make([]Level, len(t.cols)), ladder: b.Ladder, weeks: b.Weeks}
	for j := len(b.Ladder) - 1; j >= 0; j-- {
		if b.Ladder[j] == Ready {
			st := &t.r.Stages[j]
			p.ReadyFor, p.ReadyForName = &st.ID, st.Name
			break
		}
	}
	for k := range p.Have {
		p.Have[k] = Level(math.NaN())
	}
	for _, c := range b.Cells {
		if k, ok := slices.BinarySearch(t.cols, c.Item); ok && !c.Unanswered {
			p.Have[k] = Level(c.Have)
		}
	}
	return p
}

// unlist drops every list of names: the team is past the limit.
func (t *TeamAggregator) unlist() {
	t.listed = false
	t.people = nil
	for i := range t.gap {
		t.gap[i].names = nil
	}
}

// Summary returns the team summary; failed is the count of unreadable profiles.
func (t *TeamAggregator) Summary(failed int) *Team {
	st := t.r.Stages[t.target]
	out := &Team{Version: 1, Rubric: t.r.ID, MaxLevel: t.r.MaxLevel(), Target: st.ID, TargetName: st.Name, Members: t.members, Failed: failed,
		Verdicts: t.verdict, Bench: []BenchRung{}, Gaps: []TeamGap{}, Training: []Course{},
		PeopleListed: t.listed, PeopleLimit: t.limit, Requirements: t.reqs}
	if out.Requirements == nil {
		out.Requirements = []Requirement{}
	}
	if !t.r.LevelsDefaulted() {
		out.Levels = t.r.LevelNames()
	}
	if t.listed {
		out.People = t.people
		if out.People == nil {
			out.People = []Person{}
		}
	}
	if t.members > 0 {
		out.Readiness = Distribution{
			Mean: round1(t.sum / float64(t.members)), Min: t.quantile(0), Q1: t.quantile(0.25),
			Median: t.quantile(0.5), Q3: t.quantile(0.75), Max: t.quantile(1),
		}
	}
	for i, s := range t.r.Stages {
		out.Bench = append(out.Bench, t.benchRung(i, s))
	}
	for i := range t.gap {
		g := &t.gap[i]
		if g.n == 0 {
			continue
		}
		it := &t.r.Items[i]
		out.Gaps = append(out.Gaps, TeamGap{ID: it.ID, Name: it.Name, Category: it.Category, Count: g.n, People: g.names,
			MeanGap: round2(g.gap / float64(g.n)), TotalImpact: round1(g.impact), Blocking: g.blocking})
		if it.Kind != rubric.KindYears {
			out.Training = append(out.Training, t.course(i))
		}
	}
	slices.SortStableFunc(out.Gaps, func(a, b TeamGap) int {
		return cmp.Or(cmp.Compare(b.TotalImpact, a.TotalImpact), cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(out.Training, func(a, b Course) int {
		return cmp.Or(cmp.Compare(b.perWeek, a.perWeek), cmp.Compare(b.ReadinessAdded, a.ReadinessAdded), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func (t *TeamAggregator) benchRung(i int, s rubric.Stage) BenchRung {
	b := BenchRung{Target: s.ID, Name: s.Name, Ready: t.bench[i][0], Almost: t.bench[i][1]}
	if !t.listed {
		return b
	}
	b.ReadyPeople, b.AlmostPeople = []string{}, []BenchPerson{}
	for _, p := range t.people {
		switch p.ladder[i] {
		case Ready:
			b.ReadyPeople = append(b.ReadyPeople, p.Label)
		case Almost:
			b.AlmostPeople = append(b.AlmostPeople, BenchPerson{Name: p.Label, TimeToReadyWeeks: p.weeks[i]})
		}
	}
	// Soonest first; beyond the plan (-1) last.
	soon := func(w int) int {
		if w < 0 {
			return math.MaxInt
		}
		return w
	}
	slices.SortStableFunc(b.AlmostPeople, func(a, b BenchPerson) int { return cmp.Compare(soon(a.TimeToReadyWeeks), soon(b.TimeToReadyWeeks)) })
	return b
}

func (t *TeamAggregator) course(i int) Course {
	g, it := &t.gap[i], &t.r.Items[i]
	c := Course{ID: it.ID, Name: it.Name, Category: it.Category, Kind: it.Kind, Need: it.Need[t.target], Count: g.n, People: g.names,
		Weeks: g.weeksMax, WeeksMin: g.weeksMin, ReadinessAdded: round1(g.impact / float64(t.members)), Blocking: g.blocking,
		Preferred: it.Requirement() == rubric.RequirePreferred}
	if g.via >= 0 {
		c.ViaID, c.ViaName = t.r.Items[g.via].ID, t.r.Items[g.via].Name
	}
	if it.Kind == rubric.KindSkill {
		c.LevelName = t.r.LevelName(int(c.Need))
	}
	if c.Weeks > 0 {
		c.perWeek = g.impact / float64(t.members) / float64(c.Weeks)
		c.PerWeek = math.Round(c.perWeek*1000) / 1000
	}
	return c
}

// kth returns the k-th smallest readiness (0-based).
func (t *TeamAggregator) kth(k int) float64 {
	seen := 0
	for bin, n := range t.hist {
		seen += n
		if seen > k {
			return float64(bin) / 10
		}
	}
	return 100
}

// quantile interpolates linearly between order statistics: h = (n-1)p.
func (t *TeamAggregator) quantile(p float64) float64 {
	h := float64(t.members-1) * p
	lo := int(math.Floor(h))
	x := t.kth(lo)
	if frac := h - float64(lo); frac > 0 {
		x += frac * (t.kth(lo+1) - x)
	}
	return round1(x)
}
