// Package batch runs the batch commands' engine: it reads profile records
// from files, folders and standard input in order, scores them on all cores,
// and hands the results back in input order in flat memory, with a progress
// bar on a terminal.
package batch

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/skillgap/skillgap/internal/pipeline"
	"github.com/skillgap/skillgap/profiles"
)

// recordsPerBatch amortises the hand-off between goroutines; a batch of
// profile-sized records is a few hundred kilobytes at most.
const recordsPerBatch = 64

// outputRecordsPerBatch is the batch of a run that writes every record's
// result (EachFlush): score's JSON is 13 KB a profile, and the results in
// flight (the pipeline's window of 8 batches) then stay within a core's
// cache rather than going out to memory between the worker that writes
// them and the writer that copies them out. Measured on 2 cores, 25 paired
// runs of 20,000 profiles: 16 records took 0.92 of 64's CPU; 8 took no
// less than 16; team, whose results are small, ran 3% slower on 16.
const outputRecordsPerBatch = 16

// Each reads the records of inputs in order, runs work on each on all
// cores, and hands the outputs to consume in input order, in flat memory.
func Each[Out any](inputs []string, stdin io.Reader, prog *Progress, work func(profiles.Record) Out, consume func(Out) error) error {
	return each(recordsPerBatch, inputs, stdin, prog, work, consume, nil)
}

// EachFlush is Each calling flush (when not nil) after each batch of
// outputs is consumed: output buffered by consume then reaches its reader
// as a stream is scored, in a few large writes rather than one per record.
func EachFlush[Out any](inputs []string, stdin io.Reader, prog *Progress, work func(profiles.Record) Out, consume func(Out) error, flush func() error) error {
	return each(outputRecordsPerBatch, inputs, stdin, prog, work, consume, flush)
}

func each[Out any](perBatch int, inputs []string, stdin io.Reader, prog *Progress, work func(profiles.Record) Out, consume func(Out) error, flush func() error) error {
	return pipeline.Ordered(0, 8,
		func(emit func([]profiles.Record) error) error {
			batch := make([]profiles.Record, 0, perBatch)
			err := profiles.Walk(inputs, stdin, func(rec profiles.Record) error {
				prog.read(len(rec.Data) + 1)
				batch = append(batch, rec)
				if len(batch) == perBatch {
					if err := emit(batch); err != nil {
						return err
					}
					batch = make([]profiles.Record, 0, perBatch)
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
			prog.add(len(outs))
			if flush != nil {
				return flush()
			}
			return nil
		})
}

// progress draws a bar on stderr while a long batch runs: only when stderr is
// a terminal, and only once the work has taken more than a moment. With
// inputs whose size is known (files, not folders or stdin) it shows how far
// through them the reading is; otherwise a count.
type Progress struct {
	w     io.Writer
	verb  string
	on    bool
	total int64 // bytes of input, 0 when unknown
	bytes atomic.Int64
	start time.Time
	last  time.Time
	n     int
	shown bool
	now   func() time.Time
}

// NewProgress starts a progress bar on w, drawn only when tty is true.
func NewProgress(w io.Writer, tty bool, verb string, inputs []string) *Progress {
	now := time.Now()
	p := &Progress{w: w, verb: verb, on: tty, start: now, last: now, now: time.Now}
	if p.on {
		for _, in := range inputs {
			st, err := os.Stat(in)
			if in == "-" || err != nil || !st.Mode().IsRegular() {
				p.total = 0
				break
			}
			p.total += st.Size()
		}
	}
	return p
}

func (p *Progress) read(n int) {
	if p != nil && p.on {
		p.bytes.Add(int64(n))
	}
}

func (p *Progress) add(n int) {
	if p == nil {
		return
	}
	p.n += n
	if !p.on {
		return
	}
	now := p.now()
	if now.Sub(p.start) < 700*time.Millisecond || now.Sub(p.last) < 150*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	rate := float64(p.n) / now.Sub(p.start).Seconds()
	if p.total > 0 {
		frac := min(float64(p.bytes.Load())/float64(p.total), 1)
		const width = 24
		full := int(frac * width)
		fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %3.0f%%  %s %d profiles (%.0f/s)", strings.Repeat("#", full), strings.Repeat(".", width-full), 100*frac, p.verb, p.n, rate)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s %d profiles (%.0f/s)", p.verb, p.n, rate)
}

// Done clears the bar.
func (p *Progress) Done() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// Buffers recycles output buffers: a batch's results are about 10 KB each,
// and allocating them afresh was most of the garbage.
type Buffers struct{ pool sync.Pool }

// Get returns an empty buffer.
func (b *Buffers) Get() *[]byte {
	if p, ok := b.pool.Get().(*[]byte); ok {
		*p = (*p)[:0]
		return p
	}
	buf := make([]byte, 0, 16<<10)
	return &buf
}

// Put gives a buffer back once written.
func (b *Buffers) Put(p *[]byte) { b.pool.Put(p) }

// LessGC raises the garbage collector's target for a batch whose live memory
// is small and flat (a team summary's is a few MiB): collecting a quarter as
// often saves a tenth of the run for some MiB more at the peak, kept under
// a soft limit. GOGC or GOMEMLIMIT in the environment win. The returned
// function puts the settings back.
func LessGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(80 << 20)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}
