package cli

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/skillgap/skillgap/internal/text"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Mistakes in how a command is called, said in words that show the fix:
// the flag or command meant, the value expected. All exit 2.

// flagError is the message for a flag the command line got wrong.
func flagError(c *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if errors.As(err, &ne) {
		return unknownFlag(c, ne)
	}
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) {
		return invalidValue(ive.GetFlag(), ive.GetValue(), "")
	}
	var vre *pflag.ValueRequiredError
	if errors.As(err, &vre) && vre.GetFlag() != nil {
		fl := vre.GetFlag()
		if h := valueHint(fl); h != "" {
			return usageError("--%s needs a value: %s", fl.Name, h)
		}
		_, usage := pflag.UnquoteUsage(fl)
		return usageError("--%s needs a value (%s)", fl.Name, usage)
	}
	return &ExitError{Code: ExitUsage, Err: err}
}

func unknownFlag(c *cobra.Command, ne *pflag.NotExistError) error {
	name := ne.GetSpecifiedName()
	if group := ne.GetSpecifiedShortnames(); group != "" {
		in := ""
		if len(group) > 1 {
			in = " (in -" + text.Clean(group) + ")"
		}
		return usageError("unknown flag -%s%s", text.Clean(name[:1]), in)
	}
	var names []string
	c.Flags().VisitAll(func(fl *pflag.Flag) {
		if !fl.Hidden {
			names = append(names, fl.Name)
		}
	})
	if near, ok := text.Nearest(name, names); ok {
		return usageError("unknown flag --%s; did you mean --%s?", text.Clean(name), near)
	}
	if other := commandWithFlag(c.Root(), name); other != "" {
		return usageError("unknown flag --%s for %s; it is a flag of %s", text.Clean(name), c.CommandPath(), other)
	}
	return usageError("unknown flag --%s", text.Clean(name))
}

// commandWithFlag names a command that has the flag name, or "".
func commandWithFlag(c *cobra.Command, name string) string {
	if c.LocalFlags().Lookup(name) != nil && c.HasParent() {
		return c.CommandPath()
	}
	for _, sub := range c.Commands() {
		if found := commandWithFlag(sub, name); found != "" {
			return found
		}
	}
	return ""
}

// valueExpected says what a flag takes, where its type alone does not.
var valueExpected = map[string]string{
	"min-readiness": "give a number from 0 to 100",
	"top":           "give a whole number of rows (0 for all)",
}

// valueHint says what value fl takes, "" for any text.
func valueHint(fl *pflag.Flag) string {
	if h, ok := valueExpected[fl.Name]; ok {
		return h
	}
	switch fl.Value.Type() {
	case "float64", "float32":
		return "give a number"
	case "int", "int64", "int32", "uint":
		return "give a whole number"
	case "bool":
		return "give true or false"
	}
	return ""
}

// invalidValue is the message for a value a flag refuses; from says where
// the value came from when it was not the command line.
func invalidValue(fl *pflag.Flag, value, from string) error {
	hint := valueHint(fl)
	if hint == "" {
		_, hint = pflag.UnquoteUsage(fl)
	}
	return usageError("invalid --%s %q%s: %s", fl.Name, value, from, hint)
}

// unknownCommandRE matches cobra's message for a word that names no command.
var unknownCommandRE = regexp.MustCompile(`^unknown command ("(?:[^"\\]|\\.)*") for "[^"]*"`)

// commandError rewrites cobra's message for an unknown command (a list of
// suggestions on lines of their own) as one line with the fix; other errors
// are kept.
func commandError(cmd *cobra.Command, err error) error {
	m := unknownCommandRE.FindStringSubmatch(err.Error())
	if m == nil || cmd == nil {
		return err
	}
	word, uerr := strconv.Unquote(m[1])
	if uerr != nil {
		return err
	}
	return noSuchCommand(cmd, word)
}

// noSuchCommand says that word is not a command of cmd, and which one was
// meant.
func noSuchCommand(cmd *cobra.Command, word string) error {
	if !cmd.HasSubCommands() {
		return usageError("%s takes no arguments, found %q", cmd.CommandPath(), word)
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	hint := "; commands are " + strings.Join(names, ", ")
	if near, ok := text.Nearest(word, names); ok {
		hint = "; did you mean " + near + "?"
	}
	return usageError("unknown command %q for %s%s", word, cmd.CommandPath(), hint)
}

// noArgsOrCommand is Args for a command that only groups others.
func noArgsOrCommand(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return noSuchCommand(cmd, args[0])
	}
	return nil
}
