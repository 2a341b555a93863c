package dev.procgroups.transport;

import java.util.Objects;

/**
 * A node as seen on the wire: its unique name and the incarnation of the start that sent or
 * receives a message. A restart under the same name has a larger incarnation.
 */
public record NodeId(String name, long incarnation) {
  public NodeId {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("node name must not be empty");
    }
  }

  @Override
  public String toString() {
    return name + "#" + incarnation;
  }
}
