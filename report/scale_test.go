package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
	"golang.org/x/net/html"
)

const (
	sfiaRubric  = "../testdata/rubrics/sfia-mini.yaml"
	sfiaProfile = "../testdata/profiles/sfia-lee.yaml"
)

// On a rubric with its own scale the table's plan, the JSON and the HTML say
// levels in the rubric's names; the JSON lists them, and each skill gap's
// indicators for the level needed.
func TestLabelsUseTheRubricsNames(t *testing.T) {
	rep := reportOn(t, sfiaRubric, sfiaProfile, "principal")
	var table bytes.Buffer
	if err := Table(&table, rep.Result, Style{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "Goal: level 4 (enable): Designs the signals a group of services needs.") {
		t.Errorf("table:\n%s", table.String())
	}

	var out struct {
		Levels []string `json:"levels"`
		Gaps   []struct {
			ID         string   `json:"id"`
			Need       float64  `json:"need"`
			Indicators []string `json:"indicators"`
		} `json:"gaps"`
		NextSteps []struct {
			Goal string `json:"goal"`
		} `json:"next_steps"`
	}
	if err := json.Unmarshal(AppendJSON(nil, rep.Result), &out); err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Levels, ",") != "none,follow,assist,apply,enable,ensure/advise,initiate/influence,set strategy" {
		t.Errorf("levels %q", out.Levels)
	}
	got := map[string][]string{}
	for _, g := range out.Gaps {
		got[g.ID] = g.Indicators
	}
	if ind := got["infrastructure-as-code"]; len(ind) != 2 || ind[0] != "Sets the standards modules must meet" {
		t.Errorf("indicators of level 5: %q", ind)
	}
	if ind, ok := got["mentoring"]; ok && ind != nil {
		t.Errorf("mentoring has no indicators: %q", ind)
	}
	goals := ""
	for _, s := range out.NextSteps {
		goals += s.Goal + "\n"
	}
	if !strings.Contains(goals, "level 5 (ensure/advise): ") {
		t.Errorf("goals:\n%s", goals)
	}

	// The built-in rubric's JSON has neither field.
	alex := buildReport(t, "Alex", false)
	if line := string(AppendJSON(nil, alex.Result)); strings.Contains(line, `"levels"`) || strings.Contains(line, `"indicators"`) {
		t.Errorf("it-manager JSON gained fields: %s", line)
	}
}

// The HTML report shows, under a skill gap, what each level from the one
// above the person's up to the need looks like, by the rubric's names.
func TestHTMLShowsIndicatorsUnderSkillGaps(t *testing.T) {
	rep := reportOn(t, sfiaRubric, sfiaProfile, "principal")
	page := renderHTML(t, rep)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	walk(doc, func(n *html.Node) {
		if n.Data == "tr" && attr(n, "class") == "levels" {
			rows = append(rows, textOf(n))
		}
	})
	// Lee: observability 2 of 4 (levels 3 and 4 have indicators),
	// infrastructure as code 4 of 5; mentoring has none.
	want := []string{
		"3 apply: Sets alerts that page only for real problems4 enable: Defines service level objectives with product owners",
		"5 ensure/advise: Sets the standards modules must meet; Plans large migrations of state",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("indicator rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"Skill levels from 0 to 7", "what someone does at each level up to the need", `<td class="num" title="2 assist">2</td><td class="num" title="4 enable">4</td>`} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("page lacks %q", s)
		}
	}
	// The built-in rubric has no indicators: no such rows, no note.
	if alex := renderHTML(t, buildReport(t, "Alex", false)); bytes.Contains(alex, []byte(`class="levels"`)) || bytes.Contains(alex, []byte("up to the need")) {
		t.Error("it-manager report shows indicators")
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// The charts draw a ring or tick for each level of the rubric's scale, and
// their text still fits at N = 7, for the radar and the bars alike.
func TestChartsOnASevenLevelScale(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{3, 8, 16, 17, 40} {
		rep := buildReport(t, "Alex", false)
		rep.MaxLevel = 7
		rep.Skills = nil
		for i := range n {
			rep.Skills = append(rep.Skills, SkillLevel{ID: fmt.Sprint("s", i), Name: randomName(rng, 4),
				Category: fmt.Sprint("c", i%3), CategoryName: randomName(rng, 6),
				Have: float64(rng.IntN(8)), Need: float64(1 + rng.IntN(7))})
		}
		page := renderHTML(t, rep)
		charts := checkLayout(t, fmt.Sprintf("%d skills at N=7", n), page)
		c := charts[2]
		var texts []string
		for _, x := range c.texts {
			texts = append(texts, x.text)
		}
		all := " " + strings.Join(texts, " ") + " "
		if n <= radarMax {
			d := htmlData{}
			d.Radar = radarOf(skillsAsked(rep.Skills), 7)
			if len(d.Radar.Rings) != 7 || len(d.Radar.Levels) != 7 || d.Radar.Levels[6].Text != "7" {
				t.Errorf("%d skills: %d rings", n, len(d.Radar.Rings))
			}
			// A skill at the top reaches its spoke's end.
			top := radarOf([]SkillLevel{{Name: "a", Have: 7, Need: 7}, {Name: "b", Have: 7, Need: 7}, {Name: "c", Have: 7, Need: 7}}, 7)
			if top.Have != top.Need || !strings.HasPrefix(top.Have, fmt.Sprintf("%g,%g", top.Spokes[0].X, top.Spokes[0].Y)) {
				t.Errorf("top level off the spoke's end: %s vs %+v", top.Have, top.Spokes[0])
			}
		} else {
			for l := 0; l <= 7; l++ {
				if !strings.Contains(all, fmt.Sprintf(" %d ", l)) {
					t.Errorf("%d skills: no tick %d", n, l)
				}
			}
			bars := skillBarsOf(skillsAsked(rep.Skills), "X", 7)
			for _, g := range bars.Groups {
				for _, r := range g.Rows {
					if r.HaveW > bars.Span+0.05 || r.NeedW > bars.Span+0.05 {
						t.Errorf("bar wider than the span: %+v", r)
					}
				}
			}
			if len(bars.Ticks) != 8 || bars.Ticks[7].X != round(bars.X0+bars.Span) {
				t.Errorf("ticks %+v", bars.Ticks)
			}
		}
	}
}

// The hand-written JSON encoder writes what encoding/json writes on other
// scales too, with the levels and the gaps' indicators.
func TestAppendJSONMatchesOnOtherScales(t *testing.T) {
	for _, file := range []string{sfiaRubric, dataTeamRubric} {
		r, err := rubric.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(9, 10))
		indicators := 0
		for n := range 40 {
			p := testkit.RandomProfile(rng, r)
			p.Name = fmt.Sprint("P", n)
			for _, target := range r.StageIDs() {
				res, err := assess.Score(r, p, target)
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range res.Gaps {
					indicators += len(g.Indicators)
				}
				if got, want := AppendJSON(nil, res), encodingJSON(res); !bytes.Equal(got, want) {
					t.Fatalf("%s at %s:\n got %s\nwant %s", r.ID, target, got, want)
				}
			}
		}
		if indicators == 0 {
			t.Errorf("%s: no gap had indicators", r.ID)
		}
	}
}

// The Markdown report lists the indicators of the levels a skill gap spans.
func TestMarkdownShowsIndicators(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, reportOn(t, sfiaRubric, sfiaProfile, "principal")); err != nil {
		t.Fatal(err)
	}
	want := "- Observability\n  - 3 apply: Sets alerts that page only for real problems\n  - 4 enable: Defines service level objectives with product owners\n" +
		"- Infrastructure as code\n  - 5 ensure/advise: Sets the standards modules must meet; Plans large migrations of state\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("markdown:\n%s", buf.String())
	}
}
