package dev.procgroups.store;

import dev.procgroups.process.Pid;
import java.util.List;
import java.util.Objects;

/**
 * A membership change of one group, as delivered on subscriptions: {@code {system="pg",
 * kind="member.joined"|"member.left", path=group, data={Group=group, PIDs=pids}}}. {@code pids}
 * lists a PID once per slot added or removed.
 */
public record GroupEvent(Kind kind, String group, List<Pid> pids) {

  public enum Kind {
    JOINED("member.joined"),
    LEFT("member.left");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** {@code "member.joined"} or {@code "member.left"}. */
    public String wireName() {
      return wireName;
    }
  }

  public static final String SYSTEM = "pg";

  public GroupEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    pids = List.copyOf(pids);
  }

  public String system() {
    return SYSTEM;
  }

  /** The event's path: the group name. */
  public String path() {
    return group;
  }
}
