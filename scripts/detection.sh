#!/usr/bin/env bash
# Detection rate: runs `./torture run OPTIONS --seed S` for RUNS seeds (1..RUNS, or from --first-seed on) and prints
# one line per run and a total.
#   scripts/detection.sh [--first-seed S] RUNS [torture run options...]
#   e.g. scripts/detection.sh 10 --bug stale-read
#        scripts/detection.sh --first-seed 101 10 --nodes 3 --workload register --nemesis partition-leader,kill
# A run "finds" the bug when it exits 1 (not linearizable, or a Raft invariant broken). Runs go into
# results/detection/ so they stay apart from everyday runs.
set -uo pipefail
cd "$(dirname "$0")/.."
usage() {
  echo "usage: scripts/detection.sh [--first-seed S] RUNS [torture run options...]" >&2
  exit 3
}
first=1
if [ "${1:-}" = "--first-seed" ]; then
  [[ "${2:-}" =~ ^[0-9]+$ ]] || usage
  first="$2"
  shift 2
fi
if [ $# -lt 1 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
  usage
fi
runs="$1"
shift
found=0
echo "options: $*"
for seed in $(seq "$first" $((first + runs - 1))); do
  ./torture run --results-dir results/detection --seed "$seed" "$@" >/dev/null 2>&1
  code=$?
  results="results/detection/latest/results.json"
  line="$(python3 - "$results" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
s = r.get("stats", {})
raft = r.get("raft") or {}
raft_word = "?" if not raft else ("ok" if raft.get("valid") else "BROKEN")
print(f'linearizability {(r.get("check") or {}).get("verdict", "-"):8} raft {raft_word:6} ok/s {s.get("okPerSecond", "?")}  '
      f'problems {"; ".join(str(p)[:100] for p in r.get("problems", [])) or "none"}')
EOF
)"
  [ "$code" -eq 1 ] && found=$((found + 1))
  echo "seed $seed: exit $code  $line"
done
echo "found $found of $runs"
