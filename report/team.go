package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/assess"
)

// TeamJSON writes the team summary as one indented JSON object.
func TeamJSON(w io.Writer, t *assess.Team) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(t)
}

// TeamTable writes the team summary for a terminal.
func TeamTable(w io.Writer, t *assess.Team, st Style, top int) error {
	fmt.Fprintf(w, "%s · target %s (%s) · %d members", st.paint("1", "Team readiness"), t.TargetName, t.Target, t.Members)
	if t.Failed > 0 {
		fmt.Fprintf(w, " (%d profiles could not be read)", t.Failed)
	}
	fmt.Fprintln(w)
	if t.Members == 0 {
		fmt.Fprintln(w, "No profile could be scored.")
		return nil
	}
	v := t.Verdicts
	fmt.Fprintf(w, "Verdicts: %s %d · %s %d · %s %d\n", st.paint("32", "ready"), v[assess.Ready], st.paint("33", "almost"), v[assess.Almost], st.paint("31", "not ready"), v[assess.NotReady])
	r := t.Readiness
	fmt.Fprintf(w, "Readiness: mean %.1f · min %.1f · Q1 %.1f · median %.1f · Q3 %.1f · max %.1f\n", r.Mean, r.Min, r.Q1, r.Median, r.Q3, r.Max)
	var bench []string
	for _, b := range t.Bench {
		bench = append(bench, fmt.Sprintf("%s %d", b.Target, b.Ready))
	}
	fmt.Fprintf(w, "Bench (ready per rung): %s\n", strings.Join(bench, " · "))
	if len(t.Gaps) == 0 {
		fmt.Fprintln(w, "\nNo shared gaps: everyone meets every requirement.")
		return nil
	}
	gaps := t.Gaps
	if top > 0 && len(gaps) > top {
		gaps = gaps[:top]
	}
	fmt.Fprintf(w, "\nShared training needs, most total impact first (%d of %d):\n", len(gaps), len(t.Gaps))
	tab := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight}}))
	tab.Header("Requirement", "Category", "People", "Mean gap", "Total impact", "Blocking")
	for _, g := range gaps {
		if err := tab.Append(g.ID, g.Category, fmt.Sprintf("%d (%.0f%%)", g.People, 100*float64(g.People)/float64(t.Members)), Num(g.MeanGap), fmt.Sprintf("%.1f", g.TotalImpact), fmt.Sprint(g.Blocking)); err != nil {
			return err
		}
	}
	return tab.Render()
}

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
