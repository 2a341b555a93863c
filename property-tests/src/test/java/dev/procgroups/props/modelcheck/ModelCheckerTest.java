package dev.procgroups.props.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.testing.PlantedBugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive exploration of small clusters: every interleaving of local calls, deliveries, losses,
 * duplicates, reorderings, digests, failure-detector reports, one partition and heal, one restart.
 */
class ModelCheckerTest {
  static final long MAX_STATES = 3_000_000;
  private static final String P1 = "{n1@app:processes|1000000}";
  private static final String P2 = "{n2@app:processes|1000000}";

  /** Two nodes, one group: a join racing a join and a leave, with loss, reorder, a partition. */
  static CheckerConfig twoNodesOneGroup() {
    return new CheckerConfig(
        "2 nodes, 1 group, partition",
        List.of("n1", "n2"),
        Map.of(
            "n1",
            List.of(new LocalOp.Join(P1, "g")),
            "n2",
            List.of(new LocalOp.Join(P2, "g"), new LocalOp.Leave(P2, "g"))),
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
        Map.of(
            "n1",
            List.of(new LocalOp.Join(P1, "g")),
            "n2",
            List.of(new LocalOp.Join(P2, "g"), new LocalOp.Leave(P2, "g"))),
        0,
        1,
        true,
        1,
        Set.of("n1"),
        null,
        true);
  }

  static List<CheckerConfig> configs() {
    return List.of(twoNodesOneGroup(), twoNodesRestart(), threeNodes(), twoNodesHealDuplicates());
  }

  /**
   * The planted bugs the checker must find on its own (broadcast order, silence detection and
   * subscription events are outside its model; the simulation catches those, MutantCatalogueTest).
   */
  static final List<String> CHECKER_MUTANTS =
      List.of(
          "APPLY_OUT_OF_ORDER",
          "APPLY_DUPLICATES",
          "SKIP_DOWN_CLEANUP",
          "IGNORE_INCARNATIONS",
          "ACCEPT_FROM_DOWN_PEERS",
          "NO_ANTI_ENTROPY",
          "HIDDEN_COPY_LEAKS");

  @Test
  void everyReachableStateIsSafeAndEveryQuietOneConverges() {
    for (CheckerConfig config : configs()) {
      ModelChecker.Report report =
          ModelChecker.explore(config, ModelChecker.settings(), MAX_STATES);
      System.out.println(report);
      assertThat(report.violation()).as(report.toString()).isNull();
      assertThat(report.complete()).isTrue();
      assertThat(report.quietStates()).isPositive();
    }
  }

  @Test
  void itCatchesEveryMutantOfItsCatalogue() {
    List<String> survivors = new ArrayList<>();
    for (String mutant : CHECKER_MUTANTS) {
      ModelChecker.Report caught = null;
      for (CheckerConfig config : configs()) {
        ModelChecker.Report r =
            PlantedBugs.with(
                Set.of(mutant),
                () -> ModelChecker.explore(config, ModelChecker.settings(), MAX_STATES));
        if (r.complete() && r.violation() != null) {
          caught = r;
          break;
        }
      }
      System.out.println(mutant + (caught == null ? " survived" : " caught: " + caught));
      if (caught == null) {
        survivors.add(mutant);
      }
    }
    assertThat(survivors).as("mutants the model checker did not catch").isEmpty();
  }
}
