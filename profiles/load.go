package profiles

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

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
// 0..4, negative years, duplicates and a wrong version are errors with the line.
// It does not check ids against a rubric; see Check.
func Parse(name string, data []byte) (*Profile, error) {
	return parseAt(name, data, 0)
}

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
	return d.p, nil
}

type decoder struct {
	file string
	base int
	p    *Profile
}

func (d *decoder) errf(n *yaml.Node, format string, args ...any) error {
	return input.Errorf(d.file, d.base+n.Line, format, args...)
}

var topKeys = []string{"version", "name", "rubric", "rubric_revision", "target", "experience", "education", "certifications", "skills", "evidence", "updated"}

func (d *decoder) profile(root *yaml.Node) error {
	if err := input.CheckDuplicateKeys(d.file, "", root, d.base); err != nil {
		return err
	}
	p := d.p
	versionSeen := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolve(root.Content[i+1])
		p.lines[k.Value] = k.Line
		var err error
		switch k.Value {
		case "version":
			versionSeen = true
			var n float64
			if n, err = d.number(v, "version"); err == nil && n != FormatVersion {
				err = d.errf(v, "version: %s is not a format this skillgap reads (it reads version %d); a newer skillgap may read it", v.Value, FormatVersion)
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
			p.RubricRevision = int(n)
		case "updated":
			p.Updated, err = d.date(v)
		case "experience":
			err = d.experience(v)
		case "education":
			p.Education, err = d.idList(v, "education")
		case "certifications":
			p.Certifications, err = d.idList(v, "certifications")
		case "skills":
			err = d.skills(v)
		case "evidence":
			err = d.evidence(v)
		default:
			hint := "remove it"
			if near, ok := text.Nearest(k.Value, topKeys); ok {
				hint = "did you mean " + near + "?"
			}
			err = d.errf(k, "%s: unknown key (%s); keys are %s", input.Short(k.Value), hint, strings.Join(topKeys, ", "))
		}
		if err != nil {
			return err
		}
	}
	if !versionSeen {
		return d.errf(root, "version: missing; add \"version: %d\" at the top", FormatVersion)
	}
	return nil
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

func (d *decoder) mapping(n *yaml.Node, path string) (bool, error) {
	if isNull(n) {
		return false, nil
	}
	if n.Kind != yaml.MappingNode {
		return false, d.errf(n, "%s: expected a mapping of keys to values, found %s", path, input.Describe(n))
	}
	return true, input.CheckDuplicateKeys(d.file, path, n, d.base)
}

func (d *decoder) experience(n *yaml.Node) error {
	ok, err := d.mapping(n, "experience")
	if !ok || err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "experience." + k.Value
		d.p.lines[path] = k.Line
		switch k.Value {
		case "it_years":
			d.p.Experience.ITYears, err = d.years(v, path)
		case "management_years":
			d.p.Experience.ManagementYears, err = d.years(v, path)
		default:
			err = d.errf(k, "%s: unknown key%s; experience has it_years and management_years", path, text.DidYouMean(k.Value, []string{"it_years", "management_years"}))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) idList(n *yaml.Node, path string) ([]string, error) {
	if isNull(n) {
		return []string{}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, d.errf(n, "%s: expected a list of ids like [a, b], found %s", path, input.Describe(n))
	}
	ids := make([]string, 0, len(n.Content))
	first := make(map[string]int, len(n.Content))
	for i, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.ScalarNode || isNull(c) {
			return nil, d.errf(c, "%s[%d]: expected an id, found %s", path, i, input.Describe(c))
		}
		if l, dup := first[c.Value]; dup {
			return nil, d.errf(c, "%s: %s is listed twice (first at line %d); keep one", path, c.Value, d.base+l)
		}
		first[c.Value] = c.Line
		d.p.lines[fmt.Sprintf("%s[%d]", path, i)] = c.Line
		ids = append(ids, c.Value)
	}
	return ids, nil
}

func (d *decoder) skills(n *yaml.Node) error {
	ok, err := d.mapping(n, "skills")
	if err != nil {
		return err
	}
	d.p.Skills = make(map[string]int, len(n.Content)/2)
	if !ok {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "skills." + k.Value
		d.p.lines[path] = k.Line
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
			return d.errf(v, "%s: expected a level, a whole number from %d to %d, found %s", path, scale.MinLevel, scale.MaxLevel, input.Describe(v))
		}
		lvl, err := strconv.Atoi(v.Value)
		if err != nil || lvl < scale.MinLevel || lvl > scale.MaxLevel {
			return d.errf(v, "%s: level %s is out of range; use %d (none) to %d (expert)", path, v.Value, scale.MinLevel, scale.MaxLevel)
		}
		d.p.Skills[k.Value] = lvl
	}
	return nil
}

func (d *decoder) evidence(n *yaml.Node) error {
	ok, err := d.mapping(n, "evidence")
	if !ok || err != nil {
		return err
	}
	d.p.Evidence = make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		path := "evidence." + k.Value
		d.p.lines[path] = k.Line
		s, err := d.text(v, path)
		if err != nil {
			return err
		}
		d.p.Evidence[k.Value] = s
	}
	return nil
}
