package profiles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/skillgap/skillgap/internal/input"
)

// Record is the text of one profile in an input: a whole file, or one line of
// a JSON Lines file or stream.
type Record struct {
	Source string // the file as named ("-" is standard input)
	Line   int    // where the record starts in Source, 1-based
	Data   []byte
	// InLines is true for a line of a JSON Lines input.
	InLines bool
	// Err is set when the input could not be read; Data is then empty.
	Err error
}

// Extensions of the files a folder is searched for.
var profileExts = map[string]bool{".yaml": true, ".yml": true, ".json": true, ".jsonl": true, ".ndjson": true}

// ErrNoProfiles is wrapped by the error of a folder that holds no profile
// file: a mistake in what was named, not a profile that could not be read.
var ErrNoProfiles = errors.New("no profile files")

func isJSONLines(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".jsonl" || ext == ".ndjson"
}

// Walk reads the inputs in order and emits their records in order: a file
// (a .jsonl or .ndjson file line by line, any other as one profile), a folder
// (every *.yaml, *.yml, *.json, *.jsonl file below it, in lexical order,
// skipping hidden ones), or "-" (standard input: JSON Lines when its first line
// is a JSON object, else one YAML or JSON profile). A read error becomes a
// record with Err set and the walk goes on; only an error from emit stops it.
func Walk(inputs []string, stdin io.Reader, emit func(Record) error) error {
	for _, in := range inputs {
		if in == "-" {
			if err := walkStdin(stdin, emit); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			if err := emit(Record{Source: in, Line: 0, Err: input.Errorf(in, 0, "cannot open: %w", input.PathError(err))}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := walkFile(in, false, emit); err != nil {
				return err
			}
			continue
		}
		found := 0
		// A folder named through a symbolic link is walked all the same.
		root := in
		if lst, err := os.Lstat(in); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			root = in + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return emit(Record{Source: path, Err: input.Errorf(path, 0, "cannot read: %w", input.PathError(err))})
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !profileExts[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			// Inside a folder only regular files are read: a FIFO or a link
			// to a device named like a profile is not one.
			if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
				return nil
			}
			found++
			return walkFile(path, true, emit)
		})
		if err != nil {
			return err
		}
		if found == 0 {
			msg := "the folder has no profile files (searched for *.yaml, *.yml, *.json, *.jsonl and *.ndjson, hidden ones skipped)"
			if err := emit(Record{Source: in, Err: &input.Error{File: in, Msg: msg, Err: ErrNoProfiles}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// walkFile emits the records of one file. A file named on the command line
// may be a pipe (<(...)); one found in a folder must be a regular file.
func walkFile(path string, regularOnly bool, emit func(Record) error) error {
	open := os.Open
	if regularOnly {
		open = input.OpenRegular
	} else if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeDevice != 0 {
		// A device never ends (/dev/zero) or waits on a person (/dev/tty).
		return emit(Record{Source: path, Err: input.Errorf(path, 0, "is a device, not a profile file")})
	}
	f, err := open(path)
	if err != nil {
		return emit(Record{Source: path, Err: input.Errorf(path, 0, "cannot open: %w", input.PathError(err))})
	}
	defer f.Close()
	if isJSONLines(path) {
		return readLines(path, f, emit)
	}
	data, err := input.ReadAll(path, f, MaxSize)
	if err != nil {
		return emit(Record{Source: path, Err: err})
	}
	return emit(Record{Source: path, Line: 1, Data: data})
}

func walkStdin(stdin io.Reader, emit func(Record) error) error {
	// Read the first line, however long (up to the record limit): a JSON
	// object alone on it means JSON Lines. It is read as it arrives, so a
	// stream is scored line by line.
	br := bufio.NewReaderSize(stdin, 64<<10)
	var first []byte
	for {
		chunk, err := br.ReadSlice('\n')
		first = append(first, chunk...)
		if err != bufio.ErrBufferFull || len(first) > MaxSize {
			break
		}
	}
	rest := io.MultiReader(bytes.NewReader(first), br)
	line := bytes.TrimSpace(bytes.TrimPrefix(first, []byte("\xef\xbb\xbf")))
	// A JSON object alone on the first line, or a first line too long to be
	// a profile that starts like one: JSON Lines, where an overlong line is
	// reported and the next ones are read.
	if len(line) > 1 && line[0] == '{' && (line[len(line)-1] == '}' || len(first) > MaxSize) {
		return readLines("-", rest, emit)
	}
	data, err := input.ReadAll("-", rest, MaxSize)
	if err != nil {
		return emit(Record{Source: "-", Err: err})
	}
	return emit(Record{Source: "-", Line: 1, Data: data})
}

// slabSize is the size of the slabs readLines copies lines into: about a
// hundred profiles.
const slabSize = 64 << 10

// readLines emits each non-blank line as a record. A line longer than MaxSize
// is reported and skipped; the next line is read as usual.
func readLines(name string, r io.Reader, emit func(Record) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	line := 0
	var long []byte
	// Lines are copied into shared slabs rather than each into its own
	// allocation; each record's slice is capped at its end.
	var slab []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: gather it, up to the limit.
			if len(long)+len(chunk) <= MaxSize {
				long = append(long, chunk...)
			} else if long != nil {
				long = long[:MaxSize+1]
			}
			continue
		}
		if long != nil {
			chunk = append(long, chunk...)
			long = nil
		}
		if len(chunk) > 0 {
			line++
			data := bytes.TrimRight(chunk, "\r\n")
			switch {
			case len(data) > MaxSize:
				if e := emit(Record{Source: name, Line: line, Err: input.Errorf(name, line, "line is longer than %d KiB; one profile per line, each well under that", MaxSize>>10)}); e != nil {
					return e
				}
			case len(bytes.TrimSpace(data)) > 0:
				if cap(slab)-len(slab) < len(data) {
					slab = make([]byte, 0, max(slabSize, len(data)))
				}
				start := len(slab)
				slab = append(slab, data...)
				if e := emit(Record{Source: name, Line: line, Data: slab[start:len(slab):len(slab)], InLines: true}); e != nil {
					return e
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return emit(Record{Source: name, Line: line + 1, Err: input.Errorf(name, line+1, "cannot read: %w", err)})
		}
	}
}

// ParseRecord parses the profile in a record. Lines in messages are lines of
// the record's source.
func ParseRecord(rec Record) (*Profile, error) {
	if rec.Err != nil {
		return nil, rec.Err
	}
	if p, ok := parseFast(rec); ok {
		if rec.InLines {
			p.RecordLine = rec.Line
		}
		return p, nil
	}
	p, err := parseAt(rec.Source, rec.Data, max(rec.Line, 1)-1)
	if err != nil {
		if t := bytes.TrimSpace(bytes.TrimPrefix(rec.Data, bom)); rec.InLines && len(t) > 0 && t[0] != '{' {
			// Not a broken profile but no JSON object at all: say that,
			// not what a YAML parser makes of it.
			found := fmt.Sprintf("%q", prefix(t, 40))
			switch t[0] {
			case '[':
				found = "a list"
			case '"':
				found = "a string"
			}
			return nil, input.Errorf(rec.Source, rec.Line, "expected a JSON object (a profile, one a line), found %s", found)
		}
		// A line of JSON Lines is reported at its line even when the problem
		// has none (an empty or binary record).
		var ie *input.Error
		if errors.As(err, &ie) && ie.Line == 0 && rec.InLines {
			ie.Line = rec.Line
		}
		return nil, err
	}
	if rec.InLines {
		p.RecordLine = rec.Line
	}
	return p, nil
}

// prefix is the first n bytes of b, "..." after them if there are more,
// cut where a character starts.
func prefix(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	// Back to where a character starts, at most the three bytes a UTF-8
	// character may go on for (invalid bytes are each their own).
	for k := 0; k < 3 && n > 0 && !utf8.RuneStart(b[n]); k++ {
		n--
	}
	return string(b[:n]) + "..."
}

// String names a record for messages: "team.jsonl:42", the first line of
// JSON Lines included ("team.jsonl:1"); a whole file by its name.
func (rec Record) String() string {
	if rec.Line > 1 || rec.InLines && rec.Line == 1 {
		return fmt.Sprintf("%s:%d", rec.Source, rec.Line)
	}
	return rec.Source
}
