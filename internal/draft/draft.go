// Package draft keeps the answers of an unfinished questionnaire, one draft
// per profile file, so that an interrupted assessment loses nothing. A draft
// records the rubric it answers (its id, and the file it came from when it
// was not found by id), so that it is resumed with the same rubric.
package draft

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/atomicfile"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// Store keeps drafts in Dir/drafts, files 0600 in folders 0700. A Store with
// no Dir keeps none.
type Store struct {
	Dir string
}

// Draft is a saved draft.
type Draft struct {
	Path       string
	Profile    *profiles.Profile
	RubricID   string
	RubricFile string // absolute; "" for a rubric found by id
}

// Path is where the draft for a profile file is kept: named by a hash of
// the file's absolute path. "" when the store keeps no drafts.
func (s Store) Path(output string) string {
	if s.Dir == "" {
		return ""
	}
	abs, err := filepath.Abs(output)
	if err != nil {
		abs = output
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(s.Dir, "drafts", hex.EncodeToString(sum[:8])+".yaml")
}

const (
	rubricLine = "# rubric: "
	fileLine   = "# rubric file: "
)

// Save keeps p as the draft for output, answered from r.
func (s Store) Save(output string, p *profiles.Profile, r *rubric.Rubric) error {
	path := s.Path(output)
	if path == "" {
		return nil
	}
	data, err := profiles.Marshal(p)
	if err != nil {
		return err
	}
	var head strings.Builder
	head.WriteString("# skillgap draft: answers not yet saved to " + oneLine(output) + "\n")
	head.WriteString(rubricLine + r.ID + "\n")
	if f := RubricFile(r); f != "" {
		head.WriteString(fileLine + oneLine(f) + "\n")
	}
	return atomicfile.WriteFile(path, append([]byte(head.String()), data...), atomicfile.Options{})
}

// Load reads the draft for output; an error wrapping os.ErrNotExist when
// there is none.
func (s Store) Load(output string) (*Draft, error) {
	path := s.Path(output)
	if path == "" {
		return nil, os.ErrNotExist
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d := &Draft{Path: path}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			break
		}
		if v, ok := strings.CutPrefix(line, rubricLine); ok {
			d.RubricID = v
		}
		if v, ok := strings.CutPrefix(line, fileLine); ok {
			d.RubricFile = v
		}
	}
	if d.Profile, err = profiles.Parse(path, data); err != nil {
		return nil, err
	}
	if d.RubricID == "" {
		d.RubricID = d.Profile.RubricID()
	}
	return d, nil
}

// Remove deletes the draft for output.
func (s Store) Remove(output string) {
	if path := s.Path(output); path != "" {
		os.Remove(path)
	}
}

// ErrOtherRubric is wrapped by Resumable's error for a draft of another rubric.
var ErrOtherRubric = errors.New("answers another rubric")

// Resumable says whether d can be resumed with r: the same rubric (the same
// file, for one given as a file) and answers r accepts.
func (d *Draft) Resumable(r *rubric.Rubric) error {
	if d.RubricID != r.ID || (d.RubricFile != "" && d.RubricFile != RubricFile(r)) {
		return ErrOtherRubric
	}
	return assess.Check(d.Profile, r)
}

// RubricFile is the absolute path of the file r came from, or "" for a
// built-in rubric.
func RubricFile(r *rubric.Rubric) string {
	if r.File == "" {
		return ""
	}
	if abs, err := filepath.Abs(r.File); err == nil {
		return abs
	}
	return r.File
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }
