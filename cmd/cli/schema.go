package cli

import (
	"github.com/skillgap/skillgap/internal/schema"
	"github.com/spf13/cobra"
)

// NewCmdSchema builds `skillgap schema profile|rubric`.
func NewCmdSchema(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "schema profile|rubric",
		Short: "Print the JSON Schema of profile or rubric files",
		Long: `Print the JSON Schema (draft-07) of profile or rubric files, for editors that
check YAML or JSON as you type and for other programs. The same schemas are in
the repository under schemas/.

In a YAML file, a first line such as
  # yaml-language-server: $schema=profile.schema.json
points editors with the YAML language server at the schema. The schema checks
the shape (keys, types, levels 0-4, years 0-80, version 1); ids are checked
against the rubric by 'skillgap score'.`,
		Example: `  skillgap schema profile > profile.schema.json
  skillgap schema rubric > rubric.schema.json`,
		ValidArgs: []string{"profile", "rubric"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || (args[0] != "profile" && args[0] != "rubric") {
				return usageError("schema: name profile or rubric")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			gen := schema.Profile
			if args[0] == "rubric" {
				gen = schema.Rubric
			}
			data, err := gen()
			if err != nil {
				return err
			}
			_, err = f.IO.Out.Write(data)
			return err
		},
	}
}
