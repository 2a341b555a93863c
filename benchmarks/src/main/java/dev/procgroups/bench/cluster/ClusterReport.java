package dev.procgroups.bench.cluster;

import java.util.List;

/** Everything one run measured, as written to {@code bench/results/cluster.json}. */
public record ClusterReport(
    String date,
    String command,
    Machine machine,
    ClusterBenchSettings settings,
    List<ShapeResult> shapes,
    Latency joinLatencyAtRest,
    Broadcast broadcast,
    FailureDetection failureDetection,
    PartitionHeal partitionHeal) {

  /** The machine the figures come from; the load average says how much else ran on it. */
  public record Machine(
      int cores, String jdk, String os, double loadAverageAtStart, double loadAverageAtEnd) {}

  /** Join on a worker → the observer's monitor event, over {@code samples} joins at rest. */
  public record Latency(int samples, double p50Us, double p99Us, double maxUs) {}

  /** {@code messages} broadcasts from the observer to {@code members} members on 3 nodes. */
  public record Broadcast(
      int members, int messages, long deliveries, double millis, double deliveriesPerS) {}

  /** {@code kill -9} of a worker → the observer no longer sees its {@code slots} slots. */
  public record FailureDetection(int slots, double millis) {}

  /**
   * Partition with {@code slotsPerSide} slots on each side, then heal.
   *
   * @param splitMs from the cut until every node dropped the other side's slots
   * @param convergeMs from the heal until every node sees all slots again
   */
  public record PartitionHeal(
      boolean measured,
      String note,
      int slotsPerSide,
      int groups,
      double splitMs,
      double convergeMs) {

    static PartitionHeal notMeasured(String why) {
      return new PartitionHeal(false, why, 0, 0, 0, 0);
    }
  }
}
