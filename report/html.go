package report

import (
	"embed"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/text"
)

//go:embed templates/*.html.tmpl
var templates embed.FS

// pageTemplate parses a page with the style it shares with the others. Pages
// are parsed on first use, not at start-up: most runs never write HTML.
func pageTemplate(name string) func() *template.Template {
	return sync.OnceValue(func() *template.Template {
		return template.Must(template.New(name).Funcs(template.FuncMap{
			"num":               Num,
			"weeks":             Weeks,
			"shortWeeks":        ShortWeeks,
			"stepWhat":          StepWhat,
			"stepWhen":          StepWhen,
			"courseTitle":       CourseTitle,
			"courseWeeks":       CourseWeeks,
			"verdictText":       VerdictText,
			"omittedText":       OmittedText,
			"notApplicableText": NotApplicableText,
			"inc":               func(n int) int { return n + 1 },
			"thousands":         thousands,
		}).ParseFS(templates, "templates/"+name, "templates/style.html.tmpl"))
	})
}

var htmlTemplate = pageTemplate("report.html.tmpl")

// Colours that colour-blind readers can tell apart (Okabe and Ito); every
// chart also carries its values as text.
const (
	colBlue   = "#0072B2"
	colOrange = "#E69F00"
	colSky    = "#56B4E9"
	colGreen  = "#009E73"
	colRed    = "#D55E00"
)

type htmlData struct {
	*Report
	Title, VerdictText, VerdictSymbol, TimeToReady, ReadyForName string
	ReadyAt                                                      float64
	Cat                                                          catChart
	Ladder                                                       ladderChart
	Radar                                                        radarChart
	Bars                                                         barChart
	// SkillsLeft counts the skills the target does not ask, left out of
	// the skills chart.
	SkillsLeft      int
	ToReady, Beyond []assess.Step
	// Top is the top level of the rubric's scale, the charts' outer ring
	// and last tick.
	Top int
}

type catChart struct {
	W, H, X0, Span, Mark float64
	Bars                 []catBar
}

type catBar struct {
	Name                            string
	Lines                           []textLine // the name, on one line or two
	Value, Y, H, Len, TextY, ValueX float64
	Fill                            string
}

type ladderChart struct {
	W, H, LabelY, Mark float64
	Bars               []ladderBar
}

type ladderBar struct {
	Label, Note, Symbol, Fill        string
	Lines                            []string // the rung's name in lines short enough for its bar
	Value, X, Y, W, H, TextX, ValueY float64
	Target                           bool
}

func symbol(verdict string) string {
	switch verdict {
	case assess.Ready:
		return "✓"
	case assess.Almost:
		return "~"
	}
	return "✗"
}

func fillFor(verdict string) string {
	switch verdict {
	case assess.Ready:
		return colGreen
	case assess.Almost:
		return colOrange
	}
	return colRed
}

// HTML writes the report as one self-contained page: inline CSS and SVG, no
// scripts, nothing loaded from elsewhere (its Content-Security-Policy forbids
// it), every user-written text escaped by html/template.
func HTML(w io.Writer, rep *Report, readyAt float64) error {
	d := htmlData{Report: rep, VerdictText: VerdictText(rep.Verdict), VerdictSymbol: symbol(rep.Verdict), TimeToReady: Weeks(rep.TimeToReadyWeeks), ReadyAt: readyAt}
	d.ToReady, d.Beyond = SplitPlan(rep.NextSteps)
	d.Title = "Readiness for " + rep.TargetName
	if rep.Name != "" {
		d.Title = rep.Name + ": readiness for " + rep.TargetName
	}
	for _, r := range rep.Ladder {
		if r.Target == rep.ReadyFor {
			d.ReadyForName = r.Name
		}
	}
	d.Cat = categoryChart(rep, readyAt)
	d.Ladder = ladderChartOf(rep, readyAt)
	asked := skillsAsked(rep.Skills)
	d.SkillsLeft = len(rep.Skills) - len(asked)
	d.Top = rep.top()
	if len(asked) >= 3 && len(asked) <= radarMax {
		d.Radar = radarOf(asked, d.Top)
	} else if len(asked) > 0 {
		d.Bars = skillBarsOf(asked, rep.Stage.Name, d.Top)
	}
	var buf strings.Builder
	if err := htmlTemplate().Execute(&buf, d); err != nil {
		return err
	}
	// The template escapes markup; control characters in names are made
	// visible too, should the page be printed on a terminal.
	_, err := io.WriteString(w, text.CleanHTML(buf.String()))
	return err
}

// catLabelMax is the widest a category's name may be in the category chart
// (of 420) before it wraps to a second line, and then is cut; the whole name
// is in its bar's title.
const catLabelMax = 170.0

// categoryChart draws a bar for each category's score. Its name column is
// as wide as the widest name, up to catLabelMax, so that a long name never
// runs under the bars; rows are taller when a name takes two lines.
func categoryChart(rep *Report, readyAt float64) catChart {
	c := catChart{W: 420}
	const barH, gap = 16.0, 8.0
	names := make([]string, len(rep.Categories))
	lines := make([][]string, len(rep.Categories))
	for i, cat := range rep.Categories {
		names[i] = chartText(cat.Name)
	}
	labelW := min(widest(names, fontSize, false), catLabelMax)
	rowH := 28.0
	for i, name := range names {
		lines[i] = wrapText(name, labelW, fontSize, 2)
		if len(lines[i]) > 1 {
			rowH = 36
		}
	}
	c.X0 = math.Ceil(textLeft + labelW + gap)
	c.Span = math.Floor(c.W - margin - textWidth("100.0", fontSize, false) - 6 - c.X0)
	for i, cat := range rep.Categories {
		y := float64(i)*rowH + (rowH-barH)/2 - 2
		mid := y + barH/2 // text is centred on the bar: a line's middle is 4 above its baseline
		fill := colBlue
		if cat.Score < readyAt {
			fill = colSky
		}
		b := catBar{Name: cat.Name, Value: cat.Score, Y: y, H: barH, Len: round(c.Span * cat.Score / 100),
			TextY: mid + 4, ValueX: c.X0 + c.Span + 6, Fill: fill}
		for k, line := range lines[i] {
			b.Lines = append(b.Lines, textLine{X: textLeft, Y: mid + 4 + lineH*(float64(k)-float64(len(lines[i])-1)/2), Text: line})
		}
		c.Bars = append(c.Bars, b)
	}
	c.H = float64(len(rep.Categories))*rowH + 4
	c.Mark = c.X0 + c.Span*readyAt/100
	return c
}

func ladderChartOf(rep *Report, readyAt float64) ladderChart {
	n := float64(len(rep.Ladder))
	c := ladderChart{W: 420, H: 236, LabelY: 206}
	const top, bottom = 22.0, 190.0
	slot := c.W / n
	for i, r := range rep.Ladder {
		h := (bottom - top) * r.Readiness / 100
		x := float64(i)*slot + slot*0.15
		b := ladderBar{Label: r.Name, Lines: labelLines(r.Name, slot-4), Note: VerdictText(r.Verdict), Symbol: symbol(r.Verdict), Fill: fillFor(r.Verdict),
			Value: r.Readiness, X: x, Y: bottom - h, W: slot * 0.7, H: h, TextX: x + slot*0.35, ValueY: bottom - h - 5, Target: r.Target == rep.Target}
		c.Bars = append(c.Bars, b)
	}
	c.Mark = bottom - (bottom-top)*readyAt/100
	return c
}

// ladderFont is the size of the rungs' names under their bars.
const ladderFont = 11.0

// labelLines breaks a rung's name into at most two lines no wider than maxW
// for the space under its bar, shortening common words, so that "Assistant
// IT Manager" reads "Assistant" / "IT Manager"; what still does not fit is
// cut with an ellipsis (the bar's title has the whole name).
func labelLines(name string, maxW float64) []string {
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if abbr := name[i+2 : len(name)-1]; textWidth(chartText(abbr), ladderFont, false) <= maxW {
			return []string{chartText(abbr)} // "Chief Information Officer (CIO)"
		}
	}
	short := strings.NewReplacer("Information Technology", "IT", "Senior ", "Sr ", "Vice President", "VP").Replace(name)
	return wrapText(short, maxW, ladderFont, 2)
}

func round(x float64) float64 { return math.Round(x*10) / 10 }
