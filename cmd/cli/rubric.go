package cli

import (
	"errors"
	"fmt"

	"github.com/skillgap/skillgap/internal/atomicfile"
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/internal/iostreams"
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
		Args: noArgsOrCommand,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdRubricList(f, nil), NewCmdRubricShow(f, nil), NewCmdRubricExport(f, nil), NewCmdRubricValidate(f, nil))
	return cmd
}

// RubricOptions holds the arguments, flags and dependencies of the rubric
// subcommands.
type RubricOptions struct {
	IO         *iostreams.IOStreams
	Ref        string   // show, export: a rubric id or file
	Files      []string // validate
	Output     string   // export
	Force      bool     // export
	RubricDirs []string
	Prog       string // the program name, in the commands messages suggest
}

// NewCmdRubricExport builds `skillgap rubric export`.
func NewCmdRubricExport(f *Factory, runF func(*RubricOptions) error) *cobra.Command {
	opts := &RubricOptions{IO: f.IO, Prog: f.prog()}
	cmd := &cobra.Command{
		Use:   "export ID|FILE",
		Short: "Write a rubric as YAML, to start your own from",
		Long: fmt.Sprintf(`Write a rubric as YAML: the built-in one exactly as it is kept (with its
comments), or any other rubric re-written. Edit the copy for another role,
check it with '%[1]s rubric validate', and use it with --rubric FILE, or
put it in $XDG_CONFIG_HOME/skillgap/rubrics/ID.yaml to use it by id.`, f.prog()),
		Example: `  skillgap rubric export it-manager > my-role.yaml
  skillgap rubric export testdata/rubrics/mini.yaml -o mini-copy.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("rubric export: name one rubric (see '%s rubric list')", f.prog())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref, opts.RubricDirs = args[0], f.rubricDirs()
			if runF != nil {
				return runF(opts)
			}
			return runRubricExport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "-", "file to write, or - for standard output")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	return cmd
}

func runRubricExport(opts *RubricOptions) error {
	r, err := rubric.NewResolver(opts.RubricDirs...).Named(opts.Ref)
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
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if r.File != "" && sameFile(opts.Output, r.File) {
		return usageError("--output: %s is the rubric being exported; choose another file", report.Clean(opts.Output))
	}
	err = atomicfile.WriteFile(opts.Output, data, atomicfile.Options{Perm: 0o644, DirPerm: 0o755, NoClobber: !opts.Force})
	if errors.Is(err, atomicfile.ErrExists) {
		return fmt.Errorf("%s exists; use --force to replace it", opts.Output)
	}
	if err == nil {
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s.\n", report.Clean(opts.Output))
	}
	return err
}

// NewCmdRubricValidate builds `skillgap rubric validate`.
func NewCmdRubricValidate(f *Factory, runF func(*RubricOptions) error) *cobra.Command {
	opts := &RubricOptions{IO: f.IO, Prog: f.prog()}
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric files strictly and for sense",
		Long: `Check rubric files: strictly (unknown keys, wrong types and duplicate keys are
errors with the line) and for sense (ids unique among the stages, among the
categories and among the items, stages in ladder order, levels within the
rubric's scale (its own levels, or 0-4), weights
and numbers in range, one need per stage, needs that never fall up the ladder
without a reason, alternatives that name existing held items, preferred items
that cannot keep anyone from ready). Exit 1 if any file fails. A file of -
is standard input.`,
		Example: `  skillgap rubric validate testdata/rubrics/mini.yaml
  skillgap rubric validate - < testdata/rubrics/mini.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("rubric validate: name at least one rubric file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return runRubricValidate(opts)
		},
	}
}

func runRubricValidate(opts *RubricOptions) error {
	failed, stdin := 0, false
	for _, path := range opts.Files {
		var r *rubric.Rubric
		var err error
		if path == "-" {
			path = "<stdin>"
			if stdin {
				failed++
				printErr(opts.IO.ErrOut, opts.Prog, fmt.Errorf("%s: named twice; standard input is read once", path))
				continue
			}
			stdin = true
			r, err = rubric.Read(path, opts.IO.In)
		} else {
			r, err = rubric.LoadFile(path)
		}
		if err != nil {
			failed++
			printErr(opts.IO.ErrOut, opts.Prog, err)
			continue
		}
		// Warnings do not fail the check.
		for _, w := range r.Warnings() {
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: warning: %s\n", report.CleanMessage(w.ErrorFor(opts.Prog)))
		}
		skills := len(r.IDsOfKind(rubric.KindSkill, ""))
		fmt.Fprintf(opts.IO.Out, "%s: ok: rubric %s, %s, %s (%s)\n", report.Clean(path), r.ID,
			count(len(r.Stages), "stage"), count(len(r.Items), "item"), count(skills, "skill"))
	}
	if failed > 0 {
		return &ExitError{Code: ExitBadInput}
	}
	return nil
}

// NewCmdRubricList builds `skillgap rubric list`.
func NewCmdRubricList(f *Factory, runF func(*RubricOptions) error) *cobra.Command {
	opts := &RubricOptions{IO: f.IO, Prog: f.prog()}
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
			opts.RubricDirs = f.rubricDirs()
			if runF != nil {
				return runF(opts)
			}
			return runRubricList(opts)
		},
	}
}

func runRubricList(opts *RubricOptions) error {
	var list []report.ListedRubric
	for _, l := range rubric.NewResolver(opts.RubricDirs...).List() {
		if l.Err != nil {
			// A broken one is reported and skipped.
			printErr(opts.IO.ErrOut, opts.Prog, l.Err)
			continue
		}
		source := "built in"
		if l.File != "" {
			source = l.File
		}
		if l.Warning != "" {
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: warning: %s\n", report.Clean(source+": "+l.Warning))
		}
		list = append(list, report.ListedRubric{Rubric: l.Rubric, Source: source})
	}
	return report.RubricList(opts.IO.Out, list, report.Style{Width: opts.IO.TermWidth})
}

// NewCmdRubricShow builds `skillgap rubric show`.
func NewCmdRubricShow(f *Factory, runF func(*RubricOptions) error) *cobra.Command {
	opts := &RubricOptions{IO: f.IO, Prog: f.prog()}
	return &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Show every item of a rubric and the level each rung needs",
		Long: `Show a rubric: its career stages with their experience bands and salaries, and
every item with its id, category, weight and the level (skills), years
(experience) or 1 (held items) each rung needs. "-" means the rung does not
ask for it.

Then what scoring assumes: the thresholds, the default target, when a hard
requirement is met and when its gap blocks, the weeks of practice to each
skill level by category and the weeks of study for each held item. A figure
the rubric leaves out, and skillgap fills in, is marked "(default)".`,
		Example: `  skillgap rubric show it-manager
  skillgap rubric show testdata/rubrics/mini.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("rubric show: name one rubric (see '%s rubric list')", f.prog())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref, opts.RubricDirs = args[0], f.rubricDirs()
			if runF != nil {
				return runF(opts)
			}
			return runRubricShow(opts)
		},
	}
}

func runRubricShow(opts *RubricOptions) error {
	r, err := rubric.NewResolver(opts.RubricDirs...).Named(opts.Ref)
	if err != nil {
		return rubricArgError(err)
	}
	return report.RubricTable(opts.IO.Out, r, report.Style{Width: opts.IO.TermWidth})
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

// count says n of noun, in the singular for 1: "1 stage", "3 items".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
