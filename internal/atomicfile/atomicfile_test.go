package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeFileWithMode0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "p.yaml")
	if err := WriteFile(path, []byte("one"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), Options{}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	dst, _ := os.Stat(filepath.Dir(path))
	if string(data) != "two" || st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
		t.Errorf("content %q, mode %v, folder %v", data, st.Mode().Perm(), dst.Mode().Perm())
	}
}

// A save interrupted between write and rename leaves the old file whole and
// no temporary file behind.
func TestInterruptedSaveKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	if err := WriteFile(path, []byte("old answers"), Options{}); err != nil {
		t.Fatal(err)
	}
	crash := errors.New("power cut")
	err := WriteFile(path, []byte("new answers"), Options{beforeRename: func(string) error { return crash }})
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v", err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != "old answers" {
		t.Errorf("old file now %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestFailingWriterKeepsOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.yaml")
	_ = WriteFile(path, []byte("old"), Options{})
	err := Write(path, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return errors.New("disk full")
	}, Options{})
	if err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("old file now %q", data)
	}
}

func TestNoClobber(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.html")
	_ = WriteFile(path, []byte("mine"), Options{})
	if err := WriteFile(path, []byte("theirs"), Options{NoClobber: true}); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Errorf("overwritten: %q", data)
	}
}
