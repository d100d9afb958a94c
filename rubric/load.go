package rubric

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/internal/scale"
	"go.yaml.in/yaml/v3"
)

//go:generate go run ./gen

// The YAML files are the sources; the JSON twins (made by go generate, checked
// by TestBuiltinJSONIsUpToDate) are what start-up decodes, since decoding the
// YAML costs a few milliseconds on every run.
//
//go:embed rubrics/*.yaml rubrics/*.json
var builtinFS embed.FS

// Bounds on rubric numbers: beyond them a figure is a mistake, and scoring
// must never meet a number it cannot add up.
const (
	maxYears  = MaxYears
	maxWeeks  = 1040 // 20 years of effort for one step
	minWeight = 1e-6 // weights are relative; smaller ones vanish in the sums
)

// DefaultID is the id of the rubric used when a profile names none.
const DefaultID = scale.DefaultRubric

// BuiltinIDs lists the ids of the embedded rubrics.
func BuiltinIDs() []string {
	entries, _ := builtinFS.ReadDir("rubrics")
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// Builtin returns the embedded rubric id, decoded afresh: nothing is cached
// behind the caller's back (a Resolver keeps what a run needs).
func Builtin(id string) (*Rubric, error) {
	if build := builtinCode[id]; build != nil {
		// Built by generated code (builtin_gen.go), which the tests hold
		// to the JSON twin and the YAML source.
		r := build()
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("built-in rubric %s: %w", id, err)
		}
		return r, nil
	}
	return builtinJSON(id)
}

// builtinCode builds the built-in rubrics, by id (go generate ./rubric).
var builtinCode = map[string]func() *Rubric{}

// ptrTo is a pointer to v, for builtin_gen.go.
func ptrTo[T any](v T) *T { return &v }

// builtinJSON is Builtin decoded from the rubric's JSON twin.
func builtinJSON(id string) (*Rubric, error) {
	data, err := builtinFS.ReadFile("rubrics/" + id + ".json")
	if err != nil {
		return nil, fmt.Errorf("no built-in rubric %q (built in: %s)", id, strings.Join(BuiltinIDs(), ", "))
	}
	// The JSON v2 decoder reads it in a third of encoding/json's time, a
	// good part of scoring one profile (TestBuiltinDecodersAgree holds
	// that both give the same rubric).
	var r Rubric
	if err := jsonv2.Unmarshal(data, &r, jsonv2.RejectUnknownMembers(true)); err != nil {
		return nil, fmt.Errorf("built-in rubric %s: %w (run go generate ./rubric)", id, err)
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("built-in rubric %s: %w", id, err)
	}
	return &r, nil
}

// BuiltinSource returns the YAML text of an embedded rubric.
func BuiltinSource(id string) ([]byte, bool) {
	data, err := builtinFS.ReadFile("rubrics/" + id + ".yaml")
	return data, err == nil
}

// Default returns the embedded it-manager rubric.
func Default() *Rubric {
	r, err := Builtin(DefaultID)
	if err != nil {
		panic(err) // the embedded rubric is checked by the tests
	}
	return r
}

// LoadFile reads and checks a rubric file. Only a regular file is read: a
// FIFO, device or folder is refused without waiting on it.
func LoadFile(path string) (*Rubric, error) {
	f, err := input.OpenRegular(path)
	if err != nil {
		if errors.Is(err, input.ErrNotRegular) {
			return nil, input.Errorf(path, 0, "%w; name a rubric file", err)
		}
		return nil, input.Errorf(path, 0, "cannot open: %w", input.PathError(err))
	}
	defer f.Close()
	return Read(path, f)
}

// Read reads and checks a rubric from r; name is used in messages.
func Read(name string, r io.Reader) (*Rubric, error) {
	data, err := input.ReadAll(name, r, input.MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse decodes a rubric strictly (unknown keys are errors) and validates it.
func Parse(name string, data []byte) (*Rubric, error) {
	data, err := input.Clean(name, data)
	if err != nil {
		return nil, err
	}
	root, err := input.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if err := notAProfile(name, root); err != nil {
		return nil, err
	}
	if err := checkDuplicates(name, "", root); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var r Rubric
	if err := dec.Decode(&r); err != nil {
		return nil, input.YAMLErrors(name, data, err, yamlKeys)
	}
	r.File = name
	r.lines = listLines(root)
	r.thresholdKeys = mappingKeys(root, "thresholds")
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}

// yamlKeys lists the keys of a rubric type the YAML decoder names in an
// error ("rubric.Item"), in the order the type declares them.
func yamlKeys(goType string) []string {
	types := map[string]reflect.Type{}
	for _, v := range []any{Rubric{}, Thresholds{}, ExperienceField{}, Stage{}, Band{}, Salary{}, Category{}, Item{}, Alternative{}, YearsAlternative{}, AdviceBand{}, Prerequisite{}, Foundation{}} {
		t := reflect.TypeOf(v)
		types[t.String()] = t
	}
	t, ok := types[goType]
	if !ok {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// profileKeys are keys of a profile that a rubric never has.
var profileKeys = []string{"skills", "target", "rubric", "certifications", "education", "experience", "evidence"}

// notAProfile refuses a profile given where a rubric is read, in one
// message instead of one for each of its keys.
func notAProfile(file string, root *yaml.Node) error {
	keys := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		keys[root.Content[i].Value] = true
	}
	if keys["stages"] || keys["items"] || keys["categories"] {
		return nil
	}
	var has []string
	for _, k := range profileKeys {
		if keys[k] && len(has) < 3 {
			has = append(has, k)
		}
	}
	if len(has) == 0 {
		return nil
	}
	arg := file
	if file == "<stdin>" {
		arg = "-" // what score reads standard input as
	}
	return input.Errorf(file, 0, "this looks like a profile, not a rubric (it has %s keys); to score it: %s score %s", strings.Join(has, ", "), input.Prog, arg)
}

// checkDuplicates walks every mapping: the YAML decoder would silently keep the
// last of two equal keys in a struct.
func checkDuplicates(file, path string, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		if err := input.CheckDuplicateKeys(file, path, n, 0); err != nil {
			return err
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := checkDuplicates(file, input.Join(path, n.Content[i].Value), n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := checkDuplicates(file, fmt.Sprintf("%s[%d]", path, i), c); err != nil {
				return err
			}
		}
	}
	return nil
}

// mappingKeys lists the keys of the top-level mapping key (none when it is
// absent): which of its fields the file gives.
func mappingKeys(root *yaml.Node, key string) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != key {
			continue
		}
		if m := root.Content[i+1]; m.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(m.Content); j += 2 {
				keys[m.Content[j].Value] = true
			}
		}
	}
	return keys
}

// listLines records the line of each element of the top-level lists.
func listLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		lines[key] = root.Content[i].Line
		if val.Kind == yaml.SequenceNode {
			for j, c := range val.Content {
				lines[fmt.Sprintf("%s[%d]", key, j)] = c.Line
			}
		}
	}
	return lines
}

// Validate checks that the rubric makes sense: ids unique within their kind
// (stage, category, item), known references, levels within the rubric's
// scale (its own levels, else 0..4), positive weights,
// stages in ladder order. Every problem is reported, in line order (an
// input.List when there are several): the first of each stage, category and
// item.
//
// It also indexes the rubric, so that a rubric built in Go and one parsed from
// a file behave the same once validated.
func (r *Rubric) Validate() error {
	r.index()
	file := r.File
	if file == "" {
		file = r.ID + ".yaml"
	}
	var problems input.List
	errf := func(at string, format string, args ...any) error {
		e := input.Errorf(file, r.lines[at], format, args...)
		problems = append(problems, e)
		return e
	}
	if r.Version != 1 {
		errf("version", "version: must be 1, found %d", r.Version)
	}
	if r.ID == "" {
		errf("", "id: missing; give the rubric a short id such as it-manager")
	} else if !validID(r.ID) {
		errf("id", "id %q: use lower-case letters, digits and dashes", r.ID)
	}
	if r.Name == "" {
		errf("", "name: missing; give the rubric a display name")
	}
	for _, f := range []struct {
		key, text string
		prose     bool
	}{{"name", r.Name, false}, {"description", r.Description, true}, {"source", r.Source, false}} {
		if msg := textProblem(f.key, f.text, f.prose); msg != "" {
			errf(f.key, "%s", msg)
		}
	}
	if len(r.Stages) == 0 {
		errf("", "stages: missing; list the career stages in ladder order")
	}
	if len(r.Categories) == 0 {
		errf("", "categories: missing; list the categories with their weights")
	}
	if r.Revision < 0 || r.Revision > 1000 {
		errf("revision", "revision: must be a whole number from 1, found %d", r.Revision)
	}
	r.defaultThresholds()
	if t := r.Thresholds; !(t.Almost >= 0 && t.Ready <= 100 && t.Almost <= t.Ready) {
		ready, almost := r.ThresholdsDefaulted()
		why := ""
		if ready || almost {
			why = fmt.Sprintf("; a threshold left out is the default (ready %g, almost %g), so give both", DefaultThresholds.Ready, DefaultThresholds.Almost)
		}
		errf("thresholds", "thresholds: need 0 <= almost <= ready <= 100, found almost %g%s, ready %g%s%s",
			t.Almost, map[bool]string{true: " (default)"}[almost], t.Ready, map[bool]string{true: " (default)"}[ready], why)
	}
	r.validateExperience(errf)
	levelsOK := r.validateLevels(errf)
	if len(r.Stages) == 0 || len(r.Categories) == 0 || !levelsOK {
		// Every item would be wrong for want of them.
		return problems.Err()
	}

	// Stages, categories and items each have their own ids: nothing reads
	// an id without knowing its kind (profiles name items, --target and
	// until name stages, weights and starts_after name categories), so a
	// category and a skill may both be data-modeling. Within a kind, ids
	// are unique.
	seen := map[string]map[string]string{} // kind -> id -> where it was first
	claim := func(at, id, what string) error {
		if id == "" {
			return errf(at, "%s: missing id", at)
		}
		if !validID(id) {
			return errf(at, "%s id %q: use lower-case letters, digits and dashes", what, id)
		}
		if seen[what] == nil {
			seen[what] = map[string]string{}
		}
		if prev, ok := seen[what][id]; ok {
			where := prev
			if l := r.lines[prev]; l > 0 {
				where = fmt.Sprintf("line %d", l)
			}
			article := "a"
			if what == "item" {
				article = "an"
			}
			return errf(at, "%s id %q is already the id of the %s at %s; give each %s its own id (%s %s may share its id with %s)",
				what, id, what, where, what, article, what, otherKinds(what))
		}
		seen[what][id] = at
		return nil
	}
	prevMin := -1.0
	for i, s := range r.Stages {
		at := fmt.Sprintf("stages[%d]", i)
		if err := claim(at, s.ID, "stage"); err == nil {
			r.validateStage(s, prevMin, func(format string, args ...any) error {
				return errf(at, "stage %s: "+format, append([]any{s.ID}, args...)...)
			})
		}
		prevMin = s.Years.Min
	}
	if r.DefaultTarget != "" && r.StageIndex(r.DefaultTarget) < 0 {
		errf("default_target", "default_target %q is not a stage (stages: %s)", r.DefaultTarget, strings.Join(r.StageIDs(), ", "))
	}
	skillCats := map[string]bool{}
	for _, it := range r.Items {
		if it.Kind == KindSkill {
			skillCats[it.Category] = true
		}
	}
	for i, c := range r.Categories {
		at := fmt.Sprintf("categories[%d]", i)
		if err := claim(at, c.ID, "category"); err == nil {
			r.validateCategory(c, skillCats[c.ID], func(format string, args ...any) error {
				return errf(at, "category %s: "+format, append([]any{c.ID}, args...)...)
			})
		}
	}

	counts := 0
	for i := range r.Items {
		it := &r.Items[i]
		at := fmt.Sprintf("items[%d]", i)
		if err := claim(at, it.ID, "item"); err != nil {
			continue
		}
		if err := r.validateItem(it, func(format string, args ...any) error {
			return errf(at, "item %s: "+format, append([]any{it.ID}, args...)...)
		}); err != nil {
			continue
		}
		if it.counts() {
			counts++
		}
	}
	if counts == 0 && len(problems) == 0 {
		errf("items", "items: no item has a weight and a need; nothing would be scored")
	}
	if len(problems) == 0 {
		// Weights add up only once every one is right.
		r.validatePreferred(errf)
	}
	return problems.Err()
}

// Warnings lists what is allowed in a valid rubric but probably not meant,
// each with the file and the line: an experience field it declares that no
// item reads (assess never asks it, and nothing counts it). Only a rubric
// that Validate accepts is worth warning about.
func (r *Rubric) Warnings() input.List {
	var list input.List
	for i, f := range r.Experience {
		if !r.ReadsField(f.ID) {
			list = append(list, input.Errorf(r.File, r.lines[fmt.Sprintf("experience[%d]", i)],
				"experience field %s: no item reads it, so assess never asks it and nothing counts it; name it in a years item's field (or a held item's or_years), or remove it", f.ID))
		}
	}
	return list
}

// defaultThresholds fills in the thresholds the rubric leaves out from
// DefaultThresholds. Of a rubric file, each threshold not given is filled;
// of one built in Go or decoded from JSON, where a 0 may be meant, both
// when neither is set.
func (r *Rubric) defaultThresholds() {
	if r.thresholdKeys != nil {
		if !r.thresholdKeys["ready"] {
			r.Thresholds.Ready, r.defaulted.ready = DefaultThresholds.Ready, true
		}
		if !r.thresholdKeys["almost"] {
			r.Thresholds.Almost, r.defaulted.almost = DefaultThresholds.Almost, true
		}
		return
	}
	if r.Thresholds == (Thresholds{}) {
		r.Thresholds = DefaultThresholds
		r.defaulted.ready, r.defaulted.almost = true, true
	}
}

// otherKinds names the kinds of id besides what, each a namespace of its own.
func otherKinds(what string) string {
	switch what {
	case "stage":
		return "a category or an item"
	case "category":
		return "a stage or an item"
	}
	return "a stage or a category"
}

// validateStage checks one stage's figures; prevMin is where the stage
// below it starts.
func (r *Rubric) validateStage(s Stage, prevMin float64, bad func(string, ...any) error) error {
	if s.Name == "" {
		return bad("missing name")
	}
	if msg := textsProblem([]textField{{"name", s.Name, false}, {"section", s.Section, false}, {"summary", s.Summary, true}, {"focus", s.Focus, true}}); msg != "" {
		return bad("%s", msg)
	}
	if !(s.Years.Min >= 0 && s.Years.Min <= maxYears && s.Years.Max >= 0 && s.Years.Max <= maxYears) || (s.Years.Max != 0 && s.Years.Max < s.Years.Min) {
		return bad("years band %s is not a range from 0 to %d years", s.Years, maxYears)
	}
	if sal := s.Salary; sal != nil && (sal.MedianUSD < 0 || sal.MedianUSD > 1e9 || sal.AverageUSD < 0 || sal.AverageUSD > 1e9) {
		return bad("salary figures must be from 0 to 1000000000 a year")
	}
	for _, cid := range slices.Sorted(maps.Keys(s.Weights)) {
		if _, ok := r.Category(cid); !ok {
			return bad("weights: %q is not a category (categories: %s)", cid, strings.Join(r.categoryIDs(), ", "))
		}
		if w := s.Weights[cid]; !(w >= minWeight && w <= 1e6) {
			return bad("weights: %s must be from %g to 1000000, found %g", cid, minWeight, w)
		}
	}
	if s.Years.Min < prevMin {
		return bad("starts at %g years, before the stage below it (%g); list stages from the first rung up", s.Years.Min, prevMin)
	}
	return nil
}

// validateLevels checks the names of the rubric's own levels, if it gives
// them; false when they are wrong, as every skill would then be judged on
// the wrong scale.
func (r *Rubric) validateLevels(errf func(at, format string, args ...any) error) bool {
	if r.Levels == nil {
		return true
	}
	n := len(r.Levels) - 1
	if n < 1 || n > TopLevel {
		errf("levels", "levels: %d name(s); name each level from 0 up, 2 to %d names in all (levels 0-1 to 0-%d), or leave levels out for the standard %s",
			len(r.Levels), TopLevel+1, TopLevel, strings.Join(LevelNames[:], ", "))
		return false
	}
	seen := map[string]int{}
	for l, name := range r.Levels {
		switch {
		case strings.TrimSpace(name) == "":
			errf("levels", "levels: the name of level %d is empty; give each level a short name", l)
			return false
		case utf8.RuneCountInString(name) > MaxLevelName:
			errf("levels", "levels: the name of level %d is %d characters long; keep names to %d, as they label tables and charts", l, utf8.RuneCountInString(name), MaxLevelName)
			return false
		case strings.ContainsFunc(name, unicode.IsControl):
			errf("levels", "levels: the name of level %d has a control character; use plain text on one line", l)
			return false
		case strings.EqualFold(strings.TrimSpace(name), scale.NotApplicable):
			errf("levels", "levels: level %d is named %q, the answer for a skill that is not part of someone's job; give the level another name (such as none)", l, name)
			return false
		}
		key := strings.ToLower(strings.TrimSpace(name))
		if prev, dup := seen[key]; dup {
			errf("levels", "levels: level %d and level %d are both named %q; give each level its own name", prev, l, name)
			return false
		}
		seen[key] = l
	}
	return true
}

// levelRange is the rubric's levels for messages: "0-4".
func (r *Rubric) levelRange() string { return fmt.Sprintf("%d-%d", MinLevel, r.MaxLevel()) }

// validateCategory checks one category's weight and pace; skills says
// whether any skill belongs to it.
func (r *Rubric) validateCategory(c Category, skills bool, bad func(string, ...any) error) error {
	n := r.MaxLevel()
	if msg := textProblem("name", c.Name, false); msg != "" {
		return bad("%s", msg)
	}
	if !(c.Weight >= minWeight) || math.IsInf(c.Weight, 0) {
		return bad("weight must be at least %g, found %g", minWeight, c.Weight)
	}
	if !(c.Weight <= 1e6) {
		return bad("weight %g is too large; weights are relative, keep them under 1000000", c.Weight)
	}
	if !(c.WeeksPerLevel >= 0 && c.WeeksPerLevel <= maxWeeks) {
		return bad("weeks_per_level must be from 0 to %d", maxWeeks)
	}
	if len(c.WeeksToLevel) != 0 && len(c.WeeksToLevel) != n {
		return bad("weeks_to_level lists %d value(s); give one for each level 1-%d", len(c.WeeksToLevel), n)
	}
	for _, w := range c.WeeksToLevel {
		if !(w > 0 && w <= maxWeeks) {
			return bad("weeks_to_level values must be from 1 to %d weeks, found %g", maxWeeks, w)
		}
	}
	if skills && n != MaxLevel && c.PaceDefaulted() {
		return bad("give its skills a pace: weeks_to_level (%d numbers, the weeks to reach each level 1-%d from the one below) or weeks_per_level (one figure for all); the default pace (%s weeks) is for the standard levels 0-%d, and this rubric's levels are 0-%d",
			n, n, joinNums(DefaultWeeksToLevel), MaxLevel, n)
	}
	return nil
}

// validatePreferred checks that preferred items can never keep a profile
// that meets everything else below the ready threshold: at every stage, and
// for profiles of every revision, they carry at most 100-ready percent of the
// weight asked.
func (r *Rubric) validatePreferred(errf func(at, format string, args ...any) error) error {
	revs := map[int]bool{1: true}
	for i := range r.Items {
		revs[r.Items[i].AddedIn()] = true
	}
	for si, st := range r.Stages {
		abs := r.AbsoluteWeights(si)
		for rev := range revs {
			total, pref := 0.0, 0.0
			for i := range r.Items {
				it := &r.Items[i]
				if it.AddedIn() > rev || it.NeedAt(si) <= 0 || abs[i] <= 0 {
					continue
				}
				total += abs[i]
				if it.Requirement() == RequirePreferred {
					pref += abs[i]
				}
			}
			if total > 0 && 100*pref/total > 100-r.Thresholds.Ready+1e-9 {
				return errf("items", "stage %s: preferred items carry %.1f%% of the weight, more than the %g%% above the ready threshold; a profile meeting every required item must reach ready: lower their weights or raise the threshold",
					st.ID, 100*pref/total, 100-r.Thresholds.Ready)
			}
		}
	}
	return nil
}

// AbsoluteWeights gives each item its share of the rubric at stage si: its
// category's weight there split among the category's scored items by their
// weights. A stage's readiness is the credit-weighted mean of these over the
// items it asks, so an item weighs the same whether a stage asks its
// siblings or not.
func (r *Rubric) AbsoluteWeights(si int) []float64 {
	catSum := map[string]float64{}
	for i := range r.Items {
		if it := &r.Items[i]; it.counts() {
			catSum[it.Category] += it.Weight
		}
	}
	abs := make([]float64, len(r.Items))
	for i := range r.Items {
		it := &r.Items[i]
		c, ok := r.Category(it.Category)
		if !ok || !it.counts() || catSum[it.Category] <= 0 {
			continue
		}
		w := c.Weight
		if si >= 0 && si < len(r.Stages) {
			if sw, ok := r.Stages[si].Weights[c.ID]; ok {
				w = sw
			}
		}
		abs[i] = w * it.Weight / catSum[it.Category]
	}
	return abs
}

// counts reports whether the item is scored at some stage.
func (it *Item) counts() bool {
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

func (r *Rubric) validateItem(it *Item, bad func(string, ...any) error) error {
	if it.Name == "" {
		return bad("missing name")
	}
	if msg := r.itemTextProblem(it); msg != "" {
		return bad("%s", msg)
	}
	if _, ok := r.Category(it.Category); !ok {
		cats := r.categoryIDs()
		return bad("category %q is not one of %s%s", it.Category, strings.Join(cats, ", "), DidYouMean(it.Category, cats))
	}
	if it.Weight < 0 || math.IsNaN(it.Weight) || math.IsInf(it.Weight, 0) {
		return bad("weight must be 0 or more, found %g", it.Weight)
	}
	if len(it.Need) != 0 && len(it.Need) != len(r.Stages) {
		return bad("need lists %d value(s); give one per stage, %d in all (%s)", len(it.Need), len(r.Stages), strings.Join(r.StageIDs(), ", "))
	}
	if len(it.Need) > 0 && it.Weight == 0 {
		return bad("has a need but weight 0; give it a weight greater than 0")
	}
	if !(it.Weight <= 1e6) {
		return bad("weight %g is too large; weights are relative, keep them under 1000000", it.Weight)
	}
	if it.Weight > 0 && it.Weight < minWeight {
		return bad("weight %g is too small; weights are relative: use 0 (not scored) or from %g", it.Weight, minWeight)
	}
	if !(it.Gate >= 0 && it.Gate <= 1) {
		return bad("gate must be between 0 and 1, found %g", it.Gate)
	}
	if !(it.EffortWeeks >= 0 && it.EffortWeeks <= maxWeeks) {
		return bad("effort_weeks must be from 0 to %d (20 years)", maxWeeks)
	}
	for s, n := range it.Need {
		if !(n >= 0 && n <= maxYears) {
			return bad("need at %s is %g; must be from 0 to %d", r.Stages[s].ID, n, maxYears)
		}
	}
	if it.NeedFalls == "" {
		for s := 1; s < len(it.Need); s++ {
			if it.Need[s] < it.Need[s-1] {
				return bad("need falls from %g at %s to %g at %s; a higher rung asks at least what the one below asks (so that ready for a rung means ready for those below). If it must fall, say why in need_falls",
					it.Need[s-1], r.Stages[s-1].ID, it.Need[s], r.Stages[s].ID)
			}
		}
	}
	if err := r.validateJudgment(it, bad); err != nil {
		return err
	}
	maxNeed := 0.0
	for _, n := range it.Need {
		maxNeed = max(maxNeed, n)
	}
	n := r.MaxLevel()
	switch it.Kind {
	case KindSkill:
		if maxNeed > float64(n) || !wholeNumbers(it.Need) {
			return bad("skill needs are levels %s%s; found %v", r.levelRange(), r.topNote(), it.Need)
		}
		if len(it.Levels) != n {
			return bad("levels: describe each of levels 1-%d (%d lines), found %d", n, n, len(it.Levels))
		}
		if it.Slack != nil && *it.Slack > float64(n) {
			return bad("slack %g is more levels than the rubric has; give 0 to %d", *it.Slack, n)
		}
		if err := r.validateIndicators(it, bad); err != nil {
			return err
		}
	case KindHeld:
		if maxNeed > 1 || !wholeNumbers(it.Need) {
			return bad("a held item's needs are 0 or 1; found %v", it.Need)
		}
	case KindYears:
		if err := r.checkField(it.Field, "field", bad); err != nil {
			return err
		}
	case KindAny:
		if len(it.Alternatives) == 0 {
			return bad("an \"any\" item lists its alternatives")
		}
		if maxNeed > 1 || !wholeNumbers(it.Need) {
			return bad("an \"any\" item's needs are 0 or 1; found %v", it.Need)
		}
		// Every stage that asks for it must accept one of its alternatives.
		for si, n := range it.Need {
			ok := false
			for _, a := range it.Alternatives {
				ok = ok || a.Until == "" || r.StageIndex(a.Until) >= si
			}
			if n > 0 && !ok {
				return bad("stage %s asks for it, but none of its alternatives counts there (each has an earlier until)", r.Stages[si].ID)
			}
		}
	default:
		return bad("kind %q is not one of skill, held, years, any", it.Kind)
	}
	if it.Kind != KindYears && it.Field != "" {
		return bad("field is only for years items")
	}
	if it.Kind != KindSkill && len(it.Levels) > 0 {
		return bad("levels are only for skills")
	}
	if it.Kind != KindSkill && len(it.Indicators) > 0 {
		return bad("indicators are only for skills")
	}
	if len(it.Alternatives) > 0 && it.Kind != KindHeld && it.Kind != KindAny {
		return bad("alternatives are only for held and \"any\" items")
	}
	for _, alt := range it.Alternatives {
		j := r.ItemIndex(alt.ID)
		if j < 0 {
			return bad("alternative %q is not an item%s", alt.ID, DidYouMean(alt.ID, slices.Sorted(maps.Keys(r.itemIndex))))
		}
		if r.Items[j].Kind != KindHeld {
			return bad("alternative %q must be a held item", alt.ID)
		}
		if alt.ID == it.ID {
			return bad("names itself as an alternative")
		}
		if alt.Until != "" && r.StageIndex(alt.Until) < 0 {
			return bad("alternative %s: until %q is not a stage (stages: %s)", alt.ID, alt.Until, strings.Join(r.StageIDs(), ", "))
		}
	}
	if it.OrYears != nil {
		if it.Kind != KindHeld {
			return bad("or_years is only for held items")
		}
		if err := r.checkField(it.OrYears.Field, "or_years.field", bad); err != nil {
			return err
		}
		if !(it.OrYears.Years > 0 && it.OrYears.Years <= maxYears) {
			return bad("or_years.years must be greater than 0 and at most %d", maxYears)
		}
		if !(it.OrYears.From >= 0 && it.OrYears.From <= it.OrYears.Years) {
			return bad("or_years.from must be from 0 to or_years.years (%g)", it.OrYears.Years)
		}
	}
	return nil
}

// checkField checks that an item's key (field, or_years.field) names one of
// the rubric's declared experience fields.
func (r *Rubric) checkField(f, key string, bad func(string, ...any) error) error {
	if _, ok := r.ExperienceField(f); ok {
		return nil
	}
	declared := r.ExperienceIDs()
	fields := strings.Join(declared, ", ")
	if len(r.Experience) == 0 {
		fields += " (the standard ones: it declares none under experience)"
	}
	if f == "" {
		return bad("%s: missing; name one of this rubric's experience fields: %s", key, fields)
	}
	return bad("%s %q is not an experience field of this rubric%s; its experience fields are %s. Name one of them, or declare the field under experience", key, f, DidYouMean(f, declared), fields)
}

// validateExperience checks the declared experience fields: ids well formed
// and unique, a name and a question each, at most MaxExperienceFields.
func (r *Rubric) validateExperience(errf func(at, format string, args ...any) error) {
	if len(r.Experience) > MaxExperienceFields {
		errf("experience", "experience: %d fields declared; a rubric declares at most %d", len(r.Experience), MaxExperienceFields)
	}
	first := map[string]string{} // id -> where it was first declared
	for i, f := range r.Experience {
		at := fmt.Sprintf("experience[%d]", i)
		switch {
		case f.ID == "":
			errf(at, "experience[%d]: missing id; give the field an id such as engineering_years", i)
		case !ValidFieldID(f.ID):
			errf(at, "experience field id %q: use lower-case letters, digits and _, starting with a letter (such as engineering_years)", f.ID)
		case first[f.ID] != "":
			errf(at, "experience field id %q is already declared at %s; give each field its own id", f.ID, first[f.ID])
		case strings.TrimSpace(f.Name) == "":
			errf(at, "experience field %s: missing name; give a short name for reports, such as \"Years in software engineering roles\"", f.ID)
		case strings.TrimSpace(f.Question) == "":
			errf(at, "experience field %s: missing question; give what assess asks, such as \"Years in software engineering roles:\"", f.ID)
		default:
			if msg := textsProblem([]textField{{"name", f.Name, false}, {"question", f.Question, false}, {"help", f.Help, true}, {"section", f.Section, false}}); msg != "" {
				errf(at, "experience field %s: %s", f.ID, msg)
			}
		}
		if first[f.ID] == "" && f.ID != "" {
			first[f.ID] = at
			if l := r.lines[at]; l > 0 {
				first[f.ID] = fmt.Sprintf("line %d", l)
			}
		}
	}
}

func (r *Rubric) categoryIDs() []string {
	ids := make([]string, len(r.Categories))
	for i, c := range r.Categories {
		ids[i] = c.ID
	}
	return ids
}

// validateJudgment checks the fields that say how an item is judged and
// planned: how hard it is asked, its revision, advice, credentials and
// prerequisites.
func (r *Rubric) validateJudgment(it *Item, bad func(string, ...any) error) error {
	if len(it.HardNeed) > 0 {
		if it.Requirement() != RequireHard || len(it.HardNeed) != len(r.Stages) {
			return bad("hard_need: give one value per stage (%d), and only for a hard item", len(r.Stages))
		}
		for s, h := range it.HardNeed {
			if !(h >= 0 && h <= it.NeedAt(s)) || (s > 0 && h < it.HardNeed[s-1]) {
				return bad("hard_need at %s is %g; it must be from 0 to the need (%g) and never fall up the ladder", r.Stages[s].ID, h, it.NeedAt(s))
			}
		}
	}
	switch it.Require {
	case "", RequireHard, RequireRequired, RequirePreferred:
	default:
		return bad("require %q is not one of hard, required, preferred", it.Require)
	}
	if it.Slack != nil && !(*it.Slack >= 0 && *it.Slack <= maxYears) {
		return bad("slack must be from 0 to %d, found %g", maxYears, *it.Slack)
	}
	if it.Margin != nil && !(*it.Margin >= 0 && *it.Margin <= maxYears) {
		return bad("margin must be from 0 to %d, found %g", maxYears, *it.Margin)
	}
	if it.Since < 0 || it.Since > r.Rev() {
		return bad("since %d: an item is added in a revision from 1 to the rubric's revision (%d)", it.Since, r.Rev())
	}
	if n := r.MaxLevel(); len(it.Advice) > 0 && (it.Kind != KindSkill || len(it.Advice) != n) {
		if it.Kind != KindSkill {
			return bad("advice is for skills (one line for reaching each level); years items use advice_bands")
		}
		return bad("advice: give one line for reaching each of levels 1-%d (%d lines), found %d", n, n, len(it.Advice))
	}
	if len(it.AdviceBands) > 0 && it.Kind != KindYears {
		return bad("advice_bands are for years items")
	}
	for i, b := range it.AdviceBands {
		if b.Advice == "" || !(b.UpTo >= 0 && b.UpTo <= maxYears) || (b.UpTo == 0 && i != len(it.AdviceBands)-1) {
			return bad("advice_bands[%d]: give advice and up_to (years, from low to high; only the last band may leave up_to out)", i)
		}
		if i > 0 && b.UpTo != 0 && b.UpTo <= it.AdviceBands[i-1].UpTo {
			return bad("advice_bands[%d]: up_to %g must be above the band before it (%g)", i, b.UpTo, it.AdviceBands[i-1].UpTo)
		}
	}
	for _, c := range it.Covers {
		j := r.ItemIndex(c)
		switch {
		case it.Kind != KindHeld:
			return bad("covers is for held items (a credential that meets another)")
		case j < 0:
			return bad("covers %q, which is not an item%s", c, DidYouMean(c, slices.Sorted(maps.Keys(r.itemIndex))))
		case r.Items[j].Kind != KindHeld || c == it.ID:
			return bad("covers %q: name another held item", c)
		}
	}
	for _, pr := range it.Requires {
		j := r.ItemIndex(pr.ID)
		switch {
		case it.Kind != KindHeld:
			return bad("requires is for held items (a skill level to reach before gaining it)")
		case j < 0 || r.Items[j].Kind != KindSkill:
			return bad("requires %q: name a skill%s", pr.ID, DidYouMean(pr.ID, r.IDsOfKind(KindSkill, "")))
		case pr.Level < 1 || pr.Level > r.MaxLevel():
			return bad("requires %s level %d: a level from 1 to %d%s", pr.ID, pr.Level, r.MaxLevel(), r.topNote())
		}
	}
	if f := it.StartsAfter; f != nil {
		if it.Kind != KindYears {
			return bad("starts_after is for years items")
		}
		if _, ok := r.Category(f.Category); !ok || f.Level < 1 || f.Level > r.MaxLevel() {
			return bad("starts_after: name a category and a level from 1 to %d%s", r.MaxLevel(), r.topNote())
		}
	}
	return nil
}

// topNote names the rubric's top level, for a message about a level
// beyond it: " (the top level, 4, is expert)".
func (r *Rubric) topNote() string {
	if r.LevelsDefaulted() {
		return ""
	}
	return fmt.Sprintf(" (the top level, %d, is %s)", r.MaxLevel(), r.LevelName(r.MaxLevel()))
}

// textField is one text field of a rubric, for textProblem: its key, its text,
// and whether it is prose (a description, a summary, help), which may have
// line breaks and tabs.
type textField struct {
	key, text string
	prose     bool
}

// textsProblem is textProblem of the first of texts that has one.
func textsProblem(texts []textField) string {
	for _, t := range texts {
		if msg := textProblem(t.key, t.text, t.prose); msg != "" {
			return msg
		}
	}
	return ""
}

// textProblem says what is wrong with the text s of field key, if anything:
// a control character, which would move the cursor, ring the bell or
// colour the terminal when skillgap prints it. Prose may have line breaks
// and tabs; every other text (a name, a question, a level's line) is one
// line.
func textProblem(key, s string, prose bool) string {
	i := strings.IndexFunc(s, func(c rune) bool {
		return unicode.IsControl(c) && !(prose && (c == '\n' || c == '\t'))
	})
	if i < 0 {
		return ""
	}
	c, _ := utf8.DecodeRuneInString(s[i:])
	what := fmt.Sprintf("a control character (U+%04X)", c)
	switch c {
	case '\n', '\r':
		what = "a line break"
	case '\t':
		what = "a tab"
	}
	if prose {
		return fmt.Sprintf("%s has %s; use plain text (line breaks and tabs are fine)", key, what)
	}
	return fmt.Sprintf("%s has %s; use plain text on one line", key, what)
}

// itemTextProblem is textProblem of the first text of it that has one.
func (r *Rubric) itemTextProblem(it *Item) string {
	texts := []textField{{"name", it.Name, false}, {"description", it.Description, true}, {"section", it.Section, false},
		{"need_falls", it.NeedFalls, true}, {"next_step", it.NextStep, true}}
	for l, line := range it.Levels {
		texts = append(texts, textField{fmt.Sprintf("levels: the line for level %d (%s)", l+1, r.levelNameOrNumber(l+1)), line, false})
	}
	for l, line := range it.Advice {
		texts = append(texts, textField{fmt.Sprintf("advice: the line for level %d (%s)", l+1, r.levelNameOrNumber(l+1)), line, false})
	}
	for i, b := range it.AdviceBands {
		texts = append(texts, textField{fmt.Sprintf("advice_bands[%d].advice", i), b.Advice, true})
	}
	return textsProblem(texts)
}

// levelNameOrNumber is the name of level l, or its number when the scale
// has no such level (a skill with more lines than levels, which Validate
// refuses in its own words).
func (r *Rubric) levelNameOrNumber(l int) string {
	if l > r.MaxLevel() {
		return fmt.Sprint(l)
	}
	return r.LevelName(l)
}

// validateIndicators checks a skill's indicators: a list for each level
// 1..N of the rubric, each of short lines of text.
func (r *Rubric) validateIndicators(it *Item, bad func(string, ...any) error) error {
	if it.Indicators == nil {
		return nil
	}
	n := r.MaxLevel()
	if len(it.Indicators) != n {
		return bad("indicators: give a list for each of levels 1-%d (%d lists, [] for a level with none), found %d", n, n, len(it.Indicators))
	}
	for l, list := range it.Indicators {
		for _, ind := range list {
			switch {
			case strings.TrimSpace(ind) == "":
				return bad("indicators: level %d (%s) has an empty indicator; write what someone at that level does, or leave it out", l+1, r.LevelName(l+1))
			case utf8.RuneCountInString(ind) > MaxIndicator:
				return bad("indicators: an indicator of level %d (%s) is %d characters long; keep each to %d, a short line", l+1, r.LevelName(l+1), utf8.RuneCountInString(ind), MaxIndicator)
			case strings.ContainsFunc(ind, unicode.IsControl):
				return bad("indicators: an indicator of level %d (%s) has a control character; use plain text on one line", l+1, r.LevelName(l+1))
			}
		}
	}
	return nil
}

func joinNums(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func wholeNumbers(xs []float64) bool {
	for _, x := range xs {
		if x != math.Trunc(x) {
			return false
		}
	}
	return true
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

// Marshal writes r as YAML that Parse reads back to the same rubric.
func Marshal(r *Rubric) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# skillgap rubric %s. Check it with: skillgap rubric validate FILE\n", r.ID)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
