// Command genprofiles writes N random but valid profiles of the default
// rubric as JSON Lines, for benchmarks and load tests:
//
//	go run ./scripts/genprofiles -n 100000 > profiles.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/skillgap/skillgap/profiles"
	"github.com/skillgap/skillgap/rubric"
)

var first = []string{"Alex", "Sam", "Priya", "Chen", "Fatima", "Jonas", "Maria", "Kwame", "Yuki", "Olga", "Diego", "Aisha"}
var last = []string{"Rivera", "Okafor", "Novak", "Schmidt", "Tanaka", "Haddad", "Kowalski", "Mensah", "Lindqvist", "Garcia"}

func main() {
	n := flag.Int("n", 1000, "number of profiles")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	r := rubric.Default()
	rng := rand.New(rand.NewPCG(*seed, 42))
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	skills := r.IDsOfKind(rubric.KindSkill, "")
	edu := r.IDsOfKind(rubric.KindHeld, rubric.CategoryEducation)
	certs := r.IDsOfKind(rubric.KindHeld, rubric.CategoryCertification)
	stages := r.StageIDs()
	enc := json.NewEncoder(w)
	for i := range *n {
		years := float64(rng.IntN(60)) / 2
		p := profiles.Profile{
			Version: 1, Name: fmt.Sprintf("%s %s %d", first[rng.IntN(len(first))], last[rng.IntN(len(last))], i),
			Rubric: "it-manager", Target: stages[rng.IntN(len(stages))],
			Experience: profiles.Experience{ITYears: years, ManagementYears: float64(rng.IntN(int(years)*2+1)) / 2},
			Education:  []string{}, Certifications: []string{}, Skills: map[string]int{},
			Updated: fmt.Sprintf("2026-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)),
		}
		for _, id := range edu {
			if rng.IntN(3) == 0 {
				p.Education = append(p.Education, id)
			}
		}
		for _, id := range certs {
			if rng.IntN(5) == 0 {
				p.Certifications = append(p.Certifications, id)
			}
		}
		for _, id := range skills {
			p.Skills[id] = rng.IntN(5)
		}
		if rng.IntN(4) == 0 {
			p.Evidence = map[string]string{skills[rng.IntN(len(skills))]: "Led the migration of 3 sites"}
		}
		if err := enc.Encode(&p); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
