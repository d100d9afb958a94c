package batch

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// On a terminal, a long batch draws a bar with the share of the input read;
// a short one draws nothing.
func TestProgressBar(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.jsonl")
	os.WriteFile(file, bytes.Repeat([]byte("x"), 1000), 0o600)
	var errOut bytes.Buffer
	p := NewProgress(&errOut, true, "scored", []string{file})
	clock := p.start
	p.now = func() time.Time { return clock }

	p.read(500)
	p.add(100)
	if errOut.Len() != 0 {
		t.Errorf("drawn within the first moment: %q", errOut.String())
	}
	clock = clock.Add(2 * time.Second)
	p.add(100)
	if got := errOut.String(); !strings.Contains(got, "[############............]  50%  scored 200 profiles (100/s)") {
		t.Errorf("bar: %q", got)
	}
	p.Done()
	if !strings.HasSuffix(errOut.String(), "\r\x1b[K") {
		t.Error("the bar is not cleared at the end")
	}

	// Folders and stdin have no known size: a count instead.
	errOut.Reset()
	p = NewProgress(&errOut, true, "summarised", []string{dir})
	p.now = func() time.Time { return p.start.Add(time.Second) }
	p.add(50)
	if got := errOut.String(); !strings.Contains(got, "summarised 50 profiles (50/s)") || strings.Contains(got, "%") {
		t.Errorf("count: %q", got)
	}
}
