package dev.procgroups.transport.sim;

/**
 * How the simulated network misbehaves on its own, for every message: a delay drawn uniformly from
 * {@code [minDelay, maxDelay]}, a loss and a duplication probability, and whether one link may
 * reorder (without it each link stays FIFO). Partitions, link cuts and crashes are separate,
 * explicit faults of {@link SimNetwork}.
 *
 * @param detectDelay how long the simulated failure detector takes to report a change
 */
public record NetworkFaults(
    long minDelay,
    long maxDelay,
    double dropRate,
    double duplicateRate,
    boolean reorder,
    long detectDelay) {

  public NetworkFaults {
    if (minDelay < 0 || maxDelay < minDelay || detectDelay < 0) {
      throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay and detectDelay >= 0");
    }
    if (!(dropRate >= 0 && dropRate < 1 && duplicateRate >= 0 && duplicateRate < 1)) {
      throw new IllegalArgumentException("rates must be in [0, 1)");
    }
  }

  /** A healthy network: 1–5 ms, FIFO, nothing lost; changes detected after 50 ms. */
  public static NetworkFaults none() {
    return new NetworkFaults(1, 5, 0, 0, false, 50);
  }
}
