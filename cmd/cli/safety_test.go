package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/skillgap/skillgap/internal/testkit"
	"github.com/skillgap/skillgap/profiles"
)

// runWith runs skillgap with the given environment (nothing else is seen).
func runWith(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	code := Main(args, &Factory{IO: ios, Getenv: func(k string) string { return env[k] }})
	return code, out.String(), errOut.String()
}

// finishes fails the test when fn does not return within a few seconds: a
// FIFO must never make skillgap wait.
func finishes(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: still waiting after 10 s", what)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

const miniRubricPath = "../../testdata/rubrics/mini.yaml"

// A profile names its rubric by id: a path in it is refused without opening
// anything, and a FIFO given as a rubric file is refused, not waited on.
func TestProfileCannotOpenFiles(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.yaml")
	writeFile(t, secret, "password: hunter2\n")
	p := filepath.Join(dir, "p.yaml")
	writeFile(t, p, "version: 1\nrubric: "+secret+"\n")
	code, _, errOut := run(t, "", "team", p)
	if code != ExitBadInput || strings.Contains(errOut, "hunter2") || strings.Contains(errOut, "password") || !strings.Contains(errOut, "is not a rubric id") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	finishes(t, "--rubric FIFO", func() {
		code, _, errOut = run(t, "", "score", "--rubric", fifo, "../../testdata/profiles/alex.yaml")
	})
	if code == 0 || !strings.Contains(errOut, "fifo.yaml: not a regular file: it is a named pipe") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// In a folder of profiles, a FIFO and a link to a device are not read.
	team := filepath.Join(dir, "team")
	writeFile(t, filepath.Join(team, "a.yaml"), "version: 1\nname: A\n")
	if err := syscall.Mkfifo(filepath.Join(team, "b.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(team, "c.jsonl")); err != nil {
		t.Fatal(err)
	}
	var out string
	finishes(t, "team over a folder with a FIFO", func() {
		code, out, errOut = run(t, "", "team", "-f", "json", team)
	})
	if code != 0 || !strings.Contains(out, `"members": 1`) {
		t.Errorf("exit %d, stdout %.200s, stderr %q", code, out, errOut)
	}
	// A folder named through a link is walked, with or without a trailing slash.
	link := filepath.Join(dir, "teamlink")
	if err := os.Symlink(team, link); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{link, link + "/"} {
		finishes(t, "team over a linked folder", func() {
			code, out, errOut = run(t, "", "team", "-f", "json", arg)
		})
		if code != 0 || !strings.Contains(out, `"members": 1`) {
			t.Errorf("%s: exit %d, stdout %.200s, stderr %q", arg, code, out, errOut)
		}
	}
}

// One rule for the user's rubrics: a rubric is found by its id, which is the
// file's name; list warns where they differ and where one shadows a built-in,
// and show, export and scoring all use the same one.
func TestUserRubricsOneRule(t *testing.T) {
	cfg := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": cfg}
	mini, err := os.ReadFile(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cfg, "skillgap", "rubrics")
	writeFile(t, filepath.Join(dir, "helpdesk.yaml"), strings.Replace(string(mini), "id: mini", "id: help-desk-lead", 1))
	writeFile(t, filepath.Join(dir, "it-manager.yaml"), strings.Replace(string(mini), "id: mini", "id: it-manager", 1))

	code, out, errOut := runWith(t, env, "", "rubric", "list")
	if code != 0 || !strings.Contains(errOut, "helpdesk.yaml: its id is help-desk-lead but the file is named helpdesk.yaml") ||
		!strings.Contains(errOut, "it-manager.yaml: takes the place of the built-in rubric it-manager") {
		t.Errorf("list: exit %d, stdout %s, stderr %q", code, out, errOut)
	}
	code, _, errOut = runWith(t, env, "", "rubric", "show", "help-desk-lead")
	if code != ExitUsage || !strings.Contains(errOut, "helpdesk.yaml has that id, but a rubric is found by its file name; rename it to help-desk-lead.yaml") {
		t.Errorf("show: exit %d, stderr %q", code, errOut)
	}
	// The user's it-manager takes the place of the built-in one everywhere.
	code, out, _ = runWith(t, env, "", "rubric", "show", "it-manager")
	if code != 0 || !strings.Contains(out, "Mini ladder") {
		t.Errorf("show: exit %d, %.100s", code, out)
	}
	code, out, _ = runWith(t, env, "", "rubric", "export", "it-manager")
	if code != 0 || !strings.Contains(out, "Mini ladder") {
		t.Errorf("export: exit %d, %.100s", code, out)
	}
}

// hostile holds what a profile or rubric might carry to take over a terminal:
// clear screen, an OSC 52 clipboard write, an OSC 8 link, a carriage return
// and a right-to-left override.
const hostile = "Eve\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\rX\u202eevil\u009b2J"

func rawControl(s string) bool {
	return strings.ContainsAny(s, "\x1b\r\x07\u202e")
}

// Text from files never reaches a terminal raw, in any human output or
// message; JSON keeps the exact value.
func TestHostileTextIsMadeVisible(t *testing.T) {
	dir := t.TempDir()
	quoted := strings.ReplaceAll(strings.ReplaceAll(hostile, "\\", "\\\\"), "\x1b", "\\e")
	quoted = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(quoted, "\x07", "\\a"), "\r", "\\r"), "\u202e", "\\u202E")
	quoted = strings.ReplaceAll(quoted, "\u009b", "\\u009B")
	p := filepath.Join(dir, "eve.yaml")
	writeFile(t, p, "version: 1\nname: \""+quoted+"\"\nskills: {cloud: 2}\nevidence: {cloud: \""+quoted+"\"}\n")
	bad := filepath.Join(dir, "bad\x1b[2J.yaml")
	writeFile(t, bad, "version: 1\nskills: {\"cl\\eoud\": 2}\n")
	rub, err := os.ReadFile(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	rubFile := filepath.Join(dir, "evil-rubric.yaml")
	writeFile(t, rubFile, strings.Replace(string(rub), "name: Mini ladder", "name: \""+quoted+"\"", 1))
	cfg := t.TempDir()
	writeFile(t, filepath.Join(cfg, "skillgap", "rubrics", "mini.yaml"), strings.Replace(string(rub), "name: Mini ladder", "name: \""+quoted+"\"", 1))
	env := map[string]string{"XDG_CONFIG_HOME": cfg}
	// A key holding a newline must not forge a line of output.
	nl := filepath.Join(dir, "nl.yaml")
	writeFile(t, nl, "version: 1\nskills: {\"a\\nskillgap: all good\": 2}\n")
	for _, args := range [][]string{
		{"score", p}, {"score", "--explain", p}, {"team", p}, {"score", bad}, {"team", bad, p},
		{"report", "--format", "markdown", p}, {"report", "--format", "csv", p},
		{"rubric", "show", rubFile}, {"rubric", "list"}, {"score", "--rubric", rubFile, "--target", "senior", p},
		{"score", "--target", "x\x1b[2J", p}, {"report", "--format", "html", p},
		{"score", "-f", "json", p}, {"report", "--format", "json", p}, {"team", "-f", "json", p},
		{"score", nl}, {"rubric", "validate", rubFile},
	} {
		code, out, errOut := runWith(t, env, "", args...)
		if rawControl(out) || rawControl(errOut) || strings.Contains(out+errOut, "\u009b") || strings.Contains(errOut, "\nskillgap: all good") {
			t.Errorf("%q (exit %d) prints raw control characters:\n%q\n%q", args, code, out, errOut)
		}
	}
	_, out, _ := runWith(t, env, "", "score", "-f", "json", p)
	if !strings.Contains(out, `"name":"Eve\u001b[2J`) || !strings.Contains(out, `X\u202eevil`) {
		t.Errorf("JSON does not keep the exact name: %.120s", out)
	}
	_, out, _ = runWith(t, env, "", "score", p)
	if !strings.Contains(out, `Eve\x1b[2J\x1b]52;c;ZXZpbA==\x07`) || !strings.Contains(out, "<U+202E>evil") {
		t.Errorf("the name is not shown with its escapes visible:\n%.300s", out)
	}
}

// A megabyte-long unknown key gets no costly hint: the record is refused at
// once. (The cost is measured by BenchmarkHintOnLongKey; here, that it is
// refused with a message that does not repeat the key.)
func TestLongUnknownKeyIsCheap(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "long.jsonl")
	line := `{"version":1,"skills":{"` + strings.Repeat("k", 1<<20-64) + `":1}}`
	writeFile(t, p, strings.Repeat(line+"\n", 3))
	code, _, errOut := run(t, "", "score", "-f", "json", p)
	if code != ExitBadInput || strings.Count(errOut, "unknown skill") != 3 || len(errOut) > 64<<10 {
		t.Errorf("exit %d, %d bytes of stderr: %.200q", code, len(errOut), errOut)
	}
}

// NaN is no bar: from the command line, the environment or the config file
// it is refused with exit 2.
func TestMinReadinessNaNIsRefused(t *testing.T) {
	code, _, errOut := run(t, "", "score", "--min-readiness", "NaN", "../../testdata/profiles/alex.yaml")
	if code != ExitUsage || !strings.Contains(errOut, `invalid --min-readiness "NaN": give a number from 0 to 100`) {
		t.Errorf("flag: exit %d, stderr %q", code, errOut)
	}
	configHome(t, "min-readiness: .nan\n")
	code, _, errOut = runEnv(t, false, "score", "../../testdata/profiles/alex.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "NaN") {
		t.Errorf("config file: exit %d, stderr %q", code, errOut)
	}
	t.Setenv("SKILLGAP_MIN_READINESS", "nan")
	code, _, errOut = runEnv(t, false, "score", "../../testdata/profiles/alex.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "NaN") {
		t.Errorf("environment: exit %d, stderr %q", code, errOut)
	}
}

// JSON Lines on stdin whose first record is over 64 KiB (under the 1 MiB
// limit) are read like the same file given by name.
func TestBigFirstRecordOnStdin(t *testing.T) {
	big := `{"version":1,"name":"` + strings.Repeat("n", 100<<10) + `","skills":{"cloud":2}}`
	stdin := big + "\n" + `{"version":1,"name":"Second"}` + "\n"
	code, out, errOut := run(t, stdin, "score", "-f", "json", "-")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"name":"Second"`) || !strings.Contains(out, `"line":2`) {
		t.Errorf("exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errOut)
	}
}

// --target over a batch that mixes rubrics: a profile whose rubric lacks the
// target is reported like any bad record, and the rest are scored.
func TestTargetOverMixedRubrics(t *testing.T) {
	cfg := t.TempDir()
	mini, err := os.ReadFile(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(cfg, "skillgap", "rubrics", "mini.yaml"), string(mini))
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	writeFile(t, a, "version: 1\nname: IT person\n")
	b := filepath.Join(dir, "b.yaml")
	writeFile(t, b, "version: 1\nname: Mini person\nrubric: mini\nskills: {go: 3}\n")
	code, out, errOut := runWith(t, map[string]string{"XDG_CONFIG_HOME": cfg}, "", "score", "-f", "json", "--target", "senior", a, b)
	if code != ExitBadInput || !strings.Contains(errOut, `a.yaml: unknown target "senior"`) || !strings.Contains(out, `"name":"Mini person"`) {
		t.Errorf("exit %d, stdout %.100s, stderr %q", code, out, errOut)
	}
}

// Without HOME or XDG_STATE_HOME no draft is kept anywhere (a shared folder
// would let another user plant one), and the person is told.
func TestNoDraftsWithoutAPrivatePlace(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ios, _, _, errOut := iostreams.Test()
	f := &Factory{IO: ios, Prompter: &testkit.Prompter{Interrupt: "skills.cloud"}, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }}
	if code := Main([]string{"assess", "-o", "me.yaml"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "not kept as a draft") || strings.Contains(errOut.String(), "to resume") {
		t.Errorf("stderr %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(os.TempDir(), "skillgap-state")); err == nil {
		t.Error("a shared draft folder exists")
	}
}

// An assessment from a rubric file, interrupted: the printed command resumes
// it exactly; run without the rubric, the draft is kept and the way to
// resume it said; answers for another rubric are never mixed in.
func TestDraftsRememberTheirRubric(t *testing.T) {
	rub, err := filepath.Abs(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	pr := &testkit.Prompter{Answers: map[string]any{"name": "Mo"}, Interrupt: "skills.sql"}
	f, ios, state := assessFactory(t, pr)
	if code := Main([]string{"assess", "--rubric", rub, "-o", "me.yaml"}, f); code != ExitInterrupted {
		t.Fatalf("exit %d", code)
	}
	errText := ios.ErrOut.(interface{ String() string }).String()
	if !strings.Contains(errText, "run 'skillgap assess --rubric "+rub+" -o me.yaml' to resume") {
		t.Fatalf("stderr %q", errText)
	}
	drafts, _ := filepath.Glob(filepath.Join(state, "skillgap", "drafts", "*.yaml"))
	if len(drafts) != 1 {
		t.Fatalf("drafts %v", drafts)
	}
	kept, _ := os.ReadFile(drafts[0])

	// Without --rubric: the it-manager questionnaire must not overwrite it.
	pr2 := &testkit.Prompter{Interrupt: "skills.cloud"}
	f.Prompter = pr2
	ios2, _, _, errOut := iostreams.Test()
	f.IO = ios2
	Main([]string{"assess", "-o", "me.yaml"}, f)
	if !strings.Contains(errOut.String(), "answers rubric mini from "+rub+"; it is kept in") || !strings.Contains(errOut.String(), "Resume it with: skillgap assess --rubric "+rub+" -o me.yaml") {
		t.Errorf("stderr %q", errOut)
	}
	if now, _ := os.ReadFile(drafts[0]); string(now) != string(kept) {
		t.Error("the draft was overwritten")
	}

	// The printed command resumes it: the name given before is the default.
	pr3 := &testkit.Prompter{}
	f.Prompter = pr3
	ios3, _, _, errOut3 := iostreams.Test()
	f.IO = ios3
	if code := Main([]string{"assess", "--rubric", rub, "-o", "me.yaml"}, f); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut3)
	}
	p, err := profiles.LoadFile("me.yaml", nil)
	if err != nil || p.Name != "Mo" || p.Rubric != "mini" {
		t.Fatalf("saved %+v, %v", p, err)
	}
	if _, err := os.Stat(drafts[0]); err == nil {
		t.Error("the draft outlived the save")
	}

	// me.yaml now holds mini answers: answering it-manager into it asks
	// first, and no (the default) leaves it as it is.
	before, _ := os.ReadFile("me.yaml")
	f.Prompter = &testkit.Prompter{}
	ios4, _, _, errOut4 := iostreams.Test()
	f.IO = ios4
	if code := Main([]string{"assess", "--rubric", "it-manager", "-o", "me.yaml"}, f); code != ExitBadInput || !strings.Contains(errOut4.String(), "holds answers for rubric mini and is left as it is") {
		t.Errorf("exit %d: %s", code, errOut4)
	}
	if after, _ := os.ReadFile("me.yaml"); string(after) != string(before) {
		t.Error("me.yaml changed")
	}
}

type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// Output that could not be written is never a success; an unknown shell for
// completion is a usage error.
func TestWriteErrorsAndCompletionArgs(t *testing.T) {
	for _, args := range [][]string{{"rubric", "list"}, {"rubric", "show", "it-manager"}, {"schema", "profile"}, {"score", "../../testdata/profiles/alex.yaml"}, {"completion", "bash"}} {
		ios, _, _, errOut := iostreams.Test()
		ios.Out = fullDisk{}
		if code := Main(args, &Factory{IO: ios, Getenv: func(string) string { return "" }}); code == 0 || !strings.Contains(errOut.String(), "no space left") {
			t.Errorf("%v to a full disk: exit %d, stderr %q", args, code, errOut)
		}
	}
	code, _, errOut := run(t, "", "completion", "bogus")
	if code != ExitUsage || !strings.Contains(errOut, `"bogus" is not a shell`) {
		t.Errorf("completion bogus: exit %d, %q", code, errOut)
	}
}

// An id stays an id: a file of that name in the current folder is not read
// in its place; and many unknown ids do not read the user's rubrics again
// for each record.
func TestRubricIDIsNeverAFile(t *testing.T) {
	mini, err := os.ReadFile(miniRubricPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, filepath.Join(dir, "it-manager"), string(mini))
	code, out, errOut := run(t, "", "rubric", "show", "it-manager")
	if code != 0 || strings.Contains(out, "Mini ladder") || !strings.Contains(out, "IT Manager (it-manager)") {
		t.Errorf("exit %d, %.80s %s", code, out, errOut)
	}
}

// A config file is read like any input: a device or FIFO is refused at once,
// and a list where one value belongs is an error, not silence.
func TestConfigFileIsReadSafely(t *testing.T) {
	code, _, errOut := run(t, "", "--config", "/dev/zero", "rubric", "list")
	if code != ExitUsage || !strings.Contains(errOut, "/dev/zero: not a regular file: it is a device") {
		t.Errorf("/dev/zero: exit %d, %q", code, errOut)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "config.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err == nil {
		finishes(t, "--config FIFO", func() { code, _, errOut = run(t, "", "--config", fifo, "rubric", "list") })
		if code != ExitUsage || !strings.Contains(errOut, "named pipe") {
			t.Errorf("FIFO: exit %d, %q", code, errOut)
		}
	}
	list := filepath.Join(dir, "list.yaml")
	writeFile(t, list, "target: [a, b]\n")
	code, _, errOut = run(t, "", "--config", list, "score", "../../testdata/profiles/alex.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "(target): give one value") {
		t.Errorf("list: exit %d, %q", code, errOut)
	}
}

// A report or an export never writes over what it reads: the rubric file,
// nor a profile given on standard input.
func TestOutputsNeverReplaceInputs(t *testing.T) {
	dir := t.TempDir()
	rub := filepath.Join(dir, "r.md")
	mini, _ := os.ReadFile(miniRubricPath)
	writeFile(t, rub, string(mini))
	p := filepath.Join(dir, "sam.yaml")
	writeFile(t, p, "version: 1\nrubric: mini\nskills: {go: 2}\n")
	if code, _, errOut := run(t, "", "report", "--rubric", rub, p, "-o", rub, "--force"); code != ExitUsage || !strings.Contains(errOut, "is the rubric being read") {
		t.Errorf("report over its rubric: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "rubric", "export", rub, "-o", rub, "--force"); code != ExitUsage || !strings.Contains(errOut, "is the rubric being exported") {
		t.Errorf("export over itself: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(rub); string(after) != string(mini) {
		t.Error("the rubric was overwritten")
	}
	in, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	ios, _, _, errOut := iostreams.Test()
	ios.In = in
	code := Main([]string{"report", "--rubric", rub, "-", "-o", p, "--force"}, &Factory{IO: ios, Getenv: func(string) string { return "" }})
	if code != ExitUsage || !strings.Contains(errOut.String(), "is the profile being read") {
		t.Errorf("report from stdin over the same file: exit %d, %q", code, errOut)
	}
}

// A device named as a profile is refused, not read forever; a first record
// on stdin over the 1 MiB limit is reported and the next ones scored; assess
// never writes into a FIFO named as its output.
func TestEndlessAndSpecialInputs(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "z.jsonl")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	var code int
	var errOut string
	finishes(t, "a .jsonl link to /dev/zero", func() { code, _, errOut = run(t, "", "score", link) })
	if code != ExitBadInput || !strings.Contains(errOut, "is a device, not a profile file") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	big := `{"version":1,"name":"` + strings.Repeat("x", 1200<<10) + `"}` + "\n" + `{"version":1,"name":"After"}` + "\n"
	code, out, errOut := run(t, big, "score", "-f", "json", "-")
	if code != ExitBadInput || !strings.Contains(out, `"name":"After"`) || !strings.Contains(errOut, "line 1: line is longer than 1024 KiB") {
		t.Errorf("exit %d, %.80s, %q", code, out, errOut)
	}
	fifo := filepath.Join(dir, "me.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	f, _, _ := assessFactory(t, &testkit.Prompter{})
	ios, _, _, e := iostreams.Test()
	f.IO = ios
	finishes(t, "assess -o FIFO", func() { code = Main([]string{"assess", "-o", fifo}, f) })
	if code != ExitUsage || !strings.Contains(e.String(), "is not a regular file") {
		t.Errorf("assess -o FIFO: exit %d, %q", code, e)
	}
}

// Scoring nothing is no success: a bar cannot be met by an empty input.
func TestNoProfileIsAnError(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	writeFile(t, empty, "\n\n")
	if code, _, errOut := run(t, "", "score", "--min-readiness", "90", empty); code != ExitBadInput || !strings.Contains(errOut, "no profile found in") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
