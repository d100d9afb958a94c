#!/usr/bin/env bash
# Batch speed and memory of skillgap against jq, on generated profiles.
#
#   scripts/bench-batch.sh [N]        # default 100000 profiles (~60 MB of JSON Lines)
#   MEMORY_SIZES="20000 1000000" scripts/bench-batch.sh   # peak memory at other sizes
#
# Prints the wall time of each command (best of 3), the ratios the README
# promises (team <= jq, score --format json <= 2 x jq), and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)"; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

go build -o "$tmp/skillgap" ./cmd/skillgap
gen() { go run ./scripts/genprofiles -n "$1" > "$2"; }
gen "$n" "$tmp/p.jsonl"
echo "profiles: $n ($(du -h "$tmp/p.jsonl" | cut -f1))"

# best of three wall times, in seconds
best() {
  local b=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e" -o "$tmp/t" "$@" > /dev/null 2>>"$tmp/err" || true
    t=$(cat "$tmp/t")
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
  done
  echo "$b"
}
peak() { /usr/bin/time -f "%M" -o "$tmp/m" "$@" > /dev/null 2>>"$tmp/err" || true; echo $(( $(cat "$tmp/m") / 1024 )); }

jq_t=$(best jq -c '{name: .name, n: (.skills|length), c: (.certifications|length)}' "$tmp/p.jsonl")
team_t=$(best "$tmp/skillgap" team --format json "$tmp/p.jsonl")
score_t=$(best "$tmp/skillgap" score --format json "$tmp/p.jsonl")
printf 'jq            %6.2f s\n' "$jq_t"
printf 'team          %6.2f s   %.2f x jq (goal <= 1)\n' "$team_t" "$(awk "BEGIN{print $team_t/$jq_t}")"
printf 'score --json  %6.2f s   %.2f x jq (goal <= 2)\n' "$score_t" "$(awk "BEGIN{print $score_t/$jq_t}")"
printf 'peak memory   team %d MiB, score %d MiB (goal < 100)\n' "$(peak "$tmp/skillgap" team "$tmp/p.jsonl")" "$(peak "$tmp/skillgap" score -f json "$tmp/p.jsonl")"

for m in ${MEMORY_SIZES:-}; do
  gen "$m" "$tmp/m.jsonl"
  printf 'peak memory at %8d profiles: team %d MiB, score %d MiB\n' "$m" "$(peak "$tmp/skillgap" team "$tmp/m.jsonl")" "$(peak "$tmp/skillgap" score -f json "$tmp/m.jsonl")"
  rm -f "$tmp/m.jsonl"
done
