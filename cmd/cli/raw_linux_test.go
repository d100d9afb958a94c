package cli

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// waitRaw waits (up to a second) until the terminal is in raw mode: survey
// draws a question before it takes the terminal, and keys typed in that
// moment are echoed by the terminal itself, a line out of survey's count.
func waitRaw(tty *os.File) {
	for range 100 {
		if t, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); err != nil || t.Lflag&unix.ECHO == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
