#!/usr/bin/env bash
# Batch speed and memory of skillgap against jq, on generated profiles.
#
#   scripts/bench-batch.sh [N]        # default 100000 profiles (~70 MB of JSON Lines)
#   MEMORY_SIZES="20000 1000000" scripts/bench-batch.sh   # peak memory at other sizes
#   SKILLGAP=path/to/binary scripts/bench-batch.sh         # time that build instead
#   PROFILES=file.jsonl scripts/bench-batch.sh             # those profiles instead
#   RUNS=5 scripts/bench-batch.sh                          # rounds (default 3)
#
# The commands run paired and alternating (jq, score, team, score --compact,
# jq, ...) so that a slower moment of the machine weighs on all of them alike; each
# ratio is the median over the rounds of that round's time over its jq's. It
# prints the ratios the README promises (score --format json <= 0.8 x jq, team
# --format json <= 0.35 x jq), the CPU time per profile, peak memory, and the
# size of the compact output per profile.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)"; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

bin=${SKILLGAP:-}
if [ -z "$bin" ]; then
  go build -o "$tmp/skillgap" ./cmd/skillgap
  bin=$tmp/skillgap
fi
gen() { go run ./scripts/genprofiles -n "$1" > "$2"; }
if [ -n "${PROFILES:-}" ]; then
  p=$PROFILES
  n=$(wc -l < "$p")
else
  p=$tmp/p.jsonl
  gen "$n" "$p"
fi
echo "profiles: $n ($(du -h "$p" | cut -f1)), $(nproc) cores, $runs rounds"

# run NAME CMD...: one timed run; appends "wall user+sys maxrss" to $tmp/NAME.
run() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" > /dev/null 2>>"$tmp/err" || true
  awk '{printf "%s %.3f %d\n", $1, $2+$3, $4}' "$tmp/t" >> "$tmp/$name"
}
jqf='{name: .name, n: (.skills|length), c: (.certifications|length)}'
compact=""
if "$bin" score --help 2>/dev/null | grep -q -- --compact; then compact=1; fi
for _ in $(seq "$runs"); do
  run jq jq -c "$jqf" "$p"
  run score "$bin" score --format json "$p"
  run team "$bin" team --format json "$p"
  if [ -n "$compact" ]; then run compact "$bin" score --format json --compact "$p"; fi
done
# median of column $2 of file $1
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# median of the paired ratios of file $1 to jq's, round by round
ratio() { paste -d' ' "$1" "$tmp/jq" | awk '{print $1/$4}' | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
jq_t=$(median "$tmp/jq" 1)
printf '%-22s %6.2f s  %5.2f us cpu/profile\n' "jq" "$jq_t" "$(awk "BEGIN{print $(median "$tmp/jq" 2)*1e6/$n}")"
for c in score team ${compact:+compact}; do
  case $c in
  score) label="score --format json" goal="(goal <= 0.8)" ;;
  team) label="team --format json" goal="(goal <= 0.35)" ;;
  compact) label="score ... --compact" goal="" ;;
  esac
  printf '%-22s %6.2f s  %5.2f us cpu/profile  %.2f x jq %-13s  peak %d MiB\n' "$label" "$(median "$tmp/$c" 1)" \
    "$(awk "BEGIN{print $(median "$tmp/$c" 2)*1e6/$n}")" "$(ratio "$tmp/$c")" "$goal" "$(( $(median "$tmp/$c" 3) / 1024 ))"
done
if [ -n "$compact" ]; then
  bytes=$("$bin" score --format json --compact "$p" 2>/dev/null | wc -c)
  full=$("$bin" score --format json "$p" 2>/dev/null | wc -c)
  printf 'output per profile     score --format json %d bytes, --compact %d bytes (goal <= 1536)\n' $((full / n)) $((bytes / n))
fi

peak() { /usr/bin/time -f "%M" -o "$tmp/m" "$@" > /dev/null 2>>"$tmp/err" || true; echo $(( $(cat "$tmp/m") / 1024 )); }
for m in ${MEMORY_SIZES:-}; do
  gen "$m" "$tmp/m.jsonl"
  printf 'peak memory at %8d profiles: team %d MiB, score %d MiB\n' "$m" "$(peak "$bin" team --format json "$tmp/m.jsonl")" "$(peak "$bin" score -f json "$tmp/m.jsonl")"
  rm -f "$tmp/m.jsonl"
done
