package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/rubric"
)

// A list left out of a list (null in the JSON) is written nil, an empty
// one as an empty list, so that the code builds what decoding gives.
func TestLiteralKeepsNilApartFromEmpty(t *testing.T) {
	it := rubric.Item{ID: "go", Indicators: [][]string{{"a"}, nil, {}}}
	var b bytes.Buffer
	literal(&b, reflect.ValueOf(it), true)
	got := strings.Join(strings.Fields(b.String()), " ")
	if want := `Indicators: [][]string{ { "a", }, nil, { }, }`; !strings.Contains(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
