package dev.procgroups.model.node;

import java.util.Objects;

/** One join of one local process to one group. */
public record Slot(String pid, String group) {
  public Slot {
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(group, "group");
  }
}
