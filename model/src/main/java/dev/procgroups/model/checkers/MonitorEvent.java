package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Objects;

/** A {@code member.joined} or {@code member.left} event as a subscription delivered it. */
public record MonitorEvent(Kind kind, String group, List<String> pids) {

  /** The two event kinds of the spec. */
  public enum Kind {
    JOINED,
    LEFT
  }

  public MonitorEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(group, "group");
    pids = List.copyOf(pids);
  }
}
