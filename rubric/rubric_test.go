package rubric

import "testing"

func TestDefaultRubricLoads(t *testing.T) {
	r, err := Builtin(DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(r.Stages); got != 6 {
		t.Errorf("stages = %d, want 6", got)
	}
}
