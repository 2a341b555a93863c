package dev.procgroups.model.cluster;

import dev.procgroups.model.node.NodeState;
import java.util.Objects;

/**
 * One node of the cluster truth: its name, its current incarnation (1, 2, 3, … per start), whether
 * it is up, and its model state. A down node's state is the empty state it will restart with (same
 * policy and scope entries, no processes).
 */
public record ClusterNode(String name, long incarnation, boolean up, NodeState state) {
  public ClusterNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    if (!state.node().equals(name)) {
      throw new IllegalArgumentException("state of " + state.node() + " given for " + name);
    }
    if (incarnation < 1) {
      throw new IllegalArgumentException("incarnations start at 1");
    }
  }
}
