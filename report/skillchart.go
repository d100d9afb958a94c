package report

import (
	"fmt"
	"math"
	"strings"
)

// radarMax is the most skills a radar shows. Past it the spokes are under
// 22.5° apart and their labels are cut to a word or two, so the skills are
// drawn as bars grouped by category instead, which also have room for each
// skill's name and values.
const radarMax = 16

// Shared by the skill charts: lines of 12px text advance lineH; a line's
// baseline is ascent below its top (DejaVu Sans rises 0.93em above the
// baseline and falls 0.24em below it).
// Text starts at textLeft, not 0: a capital T or V overhangs to the left.
const (
	lineH    = 14.0
	ascent   = 12.0
	margin   = 4.0
	textLeft = 2.0
)

// textLine is one line of a label, at its baseline.
type textLine struct {
	X, Y float64
	Text string
}

type radarChart struct {
	W, H, CX, CY float64
	Rings        []string
	Levels       []textLine // the ring levels, along the first spoke
	Spokes       []radarSpoke
	Have, Need   string
	Points       int
}

type radarSpoke struct {
	X, Y             float64 // the spoke's end, on the outer ring (the top level)
	Anchor           string
	Lines            []textLine
	Name, Have, Need string
}

// skillsAsked are the skills the target asks: a rung that asks nothing of a
// skill would draw a spike to 0 on a radar and an empty row of bars.
func skillsAsked(skills []SkillLevel) []SkillLevel {
	var asked []SkillLevel
	for _, s := range skills {
		if s.Need > 0 {
			asked = append(asked, s)
		}
	}
	return asked
}

// box is a rectangle, for keeping labels apart.
type box struct{ X0, Y0, X1, Y1 float64 }

func (a box) overlaps(b box, gap float64) bool {
	return a.X0 < b.X1+gap && b.X0 < a.X1+gap && a.Y0 < b.Y1+gap && b.Y0 < a.Y1+gap
}

// radarOf draws skills (3 to radarMax) as a radar whose spokes carry the
// skills' names, with a ring for each level 1 to top. Each label wraps to at most two lines as wide as the room
// to the chart's side allows; labels that would touch a neighbour are
// narrowed until they do not. The chart is as tall as its labels need.
func radarOf(skills []SkillLevel, maxLevel int) radarChart {
	n := len(skills)
	const w, radius, pad = 640.0, 150.0, 10.0
	const maxLabel, minLabel, narrow = 160.0, 40.0, 6.0
	c := radarChart{W: w, CX: w / 2, Points: n}
	if n < 3 {
		c.Points = 0
		return c
	}
	type label struct {
		cos, sin, ax, ay, maxW float64
		anchor                 string
		lines                  []string
		b                      box
	}
	labels := make([]label, n)
	// Positions are first taken from the centre; the centre's height comes
	// last, from the labels' extent.
	place := func(l *label, name string) {
		l.lines = wrapText(name, l.maxW, fontSize, 2)
		lw := widest(l.lines, fontSize, false)
		h := lineH*float64(len(l.lines)) + 1
		x0 := l.ax - lw/2
		switch l.anchor {
		case "start":
			x0 = l.ax
		case "end":
			x0 = l.ax - lw
		}
		// A label above the chart stands on its spoke's end, one below hangs
		// from it, one at the side is centred on it.
		top := l.ay - h*(1-l.sin)/2
		l.b = box{x0, top, x0 + lw, top + h}
	}
	for i, s := range skills {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		l := &labels[i]
		l.cos, l.sin = math.Cos(a), math.Sin(a)
		l.ax, l.ay = (radius+pad)*l.cos, (radius+pad)*l.sin
		room := 2 * (w/2 - margin - math.Abs(l.ax))
		switch {
		case l.cos > 0.2:
			l.anchor, room = "start", w/2-margin-l.ax
		case l.cos < -0.2:
			l.anchor, room = "end", w/2-margin+l.ax
		default:
			l.anchor = "middle"
		}
		l.maxW = min(maxLabel, room)
		place(l, s.Name)
	}
	// Labels at the sides stand far enough apart for two lines each (up to
	// radarMax spokes); a label above or below the chart, centred on its
	// spoke, can reach its neighbours, whose near edges are fixed: it is
	// narrowed, a step at a time, until it clears them.
	for changed := true; changed; {
		changed = false
		for i := range labels {
			for j := i + 1; j < n; j++ {
				a, b := &labels[i], &labels[j]
				if !a.b.overlaps(b.b, 2) {
					continue
				}
				k := i
				if b.anchor == "middle" || (a.anchor != "middle" && b.b.X1-b.b.X0 > a.b.X1-a.b.X0) {
					k = j
				}
				l := &labels[k]
				if w := min(l.maxW, l.b.X1-l.b.X0) - narrow; w >= minLabel {
					l.maxW = w
					place(l, skills[k].Name)
					changed = true
				}
			}
		}
	}
	top, bottom := -radius, radius
	for _, l := range labels {
		top, bottom = min(top, l.b.Y0), max(bottom, l.b.Y1)
	}
	c.CY = round(margin - top)
	c.H = round(c.CY + bottom + margin)

	at := func(i int, level float64) (float64, float64) {
		r := radius * min(level, float64(maxLevel)) / float64(maxLevel)
		return round(c.CX + r*labels[i].cos), round(c.CY + r*labels[i].sin)
	}
	poly := func(level func(i int) float64) string {
		pts := make([]string, n)
		for i := range n {
			x, y := at(i, level(i))
			pts[i] = fmt.Sprintf("%g,%g", x, y)
		}
		return strings.Join(pts, " ")
	}
	for l := 1; l <= maxLevel; l++ {
		c.Rings = append(c.Rings, poly(func(int) float64 { return float64(l) }))
		// Just inside its ring, by the first spoke.
		c.Levels = append(c.Levels, textLine{X: c.CX + 3, Y: round(c.CY - radius*float64(l)/float64(maxLevel) + 10), Text: fmt.Sprint(l)})
	}
	for i, s := range skills {
		l := labels[i]
		x, y := at(i, float64(maxLevel))
		sp := radarSpoke{X: x, Y: y, Anchor: l.anchor, Name: s.Name, Have: Num(s.Have), Need: Num(s.Need)}
		for k, line := range l.lines {
			sp.Lines = append(sp.Lines, textLine{X: round(c.CX + l.ax), Y: round(c.CY + l.b.Y0 + ascent + lineH*float64(k)), Text: line})
		}
		c.Spokes = append(c.Spokes, sp)
	}
	c.Have = poly(func(i int) float64 { return skills[i].Have })
	c.Need = poly(func(i int) float64 { return skills[i].Need })
	return c
}

// barChart shows each skill as a pair of bars, its level and the level the
// target needs (on a scale of 0 to the rubric's top level), in rows grouped
// under their category's name.
type barChart struct {
	W, H, X0, Span, GridTop float64
	Indent, ValueX          float64
	HaveH, NeedH            float64    // the bars' heights
	Ticks                   []textLine // the levels 0 to the top, above the bars
	Legend                  barLegend
	Groups                  []barGroup
}

type barLegend struct {
	Y          float64 // of the swatches
	NeedX      float64 // the need swatch's; the have swatch is at 0
	Have, Need textLine
	Full       string // the need's words in full (Need may be shortened)
}

type barGroup struct {
	Heading     textLine
	Name        string
	Top, Bottom float64 // of its rows, for the grid
	GridX       []float64
	Rows        []barRow
}

type barRow struct {
	Label, Name, Value, Have, Need    string
	TextY, HaveY, HaveW, NeedY, NeedW float64
	Short                             bool
}

// Bar chart sizes: the chart is drawn at 720 wide (its figure is at most
// 45rem, so its text is at 12px on a wide screen), rows 22 high with a have
// bar of 8 over a need bar of 7.
const (
	barsW      = 720.0
	barsIndent = 12.0  // skill names sit under their category's name
	barsLabel  = 280.0 // the widest a skill's name may be before it is cut
	barsGap    = 12.0
	rowH       = 22.0
	headH      = 26.0
	haveH      = 8.0
	needH      = 7.0
)

// skillBarsOf lays out skills (any number) as bars grouped by category,
// categories in the order their first skill comes. The name column is as
// wide as the widest name, up to barsLabel (a longer name is cut, whole in
// its row's title); the chart grows a row at a time.
func skillBarsOf(skills []SkillLevel, stageName string, top int) barChart {
	c := barChart{W: barsW, Indent: barsIndent, HaveH: haveH, NeedH: needH}
	names := make([]string, len(skills))
	values := make([]string, len(skills))
	for i, s := range skills {
		names[i] = chartText(s.Name)
		values[i] = Num(s.Have) + " / " + Num(s.Need)
	}
	labelW := min(widest(names, fontSize, false), barsLabel)
	valueW := widest(values, fontSize, true)
	c.X0 = math.Ceil(barsIndent + labelW + barsGap)
	c.ValueX = barsW - margin
	c.Span = math.Floor(c.ValueX - valueW - barsGap - c.X0)

	// The legend: a swatch and its words for each bar.
	textY := margin + ascent
	c.Legend.Y = textY - haveH - 1
	c.Legend.Have = textLine{X: 22, Y: textY, Text: "your level"}
	c.Legend.NeedX = math.Ceil(c.Legend.Have.X + textWidth(c.Legend.Have.Text, fontSize, false) + 16)
	c.Legend.Full = "what " + stageName + " needs"
	c.Legend.Need = textLine{X: c.Legend.NeedX + 22, Y: textY,
		Text: fitText(c.Legend.Full, barsW-margin-(c.Legend.NeedX+22), fontSize, false)}
	tickY := textY + 22
	for l := 0; l <= top; l++ {
		c.Ticks = append(c.Ticks, textLine{X: round(c.X0 + c.Span*float64(l)/float64(top)), Y: tickY, Text: fmt.Sprint(l)})
	}
	c.GridTop = tickY + 6

	order := []string{}
	byCat := map[string][]int{}
	for i, s := range skills {
		if _, ok := byCat[s.Category]; !ok {
			order = append(order, s.Category)
		}
		byCat[s.Category] = append(byCat[s.Category], i)
	}
	y := c.GridTop
	for _, cat := range order {
		idx := byCat[cat]
		catName := skills[idx[0]].CategoryName
		if catName == "" {
			catName = cat
		}
		g := barGroup{Name: catName}
		g.Heading = textLine{X: textLeft, Y: y + headH - 8, Text: fitText(catName, barsW-margin-textLeft, fontSize, true)}
		y += headH
		g.Top = y
		for _, i := range idx {
			s := skills[i]
			row := barRow{Label: fitText(s.Name, labelW, fontSize, false), Name: s.Name, Value: values[i], Have: Num(s.Have), Need: Num(s.Need),
				TextY: y + 15, HaveY: y + 3, NeedY: y + 3 + haveH + 1, Short: s.Have < s.Need,
				HaveW: round(c.Span * clamp(s.Have/float64(top))), NeedW: round(c.Span * clamp(s.Need/float64(top)))}
			g.Rows = append(g.Rows, row)
			y += rowH
		}
		g.Bottom = y
		c.Groups = append(c.Groups, g)
	}
	for _, t := range c.Ticks {
		for i := range c.Groups {
			c.Groups[i].GridX = append(c.Groups[i].GridX, t.X)
		}
	}
	c.H = y + margin
	return c
}

func clamp(f float64) float64 { return max(0, min(1, f)) }
