package dev.procgroups.bench.cluster;

/**
 * One shape: {@code processes} slots spread over {@code groups} groups. Every rate counts slots per
 * second of wall time until the observer node saw the phase complete.
 *
 * @param joinLocalMs how long the slower worker took for its own joins (no propagation): the
 *     difference to {@code joinMs} is what replication adds
 * @param joinCpuMs CPU time the three JVMs used for the join phase (all threads, GC included): on
 *     two shared cores, what a speed-up has to lower
 * @param joinObserverCpuMs the observer's part of {@code joinCpuMs}
 * @param coldJoinsPerS joins/s of the first all-join the fresh worker JVMs did (the first warm-up
 *     round, in other groups of the shape): what JVMs that have not compiled the hot paths yet do
 */
public record ShapeResult(
    int groups,
    int processes,
    double joinsPerS,
    double coldJoinsPerS,
    double joinMs,
    double joinLocalMs,
    double joinCpuMs,
    double joinObserverCpuMs,
    double leavesPerS,
    double leaveMs,
    double leaveCpuMs,
    double rejoinsPerS,
    double rejoinMs,
    double rejoinCpuMs,
    int killedSlots,
    double killLeavesPerS,
    double killLeaveMs) {

  static ShapeResult of(
      int groups,
      int processes,
      PhaseTime coldJoin,
      PhaseTime join,
      PhaseTime leave,
      PhaseTime rejoin,
      int killedSlots,
      long killNanos) {
    return new ShapeResult(
        groups,
        processes,
        Rates.perSecond(processes, join.nanos()),
        Rates.perSecond(processes, coldJoin.nanos()),
        Rates.millis(join.nanos()),
        join.slowestWorkerMillis(),
        Rates.millis(join.cpuNanos()),
        Rates.millis(join.observerCpuNanos()),
        Rates.perSecond(processes, leave.nanos()),
        Rates.millis(leave.nanos()),
        Rates.millis(leave.cpuNanos()),
        Rates.perSecond(processes, rejoin.nanos()),
        Rates.millis(rejoin.nanos()),
        Rates.millis(rejoin.cpuNanos()),
        killedSlots,
        Rates.perSecond(killedSlots, killNanos),
        Rates.millis(killNanos));
  }
}
