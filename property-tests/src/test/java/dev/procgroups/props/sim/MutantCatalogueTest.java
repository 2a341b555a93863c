package dev.procgroups.props.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procgroups.testing.PlantedBugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * Each planted bug must be caught by the simulation: schedules generated from fixed seeds run with
 * the mutant switched on until one violates an invariant (at most {@value #MAX_SCHEDULES} each). A
 * jqwik example, so that jqwik's generators can run in it.
 */
class MutantCatalogueTest {
  /**
   * Since a heal is pulled (a resync request, then its answer) rather than pushed, a late full
   * state from a peer reported down is rarer: {@code ACCEPT_FROM_DOWN_PEERS} now needs 9,537
   * schedules of its seed (the model checker finds it at once).
   */
  private static final int MAX_SCHEDULES = 10_000;

  /**
   * Every planted bug of the replication core, plus the store bug Erlang pg has ({@code
   * SYNC_WITHOUT_DIFF_EVENTS}: a resync that changes a group that still exists notifies nobody),
   * planted in the real store.
   */
  static final List<String> CATALOGUE =
      Stream.concat(PlantedBugs.of("replication").stream(), Stream.of("SYNC_WITHOUT_DIFF_EVENTS"))
          .toList();

  /** What the schedules must catch: all but the bugs that cost rather than break. */
  static final List<String> SCHEDULE_CATALOGUE =
      CATALOGUE.stream().filter(b -> !SimScaleTest.COST_BUGS.contains(b)).toList();

  @Example
  void theSimulationCatchesEveryMutant() {
    List<String> survivors = new ArrayList<>();
    for (int i = 0; i < SCHEDULE_CATALOGUE.size(); i++) {
      String mutant = SCHEDULE_CATALOGUE.get(i);
      Random random = new Random(i); // its place in the catalogue: the seed it always had
      if (PlantedBugs.with(Set.of(mutant), () -> firstViolation(mutant, random)) == null) {
        survivors.add(mutant);
      }
    }
    assertThat(survivors).as("mutants the simulation did not catch").isEmpty();
  }

  /** The first violation a schedule from {@code random} shows, with the mutant planted. */
  private static String firstViolation(String mutant, Random random) {
    RandomGenerator<Schedule> generator = Schedules.schedules(40).generator(1000);
    for (int tried = 1; tried <= MAX_SCHEDULES; tried++) {
      Schedule schedule = generator.next(random).value();
      try {
        schedule.run(Schedule.settings());
      } catch (AssertionError violation) {
        System.out.printf("%s caught by schedule %d: %s%n", mutant, tried, violation.getMessage());
        return violation.getMessage();
      }
    }
    System.out.printf("%s survived %d schedules%n", mutant, MAX_SCHEDULES);
    return null;
  }
}
