#!/usr/bin/env bash
# A/B of TLS between nodes: `procgroups bench cluster` in this checkout, in plaintext and with
# --tls, interleaved (plain, tls, plain, tls), the other arguments the same; appends each run's
# shapes, latency and broadcast lines, CPU time and the load average to OUT/summary.
#   bench/ab/tls-ab.sh OUT -- --shapes 100000,1000,10,1 --latency-samples 200 \
#     --broadcast-messages 1 --broadcast-members 10 --partition-slots 0
set -euo pipefail
out=$1; shift
[ "${1:-}" = -- ] && shift
mkdir -p "$out"
for run in 1 2; do
  for side in plain tls; do
    name=$side-$run
    flags=("$@")
    [ "$side" = tls ] && flags+=(--tls)
    echo "$name start $(date -u +%T) $(uptime)" >> "$out/summary"
    TIMEFORMAT="$name cpu user %U s sys %S s wall %R s"
    { time (timeout 1800 ./procgroups bench cluster --out "$out/$name.json" \
        --markdown "$out/$name.md" "${flags[@]}" > "$out/$name.log" 2>&1) ; } 2>> "$out/summary"
    echo "$name end $(date -u +%T) $(uptime)" >> "$out/summary"
    grep -E 'ShapeResult|Latency|Broadcast' "$out/$name.log" \
      | sed 's/ShapeResult\[//; s/, killedSlots.*//' >> "$out/summary" || true
  done
done
cat "$out/summary"
