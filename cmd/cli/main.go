// Package cli holds skillgap's cobra commands. They parse flags, wire the
// dependencies and call the rubric, profiles, assess and report packages;
// nothing else happens here.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/skillgap/skillgap"
	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/report"
	"github.com/spf13/cobra"
)

// Exit codes, documented in the README and in `skillgap --help`.
const (
	ExitOK          = 0
	ExitBadInput    = 1 // a file could not be read or is not valid
	ExitUsage       = 2 // wrong flags or arguments, or no terminal to prompt on
	ExitBelowMin    = 3 // --min-readiness: a profile scored below the bar
	ExitInterrupted = 130
)

// Factory carries what commands depend on, so tests can replace any of it.
type Factory struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string
	Now    func() time.Time
	// Prompter, when set, answers questions instead of the terminal (tests).
	Prompter assess.Prompter
	// Prog is the program name the hints show ("run 'skillgap assess -o
	// me.yaml' to resume"): the name the user typed (ProgName); "" means
	// skillgap.
	Prog string

	sources map[string]string // flag -> where its value came from, if not the command line
}

func (f *Factory) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// prompter is what asks the questions: the one set on the factory (tests),
// else the terminal's, else nil when there is no terminal to ask on.
func (f *Factory) prompter() assess.Prompter {
	if f.Prompter != nil {
		return f.Prompter
	}
	if !f.IO.CanPrompt() {
		return nil
	}
	if pr, ok := terminalPrompter(f.IO); ok {
		return pr
	}
	return nil
}

// prog is the program name for hints.
func (f *Factory) prog() string {
	if f.Prog == "" {
		return defaultProg
	}
	return f.Prog
}

// defaultProg is the program's name when it cannot be told from how it was
// started.
const defaultProg = "skillgap"

// SystemFactory wires the real process.
func SystemFactory() *Factory {
	return &Factory{IO: iostreams.System(), Getenv: os.Getenv, Now: clock(os.Getenv), Prog: ProgName(os.Args[0])}
}

// ProgName is the program name for hints, from how the program was started
// (arg0, os.Args[0]): a command found on PATH by its name keeps that name
// ("skillgap"); one started by a path keeps the path as typed
// ("./bin/skillgap", quoted for a shell when it needs it). A binary that go
// run built, in a go-build folder of the temporary folder or the build
// cache, is "skillgap", as is an empty arg0.
func ProgName(arg0 string) string {
	if arg0 == "" {
		return defaultProg
	}
	if !strings.ContainsAny(arg0, `/\`) {
		return shellQuote(arg0)
	}
	for _, dir := range strings.Split(filepath.ToSlash(filepath.Dir(arg0)), "/") {
		if strings.HasPrefix(dir, "go-build") {
			return defaultProg
		}
	}
	return shellQuote(arg0)
}

// clock is the time now, or SOURCE_DATE_EPOCH (seconds since 1970) when set,
// the reproducible-builds convention, so that reports can be byte-identical.
func clock(getenv func(string) string) func() time.Time {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			t := time.Unix(sec, 0).UTC()
			return func() time.Time { return t }
		}
	}
	return time.Now
}

// ExitError carries an exit code with an error. Err may be nil when the
// command already reported everything on stderr.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// usageError marks a mistake in how the command was called (exit 2).
func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// Main runs skillgap with args and returns the exit code.
func Main(args []string, f *Factory) int {
	// Every write to stdout is checked: output that could not be written
	// (a full disk, /dev/full, a closed pipe) is never a success.
	out := &checkedWriter{w: f.IO.Out}
	f.IO.Out = out
	if file, ok := out.w.(interface{ Fd() uintptr }); ok {
		// A terminal stays one: the prompts need its descriptor.
		f.IO.Out = checkedFile{out, file}
	}
	defer func() { f.IO.Out = out.w }()
	root := NewCmdRoot(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err != nil {
		err = commandError(cmd, err)
	}
	if err == nil && out.err != nil {
		err = fmt.Errorf("cannot write the output: %w", out.err)
	}
	if err == nil {
		return ExitOK
	}
	code := ExitBadInput
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		if ee.Err == nil {
			return code
		}
	} else if isUsage(err) {
		code = ExitUsage
	}
	printErr(f.IO.ErrOut, f.prog(), err)
	if code == ExitUsage && cmd != nil {
		fmt.Fprintf(f.IO.ErrOut, "Run '%s --help' for usage.\n", f.commandPath(cmd))
	}
	return code
}

// commandPath is how the user calls cmd: "skillgap score", or
// "./bin/skillgap score" when started by that path.
func (f *Factory) commandPath(cmd *cobra.Command) string {
	return f.prog() + strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())
}

// printErr writes an error for a person: names, ids and file names in it
// come from files and the command line, so control characters are made
// visible.
//
// An error that lists several problems (a file's, in line order) prints one
// line for each, so each reads as a message of its own. The commands a
// message suggests are called by prog, the program's name as typed.
func printErr(w io.Writer, prog string, err error) {
	for _, line := range messageLines(err, prog) {
		fmt.Fprintf(w, "skillgap: %s\n", report.CleanMessage(line))
	}
}

// lister is an error of several problems, such as input.List.
type lister interface{ LinesFor(prog string) []string }

// progError is an error whose message may suggest commands, such as
// input.Error.
type progError interface{ ErrorFor(prog string) string }

func messageLines(err error, prog string) []string {
	if ee, ok := err.(*ExitError); ok && ee.Err != nil {
		err = ee.Err
	}
	switch e := err.(type) {
	case lister:
		return e.LinesFor(prog)
	case progError:
		return []string{e.ErrorFor(prog)}
	}
	return []string{err.Error()}
}

// firstProblem is the first problem of err, and how many more there are,
// for a message that quotes it inside a sentence of its own.
func firstProblem(err error) string {
	l := input.ListOf(err)
	switch {
	case len(l) > 1:
		return fmt.Sprintf("%s; and %s", l[0].Error(), input.MoreProblems(len(l)-1))
	case len(l) == 1:
		return l[0].Error()
	}
	return err.Error()
}

// withAdvice is an error followed by a line that says what to do.
type withAdvice struct {
	err    error
	advice string
}

func (e *withAdvice) Error() string { return e.err.Error() + "\n" + e.advice }
func (e *withAdvice) Unwrap() error { return e.err }
func (e *withAdvice) LinesFor(prog string) []string {
	return append(messageLines(e.err, prog), e.advice)
}

// isUsage recognises cobra's own errors about commands, flags and arguments.
func isUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most", "bad flag syntax"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newRootCobra() *cobra.Command {
	root := &cobra.Command{
		Use:   "skillgap",
		Short: "How ready are you for a role, and what should you do next?",
		Long: `skillgap scores your skills, certifications and years of experience against a
rubric built from a career guide (by default: IT Manager, from Assistant IT
Manager to CIO), and prints your gaps, the next steps and how long they take.

Exit codes, one rule for every command:
  0    ok
  1    bad input: a file is missing, unreadable or not valid (in a batch the
       others are still processed), or the output file exists
  2    wrong usage: a bad command-line value (an unknown command, flag,
       rubric id, --target or --format, a flag value out of range, a setting
       in the environment or config file), or no terminal for assess
  3    score --min-readiness: a profile scored below the bar
  130  interrupted`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       skillgap.Version(),
	}
	// "skillgap 0.3.0 (commit 082fbff1a2b3)"
	root.SetVersionTemplate("skillgap {{.Version}}\n")
	return root
}

// checkedWriter remembers the first error of the writer it wraps.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// checkedFile is a checkedWriter over a file, which keeps its descriptor.
type checkedFile struct {
	*checkedWriter
	file interface{ Fd() uintptr }
}

func (c checkedFile) Fd() uintptr { return c.file.Fd() }
