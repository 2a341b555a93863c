package dev.procgroups.bench.cluster;

/**
 * One shape: {@code processes} slots spread over {@code groups} groups. Every rate counts slots
 * per second of wall time until the observer node saw the phase complete.
 *
 * @param joinLocalMs how long the slower worker took for its own joins (no propagation): the
 *     difference to {@code joinMs} is what replication adds
 */
public record ShapeResult(
    int groups,
    int processes,
    double joinsPerS,
    double joinMs,
    double joinLocalMs,
    double leavesPerS,
    double leaveMs,
    double rejoinsPerS,
    double rejoinMs,
    int killedSlots,
    double killLeavesPerS,
    double killLeaveMs) {

  static ShapeResult of(int groups, int processes, PhaseTime join, PhaseTime leave,
      PhaseTime rejoin, int killedSlots, long killNanos) {
    return new ShapeResult(groups, processes, Rates.perSecond(processes, join.nanos()),
        Rates.millis(join.nanos()), join.slowestWorkerMillis(),
        Rates.perSecond(processes, leave.nanos()), Rates.millis(leave.nanos()),
        Rates.perSecond(processes, rejoin.nanos()), Rates.millis(rejoin.nanos()), killedSlots,
        Rates.perSecond(killedSlots, killNanos), Rates.millis(killNanos));
  }
}
