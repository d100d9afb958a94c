package cli

import (
	"strings"
	"testing"

	"github.com/skillgap/skillgap/internal/iostreams"
	"github.com/spf13/cobra"
)

func parse(t *testing.T, cmd *cobra.Command, args []string) error {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	return cmd.Execute()
}

func TestReportFlags(t *testing.T) {
	cases := []struct {
		args           []string
		format, output string
		since          string
		force          bool
		wantErr        string
	}{
		{args: []string{"me.yaml"}, format: "markdown", output: "-"},
		{args: []string{"me.yaml", "-o", "r.HTML"}, format: "html", output: "r.HTML"},
		{args: []string{"me.yaml", "-o", "r.csv", "--force"}, format: "csv", output: "r.csv", force: true},
		{args: []string{"me.yaml", "-f", "md", "--since", "old.yaml"}, format: "markdown", output: "-", since: "old.yaml"},
		{args: []string{"me.yaml", "-f", "json", "-o", "x.html"}, format: "json", output: "x.html"},
		{args: []string{}, wantErr: "name one profile file"},
		{args: []string{"a.yaml", "b.yaml"}, wantErr: "name one profile file"},
		{args: []string{"me.yaml", "-f", "pdf"}, wantErr: `"pdf" is not one of`},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var got *ReportOptions
			ios, _, _, _ := iostreams.Test()
			err := parse(t, NewCmdReport(&Factory{IO: ios}, func(o *ReportOptions) error { got = o; return nil }), tc.args)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != tc.format || got.Output != tc.output || got.Since != tc.since || got.Force != tc.force || got.File != "me.yaml" {
				t.Errorf("options %+v", *got)
			}
		})
	}
}

func TestTeamFlags(t *testing.T) {
	var got *TeamOptions
	ios, _, _, _ := iostreams.Test()
	err := parse(t, NewCmdTeam(&Factory{IO: ios}, func(o *TeamOptions) error { got = o; return nil }),
		[]string{"-t", "cio", "-f", "csv", "--top", "3", "a/", "b.jsonl", "-"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Target != "cio" || got.Format != "csv" || got.Top != 3 || strings.Join(got.Inputs, " ") != "a/ b.jsonl -" {
		t.Errorf("options %+v", *got)
	}
	if err := parse(t, NewCmdTeam(&Factory{IO: ios}, nil), nil); err == nil || !strings.Contains(err.Error(), "name profile files") {
		t.Errorf("no inputs: %v", err)
	}
}

func TestAssessFlags(t *testing.T) {
	var got *AssessOptions
	ios, _, _, _ := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(k string) string {
		if k == "XDG_STATE_HOME" {
			return "/state"
		}
		return ""
	}}
	if err := parse(t, NewCmdAssess(f, func(o *AssessOptions) error { got = o; return nil }), []string{"-o", "me.yaml", "--rubric", "r.yaml", "--no-input"}); err != nil {
		t.Fatal(err)
	}
	if got.Output != "me.yaml" || got.Rubric != "r.yaml" || !got.NoInput || got.StateDir != "/state/skillgap" {
		t.Errorf("options %+v", *got)
	}
	if err := parse(t, NewCmdAssess(f, func(*AssessOptions) error { return nil }), []string{"extra"}); err == nil || !strings.Contains(err.Error(), "takes no arguments") {
		t.Errorf("extra argument: %v", err)
	}
	got = nil
	parse(t, NewCmdAssess(f, func(o *AssessOptions) error { got = o; return nil }), nil)
	if got == nil || got.Output != "profile.yaml" {
		t.Errorf("default output: %+v", got)
	}
}

func TestRubricAndSchemaFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := &Factory{IO: ios, Getenv: func(string) string { return "" }}
	var got *RubricOptions
	capture := func(o *RubricOptions) error { got = o; return nil }
	if err := parse(t, NewCmdRubricExport(f, capture), []string{"it-manager", "-o", "x.yaml", "--force"}); err != nil || got.Ref != "it-manager" || got.Output != "x.yaml" || !got.Force {
		t.Errorf("export: %v %+v", err, got)
	}
	if err := parse(t, NewCmdRubricShow(f, capture), []string{"./r.yaml"}); err != nil || got.Ref != "./r.yaml" {
		t.Errorf("show: %v %+v", err, got)
	}
	if err := parse(t, NewCmdRubricValidate(f, capture), []string{"a.yaml", "b.yaml"}); err != nil || strings.Join(got.Files, ",") != "a.yaml,b.yaml" {
		t.Errorf("validate: %v %+v", err, got)
	}
	if err := parse(t, NewCmdRubricValidate(f, capture), nil); err == nil || !strings.Contains(err.Error(), "name at least one rubric file") {
		t.Errorf("validate with nothing: %v", err)
	}
	if err := parse(t, NewCmdRubricList(f, capture), []string{"extra"}); err == nil {
		t.Error("list takes no arguments")
	}
	var sg *SchemaOptions
	if err := parse(t, NewCmdSchema(f, func(o *SchemaOptions) error { sg = o; return nil }), []string{"rubric"}); err != nil || sg.Kind != "rubric" {
		t.Errorf("schema: %v %+v", err, sg)
	}
	if err := parse(t, NewCmdSchema(f, nil), []string{"foo"}); err == nil || !strings.Contains(err.Error(), `not "foo"`) {
		t.Errorf("schema foo: %v", err)
	}
}
