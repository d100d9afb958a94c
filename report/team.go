package report

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/rubric"
)

// TeamJSON writes the team summary as one indented JSON object.
func TeamJSON(w io.Writer, t *assess.Team) error { return indentedJSON(w, t) }

// ByReadiness returns the members most ready first, then by name: the order
// of every human team format (JSON and CSV keep the input order).
func ByReadiness(people []assess.Person) []assess.Person {
	out := slices.Clone(people)
	slices.SortStableFunc(out, func(a, b assess.Person) int {
		return cmp.Or(cmp.Compare(b.Readiness, a.Readiness), strings.Compare(a.Label, b.Label))
	})
	return out
}

// CourseTitle names a course of action: the credential to earn, or the level
// to reach in a skill.
func CourseTitle(c assess.Course) string {
	switch {
	case c.ViaName != "":
		// "ITIL Foundation (a service or project management certification)"
		name, _, _ := strings.Cut(c.Name, " (")
		return c.ViaName + " (" + lowerFirst(name) + ")"
	case c.Kind == rubric.KindSkill:
		return fmt.Sprintf("%s to level %s", c.Name, levelWord(c.Need, c.LevelName))
	}
	return c.Name
}

// levelWord is a level with its name, "3 (practitioner)"; the number alone
// when there is no name.
func levelWord(x float64, name string) string {
	if name != "" {
		return fmt.Sprintf("%s (%s)", Num(x), name)
	}
	return Num(x)
}

func lowerFirst(s string) string {
	if first, _, _ := strings.Cut(s, " "); len(first) > 1 && strings.ToUpper(first) == first {
		return s // an acronym: "IT governance" stays
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// CourseWeeks says how long a course takes: one figure, or the range over
// the people who need it.
func CourseWeeks(c assess.Course) string {
	switch {
	case c.WeeksMin == c.Weeks:
		return ShortWeeks(c.Weeks)
	case c.Weeks < 104:
		return fmt.Sprintf("%d-%d weeks", c.WeeksMin, c.Weeks)
	}
	return fmt.Sprintf("%.1f-%.1f years", float64(c.WeeksMin)/52, float64(c.Weeks)/52)
}

// ShortWeeks is Weeks in few columns: "now", "30 weeks", "3.5 years".
func ShortWeeks(w int) string {
	switch {
	case w < 0:
		return "60+ years"
	case w >= 104:
		return fmt.Sprintf("%.1f years", float64(w)/52)
	}
	return Weeks(w)
}

// readyFor names the rung a member is ready for now, or "-".
func readyFor(p assess.Person) string {
	if p.ReadyFor == nil {
		return "-"
	}
	return p.ReadyForName
}

// TeamTable writes the team summary for a terminal or a pipe, in its width
// (80 columns in a pipe): the counts, the members most ready first, the
// bench for each rung, the training plan and the shared needs.
func TeamTable(w io.Writer, t *assess.Team, st Style, top int) error {
	width := st.width()
	head := fmt.Sprintf("%s · target %s · %d members", st.paint("1", "Team readiness"), Clean(t.TargetName), t.Members)
	if t.Failed > 0 {
		head += fmt.Sprintf(" (%d profiles could not be read)", t.Failed)
	}
	fmt.Fprintln(w, Wrap(head, width))
	if t.Members == 0 {
		fmt.Fprintln(w, "No profile could be scored.")
		return nil
	}
	v := t.Verdicts
	fmt.Fprintf(w, "Verdicts: %s %d · %s %d · %s %d\n", st.paint("32", "ready"), v[assess.Ready], st.paint("33", "almost"), v[assess.Almost], st.paint("31", "not ready"), v[assess.NotReady])
	r := t.Readiness
	fmt.Fprintln(w, Wrap(fmt.Sprintf("Readiness: mean %.1f · min %.1f · Q1 %.1f · median %.1f · Q3 %.1f · max %.1f", r.Mean, r.Min, r.Q1, r.Median, r.Q3, r.Max), width))
	if !t.PeopleListed {
		fmt.Fprintln(w, "\n"+Wrap(unlistedNote(t), width))
	} else if err := teamMembers(w, t, st, width); err != nil {
		return err
	}
	if err := teamBench(w, t, width); err != nil {
		return err
	}
	teamTraining(w, t, width, top)
	return teamNeeds(w, t, width, top)
}

func unlistedNote(t *assess.Team) string {
	return fmt.Sprintf("%d members, more than %d: members are counted but not named (raise --people-limit to name them).", t.Members, t.PeopleLimit)
}

func teamMembers(w io.Writer, t *assess.Team, st Style, width int) error {
	fmt.Fprintln(w, "\nMembers, most ready first:")
	rows := [][]string{}
	for _, p := range ByReadiness(t.People) {
		rows = append(rows, []string{Clean(p.Label), fmt.Sprintf("%.1f", p.Readiness), st.shortVerdict(p.Verdict), Clean(readyFor(p)), ShortWeeks(p.TimeToReadyWeeks)})
	}
	return fitTable(w, width, []string{"Name", "Readiness", "Verdict", "Ready now for", "To target"}, rows,
		[]tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignRight}, []int{0, 3})
}

func teamBench(w io.Writer, t *assess.Team, width int) error {
	fmt.Fprintln(w, "\nBench: who is ready for each rung now, and who is almost ready (time to ready):")
	rows := [][]string{}
	for _, b := range t.Bench {
		ready, almost := fmt.Sprint(b.Ready), fmt.Sprint(b.Almost)
		if t.PeopleListed {
			ready, almost = namesCell(b.Ready, b.ReadyPeople), almostCell(b)
		}
		rows = append(rows, []string{Clean(b.Name), ready, almost})
	}
	return fitTable(w, width, []string{"Rung", "Ready now", "Almost"}, rows, []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft}, []int{0, 1, 2})
}

func namesCell(n int, names []string) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%d: %s", n, Clean(strings.Join(names, ", ")))
}

func almostCell(b assess.BenchRung) string {
	if b.Almost == 0 {
		return "-"
	}
	parts := make([]string, len(b.AlmostPeople))
	for i, p := range b.AlmostPeople {
		parts[i] = fmt.Sprintf("%s (%s)", Clean(p.Name), ShortWeeks(p.TimeToReadyWeeks))
	}
	return fmt.Sprintf("%d: %s", b.Almost, strings.Join(parts, ", "))
}

func teamTraining(w io.Writer, t *assess.Team, width, top int) {
	courses := t.Training
	if len(courses) == 0 {
		return
	}
	if top > 0 && len(courses) > top {
		courses = courses[:top]
	}
	fmt.Fprintln(w, "\n"+Wrap(fmt.Sprintf("Training plan, most team readiness per week first (%d of %d):", len(courses), len(t.Training)), width))
	for i, c := range courses {
		line := fmt.Sprintf("%s: %s, %s, +%.1f team readiness (%s a week)", Clean(CourseTitle(c)), people(c.Count), CourseWeeks(c), c.ReadinessAdded, Num(c.PerWeek))
		if c.Blocking > 0 {
			line += fmt.Sprintf("; blocking for %d", c.Blocking)
		}
		if c.Preferred {
			line += "; preferred"
		}
		num := fmt.Sprintf("%2d. ", i+1)
		fmt.Fprintln(w, num+strings.TrimPrefix(Indent(Wrap(line, width-4), "    "), "    "))
		if t.PeopleListed {
			fmt.Fprintln(w, Indent(Wrap(Clean(strings.Join(c.People, ", ")), width-4), "    "))
		}
	}
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

func teamNeeds(w io.Writer, t *assess.Team, width, top int) error {
	if len(t.Gaps) == 0 {
		fmt.Fprintln(w, "\nNo shared gaps: everyone meets every requirement.")
		return nil
	}
	gaps := t.Gaps
	if top > 0 && len(gaps) > top {
		gaps = gaps[:top]
	}
	fmt.Fprintln(w, "\n"+Wrap(fmt.Sprintf("Shared needs, most total impact first (%d of %d):", len(gaps), len(t.Gaps)), width))
	rows := [][]string{}
	for _, g := range gaps {
		rows = append(rows, []string{Clean(g.Name), fmt.Sprintf("%d (%.0f%%)", g.Count, 100*float64(g.Count)/float64(t.Members)), Num(g.MeanGap), fmt.Sprintf("%.1f", g.TotalImpact), fmt.Sprint(g.Blocking)})
	}
	return fitTable(w, width, []string{"Requirement", "People", "Mean gap", "Impact", "Blocking"}, rows,
		[]tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight}, []int{0})
}

// fitTable draws a table no wider than width: when the cells' natural
// widths do not fit, the columns in wrap (which hold words) are narrowed, the
// widest first, then any column, and the cells are wrapped at words (a word
// longer than its column is broken, never cut) before tablewriter draws them.
func fitTable(w io.Writer, width int, header []string, rows [][]string, align []tw.Align, wrap []int) error {
	natural := make([]int, len(header))
	for c, h := range header {
		natural[c] = visibleWidth(h)
	}
	for _, row := range rows {
		for c, cell := range row {
			natural[c] = max(natural[c], visibleWidth(cell))
		}
	}
	// Each column takes its text, a space either side and one border.
	total := 1
	for _, n := range natural {
		total += n + 3
	}
	widths := slices.Clone(natural)
	narrow := func(cols []int, floor int) {
		for total > width {
			widest := -1
			for _, c := range cols {
				if widths[c] > floor && (widest < 0 || widths[c] > widths[widest]) {
					widest = c
				}
			}
			if widest < 0 {
				return
			}
			widths[widest]--
			total--
		}
	}
	all := make([]int, len(header))
	for c := range all {
		all[c] = c
	}
	narrow(wrap, 8)
	narrow(all, 4)
	fit := func(cell string, c int) string {
		if widths[c] >= natural[c] || strings.Contains(cell, "\x1b") {
			return cell
		}
		return wrapWords(cell, widths[c])
	}
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone), tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align})}
	tab := tablewriter.NewTable(w, opts...)
	head := make([]string, len(header))
	for c, h := range header {
		head[c] = fit(h, c)
	}
	tab.Header(head)
	for _, row := range rows {
		cells := make([]string, len(row))
		for c, cell := range row {
			cells[c] = fit(cell, c)
		}
		if err := tab.Append(cells); err != nil {
			return err
		}
	}
	return tab.Render()
}

// visibleWidth counts the terminal columns text takes, leaving out colour
// codes.
func visibleWidth(s string) int {
	if strings.Contains(s, "\x1b") {
		var b strings.Builder
		esc := false
		for _, r := range s {
			switch {
			case r == 0x1b:
				esc = true
			case esc:
				esc = r != 'm'
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	return displaywidth.String(s)
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
		fmt.Fprintf(b, "| %s | %d |\n", VerdictText(v), t.Verdicts[v])
	}
	r := t.Readiness
	fmt.Fprintf(b, "\nReadiness: mean %.1f, min %.1f, Q1 %.1f, median %.1f, Q3 %.1f, max %.1f.\n", r.Mean, r.Min, r.Q1, r.Median, r.Q3, r.Max)
	if !t.PeopleListed {
		fmt.Fprintf(b, "\n%s\n", unlistedNote(t))
	} else {
		b.WriteString("\n## Members\n\nMost ready first.\n\n| Name | Readiness | Verdict | Ready now for | Time to target |\n| --- | ---: | --- | --- | ---: |\n")
		for _, p := range ByReadiness(t.People) {
			fmt.Fprintf(b, "| %s | %.1f | %s | %s | %s |\n", mdCell(p.Label), p.Readiness, VerdictText(p.Verdict), mdCell(readyFor(p)), ShortWeeks(p.TimeToReadyWeeks))
		}
	}
	b.WriteString("\n## Bench\n\nWho is ready for each rung now, and who is almost ready (time to ready).\n\n| Rung | Ready now | Almost |\n| --- | --- | --- |\n")
	for _, bn := range t.Bench {
		ready, almost := fmt.Sprint(bn.Ready), fmt.Sprint(bn.Almost)
		if t.PeopleListed {
			ready, almost = mdCell(namesCell(bn.Ready, bn.ReadyPeople)), mdCell(almostCell(bn))
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(bn.Name), ready, almost)
	}
	b.WriteString("\n## Training plan\n\nCourses of action, most team readiness per week first. Team readiness is the mean readiness of the members; experience comes only with time and is not a course.\n\n")
	if len(t.Training) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| # | Course | People | Weeks | Team readiness | A week |\n| ---: | --- | --- | ---: | ---: | ---: |\n")
		for i, c := range t.Training {
			fmt.Fprintf(b, "| %d | %s | %s | %s | +%.1f | %s |\n", i+1, mdCell(CourseTitle(c)), mdWho(t, c.Count, c.People), CourseWeeks(c), c.ReadinessAdded, Num(c.PerWeek))
		}
	}
	b.WriteString("\n## Shared needs\n\n")
	if len(t.Gaps) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| Requirement | Category | People | Mean gap | Total impact | Blocking |\n| --- | --- | --- | ---: | ---: | ---: |\n")
		for _, g := range t.Gaps {
			fmt.Fprintf(b, "| %s (`%s`) | %s | %s | %s | %.1f | %d |\n", mdCell(g.Name), g.ID, mdCell(g.Category), mdWho(t, g.Count, g.People), Num(g.MeanGap), g.TotalImpact, g.Blocking)
		}
	}
	if ev := teamEvidence(ByReadiness(t.People), t.Requirements); len(ev) > 0 {
		b.WriteString("\n## Evidence\n\n")
		for _, e := range ev {
			fmt.Fprintf(b, "- **%s**, %s: %s\n", mdText(e.Who), mdText(e.What), mdText(e.Text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type evidenceLine struct{ Who, What, Text string }

// mdWho is a Markdown cell saying how many people, and who when the team
// names its members.
func mdWho(t *assess.Team, n int, names []string) string {
	if !t.PeopleListed {
		return fmt.Sprint(n)
	}
	return mdCell(namesCell(n, names))
}

// teamEvidence lists what the members wrote as evidence, in the order of
// people, each in the order of the target's requirements.
func teamEvidence(people []assess.Person, reqs []assess.Requirement) []evidenceLine {
	var out []evidenceLine
	for _, p := range people {
		for _, q := range reqs {
			if e := p.Evidence[q.ID]; e != "" {
				out = append(out, evidenceLine{p.Label, q.Name, e})
			}
		}
	}
	return out
}

// TeamCSV writes one row per member, as they are scored: who, the verdict,
// and the member's level for each of the target's requirements (tidy rows for
// a spreadsheet's pivot table or heatmap). It needs no list of members, so
// any number of rows take flat memory.
type TeamCSV struct {
	cw             *csv.Writer
	rubric, target string
	reqs           []assess.Requirement
}

// NewTeamCSV writes the header row for reqs, the target's requirements.
func NewTeamCSV(w io.Writer, rubricID, target string, reqs []assess.Requirement) (*TeamCSV, error) {
	c := &TeamCSV{cw: csv.NewWriter(w), rubric: rubricID, target: target, reqs: reqs}
	head := []string{"name", "file", "line", "rubric", "target", "readiness", "verdict", "ready_for", "time_to_ready_weeks", "gaps", "blocking"}
	for _, q := range reqs {
		head = append(head, q.ID)
	}
	return c, c.cw.Write(head)
}

// Row writes one member.
func (c *TeamCSV) Row(p assess.Person) error {
	line, ready := "", ""
	if p.Line > 0 {
		line = fmt.Sprint(p.Line)
	}
	if p.ReadyFor != nil {
		ready = *p.ReadyFor
	}
	row := []string{safeCell(p.Name), safeCell(p.File), line, c.rubric, c.target, fmt.Sprintf("%.1f", p.Readiness), p.Verdict, ready,
		fmt.Sprint(p.TimeToReadyWeeks), fmt.Sprint(p.Gaps), fmt.Sprint(p.Blocking)}
	for k := range c.reqs {
		if k < len(p.Have) && !math.IsNaN(float64(p.Have[k])) {
			row = append(row, Num(float64(p.Have[k])))
		} else {
			row = append(row, "")
		}
	}
	return c.cw.Write(row)
}

// Flush ends the CSV.
func (c *TeamCSV) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}
