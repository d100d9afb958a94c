package pipeline

import (
	"errors"
	"testing"
	"time"
)

func TestOrderedKeepsInputOrder(t *testing.T) {
	var got []int
	err := Ordered(4, 8, func(emit func(int) error) error {
		for i := range 1000 {
			if err := emit(i); err != nil {
				return err
			}
		}
		return nil
	}, func(i int) int {
		if i%7 == 0 {
			time.Sleep(time.Microsecond * 50) // some items finish late
		}
		return i * 2
	}, func(o int) error {
		got = append(got, o)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1000 {
		t.Fatalf("%d results", len(got))
	}
	for i, o := range got {
		if o != i*2 {
			t.Fatalf("result %d is %d: out of order", i, o)
		}
	}
}

func TestOrderedStopsOnConsumerError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := Ordered(2, 4, func(emit func(int) error) error {
		for i := 0; ; i++ {
			if err := emit(i); err != nil {
				return err
			}
		}
	}, func(i int) int { return i }, func(int) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("err %v after %d results", err, n)
	}
}

func TestOrderedReturnsProducerError(t *testing.T) {
	bad := errors.New("unreadable")
	err := Ordered(2, 4, func(emit func(int) error) error {
		_ = emit(1)
		return bad
	}, func(i int) int { return i }, func(int) error { return nil })
	if !errors.Is(err, bad) {
		t.Errorf("err %v", err)
	}
}
