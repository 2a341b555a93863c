package dev.procgroups.model.node;

import dev.procgroups.model.Event;
import dev.procgroups.model.policy.Policy;
import java.util.List;

/** Shared scene-setting for the node tests: one node "n1" with scope "app:pg". */
final class Fixtures {

  static final String SCOPE = "app:pg";
  static final String A = "{n1@app:processes|00000a}";
  static final String B = "{n1@app:processes|00000b}";
  static final String R1 = "{n2@app:processes|000001}";
  static final String R2 = "{n2@app:processes|000002}";

  private Fixtures() {}

  static NodeDriver node() {
    return NodeDriver.withScopes("n1", SCOPE);
  }

  static NodeDriver node(Policy policy) {
    NodeDriver node = new NodeDriver(NodeState.initial("n1", policy));
    node.ok(new NodeCall.RegisterScope(SCOPE, null));
    return node;
  }

  /** Subscribes to every group of the scope through {@code instance}; returns the subscription. */
  static long watchAll(NodeDriver node, long instance) {
    return ((Watching) node.ok(new NodeCall.Events(instance))).subscription();
  }

  /** Reads everything buffered on a subscription. */
  static List<Event> drain(NodeDriver node, long subscription) {
    List<Event> events = new java.util.ArrayList<>();
    while (node.ok(new NodeCall.Receive(subscription)) instanceof Read.Received received) {
      events.add(received.event());
    }
    return events;
  }
}
