package dev.procgroups.model.node;

import dev.procgroups.model.Event;
import dev.procgroups.model.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The remote slots a node holds for each other node (origin) of a scope, changed by full syncs,
 * deltas and drops. Every change emits one event per affected group; a sync emits exactly the
 * difference, counted with multiplicity, so monitors never drift from the view.
 */
final class Replication {

  private Replication() {}

  /** Per group (old ones first, then new ones): member.left for lost slots, then member.joined. */
  static Object sync(Transition t, NodeCall.RemoteSync call) {
    ScopeState scope = remoteScope(t, call.scope(), call.origin());
    Map<String, List<String>> before = scope.remoteSlots(call.origin());
    Map<String, List<String>> after = call.pidsByGroup();
    t.setScope(scope.withRemote(call.origin(), after));
    Set<String> groups = new LinkedHashSet<>(before.keySet());
    groups.addAll(after.keySet());
    for (String group : groups) {
      List<String> old = before.getOrDefault(group, List.of());
      List<String> now = after.getOrDefault(group, List.of());
      emitIfAny(t, scope.id(), EventKind.LEFT, group, minus(old, now));
      emitIfAny(t, scope.id(), EventKind.JOINED, group, minus(now, old));
    }
    return true;
  }

  static Object delta(Transition t, NodeCall.RemoteDelta call) {
    ScopeState scope = remoteScope(t, call.scope(), call.origin());
    Map<String, List<String>> slots = new LinkedHashMap<>(scope.remoteSlots(call.origin()));
    Map<String, List<String>> moves = new LinkedHashMap<>();
    call.pidsByGroup()
        .forEach(
            (group, pids) -> {
              List<String> held = new ArrayList<>(slots.getOrDefault(group, List.of()));
              List<String> moved = new ArrayList<>();
              for (String pid : pids) {
                if (call.direction() == Direction.JOIN) {
                  held.add(pid);
                  moved.add(pid);
                } else if (held.lastIndexOf(pid) >= 0) {
                  held.remove(held.lastIndexOf(pid));
                  moved.add(pid);
                }
              }
              slots.put(group, held);
              moves.put(group, moved);
            });
    t.setScope(scope.withRemote(call.origin(), slots));
    EventKind kind = call.direction() == Direction.JOIN ? EventKind.JOINED : EventKind.LEFT;
    moves.forEach((group, moved) -> emitIfAny(t, scope.id(), kind, group, moved));
    return true;
  }

  static Object drop(Transition t, NodeCall.RemoteDrop call) {
    ScopeState scope = remoteScope(t, call.scope(), call.origin());
    Map<String, List<String>> before = scope.remoteSlots(call.origin());
    t.setScope(scope.withRemote(call.origin(), Map.of()));
    before.forEach((group, pids) -> t.emit(scope.id(), Event.left(group, pids)));
    return true;
  }

  private static ScopeState remoteScope(Transition t, String scopeId, String origin) {
    if (origin.equals(t.state().node())) {
      throw new IllegalArgumentException("a node holds no remote slots of itself: " + origin);
    }
    return Checks.running(t.state(), scopeId);
  }

  /** {@code a} without {@code b}, as multisets, in {@code a}'s order. */
  private static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(b);
    List<String> difference = new ArrayList<>();
    for (String pid : a) {
      if (!rest.remove(pid)) {
        difference.add(pid);
      }
    }
    return difference;
  }

  private static void emitIfAny(
      Transition t, String scope, EventKind kind, String group, List<String> pids) {
    if (!pids.isEmpty()) {
      t.emit(scope, new Event(kind, group, pids));
    }
  }
}
