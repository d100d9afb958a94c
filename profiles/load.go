package profiles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/internal/scale"
	"github.com/skillgap/skillgap/internal/text"
	"go.yaml.in/yaml/v3"
)

// MaxSize bounds one profile file.
const MaxSize = 1 << 20

// LoadFile reads a profile file ("-" reads standard input from stdin).
func LoadFile(path string, stdin io.Reader) (*Profile, error) {
	if path == "-" {
		return Read("-", stdin)
	}
	if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeDevice != 0 {
		return nil, input.Errorf(path, 0, "is a device, not a profile file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, input.Errorf(path, 0, "cannot open: %w", input.PathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, input.Errorf(path, 0, "is a folder; name a profile file")
	}
	return Read(path, f)
}

// Read reads one profile from r; name is used in messages.
func Read(name string, r io.Reader) (*Profile, error) {
	data, err := input.ReadAll(name, r, MaxSize)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// Parse decodes a profile strictly: unknown keys, wrong types, levels outside
// 0..7 (the most any rubric's scale has), negative years, duplicates and a
// wrong version are errors with the line. It does not check ids or levels
// against a rubric; see assess.Check, which refuses a level above the top of
// the profile's rubric.
//
// Every problem in the keys and values is reported, not only the first: the
// error is then a *Problems, which also holds what could be read of the
// rest, so that its ids can be checked against the rubric in the same go.
func Parse(name string, data []byte) (*Profile, error) {
	p, err := parseAt(name, data, 0)
	if err != nil {
		if n := jsonLinesRecords(data); n > 1 {
			// Not a broken profile but several, one a line: say so rather
			// than what a YAML parser makes of the second.
			return nil, input.Errorf(name, 0, "holds %d profiles, one a line (JSON Lines), where one profile is asked for; put the one you want in a file of its own (score reads them all)", n)
		}
	}
	return p, err
}

// jsonLinesRecords is how many lines of data are each a whole JSON object
// when the first that is not blank is one (0 when it is not: a profile
// written as one JSON object over several lines is not JSON Lines).
func jsonLinesRecords(data []byte) int {
	n := 0
	for line := range bytes.Lines(bytes.TrimPrefix(data, bom)) {
		line = bytes.TrimSpace(line)
		switch {
		case len(line) == 0:
		case line[0] == '{' && json.Valid(line):
			n++
		case n == 0:
			return 0
		}
	}
	return n
}

// bom is the byte-order mark a file may start with.
var bom = []byte("\xef\xbb\xbf")

// Problems is the error of a profile whose keys or values are wrong: every
// problem, in line order, and the profile as far as it could be read.
type Problems struct {
	List input.List
	// Partial is the profile without the wrong answers. It is for
	// messages only (checking its ids); never score it.
	Partial *Profile
	// levels are the problems with skills' values, which InScale says in
	// a rubric's terms.
	levels []levelProblem
	// fields are the experience keys that are not field ids, which
	// InFields says in a rubric's terms.
	fields []fieldProblem
}

// fieldProblem is an experience key that is not a field id: its message
// and the key.
type fieldProblem struct {
	err *input.Error
	key string
}

// levelProblem is a skill's value that is not a level: its message, and
// how to say it for a scale (the names of levels 0..N).
type levelProblem struct {
	err *input.Error
	msg func(names []string) string
}

// InScale says the problems with skills' values in terms of a rubric's
// scale, names being its level names from 0 up: the range of levels and
// the hint that turns a level's name into its number. The parser knows no
// rubric, so it says them for the standard scale.
func (e *Problems) InScale(names []string) *Problems {
	if len(e.levels) == 0 || slices.Equal(names, scale.LevelNames[:]) {
		return e
	}
	out := &Problems{List: slices.Clone(e.List), Partial: e.Partial, fields: e.fields}
	for _, lp := range e.levels {
		for i, err := range out.List {
			if err == lp.err {
				out.List[i] = &input.Error{File: err.File, Line: err.Line, Msg: lp.msg(names)}
			}
		}
	}
	return out
}

// InFields says the problems with experience keys that are not field ids
// (support-years, Support_Years) in terms of the profile's rubric:
// notAField(key) says that key is not one of its experience fields, with a
// near miss among them and the list of them. The parser knows no rubric, so
// it only says what an id looks like.
func (e *Problems) InFields(notAField func(key string) string) *Problems {
	if len(e.fields) == 0 {
		return e
	}
	out := &Problems{List: slices.Clone(e.List), Partial: e.Partial, levels: e.levels}
	for _, fp := range e.fields {
		for i, err := range out.List {
			if err == fp.err {
				out.List[i] = &input.Error{File: err.File, Line: err.Line, Msg: notAField(fp.key)}
			}
		}
	}
	return out
}

func (e *Problems) Error() string   { return e.List.Error() }
func (e *Problems) Lines() []string { return e.List.Lines() }
func (e *Problems) Unwrap() error   { return e.List }

// LinesFor is Lines with the commands the messages suggest called by prog.
func (e *Problems) LinesFor(prog string) []string { return e.List.LinesFor(prog) }

// parseAt parses a profile that starts at line base+1 of file name; every
// line in its messages is a line of that file.
func parseAt(name string, data []byte, base int) (*Profile, error) {
	data, err := input.Clean(name, data)
	if err != nil {
		return nil, err
	}
	root, err := input.Parse(name, data)
	if err != nil {
		if ie, ok := err.(*input.Error); ok && ie.Line > 0 {
			ie.Line += base
		}
		return nil, err
	}
	d := decoder{file: name, base: base, p: &Profile{File: name, lines: map[string]int{}}}
	if err := d.profile(root); err != nil {
		return nil, err
	}
	d.p.base = base
	if len(d.problems) > 0 {
		d.problems.Sort()
		return nil, &Problems{List: d.problems, Partial: d.p, levels: d.levels, fields: d.fields}
	}
	return d.p, nil
}

type decoder struct {
	file     string
	base     int
	p        *Profile
	problems input.List
	levels   []levelProblem
	fields   []fieldProblem
	// keysListed is set once a message has listed the keys a profile has.
	keysListed bool
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) error {
	return input.Errorf(d.file, d.base+n.Line, format, args...)
}

// add keeps a problem and decoding goes on.
func (d *decoder) add(err error) {
	d.problems = append(d.problems, input.ListOf(err)...)
}

var topKeys = []string{"version", "name", "rubric", "rubric_revision", "target", "experience", "education", "certifications", "skills", "evidence", "updated"}

// rubricKeys are keys only a rubric has: a file with them and no skills
// was meant for 'skillgap rubric' or --rubric.
var rubricKeys = []string{"stages", "categories", "items"}

// profile decodes the top level. It returns an error only for a problem
// that makes the rest meaningless (another format version, a rubric); any
// other is kept with add.
func (d *decoder) profile(root *yaml.Node) error {
	if err := d.notARubric(root); err != nil {
		return err
	}
	dups, repeats := input.DuplicateKeys(d.file, "", root, d.base)
	d.problems = append(d.problems, dups...)
	p := d.p
	versionSeen := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if repeats[i] {
			continue
		}
		k, v := root.Content[i], resolve(root.Content[i+1])
		p.lines[k.Value] = k.Line
		var err error
		switch k.Value {
		case "version":
			versionSeen = true
			var n float64
			if n, err = d.number(v, "version"); err == nil && n != FormatVersion {
				// Another format: its other keys may all be right there.
				return d.errf(v, "version: %s is not a format this skillgap reads (it reads version %d); a newer skillgap may read it", v.Value, FormatVersion)
			}
			p.Version = FormatVersion
		case "name":
			p.Name, err = d.text(v, "name")
		case "rubric":
			p.Rubric, err = d.text(v, "rubric")
		case "target":
			p.Target, err = d.text(v, "target")
		case "rubric_revision":
			var n float64
			if n, err = d.number(v, "rubric_revision"); err == nil && (n < 1 || n > 1000 || n != math.Trunc(n)) {
				err = d.errf(v, "rubric_revision: %s is not a revision; use a whole number from 1 (skillgap writes it when it saves)", v.Value)
			}
			if err == nil {
				p.RubricRevision = int(n)
			}
		case "updated":
			p.Updated, err = d.date(v)
		case "experience":
			d.experience(v)
		case "education":
			p.Education = d.idList(v, "education")
		case "certifications":
			p.Certifications = d.idList(v, "certifications")
		case "skills":
			d.skills(v)
		case "evidence":
			d.evidence(v)
		default:
			hint := "remove it"
			if near, ok := text.Nearest(k.Value, topKeys); ok {
				hint = "did you mean " + near + "?"
			}
			keys := "; keys are " + strings.Join(topKeys, ", ")
			if d.keysListed {
				keys = ""
			}
			d.keysListed = true
			err = d.errf(k, "%s: unknown key (%s)%s", input.Short(k.Value), hint, keys)
		}
		if err != nil {
			d.add(err)
		}
	}
	if !versionSeen {
		d.add(d.errf(root, "version: missing; add \"version: %d\" at the top", FormatVersion))
	}
	return nil
}

// notARubric refuses a rubric given where a profile is read, in one message
// instead of one for each of its keys.
func (d *decoder) notARubric(root *yaml.Node) error {
	var has []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i].Value
		if k == "skills" {
			return nil
		}
		if slices.Contains(rubricKeys, k) && !slices.Contains(has, k) {
			has = append(has, k)
		}
	}
	if len(has) == 0 {
		return nil
	}
	file := d.file
	if file == "-" {
		file = "FILE"
	}
	return input.Errorf(d.file, d.base, "this is a rubric, not a profile (it has %s): check it with '%s rubric validate %s', or score a profile with it: '%s score --rubric %s PROFILE'",
		strings.Join(has, ", "), input.Prog, file, input.Prog, file)
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) text(n *yaml.Node, path string) (string, error) {
	if isNull(n) {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", d.errf(n, "%s: expected text, found %s", path, input.Describe(n))
	}
	if strings.ContainsRune(n.Value, 0) {
		return "", d.errf(n, "%s: contains a NUL character (\\0); remove it", path)
	}
	// A name such as 2024 or 007 reads as a number in YAML; the scalar's text
	// is exactly what was typed, so it is kept as written.
	return n.Value, nil
}

func (d *decoder) number(n *yaml.Node, path string) (float64, error) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, d.errf(n, "%s: expected a number, found %s", path, input.Describe(n))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil {
		if i, ierr := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); ierr == nil {
			return float64(i), nil
		}
		return 0, d.errf(n, "%s: expected a number, found %s", path, input.Describe(n))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, d.errf(n, "%s: expected a finite number, found %s", path, n.Value)
	}
	return f, nil
}

func (d *decoder) years(n *yaml.Node, path string) (float64, error) {
	f, err := d.number(n, path)
	if err != nil {
		return 0, err
	}
	if f < 0 {
		return 0, d.errf(n, "%s: years cannot be negative, found %s", path, n.Value)
	}
	if f > scale.MaxYears {
		return 0, d.errf(n, "%s: %s years is more than a working life; check the number", path, n.Value)
	}
	return f, nil
}

func (d *decoder) date(n *yaml.Node) (string, error) {
	if isNull(n) {
		return "", nil
	}
	if n.Kind == yaml.ScalarNode {
		for _, layout := range []string{"2006-01-02", time.RFC3339} {
			if t, err := time.Parse(layout, n.Value); err == nil {
				return t.Format("2006-01-02"), nil
			}
		}
	}
	return "", d.errf(n, "updated: expected a date like 2026-11-25, found %s", input.Describe(n))
}

// mapping checks that n is a mapping (false, with a problem kept, when it
// is not; false for nothing) and keeps a problem for each repeated key,
// whose index in n.Content is in repeats, to be skipped.
func (d *decoder) mapping(n *yaml.Node, path string) (ok bool, repeats map[int]bool) {
	if isNull(n) {
		return false, nil
	}
	if n.Kind != yaml.MappingNode {
		d.add(d.errf(n, "%s: expected a mapping of keys to values, found %s", path, input.Describe(n)))
		return false, nil
	}
	dups, repeats := input.DuplicateKeys(d.file, path, n, d.base)
	d.problems = append(d.problems, dups...)
	return true, repeats
}

func (d *decoder) experience(n *yaml.Node) {
	ok, repeats := d.mapping(n, "experience")
	if !ok {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if repeats[i] {
			continue
		}
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "experience." + k.Value
		d.p.lines[path] = k.Line
		var err error
		switch k.Value {
		case "it_years":
			d.p.Experience.ITYears, err = d.years(v, path)
		case "management_years":
			d.p.Experience.ManagementYears, err = d.years(v, path)
		default:
			if !scale.ValidFieldID(k.Value) {
				err = d.errf(k, "%s: not an experience field id%s; ids are lower-case letters, digits and _, starting with a letter, such as it_years, management_years or a field your rubric declares",
					input.Short(path), text.DidYouMean(k.Value, []string{scale.FieldITYears, scale.FieldManagementYears}))
				if e, ok := err.(*input.Error); ok {
					d.fields = append(d.fields, fieldProblem{err: e, key: k.Value})
				}
				break
			}
			var y float64
			if y, err = d.years(v, path); err == nil {
				d.p.Experience.Set(k.Value, y)
			}
		}
		if err != nil {
			d.add(err)
		}
	}
}

func (d *decoder) idList(n *yaml.Node, path string) []string {
	if isNull(n) {
		return []string{}
	}
	if n.Kind != yaml.SequenceNode {
		d.add(d.errf(n, "%s: expected a list of ids like [a, b], found %s", path, input.Describe(n)))
		return []string{}
	}
	ids := make([]string, 0, len(n.Content))
	first := make(map[string]int, len(n.Content))
	for i, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.ScalarNode || isNull(c) {
			d.add(d.errf(c, "%s[%d]: expected an id, found %s", path, i, input.Describe(c)))
			continue
		}
		if l, dup := first[c.Value]; dup {
			d.add(d.errf(c, "%s: %s is listed twice (first at line %d); keep one", path, input.Short(c.Value), d.base+l))
			continue
		}
		first[c.Value] = c.Line
		// The line of each id by its place in the list the profile keeps.
		d.p.lines[fmt.Sprintf("%s[%d]", path, len(ids))] = c.Line
		ids = append(ids, c.Value)
	}
	return ids
}

func (d *decoder) skills(n *yaml.Node) {
	d.p.Skills = make(map[string]int, len(n.Content)/2)
	ok, repeats := d.mapping(n, "skills")
	if !ok {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if repeats[i] {
			continue
		}
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "skills." + k.Value
		d.p.lines[path] = k.Line
		if isNotApplicable(v) {
			d.p.NotApplicable = append(d.p.NotApplicable, k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
			short, found := input.Short(path), input.Describe(v)
			d.levelProblem(v, func(names []string) string {
				return fmt.Sprintf("%s: expected a level, a whole number from %d to %d, or %s, found %s%s", short, scale.MinLevel, len(names)-1, NotApplicableValue, found, levelHint(v, names))
			})
			continue
		}
		// Any level a rubric's scale may have is read; assess.Check refuses
		// one above the top of the profile's rubric.
		lvl, err := strconv.Atoi(v.Value)
		if err != nil || lvl < scale.MinLevel || lvl > scale.TopLevel {
			short, value := input.Short(path), v.Value
			d.levelProblem(v, func(names []string) string {
				top := len(names) - 1
				return fmt.Sprintf("%s: level %s is out of range; use %d (%s) to %d (%s)", short, value, scale.MinLevel, names[0], top, names[top])
			})
			continue
		}
		d.p.Skills[k.Value] = lvl
	}
	slices.Sort(d.p.NotApplicable)
}

// levelProblem keeps a problem with a skill's value at v, said for the
// standard scale until InScale says it for a rubric's.
func (d *decoder) levelProblem(v *yaml.Node, msg func(names []string) string) {
	e := d.errf(v, "%s", msg(scale.LevelNames[:])).(*input.Error)
	d.add(e)
	d.levels = append(d.levels, levelProblem{err: e, msg: msg})
}

// isNotApplicable reports whether a skill's value is n/a, in any case, as
// text ("n/a" in JSON).
func isNotApplicable(v *yaml.Node) bool {
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && strings.EqualFold(v.Value, NotApplicableValue)
}

// levelHint says which number a level written in words, or a number in
// quotes, stands for: "; use 3 (practitioner)". Levels are written as
// numbers only, so that a file reads the same in every language.
func levelHint(v *yaml.Node, names []string) string {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		return ""
	}
	word := strings.TrimSpace(v.Value)
	if strings.EqualFold(word, NotApplicableValue) || notApplicableWords[strings.ToLower(strings.Map(letterOnly, word))] {
		return "; write " + NotApplicableValue + " for a skill your current job does not use"
	}
	if n, err := strconv.Atoi(word); err == nil && n >= scale.MinLevel && n < len(names) {
		return fmt.Sprintf("; write %d without quotes", n)
	}
	if near, ok := text.Nearest(word, names); ok {
		return fmt.Sprintf("; use %d (%s)", slices.Index(names, near), near)
	}
	return ""
}

// notApplicableWords are the ways of writing n/a, in letters only, that
// are answered with how to write it.
var notApplicableWords = map[string]bool{"na": true, "notapplicable": true, "nonapplicable": true, "inapplicable": true}

func letterOnly(r rune) rune {
	if unicode.IsLetter(r) {
		return r
	}
	return -1
}

func (d *decoder) evidence(n *yaml.Node) {
	ok, repeats := d.mapping(n, "evidence")
	if !ok {
		return
	}
	d.p.Evidence = make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if repeats[i] {
			continue
		}
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "evidence." + k.Value
		d.p.lines[path] = k.Line
		s, err := d.text(v, input.Short(path))
		if err != nil {
			d.add(err)
			continue
		}
		d.p.Evidence[k.Value] = s
	}
}
