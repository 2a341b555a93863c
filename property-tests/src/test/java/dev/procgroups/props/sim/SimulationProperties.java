package dev.procgroups.props.sim;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The deterministic cluster simulation: random operations on 3–5 nodes interleaved with random
 * faults; invariants after every step, convergence after healing. A failure prints jqwik's seed,
 * which regenerates the same schedule (and the same network, seeded from it) and shrinks it. {@code
 * -Dprocgroups.schedules=N} sets the number of schedules (default 2,000); {@code
 * -Dprocgroups.plantedBugs=NAME} plants one bug of {@link MutantCatalogueTest#CATALOGUE}, to see a
 * shrunk failure.
 */
class SimulationProperties {

  @Property
  @AddLifecycleHook(ScheduleCount.class)
  void everyScheduleStaysSafeAndConverges(@ForAll("schedules") Schedule schedule) {
    schedule.run(Schedule.settings());
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    return Schedules.schedules(40);
  }
}
