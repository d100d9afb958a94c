package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/clipperhouse/displaywidth"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
	"golang.org/x/net/html"
)

// teamOf summarises profiles (nil: the example team in testdata/team)
// against the default rubric's IT Manager.
func teamOf(t testing.TB, ps []*profiles.Profile) *assess.Team {
	t.Helper()
	r := rubric.Default()
	s, err := assess.Compile(r)
	if err != nil {
		t.Fatal(err)
	}
	if ps == nil {
		err := profiles.Walk([]string{"../testdata/team"}, nil, func(rec profiles.Record) error {
			p, err := profiles.ParseRecord(rec)
			ps = append(ps, p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	team := assess.NewTeam(r, r.StageIndex("it-manager"))
	for i, p := range ps {
		b, err := s.Brief(p, "it-manager")
		if err != nil {
			t.Fatal(err)
		}
		team.Add(assess.Member{Name: p.Name, File: fmt.Sprintf("team/%d.yaml", i), Evidence: p.Evidence}, b)
	}
	return team.Summary(0)
}

// A team whose members have hostile names and evidence.
func hostileTeam(t testing.TB) *assess.Team {
	ps := []*profiles.Profile{}
	for i, name := range []string{
		hostileName,
		"Eve\x1b]0;owned\x07\x1b[2J | *x* `y`",
		"=HYPERLINK(\"http://evil\")",
		`</title><script>alert(3)</script>`,
		strings.Repeat("Maximilian-Alexander-", 5) + "Jones",
		"张伟张伟张伟张伟张伟张伟张伟",
	} {
		p, err := profiles.LoadFile("../testdata/profiles/alex.yaml", nil)
		if err != nil {
			t.Fatal(err)
		}
		p.Name = name
		p.Evidence = map[string]string{"networking": fmt.Sprintf(`</title></svg><script>alert(%d)</script>`, i)}
		ps = append(ps, p)
	}
	return teamOf(t, ps)
}

func TestTeamHostileNamesStayText(t *testing.T) {
	team := hostileTeam(t)
	outputs := map[string]func(*bytes.Buffer) error{
		"table":    func(b *bytes.Buffer) error { return TeamTable(b, team, Style{Width: 80}, 0) },
		"markdown": func(b *bytes.Buffer) error { return TeamMarkdown(b, team) },
		"json":     func(b *bytes.Buffer) error { return TeamJSON(b, team) },
		"html":     func(b *bytes.Buffer) error { return TeamHTML(b, team, 80, 60) },
		"csv": func(b *bytes.Buffer) error {
			c, err := NewTeamCSV(b, team.Rubric, team.Target, team.Requirements)
			for _, p := range team.People {
				if err == nil {
					err = c.Row(p)
				}
			}
			if err == nil {
				err = c.Flush()
			}
			return err
		},
	}
	for format, write := range outputs {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out := buf.String()
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s: a terminal escape reached the output", format)
		}
		switch format {
		case "table":
			if !strings.Contains(out, "Eve") || !strings.Contains(out, "script") {
				t.Errorf("table: the names are not shown as text")
			}
		case "markdown":
			if !strings.Contains(out, `Eve`) || !strings.Contains(out, `\| \*x\* \`+"`y\\`") || strings.Contains(out, "<script") {
				t.Errorf("markdown: names not escaped:\n%s", out)
			}
		case "json":
			var back assess.Team
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.People[0].Name != hostileName {
				t.Errorf("json: the name did not round-trip: %v", err)
			}
		case "csv":
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 7 || rows[3][0] != `'=HYPERLINK("http://evil")` {
				t.Errorf("csv: formula not defused or rows wrong: %v %v", err, rows)
			}
		case "html":
			checkInertTeamPage(t, out)
		}
	}
}

// checkInertTeamPage parses the page: no script, no event handler, no
// loaded resource; the hostile names and evidence are text in the SVG
// <title> tooltips.
func checkInertTeamPage(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	titles := 0
	walk(doc, func(n *html.Node) {
		if n.Data == "script" || n.Data == "img" || n.Data == "iframe" {
			t.Errorf("html: a <%s> element in the page", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "href" || a.Key == "src" {
				t.Errorf("html: attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
		}
		if n.Data == "title" && n.Parent != nil && n.Parent.Parent != nil && n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "alert(") {
			titles++
		}
	})
	if titles == 0 {
		t.Error("html: the hostile evidence is not in an SVG <title> as text")
	}
}

func TestTeamTableFitsEightyColumns(t *testing.T) {
	for _, team := range []*assess.Team{teamOf(t, nil), hostileTeam(t), teamOf(t, randomTeam(t, 40))} {
		var buf bytes.Buffer
		if err := TeamTable(&buf, team, Style{Width: 80}, 0); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(buf.String(), "\n") {
			if n := displaywidth.String(line); n > 80 {
				t.Errorf("line %d is %d columns: %s", i+1, n, line)
			}
		}
		// Every name is there in full, wrapped but never cut: the training
		// plan lists each name at the start of a line or after ", ".
		flat := strings.Join(strings.Fields(strings.ReplaceAll(buf.String(), "\n    ", "")), " ")
		for _, p := range team.People {
			if p.Gaps > 0 && !strings.Contains(flat, strings.Join(strings.Fields(Clean(p.Label)), " ")) {
				t.Errorf("member %q is not in the table in full", p.Label)
			}
		}
	}
}

func randomTeam(t testing.TB, n int) []*profiles.Profile {
	rng := rand.New(rand.NewPCG(7, 40))
	first := []string{"Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Gao", "Hana", "Ivan", "Jonas"}
	last := []string{"Ng", "Okoro", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka-Whitfield", "Ulloa"}
	var ps []*profiles.Profile
	for i := range n {
		p := testkit.RandomProfile(rng, rubric.Default())
		p.Name = fmt.Sprintf("%s %s %d", first[i%len(first)], last[i%len(last)], i+1)
		ps = append(ps, p)
	}
	return ps
}

// The team page in a real browser, for the example team and a generated
// team of 40: the matrix has a cell per member and requirement, no script
// runs and nothing but the page is requested.
func TestTeamHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	for _, tc := range []struct {
		name string
		team *assess.Team
	}{{"example", teamOf(t, nil)}, {"forty", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			team := tc.team
			if team == nil {
				// One hostile member among the forty.
				ps := randomTeam(t, 39)
				p, _ := profiles.LoadFile("../testdata/profiles/alex.yaml", nil)
				p.Name = hostileName
				team = teamOf(t, append(ps, p))
			}
			var buf bytes.Buffer
			if err := TeamHTML(&buf, team, 80, 60); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			var requests []string
			page := buf.Bytes()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				requests = append(requests, r.URL.Path)
				mu.Unlock()
				if r.URL.Path == "/team.html" {
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					w.Write(page)
					return
				}
				http.NotFound(w, r)
			}))
			defer srv.Close()

			dom := string(runChromium(t, bin, "--virtual-time-budget=3000", "--dump-dom", srv.URL+"/team.html"))
			doc, err := html.Parse(strings.NewReader(dom))
			if err != nil {
				t.Fatal(err)
			}
			cells, rows := 0, 0
			classes := map[string]int{}
			walk(doc, func(n *html.Node) {
				c := attr(n, "class")
				switch {
				case strings.HasPrefix(c, "cell "):
					cells++
					classes[strings.TrimPrefix(c, "cell ")]++
				case c == "row":
					rows++
				}
			})
			if want := len(team.People) * len(team.Requirements); cells != want || rows != len(team.People) {
				t.Errorf("the matrix has %d rows and %d cells; want %d rows, %d cells", rows, cells, len(team.People), want)
			}
			if classes["met"] == 0 || classes["short1"] == 0 || classes["short2"] == 0 {
				t.Errorf("cell classes %v; want met, one short and two short", classes)
			}
			if !strings.Contains(dom, "<title>Team readiness for "+team.TargetName+"</title>") {
				t.Error("the page title changed: a script ran")
			}
			shot := filepath.Join(t.TempDir(), "skillgap-team-"+tc.name+".png")
			if d := os.Getenv("SKILLGAP_SCREENSHOT_DIR"); d != "" {
				shot = filepath.Join(d, filepath.Base(shot))
			}
			runChromium(t, bin, "--hide-scrollbars", "--window-size=1300,2200", "--screenshot="+shot, srv.URL+"/team.html")
			if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
				t.Errorf("screenshot %s missing or empty: %v", shot, err)
			}
			t.Logf("screenshot: %s", shot)
			mu.Lock()
			defer mu.Unlock()
			for _, p := range requests {
				if p != "/team.html" && p != "/favicon.ico" {
					t.Errorf("the page made a request to %s", p)
				}
			}
		})
	}
}
