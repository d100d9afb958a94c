package assess_test

import (
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
)

// Blocking means a gap that cannot be closed within a year, whatever the
// rubric's pace: on every rubric in testdata and the built-in one, a
// profile with a blocking gap is not ready, and neither its plan nor its
// ladder has it ready within 52 weeks. (A rubric whose skills grow 12 weeks a
// level does not call two levels short blocking.)
func TestBlockingIsMoreThanAYearOnEveryRubric(t *testing.T) {
	files, _ := filepath.Glob("../testdata/rubrics/*.yaml")
	rubrics := []*rubric.Rubric{rubric.Default()}
	for _, f := range files {
		r, err := rubric.LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rubrics = append(rubrics, r)
	}
	if len(rubrics) < 6 {
		t.Fatalf("only %d rubrics", len(rubrics))
	}
	rng := rand.New(rand.NewPCG(13, 52))
	for _, r := range rubrics {
		seen := 0
		for range 400 {
			p := testkit.RandomProfile(rng, r)
			for _, st := range r.Stages {
				res, err := assess.Score(r, p, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range res.Gaps {
					if !g.Blocking {
						continue
					}
					seen++
					if res.Verdict != assess.NotReady || (res.TimeToReadyWeeks >= 0 && res.TimeToReadyWeeks <= assess.AlmostWeeks) {
						t.Fatalf("%s, %s: %s blocks (have %g, need %g) but the verdict is %s and the time to ready %d weeks",
							r.ID, st.ID, g.ID, g.Have, g.Need, res.Verdict, res.TimeToReadyWeeks)
					}
				}
			}
		}
		if seen == 0 {
			t.Errorf("%s: no blocking gap in 400 random profiles; the test no longer tests", r.ID)
		}
	}
}
