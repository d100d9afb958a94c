package cli

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/batch"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/report"
	"github.com/skillgap/skillgap/rubric"
	"github.com/spf13/cobra"
)

// TeamOptions holds the flags and dependencies of `skillgap team`.
type TeamOptions struct {
	IO     *iostreams.IOStreams
	Inputs []string
	Target string
	Format string
	Rubric string
	Top    int
	// PeopleLimit is the team size up to which members are named.
	PeopleLimit int
	Prog        string // the program name, in the commands messages suggest

	rubricDirs []string
	rubricFrom string // where --rubric came from, if not the command line
	targetFrom string
}

// NewCmdTeam builds `skillgap team`.
func NewCmdTeam(f *Factory, runF func(*TeamOptions) error) *cobra.Command {
	opts := &TeamOptions{IO: f.IO, Prog: f.prog()}
	cmd := &cobra.Command{
		Use:   "team FILE|DIR|-...",
		Short: "A team: who is ready for what, the bench, a training plan",
		Long: `Score many profiles against one target and summarise them for a manager:
verdict counts and the readiness distribution; every member with readiness,
verdict and the highest rung they are ready for now; the bench (for each rung,
who is ready now and who is almost ready, with the time to ready); a training
plan (for each course of action from the rubric, such as a certificate or a
skill level, who needs it, how many weeks, and how much team readiness it
adds, most per week first); and the shared needs.

Formats: table (fits the terminal, 80 columns in a pipe), markdown, json,
csv (one row per member with a column per requirement, for a spreadsheet
heatmap) and html (one self-contained page with the skills matrix: members
as rows, requirements as columns, each cell the member's level coloured by
met, one short, or two or more short).

Members are named in teams up to --people-limit (1000); larger teams are
counted only, so memory stays flat for any number of profiles (CSV rows are
written as they come, whatever the size).

Inputs are profile files, folders (searched for *.yaml, *.yml, *.json,
*.jsonl and *.ndjson files), JSON Lines files (.jsonl or .ndjson, one profile
per line) and - (JSON Lines on standard input). A bad profile is reported
with its file and line and the others are still counted; the exit code is
then 1.

The target is --target, else the rubric's default (it-manager). All members
must use the same rubric: the first profile's, or --rubric.`,
		Example: `  skillgap team testdata/team/
  skillgap team --format html testdata/team/ > team.html
  skillgap team --target senior-it-manager \
      testdata/team/sara-lindqvist.yaml testdata/team/daniel-kim.yaml
  skillgap team --format json testdata/team/ | jq '.bench[1]'
  skillgap team --format csv testdata/team/ > team-matrix.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("team: name profile files, folders or - (JSON Lines on standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			opts.rubricDirs, opts.rubricFrom = f.rubricDirs(), f.sources["rubric"]
			opts.targetFrom = f.from("target")
			if err := checkFormat(opts.Format, f.from("format"), "table", "json", "markdown", "csv", "html"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runTeam(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Target, "target", "t", "", "career stage to summarise against (default: the rubric's default)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "table, json, markdown, csv (a row per member) or html (the skills matrix)")
	cmd.Flags().StringVar(&opts.Rubric, "rubric", "", "rubric id or file for every member instead of the profiles' own")
	cmd.Flags().IntVar(&opts.Top, "top", 15, "table: show the N largest shared needs and courses (0 or less = all)")
	cmd.Flags().IntVar(&opts.PeopleLimit, "people-limit", assess.DefaultPeopleLimit, "name members only in teams up to this size (larger: counts only, in flat memory)")
	completeTargetAndFormat(cmd, "table", "json", "markdown", "csv", "html")
	return cmd
}

type teamItem struct {
	brief  assess.Brief
	member assess.Member
	r      *rubric.Rubric
	rec    profiles.Record // its source and line, to name it in a message
	err    error
}

func runTeam(opts *TeamOptions) error {
	rs := newRubrics(opts.Rubric, opts.rubricFrom, opts.rubricDirs)
	if err := rs.named(); err != nil {
		return err
	}
	if err := checkTarget(rs, opts.Target, opts.targetFrom); err != nil {
		return err
	}
	var team *assess.TeamAggregator
	var teamRubric *rubric.Rubric
	failed, inputErrs := 0, 0 // profiles that could not be read; those and empty folders
	var rows *report.TeamCSV
	var err error
	if opts.IO.InTTY && slices.Contains(opts.Inputs, "-") {
		fmt.Fprintln(opts.IO.ErrOut, "skillgap: reading profiles from stdin (Ctrl-D to end)")
	}
	// CSV rows stream to stdout as they come: no progress bar among them on
	// the same terminal.
	prog := batch.NewProgress(opts.IO.ErrOut, opts.IO.ErrTTY && !(opts.Format == "csv" && opts.IO.OutTTY), "summarised", opts.Inputs)
	// Once the team is too large to name its members, only the rungs'
	// verdicts are needed, not their time to ready (CSV rows still show the
	// target's); the workers may learn it late, never early.
	var unlisted atomic.Bool
	restoreGC := batch.LessGC()
	err = batch.Each(opts.Inputs, opts.IO.In, prog, func(rec profiles.Record) teamItem {
		p, r, err := rs.check(rec)
		if err != nil {
			return teamItem{err: err}
		}
		target := opts.Target
		if target == "" {
			target = r.Target()
		}
		brief := rs.scorers.For(r).Brief
		if unlisted.Load() {
			brief = rs.scorers.For(r).BriefVerdicts
		}
		b, err := brief(p, target)
		if err != nil {
			return teamItem{err: fmt.Errorf("%s: %w", displayName(rec.String()), err)}
		}
		m := assess.Member{Name: p.Name, File: rec.Source, Evidence: p.Evidence}
		if rec.InLines {
			m.Line = rec.Line
		}
		return teamItem{brief: b, member: m, r: r, rec: profiles.Record{Source: rec.Source, Line: rec.Line, InLines: rec.InLines}}
	}, func(it teamItem) error {
		if it.err == nil && teamRubric != nil && it.r != teamRubric {
			it.err = fmt.Errorf("%s: answers belong to rubric %s, but this team is scored with %s; pass --rubric to choose one", displayName(it.rec.String()), it.r.ID, teamRubric.ID)
		}
		if it.err != nil {
			if !errors.Is(it.err, profiles.ErrNoProfiles) {
				failed++
			}
			inputErrs++
			printErr(opts.IO.ErrOut, opts.Prog, it.err)
			return nil
		}
		if team == nil {
			teamRubric = it.r
			team = assess.NewTeamLimit(it.r, it.brief.Target, opts.PeopleLimit)
		}
		team.Add(it.member, it.brief)
		if !team.Listed() && opts.Format != "csv" {
			unlisted.Store(true)
		}
		if opts.Format == "csv" {
			// One row per member as they come: flat memory for any number.
			if rows == nil {
				st := it.r.Stages[it.brief.Target]
				var cerr error
				if rows, cerr = report.NewTeamCSV(opts.IO.Out, it.r.ID, st.ID, team.Columns()); cerr != nil {
					return cerr
				}
			}
			return rows.Row(team.Person(it.member, it.brief))
		}
		return nil
	})
	restoreGC()
	prog.Done()
	rs.warnOverridden(opts.IO.ErrOut, "scored with")
	if err != nil {
		return err
	}
	if team == nil {
		// Nothing scored: still a well-formed (empty) summary.
		r, rerr := rs.forProfile(&profiles.Profile{})
		if rerr != nil {
			r = rubric.Default()
		}
		si := r.StageIndex(opts.Target)
		if si < 0 {
			si = r.StageIndex(r.Target())
		}
		team, teamRubric = assess.NewTeamLimit(r, si, opts.PeopleLimit), r
	}
	sum := team.Summary(failed)
	if sum.Members == 0 && inputErrs > 0 {
		// Nothing could be read: no summary of nobody on stdout, only the errors.
		if failed > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "skillgap: none of the %d profiles could be read\n", failed)
		}
		return &ExitError{Code: ExitBadInput}
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		err = report.TeamJSON(&buf, sum)
	case "markdown":
		err = report.TeamMarkdown(&buf, sum)
	case "html":
		err = report.TeamHTML(&buf, sum, teamRubric.Thresholds.Ready, teamRubric.Thresholds.Almost)
	case "csv":
		if rows == nil {
			rows, err = report.NewTeamCSV(&buf, sum.Rubric, sum.Target, sum.Requirements)
		}
		if err == nil {
			err = rows.Flush()
		}
	default:
		err = report.TeamTable(&buf, sum, report.Style{Color: opts.IO.ColorEnabled(), Width: opts.IO.TermWidth}, opts.Top)
	}
	if err != nil {
		return err
	}
	if _, err := opts.IO.Out.Write(buf.Bytes()); err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "skillgap: %d of %d profiles could not be read; the summary counts the other %d\n", failed, failed+sum.Members, sum.Members)
	}
	if inputErrs > 0 {
		return &ExitError{Code: ExitBadInput}
	}
	return nil
}
