// Command skillgap tells a person how ready they are for a role, and what to do next.
package main

import (
	"os"

	"github.com/skillgap/skillgap/cmd/cli"
	"github.com/skillgap/skillgap/internal/interrupt"
)

func main() {
	// SIGTERM, SIGHUP and SIGINT restore the terminal and remove
	// half-written files before the program ends.
	stop := interrupt.Install(os.Stdin)
	code := cli.Main(os.Args[1:], cli.SystemFactory())
	stop()
	os.Exit(code)
}
