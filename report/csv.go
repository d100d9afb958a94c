package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// CSV writes a header and one row per requirement of the target: met ones
// with gap 0, then the gaps, in rubric order. Every row also says whose
// answers they are, when given, and the overall readiness and verdict (tidy
// rows: many people's reports concatenate into one table for a pivot).
func CSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "name", "category", "have", "need", "gap", "impact", "blocking", "next_step",
		"evidence", "person", "profile_date", "rubric", "target", "readiness", "verdict"}); err != nil {
		return err
	}
	for _, q := range rep.Requirements {
		gap := max(q.Need-q.Have, 0)
		row := []string{q.ID, safeCell(q.Name), q.Category, Num(q.Have), Num(q.Need), Num(round2(gap)), fmt.Sprintf("%.1f", q.Impact), fmt.Sprint(q.Blocking), safeCell(q.NextStep),
			safeCell(rep.Evidence[q.ID]), safeCell(rep.Name), rep.ProfileDate, rep.Rubric, rep.Target, fmt.Sprintf("%.1f", rep.Readiness), rep.Verdict}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell keeps a spreadsheet from reading text as a formula (CSV injection).
func safeCell(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func round2(x float64) float64 {
	return float64(int64(x*100+0.5)) / 100
}
