#!/usr/bin/env bash
# Start-up of the command line, before/after in one run: each case RUNS times (10), the variants
# interleaved run by run so the machine's load falls on all alike; median and max wall time, and
# the median CPU time (user + system, all threads: less sensitive to a shared machine's load).
#   bench/cli-bench.sh BEFORE_ROOT [AFTER_ROOT] > bench/results/cli.md
# BEFORE_ROOT and AFTER_ROOT are checkouts with ./procgroups built (run it once first).
# VARIANTS picks among: before after after-no-aot after-c1 (default: all).
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "${2:-$(dirname "$0")/..}" && pwd)
exec python3 - "$before" "$after" "${RUNS:-10}" "${VARIANTS:-before after after-no-aot after-c1}" \
  "bench/cli-bench.sh $*" <<'PY'
import os, resource, statistics, subprocess, sys, time
before, after, runs, variants, command = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
    sys.argv[4].split(), sys.argv[5]
cases = {  # name: (arguments, target seconds)
    "syntax error": (["run", f"{after}/bench/cases/syntax_error.lua"], 1.0),
    "run examples/hello.lua": (["run", f"{after}/examples/hello.lua"], 1.5),
    "run examples/hello.lua --nodes 3": (["run", f"{after}/examples/hello.lua", "--nodes", "3"], 4.0),
    "selfcheck": (["selfcheck"], 2.0),
}
setups = {  # variant: (root, extra environment)
    "before": (before, {}),
    "after": (after, {"PROCGROUPS_AOT": "1"}),
    "after-no-aot": (after, {"PROCGROUPS_AOT": "0"}),
    "after-c1": (after, {"PROCGROUPS_AOT": "1", "PROCGROUPS_JVM_OPTS": "-XX:TieredStopAtLevel=1"}),
}
load_start = os.getloadavg()
wall, cpu = {}, {}
for _ in range(runs):
    for case, (args, _) in cases.items():
        for v in variants:
            root, extra = setups[v]
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            subprocess.run(["./procgroups", *args], cwd=root, env={**os.environ, **extra},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall.setdefault((case, v), []).append(time.monotonic() - start)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.setdefault((case, v), []).append(
                now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
load_end = os.getloadavg()
java = next(open(p).read().split()[0] for p in (f"{after}/benchmarks/target/launcher-java.txt",
                                              f"{after}/jepsen/target/launcher-java.txt")
            if os.path.exists(p))
version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
print("# procgroups command line: start-up, before and after issue 15\n")
print(f"Produced by `{command} > bench/results/cli.md` on {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC.")
print(f"JVM: `{java}` ({version}). {runs} runs per case and variant, interleaved; wall time of the")
print("whole command, launcher included; CPU = user + system time of the command and its children.")
print("The machine (2 cores) was shared with other engineers' builds and tests: load average")
print(f"{load_start[0]:.1f} / {load_start[1]:.1f} / {load_start[2]:.1f} (1/5/15 min) at the start,")
print(f"{load_end[0]:.1f} / {load_end[1]:.1f} / {load_end[2]:.1f} at the end.\n")
notes = {"before": "the launcher and CLI before issue 15 (cluster first, then compile; no cache)",
         "after": "compile first, one node without the cluster layer, AppCDS archive (the default)",
         "after-no-aot": "the same with PROCGROUPS_AOT=0 (no archive)",
         "after-c1": "the default plus -XX:TieredStopAtLevel=1 (C1 only)"}
for v in variants:
    print(f"- {v}: {notes[v]}.")
print()
print("| case | target | " + " | ".join(f"{v}: wall median / max, CPU median (s)" for v in variants)
      + " | after: target met (wall median) |")
print("|---|---|" + "---|" * len(variants) + "---|")
for case, (_, target) in cases.items():
    cells = [f"{statistics.median(wall[case, v]):.2f} / {max(wall[case, v]):.2f}, "
             f"{statistics.median(cpu[case, v]):.2f}" for v in variants]
    met = "n/a" if "after" not in variants else \
        ("yes" if statistics.median(wall[case, "after"]) < target else "no")
    print(f"| {case} | < {target:g} | " + " | ".join(cells) + f" | {met} |")
PY
