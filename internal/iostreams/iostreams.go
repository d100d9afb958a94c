// Package iostreams carries standard input, output and error and what the
// program knows about them: whether each is a terminal, and whether to colour.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// IOStreams is passed to every command instead of touching os.Std* directly.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY, OutTTY, ErrTTY bool
	// NoColor turns colour off even on a terminal (--no-color, NO_COLOR, TERM=dumb).
	NoColor bool
	// TermWidth is the width human output must fit: $COLUMNS when set, else
	// the output terminal's width, else 0 (reports then use 80).
	TermWidth int
}

// System returns the streams of the running process.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.InTTY = isTerminal(os.Stdin)
	s.OutTTY = isTerminal(os.Stdout)
	s.ErrTTY = isTerminal(os.Stderr)
	if s.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.TermWidth = w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w >= 20 {
		s.TermWidth = w
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok || os.Getenv("TERM") == "dumb" {
		s.NoColor = true
	}
	return s
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Test returns streams backed by buffers, none of them a terminal.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// ColorEnabled reports whether output to Out may be coloured.
func (s *IOStreams) ColorEnabled() bool { return s.OutTTY && !s.NoColor }

// CanPrompt reports whether the user can be asked questions.
func (s *IOStreams) CanPrompt() bool { return s.InTTY && s.OutTTY }
