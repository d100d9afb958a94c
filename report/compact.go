package report

import (
	"github.com/skillgap/skillgap/assess"
)

// AppendCompactJSON appends res as one line of compact JSON: ids and
// numbers, none of the rubric's texts (names, advice, goals), which a batch
// would otherwise repeat for every profile, and no strengths (the rung's
// other requirements). docs/json-output.md describes it; the lists are
// arrays whose positions are fixed:
//
//	categories  [id, score, weight]
//	gaps        [id, have, need, impact, rank]  rank 0 blocking, 1 hard, 2 required, 3 preferred
//	next_steps  [id, from, to, start_week, end_week]; the first to_ready of them get to ready
//	ladder      [readiness, verdict, time_to_ready_weeks] for each rung, lowest first
//
// It writes what encoding/json writes for the same values (a test holds it).
func AppendCompactJSON(b []byte, res *assess.Result) []byte {
	b = append(b, `{"version":`...)
	b = appendInt(b, res.Version)
	b = appendField(b, "name", res.Name)
	if res.File != "" {
		b = appendField(b, "file", res.File)
	}
	if res.Line != 0 {
		b = appendInt(append(b, `,"line":`...), res.Line)
	}
	b = appendField(b, "rubric", res.Rubric)
	b = appendField(b, "target", res.Target)
	b = appendNum(append(b, `,"readiness":`...), res.Readiness)
	b = appendField(b, "verdict", res.Verdict)
	b = appendInt(append(b, `,"time_to_ready_weeks":`...), res.TimeToReadyWeeks)
	b = append(b, `,"categories":[`...)
	for i, c := range res.Categories {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(append(b, '['), c.ID)
		b = appendNum(append(b, ','), c.Score)
		b = appendNum(append(b, ','), c.Weight)
		b = append(b, ']')
	}
	b = append(b, `],"gaps":[`...)
	for i, g := range res.Gaps {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(append(b, '['), g.ID)
		b = appendNum(append(b, ','), g.Have)
		b = appendNum(append(b, ','), g.Need)
		b = appendNum(append(b, ','), g.Impact)
		b = append(b, ',', byte('0'+g.Rank()), ']')
	}
	b = append(b, `],"next_steps":[`...)
	toReady := 0
	for i, s := range res.NextSteps {
		if i > 0 {
			b = append(b, ',')
		}
		if s.ToReady {
			toReady++
		}
		b = appendString(append(b, '['), s.ID)
		b = appendNum(append(b, ','), s.From)
		b = appendNum(append(b, ','), s.To)
		b = appendInt(append(b, ','), s.StartWeek)
		b = appendInt(append(b, ','), s.EndWeek)
		b = append(b, ']')
	}
	b = appendInt(append(b, `],"to_ready":`...), toReady)
	b = append(b, `,"ladder":[`...)
	for i, r := range res.Ladder {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNum(append(b, '['), r.Readiness)
		b = appendString(append(b, ','), r.Verdict)
		b = appendInt(append(b, ','), r.TimeToReadyWeeks)
		b = append(b, ']')
	}
	b = append(b, ']')
	b = appendIDs(b, "unanswered", res.Unanswered)
	b = appendIDs(b, "omitted", res.Omitted)
	b = appendIDs(b, "not_applicable", res.NotApplicable)
	return append(b, "}\n"...)
}
