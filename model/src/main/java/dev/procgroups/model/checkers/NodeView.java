package dev.procgroups.model.checkers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One live node's reads after the final heal and quiet period.
 *
 * @param readOp history index of the read
 * @param members {@code get_members(g)} for every group asked about
 * @param localMembers {@code get_local_members(g)} for the same groups
 * @param whichGroups {@code which_groups()}, or null if not read
 */
public record NodeView(
    String node,
    long readOp,
    Map<String, List<String>> members,
    Map<String, List<String>> localMembers,
    Set<String> whichGroups) {
  public NodeView {
    Objects.requireNonNull(node, "node");
    members = copy(members);
    localMembers = copy(localMembers);
    whichGroups = whichGroups == null ? null : Set.copyOf(whichGroups);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    Map<String, List<String>> sorted = new TreeMap<>();
    m.forEach((g, pids) -> sorted.put(g, List.copyOf(pids)));
    return java.util.Collections.unmodifiableMap(sorted);
  }
}
