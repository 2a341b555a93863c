package dev.procgroups.props.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.model.history.History;
import dev.procgroups.model.linearizability.CheckResult;
import dev.procgroups.model.linearizability.LinearizabilityChecker;
import dev.procgroups.model.linearizability.MembershipSpecification;
import dev.procgroups.model.linearizability.MembershipState;
import dev.procgroups.testing.PlantedBugs;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Many threads joining, leaving and reading one node's store at once: every recorded history must
 * be linearizable against the model's membership register. The planted STALE_READS bug (a write
 * returns before its state is published) must be caught. Bounded: a fixed number of rounds of
 * {@value #THREADS} x {@value #CALLS} calls ({@code -Dprocgroups.rounds=N} for more).
 */
class ConcurrentLinearizabilityTest {

  private static final int THREADS = 4;
  private static final int CALLS = 200;
  private static final int ROUNDS = Integer.getInteger("procgroups.rounds", 20);
  private static final int MUTANT_ROUNDS = 50;

  private final LinearizabilityChecker checker = new LinearizabilityChecker();

  @Test
  void concurrentJoinsLeavesAndReadsAreLinearizable() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      History history = ConcurrentHistory.record(THREADS, CALLS, round);
      CheckResult<MembershipState> result = checker.check(history, new MembershipSpecification());
      assertThat(result).as("round %d", round).isInstanceOf(CheckResult.Linearizable.class);
    }
  }

  @Test
  void theCheckerCatchesStaleReads() throws Exception {
    int caughtIn = -1;
    for (int round = 0; round < MUTANT_ROUNDS && caughtIn < 0; round++) {
      int r = round;
      History history =
          PlantedBugs.with(
              Set.of("STALE_READS"), () -> ConcurrentHistory.record(THREADS, CALLS, r));
      if (checker.check(history, new MembershipSpecification())
          instanceof CheckResult.NotLinearizable<MembershipState> violation) {
        caughtIn = round;
        System.out.println(
            "STALE_READS caught in round " + round + ":\n" + violation.counterexample());
      }
    }
    assertThat(caughtIn).as("rounds until STALE_READS was caught").isNotNegative();
  }
}
