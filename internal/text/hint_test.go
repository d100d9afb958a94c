package text

import "testing"

func TestNearestIgnoresCaseAndPunctuation(t *testing.T) {
	ids := []string{"cissp", "cism", "itil-foundation", "comptia-a-plus", "comptia-security-plus", "bachelor-it", "it_years", "networking"}
	cases := []struct {
		in, want string
	}{
		{"CISSP", "cissp"},
		{"ITIL Foundation", "itil-foundation"},
		{"itil_foundation", "itil-foundation"},
		{"ITIL v4 Foundation", "itil-foundation"},
		{"CompTIA A+", "comptia-a-plus"},
		{"CompTIA Security+", "comptia-security-plus"},
		{"Bachelors IT", "bachelor-it"},
		{"it-years", "it_years"},
		{"netwrking", "networking"},
		{"Networking.", "networking"},
		{"cooking", ""},
		{"", ""},
	}
	for _, tc := range cases {
		got, ok := Nearest(tc.in, ids)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Nearest(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"ITIL Foundation": "itil-foundation",
		"  a__b--c ":      "a-b-c",
		"A+":              "a-plus",
		"--traget":        "traget",
		"Ünïcode Ω":       "ünïcode-ω",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
