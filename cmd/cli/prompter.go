package cli

// The only file that imports survey: survey/v2 is unmaintained, so it stays
// behind assess.Prompter and can be swapped without touching anything else.

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/report"
)

// surveyPrompter asks questions on a terminal with survey.
type surveyPrompter struct {
	stdio terminal.Stdio
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
	return &surveyPrompter{stdio: terminal.Stdio{In: in, Out: out, Err: errOut}, color: color, width: width}
}

func (s *surveyPrompter) opts() []survey.AskOpt {
	opts := []survey.AskOpt{survey.WithStdio(s.stdio.In, s.stdio.Out, s.stdio.Err), survey.WithPageSize(10)}
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

// message is the question as shown: rubric text is data, so control
// characters in it are made visible.
func message(q assess.Question) string {
	if q.Progress != "" {
		return report.Clean(fmt.Sprintf("[%s] %s", q.Progress, q.Message))
	}
	return report.Clean(q.Message)
}

func mapErr(err error) error {
	if errors.Is(err, terminal.InterruptErr) {
		return assess.ErrInterrupted
	}
	return err
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
	v := func(ans any) error {
		str, _ := ans.(string)
		return validate(keep(str))
	}
	err := survey.AskOne(p, &out, append(s.opts(), survey.WithValidator(v))...)
	return keep(out), mapErr(err)
}

func labels(options []assess.Option) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = report.Clean(o.Label)
	}
	return out
}

// describe gives survey each option's description, cut to fit the line
// ("> [ ]  label - description"); '?' shows the whole text in the help.
func (s *surveyPrompter) describe(options []assess.Option) func(string, int) string {
	return func(label string, i int) string {
		if i >= len(options) {
			return ""
		}
		room := s.width - 1 - len([]rune(label)) - len("> [ ]  ") - len(" - ")
		return cut(report.Clean(options[i].Description), room)
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

// fullHelp adds every option's whole description to a question's help.
func fullHelp(q assess.Question, options []assess.Option) string {
	long := false
	for _, o := range options {
		long = long || len([]rune(o.Label))+len([]rune(o.Description)) > 60
	}
	h := q.Help
	for _, o := range options {
		if long && o.Description != "" {
			h += "\n  " + o.Label + ": " + o.Description
		}
	}
	return report.CleanMessage(h)
}

func (s *surveyPrompter) Select(q assess.Question, options []assess.Option, def int) (int, error) {
	var out int
	p := &survey.Select{Message: message(q), Options: labels(options), Help: fullHelp(q, options), Description: s.describe(options)}
	if def >= 0 && def < len(options) {
		p.Default = def
	}
	err := survey.AskOne(p, &out, s.opts()...)
	return out, mapErr(err)
}

func (s *surveyPrompter) MultiSelect(q assess.Question, options []assess.Option, defaults []int) ([]int, error) {
	var out []int
	p := &survey.MultiSelect{Message: message(q), Options: labels(options), Help: fullHelp(q, options), Description: s.describe(options)}
	if len(defaults) > 0 {
		p.Default = slices.Clone(defaults)
	}
	err := survey.AskOne(p, &out, s.opts()...)
	return out, mapErr(err)
}

func (s *surveyPrompter) Confirm(q assess.Question, def bool) (bool, error) {
	var out bool
	err := survey.AskOne(&survey.Confirm{Message: message(q), Default: def, Help: report.CleanMessage(q.Help)}, &out, s.opts()...)
	return out, mapErr(err)
}
