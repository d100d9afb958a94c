package cli

import (
	"crypto/sha256"
	"encoding/hex"
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

// AssessOptions holds the flags and dependencies of `skillgap assess`.
type AssessOptions struct {
	IO       *iostreams.IOStreams
	Prompter assess.Prompter
	Now      func() time.Time
	StateDir string // where drafts are kept

	Output  string
	Rubric  string
	NoInput bool

	rubricDirs []string
}

// NewCmdAssess builds `skillgap assess`.
func NewCmdAssess(f *Factory, runF func(*AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{IO: f.IO, Now: f.now}
	cmd := &cobra.Command{
		Use:   "assess",
		Short: "Answer the questionnaire in the terminal and save your profile",
		Long: `Ask about your target role, years of experience, degrees, certifications and
skills, one question at a time, then show your readiness and top gaps and save
the answers as a profile file (YAML, mode 0600).

Every question has a default; pressing Enter keeps it. Type ? for help on a
question. If the output file exists, its answers are the defaults
(re-assessment) and saving replaces it after you confirm.

Answers are kept in a draft after every question: if you press Ctrl-C, the
file is left untouched and the next 'skillgap assess' for the same file offers
to resume. Drafts live in $XDG_STATE_HOME/skillgap/drafts
(default ~/.local/state/skillgap/drafts).

Without a terminal (or with --no-input) assess refuses: write a profile file
by hand instead (see 'skillgap schema profile' and testdata/profiles/alex.yaml)
and run 'skillgap score FILE'.`,
		Example: `  skillgap assess                      # saves profile.yaml here
  skillgap assess -o ~/career/me.yaml  # re-assess an existing profile
  skillgap assess --rubric ./my-rubric.yaml -o me.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("assess takes no arguments; name the file with --output")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Output == "" {
				return usageError("--output: name a file")
			}
			opts.StateDir = stateDir(f)
			opts.rubricDirs = f.rubricDirs()
			if runF != nil {
				return runF(opts)
			}
			if opts.NoInput || (f.Prompter == nil && !opts.IO.CanPrompt()) {
				return &ExitError{Code: ExitUsage, Err: errors.New(`assess asks questions and needs a terminal on stdin and stdout;
without one, write a profile file by hand (the format is in
'skillgap schema profile', an example in testdata/profiles/alex.yaml)
and run 'skillgap score FILE'`)}
			}
			opts.Prompter = f.Prompter
			if opts.Prompter == nil {
				pr, ok := terminalPrompter(opts.IO)
				if !ok {
					return &ExitError{Code: ExitUsage, Err: errors.New("assess needs a terminal")}
				}
				opts.Prompter = pr
			}
			return runAssess(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "profile.yaml", "profile file to write (its answers are the defaults if it exists)")
	cmd.Flags().StringVar(&opts.Rubric, "rubric", "", "rubric id or file to ask from (default: the file's rubric, else it-manager)")
	cmd.Flags().BoolVar(&opts.NoInput, "no-input", false, "never prompt (assess then refuses: for scripts)")
	return cmd
}

func stateDir(f *Factory) string {
	getenv := f.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "skillgap")
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".local", "state", "skillgap")
	}
	return filepath.Join(os.TempDir(), "skillgap-state")
}

// draftPath is where the draft for a profile file is kept: one per file,
// named by a hash of its absolute path.
func draftPath(stateDir, output string) string {
	abs, err := filepath.Abs(output)
	if err != nil {
		abs = output
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(stateDir, "drafts", hex.EncodeToString(sum[:8])+".yaml")
}

func runAssess(opts *AssessOptions) error {
	ios, pr := opts.IO, opts.Prompter
	var start *profiles.Profile
	exists := false
	if _, err := os.Stat(opts.Output); err == nil {
		exists = true
		p, err := profiles.LoadFile(opts.Output, nil)
		if err != nil {
			return fmt.Errorf("%w\nFix the file, or answer into a new one with --output", err)
		}
		start = p
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %v", opts.Output, err)
	}

	owner := start // the profile whose rubric to ask from, if any
	if owner == nil {
		owner = &profiles.Profile{}
	}
	r, err := newRubrics(opts.Rubric, opts.rubricDirs).forProfile(owner)
	if err != nil {
		return err
	}
	if start != nil && opts.Rubric == "" {
		if err := profiles.Check(start, r); err != nil {
			return fmt.Errorf("%w\nFix the file, or answer into a new one with --output", err)
		}
	}

	draft := draftPath(opts.StateDir, opts.Output)
	if d, err := profiles.LoadFile(draft, nil); err == nil && profiles.Check(d, r) == nil {
		when := "earlier"
		if d.Updated != "" {
			when = "on " + d.Updated
		}
		resume, err := pr.Confirm(assess.Question{ID: "resume",
			Message: fmt.Sprintf("Resume the answers you left unfinished %s?", when),
			Help:    "An earlier assessment for " + opts.Output + " was interrupted. Yes starts from the answers you gave then; no starts from " + map[bool]string{true: "the saved file", false: "scratch"}[exists] + "."},
			true)
		if err != nil {
			return interrupted(opts, err, draft)
		}
		if resume {
			start = d
		}
	}

	today := opts.Now().Format("2006-01-02")
	draftFailed := false
	q := &assess.Questionnaire{Rubric: r, Prompter: pr, Answered: func(p *profiles.Profile) {
		p.Updated = today
		data, err := profiles.Marshal(p)
		if err == nil {
			err = atomicfile.WriteFile(draft, data, atomicfile.Options{})
		}
		if err != nil && !draftFailed {
			draftFailed = true
			fmt.Fprintf(ios.ErrOut, "skillgap: warning: cannot keep a draft at %s: %v\n", draft, err)
		}
	}}
	p, err := q.Run(start)
	if err != nil {
		return interrupted(opts, err, draft)
	}

	res, err := assess.For(r).Score(p, "")
	if err != nil {
		return err
	}
	fmt.Fprintln(ios.Out)
	summary(ios.Out, res, report.Style{Color: ios.ColorEnabled(), Width: ios.TermWidth})

	if exists {
		ok, err := pr.Confirm(assess.Question{ID: "replace", Message: fmt.Sprintf("Replace %s with these answers?", opts.Output),
			Help: "No keeps the file as it was; your new answers stay in the draft for next time."}, true)
		if err != nil {
			return interrupted(opts, err, draft)
		}
		if !ok {
			fmt.Fprintf(ios.ErrOut, "Kept %s as it was. Your new answers are in the draft; run 'skillgap assess -o %s' to resume them.\n", opts.Output, opts.Output)
			return nil
		}
	}
	p.File = opts.Output
	if err := profiles.Save(opts.Output, p, today); err != nil {
		return fmt.Errorf("%s: cannot save: %v (your answers are kept in the draft %s)", opts.Output, err, draft)
	}
	os.Remove(draft)
	again := "skillgap score " + opts.Output
	if _, err := rubric.NewResolver(opts.rubricDirs...).ByID(r.ID); err != nil {
		// A rubric given by its path: scoring needs the path again.
		again = "skillgap score --rubric " + opts.Rubric + " " + opts.Output
	}
	fmt.Fprintf(ios.ErrOut, "Saved %s. Score it again any time with: %s\n", opts.Output, again)
	return nil
}

func interrupted(opts *AssessOptions, err error, draft string) error {
	if !errors.Is(err, assess.ErrInterrupted) {
		return err
	}
	msg := fmt.Sprintf("interrupted; %s is untouched", opts.Output)
	if _, statErr := os.Stat(draft); statErr == nil {
		msg += fmt.Sprintf(". Your answers so far are kept in %s; run 'skillgap assess -o %s' to resume", draft, opts.Output)
	}
	return &ExitError{Code: ExitInterrupted, Err: errors.New(msg)}
}

// summary is the short result shown at the end of the questionnaire.
func summary(w io.Writer, res *assess.Result, st report.Style) {
	fmt.Fprintf(w, "Readiness for %s: %.1f/100, %s.\n", report.Clean(res.TargetName), res.Readiness, report.VerdictText(res.Verdict))
	if res.Verdict != assess.Ready {
		fmt.Fprintf(w, "Time to ready, following the plan: %s.\n", report.Weeks(res.TimeToReadyWeeks))
	}
	n := min(3, len(res.Gaps))
	if n > 0 {
		fmt.Fprintf(w, "Top %d gaps:\n", n)
	}
	for i, g := range res.Gaps[:n] {
		blocking := ""
		if g.Blocking {
			blocking = ", blocking"
		}
		line := fmt.Sprintf("%s: have %s, need %s (+%.1f%s)", report.Clean(g.Name), report.Num(g.Have), report.Num(g.Need), g.Impact, blocking)
		fmt.Fprintf(w, "%d. %s\n", i+1, strings.TrimPrefix(report.Indent(report.Wrap(line, st.Width-3), "   "), "   "))
		fmt.Fprintln(w, report.Indent(report.Wrap(report.Clean(g.NextStep), st.Width-3), "   "))
	}
	fmt.Fprintln(w)
}
