package dev.procgroups.daemon.control;

import java.util.List;

/**
 * What {@link Endpoint#MONITOR_READ} returns: the events received since the last read, the drop
 * count so far, and the node's {@code get_members(group)} taken right after draining (comparable
 * with the fold only when the cluster is quiet).
 */
public record MonitorRead(String group, List<Event> events, long dropped, List<String> view) {

  /** One event: {@code member.joined} or {@code member.left}, its group and PIDs. */
  public record Event(String kind, String group, List<String> pids) {}
}
