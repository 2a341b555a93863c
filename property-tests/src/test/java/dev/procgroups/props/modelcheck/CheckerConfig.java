package dev.procgroups.props.modelcheck;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small configuration to explore exhaustively.
 *
 * @param nodes node names (all start at incarnation 1, not yet aware of each other)
 * @param scripts each node's local calls, run in order, interleaved with everything else
 * @param maxDrops messages the network may lose, in total
 * @param maxDuplicates messages the network may deliver twice, in total
 * @param reorder whether messages on one link may overtake each other
 * @param maxTicks timer ticks (each: one node sends its digests), in total
 * @param partitionSide nodes cut from the others by the one partition (and heal); empty: none
 * @param restartNode a node that may crash and restart once with a new incarnation; null: none
 * @param connected whether exploration starts once the nodes have found each other and synced
 *     (discovery interleavings are left to the smaller configurations)
 */
record CheckerConfig(
    String name,
    List<String> nodes,
    Map<String, List<LocalOp>> scripts,
    int maxDrops,
    int maxDuplicates,
    boolean reorder,
    int maxTicks,
    Set<String> partitionSide,
    String restartNode,
    boolean connected) {}
