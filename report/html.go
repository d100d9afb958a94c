package report

import (
	"embed"
	"fmt"
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
			"num":         Num,
			"weeks":       Weeks,
			"shortWeeks":  ShortWeeks,
			"stepWhat":    StepWhat,
			"stepWhen":    StepWhen,
			"courseTitle": CourseTitle,
			"courseWeeks": CourseWeeks,
			"verdictText": VerdictText,
			"inc":         func(n int) int { return n + 1 },
			"thousands":   thousands,
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
	ToReady, Beyond                                              []assess.Step
}

type catChart struct {
	W, H, X0, Span, Mark float64
	Bars                 []catBar
}

type catBar struct {
	Label                           string
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

type radarChart struct {
	W, H, CX, CY float64
	Rings        []string
	Spokes       []radarSpoke
	Have, Need   string
	Points       int
}

type radarSpoke struct {
	X, Y, LX, LY float64
	Anchor       string
	Label, Name  string
	Have, Need   string
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
	d.Radar = radarOf(rep)
	var buf strings.Builder
	if err := htmlTemplate().Execute(&buf, d); err != nil {
		return err
	}
	// The template escapes markup; control characters in names are made
	// visible too, should the page be printed on a terminal.
	_, err := io.WriteString(w, text.CleanHTML(buf.String()))
	return err
}

func categoryChart(rep *Report, readyAt float64) catChart {
	c := catChart{W: 420, X0: 170, Span: 200}
	const rowH, barH = 28.0, 16.0
	for i, cat := range rep.Categories {
		y := float64(i)*rowH + 6
		fill := colBlue
		if cat.Score < readyAt {
			fill = colSky
		}
		c.Bars = append(c.Bars, catBar{Label: cat.Name, Value: cat.Score, Y: y, H: barH, Len: c.Span * cat.Score / 100,
			TextY: y + barH - 3, ValueX: c.X0 + c.Span + 6, Fill: fill})
	}
	c.H = float64(len(rep.Categories))*rowH + 8
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
		b := ladderBar{Label: r.Name, Lines: labelLines(r.Name, 11), Note: VerdictText(r.Verdict), Symbol: symbol(r.Verdict), Fill: fillFor(r.Verdict),
			Value: r.Readiness, X: x, Y: bottom - h, W: slot * 0.7, H: h, TextX: x + slot*0.35, ValueY: bottom - h - 5, Target: r.Target == rep.Target}
		c.Bars = append(c.Bars, b)
	}
	c.Mark = bottom - (bottom-top)*readyAt/100
	return c
}

// labelLines breaks a rung's name into at most two lines of about width
// characters for the space under its bar, shortening common words, so that
// "Assistant IT Manager" reads "Assistant" / "IT Manager".
func labelLines(name string, width int) []string {
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if abbr := name[i+2 : len(name)-1]; len(abbr) <= width {
			return []string{abbr} // "Chief Information Officer (CIO)"
		}
	}
	short := strings.NewReplacer("Information Technology", "IT", "Senior ", "Sr ", "Vice President", "VP").Replace(name)
	var lines []string
	for _, w := range strings.Fields(short) {
		n := len(lines)
		if n > 0 && len(lines[n-1])+1+len(w) <= width {
			lines[n-1] += " " + w
		} else {
			lines = append(lines, w)
		}
	}
	if len(lines) > 2 {
		lines = append(lines[:1], strings.Join(lines[1:], " "))
	}
	return lines
}

func radarOf(rep *Report) radarChart {
	n := len(rep.Skills)
	c := radarChart{W: 640, H: 470, CX: 320, CY: 235, Points: n}
	if n < 3 {
		c.Points = 0
		return c
	}
	const radius = 165.0
	at := func(i int, level float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		r := radius * level / 4
		return round(c.CX + r*math.Cos(a)), round(c.CY + r*math.Sin(a))
	}
	poly := func(level func(i int) float64) string {
		pts := make([]string, n)
		for i := range n {
			x, y := at(i, level(i))
			pts[i] = fmt.Sprintf("%g,%g", x, y)
		}
		return strings.Join(pts, " ")
	}
	for l := 1; l <= 4; l++ {
		c.Rings = append(c.Rings, poly(func(int) float64 { return float64(l) }))
	}
	for i, s := range rep.Skills {
		x, y := at(i, 4)
		lx, ly := at(i, 4.45)
		anchor := "middle"
		if lx > c.CX+10 {
			anchor = "start"
		} else if lx < c.CX-10 {
			anchor = "end"
		}
		c.Spokes = append(c.Spokes, radarSpoke{X: x, Y: y, LX: lx, LY: ly + 4, Anchor: anchor, Label: shorten(s.Name, 22), Name: s.Name, Have: Num(s.Have), Need: Num(s.Need)})
	}
	c.Have = poly(func(i int) float64 { return rep.Skills[i].Have })
	c.Need = poly(func(i int) float64 { return rep.Skills[i].Need })
	return c
}

func round(x float64) float64 { return math.Round(x*10) / 10 }
