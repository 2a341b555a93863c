package dev.procgroups.jepsen.harness;

import dev.procgroups.model.checkers.CheckResult;
import dev.procgroups.model.checkers.ConvergenceChecker;
import dev.procgroups.model.checkers.LocalLinearizability;
import dev.procgroups.model.checkers.PgHistory;
import dev.procgroups.model.history.History;
import java.util.List;

/**
 * Many processes on every node join, leave and read concurrently; some are killed and replaced.
 * Checked: each node's local calls are linearizable against the model; convergence after the final
 * heal (every node's view equals the live local slots, no slot of a dead process or incarnation).
 */
final class MembershipWorkload implements Workload {

  @Override
  public void setUp(Worker w) {
    w.spawn();
    w.spawn();
  }

  private static final OpMix MIX =
      new OpMix()
          .with(35, OpMix.JOIN)
          .with(25, OpMix.LEAVE)
          .with(15, OpMix.GET_MEMBERS)
          .with(15, OpMix.GET_LOCAL_MEMBERS)
          .with(4, OpMix.KILL_AND_REPLACE);

  @Override
  public void step(Worker w) {
    MIX.step(w);
  }

  @Override
  public void finalReads(Worker w) {
    w.finalRead();
  }

  @Override
  public List<CheckResult> check(History history, RunConfig config) {
    return List.of(
        LocalLinearizability.check(history),
        ConvergenceChecker.check(new PgHistory(history).convergence()));
  }
}
