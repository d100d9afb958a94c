package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Settings come from, in order: flags, then the environment (SKILLGAP_ and
// the flag's name in capitals, dashes as underscores: SKILLGAP_FORMAT,
// SKILLGAP_MIN_READINESS), then the config file ($XDG_CONFIG_HOME/skillgap/
// config.yaml or --config FILE, keys named as the flags), then defaults.
// Every run builds its own viper instance: nothing is global.

// configDir is $XDG_CONFIG_HOME/skillgap, or ~/.config/skillgap.
func (f *Factory) configDir() string {
	if d := f.getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "skillgap")
	}
	if home := f.getenv("HOME"); home != "" {
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

// applySettings fills every flag of cmd that was not given on the command line
// from the environment or the config file.
func (f *Factory) applySettings(cmd *cobra.Command, configFile string) error {
	v := viper.New()
	v.SetEnvPrefix("SKILLGAP")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))

	explicit := configFile != ""
	if !explicit && f.configDir() != "" {
		configFile = filepath.Join(f.configDir(), "config.yaml")
	}
	if configFile != "" {
		if _, err := os.Stat(configFile); err == nil {
			file := viper.New()
			file.SetConfigFile(configFile)
			file.SetConfigType("yaml")
			if err := file.ReadInConfig(); err != nil {
				return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %v", configFile, errors.Unwrap(err))}
			}
			known := allFlagNames(cmd.Root())
			for _, key := range file.AllKeys() {
				if !known[key] {
					names := make([]string, 0, len(known))
					for k := range known {
						names = append(names, k)
					}
					sort.Strings(names)
					return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: unknown setting %q%s; settings are named as the flags: %s", configFile, key, rubric.DidYouMean(key, names), strings.Join(names, ", "))}
				}
			}
			if err := v.MergeConfigMap(file.AllSettings()); err != nil {
				return err
			}
		} else if explicit || !errors.Is(err, fs.ErrNotExist) {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--config: %v", err)}
		}
	}

	var firstErr error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if firstErr != nil || fl.Changed || skipConfig[fl.Name] {
			return
		}
		env := "SKILLGAP_" + strings.ToUpper(strings.ReplaceAll(fl.Name, "-", "_"))
		_ = v.BindEnv(fl.Name, env)
		if !v.IsSet(fl.Name) {
			return
		}
		source := configFile + " (" + fl.Name + ")"
		if _, ok := os.LookupEnv(env); ok {
			source = env
		}
		if err := cmd.Flags().Set(fl.Name, v.GetString(fl.Name)); err != nil {
			firstErr = &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %v", source, err)}
			return
		}
		if f.sources == nil {
			f.sources = map[string]string{}
		}
		f.sources[fl.Name] = source
	})
	return firstErr
}

// from says where a flag's value came from when it was not the command line.
func (f *Factory) from(flag string) string {
	if s, ok := f.sources[flag]; ok {
		return " (set by " + s + ")"
	}
	return ""
}

func allFlagNames(root *cobra.Command) map[string]bool {
	names := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(fl *pflag.Flag) {
			if !skipConfig[fl.Name] {
				names[fl.Name] = true
			}
		})
		c.PersistentFlags().VisitAll(func(fl *pflag.Flag) {
			if !skipConfig[fl.Name] {
				names[fl.Name] = true
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return names
}
