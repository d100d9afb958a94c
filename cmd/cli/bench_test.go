package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
)

// genProfiles writes n generated profiles as JSON Lines and returns the path.
func genProfiles(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "profiles.jsonl")
	out, err := exec.Command("go", "run", "../../scripts/genprofiles", "-n", strconv.Itoa(n)).Output()
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchCommand(b *testing.B, args ...string) {
	path := genProfiles(b, 5000)
	b.ResetTimer()
	for b.Loop() {
		ios := &iostreams.IOStreams{In: &bytes.Buffer{}, Out: discard{}, ErrOut: discard{}}
		// No environment and no config file: the user's own settings never
		// change what is measured.
		if code := Main(append(args, path), &Factory{IO: ios, Getenv: func(string) string { return "" }}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(5000*b.N)/b.Elapsed().Seconds(), "profiles/s")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func BenchmarkScoreJSONLines5000(b *testing.B) { benchCommand(b, "score", "--format", "json") }
func BenchmarkTeam5000(b *testing.B)           { benchCommand(b, "team", "--format", "json") }
