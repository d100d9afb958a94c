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
// result (EachWrite): score's JSON is 13 KB a profile, and the results in
// flight (the pipeline's window of 8 batches) then stay within a core's
// cache rather than going out to memory between the worker that writes
// them and the writer that copies them out. Measured on 2 cores, 25 paired
// runs of 20,000 profiles: 16 records took 0.92 of 64's CPU; 8 took no
// less than 16; team, whose results are small, ran 3% slower on 16.
const outputRecordsPerBatch = 16

// Each reads the records of inputs in order, runs work on each on all
// cores, and hands the outputs to consume in input order, in flat memory.
func Each[Out any](inputs []string, stdin io.Reader, prog *Progress, work func(profiles.Record) Out, consume func(Out) error) error {
	return each(recordsPerBatch, inputs, stdin, prog, work, consume)
}

func each[Out any](perBatch int, inputs []string, stdin io.Reader, prog *Progress, work func(profiles.Record) Out, consume func(Out) error) error {
	return pipeline.Ordered(0, 8, produce(perBatch, inputs, stdin, prog),
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
			return nil
		})
}

// produce emits the records of inputs in batches of perBatch.
func produce(perBatch int, inputs []string, stdin io.Reader, prog *Progress) func(emit func([]profiles.Record) error) error {
	return func(emit func([]profiles.Record) error) error {
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
	}
}

// EachWrite is Each for a run whose records each write their output to w: work appends a record's output to buf, the memory of its batch,
// and returns it; a record that appends nothing (one that failed) has no
// output. The outputs of a batch go to w from the memory they were made
// in, in one write, rather than copied into a buffered writer first (one
// copy of every byte fewer: measured, score's 13 KB a profile, 0.98 of the
// CPU over 9 paired runs of 100,000 profiles). consume is called with each Out in input
// order; for a record with no output, once every output before it has
// reached w.
func EachWrite[Out any](inputs []string, stdin io.Reader, prog *Progress, work func(rec profiles.Record, buf []byte) ([]byte, Out), w io.Writer, consume func(Out) error) error {
	type item struct {
		out Out
		end int // where the record's output ends in the batch's buffer
	}
	type written struct {
		items []item
		buf   *[]byte
	}
	var bufs buffers
	return pipeline.Ordered(0, 8, produce(outputRecordsPerBatch, inputs, stdin, prog),
		func(batch []profiles.Record) written {
			bp := bufs.Get()
			items := make([]item, len(batch))
			for i, rec := range batch {
				var o Out
				*bp, o = work(rec, *bp)
				items[i] = item{out: o, end: len(*bp)}
			}
			return written{items: items, buf: bp}
		},
		func(wr written) error {
			b := *wr.buf
			from, start := 0, 0 // b[from:start] is to be written
			for _, it := range wr.items {
				if it.end == start && from < start {
					if _, err := w.Write(b[from:start]); err != nil {
						return err
					}
					from = start
				}
				if err := consume(it.out); err != nil {
					return err
				}
				start = it.end
			}
			if from < start {
				if _, err := w.Write(b[from:start]); err != nil {
					return err
				}
			}
			bufs.Put(wr.buf)
			prog.add(len(wr.items))
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

// buffers recycles output buffers: a batch's results are about 13 KB each,
// and allocating them afresh was most of the garbage.
type buffers struct{ pool sync.Pool }

// Get returns an empty buffer.
func (b *buffers) Get() *[]byte {
	if p, ok := b.pool.Get().(*[]byte); ok {
		*p = (*p)[:0]
		return p
	}
	buf := make([]byte, 0, 16<<10)
	return &buf
}

// Put gives a buffer back once written.
func (b *buffers) Put(p *[]byte) { b.pool.Put(p) }

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
