package dev.procgroups.cluster;

import dev.procgroups.transport.BoundedHandOff;

/**
 * How many bytes of received messages may wait for a node's inbound thread, per kind, before more
 * of that kind are dropped. Two lanes because a dropped message costs differently: a lost remote
 * delivery is just lost (at most once), while a lost replication message costs a full resync of its
 * origin's slots — a burst of a million joins dropped at a 16 MiB lane turned into a dozen resyncs
 * of 500,000 slots each (bench/results/cluster-1m.md). Replication traffic is bounded at its source
 * anyway (each origin's writers pay for sending past 1,024 queued changes), broadcast floods are
 * not; so replication gets the larger lane. The lanes among a node's other queues: impl/README.md,
 * "Threads and queues".
 *
 * @param replicationBytes bytes of replication messages (syncs, deltas, digests) that may wait
 * @param deliveryBytes bytes of remote deliveries (broadcasts, sends) that may wait
 */
public record InboundLanes(long replicationBytes, long deliveryBytes) {
  /** Default replication lane: 64 MiB. */
  public static final long DEFAULT_REPLICATION_BYTES = 64L << 20;

  /** Default delivery lane: 16 MiB, as every other inbound lane. */
  public static final long DEFAULT_DELIVERY_BYTES = BoundedHandOff.DEFAULT_CAPACITY_BYTES;

  public static final InboundLanes DEFAULT =
      new InboundLanes(DEFAULT_REPLICATION_BYTES, DEFAULT_DELIVERY_BYTES);

  public InboundLanes {
    if (replicationBytes < 1 || deliveryBytes < 1) {
      throw new IllegalArgumentException(
          "lane capacities must be positive: " + replicationBytes + ", " + deliveryBytes);
    }
  }
}
