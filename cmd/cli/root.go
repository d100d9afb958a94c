package cli

import (
	"strconv"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
	wrapFlagHelp(root, f.IO.TermWidth)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(flagError)
	var configFile string
	var noColor bool
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default $XDG_CONFIG_HOME/skillgap/config.yaml)")
	root.PersistentFlags().BoolVar(&noColor, "no-color", false, "no colour in the output (also NO_COLOR or TERM=dumb)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := f.applySettings(cmd, configFile); err != nil {
			return err
		}
		if noColor {
			f.IO.NoColor = true
		}
		return nil
	}
	root.AddCommand(
		NewCmdAssess(f, nil),
		NewCmdScore(f, nil),
		NewCmdReport(f, nil),
		NewCmdTeam(f, nil),
		NewCmdSchema(f, nil),
		NewCmdRubric(f),
	)
	// cobra's completion command shows its help for any word it does not
	// know, and exits 0: an unknown shell is a usage error here.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = func(_ *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usageError("completion: %q is not a shell skillgap completes; choose bash, zsh, fish or powershell", args[0])
				}
				return nil
			}
			c.RunE = func(*cobra.Command, []string) error {
				return usageError("completion: name a shell: bash, zsh, fish or powershell")
			}
		}
	}
	return root
}

// completeTargetAndFormat offers the default rubric's stage ids after
// --target and the command's formats after --format.
func completeTargetAndFormat(cmd *cobra.Command, formats ...string) {
	_ = cmd.RegisterFlagCompletionFunc("target", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return rubric.Default().StageIDs(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// wrapFlagHelp makes --help wrap each flag's description to the terminal's
// width (80 in a pipe), as pflag can, instead of one long line per flag.
func wrapFlagHelp(root *cobra.Command, width int) {
	if width <= 0 {
		width = 80
	}
	addTemplateFuncs()
	t := root.UsageTemplate()
	t = strings.ReplaceAll(t, ".LocalFlags.FlagUsages", "flagUsages .LocalFlags "+strconv.Itoa(width))
	t = strings.ReplaceAll(t, ".InheritedFlags.FlagUsages", "flagUsages .InheritedFlags "+strconv.Itoa(width))
	root.SetUsageTemplate(t)
}

// addTemplateFuncs registers flagUsages with cobra, once: its template
// functions are the package's own.
var addTemplateFuncs = sync.OnceFunc(func() {
	cobra.AddTemplateFunc("flagUsages", func(fs *pflag.FlagSet, width int) string { return fs.FlagUsagesWrapped(width - 1) })
})
