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
    for (String mutant : List.of(CONVERGENCE_BUG, SAFETY_BUG)) {
      try {
        runWith(mutant, 20);
        report.mutant(mutant, 20, null);
      } catch (AssertionError caught) {
        report.mutant(mutant, 20, caught.getMessage());
      }
    }
    report.write(ScaleReport.resultsDirectory());
    assertThat(report.violations()).as("invariants violated").isEmpty();
    assertThat(report.mutantsCaught()).as("the planted bugs were caught").isTrue();
  }

  /** The scenario at {@code nodes} with one bug of {@link MutantCatalogueTest#CATALOGUE}. */
  private static ScaleFigures runWith(String mutant, int nodes) {
    assertThat(MutantCatalogueTest.CATALOGUE).contains(mutant);
    return PlantedBugs.with(
        Set.of(mutant), () -> new ScaleScenario(nodes, 7).run(ScaleScenario.settings()));
  }
}
