package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/skillgap/skillgap/internal/input"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/report"
)

// overrides counts the profiles of a run that name a rubric of their own
// which --rubric replaces with another, by the id they name: the run warns
// once for them all, not once for each of thousands of profiles. Workers
// add to it at once.
type overrides struct {
	mu    sync.Mutex
	byID  map[string]*overridden
	other int // profiles naming ids beyond maxOverrideIDs
}

type overridden struct {
	n    int
	file string // the profile, when it is the only one naming the id
}

// maxOverrideIDs bounds the rubric ids kept: a batch whose every profile
// names another id must not grow without end.
const maxOverrideIDs = 100

// maxOverrideLines bounds the warning lines; further ids are counted in one.
const maxOverrideLines = 5

// add counts profile name, which names rubric id.
func (o *overrides) add(name, id string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.byID == nil {
		o.byID = map[string]*overridden{}
	}
	c, ok := o.byID[id]
	if !ok {
		if len(o.byID) >= maxOverrideIDs {
			o.other++
			return
		}
		c = &overridden{file: name}
		o.byID[id] = c
	}
	c.n++
}

// warn writes one line for each rubric id the profiles named, the most named
// first: "a.yaml names rubric it-manager; scored with software-engineer
// (--rubric wins)", or for several profiles "12 profiles name rubric ...".
// used says what was done with rubric with ("scored with"); from says where
// --rubric came from when not the command line (SKILLGAP_RUBRIC).
func (o *overrides) warn(w io.Writer, used, with, from string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	ids := make([]string, 0, len(o.byID))
	for id := range o.byID {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(o.byID[b].n, o.byID[a].n), cmp.Compare(a, b))
	})
	wins := "(--rubric wins)"
	if from != "" {
		wins = "(--rubric wins, set by " + report.Clean(from) + ")"
	}
	rest, restIDs := o.other, 0
	for i, id := range ids {
		c := o.byID[id]
		if i >= maxOverrideLines {
			rest += c.n
			restIDs++
			continue
		}
		who := fmt.Sprintf("%d profiles name", c.n)
		if c.n == 1 {
			who = report.Clean(displayName(c.file)) + " names"
		}
		fmt.Fprintf(w, "skillgap: warning: %s rubric %s; %s %s %s\n", who, report.Clean(input.Short(id)), used, with, wins)
	}
	if rest > 0 {
		who := fmt.Sprintf("%d more profiles name", rest)
		if rest == 1 {
			who = "1 more profile names"
		}
		others := "other rubrics"
		if restIDs == 1 && o.other == 0 {
			others = "another rubric"
		}
		fmt.Fprintf(w, "skillgap: warning: %s %s; %s %s %s\n", who, others, used, with, wins)
	}
}

// overridden notes profile p, read from name, when it names a rubric that
// --rubric replaces with one of another id.
func (rs *rubrics) overridden(name string, p *profiles.Profile) {
	if p == nil || p.Rubric == "" || rs.overrideID == "" || p.Rubric == rs.overrideID {
		return
	}
	rs.overrides.add(name, p.Rubric)
}

// warnOverridden writes the warnings for the profiles whose rubric --rubric
// replaced (see overrides.warn).
func (rs *rubrics) warnOverridden(w io.Writer, used string) {
	if rs.overrideID != "" {
		rs.overrides.warn(w, used, rs.overrideID, rs.overrideFrom)
	}
}
