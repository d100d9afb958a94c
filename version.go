// Package skillgap holds skillgap's release version. The commands are in
// cmd/skillgap and cmd/cli; the README describes the packages.
package skillgap

import (
	_ "embed"
	"runtime/debug"
	"strings"
)

// versionFile is the VERSION file at the repository root: every build
// (go build, go install, go run, make) carries it.
//
//go:embed VERSION
var versionFile string

// Set at link time by make build and make install:
//
//	-ldflags "-X github.com/skillgap/skillgap.version=0.3.0 -X github.com/skillgap/skillgap.commit=082fbff1a2b3"
//
// version, when set, replaces the VERSION file's; commit, when set, replaces
// the commit Go records in the build information.
var (
	version string
	commit  string
)

// Release is the release version, such as 0.3.0.
func Release() string {
	if v := strings.TrimSpace(version); v != "" {
		return v
	}
	return strings.TrimSpace(versionFile)
}

// Commit is the commit the binary was built from (12 hex digits), with
// "-modified" when the work tree had uncommitted changes; "" when not
// known (go run, or a build with -buildvcs=false and no -ldflags).
func Commit() string {
	info, _ := debug.ReadBuildInfo()
	var settings []debug.BuildSetting
	if info != nil {
		settings = info.Settings
	}
	return commitOf(commit, settings)
}

// Version is the release and, when known, the commit: "0.3.0 (commit
// 082fbff1a2b3)".
func Version() string {
	if c := Commit(); c != "" {
		return Release() + " (commit " + c + ")"
	}
	return Release()
}

// commitOf is the commit set at link time, else the one in the build
// settings Go records (vcs.revision, vcs.modified).
func commitOf(linked string, settings []debug.BuildSetting) string {
	if c := strings.TrimSpace(linked); c != "" {
		return c
	}
	rev, modified := "", false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && modified {
		rev += "-modified"
	}
	return rev
}
