package assess_test

import (
	"math"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// The README works the share rule by hand on the software-engineer rubric:
// System design (0.12) splits over all five of its scored skills (weights
// 3+2+2+2+1), so at Junior Engineer, which asks two of them, System and API
// design carries 0.036 and Data modelling 0.024 of shares adding up to
// 0.603: 5.97 and 3.98 points of 100. At every rung the two keep the ratio
// of their own weights, 3 to 2, however many of their neighbours it asks.
func TestReadmeShareExample(t *testing.T) {
	r, err := rubric.LoadFile(softwareEngineerRubric)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profiles.LoadFile("../testdata/profiles/se-junior.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	weights := func(target string) map[string]float64 {
		res, err := assess.ScoreWith(r, p, target, assess.ScoreOptions{Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		w := map[string]float64{}
		for _, it := range res.Explain.Items {
			w[it.ID] = it.Weight
		}
		return w
	}
	junior := weights("junior-engineer")
	for id, want := range map[string]float64{"system-design": 5.97, "data-modeling": 3.98} {
		if got := junior[id]; math.Abs(got-want) > 0.005 {
			t.Errorf("junior-engineer: %s carries %.2f points, the README says %.2f", id, got, want)
		}
	}
	if _, asked := junior["distributed-systems"]; asked {
		t.Fatal("junior-engineer asks distributed-systems; the README's example says it asks two of System design's five skills")
	}
	for _, st := range r.Stages {
		w := weights(st.ID)
		if w["system-design"] == 0 || w["data-modeling"] == 0 {
			continue
		}
		if ratio := w["system-design"] / w["data-modeling"]; math.Abs(ratio-1.5) > 0.01 {
			t.Errorf("%s: System and API design weighs %.2f times Data modelling; their weights are 3 and 2", st.ID, ratio)
		}
	}
}
