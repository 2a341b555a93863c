#!/usr/bin/env bash
# A/B of the store alone: runs StoreBench (THREADS joiners, N processes, GROUPS groups, ROUNDS)
# or ApplyBench (N changes, GROUPS groups, ROUNDS, BATCH) against each given checkout's impl jar,
# back to back. A checkout before 9f0d76a's successor needs pcollections, taken from its class path.
#   bench/ab/store-ab.sh StoreBench /tmp/base /work/wt-perf -- 100 100000 100000 10
#   bench/ab/store-ab.sh ApplyBench /tmp/base /work/wt-perf -- 100000 100000 10 8
# or RetainedBench (N): heap bytes the state keeps per slot, one slot per group (no timing noise).
#   bench/ab/store-ab.sh RetainedBench /tmp/base /work/wt-perf -- 100000
# or LocalLatency (SAMPLES REST_NANOS): join -> remote event between two real nodes in one JVM.
#   bench/ab/store-ab.sh LocalLatency /work/main -- 400 5000000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
main=$1; shift
dirs=()
while [ "$1" != "--" ]; do dirs+=("$1"); shift; done
shift
for dir in "${dirs[@]}"; do
  cp=$(tr ':' '\n' < "$dir/jepsen/target/classpath.txt" | grep -v '/procgroups-[a-z-]*0\.1' | paste -sd:)
  echo "== $dir  load $(cut -d' ' -f1-3 /proc/loadavg)"
  jar=$(ls "$dir"/impl/core/target/procgroups-0.1.0-SNAPSHOT.jar "$dir"/impl/target/procgroups-0.1.0-SNAPSHOT.jar 2>/dev/null | head -n 1) # impl/core since the split
  java -Xmx3g --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED -cp "$jar:$cp" "$here/$main.java" "$@" | tail -3
done
