package dev.procgroups.jepsen.net;

import java.util.Objects;

/** Packets sent by node {@code from} never reach node {@code to} (one direction only). */
public record Cut(String from, String to) {
  public Cut {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("a node cannot be cut from itself: " + from);
    }
  }

  @Override
  public String toString() {
    return from + "->" + to;
  }
}
