package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.BroadcastChecker;
import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.ConvergenceChecker;
import dev.procgroups.model.checkers.PgHistory;
import dev.procgroups.model.history.History;
import java.util.List;

/**
 * Numbered broadcasts to groups, with some membership churn; at the end every process's received
 * log is read. Checked: broadcast delivery (duplicates, non-members, FIFO, completeness in whole
 * windows) and convergence.
 */
final class BroadcastWorkload implements Workload {

  @Override
  public void setUp(Worker w) {
    for (int i = 0; i < 2; i++) {
      String pid = w.spawn();
      if (pid != null) {
        w.client().join(pid, w.anyGroup());
      }
    }
  }

  private static final OpMix MIX =
      new OpMix()
          .with(75, OpMix.BROADCAST)
          .with(12, OpMix.JOIN)
          .with(10, OpMix.LEAVE)
          .with(3, OpMix.GET_MEMBERS);

  @Override
  public void step(Worker w) {
    MIX.step(w);
  }

  @Override
  public void finalReads(Worker w) {
    // The view first, while the nodes are idle: every worker's received reads at once (a 7-node
    // run's processes hold about 100,000 messages each) starved the node JVMs for seconds, their
    // failure detectors declared peers down, and a view read then lacked those peers' slots.
    w.finalRead();
    for (String pid : List.copyOf(w.pids())) {
      w.client().received(pid);
    }
  }

  @Override
  public List<CheckResult> check(History history, RunConfig config) {
    PgHistory h = new PgHistory(history);
    return List.of(
        BroadcastChecker.check(h.broadcast()), ConvergenceChecker.check(h.convergence()));
  }
}
