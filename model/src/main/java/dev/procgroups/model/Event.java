package dev.procgroups.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One membership event: {@code {system="pg", kind=..., path=group, data={Group=group, PIDs=pids}}}.
 * The PID list names a PID once per slot added or removed (multi-join), in the order the slots were
 * added or removed where the model defines one.
 */
public record Event(EventKind kind, String group, List<String> pids) {

  public static final String SYSTEM = "pg";

  public Event {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    pids = List.copyOf(pids);
    if (pids.isEmpty()) {
      throw new IllegalArgumentException("an event names at least one pid");
    }
  }

  public static Event joined(String group, List<String> pids) {
    return new Event(EventKind.JOINED, group, pids);
  }

  public static Event left(String group, List<String> pids) {
    return new Event(EventKind.LEFT, group, pids);
  }

  /** {@code pid} repeated {@code times} times, for events of a multi-join. */
  public static List<String> repeat(String pid, int times) {
    return Collections.nCopies(times, pid);
  }

  /** Always {@code "pg"}. */
  public String system() {
    return SYSTEM;
  }

  /** The {@code data} field: {@code {Group = group, PIDs = pids}}. */
  public Map<String, Object> data() {
    return Map.of("Group", group, "PIDs", pids);
  }

  /** The {@code path} field: the group name. */
  public String path() {
    return group;
  }
}
