//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// SIGTERM at a prompt of the questionnaire ends skillgap with the terminal
// as it was before (survey puts it in raw mode: no echo, no line editing).
func TestSIGTERMRestoresTheTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "skillgap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	term := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(100, 40))
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term), expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// The command's terminal is the console's; ptm and pts only carry the
	// emulator's answers back to it.
	tty := int(c.Tty().Fd())
	before, err := unix.IoctlGetTermios(tty, unix.TCGETS)
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(bin, "assess", "-o", filepath.Join(dir, "me.yaml"))
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	cmd.Env = []string{"HOME=" + dir, "TERM=xterm", "NO_COLOR=1", "PATH=" + os.Getenv("PATH")}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExpectString("Your name"); err != nil {
		cmd.Process.Kill()
		t.Fatalf("no prompt: %v\n%s", err, term.String())
	}
	// survey turns echo off once it reads the answer; wait for that, so the
	// test sees the terminal changed and then restored.
	for i := 0; ; i++ {
		raw, err := unix.IoctlGetTermios(tty, unix.TCGETS)
		if err == nil && raw.Lflag&unix.ECHO == 0 {
			break
		}
		if i == 100 {
			t.Fatalf("the prompt never made the terminal raw: lflag %#x, screen:\n%s", raw.Lflag, term.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("exit: %v", err)
	}
	after, err := unix.IoctlGetTermios(tty, unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag&(unix.ECHO|unix.ICANON) != before.Lflag&(unix.ECHO|unix.ICANON) {
		t.Errorf("terminal left changed: lflag %#x, was %#x", after.Lflag, before.Lflag)
	}
}
