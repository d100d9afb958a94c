package assess

import (
	"math"
	"sort"

	"github.com/skillgap/skillgap/rubric"
)

// Team is the summary of many profiles scored against one target.
type Team struct {
	Version    int            `json:"version"`
	Rubric     string         `json:"rubric"`
	Target     string         `json:"target"`
	TargetName string         `json:"target_name"`
	Members    int            `json:"members"` // profiles scored
	Failed     int            `json:"failed"`  // profiles that could not be read
	Verdicts   map[string]int `json:"verdicts"`
	Readiness  Distribution   `json:"readiness"`
	Bench      []BenchRung    `json:"bench"`
	Gaps       []TeamGap      `json:"gaps"`
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

// BenchRung is how many members are ready (and almost) for a rung.
type BenchRung struct {
	Target string `json:"target"`
	Name   string `json:"name"`
	Ready  int    `json:"ready"`
	Almost int    `json:"almost"`
}

// TeamGap is a training need shared by the team.
type TeamGap struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	People   int    `json:"people"` // members with the gap
	// MeanGap is the mean of need minus have over those people, in the
	// requirement's unit (levels, years, or 1 for held items).
	MeanGap     float64 `json:"mean_gap"`
	TotalImpact float64 `json:"total_impact"` // sum of the members' impacts
	Blocking    int     `json:"blocking"`     // members for whom it blocks
}

// TeamAggregator sums Briefs in constant memory: readiness has one decimal,
// so a histogram of 1001 bins holds the exact distribution.
type TeamAggregator struct {
	r       *rubric.Rubric
	target  int
	members int
	sum     float64
	hist    [1001]int
	verdict map[string]int
	bench   [][2]int
	gapN    []int
	gapSum  []float64
	gapImp  []float64
	gapBlk  []int
}

// NewTeam starts a summary of members scored against stage target.
func NewTeam(r *rubric.Rubric, target int) *TeamAggregator {
	n := len(r.Items)
	return &TeamAggregator{r: r, target: target, verdict: map[string]int{Ready: 0, Almost: 0, NotReady: 0},
		bench: make([][2]int, len(r.Stages)), gapN: make([]int, n), gapSum: make([]float64, n), gapImp: make([]float64, n), gapBlk: make([]int, n)}
}

// Add counts one member.
func (t *TeamAggregator) Add(b Brief) {
	t.members++
	t.sum += b.Readiness
	t.hist[int(math.Round(b.Readiness*10))]++
	t.verdict[b.Verdict]++
	for i, v := range b.Ladder {
		switch v {
		case Ready:
			t.bench[i][0]++
		case Almost:
			t.bench[i][1]++
		}
	}
	for _, g := range b.Gaps {
		t.gapN[g.Item]++
		t.gapSum[g.Item] += g.Need - g.Have
		t.gapImp[g.Item] += g.Impact
		if g.Blocking {
			t.gapBlk[g.Item]++
		}
	}
}

// Summary returns the team summary; failed is the count of unreadable profiles.
func (t *TeamAggregator) Summary(failed int) *Team {
	st := t.r.Stages[t.target]
	out := &Team{Version: 1, Rubric: t.r.ID, Target: st.ID, TargetName: st.Name, Members: t.members, Failed: failed,
		Verdicts: t.verdict, Bench: []BenchRung{}, Gaps: []TeamGap{}}
	if t.members > 0 {
		out.Readiness = Distribution{
			Mean: round1(t.sum / float64(t.members)), Min: t.quantile(0), Q1: t.quantile(0.25),
			Median: t.quantile(0.5), Q3: t.quantile(0.75), Max: t.quantile(1),
		}
	}
	for i, s := range t.r.Stages {
		out.Bench = append(out.Bench, BenchRung{Target: s.ID, Name: s.Name, Ready: t.bench[i][0], Almost: t.bench[i][1]})
	}
	for i, n := range t.gapN {
		if n == 0 {
			continue
		}
		it := &t.r.Items[i]
		out.Gaps = append(out.Gaps, TeamGap{ID: it.ID, Name: it.Name, Category: it.Category, People: n,
			MeanGap: round2(t.gapSum[i] / float64(n)), TotalImpact: round1(t.gapImp[i]), Blocking: t.gapBlk[i]})
	}
	sort.SliceStable(out.Gaps, func(a, b int) bool {
		ga, gb := out.Gaps[a], out.Gaps[b]
		if ga.TotalImpact != gb.TotalImpact {
			return ga.TotalImpact > gb.TotalImpact
		}
		if ga.People != gb.People {
			return ga.People > gb.People
		}
		return ga.ID < gb.ID
	})
	return out
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
