package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skillgap/skillgap/assess"
	"github.com/skillgap/skillgap/internal/draft"
	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

// enterPrompter presses Enter at every question (takes the default), except
// the inputs and confirms it has answers for; it can interrupt at a question.
func assessFactory(t *testing.T, pr assess.Prompter) (*Factory, *iostreams.IOStreams, string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	ios, _, _, _ := iostreams.Test()
	state := filepath.Join(dir, "state")
	return &Factory{IO: ios, Prompter: pr,
		Getenv: func(k string) string {
			if k == "XDG_STATE_HOME" {
				return state
			}
			return ""
		},
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) },
	}, ios, state
}

func TestAssessSavesAProfile(t *testing.T) {
	pr := &testkit.Prompter{Answers: map[string]any{"name": "Jo", "experience.it_years": "3.5"}}
	f, ios, state := assessFactory(t, pr)
	if code := Main([]string{"assess", "-o", "me.yaml"}, f); code != 0 {
		t.Fatalf("exit %d: %s", code, ios.ErrOut)
	}
	p, err := profiles.LoadFile("me.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Jo" || p.Experience.ITYears != 3.5 || p.Updated != "2026-11-25" || p.Target != "it-manager" {
		t.Errorf("saved %+v", p)
	}
	st, _ := os.Stat("me.yaml")
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	out := ios.Out.(interface{ String() string }).String()
	if !strings.Contains(out, "Readiness for IT Manager: ") || !strings.Contains(out, "Top 3 gaps:") {
		t.Errorf("no result shown:\n%s", out)
	}
	if drafts, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*")); len(drafts) != 0 {
		t.Errorf("draft left after saving: %v", drafts)
	}
}

func TestAssessInterruptKeepsFileAndDraftThenResumes(t *testing.T) {
	pr := &testkit.Prompter{Answers: map[string]any{"name": "Old"}}
	f, ios, _ := assessFactory(t, pr)
	if code := Main([]string{"assess"}, f); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, ios.ErrOut)
	}
	before, _ := os.ReadFile("profile.yaml")

	// Re-assess, change the name, press Ctrl-C at the cloud skill.
	f.Prompter = &testkit.Prompter{Answers: map[string]any{"name": "New"}, Interrupt: "skills.cloud"}
	ios2, _, _, _ := iostreams.Test()
	f.IO = ios2
	code := Main([]string{"assess"}, f)
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want 130", code)
	}
	if after, _ := os.ReadFile("profile.yaml"); string(after) != string(before) {
		t.Error("profile.yaml changed by an interrupted assessment")
	}
	if !strings.Contains(ios2.ErrOut.(interface{ String() string }).String(), "Your answers so far are kept in") {
		t.Errorf("stderr: %s", ios2.ErrOut)
	}

	// The next run offers the draft first; accepting starts from "New".
	pr3 := &testkit.Prompter{}
	f.Prompter = pr3
	if code := Main([]string{"assess"}, f); code != 0 {
		t.Fatalf("resume: exit %d", code)
	}
	if pr3.IDs()[0] != "resume" {
		t.Errorf("first question %q, want resume", pr3.IDs()[0])
	}
	p, _ := profiles.LoadFile("profile.yaml", nil)
	if p.Name != "New" {
		t.Errorf("resumed name %q", p.Name)
	}
}

func TestAssessDeclineReplaceKeepsFile(t *testing.T) {
	f, _, _ := assessFactory(t, &testkit.Prompter{Answers: map[string]any{"name": "A"}})
	Main([]string{"assess"}, f)
	before, _ := os.ReadFile("profile.yaml")
	f.Prompter = &testkit.Prompter{Answers: map[string]any{"name": "B", "replace": false}}
	if code := Main([]string{"assess"}, f); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if after, _ := os.ReadFile("profile.yaml"); string(after) != string(before) {
		t.Error("file replaced although the user said no")
	}
}

func TestAssessRefusesWithoutATerminal(t *testing.T) {
	for _, args := range [][]string{{"assess"}, {"assess", "--no-input"}} {
		ios, _, out, errOut := iostreams.Test()
		code := Main(args, &Factory{IO: ios, Getenv: func(string) string { return "" }})
		if code != ExitUsage || out.Len() != 0 || !strings.Contains(errOut.String(), "skillgap schema profile") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestAssessRefusesABrokenProfile(t *testing.T) {
	f, ios, _ := assessFactory(t, &testkit.Prompter{})
	if err := os.WriteFile("profile.yaml", []byte("version: 1\nskills: {clod: 2}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code := Main([]string{"assess"}, f)
	msg := ios.ErrOut.(interface{ String() string }).String()
	if code != ExitBadInput || !strings.Contains(msg, "profile.yaml: line 2: skills.clod: unknown skill (did you mean cloud?)") {
		t.Errorf("exit %d, stderr %q", code, msg)
	}
}

func errText(ios *iostreams.IOStreams) string {
	return ios.ErrOut.(interface{ String() string }).String()
}

// Ctrl-C before any file existed says nothing was saved, never that the file
// is untouched; with nothing answered yet there is no draft either.
func TestAssessInterruptedNewFileSaysNothingWasSaved(t *testing.T) {
	f, ios, state := assessFactory(t, &testkit.Prompter{Interrupt: "name"})
	if code := Main([]string{"assess", "-o", "me.yaml"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	if msg := errText(ios); !strings.Contains(msg, "interrupted; nothing was saved\n") || strings.Contains(msg, "untouched") || strings.Contains(msg, "kept in") {
		t.Errorf("stderr %q", msg)
	}
	if drafts, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*")); len(drafts) != 0 {
		t.Errorf("a draft of no answers: %v", drafts)
	}
	if _, err := os.Stat("me.yaml"); err == nil {
		t.Error("me.yaml written")
	}

	f.Prompter = &testkit.Prompter{Answers: map[string]any{"name": "Jo"}, Interrupt: "skills.cloud"}
	ios2, _, _, _ := iostreams.Test()
	f.IO = ios2
	if code := Main([]string{"assess", "-o", "me.yaml"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	if msg := errText(ios2); !strings.Contains(msg, "interrupted; nothing was saved. Your answers so far are kept in ") || strings.Contains(msg, "untouched") {
		t.Errorf("stderr %q", msg)
	}
}

// Re-assessing and changing nothing keeps no draft; a draft that answers
// what the file does is not offered; a draft the user chose not to resume is
// not overwritten by answers that are the file's own, and the message says
// where it still is.
func TestAssessNoDraftWhenNothingChanged(t *testing.T) {
	f, ios, state := assessFactory(t, &testkit.Prompter{Answers: map[string]any{"name": "Old", "skills.cloud": 2}})
	if code := Main([]string{"assess"}, f); code != 0 {
		t.Fatalf("exit %d: %s", code, errText(ios))
	}
	drafts := func() []string {
		d, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*.yaml"))
		return d
	}

	// Enter through to Ctrl-C: no change, no draft.
	f.Prompter = &testkit.Prompter{Interrupt: "skills.databases"}
	ios2, _, _, _ := iostreams.Test()
	f.IO = ios2
	if code := Main([]string{"assess"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	if msg := errText(ios2); !strings.Contains(msg, "interrupted; profile.yaml is untouched\n") || strings.Contains(msg, "kept in") {
		t.Errorf("stderr %q", msg)
	}
	if d := drafts(); len(d) != 0 {
		t.Fatalf("draft of unchanged answers: %v", d)
	}

	// A change, then changed back: the draft goes again.
	f.Prompter = &testkit.Prompter{Answers: map[string]any{"name": "New", "review": testkit.Seq{"name"}}, Interrupt: "replace"}
	f.Prompter.(*testkit.Prompter).Answers["name"] = testkit.Seq{"New", "Old"}
	if code := Main([]string{"assess"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	if d := drafts(); len(d) != 0 {
		t.Fatalf("draft of answers changed back: %v", d)
	}

	// A real change, interrupted: a draft.
	f.Prompter = &testkit.Prompter{Answers: map[string]any{"name": "New"}, Interrupt: "skills.cloud"}
	Main([]string{"assess"}, f)
	if len(drafts()) != 1 {
		t.Fatal("no draft of a changed answer")
	}
	kept, _ := os.ReadFile(drafts()[0])

	// Not resumed, then Ctrl-C at the first question, or after answers
	// that are the file's own: the draft stays as it was, and is named.
	for _, interrupt := range []string{"name", "skills.cloud"} {
		pr := &testkit.Prompter{Answers: map[string]any{"resume": false}, Interrupt: interrupt}
		f.Prompter = pr
		ios3, _, _, _ := iostreams.Test()
		f.IO = ios3
		if code := Main([]string{"assess"}, f); code != ExitInterrupted {
			t.Fatalf("exit %d", code)
		}
		if pr.IDs()[0] != "resume" {
			t.Errorf("not offered: %v", pr.IDs())
		}
		if now, _ := os.ReadFile(drafts()[0]); string(now) != string(kept) {
			t.Errorf("Ctrl-C at %s: the declined draft was replaced:\n%s", interrupt, now)
		}
		msg := errText(ios3)
		if !strings.Contains(msg, "interrupted; profile.yaml is untouched. The answers you left unfinished on 2026-11-25 are still in "+drafts()[0]) ||
			strings.Contains(msg, "Your answers so far") {
			t.Errorf("Ctrl-C at %s: stderr %q", interrupt, msg)
		}
	}

	// A draft that answers what the file does is not offered, and goes.
	p, _ := profiles.LoadFile("profile.yaml", nil)
	if err := (draft.Store{Dir: filepath.Join(state, "skillgap")}).Save("profile.yaml", p, rubric.Default()); err != nil {
		t.Fatal(err)
	}
	pr := &testkit.Prompter{Interrupt: "target"}
	f.Prompter = pr
	Main([]string{"assess"}, f)
	if pr.IDs()[0] != "name" || len(drafts()) != 0 {
		t.Errorf("asked %v, drafts %v", pr.IDs(), drafts())
	}
}
