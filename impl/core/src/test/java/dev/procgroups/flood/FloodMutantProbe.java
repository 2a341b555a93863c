package dev.procgroups.flood;

import dev.procgroups.testing.PlantedBugs;
import java.time.Duration;
import java.util.Set;

/**
 * Runs a 5 s flood per named planted bug of the replication package (arguments: names of its {@code
 * PlantedBug}) with a 10 s convergence bound and prints whether the cluster converged: which
 * planted protocol bugs the flood notices, and how often (results and command in
 * bench/results/flood.md). Not a test: the flood catches NO_ANTI_ENTROPY only when the transport
 * drops one of the last deltas, which is not every run.
 */
final class FloodMutantProbe {
  private FloodMutantProbe() {}

  public static void main(String[] args) throws Exception {
    for (String name : args) {
      if (!PlantedBugs.of("replication").contains(name)) {
        throw new IllegalArgumentException("not a planted bug of the replication package: " + name);
      }
      FloodResult r =
          PlantedBugs.with(
              Set.of(name),
              () -> new FloodRun(Duration.ofSeconds(5), 16, Duration.ofSeconds(10)).run());
      System.out.println(name + " converged=" + r.converged() + " " + r);
    }
  }
}
