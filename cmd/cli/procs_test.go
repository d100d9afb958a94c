package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
)

// Batch output is the same, byte for byte and in the same order, on any
// number of cores: a bad line among the good ones, a team past its people
// limit (where the workers learn late that time to ready is not needed).
func TestBatchOutputSameForAnyGOMAXPROCS(t *testing.T) {
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(21, 22))
	var lines bytes.Buffer
	for n := range 1500 {
		if n%397 == 5 {
			lines.WriteString("{\"version\":1,\"skills\":{\"cloud\":\"lots\"}}\n")
			continue
		}
		p := testkit.RandomProfile(rng, r)
		p.Name = fmt.Sprintf("P %d", n)
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(append(b, '\n'))
	}
	path := filepath.Join(t.TempDir(), "team.jsonl")
	if err := os.WriteFile(path, lines.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		{"score", "--format", "json", path},
		{"score", "--format", "json", "--compact", path},
		{"team", "--format", "json", "--people-limit", "100", path},
		{"team", "--format", "csv", "--people-limit", "100", path},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []string
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for k, args := range runs {
			ios, _, out, errOut := iostreams.Test()
			Main(args, &Factory{IO: ios, Getenv: func(string) string { return "" }})
			got := out.String() + "\x00" + errOut.String()
			if procs == 1 {
				want = append(want, got)
				if out.Len() == 0 || errOut.Len() == 0 {
					t.Fatalf("%v: no output or no error: %q", args, errOut)
				}
				continue
			}
			if got != want[k] {
				t.Errorf("%v: GOMAXPROCS %d writes other bytes than GOMAXPROCS 1", args, procs)
			}
		}
	}
}
