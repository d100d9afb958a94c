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
	configHome(t, "score:\n  format: json\n")
	if _, out, errOut := runEnv(t, false, "score", alex); !isJSON(out) {
		t.Errorf("config file ignored: %s %s", out, errOut)
	}
}

func TestSettingsLayerEnvBeatsConfig(t *testing.T) {
	configHome(t, "score.format: json\n")
	t.Setenv("SKILLGAP_SCORE_FORMAT", "table")
	if _, out, _ := runEnv(t, false, "score", alex); isJSON(out) {
		t.Error("SKILLGAP_SCORE_FORMAT did not override the config file")
	}
}

func TestSettingsLayerFlagBeatsEnv(t *testing.T) {
	configHome(t, "score:\n  format: table\n")
	t.Setenv("SKILLGAP_SCORE_FORMAT", "table")
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
	if code != ExitUsage || !strings.Contains(errOut, `config.yaml: unknown setting "fromat" (did you mean score.format?)`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
	configHome(t, "")
	t.Setenv("SKILLGAP_SCORE_FORMAT", "yaml")
	code, _, errOut = runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, `"yaml" is not one of [table json] (set by SKILLGAP_SCORE_FORMAT)`) {
		t.Errorf("exit %d, %s", code, errOut)
	}
	os.Unsetenv("SKILLGAP_SCORE_FORMAT")
	t.Setenv("SKILLGAP_MIN_READINESS", "lots")
	code, _, errOut = runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, `invalid --min-readiness "lots" (set by SKILLGAP_MIN_READINESS): give a number from 0 to 100`) || strings.Contains(errOut, "strconv") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	code, _, errOut = runEnv(t, false, "--config", "/nonexistent/skillgap.yaml", "rubric", "list")
	if code != ExitUsage || !strings.Contains(errOut, "--config: the config file /nonexistent/skillgap.yaml was not found") || strings.Contains(errOut, "stat ") {
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

// A format or output meant for one command never reaches another: settings
// for them name their command, and a report's format follows its file's
// extension unless the command line says otherwise.
func TestSettingsForOneCommandNeverTrapAnother(t *testing.T) {
	configHome(t, "format: json\n")
	code, _, errOut := runEnv(t, false, "score", alex)
	if code != ExitUsage || !strings.Contains(errOut, "format means something else for each command; name the command: report.format, score.format, team.format") {
		t.Errorf("plain format: exit %d, %s", code, errOut)
	}
	configHome(t, "score:\n  format: json\nreport:\n  format: csv\n")
	t.Setenv("SKILLGAP_FORMAT", "json") // not a key any command reads
	dir := t.TempDir()
	out := filepath.Join(dir, "me.html")
	if code, _, errOut := runEnv(t, false, "report", alex, "-o", out); code != 0 {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "<!DOCTYPE html>") {
		t.Errorf("me.html holds %.40q", data)
	}
	// The output a report would overwrite is its own input: refused.
	cp := filepath.Join(dir, "me.yaml")
	data, _ := os.ReadFile(alex)
	os.WriteFile(cp, data, 0o600)
	configHome(t, "report:\n  output: "+cp+"\n  force: true\n")
	code, _, errOut = runEnv(t, false, "report", cp)
	if after, _ := os.ReadFile(cp); code == 0 || string(after) != string(data) || !strings.Contains(errOut, "is the profile being read") {
		t.Errorf("exit %d, %s", code, errOut)
	}
}
