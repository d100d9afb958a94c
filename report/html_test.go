package report

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
	"golang.org/x/net/html"
)

const hostileName = `<script>document.title='pwned'</script><img src=x onerror="alert(1)">`

func buildReport(t testing.TB, name string, since bool) *Report {
	t.Helper()
	r := rubric.Default()
	p, err := profiles.LoadFile("../testdata/profiles/alex.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Name = name
	p.Evidence = map[string]string{"networking": `</em><script>alert(2)</script>`}
	res, err := assess.Score(r, p, "")
	if err != nil {
		t.Fatal(err)
	}
	var oldP *profiles.Profile
	var old *assess.Result
	if since {
		oldP, _ = profiles.LoadFile("../testdata/profiles/alex-2026-05.yaml", nil)
		old, _ = assess.Score(r, oldP, res.Target)
	}
	var next *assess.Result
	if i := NextRungIndex(res); i < len(r.Stages) {
		next, _ = assess.Score(r, p, r.Stages[i].ID)
	}
	var progress *assess.Progress
	if since {
		progress = assess.Compare(r, oldP, p, old, res)
	}
	rep := Build(Input{Rubric: r, Result: res, Next: next, Progress: progress, ProfileDate: p.Updated, Evidence: p.Evidence, Skills: p.Skills, GeneratedOn: "2026-11-25"})
	return rep
}

// walk calls fn on every element node.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestHTMLStructureAndHostileTextIsInert(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, buildReport(t, hostileName, true), 80); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var csp, title string
	var charts []string
	walk(doc, func(n *html.Node) {
		count[n.Data]++
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "data:") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q> loads from elsewhere", n.Data, a.Key, a.Val)
			}
		}
		switch n.Data {
		case "meta":
			if attr(n, "http-equiv") == "Content-Security-Policy" {
				csp = attr(n, "content")
			}
		case "title":
			if n.Parent != nil && n.Parent.Data == "head" && n.FirstChild != nil {
				title = n.FirstChild.Data
			}
		case "svg":
			charts = append(charts, attr(n, "class"))
			if attr(n, "role") != "img" || attr(n, "aria-labelledby") == "" {
				t.Errorf("chart %s lacks role=img and a label", attr(n, "class"))
			}
		}
	})
	if count["script"] != 0 || count["img"] != 0 || count["link"] != 0 || count["iframe"] != 0 {
		t.Errorf("active elements: %v", count)
	}
	if csp != "default-src 'none'; style-src 'unsafe-inline'; img-src data:" {
		t.Errorf("CSP %q", csp)
	}
	if !strings.HasPrefix(title, hostileName) {
		t.Errorf("the name is not shown as text: title %q", title)
	}
	if strings.Join(charts, " ") != "chart-categories chart-ladder chart-skill-bars" {
		t.Errorf("charts %v", charts)
	}
	if !strings.Contains(buf.String(), "&lt;/em&gt;&lt;script&gt;alert(2)&lt;/script&gt;") {
		t.Error("evidence text not shown escaped")
	}
	for _, want := range []string{"Progress since 2026-05-20", "Gaps (10), most important first", "median $120,000", "Time to ready", "@media print", "size: A4"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Charts carry their values as text: the ladder's readiness for IT Manager.
	if !strings.Contains(buf.String(), "<title>IT Manager: 74.3, almost ready</title>") {
		t.Error("ladder bar lacks its value title")
	}
}

// Hostile names of skills, categories, rungs and the target are text in
// every chart, the radar and the bars alike, however they are cut to fit.
func TestSkillChartsKeepHostileNamesInert(t *testing.T) {
	for _, n := range []int{5, 16, 17, 40} {
		rep := buildReport(t, "Alex", false)
		rep.Skills = nil
		for i := range n {
			rep.Skills = append(rep.Skills, SkillLevel{ID: fmt.Sprint("s", i), Name: fmt.Sprint(i, hostileName), Category: fmt.Sprint("c", i%3),
				CategoryName: fmt.Sprint(i%3, hostileName), Have: float64(i % 5), Need: float64(1 + i%4)})
		}
		for i := range rep.Categories {
			rep.Categories[i].Name = hostileName
		}
		for i := range rep.Ladder {
			rep.Ladder[i].Name = hostileName
		}
		rep.Stage.Name = hostileName + "\x1b[31m\u202e"
		var buf bytes.Buffer
		if err := HTML(&buf, rep, 80); err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		walk(doc, func(e *html.Node) {
			switch e.Data {
			case "script", "img", "iframe", "link", "object", "foreignObject", "a":
				t.Errorf("%d skills: a <%s> element", n, e.Data)
			}
			for _, a := range e.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%d skills: <%s> has an event handler %s", n, e.Data, a.Key)
				}
			}
		})
		page := buf.String()
		for _, want := range []string{"<title>0&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;img src=x onerror=&#34;alert(1)&#34;&gt;: have 0, need 1</title>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%d skills: the page lacks %s", n, want)
			}
		}
	}
}

func TestMarkdownEscapesNames(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, buildReport(t, "Eve | <b>bold</b> *x*", false)); err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	if first != `# Eve \| &lt;b&gt;bold&lt;/b&gt; \*x\*: readiness for IT Manager` {
		t.Errorf("heading %q", first)
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	if got := safeCell("=HYPERLINK(\"x\")"); got != "'=HYPERLINK(\"x\")" {
		t.Errorf("got %q", got)
	}
	if got := safeCell("plain"); got != "plain" {
		t.Errorf("got %q", got)
	}
}

func BenchmarkHTML(b *testing.B) {
	rep := buildReport(b, "Alex", true)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := HTML(&buf, rep, 80); err != nil {
			b.Fatal(err)
		}
	}
}

var _ = os.Getenv
