package dev.procgroups.props.sim;

import dev.procgroups.replication.ReplicationSettings;
import dev.procgroups.transport.sim.NetworkFaults;
import java.util.List;

/** One generated simulation: network seed and faults, cluster size, and the ops to run. */
record Schedule(long seed, int nodes, NetworkFaults faults, List<SimOp> ops) {
  /** Virtual time given to the healed, quiet network before convergence is checked. */
  static final long QUIET = 8_000;

  /**
   * Digest every 200 ms, suspect a peer after 1 s of silence, resync requests 200 ms apart; a
   * change log of {@value #CHANGE_LOG_SLOTS} slots, so that schedules see both a heal by difference
   * and one that falls back to the full state.
   */
  static ReplicationSettings settings() {
    return new ReplicationSettings(200, 1_000, 200, CHANGE_LOG_SLOTS);
  }

  static final long CHANGE_LOG_SLOTS = 4;

  /** Runs it; throws {@link AssertionError} on the first violated invariant. */
  void run(ReplicationSettings settings) {
    SimCluster cluster = new SimCluster(seed, nodes, faults, settings);
    ops.forEach(cluster::step);
    cluster.settle(QUIET);
  }
}
