package cli

import (
	"fmt"
	"strings"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/schema"
	"github.com/skillgap/skillgap/internal/text"
	"github.com/spf13/cobra"
)

// SchemaOptions holds the argument and dependencies of `skillgap schema`.
type SchemaOptions struct {
	IO   *iostreams.IOStreams
	Kind string // profile or rubric
}

// NewCmdSchema builds `skillgap schema profile|rubric`.
func NewCmdSchema(f *Factory, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "schema profile|rubric",
		Short: "Print the JSON Schema of profile or rubric files",
		Long: fmt.Sprintf(`Print the JSON Schema (draft-07) of profile or rubric files, for editors that
check YAML or JSON as you type and for other programs. The same schemas are in
the repository under schemas/.

In a YAML file, a first line such as
  # yaml-language-server: $schema=profile.schema.json
points editors with the YAML language server at the schema. The schema checks
the shape (keys, types, levels 0-7, years 0-80, version 1); ids, and levels
against the rubric's own top (4 for it-manager), are checked by
'%[1]s score'.`, f.prog()),
		Example: `  skillgap schema profile > profile.schema.json
  skillgap schema rubric > rubric.schema.json`,
		ValidArgs: []string{"profile", "rubric"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || (args[0] != "profile" && args[0] != "rubric") {
				got := ""
				if len(args) > 0 {
					got = fmt.Sprintf(", not %q%s", strings.Join(args, " "), text.DidYouMean(args[0], []string{"profile", "rubric"}))
				}
				return usageError("schema: name profile or rubric%s", got)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Kind = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runSchema(opts)
		},
	}
}

func runSchema(opts *SchemaOptions) error {
	gen := schema.Profile
	if opts.Kind == "rubric" {
		gen = schema.Rubric
	}
	data, err := gen()
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(data)
	return err
}
