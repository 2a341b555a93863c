package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Objects;

/**
 * One {@code monitor(group)} subscription on one node, as read back at the end of the run.
 *
 * @param op history index of the monitor call
 * @param snapshot the member list the monitor call returned
 * @param events every event received, in order
 * @param dropped how many events the subscription declared dropped (buffer full)
 * @param beforeDrops how many of {@code events} certainly came before the first dropped one (the
 *     events of the reads before the first read that declared drops or got no answer): the slice
 *     that can still be folded
 * @param readOp history index of the final read
 * @param viewAtRead the node's {@code get_members(group)} taken with the final read, when the run
 *     was quiet (no change in flight) so the two can be compared; null if not comparable
 */
public record Subscription(
    long op,
    String node,
    String group,
    List<String> snapshot,
    List<MonitorEvent> events,
    long dropped,
    int beforeDrops,
    long readOp,
    List<String> viewAtRead) {
  public Subscription {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(group, "group");
    snapshot = List.copyOf(snapshot);
    events = List.copyOf(events);
    viewAtRead = viewAtRead == null ? null : List.copyOf(viewAtRead);
    if (beforeDrops < 0
        || beforeDrops > events.size()
        || dropped == 0 && beforeDrops != events.size()) {
      throw new IllegalArgumentException(
          beforeDrops + " of " + events.size() + " events before a drop");
    }
  }
}
