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
