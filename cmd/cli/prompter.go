package cli

// The only file that imports survey: survey/v2 is unmaintained, so it stays
// behind assess.Prompter and can be swapped without touching anything else.
//
// Going back ("<" or "back", then Enter) is handled here, for every kind of
// question:
//   - a typed answer (Input, and Confirm, which is asked as an Input so that
//     it can take "<" too) is read as usual and "<" or "back" returns
//     assess.ErrBack;
//   - a list (Select, MultiSelect) takes no typed answer, only keys: survey
//     filters the options by what is typed. The prompter reads the terminal
//     for survey (keys, below) and, when Enter follows "<" or "back", clears
//     survey's filter so that the list ends, and returns assess.ErrBack.
// The hint next to every question that can go back says "< back", and the
// answer line then reads "< back".

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/report"
	"golang.org/x/term"
)

// surveyPrompter asks questions on a terminal with survey.
type surveyPrompter struct {
	stdio terminal.Stdio
	keys  *keys
	color bool
	width int // terminal columns; options are cut to fit so nothing wraps
}

// terminalPrompter asks on the streams' terminal; false when they are not
// terminal files.
func terminalPrompter(ios *iostreams.IOStreams) (assess.Prompter, bool) {
	in, inOK := ios.In.(terminal.FileReader)
	out, outOK := ios.Out.(terminal.FileWriter)
	if !inOK || !outOK {
		return nil, false
	}
	return newSurveyPrompter(in, out, ios.ErrOut, ios.ColorEnabled(), ios.TermWidth), true
}

func newSurveyPrompter(in terminal.FileReader, out terminal.FileWriter, errOut io.Writer, color bool, width int) *surveyPrompter {
	if width <= 0 {
		width = 80
	}
	k := &keys{FileReader: in}
	return &surveyPrompter{stdio: terminal.Stdio{In: k, Out: out, Err: errOut}, keys: k, color: color, width: width}
}

func (s *surveyPrompter) opts() []survey.AskOpt {
	opts := []survey.AskOpt{survey.WithStdio(s.stdio.In, s.stdio.Out, s.stdio.Err), survey.WithPageSize(10),
		// Ticking all or none is rarely what a person holds, and the hint
		// line is long enough without it.
		survey.WithRemoveSelectAll(), survey.WithRemoveSelectNone()}
	if !s.color {
		// survey's templates colour through mgutz/ansi; plain icons keep a
		// NO_COLOR terminal readable.
		opts = append(opts, survey.WithIcons(func(icons *survey.IconSet) {
			icons.Question.Format = ""
			icons.Help.Format = ""
			icons.Error.Format = ""
			icons.SelectFocus.Format = ""
			icons.MarkedOption.Format = ""
			icons.UnmarkedOption.Format = ""
		}))
	}
	return opts
}

// message is the question as shown, with where the user is ("[12/30 ·
// Technical skills 4/12]"): rubric text is data, so control characters in it
// are made visible.
func message(q assess.Question) string {
	var where []string
	if q.Number > 0 && q.Total > 0 {
		where = append(where, fmt.Sprintf("%d/%d", q.Number, q.Total))
	}
	if q.Progress != "" {
		where = append(where, q.Progress)
	}
	if len(where) > 0 {
		return report.Clean("[" + strings.Join(where, " · ") + "] " + q.Message)
	}
	return report.Clean(q.Message)
}

func mapErr(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return assess.ErrInterrupted
	}
	return err
}

// isBack says whether a typed answer asks for the previous question.
func isBack(s string) bool {
	s = strings.TrimSpace(s)
	return s == "<" || s == "back"
}

// backShown is the answer line of a question left with "<".
const backShown = "< back"

var errFirst = errors.New("there is no question before this one")

// ask runs one survey prompt. survey's templates are package variables: the
// lock keeps each prompt's hint line its own.
func (s *surveyPrompter) ask(q assess.Question, p survey.Prompt, out any, list bool, transform survey.Transformer, opts ...survey.AskOpt) (back bool, err error) {
	surveyMu.Lock()
	defer surveyMu.Unlock()
	useTemplates(q.Back)
	s.keys.start(list, q.Back)
	defer s.keys.stop()
	wrapped := func(ans any) any {
		if s.keys.back {
			back = true
		}
		if back {
			switch ans.(type) {
			case core.OptionAnswer:
				return core.OptionAnswer{Value: backShown}
			case []core.OptionAnswer:
				return []core.OptionAnswer{{Value: backShown}}
			}
			return backShown
		}
		if transform != nil {
			return transform(ans)
		}
		return nil
	}
	err = survey.Ask([]*survey.Question{{Prompt: p, Transform: wrapped}}, out, append(s.opts(), opts...)...)
	if err != nil {
		return false, mapErr(err)
	}
	return back, nil
}

func (s *surveyPrompter) Input(q assess.Question, def string, validate func(string) error) (string, error) {
	var out string
	// The default comes from a file: shown with its control characters made
	// visible, and kept exactly as it was when accepted.
	shown := report.Clean(def)
	p := &survey.Input{Message: message(q), Default: shown, Help: report.CleanMessage(q.Help)}
	keep := func(s string) string {
		if s == shown {
			return def
		}
		return s
	}
	back := false
	v := func(ans any) error {
		str, _ := ans.(string)
		switch {
		case q.Back && isBack(str):
			back = true
			return nil
		case strings.TrimSpace(str) == "<":
			return errFirst
		}
		back = false
		return validate(keep(str))
	}
	_, err := s.ask(q, &textPrompt{Input: p}, &out, false, func(any) any {
		if back {
			return backShown
		}
		return nil
	}, survey.WithValidator(v))
	if err != nil {
		return "", err
	}
	if back {
		return "", assess.ErrBack
	}
	return keep(out), nil
}

// Confirm asks as an Input ("(Y/n)", as survey's Confirm shows it), so that
// it can take "<" like any typed answer, and clears a wrong answer's error
// like any Input.
func (s *surveyPrompter) Confirm(q assess.Question, def bool) (bool, error) {
	shown := "y/N"
	if def {
		shown = "Y/n"
	}
	read := func(a string) (yes, ok bool) {
		switch strings.ToLower(strings.TrimSpace(a)) {
		case strings.ToLower(shown), "":
			return def, true
		case "y", "yes":
			return true, true
		case "n", "no":
			return false, true
		}
		return false, false
	}
	back := false
	v := func(ans any) error {
		str, _ := ans.(string)
		if q.Back && isBack(str) {
			back = true
			return nil
		}
		back = false
		if _, ok := read(str); !ok {
			if q.Back {
				return fmt.Errorf("type y or n (or < to go back), not %q", str)
			}
			return fmt.Errorf("type y or n, not %q", str)
		}
		return nil
	}
	var out string
	p := &survey.Input{Message: message(q), Default: shown, Help: report.CleanMessage(q.Help)}
	_, err := s.ask(q, &textPrompt{Input: p}, &out, false, func(ans any) any {
		switch yes, _ := read(ans.(string)); {
		case back:
			return backShown
		case yes:
			return "Yes"
		}
		return "No"
	}, survey.WithValidator(v))
	switch {
	case err != nil:
		return false, err
	case back:
		return false, assess.ErrBack
	}
	return out == "Yes", nil
}

// labels are the options as shown, cut to the line.
func (s *surveyPrompter) labels(options []assess.Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = cut(report.Clean(o.Label), s.width-len("> [ ]  ")-1)
	}
	return out
}

// room is what is left of the line for an option's description
// ("> [ ]  label - description").
func (s *surveyPrompter) room(label string) int {
	return s.width - 1 - utf8.RuneCountInString(label) - len("> [ ]  ") - len(" - ")
}

// describe gives survey each option's description, cut to fit the line;
// '?' shows the whole text in the help when some did not fit.
func (s *surveyPrompter) describe(options []assess.Option) func(string, int) string {
	return func(label string, i int) string {
		if i >= len(options) {
			return ""
		}
		return cut(report.Clean(options[i].Description), s.room(label))
	}
}

func cut(s string, n int) string {
	r := []rune(s)
	if n < 8 {
		return ""
	}
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// fullHelp adds every option's whole description to a question's help, when
// some are cut on screen: what the screen shows in full is not repeated.
func (s *surveyPrompter) fullHelp(q assess.Question, options []assess.Option) string {
	labels := s.labels(options)
	cutShort := false
	for i, o := range options {
		d := report.Clean(o.Description)
		cutShort = cutShort || labels[i] != report.Clean(o.Label) || (d != "" && cut(d, s.room(labels[i])) != d)
	}
	h := q.Help
	for _, o := range options {
		if cutShort && o.Description != "" {
			h += "\n  " + o.Label + ": " + o.Description
		}
	}
	return report.CleanMessage(h)
}

func (s *surveyPrompter) Select(q assess.Question, options []assess.Option, def int) (int, error) {
	var out int
	p := &survey.Select{Message: message(q), Options: s.labels(options), Help: s.fullHelp(q, options), Description: s.describe(options)}
	if def >= 0 && def < len(options) {
		p.Default = def
	}
	back, err := s.ask(q, p, &out, true, nil)
	switch {
	case err != nil:
		return 0, err
	case back:
		return 0, assess.ErrBack
	}
	return out, nil
}

func (s *surveyPrompter) MultiSelect(q assess.Question, options []assess.Option, defaults []int) ([]int, error) {
	var out []int
	p := &survey.MultiSelect{Message: message(q), Options: s.labels(options), Help: s.fullHelp(q, options), Description: s.describe(options)}
	if len(defaults) > 0 {
		p.Default = slices.Clone(defaults)
	}
	back, err := s.ask(q, p, &out, true, nil)
	switch {
	case err != nil:
		return nil, err
	case back:
		return nil, assess.ErrBack
	}
	return out, nil
}

// textPrompt is survey's Input, but an invalid answer's error does not stay on
// screen above the accepted answer: survey writes the error above the
// question and leaves it there; textPrompt counts its lines and erases them when
// the answer is accepted.
type textPrompt struct {
	*survey.Input
	errLines int
}

func (i *textPrompt) Error(config *survey.PromptConfig, invalid error) error {
	if err := i.Input.Error(config, invalid); err != nil {
		return err
	}
	_, layout, err := core.RunTemplate(survey.ErrorTemplate, &survey.ErrorTemplateData{Error: invalid, Icon: config.Icons.Error})
	if err != nil {
		return err
	}
	i.errLines = screenLines(layout, termWidth(i.Stdio().Out))
	return nil
}

func (i *textPrompt) Cleanup(config *survey.PromptConfig, val any) error {
	if i.errLines > 0 {
		// Erase the question as survey does before it writes the answer,
		// then the error above it: the answer takes the error's place.
		if err := i.Render("", nil); err != nil {
			return err
		}
		cursor := i.NewCursor()
		for range i.errLines {
			if err := cursor.PreviousLine(1); err != nil {
				return err
			}
			if err := terminal.EraseLine(i.Stdio().Out, terminal.ERASE_LINE_ALL); err != nil {
				return err
			}
		}
		i.errLines = 0
	}
	return i.Input.Cleanup(config, val)
}

func termWidth(out terminal.FileWriter) int {
	if w, _, err := term.GetSize(int(out.Fd())); err == nil && w > 0 {
		return w
	}
	return 10000 // as survey assumes
}

// screenLines is how many lines text (ending in a newline) takes on a screen
// width columns wide, as survey counts them.
func screenLines(text string, width int) int {
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		n += max(1, (terminal.StringWidth(line)+width-1)/width)
	}
	return n
}

// keys is the terminal as survey reads it. While a list is asked, it
// watches what is typed:
//   - "<" or "back", then Enter, asks for the previous question (where there
//     is one). survey would filter the list by these keys and find no
//     option (an Enter then does nothing in a Select), so keys clears the
//     filter (Ctrl-X) before it passes the Enter on, and notes that it was a
//     way back.
//   - Ctrl-D ends a list as Enter does, but survey's Select panics when its
//     filter leaves no option: the filter is cleared first there too.
type keys struct {
	terminal.FileReader
	list  bool   // a list is asked
	watch bool   // and it can go back
	back  bool   // "<" or "back" then Enter was typed
	word  []byte // the printable keys typed since any other key
	esc   int    // 1 after ESC, 2 inside an escape sequence, else 0
	out   []byte // what survey reads next
	err   error  // the terminal's error, once out is read
}

func (k *keys) start(list, back bool) {
	k.list, k.watch, k.back, k.word, k.esc = list, list && back, false, nil, 0
}
func (k *keys) stop() { k.list, k.watch = false, false }

// Read hands survey what the terminal sent, but never past an "R": survey
// asks the terminal where the cursor is and reads the answer (ESC [ row ;
// col R) through a buffer of its own, which drops whatever was read after
// it, and which loses the answer itself (and hangs) when keys typed before
// it hold an R. Stopping at each R keeps keys typed meanwhile.
func (k *keys) Read(p []byte) (int, error) {
	if len(k.out) == 0 {
		n, err := k.FileReader.Read(p)
		if n == 0 {
			return 0, err
		}
		if k.list {
			k.out = k.scan(p[:n])
		} else {
			k.out = append([]byte(nil), p[:n]...)
		}
		k.err = err
	}
	n := len(k.out)
	if i := bytes.IndexByte(k.out, 'R'); i >= 0 {
		n = i + 1
	}
	n = copy(p, k.out[:n])
	k.out = k.out[n:]
	if len(k.out) == 0 && k.err != nil {
		err := k.err
		k.err = nil
		return n, err
	}
	return n, nil
}

// scan notes what is typed and returns what survey is to read.
func (k *keys) scan(in []byte) []byte {
	out := make([]byte, 0, len(in)+1)
	for _, c := range in {
		switch {
		case k.esc == 1:
			k.esc = 0
			if c == '[' || c == 'O' {
				k.esc = 2
			}
		case k.esc == 2:
			if c >= 0x40 && c <= 0x7e {
				k.esc = 0
			}
		case c == terminal.KeyEscape:
			k.esc, k.word = 1, k.word[:0]
		case c == terminal.KeyEndTransmission:
			out = append(out, terminal.KeyDeleteLine)
			k.word = k.word[:0]
		case c == '\r' || c == '\n':
			if w := string(k.word); k.watch && (w == "<" || w == "back") {
				k.back = true
				out = append(out, terminal.KeyDeleteLine)
			}
			k.word = k.word[:0]
		case c == terminal.KeyDelete || c == terminal.KeyBackspace:
			if len(k.word) > 0 {
				_, size := utf8.DecodeLastRune(k.word)
				k.word = k.word[:len(k.word)-size]
			}
		case c > ' ' && c != '?':
			if len(k.word) < 8 {
				k.word = append(k.word, c)
			} else {
				k.word = append(k.word[:0], 0) // too long to be a way back
			}
		default:
			k.word = k.word[:0]
		}
		out = append(out, c)
	}
	return out
}

var (
	surveyMu sync.Mutex
	// survey's templates as they are, and with "< back" in the hint line.
	templates     [2][3]string
	templatesOnce sync.Once
)

// useTemplates sets survey's templates for a question that can go back, or
// not. Callers hold surveyMu.
func useTemplates(back bool) {
	templatesOnce.Do(func() {
		plain := [3]string{survey.InputQuestionTemplate, survey.SelectQuestionTemplate, survey.MultiSelectQuestionTemplate}
		templates = [2][3]string{plain, backTemplates(plain)}
	})
	t := templates[0]
	if back {
		t = templates[1]
	}
	survey.InputQuestionTemplate, survey.SelectQuestionTemplate, survey.MultiSelectQuestionTemplate = t[0], t[1], t[2]
}

// The parts of survey's hint lines that backTemplates changes.
const (
	inputHint = `{{- if or (and .Help (not .ShowHelp)) .Suggest }}{{color "cyan"}}[
    {{- if and .Help (not .ShowHelp)}}{{ print .Config.HelpInput }} for help {{- if and .Suggest}}, {{end}}{{end -}}
    {{- if and .Suggest }}{{color "cyan"}}{{ print .Config.SuggestInput }} for suggestions{{end -}}
  ]{{color "reset"}} {{end}}`
	inputBackHint  = `{{- color "cyan"}}[< back{{- if and .Help (not .ShowHelp)}}, {{ print .Config.HelpInput }} for help{{end}}]{{color "reset"}}{{" "}}`
	selectHint     = `[Use arrows to move, type to filter{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for more help{{end}}]`
	selectBackHint = `[arrows to move, type to filter, < back{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for help{{end}}]`
	multiHint      = `[Use arrows to move, space to select,{{- if not .Config.RemoveSelectAll }} <right> to all,{{end}}{{- if not .Config.RemoveSelectNone }} <left> to none,{{end}} type to filter{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for more help{{end}}]`
	multiBackHint  = `[arrows to move, space to tick, type to filter, < back{{- if and .Help (not .ShowHelp)}}, {{ .Config.HelpInput }} for help{{end}}]`
)

// backTemplates are survey's templates with "< back" in a shorter hint line; a
// template that is not as expected is left as it is (no hint, but going
// back still works).
func backTemplates(t [3]string) [3]string {
	t[0] = strings.Replace(t[0], inputHint, inputBackHint, 1)
	t[1] = strings.Replace(t[1], selectHint, selectBackHint, 1)
	t[2] = strings.Replace(t[2], multiHint, multiBackHint, 1)
	return t
}
