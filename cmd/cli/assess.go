package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/draft"
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
	Prog     string // the program name, in the commands it suggests

	Output  string
	Rubric  string
	NoInput bool

	rubricDirs []string
	rubricFrom string // where --rubric came from, if not the command line
}

// NewCmdAssess builds `skillgap assess`.
func NewCmdAssess(f *Factory, runF func(*AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{IO: f.IO, Now: f.now, Prog: f.prog()}
	cmd := &cobra.Command{
		Use:   "assess",
		Short: "Answer the questionnaire in the terminal and save your profile",
		Long: fmt.Sprintf(`Ask about your target role, years of experience, degrees, certifications and
skills, one question at a time, then show your readiness and top gaps and save
the answers as a profile file (YAML, mode 0600).

Every question has a default; pressing Enter keeps it. Type ? for help on a
question, and < (or back) then Enter to go back to the previous question,
its answer as the default; in a list, type < then Enter the same way. A
skill rated in the top quarter of the rubric's scale (3 or 4 on the standard
0-4) is followed by "What shows it?": one optional line kept as the skill's
evidence and shown in reports. At the end, a review lists
every answer: pick one to change it, or Save. If the output file exists,
its answers are the defaults (re-assessment) and saving replaces it after
you confirm.

Answers are kept in a draft after every question: if you press Ctrl-C, the
file is left untouched and the next '%[1]s assess' for the same file offers
to resume. Drafts live in $XDG_STATE_HOME/skillgap/drafts
(default ~/.local/state/skillgap/drafts).

Without a terminal (or with --no-input) assess refuses: write a profile file
by hand instead (see '%[1]s schema profile' and testdata/profiles/alex.yaml)
and run '%[1]s score FILE'.`, f.prog()),
		Example: `  skillgap assess                      # saves profile.yaml here
  skillgap assess -o ~/career/me.yaml  # re-assess an existing profile
  skillgap assess --rubric testdata/rubrics/mini.yaml -o mini.yaml`,
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
			opts.rubricDirs, opts.rubricFrom = f.rubricDirs(), f.sources["rubric"]
			// The prompter is wired here, for tests and for real alike.
			if !opts.NoInput {
				opts.Prompter = f.prompter()
			}
			if runF != nil {
				return runF(opts)
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
	if home := getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".local", "state", "skillgap")
	}
	// No private place: a shared folder such as /tmp would let another user
	// plant a draft to be offered for resume. No drafts, then.
	return ""
}

// errNoTerminal is why assess refuses to run without a prompter.
func errNoTerminal(prog string) error {
	return fmt.Errorf(`assess asks questions and needs a terminal on stdin and stdout;
without one, write a profile file by hand (the format is in
'%[1]s schema profile', an example in testdata/profiles/alex.yaml)
and run '%[1]s score FILE'`, prog)
}

func runAssess(opts *AssessOptions) error {
	if opts.Prompter == nil {
		return &ExitError{Code: ExitUsage, Err: errNoTerminal(opts.prog())}
	}
	ios, pr := opts.IO, opts.Prompter
	rs := newRubrics(opts.Rubric, opts.rubricFrom, opts.rubricDirs)
	if err := rs.named(); err != nil {
		return err
	}
	start, exists, err := existingAnswers(opts.Output, rs.forProfile)
	if err != nil {
		return err
	}
	owner := start // the profile whose rubric to ask from, if any
	if owner == nil {
		owner = &profiles.Profile{}
	}
	r, err := rs.forProfile(owner)
	if err != nil {
		return err
	}
	// Said before answersFor asks whether to start again with r.
	rs.overridden(opts.Output, start)
	rs.warnOverridden(ios.ErrOut, "questions from")
	if start, err = answersFor(opts, start, r); err != nil {
		return err
	}
	store := draft.Store{Dir: opts.StateDir}
	if opts.StateDir == "" {
		fmt.Fprintln(ios.ErrOut, "skillgap: warning: neither HOME nor XDG_STATE_HOME is set, so your answers are not kept as a draft: if you stop midway, they are lost")
	}
	// What the file holds (nothing for a new one): answers equal to these
	// are no news, and keep no draft.
	base := start
	s := &session{opts: opts, rubric: r, exists: exists}
	if d, err := store.Load(opts.Output); err == nil {
		if rerr := d.Resumable(r); rerr != nil {
			// Kept as it is, never overwritten: this session keeps no draft.
			fmt.Fprintf(ios.ErrOut, "skillgap: an unfinished assessment for %s answers %s; it is kept in %s. Resume it with: %s\n",
				report.Clean(opts.Output), draftRubric(d, rerr), d.Path, resumeDraftCommand(opts, d))
			store = draft.Store{}
		} else if assess.SameAnswers(d.Profile, base, r) {
			// Nothing to resume: the draft answers what the file does.
			store.Remove(opts.Output)
		} else {
			resume, err := offerResume(pr, opts.Output, d, exists)
			if err != nil {
				return s.interrupted(err)
			}
			if resume {
				start = d.Profile
				s.draft = d.Path
			} else {
				// Kept until this session has answers of its own to keep.
				s.earlier = d
			}
		}
	}

	today := opts.Now().Format("2006-01-02")
	draftFailed := false
	q := &assess.Questionnaire{Rubric: r, Prompter: pr, Answered: func(p *profiles.Profile) {
		if assess.SameAnswers(p, base, r) {
			// Nothing changed, or changed back: no draft of this session's
			// to keep (a declined one stays as it is).
			if s.draft != "" {
				store.Remove(opts.Output)
				s.draft = ""
			}
			return
		}
		p.Updated = today
		if err := store.Save(opts.Output, p, r); err != nil {
			if !draftFailed {
				draftFailed = true
				fmt.Fprintf(ios.ErrOut, "skillgap: warning: cannot keep a draft at %s: %v\n", store.Path(opts.Output), err)
			}
			return
		}
		s.draft, s.earlier = store.Path(opts.Output), nil
	}}
	p, err := q.Run(start)
	if err != nil {
		return s.interrupted(err)
	}

	res, err := assess.New(r).Score(p, "")
	if err != nil {
		return err
	}
	fmt.Fprintln(ios.Out)
	report.Summary(ios.Out, res, report.Style{Color: ios.ColorEnabled(), Width: ios.TermWidth})

	if exists {
		ok, err := pr.Confirm(assess.Question{ID: "replace", Message: fmt.Sprintf("Replace %s with these answers?", opts.Output),
			Help: "No keeps the file as it was; your new answers stay in the draft for next time."}, true)
		if err != nil {
			return s.interrupted(err)
		}
		if !ok {
			if s.draft == "" {
				fmt.Fprintf(ios.ErrOut, "Kept %s as it was; your answers were the same as its own.\n", report.Clean(opts.Output))
				return nil
			}
			fmt.Fprintf(ios.ErrOut, "Kept %s as it was. Your new answers are in the draft; run '%s' to resume them.\n", report.Clean(opts.Output), resumeCommand(opts, r))
			return nil
		}
	}
	// Never write a file its rubric would refuse.
	if err := assess.Check(p, r); err != nil {
		return fmt.Errorf("not saved, the answers do not fit rubric %s: %s%s", r.ID, firstProblem(err), s.keptIn())
	}
	p.File = opts.Output
	if err := profiles.Save(opts.Output, p, today); err != nil {
		return fmt.Errorf("%s: cannot save: %v%s", opts.Output, err, s.keptIn())
	}
	store.Remove(opts.Output)
	again := opts.prog() + " score " + opts.Output
	if rubricArg(opts, r) != "" && r.File != "" {
		// A rubric given by its path: scoring needs the path again.
		again = opts.prog() + " score --rubric " + rubricArg(opts, r) + " " + opts.Output
	}
	fmt.Fprintf(ios.ErrOut, "Saved %s. Score it again any time with: %s\n", report.Clean(opts.Output), report.Clean(again))
	return nil
}

// existingAnswers reads the profile at output, if there is one: its answers
// are the questionnaire's defaults. rubricOf finds its rubric, to name every
// problem of a file that cannot be read.
func existingAnswers(output string, rubricOf func(*profiles.Profile) (*rubric.Rubric, error)) (*profiles.Profile, bool, error) {
	st, err := os.Stat(output)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", output, err)
	}
	if !st.Mode().IsRegular() {
		return nil, false, usageError("--output: %s is not a regular file; name the profile file to write", report.Clean(output))
	}
	p, err := profiles.LoadFile(output, nil)
	if err != nil {
		return nil, false, &withAdvice{assess.LoadProblems(err, rubricOf), "Fix the file, or answer into a new one with --output"}
	}
	return p, true, nil
}

// answersFor checks the existing answers against r. Answers for another
// rubric would be lost, or saved where no rubric accepts them: the person is
// asked first, and only the name is kept.
func answersFor(opts *AssessOptions, start *profiles.Profile, r *rubric.Rubric) (*profiles.Profile, error) {
	if start == nil {
		return nil, nil
	}
	if start.RubricID() == r.ID {
		if err := assess.Check(start, r); err != nil {
			return nil, &withAdvice{err, "Fix the file, or answer into a new one with --output"}
		}
		return start, nil
	}
	ok, err := opts.Prompter.Confirm(assess.Question{ID: "other-rubric",
		Message: fmt.Sprintf("%s holds answers for rubric %s; start again with rubric %s?", opts.Output, start.RubricID(), r.ID),
		Help:    "Yes asks every question of " + r.ID + " and, once you confirm saving, replaces the answers for " + start.RubricID() + ". No leaves the file as it is; answer into another file with --output."}, false)
	if err != nil {
		return nil, (&session{opts: opts, rubric: r, exists: true}).interrupted(err)
	}
	if !ok {
		return nil, &ExitError{Code: ExitBadInput, Err: fmt.Errorf("%s holds answers for rubric %s and is left as it is; answer rubric %s into another file with --output", opts.Output, start.RubricID(), r.ID)}
	}
	return &profiles.Profile{Version: profiles.FormatVersion, Name: start.Name}, nil
}

// offerResume asks whether to go on from an unfinished assessment.
func offerResume(pr assess.Prompter, output string, d *draft.Draft, exists bool) (bool, error) {
	return pr.Confirm(assess.Question{ID: "resume",
		Message: fmt.Sprintf("Resume the answers you left unfinished %s?", draftDate(d)),
		Help: "An earlier assessment for " + report.Clean(output) + " was interrupted. Yes starts from the answers you gave then; no starts from " +
			map[bool]string{true: "the saved file", false: "scratch"}[exists] + ", and the unfinished answers are kept until you change one."},
		true)
}

// draftDate says when a draft was last answered: "on 2026-11-25".
func draftDate(d *draft.Draft) string {
	if d.Profile.Updated != "" {
		return "on " + d.Profile.Updated
	}
	return "earlier"
}

// prog is the program name for the commands assess suggests.
func (opts *AssessOptions) prog() string {
	if opts.Prog == "" {
		return defaultProg
	}
	return opts.Prog
}

// rubricArg is what to pass as --rubric to get r again: its file as an
// absolute path when it was given as a file, else its id when it was named.
func rubricArg(opts *AssessOptions, r *rubric.Rubric) string {
	if opts.Rubric == "" {
		return ""
	}
	if f := draft.RubricFile(r); f != "" && rubric.LooksLikePath(opts.Rubric) {
		return shellQuote(f)
	}
	return r.ID
}

// resumeCommand is the command that resumes this assessment exactly.
func resumeCommand(opts *AssessOptions, r *rubric.Rubric) string {
	cmd := opts.prog() + " assess"
	if a := rubricArg(opts, r); a != "" {
		cmd += " --rubric " + a
	}
	return cmd + " -o " + shellQuote(opts.Output)
}

// resumeDraftCommand resumes a draft kept for another rubric.
func resumeDraftCommand(opts *AssessOptions, d *draft.Draft) string {
	cmd := opts.prog() + " assess --rubric "
	if d.RubricFile != "" {
		cmd += shellQuote(d.RubricFile)
	} else {
		cmd += d.RubricID
	}
	return cmd + " -o " + shellQuote(opts.Output)
}

func draftRubric(d *draft.Draft, err error) string {
	if !errors.Is(err, draft.ErrOtherRubric) {
		return fmt.Sprintf("rubric %s but no longer fits it (%s)", d.RubricID, firstProblem(err))
	}
	if d.RubricFile != "" {
		return "rubric " + d.RubricID + " from " + report.Clean(d.RubricFile)
	}
	return "rubric " + d.RubricID
}

// shellQuote quotes s for a shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return report.Clean(s)
	}
	return "'" + report.Clean(strings.ReplaceAll(s, "'", `'\''`)) + "'"
}

// session is what an interrupted assessment has to say: whether the file
// existed, and where the answers are kept.
type session struct {
	opts   *AssessOptions
	rubric *rubric.Rubric
	exists bool
	// draft holds this session's answers, if any; earlier is a draft the
	// user chose not to resume, kept until this session has news.
	draft   string
	earlier *draft.Draft
}

// keptIn says where the answers are kept, for a message.
func (s *session) keptIn() string {
	if s.draft == "" {
		return ""
	}
	return " (your answers are kept in the draft " + s.draft + ")"
}

func (s *session) interrupted(err error) error {
	if !errors.Is(err, assess.ErrInterrupted) {
		return err
	}
	msg := "interrupted; nothing was saved"
	if s.exists {
		msg = fmt.Sprintf("interrupted; %s is untouched", report.Clean(s.opts.Output))
	}
	switch {
	case s.draft != "":
		msg += fmt.Sprintf(". Your answers so far are kept in %s; run '%s' to resume", s.draft, resumeCommand(s.opts, s.rubric))
	case s.earlier != nil:
		msg += fmt.Sprintf(". The answers you left unfinished %s are still in %s; run '%s' to resume them", draftDate(s.earlier), s.earlier.Path, resumeCommand(s.opts, s.rubric))
	}
	return &ExitError{Code: ExitInterrupted, Err: errors.New(msg)}
}
