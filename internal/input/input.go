// Package input holds what the rubric and profile loaders share: size-limited
// reading, byte-order-mark handling, parsing YAML or JSON into a node tree with
// line numbers, and errors that name the file and the line.
package input

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/skillgap/skillgap/internal/text"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds one input file. A profile is a few kilobytes; a rubric a
// few dozen. Anything larger is a mistake (or an attack) and is refused.
const MaxFileSize = 4 << 20

// Error is a problem with an input file, at a line where there is one.
type Error struct {
	File string // as the user named it; "-" is standard input
	Line int    // 1-based; 0 when the problem has no line
	Msg  string // what is wrong and, where we can tell, how to fix it
	Err  error  // the cause, for errors.Is and errors.As; nil when none
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Prog stands for the program's name in a message that suggests a command
// ("to score it: " + Prog + " score a.yaml"): Error writes skillgap, and
// ErrorFor the name the person typed. No input holds a NUL character, so no
// file can forge it.
const Prog = "\x00prog\x00"

// Error names the file and the line. The file's name and the message quote
// what a file holds (keys, ids), so control characters in them, newlines
// too, are made visible: a key cannot forge a line of output.
func (e *Error) Error() string { return e.ErrorFor("skillgap") }

// ErrorFor is Error with the commands the message suggests called by prog,
// the program's name as the person typed it.
func (e *Error) ErrorFor(prog string) string {
	file := displayFile(e.File)
	msg := text.Clean(strings.ReplaceAll(e.Msg, Prog, prog))
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", file, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", file, msg)
}

// displayFile is how a message names a file: standard input as <stdin>,
// control characters made visible.
func displayFile(file string) string {
	switch file {
	case "-":
		return "<stdin>"
	case "":
		return "profile"
	}
	return text.Clean(file)
}

// MaxListed is how many problems of one input a message lists; the rest are
// counted ("and 7 more problems").
const MaxListed = 20

// List is every problem found in one input: a person fixes them all in one
// go instead of one run at a time.
type List []*Error

// Sort puts the problems in line order; problems on one line keep the order
// they were found in, so the order is the same on every run.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
}

// Err is nil for no problem, the problem itself for one, else the list in
// line order.
func (l List) Err() error {
	switch len(l) {
	case 0:
		return nil
	case 1:
		return l[0]
	}
	l.Sort()
	return l
}

// Lines are the messages of the problems, one each, at most MaxListed, then
// a line that counts the rest.
func (l List) Lines() []string { return l.LinesFor("skillgap") }

// LinesFor is Lines with the commands the messages suggest called by prog.
func (l List) LinesFor(prog string) []string {
	lines := make([]string, 0, min(len(l), MaxListed+1))
	for i, e := range l {
		if i == MaxListed {
			lines = append(lines, fmt.Sprintf("%s: and %s", displayFile(e.File), MoreProblems(len(l)-MaxListed)))
			break
		}
		lines = append(lines, e.ErrorFor(prog))
	}
	return lines
}

// MoreProblems counts problems not shown: "1 more problem", "5 more problems".
func MoreProblems(n int) string {
	if n == 1 {
		return "1 more problem"
	}
	return fmt.Sprintf("%d more problems", n)
}

// Error is the lines, one a problem.
func (l List) Error() string { return strings.Join(l.Lines(), "\n") }

// Unwrap gives each problem, for errors.Is and errors.As.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// ListOf is the problems err holds: a List's, else the one *Error found
// in it, else none.
func ListOf(err error) List {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return List{e}
	}
	return nil
}

// Errorf builds an *Error; a %w in format names its cause.
func Errorf(file string, line int, format string, args ...any) *Error {
	e := fmt.Errorf(format, args...)
	return &Error{File: file, Line: line, Msg: e.Error(), Err: errors.Unwrap(e)}
}

// ErrTooLarge is wrapped by the error ReadAll returns for an oversized input.
var ErrTooLarge = errors.New("too large")

// ReadAll reads r up to limit bytes; more is an error naming file.
func ReadAll(file string, r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, Errorf(file, 0, "cannot read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: file, Msg: fmt.Sprintf("file is larger than %d KiB: %v; is it the right file?", limit>>10, ErrTooLarge), Err: ErrTooLarge}
	}
	return data, nil
}

// Clean strips a UTF-8 byte-order mark and checks that the data is text.
func Clean(file string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(file, 0, "file is empty; expected a YAML or JSON document")
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, Errorf(file, 0, "file is not UTF-8 text; expected a YAML or JSON document")
	}
	return data, nil
}

// The patterns are compiled on first use (an error), not at start-up.
var (
	yamlLine      = lazyRegexp(`^(?:yaml: )?line (\d+): (.*)$`)
	fieldNotFound = lazyRegexp(`^field (\S+) not found in type (\S+)$`)
	cannotDecode  = lazyRegexp("^cannot unmarshal !!(\\w+) (?:`([^`]*)` )?into (\\S+)$")
)

func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// YAMLErrors is YAMLError for every problem the decoder found: each unknown
// key or wrong type it met, in line order. keysOf, when not nil, lists the
// keys of a Go type the decoder names ("rubric.Item"), to suggest the key
// meant.
func YAMLErrors(file string, data []byte, err error, keysOf func(goType string) []string) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return YAMLError(file, data, err)
	}
	var l List
	for _, msg := range te.Errors {
		l = append(l, yamlError(file, data, &yaml.TypeError{Errors: []string{msg}}, keysOf))
	}
	if len(l) == 0 {
		return YAMLError(file, data, err)
	}
	return l.Err()
}

// YAMLError turns an error from the YAML parser into an *Error with the line.
func YAMLError(file string, data []byte, err error) *Error { return yamlError(file, data, err, nil) }

func yamlError(file string, data []byte, err error, keysOf func(string) []string) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	e := &Error{File: file, Msg: msg}
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	if te != nil {
		e.Msg = plainTypeError(e.Msg, keysOf)
		return e
	}
	{
		// A syntax error: the parser's words alone rarely say what to change.
		switch {
		case strings.Contains(e.Msg, "exceeded max depth"):
			e.Msg = "nested more than 10000 levels deep; a profile or rubric is only a few levels deep"
		case strings.Contains(e.Msg, "cannot start any token") && lineHasTab(data, e.Line):
			e.Msg = "a tab is used for indentation; YAML indents with spaces only"
		case strings.Contains(e.Msg, "excessive aliasing"):
			e.Msg = "too many aliases (&/*) expanded; write the values out"
		default:
			e.Msg = "invalid YAML/JSON: " + e.Msg + " (check indentation, colons, quotes and brackets on this line or the one before)"
		}
	}
	return e
}

var (
	kindNames = map[string]string{"seq": "a list", "map": "a mapping", "str": "text", "int": "a whole number", "float": "a number", "bool": "true or false", "null": "nothing"}
)

// plainTypeError says a decoding error in the user's words, without Go types.
func plainTypeError(msg string, keysOf func(string) []string) string {
	if m := fieldNotFound().FindStringSubmatch(msg); m != nil {
		if keysOf != nil {
			if keys := keysOf(m[2]); len(keys) > 0 {
				if hint := text.DidYouMean(m[1], keys); hint != "" {
					return fmt.Sprintf("unknown key %q%s", Short(m[1]), hint)
				}
				return fmt.Sprintf("unknown key %q; the keys here are %s", Short(m[1]), strings.Join(keys, ", "))
			}
		}
		return fmt.Sprintf("unknown key %q; check its spelling", Short(m[1]))
	}
	if m := cannotDecode().FindStringSubmatch(msg); m != nil {
		want := m[3]
		switch {
		case strings.HasPrefix(want, "[]"):
			want = "a list"
		case strings.HasPrefix(want, "map["), strings.Contains(want, "."):
			want = "a mapping"
		case want == "string":
			want = "text"
		case strings.HasPrefix(want, "int"), strings.HasPrefix(want, "uint"):
			want = "a whole number"
		case strings.HasPrefix(want, "float"):
			want = "a number"
		}
		found := kindNames[m[1]]
		if found == "" {
			found = m[1]
		}
		if m[2] != "" && m[1] != "seq" && m[1] != "map" {
			found += " " + strconv.Quote(m[2])
		}
		return fmt.Sprintf("expected %s, found %s", want, found)
	}
	return msg
}

func lineHasTab(data []byte, line int) bool {
	lines := bytes.Split(data, []byte("\n"))
	for _, l := range []int{line - 1, line - 2} {
		if l >= 0 && l < len(lines) && bytes.ContainsRune(lines[l], '\t') {
			return true
		}
	}
	return false
}

// Parse parses one YAML (or JSON, which YAML reads too) document into its
// mapping node. More than one document, or a top level that is not a mapping,
// is an error.
func Parse(file string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, Errorf(file, 0, "file is empty; expected a YAML or JSON document")
		}
		return nil, YAMLError(file, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		line := extra.Line
		if err != nil {
			return nil, YAMLError(file, data, err)
		}
		return nil, Errorf(file, line, "a second document starts here; put one document in each file")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, Errorf(file, root.Line, "expected a mapping of keys to values at the top, found %s", Describe(root))
	}
	if err := checkTags(file, root); err != nil {
		return nil, err
	}
	return root, nil
}

// plainTags are the explicit tags a profile or rubric may carry: they say
// no more than the value already does.
var plainTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!map": true, "!!seq": true}

// checkTags refuses explicit YAML tags such as !!binary, !!set or a custom
// !tag: nothing in these formats is written that way, and a tag silently
// changes what a value means.
func checkTags(file string, n *yaml.Node) error {
	if n.Style&yaml.TaggedStyle != 0 && !plainTags[n.Tag] {
		return Errorf(file, n.Line, "the YAML tag %s is not allowed here; write the plain value", Short(n.Tag))
	}
	for _, c := range n.Content {
		if err := checkTags(file, c); err != nil {
			return err
		}
	}
	return nil
}

// Describe names a node's kind the way a user would: "a list", "the text "x"".
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!str":
			v := n.Value
			if len(v) > 40 {
				v = v[:37] + "..."
			}
			return strconv.Quote(v)
		default:
			return n.Value
		}
	}
	return "something else"
}

// CheckDuplicateKeys reports the first key of mapping m that appears twice;
// base is added to the lines (a document that starts at line base+1).
func CheckDuplicateKeys(file, path string, m *yaml.Node, base int) error {
	if dups, _ := DuplicateKeys(file, path, m, base); len(dups) > 0 {
		return dups[0]
	}
	return nil
}

// DuplicateKeys reports every key of mapping m that repeats an earlier one,
// and the indexes in m.Content of those repeats; base is added to the lines.
func DuplicateKeys(file, path string, m *yaml.Node, base int) (List, map[int]bool) {
	var dups List
	var repeats map[int]bool
	seen := make(map[string]int, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if first, ok := seen[k.Value]; ok {
			dups = append(dups, Errorf(file, base+k.Line, "%s: duplicate key (first at line %d); keep one", Join(path, Short(k.Value)), base+first))
			if repeats == nil {
				repeats = map[int]bool{}
			}
			repeats[i] = true
			continue
		}
		seen[k.Value] = k.Line
	}
	return dups, repeats
}

// Join builds a dotted key path for messages.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// ErrNotRegular is wrapped by the error OpenRegular returns for a FIFO,
// device, socket or folder.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading only when it is a regular file (after
// following symbolic links). Opening does not wait on a FIFO, and a device,
// FIFO or folder is refused before anything is read from it.
func OpenRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		what := "a special file"
		switch {
		case st.IsDir():
			what = "a folder"
		case st.Mode()&os.ModeNamedPipe != 0:
			what = "a named pipe"
		case st.Mode()&os.ModeDevice != 0:
			what = "a device"
		}
		return nil, fmt.Errorf("%w: it is %s", ErrNotRegular, what)
	}
	return f, nil
}

// PathError drops the operation and path from an *fs.PathError, whose text
// repeats the file name the message already starts with.
func PathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Short shortens text from a file for a message: an id or key of more than
// 64 characters is cut, with its length said, so one bad key cannot flood
// the screen.
func Short(s string) string {
	if utf8.RuneCountInString(s) <= 64 {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s… (%d characters)", string(r[:48]), len(r))
}
