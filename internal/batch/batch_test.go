package batch

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skillgap/skillgap/profiles"
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

// EachWrite writes every output in input order, and gives consume a record
// without output only once everything before it is written: the order a
// reader of both streams sees, past any number of batches.
func TestEachWriteKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 100 {
		lines = append(lines, fmt.Sprintf(`{"n":%d}`, i))
	}
	path := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	var log []string // what a reader of stdout and stderr together sees
	err := EachWrite([]string{path}, nil, nil, func(rec profiles.Record, buf []byte) ([]byte, int) {
		if rec.Line%7 == 0 {
			return buf, -rec.Line // fails: no output
		}
		return append(buf, fmt.Sprintf("out %d\n", rec.Line)...), rec.Line
	}, writerFunc(func(p []byte) (int, error) {
		out.Write(p)
		log = append(log, strings.Split(strings.TrimSuffix(string(p), "\n"), "\n")...)
		return len(p), nil
	}), func(n int) error {
		if n < 0 {
			log = append(log, fmt.Sprintf("error %d", -n))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range log {
		want := fmt.Sprintf("out %d", i+1)
		if (i+1)%7 == 0 {
			want = fmt.Sprintf("error %d", i+1)
		}
		if l != want {
			t.Fatalf("line %d of what was seen: %q, want %q", i+1, l, want)
		}
	}
	if len(log) != 100 {
		t.Fatalf("%d lines seen, want 100", len(log))
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
