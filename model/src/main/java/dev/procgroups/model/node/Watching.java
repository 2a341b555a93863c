package dev.procgroups.model.node;

import java.util.List;
import java.util.Map;

/** The success value of {@code events}: the subscription id and every group's members then. */
public record Watching(long subscription, Map<String, List<String>> snapshot) {
  public Watching {
    snapshot = Ordered.copyOfLists(snapshot);
  }
}
