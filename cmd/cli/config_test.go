package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
)

const alex = "../../testdata/profiles/alex.yaml"

// runEnv runs skillgap with the real environment (set per test with t.Setenv).
func runEnv(t *testing.T, tty bool, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.OutTTY = tty
	code := Main(args, &Factory{IO: ios, Getenv: os.Getenv})
	return code, out.String(), errOut.String()
}

func configHome(t *testing.T, config string) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("SKILLGAP_FORMAT", "")
	os.Unsetenv("SKILLGAP_FORMAT")
	if config != "" {
		os.MkdirAll(filepath.Join(home, "skillgap"), 0o700)
		if err := os.WriteFile(filepath.Join(home, "skillgap", "config.yaml"), []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return home
}

func isJSON(out string) bool { return strings.HasPrefix(out, `{"version":1`) }

func TestSettingsLayerDefault(t *testing.T) {
	configHome(t, "")
	if _, out, _ := runEnv(t, false, "score", alex); isJSON(out) {
		t.Error("default format is not table")
	}
}

func TestSettingsLayerConfigFile(t *testing.T) {
	configHome(t, "format: json\n")
	if _, out, errOut := runEnv(t, false, "score", alex); !isJSON(out) {
		t.Errorf("config file ignored: %s %s", out, errOut)
	}
}

func TestSettingsLayerEnvBeatsConfig(t *testing.T) {
	configHome(t, "format: json\n")
	t.Setenv("SKILLGAP_FORMAT", "table")
	if _, out, _ := runEnv(t, false, "score", alex); isJSON(out) {
		t.Error("SKILLGAP_FORMAT did not override the config file")
	}
}

func TestSettingsLayerFlagBeatsEnv(t *testing.T) {
	configHome(t, "format: table\n")
	t.Setenv("SKILLGAP_FORMAT", "table")
	if _, out, _ := runEnv(t, false, "score", "--format", "json", alex); !isJSON(out) {
		t.Error("--format did not override the environment")
	}
}

func TestSettingsExplicitConfigAndOtherFlags(t *testing.T) {
	configHome(t, "")
	cfg := filepath.Join(t.TempDir(), "team.yaml")
	os.WriteFile(cfg, []byte("target: senior-it-manager\nmin-readiness: 99\n"), 0o600)
	code, out, errOut := runEnv(t, false, "--config", cfg, "score", "-f", "json", alex)
	if code != ExitBelowMin || !strings.Contains(out, `"target":"senior-it-manager"`) {
		t.Errorf("exit %d, %s %s", code, out, errOut)
	}
	t.Setenv("SKILLGAP_TARGET", "cio")
	if _, out, _ := runEnv(t, false, "--config", cfg, "score", "-f", "json", alex); !strings.Contains(out, `"target":"cio"`) {
		t.Errorf("SKILLGAP_TARGET ignored: %.100s", out)
	}
}

func TestSettingsErrorsSayWhere(t *testing.T) {
	configHome(t, "fromat: json\n")
	code, _, errOut := runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, `config.yaml: unknown setting "fromat" (did you mean format?)`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
	configHome(t, "")
	t.Setenv("SKILLGAP_FORMAT", "yaml")
	code, _, errOut = runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, `"yaml" is not one of [table json] (set by SKILLGAP_FORMAT)`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
	os.Unsetenv("SKILLGAP_FORMAT")
	t.Setenv("SKILLGAP_MIN_READINESS", "lots")
	code, _, errOut = runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, "SKILLGAP_MIN_READINESS: ") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	code, _, errOut = runEnv(t, false, "--config", "/nonexistent/skillgap.yaml", "rubric", "list")
	if code != ExitUsage || !strings.Contains(errOut, "--config: ") {
		t.Errorf("exit %d, %s", code, errOut)
	}
}

func TestColourSwitches(t *testing.T) {
	configHome(t, "")
	if _, out, _ := runEnv(t, true, "score", alex); !strings.Contains(out, "\x1b[") {
		t.Error("no colour on a terminal")
	}
	if _, out, _ := runEnv(t, true, "--no-color", "score", alex); strings.Contains(out, "\x1b[") {
		t.Error("colour despite --no-color")
	}
	configHome(t, "no-color: true\n")
	if _, out, _ := runEnv(t, true, "score", alex); strings.Contains(out, "\x1b[") {
		t.Error("colour despite no-color in the config file")
	}
}

func TestSystemStreamsHonourNoColorAndDumbTerminal(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	if !iostreams.System().NoColor {
		t.Error("NO_COLOR ignored")
	}
	os.Unsetenv("NO_COLOR")
	t.Setenv("TERM", "dumb")
	if !iostreams.System().NoColor {
		t.Error("TERM=dumb ignored")
	}
}

// The user's own rubrics, in $XDG_CONFIG_HOME/skillgap/rubrics, are listed and
// usable by id.
func TestUserRubricsByID(t *testing.T) {
	home := configHome(t, "")
	dir := filepath.Join(home, "skillgap", "rubrics")
	os.MkdirAll(dir, 0o700)
	src, _ := os.ReadFile("../../testdata/rubrics/mini.yaml")
	os.WriteFile(filepath.Join(dir, "mini.yaml"), src, 0o600)
	_, out, _ := runEnv(t, false, "rubric", "list")
	if !strings.Contains(out, "mini") || !strings.Contains(out, "Mini ladder") {
		t.Errorf("rubric list:\n%s", out)
	}
	prof := filepath.Join(t.TempDir(), "p.yaml")
	os.WriteFile(prof, []byte("version: 1\nrubric: mini\nexperience: {it_years: 3}\nskills: {go: 2, sql: 1}\n"), 0o600)
	code, out, errOut := runEnv(t, false, "score", "-f", "json", prof)
	if code != 0 || !strings.Contains(out, `"rubric":"mini"`) || !strings.Contains(out, `"readiness":100`) {
		t.Errorf("exit %d: %s %s", code, out, errOut)
	}
}
