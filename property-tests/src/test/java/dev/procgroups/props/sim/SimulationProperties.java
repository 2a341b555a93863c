package dev.procgroups.props.sim;

import java.util.Set;
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
 * -Dprocgroups.mutant=NAME} plants one bug of {@link Mutant}, to see a shrunk failure.
 */
class SimulationProperties {

  @Property
  @AddLifecycleHook(ScheduleCount.class)
  void everyScheduleStaysSafeAndConverges(@ForAll("schedules") Schedule schedule) {
    String planted = System.getProperty("procgroups.mutant");
    if (planted == null) {
      schedule.run(Schedule.settings(), Set.of());
    } else {
      Mutant mutant = Mutant.valueOf(planted);
      schedule.run(mutant.apply(Schedule.settings()), mutant.store());
    }
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    return Schedules.schedules(40);
  }
}
