// Command skillgap tells a person how ready they are for a role, and what to do next.
package main

import (
	"os"

	"github.com/skillgap/skillgap/cmd/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], cli.SystemFactory())) }
