// Command genman writes skillgap's man pages (section 1) into a folder:
//
//	go run ./scripts/genman man/
package main

import (
	"fmt"
	"os"

	"github.com/skillgap/skillgap"
	"github.com/skillgap/skillgap/cmd/cli"
	"github.com/spf13/cobra/doc"
)

func main() {
	dir := "man"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	root := cli.NewCmdRoot(cli.SystemFactory())
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "SKILLGAP", Section: "1", Source: "skillgap " + skillgap.Release(), Manual: "skillgap manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genman:", err)
	os.Exit(1)
}
