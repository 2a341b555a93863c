package dev.procgroups.model.checkers;

import java.util.List;

/**
 * An ok {@code get_members(group)} on {@code node}: some state of that node's view between the
 * call's invocation and its return.
 */
public record ViewRead(
    String node, String group, List<String> members, long invoke, long complete) {
  public ViewRead {
    members = List.copyOf(members);
  }

  long count(String pid) {
    return members.stream().filter(pid::equals).count();
  }
}
