package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/rubric"
)

// Style says how terminal output may look.
type Style struct {
	Color bool // ANSI colour allowed
	Width int  // terminal width; 0 = unknown (a pipe): no wrapping
}

func (s Style) paint(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// VerdictText is the verdict in words.
func VerdictText(v string) string {
	switch v {
	case assess.Ready:
		return "ready"
	case assess.Almost:
		return "almost ready"
	default:
		return "not ready yet"
	}
}

func (s Style) verdict(v string) string {
	code := map[string]string{assess.Ready: "1;32", assess.Almost: "1;33", assess.NotReady: "1;31"}[v]
	return s.paint(code, VerdictText(v))
}

// Weeks says a number of weeks the way a person would.
func Weeks(w int) string {
	switch {
	case w < 0:
		return "more than 60 years"
	case w == 0:
		return "now"
	case w == 1:
		return "1 week"
	case w < 104:
		return fmt.Sprintf("%d weeks", w)
	default:
		return fmt.Sprintf("%d weeks (about %.1f years)", w, float64(w)/52)
	}
}

// Num formats a have/need number without needless decimals.
func Num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// Table writes one result for a person at a terminal or in a pipe: a summary
// line, the gaps, the next steps and the ladder.
func Table(w io.Writer, res *assess.Result, st Style) error {
	name := res.Name
	if name == "" {
		name = res.File
	}
	if name == "" {
		name = "(no name)"
	}
	fmt.Fprintf(w, "%s · target %s (%s): readiness %.1f/100, %s\n",
		st.paint("1", name), res.TargetName, res.Target, res.Readiness, st.verdict(res.Verdict))
	if res.Verdict == assess.Ready {
		fmt.Fprintln(w, "Ready for this target now.")
	} else {
		fmt.Fprintf(w, "Time to ready, following the plan below: %s.\n", Weeks(res.TimeToReadyWeeks))
	}

	if len(res.Gaps) > 0 {
		fmt.Fprintf(w, "\nGaps, most important first (%d):\n", len(res.Gaps))
		t := tablewriter.NewTable(w, tableOptions(st)...)
		t.Header("Gap", "Category", "Have", "Need", "Impact", "Blocking")
		for _, g := range res.Gaps {
			blocking := ""
			if g.Blocking {
				blocking = st.paint("31", "yes")
			}
			if err := t.Append(g.ID, g.Category, Num(g.Have), Num(g.Need), fmt.Sprintf("%.1f", g.Impact), blocking); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, "\nNo gaps: every requirement of this target is met.")
	}

	if len(res.NextSteps) > 0 {
		fmt.Fprintln(w, "\nNext steps, most readiness per week first:")
		for i, s := range res.NextSteps {
			effort := Weeks(s.EffortWeeks)
			if s.Waits {
				effort += ", accrues with time"
			}
			fmt.Fprintf(w, "%2d. %s [%s, +%.1f]\n", i+1, s.ID, effort, s.Impact)
			fmt.Fprintf(w, "%s\n", Indent(Wrap(s.Action, st.Width-4), "    "))
			if s.Goal != "" {
				fmt.Fprintf(w, "%s\n", Indent(Wrap("Goal: "+s.Goal, st.Width-4), "    "))
			}
		}
	}

	var rungs []string
	for _, r := range res.Ladder {
		rungs = append(rungs, fmt.Sprintf("%s %.1f %s", r.Target, r.Readiness, r.Verdict))
	}
	fmt.Fprintf(w, "\nLadder: %s\n", strings.Join(rungs, " → "))
	return nil
}

func tableOptions(st Style) []tablewriter.Option {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignLeft}}),
	}
	if st.Width > 0 {
		opts = append(opts, tablewriter.WithMaxWidth(st.Width))
	}
	return opts
}

// Wrap breaks text into lines of at most width columns (no wrapping when
// width is not positive).
func Wrap(text string, width int) string {
	if width <= 20 {
		return text
	}
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

// Indent puts prefix before every line of text.
func Indent(text, prefix string) string {
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
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

// ListedRubric is one row of the rubric list.
type ListedRubric struct {
	Rubric *rubric.Rubric
	Source string // "built in" or the file
}

// RubricList writes the known rubrics as a table.
func RubricList(w io.Writer, list []ListedRubric) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header("ID", "Name", "Stages", "Items", "Source")
	for _, l := range list {
		if err := t.Append(l.Rubric.ID, l.Rubric.Name, fmt.Sprint(len(l.Rubric.Stages)), fmt.Sprint(len(l.Rubric.Items)), l.Source); err != nil {
			return err
		}
	}
	return t.Render()
}

// RubricTable shows a rubric: its stages, then every item with its weight and
// what each stage needs, then the alternatives.
func RubricTable(w io.Writer, r *rubric.Rubric) error {
	fmt.Fprintf(w, "%s (%s)\n", r.Name, r.ID)
	if r.Description != "" {
		fmt.Fprintln(w, r.Description)
	}
	if r.Source != "" {
		fmt.Fprintf(w, "Source: %s\n", r.Source)
	}
	fmt.Fprintf(w, "Verdict: ready at %g and no blocking gap, almost at %g.\n\nStages:\n", r.Thresholds.Ready, r.Thresholds.Almost)
	st := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	st.Header("#", "Stage", "Name", "Experience", "Median salary")
	for i, s := range r.Stages {
		salary := ""
		if s.Salary != nil && s.Salary.MedianUSD > 0 {
			salary = fmt.Sprintf("$%dk", s.Salary.MedianUSD/1000)
		}
		if err := st.Append(fmt.Sprint(i+1), s.ID, s.Name, s.Years.String(), salary); err != nil {
			return err
		}
	}
	if err := st.Render(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nItems (need per stage, in ladder order):")
	header := []any{"ID", "Category", "Kind", "Weight"}
	for i := range r.Stages {
		header = append(header, fmt.Sprint(i+1))
	}
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header(header...)
	for _, it := range r.Items {
		row := []any{it.ID, it.Category, it.Kind, weight(it.Weight)}
		for i := range r.Stages {
			n := it.NeedAt(i)
			if n == 0 || it.Weight == 0 {
				row = append(row, "-")
			} else {
				row = append(row, Num(n))
			}
		}
		if err := t.Append(row...); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var alts []string
	for _, it := range r.Items {
		if len(it.Alternatives) == 0 && it.OrYears == nil {
			continue
		}
		var opts []string
		for _, a := range it.Alternatives {
			o := a.ID
			if a.Until != "" {
				o += " (up to " + a.Until + ")"
			}
			opts = append(opts, o)
		}
		if it.OrYears != nil {
			opts = append(opts, fmt.Sprintf("%g %s", it.OrYears.Years, strings.ReplaceAll(it.OrYears.Field, "_", " ")))
		}
		verb := "also met by"
		if it.Kind == rubric.KindAny {
			verb = "met by any of"
		}
		alts = append(alts, fmt.Sprintf("  %s: %s %s", it.ID, verb, strings.Join(opts, ", ")))
	}
	if len(alts) > 0 {
		fmt.Fprintf(w, "\nAlternatives:\n%s\n", strings.Join(alts, "\n"))
	}
	fmt.Fprintln(w, "\nHeld items with weight 0 count only through the alternatives that name them.")
	return nil
}

func weight(w float64) string {
	if w == 0 {
		return "-"
	}
	return Num(w)
}
