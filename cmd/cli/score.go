package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/batch"
	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/report"
	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
)

// ScoreOptions holds the flags and dependencies of `skillgap score`.
type ScoreOptions struct {
	IO           *iostreams.IOStreams
	Files        []string
	Target       string
	Format       string
	Rubric       string
	MinReadiness float64
	Explain      bool
	Compact      bool   // --format json: ids and numbers only
	Prog         string // the program name, in the commands the output suggests
	minSet       bool
	rubricDirs   []string
	rubricFrom   string // where --rubric came from, if not the command line
	targetFrom   string
}

// NewCmdScore builds `skillgap score`. runF replaces the run step in tests.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: f.IO, Prog: f.prog()}
	cmd := &cobra.Command{
		Use:   "score FILE...",
		Short: "Score saved profiles: readiness, verdict, gaps and next steps",
		Long: fmt.Sprintf(`Score one or more saved profile files against their rubric and print, for each,
the readiness (0-100), the verdict (ready, almost, not-ready), the gaps most
important first, the plan of next steps as a schedule (the steps that get you
to ready, then those beyond it), the time to ready, and the readiness, verdict
and time to ready for every rung of the ladder.

Verdicts: ready means every hard requirement met and readiness at the
rubric's ready threshold (80 unless it sets another); almost means no
blocking gap, readiness at its almost threshold (60) and ready within 52
weeks by the plan; a blocking gap (more than a year's work short of a hard
requirement) always means not-ready. --explain shows the arithmetic.

FILE is a profile in YAML or JSON (see '%[1]s schema profile'), a JSON
Lines file (.jsonl or .ndjson, one profile a line), a folder (its *.yaml,
*.yml, *.json, *.jsonl and *.ndjson files), or - (standard input: JSON Lines
when its first line is a JSON object, else one profile). With several
profiles and --format json the output is JSON Lines, one object per
profile, in the order given. A bad profile is reported on stderr with its
file and line and the others are still scored; the exit code is then 1.`, f.prog()),
		Example: `  skillgap score testdata/profiles/alex.yaml
  skillgap score --target senior-it-manager testdata/profiles/alex.yaml
  skillgap score --format json testdata/team/*.yaml > scores.jsonl
  skillgap score --format json --compact testdata/team/*.yaml > scores.jsonl
  cat testdata/profiles/staff.jsonl | skillgap score -
  skillgap score --explain testdata/profiles/alex.yaml
  skillgap score --min-readiness 80 testdata/profiles/alex.yaml \
      || echo "not there yet"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("score: name at least one profile file (or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.minSet = cmd.Flags().Changed("min-readiness")
			if opts.minSet && !(opts.MinReadiness >= 0 && opts.MinReadiness <= 100) {
				fl := cmd.Flags().Lookup("min-readiness")
				return invalidValue(fl, fl.Value.String(), f.from("min-readiness"))
			}
			opts.rubricDirs, opts.rubricFrom = f.rubricDirs(), f.sources["rubric"]
			opts.targetFrom = f.from("target")
			if err := checkFormat(opts.Format, f.from("format"), "table", "json"); err != nil {
				return err
			}
			if opts.Compact && (opts.Format != "json" || opts.Explain) {
				return usageError("--compact: only with --format json, and not with --explain")
			}
			if runF != nil {
				return runF(opts)
			}
			return runScore(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Target, "target", "t", "", "career stage to score against (default: the profile's target, else the rubric's)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table or json")
	cmd.Flags().StringVar(&opts.Rubric, "rubric", "", "rubric id or file to use instead of the profile's own")
	cmd.Flags().Float64Var(&opts.MinReadiness, "min-readiness", 0, "exit 3 when a profile's readiness is below `N` (0-100)")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show how the readiness adds up, item by item (JSON: an explain section)")
	cmd.Flags().BoolVar(&opts.Compact, "compact", false, "with --format json: ids and numbers only, none of the rubric's texts (for large batches)")
	completeTargetAndFormat(cmd, "table", "json")
	return cmd
}

// checkFormat refuses a format the command does not write; from says where
// the value came from when it was not the command line.
func checkFormat(format, from string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError("--format: %q is not one of %v%s", format, allowed, from)
}

// rubrics finds the rubric of each profile of a run: the one named with
// --rubric, else the profile's own by id. Workers share it.
type rubrics struct {
	*rubric.Resolver
	override string
	scorers  assess.Scorers

	// overrideFrom says where --rubric came from when not the command line
	// (SKILLGAP_RUBRIC, a config file); overrideID is its rubric's id, once
	// named has found it.
	overrideFrom string
	overrideID   string
	// overrides counts the profiles that name another rubric than --rubric's.
	overrides overrides
}

// newRubrics finds the rubrics of a run: override is --rubric ("" for the
// profiles' own), from where it came from if not the command line.
func newRubrics(override, from string, dirs []string) *rubrics {
	return &rubrics{Resolver: rubric.NewResolver(dirs...), override: override, overrideFrom: from}
}

func (rs *rubrics) forProfile(p *profiles.Profile) (*rubric.Rubric, error) {
	return assess.RubricOf(rs.Resolver, p, rs.override)
}

// named resolves --rubric once, before any profile is read. An id that
// names no rubric is a bad command-line value (exit 2); a file that cannot
// be read or is not a valid rubric is bad input (exit 1).
func (rs *rubrics) named() error {
	if rs.override == "" {
		return nil
	}
	r, err := rs.Named(rs.override)
	if err != nil && len(input.ListOf(err)) == 0 {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--rubric: %w", err)}
	}
	if err == nil {
		rs.overrideID = r.ID
	}
	return err
}

// displayName is how messages and table headings name a file or record:
// standard input ("-", or "-:3" for its third line) as <stdin>.
func displayName(file string) string {
	if line, ok := strings.CutPrefix(file, "-:"); file == "-" || ok && line != "" && strings.Trim(line, "0123456789") == "" {
		return "<stdin>" + file[1:]
	}
	return file
}

// load reads a profile file and checks it against its rubric.
func (rs *rubrics) load(path string, stdin io.Reader) (*profiles.Profile, *rubric.Rubric, error) {
	p, err := profiles.LoadFile(path, stdin)
	return rs.against(path, p, err)
}

// against checks a just-read profile, named name, against its rubric. A
// profile whose own rubric --rubric replaces is counted for the run's
// warning, even when it cannot be scored: its answers are then likely
// another rubric's.
func (rs *rubrics) against(name string, p *profiles.Profile, err error) (*profiles.Profile, *rubric.Rubric, error) {
	if err != nil {
		if pe := (*profiles.Problems)(nil); errors.As(err, &pe) {
			rs.overridden(name, pe.Partial)
		}
		return nil, nil, assess.LoadProblems(err, rs.forProfile)
	}
	rs.overridden(name, p)
	r, err := assess.Checked(rs.Resolver, p, rs.override)
	if err != nil {
		return nil, nil, err
	}
	return p, r, nil
}

func runScore(opts *ScoreOptions) error {
	rs := newRubrics(opts.Rubric, opts.rubricFrom, opts.rubricDirs)
	if err := rs.named(); err != nil {
		return err
	}
	if err := checkTarget(rs, opts.Target, opts.targetFrom); err != nil {
		return err
	}
	// Results are scored into and written from a few recycled ones.
	results := sync.Pool{New: func() any { return new(assess.Result) }}
	t := &scoreTally{min: opts.MinReadiness, minSet: opts.minSet}
	if opts.IO.InTTY && slices.Contains(opts.Files, "-") {
		fmt.Fprintln(opts.IO.ErrOut, "skillgap: reading profiles from stdin (Ctrl-D to end)")
	}
	prog := batch.NewProgress(opts.IO.ErrOut, opts.IO.ErrTTY, "scored", opts.Files)
	restoreGC := batch.LessGC()
	defer restoreGC()
	score := func(rec profiles.Record, use func(*assess.Result) error) scoredRecord {
		res := results.Get().(*assess.Result)
		defer results.Put(res)
		err := scoreRecordInto(res, rec, rs, opts.Target, assess.ScoreOptions{Explain: opts.Explain})
		if err == nil {
			err = use(res)
		}
		if err != nil {
			return scoredRecord{err: err}
		}
		return scoredRecord{readiness: res.Readiness, rec: profiles.Record{Source: rec.Source, Line: rec.Line, InLines: rec.InLines}}
	}
	tally := func(s scoredRecord) {
		if s.err != nil {
			t.failed(s.err)
			printErr(opts.IO.ErrOut, opts.Prog, s.err)
			return
		}
		t.scored(s.rec, s.readiness)
	}
	var err error
	if opts.Format == "json" {
		// JSON Lines go out a batch of records at a time, from the memory
		// they were written in; an error's message after the results
		// before it.
		texts := report.NewJSONCache() // the rubric's texts, quoted once for the run
		err = batch.EachWrite(opts.Files, opts.IO.In, prog, func(rec profiles.Record, buf []byte) ([]byte, scoredRecord) {
			s := score(rec, func(res *assess.Result) error {
				if opts.Compact {
					buf = report.AppendCompactJSON(buf, res)
				} else {
					buf = texts.AppendJSON(buf, res)
				}
				return nil
			})
			return buf, s
		}, opts.IO.Out, func(s scoredRecord) error {
			tally(s)
			return nil
		})
	} else {
		style := report.Style{Color: opts.IO.ColorEnabled(), Width: opts.IO.TermWidth, Prog: opts.Prog}
		tables := &namedTables{w: opts.IO.Out}
		err = batch.Each(opts.Files, opts.IO.In, prog, func(rec profiles.Record) scoredRecord {
			var table bytes.Buffer
			s := score(rec, func(res *assess.Result) error { return report.Table(&table, res, style) })
			s.out = table.Bytes()
			return s
		}, func(s scoredRecord) error {
			tally(s)
			if s.err != nil {
				return nil
			}
			return tables.add(s.rec.String(), s.out)
		})
		if err == nil {
			err = tables.flush()
		}
	}
	prog.Done()
	rs.warnOverridden(opts.IO.ErrOut, "scored with")
	if err != nil {
		return err
	}
	return t.summary(opts.IO.ErrOut, opts.Files)
}

// maxNamed bounds the profiles a summary names; the rest are counted.
const maxNamed = 10

// scoreTally counts a score run's outcomes, for its closing lines and exit.
type scoreTally struct {
	min                  float64
	minSet               bool
	ok, bad, emptyFolder int
	below                []string // "a.yaml (74.3)", in input order
}

func (t *scoreTally) failed(err error) {
	if errors.Is(err, profiles.ErrNoProfiles) {
		t.emptyFolder++
	} else {
		t.bad++
	}
}

func (t *scoreTally) scored(rec profiles.Record, readiness float64) {
	t.ok++
	if t.minSet && readiness < t.min {
		t.below = append(t.below, fmt.Sprintf("%s (%.1f)", report.Clean(displayName(rec.String())), readiness))
	}
}

// summary says what went wrong, if anything, and gives the exit: 1 when an
// input was bad (the --min-readiness count is still said), else 3 when a
// profile is below the bar.
func (t *scoreTally) summary(w io.Writer, inputs []string) error {
	total := t.ok + t.bad
	if total == 0 && t.emptyFolder == 0 {
		return &ExitError{Code: ExitBadInput, Err: fmt.Errorf("no profile found in %s", strings.Join(inputs, ", "))}
	}
	if t.bad > 0 && total > 1 {
		fmt.Fprintf(w, "skillgap: %d of %d profiles could not be scored\n", t.bad, total)
	}
	if len(t.below) > 0 {
		of := "profiles"
		if t.bad > 0 {
			of = "profiles scored"
		}
		// One a line: file names are long.
		fmt.Fprintf(w, "skillgap: %d of %d %s below readiness %g:\n", len(t.below), t.ok, of, t.min)
		for _, name := range t.below[:min(len(t.below), maxNamed)] {
			fmt.Fprintf(w, "  %s\n", name)
		}
		if len(t.below) > maxNamed {
			fmt.Fprintf(w, "  and %d more\n", len(t.below)-maxNamed)
		}
	}
	switch {
	case t.bad > 0 || t.emptyFolder > 0:
		return &ExitError{Code: ExitBadInput}
	case len(t.below) > 0:
		return &ExitError{Code: ExitBelowMin}
	}
	return nil
}

// namedTables writes the tables of a score run. With more than one, each is
// named above it ("==> a.yaml <=="); the first is held until a second comes,
// so a single profile's table is printed as it is.
type namedTables struct {
	w         io.Writer
	n         int
	firstName string
	first     []byte
}

func (nt *namedTables) add(name string, table []byte) error {
	nt.n++
	switch nt.n {
	case 1:
		nt.firstName, nt.first = name, bytes.Clone(table)
		return nil
	case 2:
		if err := nt.write(nt.firstName, nt.first); err != nil {
			return err
		}
		nt.first = nil
	}
	if _, err := io.WriteString(nt.w, "\n"); err != nil {
		return err
	}
	return nt.write(name, table)
}

func (nt *namedTables) write(name string, table []byte) error {
	if _, err := fmt.Fprintf(nt.w, "==> %s <==\n", report.Clean(displayName(name))); err != nil {
		return err
	}
	_, err := nt.w.Write(table)
	return err
}

// flush writes a table held back: the only one.
func (nt *namedTables) flush() error {
	if nt.n != 1 {
		return nil
	}
	_, err := nt.w.Write(nt.first)
	return err
}

// scoredRecord is one record's output, made on a worker.
type scoredRecord struct {
	out       []byte // a table
	readiness float64
	rec       profiles.Record // the record's source and line, named only when needed ("staff.jsonl:42")
	err       error
}

// scoreRecordInto parses, checks and scores one record into res.
func scoreRecordInto(res *assess.Result, rec profiles.Record, rs *rubrics, target string, opts assess.ScoreOptions) error {
	p, r, err := rs.check(rec)
	if err != nil {
		return err
	}
	if err := rs.scorers.For(r).ScoreInto(res, p, target, opts); err != nil {
		return fmt.Errorf("%s: %w", displayName(rec.String()), err)
	}
	return nil
}

// check parses a record and checks it against its rubric.
func (rs *rubrics) check(rec profiles.Record) (*profiles.Profile, *rubric.Rubric, error) {
	p, err := profiles.ParseRecord(rec)
	// The name is for messages and the --rubric warning only: a good record
	// with no --rubric needs none (Record.String formats a line number).
	name := rec.Source
	if err != nil || rs.overrideID != "" {
		name = rec.String()
	}
	return rs.against(name, p, err)
}

// checkTarget refuses, before anything is read, a --target that no rubric
// of the run has: the rubric given with --rubric, else any rubric a profile
// could name. A target that only some profiles' rubrics lack is reported
// for those profiles, like any bad record.
func checkTarget(rs *rubrics, target, from string) error {
	if target == "" {
		return nil
	}
	var stages []string
	if rs.override != "" {
		r, err := rs.Named(rs.override)
		if err != nil {
			return err
		}
		stages = r.StageIDs()
	} else {
		for _, l := range rs.List() {
			if l.Rubric == nil {
				continue
			}
			for _, id := range l.Rubric.StageIDs() {
				if !slices.Contains(stages, id) {
					stages = append(stages, id)
				}
			}
		}
	}
	if slices.Contains(stages, target) {
		return nil
	}
	return usageError("--target%s: %s is not a stage of %s%s; stages are %s", from, report.Clean(target), map[bool]string{true: "rubric " + rs.override, false: "any rubric"}[rs.override != ""],
		rubric.DidYouMean(target, stages), strings.Join(stages, ", "))
}

// checkTargetOf refuses a --target that rubric r, the one rubric of a run,
// lacks.
func checkTargetOf(r *rubric.Rubric, target, from string) error {
	if target == "" || r.StageIndex(target) >= 0 {
		return nil
	}
	return usageError("--target%s: %s is not a stage of rubric %s%s; stages are %s", from, report.Clean(target), r.ID,
		rubric.DidYouMean(target, r.StageIDs()), strings.Join(r.StageIDs(), ", "))
}
