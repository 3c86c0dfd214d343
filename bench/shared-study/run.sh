#!/usr/bin/env bash
# Simulated workers on one shared study (issue 15): for W in the given worker counts, W processes of
# `tune4j minimize --storage URL --name scale-W-PID` run a 2-d quadratic behind a 1.5 s sleep,
# calls = 4 x W (at least 8). Throughput comes from the objective's own start/end stamps (first start
# to last end): finished trials per minute, against the linear W x 40.
# Usage: bench/shared-study/run.sh postgresql://USER@HOST[:PORT]/DB [W ...]   (password: PGPASSWORD or ~/.pgpass)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:?give the storage URL}"; shift
counts=("${@:-1 2 4 8 16}")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for W in ${counts[@]}; do
  C=$((4 * W)); [ "$C" -lt 8 ] && C=8
  export TIMES="$work/times-$W.txt"
  pids=()
  for i in $(seq "$W"); do
    nice -n 10 "$here/../../tune4j" minimize --storage "$url" --name "scale-$W-$$" --space "$here/space.json" \
      --calls "$C" --initial-points 5 -- sh "$here/objective.sh" > "w$W-$i.log" 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  awk -v W="$W" -v C="$C" 'NR==1{lo=$1;hi=$2} {if($1<lo)lo=$1; if($2>hi)hi=$2; n++}
    END {printf "workers %d calls %d evaluated %d span %.1f s trials/min %.1f linear %.1f ratio %.2f\n",
         W, C, n, hi-lo, n/(hi-lo)*60, W*40, (n/(hi-lo)*60)/(W*40)}' "$TIMES"
done
