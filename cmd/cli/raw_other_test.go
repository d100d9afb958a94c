//go:build !linux && !windows

package cli

import (
	"os"
	"time"
)

// waitRaw gives survey a moment to take the terminal (see the Linux one).
func waitRaw(*os.File) { time.Sleep(200 * time.Millisecond) }
