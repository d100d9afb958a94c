package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// caseyReport is testdata/profiles/casey.yaml, which leaves out three skills
// and marks two n/a, as a report.
func caseyReport(t *testing.T) *Report {
	t.Helper()
	r := rubric.Default()
	p, err := profiles.LoadFile("../testdata/profiles/casey.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := assess.Score(r, p, "")
	if err != nil {
		t.Fatal(err)
	}
	return Build(Input{Rubric: r, Result: res, Skills: p.Skills, GeneratedOn: "2026-11-25"})
}

// Every output says which asked skills were left out and which were marked
// n/a, and that both count as 0; the table's lines fit 80 columns.
func TestOutputsListOmittedAndNotApplicableSkills(t *testing.T) {
	rep := caseyReport(t)
	res := rep.Result

	var table bytes.Buffer
	if err := Table(&table, res, Style{Prog: "skillgap"}); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(table.String()), " ")
	for _, want := range []string{
		"Not answered: 3 of the 24 skills IT Manager asks (Scripting and automation; Enterprise architecture; Innovation and emerging technology); left out, they count as 0. Answer them with: skillgap assess -o ../testdata/profiles/casey.yaml",
		"Marked n/a, not applicable to your current job: 2 skills (Virtualisation; Help desk and user support); IT Manager asks for them, so they count as 0.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	if strings.Contains(flat, "Not counted yet") {
		t.Errorf("a current profile has items not counted:\n%s", table.String())
	}
	for _, line := range strings.Split(table.String(), "\n") {
		if w := displaywidth.String(line); w > 80 {
			t.Errorf("%d columns: %s", w, line)
		}
	}

	var out struct {
		Unanswered    []string `json:"unanswered"`
		Omitted       []string `json:"omitted"`
		NotApplicable []string `json:"not_applicable"`
	}
	if err := json.Unmarshal(AppendJSON(nil, res), &out); err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Omitted, ",") != "scripting,enterprise-architecture,innovation" ||
		strings.Join(out.NotApplicable, ",") != "virtualization,service-desk" || out.Unanswered != nil {
		t.Errorf("JSON: %+v", out)
	}

	var md, html bytes.Buffer
	if err := Markdown(&md, rep); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&html, rep, 80); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{"markdown": md.String(), "html": html.String()} {
		for _, want := range []string{"Not answered: 3 of the 24 skills IT Manager asks", "Marked n/a, not applicable to your current job: 2 skills"} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
}

// For a record of a JSON Lines file, the table does not suggest answering
// into that file, which holds many profiles and which assess cannot write:
// it names a new file.
func TestAnswerHintForARecord(t *testing.T) {
	res := *caseyReport(t).Result
	res.File, res.Line = "staff.jsonl", 3
	var table bytes.Buffer
	if err := Table(&table, &res, Style{Prog: "skillgap"}); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(table.String()), " ")
	if !strings.Contains(flat, "Answer them with: skillgap assess -o PROFILE.yaml") || strings.Contains(flat, "-o staff.jsonl") {
		t.Errorf("table:\n%s", table.String())
	}
}

// The line of what must be met for ready names what ready needs of each
// hard gap: the hard need where the rubric sets one below the rung's need,
// as the gaps table's status says ("must reach 3").
func TestMustBeMetSaysTheHardNeed(t *testing.T) {
	res := &assess.Result{Version: 1, Name: "Go zero", TargetName: "Senior", Verdict: assess.NotReady, Readiness: 70,
		Gaps: []assess.Gap{
			{ID: "go", Name: "Go", Kind: "skill", Have: 0, Need: 4, Hard: true, HardNeed: 3, NextStep: "Write more Go."},
			{ID: "years", Name: "Years", Kind: "years", Have: 5, Need: 6, Hard: true, HardNeed: 6, NextStep: "Keep working."},
		}}
	var table bytes.Buffer
	if err := Table(&table, res, Style{Prog: "skillgap"}); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(table.String()), " ")
	if want := "Must be met for ready: Go (0, must reach 3 of 4); Years (5 of 6)."; !strings.Contains(flat, want) {
		t.Errorf("no %q in\n%s", want, table.String())
	}
}

// A plan step's "[weeks ..., +impact]" stays whole where the line has room
// for it, and is wrapped itself, within the width, where it does not.
func TestKeepTail(t *testing.T) {
	tail := "[weeks 0-208, accrues with time from now, +7.7]"
	for _, width := range []int{80, 50, 30} {
		got := keepTail(Hang(" 1. ", "Years leading people or projects: 0.5 → 1 years", "    ", width), tail, "    ", width)
		for _, line := range strings.Split(got, "\n") {
			if w := displaywidth.String(line); w > width {
				t.Errorf("width %d: a line of %d columns: %q", width, w, line)
			}
		}
		if width >= len(tail)+4 && !strings.Contains(got, tail) {
			t.Errorf("width %d: the tail is cut:\n%s", width, got)
		}
	}
}
