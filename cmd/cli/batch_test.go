package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/rubric"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	code := Main(args, &Factory{IO: ios, Getenv: func(string) string { return "" }})
	return code, out.String(), errOut.String()
}

// withoutSource drops the fields that name where a result came from.
func withoutSource(t *testing.T, line string) string {
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	delete(m, "file")
	delete(m, "line")
	b, _ := json.Marshal(m)
	return string(b)
}

var defaultRubric = sync.OnceValue(rubric.Default)

func randomProfileJSON(rng *rand.Rand, i int) string {
	r := defaultRubric()
	p := testkit.RandomProfile(rng, r)
	p.Name, p.Target = fmt.Sprintf("P%d", i), r.StageIDs()[rng.IntN(len(r.Stages))]
	b, _ := json.Marshal(p)
	return string(b)
}

// A profile scores the same alone as in a batch of many, in input order.
func TestBatchEqualsSingle(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(11, 12))
	var lines []string
	for i := range 300 {
		lines = append(lines, randomProfileJSON(rng, i))
	}
	batch := filepath.Join(dir, "all.jsonl")
	if err := os.WriteFile(batch, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "score", "-f", "json", batch)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d results for %d profiles", len(got), len(lines))
	}
	for i, line := range got {
		if !strings.Contains(line, fmt.Sprintf(`"name":"P%d",`, i)) || !strings.Contains(line, fmt.Sprintf(`"line":%d,`, i+1)) {
			t.Fatalf("result %d out of order: %.80s", i, line)
		}
		if i%25 != 0 {
			continue
		}
		single := filepath.Join(dir, fmt.Sprintf("p%d.json", i))
		os.WriteFile(single, []byte(lines[i]), 0o600)
		_, alone, _ := run(t, "", "score", "-f", "json", single)
		if withoutSource(t, alone) != withoutSource(t, line) {
			t.Errorf("profile %d differs alone and in the batch:\n%s\n%s", i, alone, line)
		}
	}
}

// Files, folders, JSON Lines and stdin mixed, with a bad line in the middle:
// the bad one is reported with its line, every other profile is scored in
// order, and the exit code is 1.
func TestMixedInputsWithABadLine(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(13, 14))
	jsonl := filepath.Join(dir, "staff.jsonl")
	os.WriteFile(jsonl, []byte(randomProfileJSON(rng, 1)+"\n"+`{"version":1,"skills":{"cloud":9}}`+"\n"+randomProfileJSON(rng, 3)+"\n"), 0o600)
	sub := filepath.Join(dir, "folder", "deeper")
	os.MkdirAll(sub, 0o700)
	os.WriteFile(filepath.Join(sub, "p4.yaml"), []byte("version: 1\nname: P4\n"), 0o600)
	stdin := randomProfileJSON(rng, 5) + "\n" + randomProfileJSON(rng, 6) + "\n"

	code, out, errOut := run(t, stdin, "score", "-f", "json", "../../testdata/profiles/alex.yaml", jsonl, filepath.Join(dir, "folder"), "-")
	if code != ExitBadInput {
		t.Errorf("exit %d, want 1", code)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		json.Unmarshal([]byte(line), &m)
		names = append(names, fmt.Sprint(m["name"]))
	}
	if strings.Join(names, " ") != "Alex Rivera P1 P3 P4 P5 P6" {
		t.Errorf("scored %v", names)
	}
	if !strings.Contains(errOut, "staff.jsonl: line 2: skills.cloud: level 9 is out of range") || !strings.Contains(errOut, "1 of 7 profiles could not be scored") {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestEmptyFolderAndMissingFileAreReported(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "", "score", dir, filepath.Join(dir, "nope.yaml"))
	if code != ExitBadInput || out != "" || !strings.Contains(errOut, "001: the folder has no profile files (searched for *.yaml, *.yml, *.json, *.jsonl and *.ndjson, hidden ones skipped)") || !strings.Contains(errOut, "nope.yaml: cannot open: no such file or directory") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestNoProgressInAPipe(t *testing.T) {
	var lines bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 3000 {
		lines.WriteString(randomProfileJSON(rng, i) + "\n")
	}
	_, _, errOut := run(t, lines.String(), "team", "-")
	if errOut != "" {
		t.Errorf("stderr in a pipe: %q", errOut)
	}
}
