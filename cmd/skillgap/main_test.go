package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/skillgap/skillgap/cmd/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"skillgap": func() { os.Exit(cli.Main(os.Args[1:], cli.SystemFactory())) },
	})
}

// The end-to-end tests: testdata/script/*.txtar run the real command.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", testdata)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
