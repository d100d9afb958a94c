package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/pipeline"
	"github.com/skillgap/skillgap/profiles"
)

// recordsPerBatch amortises the hand-off between goroutines; a batch of
// profile-sized records is a few hundred kilobytes at most.
const recordsPerBatch = 64

// eachRecord reads the records of inputs in order, runs work on each on all
// cores, and hands the outputs to consume in input order, in flat memory.
func eachRecord[Out any](inputs []string, stdin io.Reader, work func(profiles.Record) Out, consume func(Out) error) error {
	return pipeline.Ordered(0, 8,
		func(emit func([]profiles.Record) error) error {
			batch := make([]profiles.Record, 0, recordsPerBatch)
			err := profiles.Walk(inputs, stdin, func(rec profiles.Record) error {
				batch = append(batch, rec)
				if len(batch) == recordsPerBatch {
					if err := emit(batch); err != nil {
						return err
					}
					batch = make([]profiles.Record, 0, recordsPerBatch)
				}
				return nil
			})
			if err == nil && len(batch) > 0 {
				err = emit(batch)
			}
			return err
		},
		func(batch []profiles.Record) []Out {
			outs := make([]Out, len(batch))
			for i, rec := range batch {
				outs[i] = work(rec)
			}
			return outs
		},
		func(outs []Out) error {
			for _, o := range outs {
				if err := consume(o); err != nil {
					return err
				}
			}
			return nil
		})
}

// progress shows a count on stderr while a long batch runs, only when stderr
// is a terminal, and only after the work has taken more than a moment.
type progress struct {
	w     io.Writer
	verb  string
	on    bool
	start time.Time
	last  time.Time
	n     int
	shown bool
}

func newProgress(ios *iostreams.IOStreams, verb string) *progress {
	now := time.Now()
	return &progress{w: ios.ErrOut, verb: verb, on: ios.ErrTTY, start: now, last: now}
}

func (p *progress) add(n int) {
	p.n += n
	if !p.on || p.n%1024 != 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < 700*time.Millisecond || now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	rate := float64(p.n) / now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\r\x1b[K%s %d profiles (%.0f/s)", p.verb, p.n, rate)
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
