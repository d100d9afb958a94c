// Package interrupt ends the program cleanly on SIGTERM, SIGHUP or SIGINT:
// it puts the terminal back as it found it (a questionnaire leaves it raw)
// and removes half-written temporary files, which hold personal data.
package interrupt

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/skillgap/skillgap/internal/atomicfile"
	"golang.org/x/term"
)

// Install watches for the signals until stop is called. tty is the
// terminal whose settings to restore (nil when there is none).
func Install(tty *os.File) (stop func()) {
	var state *term.State
	if tty != nil && term.IsTerminal(int(tty.Fd())) {
		state, _ = term.GetState(int(tty.Fd()))
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			Cleanup(tty, state)
			code := 128
			if s, ok := sig.(syscall.Signal); ok {
				code += int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// Cleanup restores the terminal and removes pending temporary files.
func Cleanup(tty *os.File, state *term.State) {
	if state != nil {
		_ = term.Restore(int(tty.Fd()), state)
	}
	atomicfile.RemovePending()
}
