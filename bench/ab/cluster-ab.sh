#!/usr/bin/env bash
# A/B of the cluster benchmark: runs `procgroups bench cluster` in each given checkout, back to
# back, with the same arguments, and appends joins/leaves/re-joins per shape, CPU time and the
# load average to OUT/summary. Build each checkout first (./mvnw -o -q -DskipTests package), e.g.
# from `git archive <commit> | tar -x -C /tmp/base`.
#   bench/ab/cluster-ab.sh OUT /tmp/base /work/wt-perf -- --shapes 100000,1000,10,1 \
#     --latency-samples 0 --broadcast-messages 1 --broadcast-members 10 --partition-slots 0
set -euo pipefail
out=$1; shift
dirs=()
while [ "$1" != "--" ]; do dirs+=("$1"); shift; done
shift
mkdir -p "$out"
for dir in "${dirs[@]}"; do
  side=$(basename "$dir")
  echo "$side start $(date -u +%T) $(uptime)" >> "$out/summary"
  TIMEFORMAT="$side cpu user %U s sys %S s wall %R s"
  { time (cd "$dir" && timeout 1800 ./procgroups bench cluster --out "$out/$side.json" \
      --markdown "$out/$side.md" "$@" > "$out/$side.log" 2>&1) ; } 2>> "$out/summary"
  echo "$side end $(date -u +%T) $(uptime)" >> "$out/summary"
  grep ShapeResult "$out/$side.log" | sed 's/ShapeResult\[//; s/, killedSlots.*//' >> "$out/summary"
done
cat "$out/summary"
