package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/skillgap/skillgap/assess"
)

// Markdown writes the report with headings and GitHub-style tables.
func Markdown(w io.Writer, rep *Report) error {
	b := &strings.Builder{}
	name := rep.Name
	if name == "" {
		name = "Readiness report"
	}
	fmt.Fprintf(b, "# %s: readiness for %s\n\n", mdText(name), mdText(rep.TargetName))
	fmt.Fprintf(b, "Generated on %s", rep.GeneratedOn)
	if rep.ProfileDate != "" {
		fmt.Fprintf(b, " from answers of %s", rep.ProfileDate)
	}
	fmt.Fprintf(b, ", rubric %s (%s).\n\n", mdText(rep.RubricName), rep.Rubric)
	fmt.Fprintf(b, "**Readiness %.1f/100 — %s.**", rep.Readiness, VerdictText(rep.Verdict))
	if rep.Verdict != assess.Ready {
		fmt.Fprintf(b, " Time to ready following the plan: %s.", Weeks(rep.TimeToReadyWeeks))
	}
	b.WriteString("\n\n")

	fmt.Fprintf(b, "## The target: %s\n\n", mdText(rep.Stage.Name))
	fmt.Fprintf(b, "- Usual total experience: %s\n", rep.Stage.Years)
	if rep.Stage.SalaryMedianUSD > 0 {
		fmt.Fprintf(b, "- US salary: median $%s, average $%s a year\n", thousands(rep.Stage.SalaryMedianUSD), thousands(rep.Stage.SalaryAverageUSD))
	}
	if rep.Stage.Summary != "" {
		fmt.Fprintf(b, "- The role: %s\n", mdText(rep.Stage.Summary))
	}
	if rep.Stage.Focus != "" {
		fmt.Fprintf(b, "- Focus at this rung: %s\n", mdText(rep.Stage.Focus))
	}
	b.WriteString("\n## The ladder\n\n")
	if rep.ReadyFor != "" {
		fmt.Fprintf(b, "Ready now for: **%s**.", rungName(rep, rep.ReadyFor))
	} else {
		b.WriteString("Not yet ready for any rung.")
	}
	if rep.NextRung != nil {
		fmt.Fprintf(b, " Next rung: %s (%s), readiness %.1f.", mdText(rep.NextRung.Name), rep.NextRung.Years, rep.NextRung.Readiness)
		if len(rep.NextRung.TopGaps) > 0 {
			var ids []string
			for _, g := range rep.NextRung.TopGaps {
				ids = append(ids, mdText(g.Name))
			}
			fmt.Fprintf(b, " It needs most: %s.", strings.Join(ids, "; "))
		}
	}
	b.WriteString("\n\n| Rung | Readiness | Verdict |\n| --- | ---: | --- |\n")
	for _, r := range rep.Ladder {
		fmt.Fprintf(b, "| %s | %.1f | %s |\n", mdCell(r.Name), r.Readiness, r.Verdict)
	}

	b.WriteString("\n## Categories\n\n| Category | Score | Weight |\n| --- | ---: | ---: |\n")
	for _, c := range rep.Categories {
		fmt.Fprintf(b, "| %s | %.1f | %.0f%% |\n", mdCell(c.Name), c.Score, c.Weight*100)
	}

	if rep.Progress != nil {
		pr := rep.Progress
		b.WriteString("\n## Progress\n\n")
		since := ""
		if pr.Since != "" {
			since = " since " + pr.Since
		}
		fmt.Fprintf(b, "Readiness %+.1f%s (%.1f → %.1f, %s → %s).\n\n", pr.ReadinessDelta, since, pr.OldReadiness, rep.Readiness, pr.OldVerdict, rep.Verdict)
		fmt.Fprintf(b, "- Gaps closed: %s\n- New gaps: %s\n", namesOrNone(pr.ClosedGapNames), namesOrNone(pr.NewGapNames))
		if len(pr.Changes) > 0 {
			b.WriteString("\n| Answer | Before | Now |\n| --- | --- | --- |\n")
			for _, c := range pr.Changes {
				fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(c.Name), mdCell(c.Before), mdCell(c.After))
			}
		}
	}

	if len(rep.Met) > 0 {
		b.WriteString("\n## Strengths\n\n")
		for _, s := range rep.Met {
			fmt.Fprintf(b, "- %s (%s): have %s, need %s%s\n", mdText(s.Name), s.ID, Num(s.Have), Num(s.Need), mdEvidence(rep.Evidence[s.ID], " — "))
		}
	}

	fmt.Fprintf(b, "\n## Gaps (%d), most important first\n\n", len(rep.Gaps))
	if len(rep.Gaps) == 0 {
		b.WriteString("None: every requirement of this rung is met.\n")
	} else {
		b.WriteString("| Requirement | Have | Need | Impact | Status | Why it is asked |\n| --- | ---: | ---: | ---: | --- | --- |\n")
		for _, g := range rep.Gaps {
			status := ""
			switch {
			case g.Blocking:
				status = "**blocking**"
			case g.Hard:
				status = "must reach " + Num(g.HardNeed)
			case g.Preferred:
				status = "preferred"
			}
			fmt.Fprintf(b, "| %s (`%s`)%s | %s | %s | %.1f | %s | %s |\n", mdCell(g.Name), g.ID, mdEvidence(rep.Evidence[g.ID], "<br>"), Num(g.Have), Num(g.Need), g.Impact, status, mdCell(g.Section))
		}
	}
	if len(rep.GapLevels) > 0 {
		b.WriteString("\nWhat someone does at each level up to the need, as the rubric describes them:\n\n")
		for _, g := range rep.Gaps {
			for i, l := range rep.GapLevels[g.ID] {
				if i == 0 {
					fmt.Fprintf(b, "- %s\n", mdText(g.Name))
				}
				fmt.Fprintf(b, "  - %s: %s\n", mdText(l.Label), mdText(strings.Join(l.Indicators, "; ")))
			}
		}
	}
	if len(rep.Omitted) > 0 {
		fmt.Fprintf(b, "\n%s Answer them with `skillgap assess -o FILE`.\n", mdText(OmittedText(rep.Result)))
	}
	if len(rep.NotApplicable) > 0 {
		fmt.Fprintf(b, "\n%s\n", mdText(NotApplicableText(rep.Result)))
	}
	if len(rep.Unanswered) > 0 {
		fmt.Fprintf(b, "\nNot counted yet: %s added to the rubric after these answers were given (`%s`). Answer them with `skillgap assess -o FILE`.\n", countOf(len(rep.Unanswered), "requirement"), strings.Join(rep.Unanswered, "`, `"))
	}

	toReady, beyond := SplitPlan(rep.NextSteps)
	if len(toReady) > 0 {
		fmt.Fprintf(b, "\n## Plan to ready, by week %d (%s)\n\n", rep.TimeToReadyWeeks, Weeks(rep.TimeToReadyWeeks))
		b.WriteString("Experience accrues alongside; skills grow side by side, a level at a time; certificates one at a time.\n\n")
		mdSteps(b, toReady, 0)
	}
	if len(beyond) > 0 {
		b.WriteString("\n## Beyond ready\n\n")
		mdSteps(b, beyond, len(toReady))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdSteps(b *strings.Builder, steps []assess.Step, n int) {
	for i, s := range steps {
		fmt.Fprintf(b, "%d. **%s** (%s; %s, +%.1f): %s", n+i+1, mdText(s.Name), StepWhat(s), StepWhen(s), s.Impact, mdText(s.Action))
		if s.Goal != "" && !s.Waits {
			fmt.Fprintf(b, " Goal: %s", mdText(s.Goal))
		}
		b.WriteString("\n")
	}
}

func rungName(rep *Report, id string) string {
	for _, r := range rep.Ladder {
		if r.Target == id {
			return mdText(r.Name)
		}
	}
	return id
}

// mdEvidence is what the person wrote to back an answer, in italics after
// sep, or nothing.
func mdEvidence(e, sep string) string {
	if e == "" {
		return ""
	}
	return sep + "*" + mdText(e) + "*"
}

func namesOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return mdText(strings.Join(names, "; "))
}

// mdText escapes what Markdown would read as markup or raw HTML in free text
// (names and evidence come from users).
func mdText(s string) string {
	s = Clean(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
	r := strings.NewReplacer(`\`, `\\`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "|", `\|`, "\n", " ", "\r", " ")
	return r.Replace(s)
}

func mdCell(s string) string { return mdText(s) }

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
