package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// chromium finds a headless browser; CI installs Debian's chromium, so there
// a missing browser fails the test instead of skipping it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH; .ci/run installs Debian's chromium")
	}
	t.Skip("no chromium on PATH (apt-get install chromium)")
	return ""
}

func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out
}

// pageServer serves one page, made once its address is known (a page may
// name the server it must not reach), and records every request made to it.
type pageServer struct {
	URL      string
	mu       sync.Mutex
	requests []string
}

func servePage(t *testing.T, makePage func(base string) []byte) *pageServer {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	ps := &pageServer{URL: "http://" + srv.Listener.Addr().String()}
	page := makePage(ps.URL)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.mu.Lock()
		ps.requests = append(ps.requests, r.URL.Path)
		ps.mu.Unlock()
		if r.URL.Path == "/report.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
			return
		}
		http.NotFound(w, r)
	})
	srv.Start()
	t.Cleanup(srv.Close)
	return ps
}

// checkNoRequests fails for any request but the page's (and the favicon's).
func (ps *pageServer) checkNoRequests(t *testing.T) {
	t.Helper()
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, p := range ps.requests {
		if p != "/report.html" && p != "/favicon.ico" {
			t.Errorf("the page made a request to %s", p)
		}
	}
}

// screenshot takes a picture of url into the test's temp folder, or where
// SKILLGAP_SCREENSHOT says: that file for the main report, a file beside it
// for the others (report.png, report-data-team.png), or into it if it is a
// folder.
func screenshot(t *testing.T, bin, url, name string, height int) {
	t.Helper()
	shot := filepath.Join(t.TempDir(), name+".png")
	if d := os.Getenv("SKILLGAP_SCREENSHOT"); d != "" {
		switch st, err := os.Stat(d); {
		case err == nil && st.IsDir():
			shot = filepath.Join(d, name+".png")
		case name == "skillgap-report":
			shot = d
		default:
			shot = strings.TrimSuffix(d, ".png") + "-" + name + ".png"
		}
	}
	runChromium(t, bin, "--hide-scrollbars", fmt.Sprintf("--window-size=1000,%d", height), "--screenshot="+shot, url)
	if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
		t.Errorf("screenshot %s missing or empty: %v", shot, err)
	}
	t.Logf("screenshot: %s", shot)
}

// The HTML report in a real browser: the page renders its charts, no script
// runs and no request leaves the page, even with a hostile name that tries to
// load an image and run code from the test server.
func TestHTMLReportInChromium(t *testing.T) {
	bin := chromium(t)
	ps := servePage(t, func(base string) []byte {
		name := `<img src="` + base + `/leak.png"><script>fetch("` + base + `/script");document.title="pwned"</script>`
		var buf bytes.Buffer
		if err := HTML(&buf, buildReport(t, name, true), 80); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	})

	dom := string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", ps.URL+"/report.html"))
	if n := strings.Count(dom, "<svg "); n != 3 {
		t.Errorf("rendered DOM has %d charts, want 3", n)
	}
	// The built-in rubric asks 19 of Alex's answered skills at IT Manager:
	// more than a radar shows, so bars.
	for _, want := range []string{`class="chart-categories"`, `class="chart-ladder"`, `class="chart-skill-bars"`, "Readiness for each rung"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %s", want)
		}
	}
	if n := strings.Count(dom, `<g class="skill">`); n != 19 {
		t.Errorf("rendered DOM has %d skill rows, want 19", n)
	}
	if strings.Contains(dom, "<title>pwned") {
		t.Error("a script ran: the title changed")
	}
	screenshot(t, bin, ps.URL+"/report.html", "skillgap-report", 2600)
	ps.checkNoRequests(t)
}

// A rubric of 47 skills (testdata/rubrics/data-team.yaml) at a rung that
// asks them all: the browser draws the skills as 47 rows of bars in 13
// categories and no radar; skill and category names that try to load an
// image or run code stay text. At a rung that asks 14, a radar.
func TestManySkillsReportInChromium(t *testing.T) {
	bin := chromium(t)
	ps := servePage(t, func(base string) []byte {
		rep := reportOn(t, dataTeamRubric, dataTeamProfile, "")
		rep.Skills[0].Name = `<img src="` + base + `/skill.png"><script>document.title="pwned"</script>`
		rep.Skills[0].CategoryName = `<img src="` + base + `/category.png">`
		return renderHTML(t, rep)
	})
	dom := string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", ps.URL+"/report.html"))
	if n := strings.Count(dom, "<svg "); n != 3 {
		t.Errorf("rendered DOM has %d charts, want 3", n)
	}
	if !strings.Contains(dom, `class="chart-skill-bars"`) || strings.Contains(dom, `class="chart-radar"`) {
		t.Error("the skills are not drawn as bars")
	}
	if rows, groups := strings.Count(dom, `<g class="skill">`), strings.Count(dom, `<g class="category">`); rows != 47 || groups != 13 {
		t.Errorf("rendered DOM has %d skill rows in %d categories, want 47 in 13", rows, groups)
	}
	if strings.Contains(dom, "<title>pwned") || strings.Contains(dom, "<img") {
		t.Error("a hostile name became markup")
	}
	screenshot(t, bin, ps.URL+"/report.html", "data-team", 3300)
	ps.checkNoRequests(t)

	// Its first rung asks 14 of the 47: a radar of those.
	ps = servePage(t, func(string) []byte { return renderHTML(t, reportOn(t, dataTeamRubric, dataTeamProfile, "associate")) })
	dom = string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", ps.URL+"/report.html"))
	if !strings.Contains(dom, `class="chart-radar"`) || strings.Count(dom, `<line x1="320"`) != 14 {
		t.Error("the 14 skills Associate asks are not drawn as a radar of 14 spokes")
	}
	screenshot(t, bin, ps.URL+"/report.html", "data-team-associate", 2000)
	ps.checkNoRequests(t)
}

// The layout tests (chart_layout_test.go) keep every label inside its chart
// by estimated widths. Here Chromium measures the charts' text as it draws
// it, on a test page that holds the reports' charts and style and a script
// (the reports have none): every line is no wider than estimated, and every
// label lies inside its chart and clear of the others.
func TestChartTextMeasuredInChromium(t *testing.T) {
	bin := chromium(t)
	pages := map[string][]byte{
		"alex":      renderHTML(t, buildReport(t, "Alex", true)),
		"senior":    renderHTML(t, reportOn(t, dataTeamRubric, dataTeamProfile, "")),
		"associate": renderHTML(t, reportOn(t, dataTeamRubric, dataTeamProfile, "associate")),
		"se-mid":    renderHTML(t, reportOn(t, "../testdata/rubrics/software-engineer.yaml", "../testdata/profiles/se-mid.yaml", "")),
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{7, 16, 30} {
		rep := buildReport(t, "Alex", false)
		rep.Skills = nil
		for i := range n {
			rep.Skills = append(rep.Skills, SkillLevel{ID: fmt.Sprint("s", i), Name: randomName(rng, 6), Category: fmt.Sprint("c", i%4),
				CategoryName: randomName(rng, 8), Have: float64(i % 5), Need: float64(1 + i%4)})
		}
		for i := range rep.Categories {
			rep.Categories[i].Name = randomName(rng, 6)
		}
		pages[fmt.Sprint("random-", n)] = renderHTML(t, rep)
	}
	styleRe := regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	svgRe := regexp.MustCompile(`(?s)<svg .*?</svg>`)
	var test strings.Builder
	test.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>`)
	test.Write(styleRe.FindSubmatch(pages["alex"])[1])
	test.WriteString("</style></head><body>\n")
	names := slices.Sorted(maps.Keys(pages))
	for _, name := range names {
		for _, svg := range svgRe.FindAll(pages[name], -1) {
			fmt.Fprintf(&test, "<div data-page=%q>%s</div>\n", name, svg)
		}
	}
	test.WriteString(`<pre id="out"></pre><script>
const out = [];
for (const svg of document.querySelectorAll("svg")) {
  const vb = svg.viewBox.baseVal, page = svg.parentNode.dataset.page, chart = svg.getAttribute("class");
  let elem = 0;
  for (const t of svg.querySelectorAll("text")) {
    elem++;
    const spans = t.querySelectorAll("tspan");
    const lines = spans.length ? [...spans] : [t];
    for (const l of lines) {
      const b = l.getBBox();
      let text = "";
      for (const c of l.childNodes) if (c.nodeType === 3) text += c.data;
      const cs = getComputedStyle(l);
      out.push({page, chart, elem, text, x: b.x, y: b.y, w: b.width, h: b.height, len: l.getComputedTextLength(), vw: vb.width, vh: vb.height,
        size: parseFloat(cs.fontSize), bold: parseInt(cs.fontWeight) >= 600});
    }
  }
}
document.getElementById("out").textContent = JSON.stringify(out);
</script></body></html>`)
	file := filepath.Join(t.TempDir(), "measure.html")
	if err := os.WriteFile(file, []byte(test.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	dom := runChromium(t, bin, "--allow-file-access-from-files", "--dump-dom", "file://"+file)
	m := regexp.MustCompile(`(?s)<pre id="out">(.*?)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("no measurements in %.300s", dom)
	}
	var lines []struct {
		Page, Chart, Text             string
		Elem                          int
		X, Y, W, H, Len, VW, VH, Size float64
		Bold                          bool
	}
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) < 400 {
		t.Fatalf("only %d lines measured", len(lines))
	}
	const tol = 0.5 // of a pixel
	for i, l := range lines {
		where := fmt.Sprintf("%s, %s: %q", l.Page, l.Chart, l.Text)
		if est := textWidth(chartText(l.Text), l.Size, l.Bold); l.Len > est {
			t.Errorf("%s is %.1f wide, estimated %.1f", where, l.Len, est)
		}
		if l.X < -tol || l.Y < -tol || l.X+l.W > l.VW+tol || l.Y+l.H > l.VH+tol {
			t.Errorf("%s at %.1f,%.1f %.1fx%.1f leaves its chart (%gx%g)", where, l.X, l.Y, l.W, l.H, l.VW, l.VH)
		}
		for _, o := range lines[i+1:] {
			if o.Page == l.Page && o.Chart == l.Chart && o.Elem != l.Elem && l.W > 0 && o.W > 0 &&
				l.X < o.X+o.W-tol && o.X < l.X+l.W-tol && l.Y < o.Y+o.H-tol && o.Y < l.Y+l.H-tol {
				t.Errorf("%s and %q overlap: %.1f,%.1f %.1fx%.1f and %.1f,%.1f %.1fx%.1f", where, o.Text, l.X, l.Y, l.W, l.H, o.X, o.Y, o.W, o.H)
			}
		}
	}
	t.Logf("%d lines of chart text measured", len(lines))
}

// A rubric on a scale of 0 to 7 (testdata/rubrics/sfia-mini.yaml): the
// browser draws a radar of seven rings, and under each skill gap what the
// levels up to the need look like; an indicator that tries to load an image
// or run code stays text.
func TestSevenLevelReportInChromium(t *testing.T) {
	bin := chromium(t)
	ps := servePage(t, func(base string) []byte {
		rep := reportOn(t, sfiaRubric, sfiaProfile, "principal")
		for id, levels := range rep.GapLevels {
			if id == "observability" {
				levels[0].Indicators = append(levels[0].Indicators, `<img src="`+base+`/indicator.png"><script>document.title="pwned"</script>`)
			}
		}
		return renderHTML(t, rep)
	})
	dom := string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", ps.URL+"/report.html"))
	if !strings.Contains(dom, `class="chart-radar"`) || strings.Count(dom, `<polygon`) != 7+2 {
		t.Errorf("the radar does not have 7 rings: %d polygons", strings.Count(dom, `<polygon`))
	}
	if n := strings.Count(dom, `<tr class="levels">`); n != 2 {
		t.Errorf("rendered DOM has %d rows of indicators, want 2", n)
	}
	for _, want := range []string{"<strong>3 apply</strong>: Sets alerts that page only for real problems", "<strong>5 ensure/advise</strong>: Sets the standards modules must meet; Plans large migrations of state", "&lt;img src="} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %s", want)
		}
	}
	if strings.Contains(dom, "<title>pwned") || strings.Contains(dom, "<img") {
		t.Error("a hostile indicator became markup")
	}
	screenshot(t, bin, ps.URL+"/report.html", "sfia-mini", 1800)
	ps.checkNoRequests(t)
}

// Text from rubrics and profiles may hold words longer than a line: a
// 150-character indicator, a rubric or person named without a space. In a
// window 900 pixels wide the report wraps them, and the page is no wider
// than the window (no sideways scrolling). Chromium measures the page with
// a script added to a copy of it (the report itself allows none).
func TestLongWordsStayInsideTheWindowInChromium(t *testing.T) {
	bin := chromium(t)
	long := strings.Repeat("x", 150)
	dir := t.TempDir()
	rubricFile, profileFile := filepath.Join(dir, "long.yaml"), filepath.Join(dir, "p.yaml")
	rub := strings.ReplaceAll(`version: 1
id: longwords
name: KitchenLONG
description: A rubric with wordsLONG that never break.
source: SourceLONG
levels: [none, learning, solid]
experience:
  - {id: cook_years, name: Years cookingLONG, question: "Years cooking:"}
stages:
  - {id: cook, name: CookLONG, years: {min: 0}, summary: SummaryLONG, focus: FocusLONG}
  - {id: chef, name: Chef, years: {min: 2}}
categories:
  - {id: experience, name: ExperienceLONG, weight: 1}
  - {id: cooking, name: CookingLONG, weight: 2, weeks_per_level: 20}
  - {id: certification, name: Certificates, weight: 1}
items:
  - {id: years, kind: years, field: cook_years, category: experience, name: YearsLONG, weight: 1, need: [1, 2], next_step: CookLONG more}
  - id: sauces
    kind: skill
    category: cooking
    name: SaucesLONG
    weight: 1
    need: [2, 2]
    levels: [RouxLONG, Mother saucesLONG]
    indicators: [[IndicatorLONG], [HollandaiseLONG]]
    advice: [AdviceLONG, Advice twoLONG]
  - {id: servsafe, kind: held, category: certification, name: ServSafeLONG, weight: 1, need: [1, 1], effort_weeks: 2}
`, "LONG", long)
	prof := strings.ReplaceAll("version: 1\nname: PersonLONG\nexperience: {cook_years: 0.5}\nskills: {sauces: 0}\nevidence: {sauces: EvidenceLONG}\n", "LONG", long)
	if err := os.WriteFile(rubricFile, []byte(rub), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(profileFile, []byte(prof), 0o600); err != nil {
		t.Fatal(err)
	}
	page := string(renderHTML(t, reportOn(t, rubricFile, profileFile, "")))
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)
	if !csp.MatchString(page) || !strings.Contains(page, "</body>") {
		t.Fatal("the report has no policy or body to replace")
	}
	page = csp.ReplaceAllString(page, "")
	page = strings.Replace(page, "</body>", `<pre id="out"></pre><script>
const d = document.documentElement;
document.getElementById("out").textContent = d.scrollWidth + " " + d.clientWidth;
</script></body>`, 1)
	file := filepath.Join(dir, "long.html")
	if err := os.WriteFile(file, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	dom := runChromium(t, bin, "--hide-scrollbars", "--window-size=900,1600", "--dump-dom", "file://"+file)
	m := regexp.MustCompile(`<pre id="out">([0-9]+) ([0-9]+)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("no measurement in %.300s", dom)
	}
	var scroll, client int
	fmt.Sscan(string(m[1]), &scroll)
	fmt.Sscan(string(m[2]), &client)
	if client < 800 || scroll > client {
		t.Errorf("the page is %d pixels wide in a window of %d", scroll, client)
	}
}
