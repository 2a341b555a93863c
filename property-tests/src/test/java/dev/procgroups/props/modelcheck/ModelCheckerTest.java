package dev.procgroups.props.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.testing.PlantedBugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive exploration of small clusters: every interleaving of local calls, deliveries, losses,
 * duplicates, reorderings, digests, failure-detector reports, one partition and heal, one restart.
 */
class ModelCheckerTest {
  static final long MAX_STATES = 3_000_000;
  private static final String P1 = "{n1@app:processes|1000000}";
  private static final String P2 = "{n2@app:processes|1000000}";

  /** n1 joins g while n2 joins and leaves it: the scripts of the two-node configurations. */
  private static Map<String, List<LocalOp>> joinRacingJoinAndLeave() {
    return Map.of(
        "n1",
        List.of(new LocalOp.Join(P1, "g")),
        "n2",
        List.of(new LocalOp.Join(P2, "g"), new LocalOp.Leave(P2, "g")));
  }

  /** Two nodes, one group: a join racing a join and a leave, with loss, reorder, a partition. */
  static CheckerConfig twoNodesOneGroup() {
    return new CheckerConfig(
        "2 nodes, 1 group, partition",
        List.of("n1", "n2"),
        joinRacingJoinAndLeave(),
        1,
        0,
        true,
        1,
        Set.of("n1"),
        null,
        false);
  }

  /** Two nodes, two groups, one restart (stale messages of the old incarnation), duplicates. */
  static CheckerConfig twoNodesRestart() {
    return new CheckerConfig(
        "2 nodes, 2 groups, restart, duplicates",
        List.of("n1", "n2"),
        Map.of(
            "n1", List.of(new LocalOp.Join(P1, "g1")), "n2", List.of(new LocalOp.Join(P2, "g2"))),
        0,
        1,
        true,
        1,
        Set.of(),
        "n2",
        false);
  }

  /** Three connected nodes, two groups: an exit, a loss, a partition of one node from two. */
  static CheckerConfig threeNodes() {
    return new CheckerConfig(
        "3 nodes, 2 groups, partition",
        List.of("n1", "n2", "n3"),
        Map.of(
            "n1",
            List.of(new LocalOp.Join(P1, "g1")),
            "n2",
            List.of(new LocalOp.Join(P2, "g2"), new LocalOp.Exit(P2))),
        1,
        0,
        false,
        0,
        Set.of("n3"),
        null,
        true);
  }

  /**
   * Two connected nodes, a cut and a heal with changes on both sides, a duplicated message: the
   * heal by difference with a patch or a request delivered twice, reordered.
   */
  static CheckerConfig twoNodesHealDuplicates() {
    return new CheckerConfig(
        "2 nodes, 1 group, heal, duplicates",
        List.of("n1", "n2"),
        joinRacingJoinAndLeave(),
        0,
        1,
        true,
        1,
        Set.of("n1"),
        null,
        true);
  }

  /**
   * {@code -Dprocgroups.modelcheck=full} explores every configuration exhaustively (1.8 million
   * states, minutes). The default run explores exhaustively only {@link #twoNodesHealDuplicates}
   * (148,034 states: a heal by patch, its fallback to the full state, a duplicated request or
   * answer) and the first {@value #DEFAULT_STATE_BOUND} states (depth first) of each of the others
   * (470,000 to 664,000 states each), a bounded search that finds no violation in them.
   */
  static final String DEPTH_FLAG = "procgroups.modelcheck";

  static final long DEFAULT_STATE_BOUND = 60_000;

  /** A configuration and how far to explore it; a bounded run only looks for violations. */
  record Run(CheckerConfig config, boolean exhaustive) {
    long stateBound() {
      return exhaustive ? MAX_STATES : DEFAULT_STATE_BOUND;
    }
  }

  static List<Run> runs() {
    boolean full = "full".equals(System.getProperty(DEPTH_FLAG));
    return List.of(
        new Run(twoNodesOneGroup(), full),
        new Run(twoNodesRestart(), full),
        new Run(threeNodes(), full),
        new Run(twoNodesHealDuplicates(), true));
  }

  /**
   * The planted bugs the checker must find on its own, each with the configuration that finds it
   * (broadcast order, silence detection and subscription events are outside its model; the
   * simulation catches those, MutantCatalogueTest). Exploring only that configuration keeps the run
   * short: a mutant that one configuration misses would otherwise cost full explorations.
   */
  static final Map<String, Supplier<CheckerConfig>> CHECKER_MUTANTS =
      Map.of(
          "APPLY_OUT_OF_ORDER", ModelCheckerTest::twoNodesOneGroup,
          "APPLY_DUPLICATES", ModelCheckerTest::twoNodesOneGroup,
          "SKIP_DOWN_CLEANUP", ModelCheckerTest::twoNodesOneGroup,
          "IGNORE_INCARNATIONS", ModelCheckerTest::twoNodesRestart,
          "ACCEPT_FROM_DOWN_PEERS", ModelCheckerTest::twoNodesOneGroup,
          "NO_ANTI_ENTROPY", ModelCheckerTest::twoNodesOneGroup,
          "HIDDEN_COPY_LEAKS", ModelCheckerTest::twoNodesOneGroup);

  @Test
  void everyReachableStateIsSafeAndEveryQuietOneConverges() {
    for (Run run : runs()) {
      ModelChecker.Report report =
          ModelChecker.explore(run.config(), ModelChecker.settings(), run.stateBound());
      System.out.println(report);
      if (run.exhaustive()) {
        assertThat(report.violation()).as(report.toString()).isNull();
        assertThat(report.complete()).isTrue();
      } else {
        assertThat(report.complete() ? report.violation() : null).as(report.toString()).isNull();
      }
      assertThat(report.quietStates()).isPositive();
    }
  }

  @Test
  void itCatchesEveryMutantOfItsCatalogue() {
    List<String> survivors = new ArrayList<>();
    for (var mutant : new TreeMap<>(CHECKER_MUTANTS).entrySet()) {
      CheckerConfig config = mutant.getValue().get();
      ModelChecker.Report r =
          PlantedBugs.with(
              Set.of(mutant.getKey()),
              () -> ModelChecker.explore(config, ModelChecker.settings(), MAX_STATES));
      boolean caught = r.complete() && r.violation() != null;
      System.out.println(mutant.getKey() + (caught ? " caught: " : " survived: ") + r);
      if (!caught) {
        survivors.add(mutant.getKey());
      }
    }
    assertThat(survivors).as("mutants the model checker did not catch").isEmpty();
  }
}
