package rubric

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultRubricLoads(t *testing.T) {
	r, err := Builtin(DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(r.Stages); got != 6 {
		t.Errorf("stages = %d, want 6", got)
	}
}

func TestDefaultRubricHasTheFormatIDs(t *testing.T) {
	// The default rubric's ids are a public contract (docs/profile-format.md).
	r := Default()
	if got := strings.Join(r.StageIDs(), " "); got != "assistant-it-manager it-manager senior-it-manager it-director vp-it cio" {
		t.Errorf("stages: %s", got)
	}
	want := map[string][]string{
		"technical":     {"infrastructure", "networking", "operating-systems", "cloud", "cybersecurity", "databases", "itsm", "project-management", "disaster-recovery", "virtualization", "service-desk", "scripting"},
		"soft":          {"leadership", "problem-solving", "communication", "strategic-planning", "vendor-management", "change-management", "budgeting"},
		"education":     {"bachelor-it", "master-it"},
		"certification": {"itil-foundation", "pmp", "comptia-project-plus", "capm", "comptia-a-plus", "comptia-network-plus", "comptia-security-plus", "aws", "azure", "gcp", "cissp", "cism"},
	}
	for cat, ids := range want {
		kind := KindSkill
		if cat == "education" || cat == "certification" {
			kind = KindHeld
		}
		if got := r.IDsOfKind(kind, cat); strings.Join(got, " ") != strings.Join(ids, " ") {
			t.Errorf("%s: got %v, want %v", cat, got, ids)
		}
	}
	bands := map[string]Band{"assistant-it-manager": {2, 4}, "it-manager": {5, 8}, "senior-it-manager": {8, 12}, "it-director": {12, 18}, "vp-it": {18, 25}, "cio": {25, 0}}
	for _, s := range r.Stages {
		if s.Years != bands[s.ID] {
			t.Errorf("%s: band %v, want %v", s.ID, s.Years, bands[s.ID])
		}
	}
}

func TestEveryItemSaysWhereItComesFrom(t *testing.T) {
	for _, it := range Default().Items {
		if it.Section == "" || it.Description == "" {
			t.Errorf("%s: section %q, description %q", it.ID, it.Section, it.Description)
		}
		if it.Weight > 0 && it.NextStep == "" && len(it.Advice) == 0 {
			t.Errorf("%s: no next step", it.ID)
		}
	}
}

// A need may fall up the ladder only when the item says why.
func TestNeedFallsWithAReason(t *testing.T) {
	src, _ := BuiltinSource(DefaultID)
	falls := strings.Replace(string(src), "need: [1, 2, 3, 3, 4, 4]", "need: [1, 2, 3, 2, 4, 4]\n    need_falls: directors delegate it", 1)
	if _, err := Parse("falls.yaml", []byte(falls)); err != nil {
		t.Errorf("a need that falls with a reason: %v", err)
	}
}

func TestValidateRefusesNonsense(t *testing.T) {
	base, ok := BuiltinSource(DefaultID)
	if !ok {
		t.Fatal("no default rubric")
	}
	cases := []struct{ name, old, new, want string }{
		{"level above 4", "need: [2, 3, 3, 3, 3, 3]", "need: [2, 3, 3, 3, 3, 5]", "skill needs are levels 0-4"},
		{"wrong need count", "need: [1, 2, 2, 2, 2, 2]", "need: [1, 2, 2]", "need lists 3 value(s); give one per stage"},
		{"unknown alternative", "- {id: cism}", "- {id: cims}", `alternative "cims" is not an item (did you mean cism?)`},
		{"unknown category", "category: soft", "category: sfot", `category "sfot" is not one of`},
		{"duplicate id", "- id: scripting", "- id: databases", `item id "databases" is already the id of the item at line `},
		{"zero category weight", "weight: 0.10}", "weight: 0}", "weight must be at least 1e-06"},
		{"stages out of order", "years: {min: 25}", "years: {min: 1}", "before the stage below it"},
		{"unknown key", "require: hard", "requier: hard", `unknown key "requier" (did you mean require?)`},
		{"need falls", "need: [1, 2, 3, 3, 4, 4]", "need: [1, 2, 3, 2, 4, 4]", "need falls from 3 at senior-it-manager to 2 at it-director"},
		{"unknown require", "require: preferred", "require: nice", `require "nice" is not one of hard, required, preferred`},
		{"preferred outweighs the threshold", "{id: certification, name: Certifications, weight: 0.10}", "{id: certification, name: Certifications, weight: 5}", "preferred items carry"},
		{"covers a skill", "covers: [bachelor-it]", "covers: [leadership]", `covers "leadership": name another held item`},
		{"requires a held item", "requires: [{id: cybersecurity, level: 3}]", "requires: [{id: pmp, level: 3}]", `requires "pmp": name a skill`},
		{"advice lines", "      - \"Learn the basics of return on investment, total cost of ownership and payback.\"\n", "", "advice: give one line for reaching each of levels 1-4"},
		{"since beyond the revision", "    since: 2\n", "    since: 3\n", "since 3: an item is added in a revision from 1 to the rubric's revision (2)"},
		{"infinite weight", "weight: 0.25}", "weight: .inf}", "weight must be at least 1e-06, found +Inf"},
		{"vanishing weight", "weight: 0.25}", "weight: 1e-200}", "weight must be at least 1e-06"},
		{"NaN band", "years: {min: 25}", "years: {min: .nan}", "is not a range from 0 to 80 years"},
		{"absurd salary", "median_usd: 280000", "median_usd: 9223372036854775807", "salary figures must be from 0"},
		{"absurd effort", "effort_weeks: 208", "effort_weeks: 1e300", "effort_weeks must be from 0 to 1040"},
		{"years from above years", "from: 5, years: 7", "from: 9, years: 7", "or_years.from must be from 0 to or_years.years"},
		{"until not a stage", "until: it-manager", "until: manager", `until "manager" is not a stage`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(string(base), tc.old, tc.new, 1)
			if src == string(base) {
				t.Fatalf("%q not found in the default rubric", tc.old)
			}
			_, err := Parse("bad.yaml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "bad.yaml: line ") {
				t.Errorf("err = %v, want one with a line and %q", err, tc.want)
			}
		})
	}
}

func FuzzParseRubric(f *testing.F) {
	base, _ := BuiltinSource(DefaultID)
	f.Add(base)
	if data, err := os.ReadFile("../testdata/rubrics/mini.yaml"); err == nil {
		f.Add(data)
	}
	if data, err := os.ReadFile("../testdata/rubrics/sfia-mini.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nid: x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		// Its scale has a name for every level, and every skill a line
		// for every level above 0.
		if n := r.MaxLevel(); n < 1 || n > TopLevel || r.LevelName(n) == "" || r.LevelName(n+1) != "" {
			t.Fatalf("scale of %d: %q", n, r.LevelNames())
		}
		for _, it := range r.Items {
			if it.Kind == KindSkill && (len(it.Levels) != r.MaxLevel() || (it.Indicators != nil && len(it.Indicators) != r.MaxLevel())) {
				t.Fatalf("item %s: %d levels, %d indicator lists on a scale of %d", it.ID, len(it.Levels), len(it.Indicators), r.MaxLevel())
			}
		}
		// A rubric that passes validation can be indexed without surprises.
		for _, it := range r.Items {
			if _, ok := r.Item(it.ID); !ok {
				t.Fatalf("item %s not indexed", it.ID)
			}
		}
	})
}

func BenchmarkParseDefault(b *testing.B) {
	src, _ := BuiltinSource(DefaultID)
	for b.Loop() {
		if _, err := Parse("it-manager.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}

// The JSON twin of each built-in rubric, and the code that builds it,
// must say what its YAML source says; the code builds what decoding the
// JSON gives, to the bit (every field, list and map, nil or empty alike).
func TestBuiltinJSONIsUpToDate(t *testing.T) {
	if len(builtinCode) != len(BuiltinIDs()) {
		t.Errorf("%d built-in rubrics, %d built by code: run go generate ./rubric", len(BuiltinIDs()), len(builtinCode))
	}
	for _, id := range BuiltinIDs() {
		src, _ := BuiltinSource(id)
		fromYAML, err := Parse(id+".yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := builtinJSON(id)
		if err != nil {
			t.Fatal(err)
		}
		fromCode, err := Builtin(id)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(fromYAML)
		b, _ := json.Marshal(fromJSON)
		if string(a) != string(b) {
			t.Errorf("rubrics/%s.json is out of date with its YAML: run go generate ./rubric", id)
		}
		if !reflect.DeepEqual(fromCode, fromJSON) {
			t.Errorf("builtin_gen.go builds %s otherwise than its JSON: run go generate ./rubric", id)
		}
	}
}

func TestNearest(t *testing.T) {
	ids := []string{"networking", "cloud", "format", "cio", "senior-it-manager", "cism", "aws"}
	for in, want := range map[string]string{"netwrking": "networking", "clod": "cloud", "fromat": "format", "senior-it-manger": "senior-it-manager", "cims": "cism", "awz": "aws", "foo": "", "budget": ""} {
		got, ok := Nearest(in, ids)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

// A hint for a megabyte-long key is refused at once rather than computed.
func BenchmarkHintOnLongKey(b *testing.B) {
	key := strings.Repeat("k", 1<<20)
	ids := Default().IDsOfKind(KindSkill, "")
	for b.Loop() {
		if _, ok := Nearest(key, ids); ok {
			b.Fatal("a hint for a megabyte of k")
		}
	}
}

// A rubric built in Go works once validated, as one parsed from a file does.
func TestRubricBuiltInGo(t *testing.T) {
	r := &Rubric{Version: 1, ID: "go-made", Name: "Made in Go",
		Stages:     []Stage{{ID: "one", Name: "One"}},
		Categories: []Category{{ID: "s", Name: "Skills", Weight: 1}},
		Items:      []Item{{ID: "go", Kind: KindSkill, Category: "s", Name: "Go", Weight: 1, Need: []float64{2}, Levels: []string{"a", "b", "c", "d"}}}}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	if it, ok := r.Item("go"); !ok || it.Name != "Go" || r.StageIndex("one") != 0 {
		t.Errorf("not indexed: %v %v", it, ok)
	}
}

func BenchmarkBuiltinDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Builtin(DefaultID); err != nil {
			b.Fatal(err)
		}
	}
}

// An "any" item asked at a stage where none of its alternatives counts is
// refused (it used to crash scoring).
func TestAnyItemNeedsAnAlternativeAtEveryStage(t *testing.T) {
	data, err := os.ReadFile("../testdata/rubrics/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "alternatives: [{id: cert-a}, {id: cert-b, until: junior}]", "alternatives: [{id: cert-b, until: junior}]", 1)
	_, err = Parse("bad.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "stage senior asks for it, but none of its alternatives counts there") {
		t.Errorf("err = %v", err)
	}
}

// An unknown key is named with the key meant, or the keys of its place.
func TestUnknownRubricKeysSayTheKeys(t *testing.T) {
	src := "version: 1\nid: x\nname: X\nthresholds: {raedy: 70}\nstages: [{id: a, name: A, yeras: {min: 1}}]\ncategories: [{id: c, weight: 1}]\nitems: [{id: i, zzz: 1}]\n"
	_, err := Parse("x.yaml", []byte(src))
	want := "x.yaml: line 4: unknown key \"raedy\" (did you mean ready?)\n" +
		"x.yaml: line 5: unknown key \"yeras\" (did you mean years?)\n" +
		"x.yaml: line 7: unknown key \"zzz\"; the keys here are id, kind, field, category, name, description, section, weight, need, require, hard_need, slack, margin, gate, need_falls, since, levels, indicators, advice, advice_bands, covers, requires, starts_after, alternatives, or_years, effort_weeks, next_step"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// Every type a rubric file holds is listed for the unknown-key message.
func TestYAMLKeysKnowEveryType(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t2 reflect.Type) {
		for t2.Kind() == reflect.Pointer || t2.Kind() == reflect.Slice || t2.Kind() == reflect.Map {
			t2 = t2.Elem()
		}
		if t2.Kind() != reflect.Struct || seen[t2] {
			return
		}
		seen[t2] = true
		if len(yamlKeys(t2.String())) == 0 {
			t.Errorf("yamlKeys does not know %s", t2)
		}
		for i := range t2.NumField() {
			if f := t2.Field(i); f.IsExported() && f.Tag.Get("yaml") != "-" {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeOf(Rubric{}))
}

// Stages, categories and items each have their own ids: a category and a
// skill may share one, and each is found as what it is.
func TestIDsAreUniqueWithinTheirKind(t *testing.T) {
	src := `version: 1
id: data
name: Data
stages:
  - {id: analyst, name: Analyst, years: {min: 1}}
  - {id: data-modeling, name: Data modeling lead, years: {min: 5}}
categories:
  - {id: data-modeling, name: Data modeling, weight: 1}
  - {id: sql, name: SQL, weight: 1}
items:
  - {id: data-modeling, kind: skill, category: data-modeling, name: Data modeling, weight: 1, need: [1, 3], levels: [a, b, c, d]}
  - {id: sql, kind: skill, category: sql, name: SQL, weight: 1, need: [2, 3], levels: [a, b, c, d]}
`
	r, err := Parse("data.yaml", []byte(src))
	if err != nil {
		t.Fatalf("a category, a stage and a skill sharing an id: %v", err)
	}
	if it, ok := r.Item("data-modeling"); !ok || it.Kind != KindSkill || it.Category != "data-modeling" {
		t.Errorf("item data-modeling: %+v %v", it, ok)
	}
	if c, ok := r.Category("data-modeling"); !ok || c.Name != "Data modeling" {
		t.Errorf("category data-modeling: %+v %v", c, ok)
	}
	if r.StageIndex("data-modeling") != 1 {
		t.Errorf("stage data-modeling at %d", r.StageIndex("data-modeling"))
	}

	// Within a kind an id is still unique, and the message says where the
	// first one is and that the kinds do not clash.
	for _, tc := range []struct{ old, new, want string }{
		{"{id: sql, kind: skill", "{id: data-modeling, kind: skill",
			`data.yaml: line 12: item id "data-modeling" is already the id of the item at line 11; give each item its own id (an item may share its id with a stage or a category)`},
		{"{id: sql, name: SQL", "{id: data-modeling, name: SQL",
			`data.yaml: line 9: category id "data-modeling" is already the id of the category at line 8; give each category its own id (a category may share its id with a stage or an item)`},
		{"{id: analyst,", "{id: data-modeling,",
			`data.yaml: line 6: stage id "data-modeling" is already the id of the stage at line 5; give each stage its own id (a stage may share its id with a category or an item)`},
	} {
		bad := strings.Replace(src, tc.old, tc.new, 1)
		if bad == src {
			t.Fatalf("%q not in the rubric", tc.old)
		}
		_, err := Parse("data.yaml", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v\nwant %s", err, tc.want)
		}
	}
}

// A threshold a rubric file leaves out is the default, each on its own, and
// the rubric says which were filled in; one that cannot hold with the
// default is refused with the reason.
func TestThresholdsLeftOutAreTheDefaults(t *testing.T) {
	data, err := os.ReadFile("../testdata/rubrics/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const given = "thresholds: {ready: 80, almost: 60}"
	if !strings.Contains(string(data), given) {
		t.Fatalf("%q not in mini.yaml", given)
	}
	for _, tc := range []struct {
		thresholds          string
		ready, almost       float64
		readyDef, almostDef bool
	}{
		{"thresholds: {ready: 90, almost: 70}", 90, 70, false, false},
		{"thresholds: {ready: 70}", 70, DefaultThresholds.Almost, false, true},
		{"thresholds: {almost: 50}", DefaultThresholds.Ready, 50, true, false},
		{"thresholds: {}", DefaultThresholds.Ready, DefaultThresholds.Almost, true, true},
		{"", DefaultThresholds.Ready, DefaultThresholds.Almost, true, true},
		{"thresholds: {ready: 70, almost: 0}", 70, 0, false, false},
	} {
		r, err := Parse("t.yaml", []byte(strings.Replace(string(data), given, tc.thresholds, 1)))
		if err != nil {
			t.Errorf("%q: %v", tc.thresholds, err)
			continue
		}
		readyDef, almostDef := r.ThresholdsDefaulted()
		if r.Thresholds.Ready != tc.ready || r.Thresholds.Almost != tc.almost || readyDef != tc.readyDef || almostDef != tc.almostDef {
			t.Errorf("%q: ready %g (default %v), almost %g (default %v)", tc.thresholds, r.Thresholds.Ready, readyDef, r.Thresholds.Almost, almostDef)
		}
	}
	_, err = Parse("t.yaml", []byte(strings.Replace(string(data), given, "thresholds: {ready: 50}", 1)))
	want := "t.yaml: line 5: thresholds: need 0 <= almost <= ready <= 100, found almost 60 (default), ready 50; a threshold left out is the default (ready 80, almost 60), so give both"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Built in Go, a rubric with neither threshold gets both defaults; one
	// with either set keeps what it says (a 0 may be meant).
	r := &Rubric{Version: 1, ID: "go-made", Name: "Made in Go", Thresholds: Thresholds{Ready: 70},
		Stages:     []Stage{{ID: "one", Name: "One"}},
		Categories: []Category{{ID: "s", Name: "Skills", Weight: 1}},
		Items:      []Item{{ID: "go", Kind: KindSkill, Category: "s", Name: "Go", Weight: 1, Need: []float64{2}, Levels: []string{"a", "b", "c", "d"}}}}
	if err := r.Validate(); err != nil || r.Thresholds != (Thresholds{Ready: 70}) {
		t.Errorf("%v %+v", err, r.Thresholds)
	}
	r.Thresholds = Thresholds{}
	if err := r.Validate(); err != nil || r.Thresholds != DefaultThresholds {
		t.Errorf("%v %+v", err, r.Thresholds)
	}
	if ready, almost := r.ThresholdsDefaulted(); !ready || !almost {
		t.Errorf("defaulted %v %v", ready, almost)
	}
}

// What a category or held item leaves out is the default, and says so.
func TestPaceAndEffortDefaults(t *testing.T) {
	r := Default()
	for _, c := range r.Categories {
		if len(c.WeeksToLevel) > 0 && c.PaceDefaulted() {
			t.Errorf("%s gives weeks_to_level but is said to take the default", c.ID)
		}
	}
	c := Category{ID: "c", Weight: 1}
	if !c.PaceDefaulted() || c.LevelWeeks(1) != DefaultWeeksToLevel[0] || c.LevelWeeks(4) != DefaultWeeksToLevel[3] {
		t.Errorf("no pace: defaulted %v, weeks %g..%g", c.PaceDefaulted(), c.LevelWeeks(1), c.LevelWeeks(4))
	}
	c.WeeksPerLevel = 8
	if c.PaceDefaulted() || c.LevelWeeks(4) != 8 {
		t.Errorf("weeks_per_level 8: defaulted %v, weeks %g", c.PaceDefaulted(), c.LevelWeeks(4))
	}
	held := Item{Kind: KindHeld}
	if !held.EffortDefaulted() || held.Effort() != MinEffortWeeks {
		t.Errorf("no effort_weeks: defaulted %v, effort %g", held.EffortDefaulted(), held.Effort())
	}
	held.EffortWeeks = 0.5
	if held.EffortDefaulted() || held.Effort() != MinEffortWeeks {
		t.Errorf("effort_weeks 0.5: defaulted %v, effort %g", held.EffortDefaulted(), held.Effort())
	}
	held.EffortWeeks = 6
	if held.Effort() != 6 {
		t.Errorf("effort_weeks 6: %g", held.Effort())
	}
}

// The built-in rubric declares the two standard experience fields, as a
// rubric that declares none has them.
func TestDefaultRubricDeclaresTheStandardExperience(t *testing.T) {
	r := Default()
	if !reflect.DeepEqual(r.Experience, StandardExperience) {
		t.Errorf("it-manager declares %+v,\nwant %+v", r.Experience, StandardExperience)
	}
	if got := r.UsedExperience(); len(got) != 2 || got[0].ID != FieldITYears || got[1].ID != FieldManagementYears {
		t.Errorf("used %+v", got)
	}
	r2, err := Parse("m.yaml", []byte(miniRubric))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r2.ExperienceFields(), StandardExperience) || len(r2.Experience) != 0 {
		t.Errorf("a rubric declaring none has %+v", r2.ExperienceFields())
	}
}

const miniRubric = `version: 1
id: m
name: M
stages: [{id: a, name: A, years: {min: 1}}]
categories: [{id: c, name: C, weight: 1}, {id: licences, name: Licences, weight: 1}]
items:
  - {id: y, kind: years, field: it_years, category: c, name: Y, weight: 1, need: [1]}
  - {id: l, kind: held, category: licences, name: L, weight: 1, need: [1]}
`

// Declared experience fields: ids well formed and unique, at most 8, each
// with a name and a question; every field an item names is declared, and
// the message lists them with a did-you-mean, at the item's line, in file
// order with the other problems.
func TestExperienceFieldsAreChecked(t *testing.T) {
	head := "version: 1\nid: x\nname: X\nstages: [{id: a, name: A, years: {min: 1}}]\ncategories: [{id: c, name: C, weight: 1}]\n"
	field := func(id string) string {
		return "  - {id: " + id + ", name: N " + id + ", question: \"Q " + id + "?\"}\n"
	}
	years := "items:\n  - {id: y, kind: years, field: lead_years, category: c, name: Y, weight: 1, need: [1]}\n"
	for name, tc := range map[string]struct{ src, want string }{
		"undeclared": {head + "experience:\n" + field("lead_years") + "items:\n  - {id: y, kind: years, field: lead_yaers, category: c, name: Y, weight: 1, need: [1]}\n  - {id: h, kind: held, category: c, name: H, or_years: {field: it_years, years: 3}}\n",
			`x.yaml: line 9: item y: field "lead_yaers" is not an experience field of this rubric (did you mean lead_years?); its experience fields are lead_years. Name one of them, or declare the field under experience` + "\n" +
				`x.yaml: line 10: item h: or_years.field "it_years" is not an experience field of this rubric; its experience fields are lead_years. Name one of them, or declare the field under experience`},
		"standard": {head + "items:\n  - {id: y, kind: years, field: lead_years, category: c, name: Y, weight: 1, need: [1]}\n",
			`x.yaml: line 7: item y: field "lead_years" is not an experience field of this rubric; its experience fields are it_years, management_years (the standard ones: it declares none under experience). Name one of them, or declare the field under experience`},
		"bad id": {head + "experience:\n" + field("Lead-Years") + field("lead_years") + years,
			`x.yaml: line 7: experience field id "Lead-Years": use lower-case letters, digits and _, starting with a letter (such as engineering_years)`},
		"digit first": {head + "experience:\n" + field("1st_years") + field("lead_years") + years,
			`x.yaml: line 7: experience field id "1st_years": use lower-case letters, digits and _, starting with a letter (such as engineering_years)`},
		"duplicate": {head + "experience:\n" + field("lead_years") + field("lead_years") + years,
			`x.yaml: line 8: experience field id "lead_years" is already declared at line 7; give each field its own id`},
		"no question": {head + "experience:\n  - {id: lead_years, name: Leading}\n" + years,
			`x.yaml: line 7: experience field lead_years: missing question; give what assess asks, such as "Years in software engineering roles:"`},
		"nine": {head + "experience:\n" + field("a1") + field("a2") + field("a3") + field("a4") + field("a5") + field("a6") + field("a7") + field("a8") + field("lead_years") + years,
			`x.yaml: line 6: experience: 9 fields declared; a rubric declares at most 8`},
	} {
		_, err := Parse("x.yaml", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got\n%v\nwant\n%s", name, err, tc.want)
		}
	}
	// Eight fields, one read: fine, and only the one read is asked.
	r, err := Parse("x.yaml", []byte(head+"experience:\n"+field("a1")+field("a2")+field("a3")+field("a4")+field("a5")+field("a6")+field("a7")+field("lead_years")+years))
	if err != nil {
		t.Fatal(err)
	}
	if used := r.UsedExperience(); len(used) != 1 || used[0].ID != "lead_years" || used[0].Question != "Q lead_years?" {
		t.Errorf("used %+v", used)
	}
}

// A held item may be in any category.
func TestHeldItemsInAnyCategory(t *testing.T) {
	r, err := Parse("m.yaml", []byte(miniRubric))
	if err != nil {
		t.Fatal(err)
	}
	if ids := r.IDsOfKind(KindHeld, "licences"); len(ids) != 1 {
		t.Errorf("held licences: %v", ids)
	}
}

// A rubric written by Marshal (rubric export of a file) reads back the
// same, its experience fields included.
func TestMarshalRoundTripsExperience(t *testing.T) {
	for _, r := range []*Rubric{Default(), mustLoad(t, "../testdata/rubrics/software-engineer.yaml")} {
		data, err := Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("back.yaml", data)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		again, _ := Marshal(back)
		if string(again) != string(data) || !reflect.DeepEqual(back.Experience, r.Experience) || len(back.Experience) != 2 {
			t.Errorf("%s: experience %+v, read back %+v", r.ID, r.Experience, back.Experience)
		}
	}
}

func mustLoad(t *testing.T, path string) *Rubric {
	t.Helper()
	r, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Builtin decodes the JSON twin with JSON v2; encoding/json, the slow twin,
// gives the same rubric.
func TestBuiltinDecodersAgree(t *testing.T) {
	for _, id := range BuiltinIDs() {
		fast, err := builtinJSON(id)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := builtinFS.ReadFile("rubrics/" + id + ".json")
		var slow Rubric
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&slow); err != nil {
			t.Fatal(err)
		}
		if err := slow.Validate(); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, &slow) {
			t.Errorf("%s: JSON v2 and encoding/json decode it differently", id)
		}
	}
}
