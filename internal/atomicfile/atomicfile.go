// Package atomicfile writes files so that a reader sees either the old file or
// the whole new one, never a part: the data goes to a temporary file in the same
// folder, is synced to disk, then renamed over the target, and the folder is
// synced so the rename itself survives a crash.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// Options change how WriteFile writes.
type Options struct {
	// Perm is the new file's mode (default 0600: profiles are personal data).
	Perm os.FileMode
	// DirPerm is the mode of folders WriteFile creates (default 0700).
	DirPerm os.FileMode
	// NoClobber refuses to replace an existing file.
	NoClobber bool
	// beforeRename, in tests, runs between the write and the rename.
	beforeRename func(tmp string) error
}

// ErrExists is returned with NoClobber when the target exists.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path atomically.
func WriteFile(path string, data []byte, o Options) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, o)
}

// Write writes what fill produces to path atomically. If fill fails, path is
// left as it was.
func Write(path string, fill func(io.Writer) error, o Options) (err error) {
	if o.Perm == 0 {
		o.Perm = 0o600
	}
	if o.DirPerm == 0 {
		o.DirPerm = 0o700
	}
	// A symbolic link stays a link: the file it points to is replaced.
	if lst, err := os.Lstat(path); err == nil && lst.Mode()&os.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("%s is a link to nothing that exists: %w", path, err)
		}
		path = real
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, o.DirPerm); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("%s is a folder", path)
		case st.Mode()&(os.ModeCharDevice|os.ModeNamedPipe) != 0:
			// A terminal, /dev/stdout or a pipe: written into, never replaced.
			return writeInto(path, fill)
		case !st.Mode().IsRegular():
			return fmt.Errorf("%s is not a regular file; name a file to write", path)
		case o.NoClobber:
			return ErrExists
		}
	}
	// A short prefix of the name: a long name plus the suffix would pass
	// the file system's limit.
	base := filepath.Base(path)
	if len(base) > 40 {
		base = base[:40]
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	track(tmp.Name())
	defer untrack(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file 0600; Chmod applies the wanted mode exactly,
	// whatever the umask, and tightens nothing looser than asked.
	if err = tmp.Chmod(o.Perm); err != nil {
		return err
	}
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if o.beforeRename != nil {
		if err = o.beforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	if o.NoClobber {
		// Link fails if path appeared meanwhile; rename would replace it.
		if err = os.Link(tmp.Name(), path); err != nil {
			if os.IsExist(err) {
				err = ErrExists
			}
			return err
		}
		os.Remove(tmp.Name())
	} else if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// writeInto writes to a character device or a named pipe as it is. A pipe
// that no one reads is an error at once, not a wait.
func writeInto(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) {
			return fmt.Errorf("%s is a named pipe that no one is reading", path)
		}
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	// Opened again blocking, so that a slow reader is waited for.
	if f, err = os.OpenFile(path, os.O_WRONLY, 0); err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The temporary files being written, so that a signal can remove them: a
// half-written file holds personal data.
var (
	pendingMu sync.Mutex
	pending   = map[string]bool{}
)

func track(name string) {
	pendingMu.Lock()
	pending[name] = true
	pendingMu.Unlock()
}

func untrack(name string) {
	pendingMu.Lock()
	delete(pending, name)
	pendingMu.Unlock()
}

// RemovePending removes every temporary file still being written. The
// command calls it when a signal ends the program.
func RemovePending() {
	pendingMu.Lock()
	defer pendingMu.Unlock()
	for name := range pending {
		os.Remove(name)
		delete(pending, name)
	}
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}
