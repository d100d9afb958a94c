package cli

import (
	"github.com/spf13/cobra"
)

// NewCmdRoot builds a fresh command tree; nothing is global.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := newRootCobra()
	root.Example = `  # answer the questionnaire; saves profile.yaml
  skillgap assess

  # score the example profile against the built-in IT Manager rubric
  skillgap score testdata/profiles/alex.yaml

  # the same as JSON, for other programs
  skillgap score --format json testdata/profiles/alex.yaml

  # what the rubric asks at each rung
  skillgap rubric show it-manager`
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitUsage, Err: err}
	})
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(
		NewCmdAssess(f, nil),
		NewCmdScore(f, nil),
		NewCmdReport(f, nil),
		NewCmdTeam(f, nil),
		NewCmdRubric(f),
	)
	return root
}
