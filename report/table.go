package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/text"
	"github.com/skillgap/skillgap/rubric"
)

// Style says how terminal output may look.
type Style struct {
	Color bool // ANSI colour allowed
	Width int  // terminal width; 0 = unknown (a pipe): 80
	// Prog is the program name in the commands the output suggests, as the
	// user typed it ("./bin/skillgap"); "" means skillgap.
	Prog string
}

// width is the width output must fit.
func (s Style) width() int {
	if s.Width > 0 {
		return s.Width
	}
	return 80
}

func (s Style) prog() string {
	if s.Prog == "" {
		return "skillgap"
	}
	return s.Prog
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

var verdictColour = map[string]string{assess.Ready: "1;32", assess.Almost: "1;33", assess.NotReady: "1;31"}

// shortVerdict is the verdict in few columns: ready, almost, not ready.
func (s Style) shortVerdict(v string) string {
	return s.paint(verdictColour[v], map[string]string{assess.Ready: "ready", assess.Almost: "almost", assess.NotReady: "not ready"}[v])
}

func (s Style) verdict(v string) string { return s.paint(verdictColour[v], VerdictText(v)) }

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

// Table writes one result for a person at a terminal or in a pipe: the
// verdict and why, the gaps, the plan to ready and beyond, and the ladder.
func Table(w io.Writer, res *assess.Result, st Style) error {
	width := st.width()
	if width <= 0 {
		width = 80
	}
	name := res.Name
	if name == "" {
		name = res.File
	}
	if name == "" {
		name = "(no name)"
	}
	fmt.Fprintf(w, "%s\n", Wrap(fmt.Sprintf("%s · %s: readiness %.1f/100, %s",
		st.paint("1", Clean(name)), Clean(res.TargetName), res.Readiness, st.verdict(res.Verdict)), width))
	var blocking, hard []string
	for _, g := range res.Gaps {
		what := fmt.Sprintf("%s (%s of %s)", Clean(g.Name), Num(g.Have), Num(g.Need))
		switch {
		case g.Blocking:
			// Blocking is judged against the rung's need.
			blocking = append(blocking, what)
		case g.Hard:
			// What ready needs of it: the hard need, where the rubric
			// sets one below the rung's (the gaps table shows both).
			if g.HardNeed != 0 && g.HardNeed != g.Need {
				what = fmt.Sprintf("%s (%s, must reach %s of %s)", Clean(g.Name), Num(g.Have), Num(g.HardNeed), Num(g.Need))
			}
			hard = append(hard, what)
		}
	}
	if len(blocking) > 0 {
		fmt.Fprintln(w, Wrap("Blocking, more than a year away: "+strings.Join(blocking, "; ")+".", width))
	}
	if len(hard) > 0 {
		fmt.Fprintln(w, Wrap("Must be met for ready: "+strings.Join(hard, "; ")+".", width))
	}
	if res.Verdict == assess.Ready {
		fmt.Fprintln(w, "Ready for this target now.")
	} else {
		fmt.Fprintf(w, "Time to ready, following the plan below: %s.\n", Weeks(res.TimeToReadyWeeks))
	}
	if len(res.Omitted) > 0 {
		fmt.Fprintln(w, Wrap(OmittedText(res)+fmt.Sprintf(" Answer them with: %s assess -o %s", Clean(st.prog()), profileArg(res)), width))
	}
	if len(res.NotApplicable) > 0 {
		fmt.Fprintln(w, Wrap(NotApplicableText(res), width))
	}
	if len(res.Unanswered) > 0 {
		fmt.Fprintln(w, Wrap(fmt.Sprintf("Not counted yet: %s added to the rubric after this profile was written (%s). Answer them with: %s assess -o %s",
			countOf(len(res.Unanswered), "requirement"), Clean(strings.Join(res.UnansweredNames, "; ")), Clean(st.prog()), profileArg(res)), width))
	}

	if len(res.Gaps) > 0 {
		fmt.Fprintf(w, "\nGaps, most important first (%d):\n", len(res.Gaps))
		longest := 0
		for _, g := range res.Gaps {
			longest = max(longest, utf8.RuneCountInString(Clean(g.Name)))
		}
		opts := tableOptions(Style{Color: st.Color, Width: width})
		// The other columns take about 45 columns; the names wrap in the rest.
		if nameW := min(max(longest, 11)+2, width-45); nameW >= 12 {
			opts = append(opts, tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(0, nameW)))
		}
		t := tablewriter.NewTable(w, opts...)
		t.Header("Requirement", "Have", "Need", "Impact", "Status")
		for _, g := range res.Gaps {
			status := ""
			switch {
			case g.Blocking:
				status = st.paint("31", "blocking")
			case g.Hard:
				status = "must reach " + Num(g.HardNeed)
			case g.Preferred:
				status = "preferred"
			}
			if err := t.Append(Clean(g.Name), Num(g.Have), Num(g.Need), fmt.Sprintf("%.1f", g.Impact), status); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, "\nNo gaps: every requirement of this target is met.")
	}

	toReady, beyond := SplitPlan(res.NextSteps)
	n := 0
	if len(toReady) > 0 {
		fmt.Fprintf(w, "\nPlan to ready, by week %d:\n", res.TimeToReadyWeeks)
		n = planSteps(w, toReady, n, width)
	}
	if len(beyond) > 0 {
		head := "\nBeyond ready: steps that raise readiness further:\n"
		if res.Verdict != assess.Ready && len(toReady) == 0 {
			head = "\nPlan:\n"
		}
		fmt.Fprint(w, head)
		planSteps(w, beyond, n, width)
	}

	if res.Explain != nil {
		if err := Explain(w, res.Explain, Style{Color: st.Color, Width: width}); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\nLadder:")
	// A rung's line is its name, then 23 columns of readiness and verdict,
	// then when it is reached: a long name is shortened, with "…", to what
	// the longest "when" leaves of the width.
	whens := make([]string, len(res.Ladder))
	nameW, whenW := 0, 0
	for i, r := range res.Ladder {
		switch {
		case r.Verdict == assess.Ready:
		case r.TimeToReadyWeeks < 0:
			whens[i] = "  in " + Weeks(r.TimeToReadyWeeks)
		default:
			whens[i] = "  in " + shortWeeks(r.TimeToReadyWeeks)
		}
		nameW = max(nameW, displaywidth.String(Clean(r.Name)))
		whenW = max(whenW, displaywidth.String(whens[i]))
	}
	nameW = min(nameW, max(width-23-whenW, 12))
	for i, r := range res.Ladder {
		rn := shortenTo(Clean(r.Name), nameW)
		rn += strings.Repeat(" ", max(nameW-displaywidth.String(rn), 0))
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %s %5.1f  %-13s%s", rn, r.Readiness, VerdictText(r.Verdict), whens[i]), " "))
	}
	return nil
}

// shortenTo cuts s to at most n terminal columns (a wide character counts
// two), marking the cut with "…"; it never splits an escape that Clean
// wrote for a control character.
func shortenTo(s string, n int) string {
	if displaywidth.String(s) <= n {
		return s
	}
	cut := 0
	for i, r := range s {
		if displaywidth.String(s[:i]+string(r)) > n-1 {
			break
		}
		cut = i + len(string(r))
	}
	if c := escapeStart(s, cut); c > 0 {
		cut = c
	}
	return strings.TrimRight(s[:cut], " ") + "…"
}

// SplitPlan parts the plan into the steps to ready and those beyond it.
func SplitPlan(steps []assess.Step) (toReady, beyond []assess.Step) {
	for _, s := range steps {
		if s.ToReady {
			toReady = append(toReady, s)
		} else {
			beyond = append(beyond, s)
		}
	}
	return toReady, beyond
}

// StepWhat says what a step changes: "level 1 → 2", "6 → 8 years".
func StepWhat(s assess.Step) string {
	switch {
	case s.Waits && s.Goal != "" && strings.HasSuffix(s.Goal, "years") || s.Waits && s.Goal == "1 year":
		return fmt.Sprintf("%s → %s years", Num(s.From), Num(s.To))
	case s.Waits:
		return "experience stands in"
	case strings.HasPrefix(s.Goal, "level "):
		return fmt.Sprintf("level %s → %s", Num(s.From), Num(s.To))
	}
	return "gain it"
}

// StepWhen places a step in the schedule: "weeks 0-40".
func StepWhen(s assess.Step) string {
	when := fmt.Sprintf("weeks %d-%d", s.StartWeek, s.EndWeek)
	if s.Waits {
		when += ", accrues with time"
		if s.StartWeek == 0 {
			when += " from now"
		}
	}
	return when
}

// planSteps writes numbered plan steps from n+1 and returns the last number.
func planSteps(w io.Writer, steps []assess.Step, n, width int) int {
	for _, s := range steps {
		n++
		what := s.Name
		if d := StepWhat(s); d != "gain it" && d != "experience stands in" {
			what += ": " + d
		}
		when := StepWhen(s)
		if s.Impact > 0 {
			when += fmt.Sprintf(", +%.1f", s.Impact)
		}
		fmt.Fprintln(w, keepTail(Hang(fmt.Sprintf("%2d. ", n), Clean(what), "    ", width), "["+when+"]", "    ", width))
		fmt.Fprintln(w, Indent(Wrap(Clean(s.Action), width-4), "    "))
		if s.Goal != "" && !s.Waits {
			fmt.Fprintln(w, Indent(Wrap("Goal: "+Clean(s.Goal), width-4), "    "))
		}
	}
	return n
}

// Summary is the short result shown at the end of the questionnaire.
func Summary(w io.Writer, res *assess.Result, st Style) {
	fmt.Fprintf(w, "Readiness for %s: %.1f/100, %s.\n", Clean(res.TargetName), res.Readiness, VerdictText(res.Verdict))
	if res.Verdict != assess.Ready {
		fmt.Fprintf(w, "Time to ready, following the plan: %s.\n", Weeks(res.TimeToReadyWeeks))
	}
	n := min(3, len(res.Gaps))
	if n > 0 {
		fmt.Fprintf(w, "Top %d gaps:\n", n)
	}
	for i, g := range res.Gaps[:n] {
		blocking := ""
		if g.Blocking {
			blocking = ", blocking"
		}
		line := fmt.Sprintf("%s: have %s, need %s (+%.1f%s)", Clean(g.Name), Num(g.Have), Num(g.Need), g.Impact, blocking)
		fmt.Fprintf(w, "%d. %s\n", i+1, strings.TrimPrefix(Indent(Wrap(line, st.width()-3), "   "), "   "))
		fmt.Fprintln(w, Indent(Wrap(Clean(g.NextStep), st.width()-3), "   "))
	}
	fmt.Fprintln(w)
}

// Explain writes the arithmetic behind a readiness figure.
func Explain(w io.Writer, x *assess.Explanation, st Style) error {
	fmt.Fprintln(w, "\n"+Wrap("How the readiness adds up: each requirement's weight (percent) times its credit, (have/need)² at most 1, gives its points.", st.width()))
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithMaxWidth(st.width()),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignLeft}})}
	if nameW := st.width() - 59; nameW >= 12 {
		opts = append(opts, tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(0, nameW)))
	}
	t := tablewriter.NewTable(w, opts...)
	t.Header("Requirement", "Need", "Have", "Weight", "Credit", "Points", "Status")
	for _, it := range x.Items {
		status := it.Status
		if it.Require == "preferred" {
			status += " (pref.)"
		}
		if err := t.Append(Clean(it.Name), Num(it.Need), Num(it.Have), fmt.Sprintf("%.2f", it.Weight), fmt.Sprintf("%.3f", it.Credit), fmt.Sprintf("%.2f", it.Points), status); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	text := fmt.Sprintf("Points add up to %.1f.", x.RawReadiness)
	if x.RaisedBy != "" {
		text += fmt.Sprintf(" A rung is never harder than the one above it: the readiness for %s is higher, so %.1f counts.", x.RaisedBy, x.Readiness)
	}
	text += fmt.Sprintf(" Ready needs %g and every hard requirement met; almost needs %g, no blocking gap and ready within %d weeks.", x.Ready, x.Almost, assess.AlmostWeeks)
	fmt.Fprintln(w, Wrap(text, st.width()))
	return nil
}

func shortWeeks(w int) string {
	if w >= 104 {
		return fmt.Sprintf("%d weeks (%.1f y)", w, float64(w)/52)
	}
	return Weeks(w)
}

// profileArg is how to name the profile in a hint.
// OmittedText says which skills the target asks that the profile leaves
// out, and that they count as 0 (names cleaned for a terminal).
func OmittedText(res *assess.Result) string {
	return fmt.Sprintf("Not answered: %d of the %s %s asks (%s); left out, they count as 0.",
		len(res.Omitted), skillCount(res.AskedSkills), Clean(res.TargetName), Clean(strings.Join(res.OmittedNames, "; ")))
}

// NotApplicableText says which skills the target asks that the profile
// marks n/a, and that they count as 0 all the same (names cleaned).
func NotApplicableText(res *assess.Result) string {
	return fmt.Sprintf("Marked n/a, not applicable to your current job: %s (%s); %s asks for them, so they count as 0.",
		skillCount(len(res.NotApplicable)), Clean(strings.Join(res.NotApplicableNames, "; ")), Clean(res.TargetName))
}

func skillCount(n int) string {
	if n == 1 {
		return "1 skill"
	}
	return strconv.Itoa(n) + " skills"
}

// profileArg is the file to answer res's profile into with assess -o: its
// own, unless it has none or is a record of a JSON Lines file, which assess
// cannot write (one profile a file).
func profileArg(res *assess.Result) string {
	if res.File == "" || res.File == "-" || res.Line > 0 {
		return "PROFILE.yaml"
	}
	return Clean(res.File)
}

// countOf is "1 requirement", "2 requirements".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Clean makes text from files safe to print on a terminal (text.Clean).
func Clean(s string) string { return text.Clean(s) }

// CleanMessage is Clean for a message of several lines: newlines stay.
func CleanMessage(s string) string { return text.CleanMessage(s) }

func tableOptions(st Style) []tablewriter.Option {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignLeft}}),
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
	return wrapWords(text, width)
}

// wrapWords breaks text at spaces into lines of at most width terminal
// columns (wide characters count two); a word longer than a line is broken
// where the line ends.
func wrapWords(text string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(text) {
		n := displaywidth.String(word)
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		for n > width-col && width > 0 {
			// Break the long word where the line ends.
			head, cut := "", 0
			for i, r := range word {
				if displaywidth.String(word[:i]+string(r)) > width-col {
					break
				}
				head, cut = word[:i]+string(r), i+len(string(r))
			}
			if c := escapeStart(word, cut); c > 0 {
				head, cut = word[:c], c
			}
			if cut == 0 {
				if col == 0 {
					_, size := utf8.DecodeRuneInString(word)
					head, cut = word[:size], size // one wide character on a narrow line
				} else {
					b.WriteByte('\n')
					col = 0
					continue
				}
			}
			b.WriteString(head)
			b.WriteByte('\n')
			word, col = word[cut:], 0
			n = displaywidth.String(word)
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

// escapeStart is where the escape that cut would split starts (\x1b,
// \u202e or <U+202E>, as text.Clean writes control characters), or -1.
func escapeStart(word string, cut int) int {
	i := strings.LastIndexAny(word[:cut], `\<`)
	if i < 0 {
		return -1
	}
	end := i
	switch {
	case strings.HasPrefix(word[i:], `\x`):
		end = i + 4
	case strings.HasPrefix(word[i:], `\u`):
		end = i + 6
	case strings.HasPrefix(word[i:], "<U+"):
		if j := strings.IndexByte(word[i:], '>'); j > 0 {
			end = i + j + 1
		}
	}
	if end > cut {
		return i
	}
	return -1
}

// Hang writes first, then text wrapped to width, with later lines indented
// by rest.
func Hang(first, text, rest string, width int) string {
	w := Wrap(text, width-len(rest))
	if width <= 20 {
		return first + text
	}
	lines := strings.Split(w, "\n")
	// The first line may hold what the prefix leaves free.
	if len(first) > len(rest) {
		lines = strings.Split(Wrap(text, width-len(first)), "\n")
		if len(lines) > 1 {
			tail := Wrap(strings.Join(lines[1:], " "), width-len(rest))
			lines = append(lines[:1], strings.Split(tail, "\n")...)
		}
	}
	return first + lines[0] + strings.Join(append([]string{""}, lines[1:]...), "\n"+rest)
}

// keepTail ends wrapped text with tail, kept whole: on the last line if
// it fits there, else on a line of its own after rest ("[weeks 0-8, +2.2]"
// is not cut after its comma).
func keepTail(text, tail, rest string, width int) string {
	last := text[strings.LastIndexByte(text, '\n')+1:]
	switch {
	case width <= 20 || displaywidth.String(last)+1+displaywidth.String(tail) <= width:
		return text + " " + tail
	case len(rest)+displaywidth.String(tail) > width:
		// Too narrow for the tail on a line of its own: wrap it too.
		return text + "\n" + rest + strings.ReplaceAll(Wrap(tail, width-len(rest)), "\n", "\n"+rest)
	}
	return text + "\n" + rest + tail
}

// Indent puts prefix before every line of text.
func Indent(text, prefix string) string {
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
}

// rubricItems lists the items by category, in aligned columns without a
// box (a box of eleven columns would not fit 80): the id a rubric author
// types, the kind, how it is asked, its weight and the need at each stage.
func rubricItems(w io.Writer, r *rubric.Rubric, width int) {
	fmt.Fprintln(w, "\n"+Wrap("Items by category: how each is asked (hard, req. = required, pref. = preferred, - = not asked), its weight, and the need at each stage 1-"+fmt.Sprint(len(r.Stages))+" (- = not asked there).", width))
	idW := len("id")
	for _, it := range r.Items {
		idW = max(idW, utf8.RuneCountInString(it.ID))
	}
	needW := 2
	for _, it := range r.Items {
		for i := range r.Stages {
			needW = max(needW, len(Num(it.NeedAt(i))))
		}
	}
	// The id column takes what the other columns leave of the width; an
	// id longer than that has a line of its own, and its figures go on the
	// next line (ids are what authors type, so they are never shortened).
	idW = min(idW, max(width-2-(2+5+2+8+2+6+1)-len(r.Stages)*(1+needW), 12))
	row := func(id, kind, asked, wt string, needs []string) string {
		prefix := ""
		if utf8.RuneCountInString(id) > idW {
			prefix, id = "  "+id+"\n", ""
		}
		line := fmt.Sprintf("  %-*s  %-5s  %-8s  %6s ", idW, id, kind, asked, wt)
		for _, n := range needs {
			line += fmt.Sprintf(" %*s", needW, n)
		}
		return prefix + strings.TrimRight(line, " ")
	}
	head := make([]string, len(r.Stages))
	for i := range head {
		head[i] = fmt.Sprint(i + 1)
	}
	for _, c := range r.Categories {
		fmt.Fprintf(w, "\n%s\n", Wrap(fmt.Sprintf("%s (%s, weight %g)", Clean(c.Name), c.ID, c.Weight), width))
		fmt.Fprintln(w, row("id", "kind", "asked", "weight", head))
		for _, it := range r.Items {
			if it.Category != c.ID {
				continue
			}
			asked := "-"
			if it.Weight > 0 {
				asked = map[string]string{rubric.RequireHard: "hard", rubric.RequireRequired: "req.", rubric.RequirePreferred: "pref."}[it.Requirement()]
				if it.AddedIn() > 1 {
					asked += fmt.Sprintf(" r%d", it.AddedIn())
				}
			}
			needs := make([]string, len(r.Stages))
			for i := range r.Stages {
				needs[i] = "-"
				if n := it.NeedAt(i); n != 0 && it.Weight > 0 {
					needs[i] = Num(n)
				}
			}
			fmt.Fprintln(w, row(it.ID, it.Kind, asked, weight(it.Weight), needs))
		}
	}
}

// ListedRubric is one row of the rubric list.
type ListedRubric struct {
	Rubric *rubric.Rubric
	Source string // "built in" or the file
}

// RubricList writes the known rubrics as a table no wider than the style's
// width: a long name or file is wrapped in its column, never cut.
func RubricList(w io.Writer, list []ListedRubric, style Style) error {
	var rows [][]string
	for _, l := range list {
		rows = append(rows, []string{l.Rubric.ID, Clean(l.Rubric.Name), fmt.Sprint(len(l.Rubric.Stages)), fmt.Sprint(len(l.Rubric.Items)), Clean(l.Source)})
	}
	return fitTable(w, style.width(), []string{"ID", "Name", "Stages", "Items", "Source"}, rows,
		[]tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft}, []int{4, 1})
}

// RubricTable shows a rubric: its stages, then every item with its weight and
// what each stage needs, then the alternatives.
func RubricTable(w io.Writer, r *rubric.Rubric, style Style) error {
	width := style.width()
	fmt.Fprintln(w, Wrap(fmt.Sprintf("%s (%s)", Clean(r.Name), r.ID), width))
	if r.Description != "" {
		fmt.Fprintln(w, Wrap(Clean(r.Description), width))
	}
	if r.Source != "" {
		fmt.Fprintln(w, Wrap("Source: "+Clean(r.Source), width))
	}
	readyDef, almostDef := r.ThresholdsDefaulted()
	fmt.Fprintln(w, Wrap(fmt.Sprintf("Verdict: ready at %g%s with every hard requirement met; almost at %g%s with no blocking gap and ready within %d weeks; a blocking gap (a hard requirement more than a year's work short) means not ready.",
		r.Thresholds.Ready, defaultMark(readyDef), r.Thresholds.Almost, defaultMark(almostDef), assess.AlmostWeeks), width))
	levels := make([]string, r.MaxLevel()+1)
	for l := range levels {
		levels[l] = Clean(r.LevelLabel(l))
	}
	scaleNote := ""
	if r.LevelsDefaulted() {
		scaleNote = " (the standard scale)"
	}
	fmt.Fprintln(w, Wrap("Skill levels: "+strings.Join(levels, ", ")+scaleNote+".", width))
	if r.Rev() > 1 {
		fmt.Fprintln(w, Wrap(fmt.Sprintf("Revision %d: items marked r2 and so on were added then; profiles written before have not answered them.", r.Rev()), width))
	}
	fmt.Fprintln(w, "\nStages:")
	var rows [][]string
	for i, s := range r.Stages {
		salary := ""
		if s.Salary != nil && s.Salary.MedianUSD > 0 {
			salary = fmt.Sprintf("$%dk", s.Salary.MedianUSD/1000)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), s.ID, Clean(s.Name), s.Years.String(), salary})
	}
	if err := fitTable(w, width, []string{"#", "Stage", "Name", "Experience", "Median salary"}, rows,
		[]tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight}, []int{2, 1, 4}); err != nil {
		return err
	}
	if r.TargetDefaulted() {
		fmt.Fprintln(w, Wrap(fmt.Sprintf("Default target: %s, the first stage (default).", r.Target()), width))
	} else {
		fmt.Fprintln(w, Wrap(fmt.Sprintf("Default target: %s.", r.Target()), width))
	}
	var fields []string
	for _, f := range r.ExperienceFields() {
		fields = append(fields, f.ID+" ("+Clean(f.Name)+")")
	}
	declared := ""
	if len(r.Experience) == 0 {
		declared = ", the standard ones (default)"
	}
	fmt.Fprintln(w, Wrap(fmt.Sprintf("Experience fields, the keys of a profile's experience%s: %s.", declared, strings.Join(fields, ", ")), width))
	rubricItems(w, r, width)
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
			o := fmt.Sprintf("%g %s", it.OrYears.Years, strings.ReplaceAll(it.OrYears.Field, "_", " "))
			if it.OrYears.From > 0 {
				o += fmt.Sprintf(" (in part from %g)", it.OrYears.From)
			}
			opts = append(opts, o)
		}
		verb := "also met by"
		if it.Kind == rubric.KindAny {
			verb = "met by any of"
		}
		alts = append(alts, Indent(Wrap(fmt.Sprintf("%s: %s %s", it.ID, verb, strings.Join(opts, ", ")), width-4), "  "))
	}
	for _, it := range r.Items {
		if len(it.Covers) > 0 {
			alts = append(alts, Indent(Wrap(fmt.Sprintf("%s covers %s", it.ID, strings.Join(it.Covers, ", ")), width-4), "  "))
		}
		for _, pr := range it.Requires {
			alts = append(alts, Indent(Wrap(fmt.Sprintf("%s asks for %s at level %d first", it.ID, pr.ID, pr.Level), width-4), "  "))
		}
	}
	if len(alts) > 0 {
		fmt.Fprintf(w, "\nAlternatives:\n%s\n", strings.Join(alts, "\n"))
	}
	fmt.Fprintln(w, "\nHeld items with weight 0 count only through the alternatives that name them.")
	fmt.Fprintln(w, Wrap("Asked: hard (must be met for ready), req. (counts, never holds back alone), pref. (raises readiness only); an item that does not say is hard if a skill, else req.", width))
	rubricJudgment(w, r, width)
	rubricPace(w, r, width)
	return nil
}

// defaultMark is " (default)" for a figure the rubric leaves to skillgap.
func defaultMark(defaulted bool) string {
	if defaulted {
		return " (default)"
	}
	return ""
}

// rubricJudgment says when a hard item is met and when its gap blocks: the
// defaults, then each item that sets its own.
func rubricJudgment(w io.Writer, r *rubric.Rubric, width int) {
	fmt.Fprintln(w, "\n"+Wrap(fmt.Sprintf("Hard requirements, by default: a skill is met %d level below its need (slack), any other item at its need; a gap blocks when a skill is 2 or more levels short and its category's pace takes more than %d weeks to close it, a years item more than %d year short of that (margin), or a held item more than %d weeks' study away.",
		rubric.DefaultSkillSlack, assess.AlmostWeeks, rubric.DefaultYearsMargin, assess.AlmostWeeks), width))
	var own []string
	for i := range r.Items {
		it := &r.Items[i]
		var set []string
		if len(it.HardNeed) > 0 {
			ns := make([]string, len(it.HardNeed))
			for j, n := range it.HardNeed {
				ns[j] = Num(n)
			}
			set = append(set, "hard_need "+strings.Join(ns, ", "))
		}
		if it.Slack != nil {
			set = append(set, "slack "+Num(*it.Slack))
		}
		if it.Margin != nil {
			set = append(set, "margin "+Num(*it.Margin))
		}
		if it.Gate > 0 {
			set = append(set, "gate "+Num(it.Gate))
		}
		if len(set) > 0 && it.Weight > 0 {
			own = append(own, Indent(Wrap(it.ID+": "+strings.Join(set, "; "), width-4), "  "))
		}
	}
	if len(own) > 0 {
		fmt.Fprintf(w, "Items that set their own:\n%s\n", strings.Join(own, "\n"))
	}
}

// rubricPace gives the weeks the plan takes: to each skill level, by
// category, and to gain each held item, saying "(default)" where the rubric
// gives none.
func rubricPace(w io.Writer, r *rubric.Rubric, width int) {
	fmt.Fprintf(w, "\nWeeks of practice to reach each skill level 1-%d, by category:\n", r.MaxLevel())
	for i := range r.Categories {
		c := &r.Categories[i]
		if len(r.IDsOfKind(rubric.KindSkill, c.ID)) == 0 {
			continue
		}
		var ws []string
		for l := 1; l <= r.MaxLevel(); l++ {
			ws = append(ws, Num(c.LevelWeeks(l)))
		}
		fmt.Fprintln(w, Indent(Wrap(fmt.Sprintf("%s: %s%s", Clean(c.Name), strings.Join(ws, ", "), defaultMark(c.PaceDefaulted())), width-4), "  "))
	}
	var held []string
	for i := range r.Items {
		if it := &r.Items[i]; it.Kind == rubric.KindHeld {
			held = append(held, fmt.Sprintf("%s %s%s", it.ID, Num(it.Effort()), defaultMark(it.EffortDefaulted())))
		}
	}
	if len(held) > 0 {
		fmt.Fprintln(w, "\nWeeks of study to gain each held item:")
		fmt.Fprintln(w, Indent(Wrap(strings.Join(held, ", "), width-4), "  "))
	}
}

func weight(w float64) string {
	if w == 0 {
		return "-"
	}
	return Num(w)
}
