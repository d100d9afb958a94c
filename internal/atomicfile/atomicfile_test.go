package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// A link stays a link; the file it points to gets the new content.
func TestWriteThroughALink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st.Mode(), err)
	}
	if data, _ := os.ReadFile(real); string(data) != "new" {
		t.Errorf("the linked file holds %q", data)
	}
}

// Devices and pipes are written into, never replaced; a pipe no one reads
// is an error at once.
func TestDevicesAndPipesAreNeverReplaced(t *testing.T) {
	if err := WriteFile("/dev/null", []byte("x"), Options{NoClobber: true}); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v", st.Mode())
	}
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	err := WriteFile(fifo, []byte("x"), Options{})
	if err == nil || !strings.Contains(err.Error(), "no one is reading") {
		t.Errorf("err = %v", err)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v", st.Mode())
	}
}

// A signal during a save leaves no temporary file with personal data behind.
func TestRemovePendingDuringAWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "me.yaml")
	var before, after []string
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "name: Kim")
		before, _ = filepath.Glob(filepath.Join(dir, ".*"))
		RemovePending() // what the signal handler does, before the process ends
		after, _ = filepath.Glob(filepath.Join(dir, ".*"))
		return errors.New("interrupted")
	}, Options{})
	if err == nil || len(before) != 1 || len(after) != 0 {
		t.Errorf("err %v; temporary files before %v, after %v", err, before, after)
	}
}

// A long file name still gets a temporary twin the file system accepts.
func TestLongNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("n", 245)+".html")
	if err := WriteFile(path, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
}
