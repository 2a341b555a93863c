package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each local process → the groups where it holds a slot, in the order of its oldest surviving slot
 * (the order of its member.left events when it exits). A process in one group (the common case) is
 * stored as that group's name alone; a set is made for its second group.
 */
final class LocalGroupsByPid {
  /** Pid → its only group (a String) or its groups (a LinkedHashSet). */
  private final Map<Pid, Object> groups = new HashMap<>();

  void add(Pid pid, String group) {
    Object held = groups.putIfAbsent(pid, group);
    if (held == null || held.equals(group)) {
      return;
    }
    if (held instanceof String only) {
      Set<String> set = new LinkedHashSet<>();
      set.add(only);
      groups.put(pid, set);
      held = set;
    }
    set(held).add(group);
  }

  /** {@code pid} no longer holds a slot in {@code group}. */
  void remove(Pid pid, String group) {
    Object held = groups.get(pid);
    if (held instanceof String only) {
      if (only.equals(group)) {
        groups.remove(pid);
      }
    } else if (held != null && set(held).remove(group) && set(held).isEmpty()) {
      groups.remove(pid);
    }
  }

  /** Forgets {@code pid}; returns the groups it held slots in, in order (empty if none). */
  Iterable<String> removeAll(Pid pid) {
    Object held = groups.remove(pid);
    if (held == null) {
      return List.of();
    }
    return held instanceof String only ? List.of(only) : set(held);
  }

  void clear() {
    groups.clear();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> set(Object held) {
    return (Set<String>) held;
  }
}
