package dev.procgroups.props.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * Each planted bug must be caught by the simulation: schedules generated from fixed seeds run with
 * the mutant switched on until one violates an invariant (at most {@value #MAX_SCHEDULES} each). A
 * jqwik example, so that jqwik's generators can run in it.
 */
class MutantCatalogueTest {
  private static final int MAX_SCHEDULES = 3_000;

  @Example
  void theSimulationCatchesEveryMutant() {
    List<Mutant> survivors = new ArrayList<>();
    for (Mutant mutant : Mutant.values()) {
      if (firstViolation(mutant) == null) {
        survivors.add(mutant);
      }
    }
    assertThat(survivors).as("mutants the simulation did not catch").isEmpty();
  }

  private static String firstViolation(Mutant mutant) {
    RandomGenerator<Schedule> generator = Schedules.schedules(40).generator(1000);
    Random random = new Random(mutant.ordinal());
    for (int tried = 1; tried <= MAX_SCHEDULES; tried++) {
      Schedule schedule = generator.next(random).value();
      try {
        schedule.run(mutant.apply(Schedule.settings()), mutant.store());
      } catch (AssertionError violation) {
        System.out.printf("%s caught by schedule %d: %s%n", mutant, tried, violation.getMessage());
        return violation.getMessage();
      }
    }
    System.out.printf("%s survived %d schedules%n", mutant, MAX_SCHEDULES);
    return null;
  }
}
