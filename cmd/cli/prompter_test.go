package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/skillgap/skillgap/assess"
)

// survey's hint lines are matched as text: an update of survey that changes
// them must be noticed.
func TestBackHintIsInEveryTemplate(t *testing.T) {
	surveyMu.Lock()
	defer surveyMu.Unlock()
	useTemplates(false)
	for i, tmpl := range backTemplates(templates[0]) {
		if tmpl == templates[0][i] {
			t.Errorf("template %d has no \"< back\" hint", i)
		}
	}
}

// In a list, "<" or "back" then Enter is a way back: survey's filter is
// cleared (Ctrl-X) before the Enter so that the list ends. Anything else
// typed reaches survey as it was.
func TestListKeysGoBack(t *testing.T) {
	for _, tc := range []struct {
		typed []string // what each read returns
		back  bool
	}{
		{[]string{"<\r"}, true},
		{[]string{"<", "\r"}, true},
		{[]string{"back\r"}, true},
		{[]string{"\x1b[B<\r"}, true},     // an arrow, then <
		{[]string{"x<\x7f\x7f<\r"}, true}, // typed, rubbed out, then <
		{[]string{"\x1b[", "A<\r"}, true}, // an escape sequence split between reads
		{[]string{"\r"}, false},
		{[]string{"x<\r"}, false},
		{[]string{"<\x7f\r"}, false},
		{[]string{"< \r"}, false},
		{[]string{"backup\r"}, false},
		{[]string{"<?\r"}, false},
		{[]string{"\x03"}, false},
	} {
		k := &keys{}
		k.start(true, true)
		var got, want strings.Builder
		for _, chunk := range tc.typed {
			got.Write(k.scan([]byte(chunk)))
			want.WriteString(chunk)
		}
		w := want.String()
		if tc.back {
			w = strings.Replace(w, "\r", "\x18\r", 1)
		}
		if k.back != tc.back || got.String() != w {
			t.Errorf("%q: back %v, survey reads %q; want %v, %q", tc.typed, k.back, got.String(), tc.back, w)
		}
	}
	// Where there is no way back, "<" is a filter like any other key.
	k := &keys{}
	k.start(true, false)
	if got := string(k.scan([]byte("<\r"))); k.back || got != "<\r" {
		t.Errorf("no way back: back %v, survey reads %q", k.back, got)
	}
	// Ctrl-D ends a list as Enter does: the filter is cleared first, or
	// survey's Select panics when it leaves no option.
	k.start(true, true)
	if got := string(k.scan([]byte("zzz\x04"))); k.back || got != "zzz\x18\x04" {
		t.Errorf("Ctrl-D: back %v, survey reads %q", k.back, got)
	}
}

// Help lists the options' whole descriptions only when the screen cuts
// some: what the screen shows in full is not said twice.
func TestHelpDoesNotRepeatTheScreen(t *testing.T) {
	options := []assess.Option{{Label: "2 working", Description: "Has changed switch, VPN or firewall settings from a runbook."}}
	q := assess.Question{Help: "Networks."}
	if h := (&surveyPrompter{width: 100}).fullHelp(q, options); h != "Networks." {
		t.Errorf("wide screen: help %q", h)
	}
	if h := (&surveyPrompter{width: 40}).fullHelp(q, options); !strings.Contains(h, "2 working: Has changed switch, VPN or firewall settings from a runbook.") {
		t.Errorf("narrow screen: help %q", h)
	}
}

func TestProgressInTheMessage(t *testing.T) {
	for q, want := range map[assess.Question]string{
		{Message: "Cloud:", Number: 12, Total: 30, Progress: "Technical skills 4/12"}: "[12/30 · Technical skills 4/12] Cloud:",
		{Message: "Your name:", Number: 1, Total: 30}:                                 "[1/30] Your name:",
		{Message: "Replace?"}: "Replace?",
	} {
		if got := message(q); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

// fakeTerminal sends what it holds and takes what is written.
type fakeTerminal struct {
	in      *bytes.Reader
	written bytes.Buffer
}

func (*fakeTerminal) Fd() uintptr                   { return ^uintptr(0) }
func (f *fakeTerminal) Read(p []byte) (int, error)  { return f.in.Read(p) }
func (f *fakeTerminal) Write(p []byte) (int, error) { return f.written.Write(p) }

// survey asks the terminal where the cursor is and reads the answer through
// a buffer that drops what follows it, and hangs when keys typed before the
// answer hold an "R": keys hands survey the terminal's bytes one R at a time,
// so that survey finds its answer and keys typed meanwhile are kept.
func TestCursorAnswerAmongTypedKeys(t *testing.T) {
	for _, typed := range []string{"Ran the DC move\r" + "\x1b[40;100R", "\x1b[40;100R" + "Ran the DC move\r"} {
		for _, list := range []bool{false, true} {
			term := &fakeTerminal{in: bytes.NewReader([]byte(typed))}
			k := &keys{FileReader: term}
			k.start(list, true)
			kept := new(bytes.Buffer)
			at, err := (&terminal.Cursor{In: k, Out: term}).Location(kept)
			if err != nil || at.X != 100 || at.Y != 40 {
				t.Errorf("%q (list %v): cursor at %+v, %v", typed, list, at, err)
				continue
			}
			rest, _ := io.ReadAll(k)
			if got := kept.String() + string(rest); got != "Ran the DC move\r" {
				t.Errorf("%q (list %v): keys kept %q", typed, list, got)
			}
		}
	}
}
