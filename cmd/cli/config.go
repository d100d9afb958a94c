package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Settings come from, in order: flags, then the environment, then the config
// file ($XDG_CONFIG_HOME/skillgap/config.yaml or --config FILE), then
// defaults. Keys are named as the flags, under their command for the flags
// whose meaning differs by command (score.format, report.output); in the
// environment, SKILLGAP_ and the key in capitals with underscores
// (SKILLGAP_SCORE_FORMAT, SKILLGAP_MIN_READINESS). Every run builds its own
// viper instance: nothing is global.

// configDir is $XDG_CONFIG_HOME/skillgap, or ~/.config/skillgap.
func (f *Factory) configDir() string {
	if d := f.getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "skillgap")
	}
	if home := f.getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".config", "skillgap")
	}
	return ""
}

// rubricDirs are the folders searched for rubrics by id.
func (f *Factory) rubricDirs() []string {
	if d := f.configDir(); d != "" {
		return []string{filepath.Join(d, "rubrics")}
	}
	return nil
}

func (f *Factory) getenv(k string) string {
	if f.Getenv == nil {
		return os.Getenv(k)
	}
	return f.Getenv(k)
}

// skipConfig names flags that settings never fill.
var skipConfig = map[string]bool{"help": true, "version": true, "config": true}

// perCommand names flags whose meaning differs from command to command: a
// setting for them names its command (score.format, report.output), so that
// a format meant for score never turns a report into JSON, nor an output
// meant for one command overwrites another's input.
var perCommand = map[string]bool{"format": true, "output": true, "force": true}

// settingKey is the key of flag name for command cmd: "score.format",
// "rubric.export.output".
func settingKey(cmd *cobra.Command, name string) string {
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())
	path = strings.ReplaceAll(strings.TrimSpace(path), " ", ".")
	if path == "" {
		return name
	}
	return path + "." + name
}

func envName(key string) string {
	return "SKILLGAP_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(key))
}

// applySettings fills every flag of cmd that was not given on the command line
// from the environment or the config file.
func (f *Factory) applySettings(cmd *cobra.Command, configFile string) error {
	v := viper.New()
	explicit := configFile != ""
	if !explicit && f.configDir() != "" {
		configFile = filepath.Join(f.configDir(), "config.yaml")
	}
	if configFile != "" {
		if _, err := os.Stat(configFile); err == nil {
			// Read like any input: a regular file of sane size, never a
			// FIFO or device that would hang or exhaust memory.
			data, err := readConfig(configFile)
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			file := viper.New()
			file.SetConfigType("yaml")
			if err := file.ReadConfig(bytes.NewReader(data)); err != nil {
				return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %w", configFile, err)}
			}
			known := allSettingKeys(cmd.Root())
			for _, key := range file.AllKeys() {
				if known[key] {
					continue
				}
				names := make([]string, 0, len(known))
				for k := range known {
					names = append(names, k)
				}
				sort.Strings(names)
				if perCommand[key] {
					var scoped []string
					for _, k := range names {
						if strings.HasSuffix(k, "."+key) {
							scoped = append(scoped, k)
						}
					}
					return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %s means something else for each command; name the command: %s", configFile, key, strings.Join(scoped, ", "))}
				}
				// Suggest from the flag names: "fromat" is a slip for format.
				last := key[strings.LastIndex(key, ".")+1:]
				hint := ""
				if near, ok := rubric.Nearest(last, flagNames(names)); ok {
					if perCommand[near] {
						near = settingKey(cmd, near)
					}
					hint = " (did you mean " + near + "?)"
				}
				return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: unknown setting %q%s; settings are named as the flags, and %s under their command (score.format, report.output); see '%s COMMAND --help' for the flags",
					configFile, key, hint, strings.Join(slices.Sorted(maps.Keys(perCommand)), ", "), f.prog())}
			}
			if err := v.MergeConfigMap(file.AllSettings()); err != nil {
				return err
			}
		} else if explicit && errors.Is(err, fs.ErrNotExist) {
			return usageError("--config: the config file %s was not found", configFile)
		} else if explicit || !errors.Is(err, fs.ErrNotExist) {
			return usageError("--config: cannot read the config file %s: %v", configFile, input.PathError(err))
		}
	}

	var firstErr error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if firstErr != nil || fl.Changed || skipConfig[fl.Name] {
			return
		}
		// The command's own setting first, then a shared one.
		keys := []string{settingKey(cmd, fl.Name)}
		if !perCommand[fl.Name] && keys[0] != fl.Name {
			keys = append(keys, fl.Name)
		}
		for _, key := range keys {
			value, source, ok := "", "", false
			if e := f.getenv(envName(key)); e != "" {
				value, source, ok = e, envName(key), true
			} else if v.IsSet(key) {
				switch v.Get(key).(type) {
				case []any, map[string]any:
					firstErr = &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s (%s): give one value, not a list or a mapping", configFile, key)}
					return
				}
				value, source, ok = v.GetString(key), configFile+" ("+key+")", true
			}
			if !ok {
				continue
			}
			if err := cmd.Flags().Set(fl.Name, value); err != nil {
				firstErr = invalidValue(fl, value, " (set by "+source+")")
				return
			}
			if f.sources == nil {
				f.sources = map[string]string{}
			}
			f.sources[fl.Name] = source
			return
		}
	})
	return firstErr
}

// flagNames are the last parts of setting keys: the flags' own names.
func flagNames(keys []string) []string {
	var out []string
	for _, k := range keys {
		if n := k[strings.LastIndex(k, ".")+1:]; !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// from says where a flag's value came from when it was not the command line.
func (f *Factory) from(flag string) string {
	if s, ok := f.sources[flag]; ok {
		return " (set by " + s + ")"
	}
	return ""
}

// allSettingKeys lists what a config file may set: every flag under its
// command ("score.format"), and the flags shared by commands on their own
// ("target").
func allSettingKeys(root *cobra.Command) map[string]bool {
	keys := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		add := func(fl *pflag.Flag) {
			if skipConfig[fl.Name] {
				return
			}
			keys[settingKey(c, fl.Name)] = true
			if !perCommand[fl.Name] {
				keys[fl.Name] = true
			}
		}
		c.Flags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return keys
}

// readConfig reads a config file: only a regular file, at most 1 MiB.
func readConfig(path string) ([]byte, error) {
	f, err := input.OpenRegular(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, input.PathError(err))
	}
	defer f.Close()
	return input.ReadAll(path, f, 1<<20)
}
