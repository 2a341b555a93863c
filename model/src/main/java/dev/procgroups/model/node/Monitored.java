package dev.procgroups.model.node;

import java.util.List;

/** The success value of {@code monitor}: the subscription id and the members at that instant. */
public record Monitored(long subscription, List<String> members) {
  public Monitored {
    members = List.copyOf(members);
  }
}
