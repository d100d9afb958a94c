// Package report renders scoring results: terminal tables, JSON, and the
// readiness report formats. It only formats; the numbers come from assess.
package report

import (
	"bytes"
	"encoding/json"

	"io"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/text"
)

// JSON writes res as one line of JSON (docs/json-output.md); several results
// written one after another make JSON Lines.
func JSON(w io.Writer, res *assess.Result) error {
	_, err := w.Write(AppendJSON(nil, res))
	return err
}

// JSONReport writes the report as one indented JSON object.
func JSONReport(w io.Writer, rep *Report) error { return indentedJSON(w, rep) }

// indentedJSON writes v as indented JSON whose text is safe to print (C1
// controls and bidi overrides escaped; the values are exact).
func indentedJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(text.EscapeJSON(buf.Bytes()))
	return err
}
