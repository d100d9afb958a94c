package assess

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// dec is x as the decimal it was written as: a rubric's weight of 0.2 or
// a profile's 1.5 years (the shortest form that reads back as x).
func dec(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok {
		panic(x)
	}
	return r
}

// tenthHalfUp rounds a non-negative x to a tenth, a half up.
func tenthHalfUp(x *big.Rat) *big.Rat {
	t := new(big.Rat).Mul(x, big.NewRat(10, 1))
	t.Add(t, big.NewRat(1, 2))
	q := new(big.Int).Quo(t.Num(), t.Denom()) // floor, t >= 0
	return new(big.Rat).SetFrac(q, big.NewInt(10))
}

// Readiness, rung by rung, and the category scores are the rubric's
// arithmetic done in decimals, as a person checking them by hand would,
// rounded to a tenth with a half up: never a tenth off because the sum
// of floats fell a hair short of a half (or the readiness weights'
// quantizing moved it), on any test rubric, where ties are common (equal
// weights, credits of a quarter).
func TestScoresAreExactDecimals(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	ties := 0
	for _, r := range testRubrics(t) {
		s := New(r)
		// The rubric's weights as AbsoluteWeights works them out, exactly.
		catSum := map[string]*big.Rat{}
		for i := range r.Items {
			it := &r.Items[i]
			if !countsAt(it) {
				continue
			}
			if catSum[it.Category] == nil {
				catSum[it.Category] = new(big.Rat)
			}
			catSum[it.Category].Add(catSum[it.Category], dec(it.Weight))
		}
		abs := func(si, i int) *big.Rat {
			it := &r.Items[i]
			c, _ := r.Category(it.Category)
			w := c.Weight
			if sw, ok := r.Stages[si].Weights[c.ID]; ok {
				w = sw
			}
			a := new(big.Rat).Mul(dec(w), dec(it.Weight))
			return a.Quo(a, catSum[it.Category])
		}
		for n := range 600 {
			p := randomProfile(rng, r)
			res, err := s.Score(p, "")
			if err != nil {
				t.Fatal(err)
			}
			st := s.stateOf(p)
			si := r.StageIndex(res.Target)
			raw := make([]*big.Rat, len(r.Stages))
			catW, catAcc := map[int]*big.Rat{}, map[int]*big.Rat{}
			for j := range r.Stages {
				total, acc := new(big.Rat), new(big.Rat)
				for _, a := range s.ask[j] {
					if st.skip(a.i) {
						continue
					}
					h, need := dec(s.have(&st, a.i, j)), dec(a.need)
					c := big.NewRat(1, 1)
					if h.Cmp(need) < 0 {
						c.Quo(h, need)
						c.Mul(c, c)
						if h.Sign() <= 0 {
							c.SetInt64(0)
						}
					}
					w := abs(j, a.i)
					total.Add(total, w)
					acc.Add(acc, new(big.Rat).Mul(w, c))
					if j == si {
						ci := s.items[a.i].catIdx
						if catW[ci] == nil {
							catW[ci], catAcc[ci] = new(big.Rat), new(big.Rat)
						}
						catW[ci].Add(catW[ci], w)
						catAcc[ci].Add(catAcc[ci], new(big.Rat).Mul(w, c))
					}
				}
				raw[j] = big.NewRat(100, 1)
				if total.Sign() > 0 {
					raw[j].Mul(raw[j], acc).Quo(raw[j], total)
				}
			}
			// A rung is as ready as any rung above it.
			best := new(big.Rat)
			for j := len(r.Stages) - 1; j >= 0; j-- {
				if raw[j].Cmp(best) > 0 {
					best.Set(raw[j])
				}
				want := tenthHalfUp(best)
				if got := dec(res.Ladder[j].Readiness); got.Cmp(want) != 0 {
					t.Fatalf("%s profile %d rung %s: readiness %v, in decimals %s", r.ID, n, r.Stages[j].ID, res.Ladder[j].Readiness, best.FloatString(12))
				}
				if new(big.Rat).Mul(best, big.NewRat(20, 1)).IsInt() {
					ties++ // exactly a half of a tenth (or a twentieth)
				}
			}
			for _, c := range res.Categories {
				ci := slices.IndexFunc(r.Categories, func(x rubric.Category) bool { return x.ID == c.ID })
				want := tenthHalfUp(new(big.Rat).Quo(new(big.Rat).Mul(big.NewRat(100, 1), catAcc[ci]), catW[ci]))
				if got := dec(c.Score); got.Cmp(want) != 0 {
					t.Fatalf("%s profile %d category %s: score %v, in decimals %s", r.ID, n, c.ID, c.Score, want.FloatString(1))
				}
			}
		}
	}
	if ties < 100 {
		t.Errorf("only %d readiness values on a twentieth: the test does not reach ties", ties)
	}
}

// countsAt is rubric's Item.counts: an item scored at some stage.
func countsAt(it *rubric.Item) bool {
	if it.Weight <= 0 {
		return false
	}
	for _, n := range it.Need {
		if n > 0 {
			return true
		}
	}
	return false
}

// round1 goes a half up, a hair either side of the half included, and
// away from zero below it; anything else to the nearest tenth.
func TestRound1(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{31.75, 31.8}, {31.749999999999996, 31.8}, {31.750000000000004, 31.8}, {71.25, 71.3},
		{71.24999, 71.2}, {71.24999999999, 71.3}, {74.9499999951, 74.9}, {0.05, 0.1}, {0.04999, 0}, {99.95, 100}, {100, 100},
		{-0.15, -0.2}, {-0.149, -0.1}, {-3.25, -3.3}, {12, 12}, {0.1 + 0.2, 0.3},
	} {
		if got := round1(c.x); got != c.want {
			t.Errorf("round1(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if z := round1(0); z != 0 || math.Signbit(z) {
		t.Errorf("round1(0) = %v", z)
	}
}

// quantize moves no weight by more than 2^-45 of the stage's, keeps every
// weight above zero above zero, and makes any sum of the weights the same
// in any order (rawOf's sums rely on it), for the test rubrics' stages and
// for random weights of every size.
func TestQuantizeSumsExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	var stages [][]float64
	for _, r := range testRubrics(t) {
		for si := range r.Stages {
			stages = append(stages, r.AbsoluteWeights(si))
		}
	}
	for range 200 {
		ws := make([]float64, 1+rng.IntN(60))
		scale := math.Pow(10, float64(rng.IntN(40)-20))
		for i := range ws {
			ws[i] = rng.Float64() * scale
			if rng.IntN(5) == 0 {
				ws[i] = 0
			}
		}
		stages = append(stages, ws)
	}
	for _, orig := range stages {
		sum := 0.0
		for _, w := range orig {
			sum += w
		}
		ws := quantize(slices.Clone(orig))
		for i := range ws {
			if math.Abs(ws[i]-orig[i]) > sum*math.Ldexp(1, -44) || (orig[i] > 0) != (ws[i] > 0) {
				t.Fatalf("weight %v quantized to %v (stage total %v)", orig[i], ws[i], sum)
			}
		}
		for range 20 {
			pick := slices.Clone(ws)
			rng.Shuffle(len(pick), func(i, j int) { pick[i], pick[j] = pick[j], pick[i] })
			pick = pick[:rng.IntN(len(pick)+1)]
			a, b := 0.0, 0.0
			for _, w := range pick {
				a += w
			}
			for i := len(pick) - 1; i >= 0; i-- {
				b += pick[i]
			}
			if a != b {
				t.Fatalf("the same weights sum to %v one way and %v the other", a, b)
			}
		}
	}
}

// A readiness a few billionths of a point below a half is below it: a
// rubric whose weights put a readiness at 74.9499999951 in decimals gives
// 74.9, almost, not 75 and ready (the hair round1 allows is far smaller).
func TestReadinessJustBelowAHalf(t *testing.T) {
	r, err := rubric.Parse("tol.yaml", []byte(`version: 1
id: tol
name: Tolerance
thresholds: {ready: 75, almost: 60}
stages: [{id: one, name: One, years: {min: 0}}]
categories: [{id: technical, name: Technical, weight: 1, weeks_per_level: 10}]
items:
  - {id: a, kind: skill, category: technical, name: A, weight: 0.749499999951, need: [1], require: required, levels: [x, y, z, w]}
  - {id: b, kind: skill, category: technical, name: B, weight: 0.250500000049, need: [1], require: required, levels: [x, y, z, w]}
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Score(r, &profiles.Profile{Version: 1, Skills: map[string]int{"a": 1, "b": 0}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Readiness != 74.9 || res.Verdict != Almost || res.TimeToReadyWeeks != 10 {
		t.Errorf("readiness %v, verdict %s, time to ready %d; want 74.9, almost, 10", res.Readiness, res.Verdict, res.TimeToReadyWeeks)
	}
}

// A profile that was not checked against its rubric (a program using the
// library may build one) scores without a panic whatever its levels: one
// below 0 counts as 0, one above the top as the top.
func TestUncheckedLevelsScore(t *testing.T) {
	r := rubric.Default()
	for _, lvl := range []int{-3, -1, 0, r.MaxLevel() + 1, 1 << 30, -(1 << 30)} {
		p := &profiles.Profile{Version: 1, Skills: map[string]int{}}
		for _, id := range r.SkillIDs() {
			p.Skills[id] = lvl
		}
		p.Skills["bachelor-it"] = lvl // a held item given a level
		res, err := Score(r, p, "")
		if err != nil {
			t.Fatal(err)
		}
		q := &profiles.Profile{Version: 1, Skills: map[string]int{}}
		for _, id := range r.SkillIDs() {
			q.Skills[id] = min(max(lvl, 0), r.MaxLevel())
		}
		q.Skills["bachelor-it"] = min(max(lvl, 0), r.MaxLevel())
		want, err := Score(r, q, "")
		if err != nil {
			t.Fatal(err)
		}
		if res.Readiness != want.Readiness || res.Verdict != want.Verdict || res.TimeToReadyWeeks != want.TimeToReadyWeeks {
			t.Errorf("level %d: %v %s %d, as the nearest level of the scale %v %s %d", lvl,
				res.Readiness, res.Verdict, res.TimeToReadyWeeks, want.Readiness, want.Verdict, want.TimeToReadyWeeks)
		}
	}
}
