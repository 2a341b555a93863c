package dev.procgroups.jepsen.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * One run's settings.
 *
 * @param workload membership, broadcast or monitor
 * @param nodes how many node JVMs
 * @param timeLimit how long operations and faults go on (then heal, quiet, final reads)
 * @param workersPerNode Jepsen client processes per node
 * @param opsPerSecond target rate of each client process
 * @param nemeses the faults to schedule (empty: none)
 * @param faultEvery time between the end of one fault and the start of the next
 * @param faultFor how long a fault stays in force (with overlap: the nested faults together)
 * @param overlap whether faults of different kinds may nest
 * @param quiet pause after the final heal before the final reads
 * @param groups how many groups the workload uses
 * @param seed seeds every random choice of the run
 * @param store root of the store folder
 */
public record RunConfig(
    Workload.Kind workload,
    int nodes,
    Duration timeLimit,
    int workersPerNode,
    double opsPerSecond,
    Set<NemesisKind> nemeses,
    Duration faultEvery,
    Duration faultFor,
    boolean overlap,
    Duration quiet,
    int groups,
    long seed,
    Path store) {

  public RunConfig {
    if (nodes < 1 || workersPerNode < 1 || groups < 1 || opsPerSecond <= 0) {
      throw new IllegalArgumentException("nodes, workers, groups and rate must be positive");
    }
    nemeses = Set.copyOf(nemeses);
  }

  /** Group names g0, g1, ... */
  public java.util.List<String> groupNames() {
    return java.util.stream.IntStream.range(0, groups).mapToObj(i -> "g" + i).toList();
  }
}
