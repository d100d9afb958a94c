// Package report renders scoring results: terminal tables, JSON, and the
// readiness report formats. It only formats; the numbers come from assess.
package report

import (
	"encoding/json"

	"io"

	"github.com/skillgap/skillgap/assess"
)

// JSON writes res as one line of JSON (FORMATS.md section 2); several results
// written one after another make JSON Lines.
func JSON(w io.Writer, res *assess.Result) error {
	_, err := w.Write(AppendJSON(nil, res))
	return err
}

// JSONReport writes the report as one indented JSON object.
func JSONReport(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
