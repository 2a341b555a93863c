package dev.procgroups.props.modelcheck;

import dev.procgroups.model.EventKind;
import dev.procgroups.model.Result;
import dev.procgroups.model.node.NodeCall;
import dev.procgroups.model.node.NodeModel;
import dev.procgroups.model.node.NodeState;
import dev.procgroups.model.node.ScopedEvent;
import dev.procgroups.model.node.Step;
import dev.procgroups.process.Pid;
import dev.procgroups.store.StoreChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's script played once through the single-node model: the local change each op publishes
 * (null if it changes nothing) and the node's local slots after each prefix. The checker replays
 * these, so the model, not the checker, decides what a join, leave or exit does.
 */
final class Script {
  final List<StoreChange.Delta> deltas = new ArrayList<>();

  /** {@code prefixStates.get(k)}: the local slots after the first k ops. */
  final List<Map<String, List<String>>> prefixStates = new ArrayList<>();

  Script(String node, String scope, List<LocalOp> ops) {
    NodeState state =
        NodeModel.step(NodeState.initial(node), new NodeCall.RegisterScope(scope, null)).state();
    Map<String, Long> instances = new HashMap<>();
    for (LocalOp op : ops) {
      if (!instances.containsKey(op.pid())) {
        state = NodeModel.step(state, new NodeCall.Spawn(op.pid())).state();
        Step opened = NodeModel.step(state, new NodeCall.Open(op.pid(), scope));
        state = opened.state();
        instances.put(op.pid(), (Long) ((Result.Ok) opened.result()).value());
      }
    }
    prefixStates.add(state.localView(scope));
    for (LocalOp op : ops) {
      Step step = NodeModel.step(state, call(op, instances.get(op.pid())));
      state = step.state();
      deltas.add(delta(node, step.events()));
      prefixStates.add(state.localView(scope));
    }
  }

  int length() {
    return deltas.size();
  }

  private static NodeCall call(LocalOp op, long instance) {
    if (op instanceof LocalOp.Join j) {
      return new NodeCall.Join(instance, j.group());
    } else if (op instanceof LocalOp.Leave l) {
      return new NodeCall.Leave(instance, l.group());
    }
    return new NodeCall.Exit(op.pid());
  }

  private static StoreChange.Delta delta(String node, List<ScopedEvent> events) {
    if (events.isEmpty()) {
      return null;
    }
    Map<String, List<Pid>> pidsByGroup = new LinkedHashMap<>();
    events.forEach(
        e ->
            pidsByGroup
                .computeIfAbsent(e.event().group(), g -> new ArrayList<>())
                .addAll(e.event().pids().stream().map(Pid::parse).toList()));
    boolean joined = events.get(0).event().kind() == EventKind.JOINED;
    return new StoreChange.Delta(
        node, joined ? StoreChange.Direction.JOIN : StoreChange.Direction.LEAVE, pidsByGroup);
  }
}
