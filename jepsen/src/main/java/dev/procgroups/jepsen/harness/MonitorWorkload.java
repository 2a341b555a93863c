package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.ConvergenceChecker;
import dev.procgroups.model.checkers.MonitorChecker;
import dev.procgroups.model.checkers.PgHistory;
import dev.procgroups.model.history.History;
import java.util.List;

/**
 * A subscriber on every worker monitors every group while processes join and leave; subscriptions
 * are drained now and then and read a last time after the final quiet period, with the node's view.
 * A subscription that dropped events (or whose read got no answer) is given up and the group
 * monitored afresh, with a new snapshot, as the spec tells a consumer to; so is every group after
 * the node restarted, once it answers. Checked: monitor streams (no drift, drops counted) and
 * convergence.
 */
final class MonitorWorkload implements Workload {

  @Override
  public void setUp(Worker w) {
    if (w.spawn() != null) {
      w.spawn();
    }
    subscribeMissing(w);
  }

  /** Monitors, as the worker's first process, each group it has no open subscription to. */
  private static void subscribeMissing(Worker w) {
    if (w.pids().isEmpty() || w.subscriptions().size() == w.groups().size()) {
      return;
    }
    String subscriber = w.pids().get(0);
    for (String g : w.groups()) {
      if (w.subscriptions().stream().noneMatch(s -> s.group().equals(g))) {
        String id = w.client().monitor(subscriber, g);
        if (id != null) {
          w.subscriptions().add(new Worker.Subscribed(id, g));
        }
      }
    }
  }

  private static final OpMix MIX =
      new OpMix()
          .with(35, OpMix.JOIN)
          .with(30, OpMix.LEAVE)
          .with(30, OpMix.DRAIN)
          .with(5, OpMix.GET_MEMBERS);

  @Override
  public void step(Worker w) {
    subscribeMissing(w);
    MIX.step(w);
  }

  @Override
  public void finalReads(Worker w) {
    for (Worker.Subscribed s : w.subscriptions()) {
      w.client().monitorRead(s.id(), s.group(), true);
    }
    w.finalRead();
  }

  @Override
  public List<CheckResult> check(History history, RunConfig config) {
    PgHistory h = new PgHistory(history);
    return List.of(
        MonitorChecker.check(h.subscriptions()), ConvergenceChecker.check(h.convergence()));
  }
}
