#!/usr/bin/env python3
"""CPU seconds per thread kind of the cluster benchmark's JVMs (observer = the `procgroups` CLI,
workers = WorkerMain), read from /proc/<pid>/task/*/stat every 200 ms for SECONDS; a thread's
last reading counts, so threads of killed workers are kept. Run it beside a benchmark, e.g.
  python3 bench/ab/thread-cpu.py 40 & ./procgroups bench cluster --shapes 100000 --warmup-rounds 1 \\
    --latency-samples 0 --broadcast-messages 1 --broadcast-members 10 --partition-slots 0
(how "JIT compilers: 42% of a cold run's CPU" in bench/results/cluster.md was measured)."""
import collections
import os
import re
import sys
import time

TICK = os.sysconf('SC_CLK_TCK')


def role(pid):
    try:
        cmd = open(f'/proc/{pid}/cmdline').read().split('\0')
    except OSError:
        return None
    if 'dev.procgroups.bench.cluster.WorkerMain' in cmd:
        return 'worker'
    if 'dev.procgroups.cli.ProcgroupsCli' in cmd:
        return 'observer'
    return None


def sample(last):
    for pid in filter(str.isdigit, os.listdir('/proc')):
        kind = role(pid)
        if kind is None:
            continue
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tids:
            try:
                stat = open(f'/proc/{pid}/task/{tid}/stat').read()
            except OSError:
                continue
            name = stat[stat.index('(') + 1:stat.rindex(')')]
            fields = stat[stat.rindex(')') + 2:].split()
            last[(pid, tid)] = (kind, name, (int(fields[11]) + int(fields[12])) / TICK)


def main():
    last = {}
    end = time.time() + float(sys.argv[1])
    while time.time() < end:
        sample(last)
        time.sleep(0.2)
    by_kind = collections.Counter()
    for kind, name, cpu in last.values():
        # Numbered threads of one pool count together (GC Thread#0, C2 CompilerThread1, ...).
        by_kind[(kind, re.sub(r'\d+', 'N', re.sub(r'[#\-_ ]?\d+$', '', name)))] += cpu
    totals = collections.Counter()
    for (kind, _), cpu in by_kind.items():
        totals[kind] += cpu
    print('total CPU s:', {kind: round(cpu, 1) for kind, cpu in totals.items()})
    for (kind, name), cpu in by_kind.most_common(20):
        print(f'{kind:9s} {cpu:7.2f} s  {name}')


if __name__ == '__main__':
    main()
