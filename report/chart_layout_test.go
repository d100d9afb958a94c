package report

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
	"golang.org/x/net/html"
)

const (
	dataTeamRubric  = "../testdata/rubrics/data-team.yaml"
	dataTeamProfile = "../testdata/profiles/data-maya.yaml"
)

// reportOn builds the report of a profile on a rubric file at a target
// ("" for the profile's own).
func reportOn(t testing.TB, rubricPath, profilePath, target string) *Report {
	t.Helper()
	r, err := rubric.LoadFile(rubricPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profiles.LoadFile(profilePath, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := assess.Score(r, p, target)
	if err != nil {
		t.Fatal(err)
	}
	var next *assess.Result
	if i := NextRungIndex(res); i < len(r.Stages) {
		next, _ = assess.Score(r, p, r.Stages[i].ID)
	}
	return Build(Input{Rubric: r, Result: res, Next: next, ProfileDate: p.Updated, Evidence: p.Evidence, Skills: p.Skills, GeneratedOn: "2026-11-25"})
}

func renderHTML(t testing.TB, rep *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, rep, 80); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// svgText is a line of text in a chart, where it is drawn and how big.
type svgText struct {
	text string
	b    box
	elem int // which <text>: its lines may touch each other
}

type svgChart struct {
	class string
	w, h  float64
	texts []svgText
	rects []box
	doc   *html.Node
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "px")), 64)
	return f
}

// styleOf reads font-size and font-weight from a style attribute.
func styleOf(n *html.Node, size float64, bold bool) (float64, bool) {
	for _, decl := range strings.Split(attr(n, "style"), ";") {
		k, v, _ := strings.Cut(decl, ":")
		switch strings.TrimSpace(k) {
		case "font-size":
			size = num(v)
		case "font-weight":
			bold = strings.TrimSpace(v) == "700" || strings.TrimSpace(v) == "bold"
		}
	}
	return size, bold
}

// ownText is the text of n's children, leaving out <title>s (tooltips).
func ownText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// chartsOf finds every chart of a page with the boxes of its texts and
// rectangles, from the attributes the page gives them and the widths
// textWidth estimates: a line's box reaches 0.95em above its baseline and
// 0.25em below (DejaVu Sans: 0.93 and 0.24).
func chartsOf(t *testing.T, page []byte) []svgChart {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var charts []svgChart
	walk(doc, func(n *html.Node) {
		if n.Data != "svg" {
			return
		}
		vb := strings.Fields(attr(n, "viewBox"))
		if len(vb) != 4 || num(vb[0]) != 0 || num(vb[1]) != 0 {
			t.Fatalf("chart %s: viewBox %q", attr(n, "class"), attr(n, "viewBox"))
		}
		c := svgChart{class: attr(n, "class"), w: num(vb[2]), h: num(vb[3]), doc: n}
		elem := 0
		var visit func(*html.Node)
		visit = func(e *html.Node) {
			switch e.Data {
			case "defs", "title":
				return
			case "rect":
				x, y, w, h := num(attr(e, "x")), num(attr(e, "y")), num(attr(e, "width")), num(attr(e, "height"))
				c.rects = append(c.rects, box{x, y, x + w, y + h})
			case "text":
				elem++
				size, bold := styleOf(e, fontSize, false)
				anchor := attr(e, "text-anchor")
				add := func(s string, x, y, size float64, bold bool) {
					if strings.TrimSpace(s) == "" {
						return
					}
					w := textWidth(chartText(s), size, bold)
					x0 := x
					switch anchor {
					case "middle":
						x0 = x - w/2
					case "end":
						x0 = x - w
					}
					c.texts = append(c.texts, svgText{s, box{x0, y - 0.95*size, x0 + w, y + 0.25*size}, elem})
				}
				x, y := num(attr(e, "x")), num(attr(e, "y"))
				add(ownText(e), x, y, size, bold)
				for s := e.FirstChild; s != nil; s = s.NextSibling {
					if s.Type != html.ElementNode || s.Data != "tspan" {
						continue
					}
					if v := attr(s, "x"); v != "" {
						x = num(v)
					}
					if v := attr(s, "y"); v != "" {
						y = num(v)
					}
					y += num(attr(s, "dy"))
					ts, tb := styleOf(s, size, bold)
					add(ownText(s), x, y, ts, tb)
				}
				return
			}
			for k := e.FirstChild; k != nil; k = k.NextSibling {
				if k.Type == html.ElementNode {
					visit(k)
				}
			}
		}
		visit(n)
		charts = append(charts, c)
	})
	return charts
}

// checkLayout: every text of every chart lies inside its viewBox, off every
// other text and off every bar.
func checkLayout(t *testing.T, name string, page []byte) []svgChart {
	t.Helper()
	charts := chartsOf(t, page)
	for _, c := range charts {
		for i, a := range c.texts {
			if a.b.X0 < 0 || a.b.Y0 < 0 || a.b.X1 > c.w || a.b.Y1 > c.h {
				t.Errorf("%s, %s: %q at %.1f,%.1f-%.1f,%.1f leaves the chart (0,0-%g,%g)", name, c.class, a.text, a.b.X0, a.b.Y0, a.b.X1, a.b.Y1, c.w, c.h)
			}
			for _, b := range c.texts[i+1:] {
				if a.elem != b.elem && a.b.overlaps(b.b, 0) {
					t.Errorf("%s, %s: %q %v and %q %v overlap", name, c.class, a.text, a.b, b.text, b.b)
				}
			}
			for _, r := range c.rects {
				if a.b.overlaps(r, 0) {
					t.Errorf("%s, %s: %q %v runs into a bar %v", name, c.class, a.text, a.b, r)
				}
			}
		}
	}
	return charts
}

func chartClasses(charts []svgChart) string {
	var cls []string
	for _, c := range charts {
		cls = append(cls, c.class)
	}
	return strings.Join(cls, " ")
}

// countClass counts the elements of n with class cls.
func countClass(n *html.Node, cls string) int {
	count := 0
	walk(n, func(e *html.Node) {
		if attr(e, "class") == cls {
			count++
		}
	})
	return count
}

// The 47-skill rubric: at Senior, which asks every skill, the skills are
// bars, a row each in 13 categories; at Associate, which asks 14, a radar of
// those 14 only. The charts' text stays inside them and apart.
func TestSkillChartsOfTheDataTeamRubric(t *testing.T) {
	senior := renderHTML(t, reportOn(t, dataTeamRubric, dataTeamProfile, ""))
	charts := checkLayout(t, "senior", senior)
	if got := chartClasses(charts); got != "chart-categories chart-ladder chart-skill-bars" {
		t.Fatalf("charts %s", got)
	}
	bars := charts[2]
	if rows, groups := countClass(bars.doc, "skill"), countClass(bars.doc, "category"); rows != 47 || groups != 13 {
		t.Errorf("%d rows in %d categories, want 47 in 13", rows, groups)
	}
	for _, want := range []string{
		"<title>Window functions and advanced SQL: have 3, need 3</title>",
		`<text x="12" y="`, ">3 / 3</text>", // a skill's values as text
		">Business understanding and domain knowledge</text>",
		"<title>Business understanding and domain knowledge: 84.1 of 100</title>",
		`fill="url(#need-hatch)"`,
	} {
		if !bytes.Contains(senior, []byte(want)) {
			t.Errorf("senior report lacks %s", want)
		}
	}
	if bytes.Contains(senior, []byte("does not ask")) {
		t.Error("senior asks every skill, yet the page says some are left out")
	}

	assoc := renderHTML(t, reportOn(t, dataTeamRubric, dataTeamProfile, "associate"))
	charts = checkLayout(t, "associate", assoc)
	if got := chartClasses(charts); got != "chart-categories chart-ladder chart-radar" {
		t.Fatalf("charts %s", got)
	}
	if n := bytes.Count(assoc, []byte(`<line x1="320"`)); n != 14 {
		t.Errorf("radar has %d spokes, want the 14 skills Associate asks", n)
	}
	if !bytes.Contains(assoc, []byte("33 skill(s) that Associate Data Practitioner does not ask are left out")) {
		t.Error("the skills left out are not said")
	}
	if bytes.Contains(assoc, []byte("Streaming")) {
		t.Error("the radar shows a skill Associate does not ask")
	}
}

// The built-in rubric asks 19 answered skills of Alex at IT Manager: bars.
func TestSkillChartOfTheDefaultRubric(t *testing.T) {
	page := renderHTML(t, buildReport(t, "Alex", true))
	charts := checkLayout(t, "alex", page)
	if got := chartClasses(charts); got != "chart-categories chart-ladder chart-skill-bars" {
		t.Fatalf("charts %s", got)
	}
	if rows := countClass(charts[2].doc, "skill"); rows != 19 {
		t.Errorf("%d rows, want 19", rows)
	}
}

var words = strings.Fields("data quality modelling leadership stakeholder communication infrastructure " +
	"reliability a of and the to WWW mmm Ærøskøbing 数据 治理 x-ray well-known (ITIL) <script>alert(1)</script> " +
	"Internationalisation-and-localisation-of-everything")

func randomName(rng *rand.Rand, maxWords int) string {
	n := 1 + rng.IntN(maxWords)
	w := make([]string, n)
	for i := range w {
		w[i] = words[rng.IntN(len(words))]
	}
	return strings.Join(w, " ")
}

// Any number of skills with any names, in any categories, and rungs and
// categories with long names: the charts' text never leaves them nor
// touches other text or a bar.
func TestChartTextFitsWhateverTheNames(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 24, 60} {
		for trial := range 8 {
			rep := buildReport(t, "Alex", false)
			rep.Skills = nil
			for i := range n {
				cat := rng.IntN(1 + n/4)
				rep.Skills = append(rep.Skills, SkillLevel{ID: fmt.Sprint("s", i), Name: randomName(rng, 1+trial*2),
					Category: fmt.Sprint("c", cat), CategoryName: fmt.Sprint(cat, " ", randomName(rng, 12)),
					Have: float64(rng.IntN(5)), Need: float64(1 + rng.IntN(4))})
			}
			for i := range rep.Categories {
				rep.Categories[i].Name = randomName(rng, 1+trial*2)
			}
			for i := range rep.Ladder {
				rep.Ladder[i].Name = randomName(rng, 1+trial)
			}
			rep.Stage.Name = randomName(rng, 1+trial*2)
			page := renderHTML(t, rep)
			charts := checkLayout(t, fmt.Sprintf("%d skills, trial %d", n, trial), page)
			want := "chart-skill-bars"
			if n >= 3 && n <= radarMax {
				want = "chart-radar"
			}
			if len(charts) != 3 || charts[2].class != want {
				t.Errorf("%d skills: charts %s, want %s", n, chartClasses(charts), want)
			}
		}
	}
}

// A rung that asks no skill draws no skills chart.
func TestNoSkillsChartWhenNoneIsAsked(t *testing.T) {
	rep := buildReport(t, "Alex", false)
	for i := range rep.Skills {
		rep.Skills[i].Need = 0
	}
	if got := chartClasses(chartsOf(t, renderHTML(t, rep))); got != "chart-categories chart-ladder" {
		t.Errorf("charts %s", got)
	}
}

func TestFitAndWrapText(t *testing.T) {
	if got := fitText("Programming language fluency", 1000, 12, false); got != "Programming language fluency" {
		t.Errorf("fit %q", got)
	}
	got := fitText("Programming language fluency", 100, 12, false)
	if !strings.HasSuffix(got, "…") || textWidth(got, 12, false) > 100 {
		t.Errorf("fit to 100: %q (%.1f)", got, textWidth(got, 12, false))
	}
	lines := wrapText("Knowledge of the business domain and everything around it", 110, 12, 2)
	if len(lines) != 2 || lines[0] != "Knowledge of the" || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("wrap %q", lines)
	}
	// Control characters count as the page shows them, \x1b.
	if got := chartText("a\x1bb\n\tc"); got != `a\x1bb c` {
		t.Errorf("chartText %q", got)
	}
	// Measured in Chromium (DejaVu Sans, 12px): the estimate is never short.
	for s, px := range map[string]float64{"Collaboration and communication": 202.98, "Programming language fluency": 188.23,
		"WWWWWWWWWW": 118.65, "Data modelling and storage design": 211.14} {
		if w := textWidth(s, 12, false); w < px || w > px*1.06 {
			t.Errorf("%q: estimated %.1f, measured %.1f", s, w, px)
		}
	}
	if w := textWidth("Collaboration and communication", 12, true); w < 227.86 {
		t.Errorf("bold: estimated %.1f, measured 227.9", w)
	}
}
