package rubric

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/internal/input"
)

// Resolver finds rubrics. A profile names its rubric by id, and an id is
// looked up in the user's rubric folders first (a file ID.yaml, ID.yml or
// ID.json whose own id is ID), then among the built-in rubrics. Only the
// person running a command names rubric files (Named). A Resolver keeps what
// it loads and is safe for concurrent use; a program holds one per run.
type Resolver struct {
	dirs  []string
	mu    sync.Mutex
	cache map[string]resolved
	// ids holds what ByID resolved, by id, read without taking mu: every
	// profile of a batch looks up its rubric.
	idMu sync.RWMutex
	ids  map[string]resolved
	list []Listed // the user's rubrics, read once
}

type resolved struct {
	r   *Rubric
	err error
}

// NewResolver returns a Resolver that searches dirs, in order, before the
// built-in rubrics.
func NewResolver(dirs ...string) *Resolver {
	return &Resolver{dirs: dirs, cache: map[string]resolved{}}
}

// Dirs are the folders searched for rubrics by id.
func (rs *Resolver) Dirs() []string { return slices.Clone(rs.dirs) }

// ErrNotID is wrapped by the error for a rubric reference that is not an id.
var ErrNotID = errors.New("not a rubric id")

// ByID returns the rubric with id: the user's own, else the built-in one.
func (rs *Resolver) ByID(id string) (*Rubric, error) {
	if id == "" {
		id = DefaultID
	}
	rs.idMu.RLock()
	c, ok := rs.ids[id]
	rs.idMu.RUnlock()
	if ok {
		return c.r, c.err
	}
	if !validID(id) {
		return nil, fmt.Errorf("%q is %w: profiles name a rubric by its id (lower-case letters, digits and dashes, such as %s); to use a rubric file, give it with --rubric FILE", id, ErrNotID, DefaultID)
	}
	r, err := rs.once("id:"+id, func() (*Rubric, error) { return rs.byID(id) })
	rs.idMu.Lock()
	if rs.ids == nil {
		rs.ids = map[string]resolved{}
	}
	rs.ids[id] = resolved{r, err}
	rs.idMu.Unlock()
	return r, err
}

// Named returns the rubric a person named on the command line or in their
// settings: an id as in ByID, or the file at a path.
//
// A bare id is always an id, even when a file of that name is in the current
// folder: write ./it-manager for such a file.
func (rs *Resolver) Named(ref string) (*Rubric, error) {
	if ref == "" || (!LooksLikePath(ref) && validID(ref)) {
		return rs.ByID(ref)
	}
	abs, err := filepath.Abs(ref)
	if err != nil {
		abs = ref
	}
	return rs.once("file:"+abs, func() (*Rubric, error) { return LoadFile(ref) })
}

// LooksLikePath reports whether ref is written as a file path rather than an id.
func LooksLikePath(ref string) bool {
	if strings.ContainsAny(ref, `/\`) {
		return true
	}
	switch strings.ToLower(filepath.Ext(ref)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func (rs *Resolver) once(key string, load func() (*Rubric, error)) (*Rubric, error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if c, ok := rs.cache[key]; ok {
		return c.r, c.err
	}
	r, err := load()
	rs.cache[key] = resolved{r, err}
	return r, err
}

func (rs *Resolver) byID(id string) (*Rubric, error) {
	for _, dir := range rs.dirs {
		for _, ext := range []string{".yaml", ".yml", ".json"} {
			p := filepath.Join(dir, id+ext)
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			r, err := LoadFile(p)
			if err != nil {
				return nil, err
			}
			if r.ID != id {
				return nil, input.Errorf(p, r.lines["id"], "its id is %s, not %s: a rubric is found by its id, so name the file %s%s or change its id to %s", r.ID, id, r.ID, ext, id)
			}
			return r, nil
		}
	}
	if _, ok := BuiltinSource(id); ok {
		return Builtin(id)
	}
	known := rs.knownIDs()
	hint := ""
	if near, ok := Nearest(id, known); ok {
		hint = fmt.Sprintf("did you mean %s? ", near)
	}
	for _, l := range rs.listed() {
		if l.Rubric != nil && l.Rubric.ID == id {
			return nil, fmt.Errorf("unknown rubric %q: %s has that id, but a rubric is found by its file name; rename it to %s%s", id, l.File, id, filepath.Ext(l.File))
		}
	}
	return nil, fmt.Errorf("unknown rubric %q: %sknown rubrics: %s (a rubric file is given with --rubric FILE)", id, hint, strings.Join(known, ", "))
}

func (rs *Resolver) knownIDs() []string {
	ids := BuiltinIDs()
	for _, dir := range rs.dirs {
		for _, f := range Files(dir) {
			id := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// Listed is one rubric a Resolver can find, with what is odd about it.
type Listed struct {
	Rubric  *Rubric // nil when the file does not load
	File    string  // "" for a built-in rubric
	Err     error   // why the file does not load
	Warning string  // a mismatch of file name and id, or a shadowed built-in
}

// listed is List, read once per Resolver: an unknown id in every record of
// a batch must not read every rubric file again. (Called with rs.mu held.)
func (rs *Resolver) listed() []Listed {
	if rs.list == nil {
		rs.list = rs.readList()
	}
	return rs.list
}

// List lists the built-in rubrics and the files in the user's folders, in
// the order ByID searches them, with a warning for a file whose name is not
// its id and for one that takes the place of a built-in rubric.
func (rs *Resolver) List() []Listed {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.listed())
}

func (rs *Resolver) readList() []Listed {
	var out []Listed
	seen := map[string]string{}
	for _, dir := range rs.dirs {
		for _, f := range Files(dir) {
			l := Listed{File: f}
			l.Rubric, l.Err = LoadFile(f)
			name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			switch {
			case l.Err != nil:
			case l.Rubric.ID != name:
				l.Warning = fmt.Sprintf("its id is %s but the file is named %s: it is found by neither; rename it to %s%s", l.Rubric.ID, filepath.Base(f), l.Rubric.ID, filepath.Ext(f))
			case seen[name] != "":
				l.Warning = fmt.Sprintf("not used: %s comes first with the same id", seen[name])
			default:
				seen[name] = f
				if _, ok := BuiltinSource(name); ok {
					l.Warning = "takes the place of the built-in rubric " + name
				}
			}
			out = append(out, l)
		}
	}
	for _, id := range BuiltinIDs() {
		l := Listed{}
		l.Rubric, l.Err = Builtin(id)
		if f := seen[id]; f != "" {
			l.Warning = "not used: " + f + " takes its place"
		}
		out = append(out, l)
	}
	return out
}

// Files lists the rubric files (*.yaml, *.yml, *.json) in dir, sorted; none
// if dir does not exist. Hidden files and anything but regular files (after
// following links) are left out.
func Files(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var files []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if strings.HasPrefix(e.Name(), ".") || (ext != ".yaml" && ext != ".yml" && ext != ".json") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			files = append(files, p)
		}
	}
	return files
}
