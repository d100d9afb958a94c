package skillgap

import (
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// The release is the VERSION file's, a semantic version.
func TestReleaseIsTheVersionFile(t *testing.T) {
	data, err := os.ReadFile("VERSION")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(string(data))
	if got := Release(); got != want {
		t.Errorf("Release() = %q, VERSION holds %q", got, want)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`).MatchString(want) {
		t.Errorf("VERSION %q is not a semantic version such as 0.3.0", want)
	}
}

func TestLinkedVersionWins(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "9.9.9-rc.1"
	if got := Release(); got != "9.9.9-rc.1" {
		t.Errorf("Release() = %q", got)
	}
}

func TestCommit(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "082fbff1a2b3c4d5e6f708192a3b4c5d6e7f8091"}}
	for _, c := range []struct {
		name     string
		linked   string
		settings []debug.BuildSetting
		want     string
	}{
		{"unknown", "", nil, ""},
		{"recorded by go", "", rev, "082fbff1a2b3"},
		{"uncommitted changes", "", append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"}), "082fbff1a2b3-modified"},
		{"clean", "", append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "false"}), "082fbff1a2b3"},
		{"linked wins", "abc123def456", rev, "abc123def456"},
	} {
		if got := commitOf(c.linked, c.settings); got != c.want {
			t.Errorf("%s: commitOf = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVersionLine(t *testing.T) {
	defer func(c string) { commit = c }(commit)
	commit = "082fbff1a2b3"
	if got, want := Version(), Release()+" (commit 082fbff1a2b3)"; got != want {
		t.Errorf("Version() = %q, want %q", got, want)
	}
}
