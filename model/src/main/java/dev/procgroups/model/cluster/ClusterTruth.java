package dev.procgroups.model.cluster;

import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeModel;
import dev.procgroups.model.node.NodeState;
import dev.procgroups.model.node.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster should converge to (SEMANTICS.md, "Cluster consistency"), an immutable value.
 * Each node owns its local slots, kept in its single-node model state; killing a node makes its
 * processes and slots vanish; restarting starts a new incarnation with no processes. Once the
 * network has been whole and quiet, every live node's view of a scope is the multiset union of
 * every live node's local slots in that scope: {@link #expectedView}.
 */
public record ClusterTruth(Map<String, ClusterNode> nodes) {

  public ClusterTruth {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
  }

  public static ClusterTruth empty() {
    return new ClusterTruth(Map.of());
  }

  /** Starts a new node (incarnation 1) from {@code initial}, e.g. {@code NodeState.initial(n)}. */
  public ClusterTruth start(NodeState initial) {
    if (nodes.containsKey(initial.node())) {
      throw new IllegalArgumentException(initial.node() + " exists; restart it instead");
    }
    return with(new ClusterNode(initial.node(), 1, true, initial));
  }

  /** Starts a new node with an allow-all policy and these scope entries (default config). */
  public ClusterTruth start(String name, String... scopes) {
    NodeState state = NodeState.initial(name);
    for (String scope : scopes) {
      state = NodeModel.step(state, new NodeCall.RegisterScope(scope, null)).state();
    }
    return start(state);
  }

  /** The node crashes: its processes, instances, subscriptions and slots vanish. */
  public ClusterTruth kill(String name) {
    ClusterNode node = node(name);
    return with(new ClusterNode(name, node.incarnation(), false, node.state().restarted()));
  }

  /** The node (up or down) starts again under a new incarnation, with no processes. */
  public ClusterTruth restart(String name) {
    ClusterNode node = node(name);
    return with(new ClusterNode(name, node.incarnation() + 1, true, node.state().restarted()));
  }

  /** Applies a call to an up node's model. */
  public ClusterStep step(String name, NodeCall call) {
    ClusterNode node = node(name);
    if (!node.up()) {
      throw new IllegalArgumentException(name + " is down");
    }
    Step step = NodeModel.step(node.state(), call);
    ClusterNode next = new ClusterNode(name, node.incarnation(), true, step.state());
    return new ClusterStep(with(next), step);
  }

  public ClusterNode node(String name) {
    ClusterNode node = nodes.get(name);
    if (node == null) {
      throw new IllegalArgumentException("no node " + name);
    }
    return node;
  }

  public boolean isUp(String name) {
    return node(name).up();
  }

  public long incarnation(String name) {
    return node(name).incarnation();
  }

  /** Names of the nodes that are up, in start order. */
  public List<String> liveNodes() {
    List<String> live = new ArrayList<>();
    nodes
        .values()
        .forEach(
            node -> {
              if (node.up()) {
                live.add(node.name());
              }
            });
    return live;
  }

  /**
   * What {@code node}'s view of {@code scope} must be once the network is whole and quiet: group →
   * members, the union of every live node's local slots. Empty if the node does not run the scope.
   * Member order across nodes is unspecified: compare with {@link Views}.
   */
  public Map<String, List<String>> expectedView(String node, String scope) {
    if (!isUp(node)) {
      throw new IllegalArgumentException(node + " is down and has no view");
    }
    if (node(node).state().scope(scope) == null || node(node).state().scope(scope).stopped()) {
      return Map.of();
    }
    Map<String, List<String>> view = new LinkedHashMap<>();
    for (String live : liveNodes()) {
      node(live)
          .state()
          .localView(scope)
          .forEach(
              (group, pids) -> view.computeIfAbsent(group, g -> new ArrayList<>()).addAll(pids));
    }
    return view;
  }

  /** Every live node's local slots of {@code scope}: node → group → PIDs. */
  public Map<String, Map<String, List<String>>> localSlots(String scope) {
    Map<String, Map<String, List<String>>> slots = new LinkedHashMap<>();
    for (String live : liveNodes()) {
      slots.put(live, node(live).state().localView(scope));
    }
    return slots;
  }

  private ClusterTruth with(ClusterNode node) {
    Map<String, ClusterNode> next = new LinkedHashMap<>(nodes);
    next.put(node.name(), node);
    return new ClusterTruth(next);
  }
}
