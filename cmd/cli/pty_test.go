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
		user(c)
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
		}
		for i := 1; i <= 7; i++ {
			expectThen(t, c, "Soft skills "+itoa(i)+"/7", enter)
		}
		for i := 1; i <= 5; i++ {
			expectThen(t, c, "Strategy and governance "+itoa(i)+"/5", enter)
		}
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
