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
 * Checked: monitor streams (no drift, drops counted) and convergence.
 */
final class MonitorWorkload implements Workload {

  @Override
  public void setUp(Worker w) {
    String subscriber = w.spawn();
    w.spawn();
    if (subscriber == null) {
      return;
    }
    for (String g : w.groups()) {
      String id = w.client().monitor(subscriber, g);
      if (id != null) {
        w.subscriptions().add(new Worker.Subscribed(id, g));
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
