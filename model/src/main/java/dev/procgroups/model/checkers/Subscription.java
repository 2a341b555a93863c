package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Objects;

/**
 * One {@code monitor(group)} subscription on one node, as read back at the end of the run.
 *
 * @param op history index of the monitor call
 * @param snapshot the member list the monitor call returned
 * @param events every event received, in order
 * @param dropped how many events the subscription declared dropped (buffer full), plus one for each
 *     read that got no answer (it may have drained events the harness never saw)
 * @param beforeDrops how many of {@code events} certainly came before the first dropped one (the
 *     events of the reads before the first read that declared drops or got no answer): the slice
 *     that can still be folded over the snapshot
 * @param afterDrops how many of the last {@code events} certainly came after the last dropped one
 *     (the events of the reads after the last read that declared new drops or got no answer; the
 *     buffer drops only when full, and a read drains it empty before it reads the count): the slice
 *     that can be unfolded back from the final view. 0 without drops (the whole stream folds)
 * @param readOp history index of the final read
 * @param viewAtRead the node's {@code get_members(group)} taken with the final read, when the run
 *     was quiet (no change in flight) so the two can be compared; null if not comparable
 * @param ended its node was killed while it was open: the subscription died with the node, so it
 *     has no final read (a subscription of the restarted node may reuse its id: not its reads)
 */
public record Subscription(
    long op,
    String node,
    String group,
    List<String> snapshot,
    List<MonitorEvent> events,
    long dropped,
    int beforeDrops,
    int afterDrops,
    long readOp,
    List<String> viewAtRead,
    boolean ended) {
  public Subscription {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(group, "group");
    snapshot = List.copyOf(snapshot);
    events = List.copyOf(events);
    viewAtRead = viewAtRead == null ? null : List.copyOf(viewAtRead);
    if (beforeDrops < 0
        || afterDrops < 0
        || beforeDrops + afterDrops > events.size()
        || dropped == 0 && (beforeDrops != events.size() || afterDrops != 0)) {
      throw new IllegalArgumentException(
          beforeDrops
              + " of "
              + events.size()
              + " events before a drop and "
              + afterDrops
              + " after one ("
              + dropped
              + " dropped)");
    }
  }
}
