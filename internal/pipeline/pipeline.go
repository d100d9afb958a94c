// Package pipeline runs work on all cores while keeping results in input order
// and memory flat.
package pipeline

import (
	"errors"
	"runtime"
	"sync"
)

// errStopped tells the producer that the consumer has stopped.
var errStopped = errors.New("pipeline stopped")

// Ordered calls produce, which emits items; runs fn on each item on up to
// workers goroutines (0 means one per CPU); and passes the results to consume
// in the order the items were emitted. At most window items are in flight, so
// memory does not grow with the number of items. The first error from produce
// or consume stops the pipeline and is returned.
func Ordered[In, Out any](workers, window int, produce func(emit func(In) error) error, fn func(In) Out, consume func(Out) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if window < workers {
		window = 2 * workers
	}
	type job struct {
		in  In
		out chan Out
	}
	jobs := make(chan job, window)
	order := make(chan chan Out, window)
	done := make(chan struct{})

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- fn(j.in)
			}
		}()
	}

	var produceErr error
	go func() {
		defer close(order)
		defer close(jobs)
		produceErr = produce(func(in In) error {
			ch := make(chan Out, 1)
			select {
			case order <- ch:
			case <-done:
				return errStopped
			}
			select {
			case jobs <- job{in, ch}:
			case <-done:
				return errStopped
			}
			return nil
		})
	}()

	var consumeErr error
	for ch := range order {
		if consumeErr != nil {
			continue // drain; a job whose item was never sent has no result
		}
		out := <-ch
		if consumeErr = consume(out); consumeErr != nil {
			close(done)
		}
	}
	wg.Wait()
	if consumeErr != nil {
		return consumeErr
	}
	if errors.Is(produceErr, errStopped) {
		return nil
	}
	return produceErr
}
