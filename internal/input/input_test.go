package input

import (
	"errors"
	"strings"
	"testing"
)

// An oversized input says so in words and in its type: errors.Is finds
// ErrTooLarge through the message's wrapper.
func TestTooLargeIsWrapped(t *testing.T) {
	_, err := ReadAll("big.yaml", strings.NewReader(strings.Repeat("x", 2048)), 1024)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.yaml: file is larger than 1 KiB") {
		t.Errorf("err = %v", err)
	}
	var ie *Error
	if !errors.As(err, &ie) || ie.File != "big.yaml" {
		t.Errorf("not an *Error: %T", err)
	}
}

// A message quoting a file's keys cannot forge lines or take the terminal.
func TestErrorTextIsClean(t *testing.T) {
	err := Errorf("a\x1b[2J.yaml", 3, "skills.%s: unknown skill", "x\nskillgap: fine")
	if got := err.Error(); strings.ContainsAny(got, "\x1b\n") {
		t.Errorf("%q", got)
	}
}

// A list of problems prints one a line, in line order, at most MaxListed
// and then a count; errors.As finds the list and its problems.
func TestListIsSortedAndCapped(t *testing.T) {
	var l List
	for i := MaxListed + 5; i > 0; i-- {
		l = append(l, Errorf("p.yaml", i, "problem %d", i))
	}
	err := l.Err()
	lines := err.(List).Lines()
	if len(lines) != MaxListed+1 || lines[0] != "p.yaml: line 1: problem 1" || lines[MaxListed-1] != "p.yaml: line 20: problem 20" || lines[MaxListed] != "p.yaml: and 5 more problems" {
		t.Errorf("lines %q", lines)
	}
	var ie *Error
	if got := ListOf(err); !errors.As(err, &ie) || ie.Line != 1 || len(got) != MaxListed+5 {
		t.Errorf("As: %v, ListOf %d", ie, len(got))
	}
	if (List{}).Err() != nil {
		t.Error("no problem is no error")
	}
	if one := (List{l[0]}).Err(); one != l[0] {
		t.Errorf("one problem is itself: %T", one)
	}
}

// A message that suggests a command names the program as the person typed
// it, and skillgap where that is not known.
func TestProgInMessages(t *testing.T) {
	e := Errorf("a.yaml", 3, "to score it: %s score a.yaml", Prog)
	if got := e.Error(); got != "a.yaml: line 3: to score it: skillgap score a.yaml" {
		t.Errorf("Error() = %q", got)
	}
	if got := e.ErrorFor("./bin/skillgap"); got != "a.yaml: line 3: to score it: ./bin/skillgap score a.yaml" {
		t.Errorf("ErrorFor = %q", got)
	}
	l := List{e, Errorf("a.yaml", 1, "first")}
	l.Sort()
	if got := l.LinesFor("sg"); len(got) != 2 || got[1] != "a.yaml: line 3: to score it: sg score a.yaml" {
		t.Errorf("LinesFor = %q", got)
	}
}
