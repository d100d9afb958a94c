// Command gen writes the JSON form of each built-in rubric next to its YAML
// source. The YAML is what people read and edit; the JSON is what the binary
// decodes at start-up, about 30 times faster than the YAML.
//
//	go generate ./rubric
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/skillgap/skillgap/rubric"
)

func main() {
	files, err := filepath.Glob("rubrics/*.yaml")
	if err != nil || len(files) == 0 {
		fail(fmt.Errorf("no rubrics/*.yaml here (run from the rubric folder): %v", err))
	}
	for _, file := range files {
		r, err := rubric.LoadFile(file)
		if err != nil {
			fail(err)
		}
		data, err := json.MarshalIndent(r, "", " ")
		if err != nil {
			fail(err)
		}
		out := strings.TrimSuffix(file, ".yaml") + ".json"
		if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
