package dev.procgroups.model.checkers;

import java.util.ArrayList;
import java.util.List;

/**
 * One subscription being read back from a history: its lifetime on its node (from the monitor
 * call's invocation to the end of the first kill of that node after it) and the reads that node
 * served from it, in order. Ids are per node incarnation: a restarted node hands out {@code s1}
 * again, so a read belongs to a subscription only if it could have been served while that one
 * lived.
 */
final class SubscriptionReads {

  private final long op;
  private final String node;
  private final String id;
  private final String group;
  private final List<String> snapshot;
  private final long opened;
  private final long died;
  private final List<MonitorEvent> events = new ArrayList<>();
  private long declaredDropped;
  private long lostReads;
  private int beforeDrops = -1;
  private int afterLastLoss;
  private long readOp;
  private List<String> finalView;

  /**
   * @param opened invocation time of the monitor call
   * @param died completion time of the kill of its node that ended it, {@link Long#MAX_VALUE} if
   *     none did
   */
  SubscriptionReads(
      long op,
      String node,
      String id,
      String group,
      List<String> snapshot,
      long opened,
      long died) {
    this.op = op;
    this.node = node;
    this.id = id;
    this.group = group;
    this.snapshot = snapshot;
    this.opened = opened;
    this.died = died;
    this.readOp = op;
  }

  /**
   * Whether a read of {@code id} on {@code node} invoked and completed then may have reached it.
   */
  boolean couldServe(String readNode, String readId, long invoked, long completed) {
    return node.equals(readNode) && id.equals(readId) && invoked <= died && completed >= opened;
  }

  /** A read that certainly drained this subscription (and no other). */
  void read(long readOp, List<MonitorEvent> got, long dropped, List<String> view) {
    if (dropped > declaredDropped) {
      declaredDropped = dropped;
      loss();
      afterLastLoss = events.size() + got.size();
    }
    events.addAll(got);
    this.readOp = readOp;
    this.finalView = view;
  }

  /**
   * A read that may have drained events the harness never saw: no answer, or one that another
   * subscription with the same id may have served.
   */
  void lost(long readOp) {
    lostReads++;
    loss();
    afterLastLoss = events.size();
    this.readOp = readOp;
    this.finalView = null;
  }

  private void loss() {
    if (beforeDrops < 0) {
      beforeDrops = events.size();
    }
  }

  Subscription subscription() {
    long dropped = declaredDropped + lostReads;
    return new Subscription(
        op,
        node,
        group,
        snapshot,
        events,
        dropped,
        dropped == 0 ? events.size() : beforeDrops,
        dropped == 0 ? 0 : events.size() - afterLastLoss,
        readOp,
        finalView,
        died != Long.MAX_VALUE);
  }
}
