package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/assess"
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
