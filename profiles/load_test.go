package profiles

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/skillgap/skillgap/rubric"
)

const alexYAML = "version: 1\nname: Alex\nexperience:\n  it_years: 2.5\n  management_years: 1\neducation: [bachelor-it]\ncertifications: [pmp]\nskills:\n  cloud: 3\n"

func TestParseAcceptsYAMLJSONBOMAndCRLF(t *testing.T) {
	inputs := map[string]string{
		"yaml":      alexYAML,
		"crlf":      strings.ReplaceAll(alexYAML, "\n", "\r\n"),
		"bom":       "\xef\xbb\xbf" + alexYAML,
		"json":      `{"version":1,"name":"Alex","experience":{"it_years":2.5,"management_years":1},"education":["bachelor-it"],"certifications":["pmp"],"skills":{"cloud":3}}`,
		"json-tabs": "{\n\t\"version\": 1,\n\t\"name\": \"Alex\",\n\t\"experience\": {\"it_years\": 2.5, \"management_years\": 1},\n\t\"education\": [\"bachelor-it\"],\n\t\"certifications\": [\"pmp\"],\n\t\"skills\": {\"cloud\": 3}\n}\n",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			p, err := Parse("p."+name, []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != "Alex" || p.Experience.ITYears != 2.5 || p.Experience.ManagementYears != 1 || p.Skills["cloud"] != 3 || !p.Holds("pmp") || !p.Holds("bachelor-it") {
				t.Errorf("parsed %+v", p)
			}
		})
	}
}

func TestNameMayHoldAnyCharacters(t *testing.T) {
	p, err := Parse("p.yaml", []byte("version: 1\nname: \"<script>alert('x')</script> O'Brien — 東京\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "<script>alert('x')</script> O'Brien — 東京" {
		t.Errorf("name %q", p.Name)
	}
}

func TestEmptyListsAndNullsAreNone(t *testing.T) {
	p, err := Parse("p.yaml", []byte("version: 1\neducation: []\ncertifications:\nskills: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Education)+len(p.Certifications)+len(p.Skills) != 0 {
		t.Errorf("parsed %+v", p)
	}
}

func FuzzParseProfile(f *testing.F) {
	for _, dir := range []string{"../testdata/profiles", "../testdata/bad"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, file := range files {
			if strings.HasSuffix(file, ".err") {
				continue
			}
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(alexYAML))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// A profile that parses has levels 0..7 (its rubric may allow
		// fewer) and years 0..80.
		for id, lvl := range p.Skills {
			if lvl < rubric.MinLevel || lvl > rubric.TopLevel {
				t.Fatalf("skill %s level %d accepted", id, lvl)
			}
		}
		if y := p.Experience.ITYears; y < 0 || y > 80 || y != y {
			t.Fatalf("it_years %v accepted", y)
		}
	})
}

func TestSaveRoundTripsWithMode0600(t *testing.T) {
	p, err := Parse("in.yaml", []byte(alexYAML+"evidence:\n  cloud: \"Ran the: migration\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.yaml")
	if err := Save(path, p, "2026-11-25"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# skillgap profile, format v1. Schema: `skillgap schema profile`.") {
		t.Errorf("no schema header:\n%s", data)
	}
	back, err := Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Updated != "2026-11-25" || back.Evidence["cloud"] != "Ran the: migration" || back.Skills["cloud"] != 3 || back.Experience.ITYears != 2.5 {
		t.Errorf("read back %+v", back)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

// The fast JSON path and the slow path with line numbers agree: whatever one
// accepts the other accepts with the same answers, and both refuse the same.
func TestFastAndSlowPathsAgree(t *testing.T) {
	lines := []string{
		`{"version":1,"name":"A","experience":{"it_years":2.5,"management_years":1},"education":["bachelor-it"],"certifications":["pmp","aws"],"skills":{"cloud":3},"evidence":{"cloud":"x"},"updated":"2026-01-02"}`,
		`{"version":1}`,
		`{"version":1,"skills":{"cloud":"n/a","networking":2,"budgeting":"n/a","databases":"n/a"}}`,
		`{"version":1,"name":"n/a","skills":{"cloud":3}}`,
		`{"version":1,"experience":{"engineering_years":4,"it_years":1,"lead_years":0.5,"on_call_2":0},"skills":{"cloud":"n/a"}}`,
		`{"version":2}`,
		`{"version":1,"experience":{"engineering_years":-1}}`,
		`{"version":1,"experience":{"engineering_years":81}}`,
		`{"version":1,"experience":{"engineering_years":"4"}}`,
		`{"version":1,"experience":{"engineering_years":4,"engineering_years":5}}`,
		`{"version":1,"experience":{"Engineering Years":4}}`,
		`{"version":1,"experience":{"1st_years":4}}`,
		`{"version":1,"experience":{"lead-years":4}}`,
		`{"version":1,"experience":{"lead_years":[4]}}`,
		`{"version":1,"experience":{"lead_years":null}}`,
		`{"version":1,"experience":{"lead_years":1e1}}`,
		`{"version":1,"skills":{"cloud":"N/A","networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":"n\/a"}}`,
		`{"version":1,"name":"n/a","skills":{"cloud":"n\/a"}}`,
		`{"version":1,"name":"a\/b"}`,
		"{\"version\":1,\"skills\":{\"\x7f\":0}}",
		"{\"version\":1,\"name\":\"c1 \u0085 \u0086\"}",
		"{\"version\":1,\"name\":\"\uffff\"}",
		`{"version":1,"skills":{"cloud":"maybe","networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":"n/a ","networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":"n/a","cloud":2}}`,
		`{"version":1,"skills":{"cloud":3.0,"networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":5,"networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":["n/a"]}}`,
		`{"version":1,"skills":"n/a"}`,
		`{"version":1,"skills":{"cloud":"n/a"},"extra":"n/a"}`,
		`{"version":1,"skills":{"cloud":5}}`,
		`{"version":1,"skills":{"cloud":2.5}}`,
		`{"version":1,"skills":{"cloud":"3"}}`,
		`{"version":1,"skills":{"cloud":1,"cloud":2}}`,
		`{"version":1,"experience":{"it_years":-1}}`,
		`{"version":1,"experience":{"it_years":null}}`,
		`{"version":1,"certifications":["pmp","pmp"]}`,
		`{"version":1,"Name":"case matters"}`,
		`{"version":1,"name":123}`,
		`{"version":1,"updated":"yesterday"}`,
		`{"version":1,"updated":"2026-11-25T10:00:00Z"}`,
		`{"name":"no version"}`,
		`{"version":1,"skills":{"cloud":1}`,
		`{"version":1,"extra":true}`,
		"{\"version\":1,\"name\":\"bad \xff utf8\"}",
		// Levels up to 7, the most any rubric's scale has, are read on both
		// paths (the rubric's own top is assess.Check's); 8 on neither.
		`{"version":1,"skills":{"cloud":7}}`,
		`{"version":1,"skills":{"cloud":6,"networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":8}}`,
		`{"version":1,"skills":{"cloud":8,"networking":"n/a"}}`,
		`{"version":1,"skills":{"cloud":-1}}`,
	}
	for i, line := range lines {
		fast, fastOK := parseFast(Record{Source: "t.jsonl", Line: i + 1, Data: []byte(line)})
		slow, slowErr := Parse("t.jsonl", []byte(line))
		if i < 5 && !fastOK {
			t.Errorf("line %d: a plain valid profile missed the fast path", i+1)
		}
		if fastOK && slowErr != nil {
			t.Errorf("line %d: fast path accepts what Parse refuses (%v): %s", i+1, slowErr, line)
			continue
		}
		if fastOK {
			fast.File, slow.File = "", ""
			a, b := fast.Clone(), slow.Clone()
			a.base, a.oneLine, a.lines, b.lines = 0, false, nil, nil
			if !equalProfiles(a, b) {
				t.Errorf("line %d: fast %+v, slow %+v", i+1, a, b)
			}
		}
		// Through ParseRecord, a refused line is reported at its own line,
		// with the message Parse gives.
		if _, err := ParseRecord(Record{Source: "t.jsonl", Line: i + 1, Data: []byte(line), InLines: true}); err != nil {
			if !strings.HasPrefix(err.Error(), "t.jsonl: line "+itoa(i+1)+": ") {
				t.Errorf("line %d: error %q lacks its line", i+1, err)
			}
			if _, atErr := parseAt("t.jsonl", []byte(line), i); slowErr == nil || atErr == nil || noLine(err, i+1) != noLine(atErr, i+1) {
				t.Errorf("line %d: ParseRecord says %q, Parse %v", i+1, err, slowErr)
			}
		} else if slowErr != nil {
			t.Errorf("line %d: ParseRecord accepts what Parse refuses (%v)", i+1, slowErr)
		}
	}
}

func equalProfiles(a, b *Profile) bool {
	ja, _ := Marshal(a)
	jb, _ := Marshal(b)
	return string(ja) == string(jb)
}

func itoa(i int) string { return strconv.Itoa(i) }

// noLine is err's message without the line a JSON Lines record gives it.
func noLine(err error, line int) string {
	return strings.Replace(err.Error(), "line "+itoa(line)+": ", "", 1)
}

func BenchmarkParseRecordJSONLine(b *testing.B) {
	rec := Record{Source: "b.jsonl", Line: 7, InLines: true, Data: []byte(`{"version":1,"name":"Maria Rivera 0","rubric":"it-manager","target":"senior-it-manager","experience":{"it_years":1.5,"management_years":0},"education":[],"certifications":["pmp"],"skills":{"budgeting":3,"change-management":3,"cloud":3,"communication":1,"cybersecurity":0,"databases":2,"disaster-recovery":2,"infrastructure":0,"itsm":0,"leadership":4,"networking":2,"operating-systems":3,"problem-solving":4,"project-management":3,"scripting":1,"service-desk":4,"strategic-planning":0,"vendor-management":2,"virtualization":4},"updated":"2026-01-14"}`)}
	for b.Loop() {
		if _, err := ParseRecord(rec); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseYAMLFile(b *testing.B) {
	data, err := os.ReadFile("../testdata/profiles/alex.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("alex.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// The JSON Lines reader never loses a line: every non-blank line becomes
// exactly one record, at its own line number, whatever the bytes.
func FuzzReadLines(f *testing.F) {
	f.Add([]byte("{\"version\":1}\n\n{\"version\":1,\"skills\":{\"cloud\":9}}\r\n[1]\n"))
	f.Add([]byte("no newline at the end"))
	if data, err := os.ReadFile("../testdata/bad/lines.jsonl"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got []Record
		err := readLines("f.jsonl", bytes.NewReader(data), func(r Record) error {
			got = append(got, r)
			_, _ = ParseRecord(r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Split(data, []byte("\n"))
		want := 0
		for _, l := range lines {
			if len(bytes.TrimSpace(bytes.TrimRight(l, "\r"))) > 0 {
				want++
			}
		}
		if len(got) != want {
			t.Fatalf("%d records for %d non-blank lines", len(got), want)
		}
		for _, r := range got {
			if r.Line < 1 || r.Line > len(lines) || !bytes.Equal(r.Data, bytes.TrimRight(lines[r.Line-1], "\r")) {
				t.Fatalf("record at line %d holds %q", r.Line, r.Data)
			}
		}
	})
}

// Every problem of a profile is reported, in line order, not only the
// first; what could be read is kept for checking ids.
func TestParseReportsEveryProblemInLineOrder(t *testing.T) {
	in := "version: 1\nskillz: 3\nexperience: {IT-years: 4, management_years: 2}\nskills:\n  cloud: 3\n  networking: expert\n  cloud: 2\ncertifications: [pmp, pmp, [x]]\ntarget: it-manager\nupdated: soon\n"
	_, err := Parse("p.yaml", []byte(in))
	var pe *Problems
	if !errors.As(err, &pe) {
		t.Fatalf("err = %T %v", err, err)
	}
	var lines []int
	for _, e := range pe.List {
		lines = append(lines, e.Line)
	}
	if want := []int{2, 3, 6, 7, 8, 8, 10}; !slices.Equal(lines, want) {
		t.Errorf("lines %v, want %v:\n%v", lines, want, err)
	}
	for _, want := range []string{
		"p.yaml: line 2: skillz: unknown key (did you mean skills?)",
		"p.yaml: line 3: experience.IT-years: not an experience field id (did you mean it_years?)",
		`p.yaml: line 6: skills.networking: expected a level, a whole number from 0 to 4, or n/a, found "expert"; use 4 (expert)`,
		"p.yaml: line 7: skills.cloud: duplicate key (first at line 5)",
		"p.yaml: line 8: certifications: pmp is listed twice (first at line 8)",
		"p.yaml: line 8: certifications[2]: expected an id, found a list",
		"p.yaml: line 10: updated: expected a date",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	p := pe.Partial
	if p == nil || p.Skills["cloud"] != 3 || p.Experience.ManagementYears != 2 || p.Target != "it-manager" || !slices.Equal(p.Certifications, []string{"pmp"}) {
		t.Errorf("partial %+v", p)
	}
	if p.Line("skills.cloud") != 5 || p.Line("target") != 9 {
		t.Errorf("partial lines: skills.cloud %d, target %d", p.Line("skills.cloud"), p.Line("target"))
	}
}

// A level in words or in quotes is refused with the number to write.
func TestLevelInWordsSaysTheNumber(t *testing.T) {
	for word, want := range map[string]string{
		"practitioner": "use 3 (practitioner)",
		"Practitioner": "use 3 (practitioner)",
		"practioner":   "use 3 (practitioner)",
		"NONE":         "use 0 (none)",
		`"2"`:          "write 2 without quotes",
	} {
		_, err := Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: "+word+"\n"))
		if err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("%s: %v, want ...%s", word, err, want)
		}
	}
}

// Levels 0 to 7 are read (a rubric's scale may reach 7; assess.Check holds
// a profile to its own rubric's top); 8 and -1 are refused with the line,
// in the standard scale's words until a rubric is known, then in its own.
func TestLevelsUpToSevenAreRead(t *testing.T) {
	for _, l := range []int{0, 4, 5, 7} {
		p, err := Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: "+itoa(l)+"\n"))
		if err != nil || p.Skills["cloud"] != l {
			t.Errorf("level %d: %v", l, err)
		}
	}
	_, err := Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: 8\n  net: enable\n"))
	want := "p.yaml: line 3: skills.cloud: level 8 is out of range; use 0 (none) to 4 (expert)\n" +
		"p.yaml: line 4: skills.net: expected a level, a whole number from 0 to 4, or n/a, found \"enable\""
	if err == nil || err.Error() != want {
		t.Fatalf("got:\n%v\nwant:\n%s", err, want)
	}
	var pe *Problems
	if !errors.As(err, &pe) {
		t.Fatalf("%T is not *Problems", err)
	}
	sfia := []string{"none", "follow", "assist", "apply", "enable", "ensure/advise", "initiate/influence", "set strategy"}
	want = "p.yaml: line 3: skills.cloud: level 8 is out of range; use 0 (none) to 7 (set strategy)\n" +
		"p.yaml: line 4: skills.net: expected a level, a whole number from 0 to 7, or n/a, found \"enable\"; use 4 (enable)"
	if got := pe.InScale(sfia).Error(); got != want {
		t.Errorf("in a scale of 0-7, got:\n%s\nwant:\n%s", got, want)
	}
	if pe.InScale(rubric.LevelNames[:]) != pe {
		t.Error("the standard scale should keep the messages as they are")
	}
}

// Another format version, or a rubric, is one message, not one per key.
func TestWrongKindOfFileIsOneProblem(t *testing.T) {
	_, err := Parse("p.yaml", []byte("version: 2\nfoo: 1\nbar: 2\n"))
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.Contains(err.Error(), "version: 2 is not a format") {
		t.Errorf("version 2: %v", err)
	}
	_, err = Parse("r.yaml", []byte("version: 1\nid: x\nstages: []\ncategories: []\nitems: []\n"))
	if err == nil || err.Error() != "r.yaml: this is a rubric, not a profile (it has stages, categories, items): check it with 'skillgap rubric validate r.yaml', or score a profile with it: 'skillgap score --rubric r.yaml PROFILE'" {
		t.Errorf("rubric: %v", err)
	}
}

// n/a (not applicable to the current job) is an answer of its own: kept
// apart from the levels, written back as n/a, and the same from YAML and
// JSON, by the fast path and the slow one.
func TestNotApplicableRoundTrips(t *testing.T) {
	yamlIn := "version: 1\nskills:\n  networking: n/a\n  cloud: 2\n  budgeting: N/A\n  itsm: 'n/a'\n"
	jsonIn := `{"version":1,"skills":{"networking":"n/a","cloud":2,"budgeting":"n/a","itsm":"n/a"}}`
	want := []string{"budgeting", "itsm", "networking"}
	for name, in := range map[string]string{"yaml": yamlIn, "json": jsonIn} {
		t.Run(name, func(t *testing.T) {
			p, err := Parse("p."+name, []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.NotApplicable, want) || len(p.Skills) != 1 || p.Skills["cloud"] != 2 {
				t.Fatalf("skills %v, n/a %v", p.Skills, p.NotApplicable)
			}
			if !p.IsNotApplicable("itsm") || p.IsNotApplicable("cloud") || !p.AnswersSkill("itsm") || !p.AnswersSkill("cloud") || p.AnswersSkill("databases") {
				t.Errorf("IsNotApplicable/AnswersSkill wrong for %v", p.NotApplicable)
			}
			path := filepath.Join(t.TempDir(), "out.yaml")
			if err := Save(path, p, "2026-11-25"); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(path)
			if !strings.Contains(string(data), "skills:\n  budgeting: n/a\n  cloud: 2\n  itsm: n/a\n  networking: n/a\n") {
				t.Errorf("written:\n%s", data)
			}
			back, err := Parse(path, data)
			if err != nil {
				t.Fatal(err)
			}
			if !equalProfiles(back, p) {
				t.Errorf("read back %+v, saved %+v", back, p)
			}
		})
	}
	fast, ok := parseFast(Record{Source: "p.jsonl", Line: 1, Data: []byte(jsonIn)})
	if !ok || !slices.Equal(fast.NotApplicable, want) || fast.Skills["cloud"] != 2 || len(fast.Skills) != 1 {
		t.Errorf("fast path: ok %v, %+v", ok, fast)
	}
	// A level given for a skill also marked n/a wins (the questionnaire
	// answers over a profile's n/a), so the file never holds both.
	p := &Profile{Skills: map[string]int{"cloud": 3}, NotApplicable: []string{"cloud", "itsm"}}
	data, err := Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "skills:\n  cloud: 3\n  itsm: n/a\n") {
		t.Errorf("level and n/a for one skill:\n%s", data)
	}
	// Without n/a the file is written as it always was.
	data, _ = Marshal(&Profile{Skills: map[string]int{"cloud": 3}})
	if !strings.Contains(string(data), "skills:\n  cloud: 3\n") || strings.Contains(string(data), "n/a") {
		t.Errorf("plain profile:\n%s", data)
	}
}

// Any other text for a level is refused with the file, the line and every
// value allowed, n/a among them.
func TestOtherTextIsNotALevel(t *testing.T) {
	for word, want := range map[string]string{
		"maybe":            `p.yaml: line 3: skills.cloud: expected a level, a whole number from 0 to 4, or n/a, found "maybe"`,
		"na":               "; write n/a for a skill your current job does not use",
		`"N.A."`:           "; write n/a for a skill your current job does not use",
		`"not applicable"`: "; write n/a for a skill your current job does not use",
		`"n/a "`:           "; write n/a for a skill your current job does not use",
	} {
		_, err := Parse("p.yaml", []byte("version: 1\nskills:\n  cloud: "+word+"\n"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %s", word, err, want)
		}
	}
}

// Whatever one-line JSON record the fast path accepts, Parse accepts too,
// with the same answers.
func FuzzFastAndSlowPathsAgree(f *testing.F) {
	// Shapes the hand decoder reads, with what parseFast must still send
	// the slow way: DEL or a C1 control in a text, null in a name, a level
	// out of range, rubric_revision 0.
	f.Add(`{"version":1,"name":"del \x7f c1 \u0085 \u0090","skills":{"cloud":2}}`)
	f.Add("{\"version\":1,\"name\":\"a\u0090b\",\"skills\":{\"cloud\":2}}")
	f.Add(`{"version":1,"name":"nullable","skills":{"cloud":2},"education":["b"],"certifications":["c","c"]}`)
	f.Add(`{"version":1,"rubric_revision":0,"skills":{"cloud":9},"experience":{"it_years":61}}`)
	f.Add(`{"version":2,"updated":"2026-13-01","experience":{"dev_years":3}}`)
	f.Add(`{"version":1,"skills":{"cloud":"n/a","networking":2}}`)
	f.Add(`{"version":1,"skills":{"cloud":"n\/a","networking":"N/A"},"name":"n/a"}`)
	f.Add(`{"version":1,"skills":{"cloud":7,"networking":5}}`)
	f.Add(`{"version":1,"skills":{"cloud":8}}`)
	f.Add(`{"version":1,"name":"Al","experience":{"it_years":2.5},"certifications":["pmp"],"skills":{"cloud":"n/a","x":4},"evidence":{"cloud":"n/a"},"updated":"2026-01-02"}`)
	f.Add(`{"version":1,"experience":{"engineering_years":4,"lead_years":1.5,"it_years":0},"skills":{"x":4}}`)
	f.Add(`{"version":1,"experience":{"engineering_years":4,"Lead years":1.5}}`)
	f.Add(`{"version":1,"experience":{"a":80,"b_2":0.25,"c":-0}}`)
	f.Fuzz(func(t *testing.T, line string) {
		fast, ok := parseFast(Record{Source: "t.jsonl", Line: 1, Data: []byte(line)})
		if !ok {
			return
		}
		slow, err := Parse("t.jsonl", []byte(line))
		if err != nil {
			t.Fatalf("the fast path accepts what Parse refuses (%v): %q", err, line)
		}
		if !equalProfiles(fast, slow) {
			t.Fatalf("fast %+v, slow %+v: %q", fast, slow, line)
		}
	})
}

// Experience takes any well-formed field id besides the standard two; the
// years are read by Years, checked like the others, and saved back in the
// same experience mapping.
func TestOtherExperienceFieldsRoundTrip(t *testing.T) {
	in := "version: 1\nexperience:\n  engineering_years: 4.5\n  lead_years: 1\n  it_years: 2\nskills: {cloud: 2}\n"
	p, err := Parse("p.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if p.Years("engineering_years") != 4.5 || p.Years("lead_years") != 1 || p.Years("it_years") != 2 || p.Years("management_years") != 0 || p.Years("nope") != 0 {
		t.Errorf("years %+v", p.Experience)
	}
	if p.Line("experience.lead_years") != 4 {
		t.Errorf("line of lead_years: %d", p.Line("experience.lead_years"))
	}
	path := filepath.Join(t.TempDir(), "p.yaml")
	if err := Save(path, p, "2026-11-25"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	// A standard field at 0 is left out beside fields of the rubric's own.
	if !strings.Contains(string(data), "experience:\n  it_years: 2\n  engineering_years: 4.5\n  lead_years: 1\n") {
		t.Errorf("written:\n%s", data)
	}
	back, err := Parse(path, data)
	if err != nil || !back.Experience.Equal(p.Experience) {
		t.Errorf("read back %+v, %v", back, err)
	}
	c := p.Clone()
	c.Experience.Set("lead_years", 3)
	if p.Years("lead_years") != 1 {
		t.Error("Clone shares the experience")
	}
	for value, want := range map[string]string{
		"-1":   "p.yaml: line 3: experience.lead_years: years cannot be negative, found -1",
		"81":   "p.yaml: line 3: experience.lead_years: 81 years is more than a working life; check the number",
		"four": `p.yaml: line 3: experience.lead_years: expected a number, found "four"`,
	} {
		_, err := Parse("p.yaml", []byte("version: 1\nexperience:\n  lead_years: "+value+"\n"))
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", value, err, want)
		}
	}
}

// The hand-written decoder gives what the JSON v2 decoder gives for every
// record it accepts; whatever it doubts, it leaves to that decoder.
func FuzzHandDecoderAgrees(f *testing.F) {
	f.Add(`{"version":1,"name":"Maria Rivera 0","rubric":"it-manager","target":"senior-it-manager","experience":{"it_years":1.5,"management_years":0},"education":[],"certifications":["pmp"],"skills":{"budgeting":3,"cloud":"n/a"},"updated":"2026-01-14"}`)
	f.Add(`{"version":1,"experience":{"it_years":2,"engineering_years":3.25},"skills":{"a":1},"evidence":{"a":"Led \"it\""}}`)
	f.Add(`{"version":1,"name":"ünï","skills":{"a":1,"a":2}}`)
	f.Add(`{"version":1.0,"experience":{"it_years":1e1}}`)
	f.Add(` {"version": 1 , "certifications" : [ "x" , "y" ] } `)
	f.Add(`{"version":1,"skills":{"ünï":1,"b":2,"cloud":3}}`)
	f.Add(`{"version":1,"skills":{"cloud":3,"clou":2,"b\u0041":2}}`)
	// A decoder warmed by the records before (a batch's) reads a record as
	// a fresh one does: the same profile and the same facts.
	warm := newHandDecoder()
	for _, line := range []string{
		`{"version":1,"skills":{"ünï":1,"b":2,"cloud":3}}`,
		`{"version":1,"skills":{"cloud":3,"b":2,"ünï":1}}`,
		`{"version":1,"skills":{"a":1,"b":2,"cloud":3,"d":4}}`,
	} {
		warm.decode([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line string) {
		hand, facts, ok := newHandDecoder().decode([]byte(line))
		for range 2 {
			warmed, warmFacts, warmOK := warm.decode([]byte(line))
			if warmOK != ok || !reflect.DeepEqual(warmed, hand) || warmFacts != facts {
				t.Fatalf("a warm decoder read %q as %+v %+v %v; a fresh one as %+v %+v %v", line, warmed, warmFacts, warmOK, hand, facts, ok)
			}
		}
		if !ok {
			return
		}
		v2, ok := decodeFast([]byte(line), false)
		if !ok && strings.Contains(line, `"experience"`) {
			v2, ok = decodeFast([]byte(line), true)
		}
		if !ok {
			t.Fatalf("the hand decoder accepts what JSON v2 refuses: %q", line)
		}
		slices.Sort(hand.NotApplicable)
		slices.Sort(v2.NotApplicable)
		if !reflect.DeepEqual(hand, v2) {
			t.Fatalf("hand %+v\n  v2 %+v\n%q", hand, v2, line)
		}
	})
}

func BenchmarkDecodeHand(b *testing.B) {
	data := []byte(`{"version":1,"name":"Maria Rivera 0","rubric":"it-manager","target":"senior-it-manager","experience":{"it_years":1.5,"management_years":0},"education":[],"certifications":["pmp"],"skills":{"budgeting":3,"change-management":3,"cloud":3,"communication":1,"cybersecurity":0,"databases":2,"disaster-recovery":2,"infrastructure":0,"itsm":0,"leadership":4,"networking":2,"operating-systems":3,"problem-solving":4,"project-management":3,"scripting":1,"service-desk":4,"strategic-planning":0,"vendor-management":2,"virtualization":4},"updated":"2026-01-14"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := decodeHand(data); !ok {
			b.Fatal("refused")
		}
	}
}

// A JSON Lines file where one profile is asked for (report, assess -o) is
// refused as what it is, several profiles, not as broken YAML; a profile
// that is one JSON object over several lines is still read.
func TestParseSaysJSONLinesHoldsSeveral(t *testing.T) {
	lines := "{\"version\":1,\"name\":\"A\",\"skills\":{}}\n\n{\"version\":1,\"name\":\"B\",\"skills\":{}}\n"
	_, err := Parse("staff.jsonl", []byte(lines))
	if err == nil || err.Error() != "staff.jsonl: holds 2 profiles, one a line (JSON Lines), where one profile is asked for; put the one you want in a file of its own (score reads them all)" {
		t.Errorf("error %v", err)
	}
	if p, err := Parse("one.json", []byte("{\"version\": 1,\n \"name\": \"A\",\n \"skills\": {}}\n")); err != nil || p.Name != "A" {
		t.Errorf("%v %v", p, err)
	}
	if _, err := Parse("bad.yaml", []byte("version: 1\nname: [\n")); err == nil || strings.Contains(err.Error(), "JSON Lines") {
		t.Errorf("error %v", err)
	}
	// One broken profile with its braces on lines of their own is one
	// profile, and its own fault is said.
	if _, err := Parse("allman.json", []byte("{\n  \"version\": \"1\",\n  \"skills\":\n  {\n  }\n}\n")); err == nil || strings.Contains(err.Error(), "JSON Lines") || !strings.Contains(err.Error(), "version") {
		t.Errorf("error %v", err)
	}
	// A byte-order mark does not hide JSON Lines.
	if _, err := Parse("bom.jsonl", append([]byte("\xef\xbb\xbf"), lines...)); err == nil || !strings.Contains(err.Error(), "holds 2 profiles") {
		t.Errorf("error %v", err)
	}
}

// A JSON Lines file whose first line starts with a byte-order mark gets
// the fault of that line's profile, not "expected a JSON object".
func TestRecordAfterAByteOrderMark(t *testing.T) {
	_, err := ParseRecord(Record{Source: "bom.jsonl", Line: 1, InLines: true, Data: []byte("\xef\xbb\xbf{\"version\":\"1\",\"skills\":{}}")})
	if err == nil || strings.Contains(err.Error(), "JSON object") || !strings.Contains(err.Error(), "version") {
		t.Errorf("error %v", err)
	}
}
