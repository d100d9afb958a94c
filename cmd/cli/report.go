package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/atomicfile"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/report"
	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
)

// ReportOptions holds the flags and dependencies of `skillgap report`.
type ReportOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	File   string
	Since  string
	Target string
	Format string
	Output string
	Rubric string
	Force  bool

	rubricDirs  []string
	rubricFrom  string // where --rubric came from, if not the command line
	targetFrom  string
	outputFrom  string // where --output came from, if not the command line
	formatGiven bool   // --format is on the command line
}

var reportFormats = []string{"html", "markdown", "json", "csv"}

// NewCmdReport builds `skillgap report`.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IO, Now: f.now}
	cmd := &cobra.Command{
		Use:   "report FILE",
		Short: "Export a readiness report: HTML, Markdown, JSON or CSV",
		Long: `Write a readiness report for one profile: who and when, the target rung and
what the guide says of it (experience band, salary), readiness and verdict,
the ladder, category scores, strengths, every gap with why it is asked, and
the plan of next steps with time to ready. With --since OLD, a progress section
compares an earlier profile: readiness change, gaps closed, new gaps, and each
changed answer.

Formats: html (one self-contained page with charts, no scripts, prints to A4),
markdown, json (the score object plus the report's sections), csv (one row per
requirement). Without --format, the output file's extension decides
(.html, .md, .json, .csv; another one is refused), and a name without one
gets markdown. skillgap writes no PDF: write .html and use the browser's
Print to PDF.

--output - (the default) writes to standard output. An existing file is never
replaced without --force; files are written atomically with mode 0600.`,
		Example: `  skillgap report testdata/profiles/alex.yaml -o alex.html
  skillgap report testdata/profiles/alex.yaml \
      --since testdata/profiles/alex-2026-05.yaml -o progress.md
  skillgap report testdata/profiles/alex.yaml \
      --since testdata/profiles/alex-2026-05.yaml --format json | jq .progress
  skillgap report testdata/profiles/alex.yaml --format csv \
      --target it-director -o gaps.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 2 {
				return usageError("report: name one profile file; to compare two, name the newer and give the older with --since: %s report %s --since %s", f.prog(), report.Clean(args[1]), report.Clean(args[0]))
			}
			if len(args) != 1 {
				return usageError("report: name one profile file (or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			// The output file's extension decides the format unless the
			// command line says otherwise: a setting never puts JSON into a
			// .html file.
			_, fromSettings := f.sources["format"]
			if !cmd.Flags().Changed("format") || fromSettings {
				if ext := formatFromExt(opts.Output); ext != "" {
					opts.Format = ext
				}
			}
			if opts.Format == "" {
				opts.Format = "markdown"
			}
			if opts.Format == "md" {
				opts.Format = "markdown"
			}
			opts.rubricDirs, opts.rubricFrom = f.rubricDirs(), f.sources["rubric"]
			opts.targetFrom = f.from("target")
			if err := checkFormat(opts.Format, f.from("format"), reportFormats...); err != nil {
				return err
			}
			if opts.Output == "" {
				return usageError("--output: name a file, or - for standard output")
			}
			opts.formatGiven = cmd.Flags().Changed("format") && !fromSettings
			opts.outputFrom = f.from("output")
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "html, markdown, json or csv (default: from the --output extension, else markdown)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "-", "file to write, or - for standard output")
	cmd.Flags().StringVar(&opts.Since, "since", "", "an earlier profile `OLD` to show progress against")
	cmd.Flags().StringVarP(&opts.Target, "target", "t", "", "career stage to report on (default: the profile's target)")
	cmd.Flags().StringVar(&opts.Rubric, "rubric", "", "rubric id or file to use instead of the profile's own")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	completeTargetAndFormat(cmd, "html", "markdown", "json", "csv")
	return cmd
}

// formatFromExt is the report format a file name asks for, "" for none.
func formatFromExt(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "markdown"
	}
	return ""
}

// checkOutputExt refuses, before anything is written, an output file whose
// extension names no report format: its content would not be what its name
// says. With --format on the command line any other name goes, but never a
// .pdf, which skillgap cannot write.
func checkOutputExt(output, from string, formatGiven bool) error {
	ext := filepath.Ext(output)
	if output == "-" || ext == "" || formatFromExt(output) != "" {
		return nil
	}
	if strings.EqualFold(ext, ".pdf") {
		return usageError("--output %s%s: skillgap does not write PDF; use .html, .md, .json or .csv. For a PDF, write .html and use the browser's Print to PDF (the page has a print style)", report.Clean(output), from)
	}
	if formatGiven {
		return nil
	}
	return usageError("--output %s%s: %s is not a report format; use .html, .md, .json or .csv, or give --format", report.Clean(output), from, report.Clean(ext))
}

func runReport(opts *ReportOptions) error {
	// Never write over an input: the profiles (standard input too, when it
	// is a file) and the rubric read.
	for _, in := range []string{opts.File, opts.Since} {
		if opts.Output == "-" || in == "" {
			continue
		}
		if (in == "-" && stdinIs(opts.IO.In, opts.Output)) || (in != "-" && sameFile(opts.Output, in)) {
			return usageError("--output: %s is the profile being read; choose another file", report.Clean(opts.Output))
		}
	}
	if err := checkOutputExt(opts.Output, opts.outputFrom, opts.formatGiven); err != nil {
		return err
	}
	rs := newRubrics(opts.Rubric, opts.rubricFrom, opts.rubricDirs)
	if err := rs.named(); err != nil {
		return err
	}
	// Said before any error: a profile of another rubric is likely why
	// its answers do not fit.
	defer rs.warnOverridden(opts.IO.ErrOut, "scored with")
	if opts.IO.InTTY && (opts.File == "-" || opts.Since == "-") {
		fmt.Fprintln(opts.IO.ErrOut, "skillgap: reading a profile from stdin (Ctrl-D to end)")
	}
	p, r, err := rs.load(opts.File, opts.IO.In)
	if err != nil {
		return err
	}
	if err := checkTargetOf(r, opts.Target, opts.targetFrom); err != nil {
		return err
	}
	if opts.Output != "-" && r.File != "" && sameFile(opts.Output, r.File) {
		return usageError("--output: %s is the rubric being read; choose another file", report.Clean(opts.Output))
	}
	sc := rs.scorers.For(r)
	res, err := sc.Score(p, opts.Target)
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(opts.File), err)
	}
	var next *assess.Result
	if i := report.NextRungIndex(res); i < len(r.Stages) {
		if next, err = sc.Score(p, r.Stages[i].ID); err != nil {
			return err
		}
	}
	var oldP *profiles.Profile
	var oldRes *assess.Result
	if opts.Since != "" {
		if opts.Since == "-" && opts.File == "-" {
			return usageError("--since and FILE cannot both be standard input")
		}
		oldP, err = profiles.LoadFile(opts.Since, opts.IO.In)
		if err != nil {
			var pe *profiles.Problems
			if errors.As(err, &pe) {
				rs.overridden(opts.Since, pe.Partial)
			}
			return assess.LoadProblems(err, func(*profiles.Profile) (*rubric.Rubric, error) { return r, nil })
		}
		rs.overridden(opts.Since, oldP)
		if err := assess.Check(oldP, r); err != nil {
			return err
		}
		if oldRes, err = sc.Score(oldP, res.Target); err != nil {
			return fmt.Errorf("%s: %w", displayName(opts.Since), err)
		}
		if assess.DifferentPeople(oldP, p) {
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: warning: %s is %s's profile and %s is %s's; they seem to be different people, so the progress compares two people\n",
				report.Clean(displayName(opts.Since)), report.Clean(oldP.Name), report.Clean(displayName(opts.File)), report.Clean(p.Name))
		}
	}
	var progress *assess.Progress
	if oldP != nil {
		progress = assess.Compare(r, oldP, p, oldRes, res)
	}
	rep := report.Build(report.Input{Rubric: r, Result: res, Next: next, Progress: progress, ProfileDate: p.Updated,
		Evidence: p.Evidence, Skills: p.Skills, GeneratedOn: opts.Now().Format("2006-01-02")})
	// Render fully before writing anything: an error leaves no partial output.
	var buf bytes.Buffer
	switch opts.Format {
	case "html":
		err = report.HTML(&buf, rep, r.Thresholds.Ready)
	case "json":
		err = report.JSONReport(&buf, rep)
	case "csv":
		err = report.CSV(&buf, rep)
	default:
		err = report.Markdown(&buf, rep)
	}
	if err != nil {
		return err
	}
	if opts.Output == "-" {
		_, err := opts.IO.Out.Write(buf.Bytes())
		return err
	}
	err = atomicfile.WriteFile(opts.Output, buf.Bytes(), atomicfile.Options{NoClobber: !opts.Force})
	if errors.Is(err, atomicfile.ErrExists) {
		return &ExitError{Code: ExitBadInput, Err: fmt.Errorf("%s exists; use --force to replace it, or choose another --output", opts.Output)}
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", opts.Output, err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s (%s).\n", report.Clean(opts.Output), opts.Format)
	return nil
}

// sameFile reports whether a and b name the same file (through links too).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}

// stdinIs reports whether standard input is the file at path.
func stdinIs(in io.Reader, path string) bool {
	f, ok := in.(*os.File)
	if !ok {
		return false
	}
	si, err1 := f.Stat()
	so, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && si.Mode().IsRegular() && os.SameFile(si, so)
}
