package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/skillgap/skillgap/internal/atomicfile"
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
			var data []byte
			if src, ok := rubric.BuiltinSource(args[0]); ok && !isPath(args[0]) {
				data = src
			} else {
				r, err := rubric.Resolve(args[0], f.rubricDirs()...)
				if err != nil {
					return err
				}
				if data, err = rubric.Marshal(r); err != nil {
					return err
				}
			}
			if output == "" || output == "-" {
				_, err := f.IO.Out.Write(data)
				return err
			}
			err := atomicfile.WriteFile(output, data, atomicfile.Options{Perm: 0o644, DirPerm: 0o755, NoClobber: !force})
			if errors.Is(err, atomicfile.ErrExists) {
				return fmt.Errorf("%s exists; use --force to replace it", output)
			}
			if err == nil {
				fmt.Fprintf(f.IO.ErrOut, "Wrote %s.\n", output)
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
					fmt.Fprintf(f.IO.ErrOut, "skillgap: %v\n", err)
					continue
				}
				skills := len(r.IDsOfKind(rubric.KindSkill, ""))
				fmt.Fprintf(f.IO.Out, "%s: ok: rubric %s, %d stages, %d items (%d skills)\n", path, r.ID, len(r.Stages), len(r.Items), skills)
			}
			if failed > 0 {
				return &ExitError{Code: ExitBadInput}
			}
			return nil
		},
	}
}

func isPath(ref string) bool {
	return strings.ContainsAny(ref, `/\`) || strings.Contains(ref, ".")
}

func newCmdRubricList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the rubrics skillgap knows",
		Example: `  skillgap rubric list`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t := tablewriter.NewTable(f.IO.Out, tablewriter.WithHeaderAutoFormat(tw.Off))
			t.Header("ID", "Name", "Stages", "Items", "Source")
			for _, id := range rubric.BuiltinIDs() {
				r, err := rubric.Builtin(id)
				if err != nil {
					return err
				}
				if err := t.Append(r.ID, r.Name, fmt.Sprint(len(r.Stages)), fmt.Sprint(len(r.Items)), "built in"); err != nil {
					return err
				}
			}
			// The user's own rubrics; a broken one is listed with its error.
			for _, dir := range f.rubricDirs() {
				for _, path := range rubric.Files(dir) {
					r, err := rubric.LoadFile(path)
					if err != nil {
						fmt.Fprintf(f.IO.ErrOut, "skillgap: %v\n", err)
						continue
					}
					if err := t.Append(r.ID, r.Name, fmt.Sprint(len(r.Stages)), fmt.Sprint(len(r.Items)), path); err != nil {
						return err
					}
				}
			}
			return t.Render()
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
			r, err := rubric.Resolve(args[0], f.rubricDirs()...)
			if err != nil {
				return err
			}
			return showRubric(f, r)
		},
	}
}

func showRubric(f *Factory, r *rubric.Rubric) error {
	w := f.IO.Out
	fmt.Fprintf(w, "%s (%s)\n", r.Name, r.ID)
	if r.Description != "" {
		fmt.Fprintln(w, r.Description)
	}
	if r.Source != "" {
		fmt.Fprintf(w, "Source: %s\n", r.Source)
	}
	fmt.Fprintf(w, "Verdict: ready at %g and no blocking gap, almost at %g.\n\nStages:\n", r.Thresholds.Ready, r.Thresholds.Almost)
	st := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	st.Header("#", "Stage", "Name", "Experience", "Median salary")
	for i, s := range r.Stages {
		salary := ""
		if s.Salary != nil && s.Salary.MedianUSD > 0 {
			salary = fmt.Sprintf("$%dk", s.Salary.MedianUSD/1000)
		}
		if err := st.Append(fmt.Sprint(i+1), s.ID, s.Name, s.Years.String(), salary); err != nil {
			return err
		}
	}
	if err := st.Render(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nItems (need per stage, in ladder order):")
	header := []any{"ID", "Category", "Kind", "Weight"}
	for i := range r.Stages {
		header = append(header, fmt.Sprint(i+1))
	}
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header(header...)
	for _, it := range r.Items {
		row := []any{it.ID, it.Category, it.Kind, weight(it.Weight)}
		for i := range r.Stages {
			n := it.NeedAt(i)
			if n == 0 || it.Weight == 0 {
				row = append(row, "-")
			} else {
				row = append(row, report.Num(n))
			}
		}
		if err := t.Append(row...); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var alts []string
	for _, it := range r.Items {
		if len(it.Alternatives) == 0 && it.OrYears == nil {
			continue
		}
		var opts []string
		for _, a := range it.Alternatives {
			o := a.ID
			if a.Until != "" {
				o += " (up to " + a.Until + ")"
			}
			opts = append(opts, o)
		}
		if it.OrYears != nil {
			opts = append(opts, fmt.Sprintf("%g %s", it.OrYears.Years, strings.ReplaceAll(it.OrYears.Field, "_", " ")))
		}
		verb := "also met by"
		if it.Kind == rubric.KindAny {
			verb = "met by any of"
		}
		alts = append(alts, fmt.Sprintf("  %s: %s %s", it.ID, verb, strings.Join(opts, ", ")))
	}
	if len(alts) > 0 {
		fmt.Fprintf(w, "\nAlternatives:\n%s\n", strings.Join(alts, "\n"))
	}
	fmt.Fprintln(w, "\nHeld items with weight 0 count only through the alternatives that name them.")
	return nil
}

func weight(w float64) string {
	if w == 0 {
		return "-"
	}
	return report.Num(w)
}
