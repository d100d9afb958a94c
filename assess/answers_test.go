package assess_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// testdata/profiles/casey.yaml answers the current revision of the default
// rubric but leaves out scripting, enterprise-architecture and innovation,
// and marks service-desk and virtualization n/a.
func casey(t *testing.T) *profiles.Profile {
	t.Helper()
	p, err := profiles.LoadFile("../testdata/profiles/casey.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := assess.Check(p, rubric.Default()); err != nil {
		t.Fatal(err)
	}
	return p
}

// A skill left out and a skill marked n/a both count as level 0, exactly as
// a 0 written out would; the result lists each kind apart, and neither is
// "unanswered" (left out of readiness).
func TestOmittedAndNotApplicableCountAsZeroAndAreListed(t *testing.T) {
	p := casey(t)
	zeros := p.Clone()
	zeros.NotApplicable = nil
	for _, id := range []string{"scripting", "enterprise-architecture", "innovation", "service-desk", "virtualization"} {
		zeros.Skills[id] = 0
	}
	for _, target := range rubric.Default().StageIDs() {
		res, want := score(t, p, target), score(t, zeros, target)
		if res.Readiness != want.Readiness || res.Verdict != want.Verdict || res.TimeToReadyWeeks != want.TimeToReadyWeeks ||
			len(res.Gaps) != len(want.Gaps) || len(res.NextSteps) != len(want.NextSteps) || len(res.Unanswered) != 0 {
			t.Errorf("%s: %.1f %s %dw, %d gaps, %d steps, unanswered %v; written as 0: %.1f %s %dw, %d gaps, %d steps", target,
				res.Readiness, res.Verdict, res.TimeToReadyWeeks, len(res.Gaps), len(res.NextSteps), res.Unanswered,
				want.Readiness, want.Verdict, want.TimeToReadyWeeks, len(want.Gaps), len(want.NextSteps))
		}
		if len(want.Omitted)+len(want.NotApplicable) != 0 {
			t.Errorf("%s: zeros written out listed as omitted %v, n/a %v", target, want.Omitted, want.NotApplicable)
		}
	}
	res := score(t, p, "it-manager")
	// In the rubric's order, with their names.
	if want := []string{"scripting", "enterprise-architecture", "innovation"}; !slices.Equal(res.Omitted, want) {
		t.Errorf("omitted %v, want %v", res.Omitted, want)
	}
	if want := []string{"Scripting and automation", "Enterprise architecture", "Innovation and emerging technology"}; !slices.Equal(res.OmittedNames, want) {
		t.Errorf("omitted names %v", res.OmittedNames)
	}
	if want := []string{"virtualization", "service-desk"}; !slices.Equal(res.NotApplicable, want) {
		t.Errorf("n/a %v, want %v", res.NotApplicable, want)
	}
	if res.AskedSkills != 24 {
		t.Errorf("IT Manager asks %d skills, want 24", res.AskedSkills)
	}
	// A role that asks for a skill still needs it: n/a is a gap, here a
	// blocking one (two levels short of a hard need).
	for _, id := range append(slices.Clone(res.Omitted), res.NotApplicable...) {
		if g, ok := gap(res, id); !ok || g.Have != 0 {
			t.Errorf("%s: not a gap at 0: %+v", id, g)
		}
	}
	if g, _ := gap(res, "service-desk"); !g.Blocking || res.Verdict != assess.NotReady {
		t.Errorf("service-desk n/a at IT Manager: %+v, verdict %s", g, res.Verdict)
	}
	// Only what the target asks is listed: the assistant rung does not ask
	// for enterprise-architecture or innovation.
	res = score(t, p, "assistant-it-manager")
	if want := []string{"scripting"}; !slices.Equal(res.Omitted, want) {
		t.Errorf("assistant: omitted %v, want %v", res.Omitted, want)
	}
}

// In a profile older than the rubric, a later skill left out is unanswered
// (not counted), not omitted; a later skill marked n/a has been answered,
// and counts as 0.
func TestNotApplicableAnswersALaterSkill(t *testing.T) {
	p := casey(t)
	p.RubricRevision = 1
	p.NotApplicable = append(p.NotApplicable, "innovation")
	slices.Sort(p.NotApplicable)
	res := score(t, p, "it-manager")
	if want := []string{"enterprise-architecture"}; !slices.Equal(res.Unanswered, want) {
		t.Errorf("unanswered %v, want %v", res.Unanswered, want)
	}
	if want := []string{"scripting"}; !slices.Equal(res.Omitted, want) {
		t.Errorf("omitted %v, want %v", res.Omitted, want)
	}
	if !slices.Contains(res.NotApplicable, "innovation") {
		t.Errorf("n/a %v lacks innovation", res.NotApplicable)
	}
	if _, ok := gap(res, "innovation"); !ok {
		t.Error("innovation marked n/a is not counted")
	}
	if _, ok := gap(res, "enterprise-architecture"); ok {
		t.Error("enterprise-architecture, added after the profile, is counted")
	}
	// A level given for a skill marked n/a wins.
	p.Skills["innovation"] = 2
	if res := score(t, p, "it-manager"); slices.Contains(res.NotApplicable, "innovation") {
		t.Errorf("innovation at level 2 listed n/a")
	}
}

// A skill marked n/a must be a skill of the rubric, like any other.
func TestCheckKnowsNotApplicableSkills(t *testing.T) {
	p, err := profiles.Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: n/a\n  netwrking: n/a\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = assess.Check(p, rubric.Default())
	if err == nil || err.Error() != "p.yaml: line 4: skills.netwrking: unknown skill (did you mean networking?)" {
		t.Errorf("got %v", err)
	}
	if _, err := profiles.Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: maybe\n")); err == nil || !strings.Contains(err.Error(), "or n/a") {
		t.Errorf("maybe: %v", err)
	}
}

// Progress shows a skill that became n/a, or stopped being n/a, as written.
func TestProgressShowsNotApplicable(t *testing.T) {
	r := rubric.Default()
	cur := casey(t)
	old := cur.Clone()
	old.NotApplicable = []string{"service-desk"}
	old.Skills["virtualization"] = 2
	old.Skills["scripting"] = 0
	oldRes, curRes := score(t, old, "it-manager"), score(t, cur, "it-manager")
	pr := assess.Compare(r, old, cur, oldRes, curRes)
	var got []string
	for _, c := range pr.Changes {
		got = append(got, c.ID+" "+c.Old+"->"+c.New+" ("+c.Before+" -> "+c.After+")")
	}
	want := []string{"skills.virtualization 2->n/a (2 working -> n/a (not applicable))"}
	if !slices.Equal(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
}
