package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/skillgap/skillgap/assess"
)

// TeamJSON writes the team summary as one indented JSON object.
func TeamJSON(w io.Writer, t *assess.Team) error { return indentedJSON(w, t) }

// TeamMarkdown writes the team summary with GitHub-style tables.
func TeamMarkdown(w io.Writer, t *assess.Team) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "# Team readiness for %s\n\n", mdText(t.TargetName))
	fmt.Fprintf(b, "%d members scored against rubric `%s`", t.Members, t.Rubric)
	if t.Failed > 0 {
		fmt.Fprintf(b, "; %d profiles could not be read", t.Failed)
	}
	b.WriteString(".\n\n| Verdict | Members |\n| --- | ---: |\n")
	for _, v := range []string{assess.Ready, assess.Almost, assess.NotReady} {
		fmt.Fprintf(b, "| %s | %d |\n", v, t.Verdicts[v])
	}
	r := t.Readiness
	fmt.Fprintf(b, "\nReadiness: mean %.1f, min %.1f, Q1 %.1f, median %.1f, Q3 %.1f, max %.1f.\n", r.Mean, r.Min, r.Q1, r.Median, r.Q3, r.Max)
	b.WriteString("\n## Bench strength\n\n| Rung | Ready | Almost |\n| --- | ---: | ---: |\n")
	for _, bn := range t.Bench {
		fmt.Fprintf(b, "| %s | %d | %d |\n", mdCell(bn.Name), bn.Ready, bn.Almost)
	}
	b.WriteString("\n## Shared training needs\n\n")
	if len(t.Gaps) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| Requirement | Category | People | Mean gap | Total impact | Blocking |\n| --- | --- | ---: | ---: | ---: | ---: |\n")
		for _, g := range t.Gaps {
			fmt.Fprintf(b, "| %s (`%s`) | %s | %d | %s | %.1f | %d |\n", mdCell(g.Name), g.ID, g.Category, g.People, Num(g.MeanGap), g.TotalImpact, g.Blocking)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TeamCSV writes one row per shared gap.
func TeamCSV(w io.Writer, t *assess.Team) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "name", "category", "people", "members", "mean_gap", "total_impact", "blocking"}); err != nil {
		return err
	}
	for _, g := range t.Gaps {
		if err := cw.Write([]string{g.ID, safeCell(g.Name), g.Category, fmt.Sprint(g.People), fmt.Sprint(t.Members), Num(g.MeanGap), fmt.Sprintf("%.1f", g.TotalImpact), fmt.Sprint(g.Blocking)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
