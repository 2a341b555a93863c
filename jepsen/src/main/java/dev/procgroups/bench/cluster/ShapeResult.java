package dev.procgroups.bench.cluster;

/**
 * One shape: {@code processes} slots spread over {@code groups} groups. Every rate counts slots
 * per second of wall time until the observer node saw the phase complete.
 */
public record ShapeResult(
    int groups,
    int processes,
    double joinsPerS,
    double joinMs,
    double leavesPerS,
    double leaveMs,
    double rejoinsPerS,
    double rejoinMs,
    int killedSlots,
    double killLeavesPerS,
    double killLeaveMs) {

  static ShapeResult of(int groups, int processes, long joinNanos, long leaveNanos,
      long rejoinNanos, int killedSlots, long killNanos) {
    return new ShapeResult(groups, processes, Rates.perSecond(processes, joinNanos),
        Rates.millis(joinNanos), Rates.perSecond(processes, leaveNanos), Rates.millis(leaveNanos),
        Rates.perSecond(processes, rejoinNanos), Rates.millis(rejoinNanos), killedSlots,
        Rates.perSecond(killedSlots, killNanos), Rates.millis(killNanos));
  }
}
