package cli

import (
	"fmt"
	"io"

	"github.com/skillgap/skillgap/assess"
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
	minSet       bool
}

// NewCmdScore builds `skillgap score`. runF replaces the run step in tests.
func NewCmdScore(f *Factory, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "score FILE...",
		Short: "Score saved profiles: readiness, verdict, gaps and next steps",
		Long: `Score one or more saved profile files against their rubric and print, for each,
the readiness (0-100), the verdict (ready, almost, not-ready), the gaps most
important first, the plan of next steps with their effort, the time to ready,
and the readiness for every rung of the ladder.

FILE is a profile in YAML or JSON (see 'skillgap schema profile'); "-" reads
one from standard input. With several files and --format json the output is
JSON Lines, one object per profile, in the order given. A bad file is reported
on stderr and the others are still scored; the exit code is then 1.`,
		Example: `  skillgap score testdata/profiles/alex.yaml
  skillgap score --target senior-it-manager testdata/profiles/alex.yaml
  skillgap score --format json team/*.yaml > scores.jsonl
  cat me.json | skillgap score -
  skillgap score --min-readiness 80 me.yaml || echo "not there yet"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("score: name at least one profile file (or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			opts.minSet = cmd.Flags().Changed("min-readiness")
			if opts.minSet && (opts.MinReadiness < 0 || opts.MinReadiness > 100) {
				return usageError("--min-readiness: give a number from 0 to 100, not %g", opts.MinReadiness)
			}
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
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
	return cmd
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError("--format: %q is not one of %v", format, allowed)
}

// rubrics resolves and caches the rubrics a run needs.
type rubrics struct {
	override string
	cache    map[string]*rubric.Rubric
}

func (rs *rubrics) forProfile(p *profiles.Profile) (*rubric.Rubric, error) {
	ref := rs.override
	if ref == "" {
		ref = p.RubricID()
	}
	if r, ok := rs.cache[ref]; ok {
		return r, nil
	}
	r, err := rubric.Resolve(ref)
	if err != nil {
		if rs.override == "" {
			return nil, input.Errorf(p.File, p.Line("rubric"), "rubric: %v", err)
		}
		return nil, err
	}
	if rs.cache == nil {
		rs.cache = map[string]*rubric.Rubric{}
	}
	rs.cache[ref] = r
	return r, nil
}

func displayName(file string) string {
	if file == "-" {
		return "<stdin>"
	}
	return file
}

// load reads a profile file and checks it against its rubric.
func (rs *rubrics) load(path string, stdin io.Reader) (*profiles.Profile, *rubric.Rubric, error) {
	p, err := profiles.LoadFile(path, stdin)
	if err != nil {
		return nil, nil, err
	}
	r, err := rs.forProfile(p)
	if err != nil {
		return nil, nil, err
	}
	if err := profiles.Check(p, r); err != nil {
		return nil, nil, err
	}
	return p, r, nil
}

// scoreOne loads, checks and scores one profile file.
func scoreOne(path string, stdin io.Reader, rs *rubrics, target string) (*assess.Result, error) {
	p, r, err := rs.load(path, stdin)
	if err != nil {
		return nil, err
	}
	res, err := assess.For(r).Score(p, target)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(path), err)
	}
	return res, nil
}

func runScore(opts *ScoreOptions) error {
	rs := &rubrics{override: opts.Rubric}
	if opts.Rubric != "" {
		if _, err := rs.forProfile(&profiles.Profile{}); err != nil {
			return err
		}
	}
	style := report.Style{Color: opts.IO.ColorEnabled(), Width: opts.IO.TermWidth}
	failed, below := 0, 0
	for i, path := range opts.Files {
		res, err := scoreOne(path, opts.IO.In, rs, opts.Target)
		if err != nil {
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: %v\n", err)
			continue
		}
		if opts.minSet && res.Readiness < opts.MinReadiness {
			below++
		}
		switch opts.Format {
		case "json":
			err = report.JSON(opts.IO.Out, res)
		default:
			if i > 0 {
				fmt.Fprintln(opts.IO.Out)
			}
			err = report.Table(opts.IO.Out, res, style)
		}
		if err != nil {
			return err
		}
	}
	switch {
	case failed > 0:
		if len(opts.Files) > 1 {
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: %d of %d profiles could not be scored\n", failed, len(opts.Files))
		}
		return &ExitError{Code: ExitBadInput}
	case below > 0:
		fmt.Fprintf(opts.IO.ErrOut, "skillgap: %d of %d profiles below readiness %g\n", below, len(opts.Files), opts.MinReadiness)
		return &ExitError{Code: ExitBelowMin}
	}
	return nil
}
