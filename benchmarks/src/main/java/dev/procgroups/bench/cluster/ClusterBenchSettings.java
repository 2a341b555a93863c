package dev.procgroups.bench.cluster;

import java.util.List;

/**
 * What one run measures.
 *
 * @param processes N, split over the two workers
 * @param shapes the group counts N is spread over, one measured shape each
 * @param concurrency joining threads per worker node
 * @param warmupRounds rounds of all-join + all-leave per shape before the timed phases (the first
 *     one's join, on fresh worker JVMs, is reported as the cold figure)
 * @param phaseTimeoutSeconds the longest any phase may take before the run fails
 * @param latencySamples single joins timed at rest, after {@code warmupRounds} times as many
 *     untimed ones
 * @param broadcastMembers members of the broadcast group, spread over the 3 nodes
 * @param broadcastMessages broadcasts sent to them
 * @param partitionSlots slots on each side of the partition-heal run (0 skips it)
 * @param partitionGroups the groups those slots are spread over
 * @param tls TLS between the nodes (a CA made for the run), else plaintext
 */
public record ClusterBenchSettings(
    int processes,
    List<Integer> shapes,
    int concurrency,
    int warmupRounds,
    int phaseTimeoutSeconds,
    int latencySamples,
    int broadcastMembers,
    int broadcastMessages,
    int partitionSlots,
    int partitionGroups,
    boolean tls) {

  public ClusterBenchSettings {
    shapes = List.copyOf(shapes);
    if (processes < 2
        || concurrency < 1
        || warmupRounds < 0
        || phaseTimeoutSeconds < 1
        || latencySamples < 0
        || broadcastMembers < 0
        || broadcastMessages < 0
        || partitionSlots < 0
        || partitionGroups < 1) {
      throw new IllegalArgumentException(
          "processes >= 2, concurrency >= 1, phase timeout >= 1 s,"
              + " partition groups >= 1, no negative counts");
    }
    if (shapes.stream().anyMatch(g -> g < 1 || g > processes)) {
      throw new IllegalArgumentException("every shape needs 1 <= groups <= processes: " + shapes);
    }
  }
}
