package cli

import (
	"errors"
	"fmt"

	"github.com/skillgap/skillgap/internal/atomicfile"
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/report"
	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
)

// NewCmdRubric builds `skillgap rubric` and its subcommands.
func NewCmdRubric(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rubric",
		Short: "List and inspect rubrics",
		Example: `  skillgap rubric list
  skillgap rubric show it-manager
  skillgap rubric export it-manager > my-role.yaml
  skillgap rubric validate my-role.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCmdRubricList(f), newCmdRubricShow(f), newCmdRubricExport(f), newCmdRubricValidate(f))
	return cmd
}

func newCmdRubricExport(f *Factory) *cobra.Command {
	var output string
	var force bool
	cmd := &cobra.Command{
		Use:   "export ID|FILE",
		Short: "Write a rubric as YAML, to start your own from",
		Long: `Write a rubric as YAML: the built-in one exactly as it is kept (with its
comments), or any other rubric re-written. Edit the copy for another role,
check it with 'skillgap rubric validate', and use it with --rubric FILE, or
put it in $XDG_CONFIG_HOME/skillgap/rubrics/ID.yaml to use it by id.`,
		Example: `  skillgap rubric export it-manager > my-role.yaml
  skillgap rubric export it-manager -o ~/.config/skillgap/rubrics/help-desk-lead.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("rubric export: name one rubric (see 'skillgap rubric list')")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := rubric.NewResolver(f.rubricDirs()...).Named(args[0])
			if err != nil {
				return rubricArgError(err)
			}
			// A built-in rubric is written as it is kept, with its comments.
			data, ok := []byte(nil), false
			if r.File == "" {
				data, ok = rubric.BuiltinSource(r.ID)
			}
			if !ok {
				if data, err = rubric.Marshal(r); err != nil {
					return err
				}
			}
			if output == "" || output == "-" {
				_, err := f.IO.Out.Write(data)
				return err
			}
			if r.File != "" && sameFile(output, r.File) {
				return usageError("--output: %s is the rubric being exported; choose another file", report.Clean(output))
			}
			err = atomicfile.WriteFile(output, data, atomicfile.Options{Perm: 0o644, DirPerm: 0o755, NoClobber: !force})
			if errors.Is(err, atomicfile.ErrExists) {
				return fmt.Errorf("%s exists; use --force to replace it", output)
			}
			if err == nil {
				fmt.Fprintf(f.IO.ErrOut, "Wrote %s.\n", report.Clean(output))
			}
			return err
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "-", "file to write, or - for standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace the output file if it exists")
	return cmd
}

func newCmdRubricValidate(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric files strictly and for sense",
		Long: `Check rubric files: strictly (unknown keys, wrong types and duplicate keys are
errors with the line) and for sense (unique ids, stages in ladder order,
levels 0-4, weights greater than 0, one need per stage, alternatives that
name existing held items). Exit 1 if any file fails.`,
		Example: `  skillgap rubric validate my-role.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("rubric validate: name at least one rubric file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := 0
			for _, path := range args {
				r, err := rubric.LoadFile(path)
				if err != nil {
					failed++
					printErr(f.IO.ErrOut, err)
					continue
				}
				skills := len(r.IDsOfKind(rubric.KindSkill, ""))
				fmt.Fprintf(f.IO.Out, "%s: ok: rubric %s, %d stages, %d items (%d skills)\n", report.Clean(path), r.ID, len(r.Stages), len(r.Items), skills)
			}
			if failed > 0 {
				return &ExitError{Code: ExitBadInput}
			}
			return nil
		},
	}
}

func newCmdRubricList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the rubrics skillgap knows",
		Long: `List the rubrics: your own, in $XDG_CONFIG_HOME/skillgap/rubrics (default
~/.config/skillgap/rubrics), then the built-in ones. A rubric is found by its
id, so a file there must be named after the id it holds (help-desk-lead.yaml
for id help-desk-lead); one of your own with a built-in id takes its place.
The list warns about both.`,
		Example: `  skillgap rubric list`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var list []report.ListedRubric
			for _, l := range rubric.NewResolver(f.rubricDirs()...).List() {
				if l.Err != nil {
					// A broken one is reported and skipped.
					printErr(f.IO.ErrOut, l.Err)
					continue
				}
				source := "built in"
				if l.File != "" {
					source = l.File
				}
				if l.Warning != "" {
					fmt.Fprintf(f.IO.ErrOut, "skillgap: warning: %s\n", report.Clean(source+": "+l.Warning))
				}
				list = append(list, report.ListedRubric{Rubric: l.Rubric, Source: source})
			}
			return report.RubricList(f.IO.Out, list)
		},
	}
}

func newCmdRubricShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Show every item of a rubric and the level each rung needs",
		Long: `Show a rubric: its career stages with their experience bands and salaries, and
every item with its id, category, weight and the level (skills), years
(experience) or 1 (held items) each rung needs. "-" means the rung does not
ask for it.`,
		Example: `  skillgap rubric show it-manager
  skillgap rubric show ./my-rubric.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("rubric show: name one rubric (see 'skillgap rubric list')")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := rubric.NewResolver(f.rubricDirs()...).Named(args[0])
			if err != nil {
				return rubricArgError(err)
			}
			return report.RubricTable(f.IO.Out, r)
		},
	}
}

// rubricArgError is the exit for a rubric named on the command line: a file
// that does not hold a valid rubric is bad input (1); a name that finds no
// rubric is a bad command-line value (2).
func rubricArgError(err error) error {
	var ie *input.Error
	if errors.As(err, &ie) {
		return err
	}
	return &ExitError{Code: ExitUsage, Err: err}
}
