package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.PgOps;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload's operations with their weights; each step picks one at random for a random process.
 */
final class OpMix {

  /** One kind of operation, done by {@code pid}, a live process of the worker. */
  @FunctionalInterface
  interface Op {
    void run(Worker w, String pid);
  }

  static final Op JOIN = (w, pid) -> w.client().join(pid, w.anyGroup());
  static final Op LEAVE = (w, pid) -> w.client().leave(pid, w.anyGroup());
  static final Op GET_MEMBERS = (w, pid) -> w.client().getMembers(pid, w.anyGroup());
  static final Op GET_LOCAL_MEMBERS = (w, pid) -> w.client().getLocalMembers(pid, w.anyGroup());
  static final Op BROADCAST = (w, pid) -> w.client().broadcast(pid, w.anyGroup(), w.nextMessage());

  /** Kills the process (keeping at least one) and spawns a replacement. */
  static final Op KILL_AND_REPLACE =
      (w, pid) -> {
        if (w.pids().size() > 1) {
          w.client().killProcess(pid);
          w.pids().remove(pid);
        }
        w.spawn();
      };

  /**
   * Drains every subscription of the worker, so that none overflows its 64-event buffer: at 7 nodes
   * each group sees about 30 changes a second, and a worker drains a few times a second. One that
   * dropped events, or whose read got no answer (it may have drained some), is given up: the
   * workload monitors the group afresh.
   */
  static final Op DRAIN =
      (w, pid) -> {
        for (Worker.Subscribed s : List.copyOf(w.subscriptions())) {
          Recorder.Completed read = w.client().monitorRead(s.id(), s.group(), false);
          if (!read.ok() || read.value().get(PgOps.DROPPED) instanceof Long d && d > 0) {
            w.subscriptions().remove(s);
          }
        }
      };

  private record Weighted(int weight, Op op) {}

  private final List<Weighted> ops = new ArrayList<>();
  private int total;

  OpMix with(int weight, Op op) {
    ops.add(new Weighted(weight, op));
    total += weight;
    return this;
  }

  void step(Worker w) {
    String pid = w.anyPid();
    if (pid == null) {
      return;
    }
    int pick = w.random().nextInt(total);
    for (Weighted o : ops) {
      pick -= o.weight();
      if (pick < 0) {
        o.op().run(w, pid);
        return;
      }
    }
  }
}
