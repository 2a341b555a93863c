package dev.procgroups.model.node;

import dev.procgroups.model.Action;
import dev.procgroups.model.ErrorKind;
import dev.procgroups.model.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** join and leave (single or batch, multi-join, stack-order leave). */
final class Membership {

  private Membership() {}

  /** Adds one slot per element; one member.joined per group, in first-appearance order. */
  static Object join(Transition t, NodeCall.Join call) {
    Instance instance = Checks.usable(t.state(), call.instance());
    List<String> groups = LuaArguments.groups(call.groups());
    Checks.permitted(t.state(), instance.owner(), Action.JOIN, groups);
    ScopeState scope = t.state().scope(instance.scope());
    Checks.withinLimits(scope, groups);
    Checks.running(t.state(), instance.scope());
    t.setScope(scope.withJoined(instance.owner(), groups));
    for (String group : new LinkedHashSet<>(groups)) {
      int count = Collections.frequency(groups, group);
      t.emit(scope.id(), Event.joined(group, Event.repeat(instance.owner(), count)));
    }
    return true;
  }

  /**
   * Each element removes the caller's most recent slot in that group if it still has one; INVALID
   * only if no element removed anything. One member.left per group that lost slots.
   */
  static Object leave(Transition t, NodeCall.Leave call) {
    Instance instance = Checks.usable(t.state(), call.instance());
    List<String> groups = LuaArguments.groups(call.groups());
    Checks.permitted(t.state(), instance.owner(), Action.LEAVE, groups);
    ScopeState scope = Checks.running(t.state(), instance.scope());
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (String group : groups) {
      ScopeState next = scope.withoutLatestSlot(instance.owner(), group);
      if (next != null) {
        scope = next;
        removed.merge(group, 1, Integer::sum);
      }
    }
    if (removed.isEmpty()) {
      throw new Rejection(ErrorKind.INVALID, "group: not a member of " + String.join(", ", groups));
    }
    t.setScope(scope);
    String scopeId = scope.id();
    removed.forEach(
        (group, count) ->
            t.emit(scopeId, Event.left(group, Event.repeat(instance.owner(), count))));
    return true;
  }
}
