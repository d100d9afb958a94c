package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/clipperhouse/displaywidth"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/text"
	"github.com/skillgap/skillgap/rubric"
)

var teamTemplate = pageTemplate("team.html.tmpl")

type teamPage struct {
	*assess.Team
	// Top is the top level of the rubric's scale (4 on the standard one).
	Top                int
	Title              string
	ReadyAt, AlmostAt  float64
	Counts             []verdictCount
	Dist               distChart
	Matrix             matrixChart
	Bench              []benchRow
	Evidence           []evidenceLine
	TrainingWithPeople bool
}

type verdictCount struct {
	Verdict, Text, Symbol string
	N                     int
}

type benchRow struct {
	Name          string
	Ready, Almost string
}

// distChart is the readiness of every member on one axis: a dot each (its
// <title> names the member), over the quartile box.
type distChart struct {
	W, H, X0, Span   float64
	BoxX, BoxW       float64
	MedX, MinX, MaxX float64
	AlmostX, ReadyX  float64
	Ticks            []distTick
	Dots             []distDot
	Crowded          bool // some dots left out
	AxisY, AxisEnd   float64
	TickY            float64
}

type distTick struct {
	X     float64
	Label string
}

type distDot struct {
	X, Y         float64
	Fill, Symbol string
	Title        string
}

// matrixChart is the skills matrix: members as rows, the target's
// requirements as columns, a cell for each with the member's level.
type matrixChart struct {
	W, H, NameW, CellW, CellH, Top, NeedY float64
	Cols                                  []matrixCol
	Rows                                  []matrixRow
}

type matrixCol struct {
	X, CX, LabelY float64
	Label, Title  string
	Need          string
}

type matrixRow struct {
	Y, TextY     float64
	Label, Title string
	Cells        []matrixCell
}

type matrixCell struct {
	X, CX       float64
	Class, Text string
	Title       string
	HasEvidence bool
}

// TeamHTML writes the team summary as one self-contained page, escaped and
// locked down as the single report is: the skills matrix, the verdicts and
// the readiness of every member, the bench per rung, the training plan and
// the shared needs. readyAt and almostAt are the rubric's thresholds.
func TeamHTML(w io.Writer, t *assess.Team, readyAt, almostAt float64) error {
	d := teamPage{Team: t, Title: "Team readiness for " + t.TargetName, ReadyAt: readyAt, AlmostAt: almostAt, TrainingWithPeople: t.PeopleListed, Top: t.MaxLevel}
	if d.Top == 0 {
		d.Top = rubric.MaxLevel
	}
	for _, v := range []string{assess.Ready, assess.Almost, assess.NotReady} {
		d.Counts = append(d.Counts, verdictCount{Verdict: v, Text: VerdictText(v), Symbol: symbol(v), N: t.Verdicts[v]})
	}
	people := ByReadiness(t.People)
	d.Dist = distOf(t, people, readyAt, almostAt)
	if t.PeopleListed {
		d.Matrix = matrixOf(t, people)
		d.Evidence = teamEvidence(people, t.Requirements)
	}
	for _, b := range t.Bench {
		row := benchRow{Name: b.Name, Ready: fmt.Sprint(b.Ready), Almost: fmt.Sprint(b.Almost)}
		if t.PeopleListed {
			row.Ready, row.Almost = namesCell(b.Ready, b.ReadyPeople), almostCell(b)
		}
		d.Bench = append(d.Bench, row)
	}
	var buf strings.Builder
	if err := teamTemplate().Execute(&buf, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, text.CleanHTML(buf.String()))
	return err
}

func distOf(t *assess.Team, people []assess.Person, readyAt, almostAt float64) distChart {
	c := distChart{W: 640, X0: 30, Span: 580, AxisY: 58, AxisEnd: 610, TickY: 72}
	x := func(v float64) float64 { return round(c.X0 + c.Span*v/100) }
	r := t.Readiness
	c.BoxX, c.BoxW, c.MedX, c.MinX, c.MaxX = x(r.Q1), x(r.Q3)-x(r.Q1), x(r.Median), x(r.Min), x(r.Max)
	c.AlmostX, c.ReadyX = x(almostAt), x(readyAt)
	for v := 0; v <= 100; v += 20 {
		c.Ticks = append(c.Ticks, distTick{X: x(float64(v)), Label: fmt.Sprint(v)})
	}
	// Members with nearly the same readiness stack upwards, up to a point:
	// past maxStack a bin draws no more dots (the box still holds them all).
	const maxStack = 12
	stack := map[int]int{}
	top := 0
	for _, p := range people {
		if stack[int(p.Readiness/2.5)] >= maxStack {
			c.Crowded = true
			continue
		}
		bin := int(p.Readiness / 2.5)
		k := stack[bin]
		stack[bin]++
		top = max(top, k)
		c.Dots = append(c.Dots, distDot{X: x(p.Readiness), Y: float64(90 + 11*k), Fill: fillFor(p.Verdict), Symbol: symbol(p.Verdict),
			Title: fmt.Sprintf("%s: %.1f, %s", p.Label, p.Readiness, VerdictText(p.Verdict))})
	}
	c.H = float64(90 + 11*top + 14)
	return c
}

// cellText writes a member's value as it reads in a cell: a level or years
// as a number, a credential as ✓ or ✗, an unanswered requirement as ?.
func cellText(q assess.Requirement, have assess.Level) string {
	switch {
	case math.IsNaN(float64(have)):
		return "?"
	case q.Kind == rubric.KindHeld || q.Kind == rubric.KindAny:
		if float64(have) >= q.Need {
			return "✓"
		}
		return "✗"
	}
	return Num(float64(have))
}

// cellClass is how far a value is from the need: met, one short, or two or
// more short (for a credential, missing counts as one short).
func cellClass(q assess.Requirement, have assess.Level) (string, string) {
	h := float64(have)
	switch {
	case math.IsNaN(h):
		return "unknown", "not answered: added to the rubric after this profile"
	case h >= q.Need:
		return "met", "met"
	case q.Need-h <= 1+1e-9:
		return "short1", "one short"
	}
	return "short2", "two or more short"
}

// shorten cuts s to n columns (a wide character counts two) with an
// ellipsis; the full text goes in a tooltip. Control characters are made
// visible first, so the cut never splits their escape.
func shorten(s string, n int) string {
	s = text.CleanHTML(s)
	if displaywidth.String(s) <= n {
		return s
	}
	out, w := "", 0
	for _, r := range s {
		rw := displaywidth.String(string(r))
		if w+rw > n-1 {
			break
		}
		out += string(r)
		w += rw
	}
	return strings.TrimSpace(out) + "…"
}

func matrixOf(t *assess.Team, people []assess.Person) matrixChart {
	m := matrixChart{NameW: 170, CellW: 30, CellH: 22, Top: 170}
	m.NeedY = m.Top + m.CellH*0.5 + 4
	for k, q := range t.Requirements {
		x := m.NameW + float64(k)*m.CellW
		kind := "level"
		switch q.Kind {
		case rubric.KindYears:
			kind = "years"
		case rubric.KindHeld, rubric.KindAny:
			kind = "held"
		}
		title := fmt.Sprintf("%s (%s): needs %s %s", q.Name, q.Category, Num(q.Need), kind)
		if q.Preferred {
			title += ", preferred"
		}
		m.Cols = append(m.Cols, matrixCol{X: x, CX: x + m.CellW/2, LabelY: m.Top - 6, Label: shorten(q.Name, 26), Title: title, Need: Num(q.Need)})
	}
	for i, p := range people {
		y := m.Top + m.CellH*float64(i+1)
		row := matrixRow{Y: y, TextY: y + m.CellH*0.5 + 4, Label: shorten(p.Label, 22),
			Title: fmt.Sprintf("%s: readiness %.1f, %s", p.Label, p.Readiness, VerdictText(p.Verdict))}
		for k, q := range t.Requirements {
			have := assess.Level(math.NaN())
			if k < len(p.Have) {
				have = p.Have[k]
			}
			class, status := cellClass(q, have)
			x := m.NameW + float64(k)*m.CellW
			val := cellText(q, have)
			title := fmt.Sprintf("%s · %s: %s, needs %s (%s)", p.Label, q.Name, val, Num(q.Need), status)
			ev := p.Evidence[q.ID]
			if ev != "" {
				title += ". Evidence: " + ev
			}
			row.Cells = append(row.Cells, matrixCell{X: x, CX: x + m.CellW/2, Class: class, Text: val, Title: title, HasEvidence: ev != ""})
		}
		m.Rows = append(m.Rows, row)
	}
	m.W = m.NameW + m.CellW*float64(len(t.Requirements)) + 120
	m.H = m.Top + m.CellH*float64(len(people)+1) + 8
	return m
}
