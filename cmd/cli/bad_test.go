package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Every file in testdata/bad is refused by `skillgap score` with exit 1,
// nothing on stdout, and the message in the file's .err twin.
func TestBadProfiles(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, file := range files {
		if st, err := os.Stat(file); strings.HasSuffix(file, ".err") || err != nil || st.IsDir() {
			continue
		}
		n++
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			t.Chdir(dir)
			ios, _, out, errOut := iostreams.Test()
			code := Main([]string{"score", name}, &Factory{IO: ios, Getenv: func(string) string { return "" }})
			if code != ExitBadInput {
				t.Errorf("exit %d, want %d", code, ExitBadInput)
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out.String())
			}
			golden := file + ".err"
			if *update {
				if err := os.WriteFile(golden, errOut.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/cli -run TestBadProfiles -update)", err)
			}
			if errOut.String() != string(want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut.String(), want)
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d bad inputs found", n)
	}
}

// Every file in testdata/bad/rubrics is refused by `skillgap rubric validate`
// with exit 1, nothing on stdout, and the message in its .err twin.
func TestBadRubrics(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/bad/rubrics")
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) < 15 {
		t.Fatalf("only %d bad rubrics", len(files))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			t.Chdir(dir)
			ios, _, out, errOut := iostreams.Test()
			code := Main([]string{"rubric", "validate", name}, &Factory{IO: ios, Getenv: func(string) string { return "" }})
			if code != ExitBadInput || out.Len() != 0 {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			golden := file + ".err"
			if *update {
				os.WriteFile(golden, errOut.Bytes(), 0o644)
				return
			}
			want, _ := os.ReadFile(golden)
			if errOut.String() != string(want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
			}
		})
	}
}
