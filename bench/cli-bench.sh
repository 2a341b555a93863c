#!/usr/bin/env bash
# Start-up of the command line, before/after in one run: each case 10 times (RUNS), the variants
# interleaved run by run so the machine's load falls on all alike; median and max wall time.
#   bench/cli-bench.sh BEFORE_ROOT [AFTER_ROOT] > bench/results/cli.md
# BEFORE_ROOT and AFTER_ROOT are checkouts with ./procgroups built (run it once first).
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "${2:-$(dirname "$0")/..}" && pwd)
runs=${RUNS:-10}
syntax="$after/bench/cases/syntax_error.lua"
hello="$after/examples/hello.lua"

cases=(syntax hello1 hello3 selfcheck)
declare -A args=(
  [syntax]="run $syntax"
  [hello1]="run $hello"
  [hello3]="run $hello --nodes 3"
  [selfcheck]="selfcheck")
declare -A target=([syntax]=1.0 [hello1]=1.5 [hello3]=4.0 [selfcheck]=2.0)
# variant: root, then environment for the launcher
variants=(before after after-no-aot after-c1)
declare -A root=([before]=$before [after]=$after [after-no-aot]=$after [after-c1]=$after)
declare -A env=([before]="" [after]="PROCGROUPS_AOT=1" [after-no-aot]="PROCGROUPS_AOT=0"
  [after-c1]="PROCGROUPS_AOT=1 PROCGROUPS_JVM_OPTS=-XX:TieredStopAtLevel=1")

times=$(mktemp)
load_start=$(uptime)
for ((i = 1; i <= runs; i++)); do
  for c in "${cases[@]}"; do
    for v in "${variants[@]}"; do
      start=$(date +%s.%N)
      (cd "${root[$v]}" && env ${env[$v]} ./procgroups ${args[$c]} >/dev/null 2>&1) || true
      end=$(date +%s.%N)
      echo "$c $v $(echo "$end - $start" | bc)" >> "$times"
    done
  done
done
load_end=$(uptime)

java=$(cat "$after/jepsen/target/launcher-java.txt" 2>/dev/null || echo "?")
echo "# procgroups command line: start-up, before and after issue 15"
echo
echo "Produced by \`bench/cli-bench.sh $1 ${2:-.} > bench/results/cli.md\` on $(date -u +%F) (UTC)."
echo "JVM: $java ($("$java" -version 2>&1 | head -n 1)). $runs runs per case and variant,"
echo "interleaved; wall time of the whole command, launcher included. The machine (2 cores) was"
echo "shared with other engineers' builds: load at start \`${load_start##*load average: }\`,"
echo "at end \`${load_end##*load average: }\` (1/5/15-minute averages)."
echo
echo "- before: the launcher and CLI before this issue (cluster first, then compile; no cache)."
echo "- after: compile first, one node without the cluster layer, JDK 25 AOT cache (default)."
echo "- after-no-aot: the same with PROCGROUPS_AOT=0."
echo "- after-c1: the default plus -XX:TieredStopAtLevel=1 (C1 only)."
echo
echo "| case | target | before median / max (s) | after | after-no-aot | after-c1 | after meets target |"
echo "|---|---|---|---|---|---|---|"
python3 - "$times" "${target[syntax]}" "${target[hello1]}" "${target[hello3]}" "${target[selfcheck]}" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
targets = dict(zip(["syntax", "hello1", "hello3", "selfcheck"], map(float, sys.argv[2:6])))
names = {"syntax": "syntax error", "hello1": "run examples/hello.lua",
         "hello3": "run examples/hello.lua --nodes 3", "selfcheck": "selfcheck"}
for case in targets:
    cells, median_after = [], None
    for v in ["before", "after", "after-no-aot", "after-c1"]:
        t = [float(r[2]) for r in rows if r[0] == case and r[1] == v]
        m = statistics.median(t)
        if v == "after":
            median_after = m
        cells.append(f"{m:.2f} / {max(t):.2f}")
    ok = "yes" if median_after < targets[case] else "no"
    print(f"| {names[case]} | < {targets[case]:g} | " + " | ".join(cells) + f" | {ok} (median) |")
PY
rm -f "$times"
