package dev.procgroups.flood;

import dev.procgroups.replication.ProtocolMutation;
import dev.procgroups.replication.ReplicationSettings;
import java.time.Duration;
import java.util.Set;

/**
 * Runs a 5 s flood per named {@link ProtocolMutation} (arguments) with a 10 s convergence bound and
 * prints whether the cluster converged: which planted protocol bugs the flood notices, and how
 * often (results and command in bench/results/flood.md). Not a test: the flood catches
 * NO_ANTI_ENTROPY only when the transport drops one of the last deltas, which is not every run.
 */
final class FloodMutantProbe {
  private FloodMutantProbe() {}

  public static void main(String[] args) throws Exception {
    for (String name : args) {
      ReplicationSettings broken =
          ReplicationSettings.defaults().withMutations(Set.of(ProtocolMutation.valueOf(name)));
      FloodResult r =
          new FloodRun(
                  Duration.ofSeconds(5),
                  16,
                  Duration.ofSeconds(10),
                  config -> config.replication(broken))
              .run();
      System.out.println(name + " converged=" + r.converged() + " " + r);
    }
  }
}
