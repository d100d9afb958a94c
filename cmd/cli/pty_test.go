//go:build !windows

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
)

// runInTerminal runs skillgap with the real survey prompts on a
// pseudo-terminal, with vt10x as the terminal emulator (survey asks the
// terminal for the cursor position and waits for the answer), while user
// types on the console. It returns the exit code and the screen.
func runInTerminal(t *testing.T, state string, args []string, user func(c *expect.Console)) (int, string) {
	t.Helper()
	return runOnScreen(t, state, args, func(c *expect.Console, _ func() string) { user(c) })
}

// runOnScreen is runInTerminal where the typing side can also read the
// screen as it is.
func runOnScreen(t *testing.T, state string, args []string, user func(c *expect.Console, screen func() string)) (int, string) {
	t.Helper()
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := pty.Setsize(ptm, &pty.Winsize{Rows: 40, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	term := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(100, 40))
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term), expect.WithCloser(ptm, pts),
		expect.WithDefaultTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	done := make(chan struct{})
	go func() {
		defer close(done)
		user(c, func() string { return term.String() })
	}()
	ios := &iostreams.IOStreams{In: c.Tty(), Out: c.Tty(), ErrOut: c.Tty(), InTTY: true, OutTTY: true, ErrTTY: true, NoColor: true, TermWidth: 100}
	exited := make(chan int, 1)
	go func() {
		exited <- Main(args, &Factory{IO: ios, Getenv: func(k string) string {
			if k == "XDG_STATE_HOME" {
				return state
			}
			return ""
		}, Now: func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }})
	}()
	var code int
	select {
	case code = <-exited:
	case <-done:
		// The typing side is through; give the program a moment to finish,
		// then close its terminal so that a stuck prompt fails the test
		// instead of hanging it.
		select {
		case code = <-exited:
		case <-time.After(20 * time.Second):
			c.Tty().Close()
			<-exited
			t.Fatalf("skillgap did not finish; screen:\n%s", term.String())
		}
	}
	c.Tty().Close()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("the typing side did not finish")
	}
	return code, expect.StripTrailingEmptyLines(term.String())
}

// expectThen waits for text on the screen, then types keys.
func expectThen(t *testing.T, c *expect.Console, text, keys string) {
	t.Helper()
	if _, err := c.ExpectString(text); err != nil {
		t.Errorf("waiting for %q: %v", text, err)
		return
	}
	if _, err := c.Send(keys); err != nil {
		t.Error(err)
	}
}

const (
	enter     = "\r"
	space     = " "
	arrowDown = "\x1b[B"
	ctrlC     = "\x03"
)

func TestTerminalAssessEnterThroughToSave(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "me.yaml")
	code, screen := runInTerminal(t, filepath.Join(dir, "state"), []string{"assess", "-o", out}, func(c *expect.Console) {
		expectThen(t, c, "Your name", "Ada"+enter)
		expectThen(t, c, "Role you aim for", arrowDown+enter) // senior-it-manager
		expectThen(t, c, "Years in IT roles", "9.5"+enter)
		expectThen(t, c, "Years leading people", enter)
		expectThen(t, c, "Degrees you hold", space+enter) // bachelor-it
		expectThen(t, c, "Certifications you hold", enter)
		expectThen(t, c, "Technical skills 1/12", arrowDown+arrowDown+enter) // infrastructure 2
		for i := 2; i <= 12; i++ {
			expectThen(t, c, "Technical skills "+itoa(i)+"/12", enter)
		}
		for i := 1; i <= 7; i++ {
			expectThen(t, c, "Soft skills "+itoa(i)+"/7", enter)
		}
		for i := 1; i <= 5; i++ {
			expectThen(t, c, "Strategy and governance "+itoa(i)+"/5", enter)
		}
		expectThen(t, c, "pick one to change, or Save", enter)
		expectThen(t, c, "Saved ", "")
	})
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, screen)
	}
	p, err := profiles.LoadFile(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Ada" || p.Target != "senior-it-manager" || p.Experience.ITYears != 9.5 || !p.Holds("bachelor-it") || p.Skills["infrastructure"] != 2 || p.Skills["cloud"] != 0 {
		t.Errorf("saved %+v", p)
	}
	if !strings.Contains(screen, "Readiness for Senior IT Manager:") {
		t.Errorf("screen:\n%s", screen)
	}
}

func TestTerminalCtrlCMidwayKeepsFileThenReassessResumes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "me.yaml")
	original := "version: 1\nname: Bo\ntarget: it-manager\nexperience: {it_years: 6, management_years: 2}\nskills: {cloud: 3}\n"
	if err := os.WriteFile(out, []byte(original), 0o600); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(dir, "state")
	code, screen := runInTerminal(t, state, []string{"assess", "-o", out}, func(c *expect.Console) {
		expectThen(t, c, "(Bo)", enter) // re-assessment: the saved name is the default
		expectThen(t, c, "Role you aim for", enter)
		expectThen(t, c, "(6)", "7"+enter)
		// survey draws a prompt before it puts the terminal in raw mode; a
		// Ctrl-C typed in that moment becomes a signal for nobody. Press it
		// again until the program answers, as a person would.
		if _, err := c.ExpectString("Years leading people"); err != nil {
			t.Error(err)
			return
		}
		for range 10 {
			c.Send(ctrlC)
			if _, err := c.Expect(expect.String("to resume"), expect.WithTimeout(time.Second)); err == nil {
				return
			}
		}
		t.Error("Ctrl-C was not taken")
	})
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want 130\n%s", code, screen)
	}
	if data, _ := os.ReadFile(out); string(data) != original {
		t.Errorf("file changed by an interrupted assessment:\n%s", data)
	}
	if !strings.Contains(screen, "Your answers so far are kept in") {
		t.Errorf("screen:\n%s", screen)
	}

	// The next assess offers to resume; the 7 years typed before Ctrl-C come back.
	code, screen = runInTerminal(t, state, []string{"assess", "-o", out}, func(c *expect.Console) {
		expectThen(t, c, "Resume the answers you left unfinished on 2026-11-25?", enter)
		expectThen(t, c, "(Bo)", enter)
		expectThen(t, c, "Role you aim for", enter)
		expectThen(t, c, "(7)", enter)
		expectThen(t, c, "(2)", "2.5"+enter)
		expectThen(t, c, "Degrees you hold", enter)
		expectThen(t, c, "Certifications you hold", enter)
		for i := 1; i <= 12; i++ {
			expectThen(t, c, "Technical skills "+itoa(i)+"/12", enter)
			if i == 4 { // cloud, rated 3: what shows it?
				expectThen(t, c, "What shows it? (Enter to skip)", enter)
			}
		}
		for i := 1; i <= 7; i++ {
			expectThen(t, c, "Soft skills "+itoa(i)+"/7", enter)
		}
		for i := 1; i <= 5; i++ {
			expectThen(t, c, "Strategy and governance "+itoa(i)+"/5", enter)
		}
		expectThen(t, c, "pick one to change, or Save", enter)
		expectThen(t, c, "with these answers?", enter)
		expectThen(t, c, "Saved ", "")
	})
	if code != 0 {
		t.Fatalf("resume: exit %d\n%s", code, screen)
	}
	p, err := profiles.LoadFile(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Experience.ITYears != 7 || p.Experience.ManagementYears != 2.5 || p.Skills["cloud"] != 3 || p.Updated != "2026-11-25" {
		t.Errorf("saved %+v", p)
	}
}

func itoa(i int) string {
	if i >= 10 {
		return string(rune('0'+i/10)) + string(rune('0'+i%10))
	}
	return string(rune('0' + i))
}

// "score -" on a terminal says it is waiting, and Ctrl-D ends the input.
func TestTerminalStdinIsAnnounced(t *testing.T) {
	code, screen := runInTerminal(t, t.TempDir(), []string{"score", "-"}, func(c *expect.Console) {
		expectThen(t, c, "skillgap: reading profiles from stdin (Ctrl-D to end)", "version: 1"+enter+"name: Typed"+enter+"\x04")
		if _, err := c.ExpectString("Typed · IT Manager"); err != nil {
			t.Error(err)
		}
	})
	if code != 0 || !strings.Contains(screen, "reading profiles from stdin") {
		t.Errorf("exit %d, screen:\n%s", code, screen)
	}
}

// On a real terminal: "<" then Enter goes back from a typed answer, a y/n
// question, a list and a multiple choice, with the answer given as the
// default; a wrong answer's error goes once the answer is right; the years
// check, the evidence question and the review work as the questionnaire
// says.
func TestTerminalBackReviewAndErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "me.yaml")
	code, screen := runOnScreen(t, filepath.Join(dir, "state"), []string{"assess", "-o", out}, func(c *expect.Console, screen func() string) {
		// at waits for each part in turn (survey writes colour codes
		// between the parts of a line) and for survey to read the
		// terminal, then types keys; false once something did not come,
		// and then the rest is skipped.
		failed := false
		at := func(keys string, parts ...string) bool {
			t.Helper()
			for _, part := range parts {
				if failed {
					return false
				}
				if _, err := c.ExpectString(part); err != nil {
					t.Errorf("waiting for %q: %v\nscreen:\n%s", part, err, screen())
					failed = true
					return false
				}
			}
			if keys == "" {
				return true
			}
			waitRaw(c.Tty())
			if _, err := c.Send(keys); err != nil {
				t.Error(err)
				failed = true
			}
			return !failed
		}
		// shows waits for the screen to show what (or not), as it is
		// drawn.
		shows := func(what string, want bool) {
			t.Helper()
			for range 50 {
				if strings.Contains(screen(), what) == want || failed {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
			t.Errorf("screen shows %q: %v, want %v\n%s", what, !want, want, screen())
		}
		const hint = "[< back, ? for help]"
		at("<"+enter, "[1/30] Your name (optional):", "[? for help]")
		at("Ada"+enter, "there is no question before this one")
		at(enter, "[2/30] Role you aim for:", "< back")
		at("abc"+enter, "[3/30] Years in IT roles:", hint, "(0)")
		at("5"+enter, `"abc" is not a number of years`)
		at("", "[4/30] Years leading people or projects:", hint)
		shows("not a number of years", false)
		shows("Years in IT roles: 5", true)
		at("<"+enter, "(0)")
		at("6"+enter, "[3/30] Years in IT roles:", hint, "(5)")
		at("8"+enter, "[4/30] Years leading people or projects:", hint, "(0)")
		at("maybe"+enter, "More years leading (8) than in IT (6)", hint, "(Y/n)")
		at("n"+enter, `type y or n (or < to go back), not "maybe"`)
		at("2"+enter, "Years leading people or projects:", hint, "(8)")
		shows("type y or n", false)
		shows("is that right? No", true)
		at("<"+enter, "[5/30] Degrees you hold:", "< back")
		at(enter, "Years leading people or projects:", hint, "(2)")
		at(space+enter, "[5/30] Degrees you hold:") // bachelor-it
		at(enter, "[6/30] Certifications you hold:")
		at(arrowDown+arrowDown+arrowDown+enter, "[7/30 · Technical skills 1/12]") // infrastructure 3
		at("Ran the DC move"+enter, "[7/30] What shows it? (Enter to skip)")
		at("<"+enter, "[8/30 · Technical skills 2/12]")
		at(enter, "What shows it? (Enter keeps it)", hint, "(Ran the DC move)")
		at("", "[8/30 · Technical skills 2/12]")
		shows("Network administration: < back", true)
		at(enter)
		for i := 3; i <= 12; i++ {
			at(enter, "Technical skills "+itoa(i)+"/12")
		}
		for i := 1; i <= 7; i++ {
			at(enter, "Soft skills "+itoa(i)+"/7")
		}
		for i := 1; i <= 5; i++ {
			at(enter, "Strategy and governance "+itoa(i)+"/5")
		}
		at("budg", "pick one to change, or Save", "Save", "Name: Ada", "Years in IT roles: 6", "Years leading people or projects: 2",
			"IT infrastructure management: 3 practitioner", "shown by: Ran the DC move")
		at(enter, "Budget management: 0 none")
		at(arrowDown+arrowDown+enter, "[25/30 · Soft skills 7/7] Budget management:")
		at(enter, "pick one to change, or Save")
		at("", "Saved ")
	})
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, screen)
	}
	p, err := profiles.LoadFile(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Ada" || p.Experience.ITYears != 6 || p.Experience.ManagementYears != 2 || !p.Holds("bachelor-it") ||
		p.Skills["infrastructure"] != 3 || p.Evidence["infrastructure"] != "Ran the DC move" || p.Skills["budgeting"] != 2 || p.Skills["networking"] != 0 {
		t.Errorf("saved %+v", p)
	}
}

// assess with another role's rubric asks its own questions and nothing of
// IT; Ctrl-C prints a resume command that keeps the rubric, and that
// command resumes the answers with the rubric's questions.
func TestTerminalAssessOtherRubricResumesWithIt(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "me.yaml")
	state := filepath.Join(dir, "state")
	rubricFile, err := filepath.Abs("../../testdata/rubrics/software-engineer.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// interrupt presses Ctrl-C at a question until the program answers.
	interrupt := func(c *expect.Console, at string) {
		t.Helper()
		if _, err := c.ExpectString(at); err != nil {
			t.Error(err)
			return
		}
		for range 10 {
			c.Send(ctrlC)
			if _, err := c.Expect(expect.String("to resume"), expect.WithTimeout(time.Second)); err == nil {
				return
			}
		}
		t.Error("Ctrl-C was not taken")
	}
	var screens []string
	code, screen := runOnScreen(t, state, []string{"assess", "--rubric", rubricFile, "-o", out}, func(c *expect.Console, screen func() string) {
		expectThen(t, c, "Your name", "Sam"+enter)
		expectThen(t, c, "Role you aim for", enter)
		screens = append(screens, screen())
		expectThen(t, c, "Years working as a software engineer:", "3"+enter)
		screens = append(screens, screen())
		interrupt(c, "Years leading people or technical projects:")
		screens = append(screens, screen())
	})
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, ExitInterrupted, screen)
	}
	for _, s := range append(screens, screen) {
		if strings.Contains(s, "IT roles") || strings.Contains(s, "in IT") {
			t.Errorf("a screen mentions IT:\n%s", s)
		}
	}
	// The resume command, as printed (the screen may wrap it).
	flat := strings.ReplaceAll(screen, "\n", "")
	start := strings.Index(flat, "run '")
	end := strings.Index(flat, "' to resume")
	if start < 0 || end < start {
		t.Fatalf("no resume command:\n%s", screen)
	}
	command := strings.Fields(flat[start+len("run '") : end])
	want := []string{"skillgap", "assess", "--rubric", rubricFile, "-o", out}
	if strings.Join(command, " ") != strings.Join(want, " ") {
		t.Fatalf("resume command %q, want %q", command, want)
	}
	// Run as printed, it resumes the answers with the rubric's questions.
	code, screen = runInTerminal(t, state, command[1:], func(c *expect.Console) {
		expectThen(t, c, "Resume the answers you left unfinished", enter)
		expectThen(t, c, "(Sam)", enter)
		expectThen(t, c, "Role you aim for", enter)
		expectThen(t, c, "(3)", "4"+enter)
		expectThen(t, c, "Years leading people or technical projects:", enter)
		expectThen(t, c, "Degrees you hold", enter)
		expectThen(t, c, "Certifications 1/1", enter)
		// The last choice of a skill is n/a.
		expectThen(t, c, "Coding 1/", arrowDown+arrowDown+arrowDown+arrowDown+arrowDown+enter)
		expectThen(t, c, "n/a — not part of my job", "")
		interrupt(c, "Coding 2/")
	})
	if code != ExitInterrupted {
		t.Fatalf("resume: exit %d\n%s", code, screen)
	}
	// The draft keeps the answers: the software engineer's years, and n/a.
	drafts, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*.yaml"))
	if len(drafts) != 1 {
		t.Fatalf("drafts %v", drafts)
	}
	d, err := profiles.LoadFile(drafts[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Years("engineering_years") != 4 || !d.IsNotApplicable("language-fluency") || d.Rubric != "software-engineer" {
		t.Errorf("draft %+v", d)
	}
	if strings.Contains(screen, "IT roles") || strings.Contains(screen, "in IT") {
		t.Errorf("the resumed assessment mentions IT:\n%s", screen)
	}
}
