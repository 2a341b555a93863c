package dev.procgroups.props.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procgroups.testing.PlantedBugs;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;

/**
 * The simulation at scale ({@link ScaleScenario}). By default a few runs at 20 and 50 nodes, which
 * must stay safe and converge after the heal, and a planted bug that must be caught. With {@code
 * -Dprocgroups.sim.scale=full}: 10, 50, 100 and 200 nodes, written to {@code
 * bench/results/sim-scale.json} and {@code .md} ({@link ScaleReport}).
 */
class SimScaleTest {
  static final String FLAG = "procgroups.sim.scale";
  static final List<Integer> FULL = List.of(10, 50, 100, 200);

  /** Caught by convergence after the heal: without digests every quiet peer is suspected. */
  static final String CONVERGENCE_BUG = "NO_ANTI_ENTROPY";

  /** Caught by safety during the cut: the other side's slots outlive its reported down. */
  static final String SAFETY_BUG = "SKIP_DOWN_CLEANUP";

  /**
   * Planted bugs that cost rather than break: views stay safe and converge, so the schedules of
   * {@link MutantCatalogueTest} cannot see them; the scale run's heal-cost check catches the first
   * two at 20 nodes, its storm check the third at {@value ScaleFigures#STORM_CHECKED_FROM} (and
   * ReplicationCoreTest, at the core).
   */
  static final List<String> COST_BUGS =
      List.of("FULL_SYNC_ON_HEAL", "PATCH_SKIPS_A_CHANGE", "NO_HEAL_STAGGER");

  @Example
  void aFewRunsAtTwentyToFiftyNodesStaySafeAndConverge() {
    for (ScaleScenario s :
        List.of(new ScaleScenario(20, 1), new ScaleScenario(20, 2), new ScaleScenario(50, 3))) {
      ScaleFigures f = s.run(ScaleScenario.settings());
      System.out.println(ScaleReport.summary(f));
      assertThat(f.healed()).as("converged after the heal, N=%d", s.nodes()).isPresent();
      assertThat(f.changeTraffic().of(ScaleFigures.DELTAS).messages())
          .as("every change left its node")
          .isGreaterThanOrEqualTo(f.changes());
      assertThat(f.crossSlots()).as("the heal had slots to bring").isPositive();
      assertThat(f.heal().total().bytes()).as("the heal sent something").isPositive();
      assertThat(f.heal().of(ScaleFigures.SYNC).messages())
          .as("full syncs only to and from the restarted nodes")
          .isLessThanOrEqualTo(2L * 2 * s.nodes());
    }
  }

  @Example
  void aHealThatSendsMoreThanTheDifferenceIsCaughtAtTwentyNodes() {
    for (String costly : COST_BUGS.subList(0, 2)) {
      assertThatThrownBy(() -> runWith(costly, 20))
          .as(costly)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("heal cost");
    }
  }

  @Example
  void aPlantedBugThatBreaksConvergenceIsCaughtAtTwentyNodes() {
    assertThatThrownBy(() -> runWith(CONVERGENCE_BUG, 20))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after healing");
  }

  @Example
  void aPlantedBugThatBreaksSafetyIsCaughtAtTwentyNodes() {
    assertThatThrownBy(() -> runWith(SAFETY_BUG, 20))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failure detector reports");
  }

  @Example
  void fullScaleRunWritesTheReport() throws Exception {
    Assume.that("full".equals(System.getProperty(FLAG)));
    ScaleReport report = new ScaleReport();
    for (int n : FULL) {
      ScaleScenario s = new ScaleScenario(n, n);
      try {
        ScaleFigures f = s.run(ScaleScenario.settings());
        System.out.println(ScaleReport.summary(f));
        report.add(f);
      } catch (AssertionError violation) {
        report.violated(n, violation.getMessage());
      }
    }
    for (String mutant : List.of(CONVERGENCE_BUG, SAFETY_BUG, COST_BUGS.get(0), COST_BUGS.get(1))) {
      tryMutant(report, mutant, 20);
    }
    tryMutant(report, COST_BUGS.get(2), ScaleFigures.STORM_CHECKED_FROM);
    report.write(ScaleReport.resultsDirectory());
    assertThat(report.violations()).as("invariants violated").isEmpty();
    assertThat(report.mutantsCaught()).as("the planted bugs were caught").isTrue();
  }

  private static void tryMutant(ScaleReport report, String mutant, int nodes) {
    try {
      runWith(mutant, nodes);
      report.mutant(mutant, nodes, null);
    } catch (AssertionError caught) {
      report.mutant(mutant, nodes, caught.getMessage());
    }
  }

  /** The scenario at {@code nodes} with one bug of a catalogue. */
  private static ScaleFigures runWith(String mutant, int nodes) {
    assertThat(MutantCatalogueTest.CATALOGUE).as("a planted bug").contains(mutant);
    return PlantedBugs.with(
        Set.of(mutant), () -> new ScaleScenario(nodes, 7).run(ScaleScenario.settings()));
  }
}
