package dev.procgroups.jepsen.control;

import java.util.Locale;

/**
 * The control API of a node, one POST per call, JSON {@link Call} in and {@link Reply} out, with
 * {@code Authorization: Bearer <token>}. Every pg call acts as the process named by {@code pid},
 * which the harness got from {@link #SPAWN}.
 */
public enum Endpoint {
  /** Node name, incarnation and OS pid; the harness polls it until the node is ready. */
  HEALTH,
  /** Starts a process that opens the scope and logs every message it receives; value: its PID. */
  SPAWN,
  /** {@code join(groups)}; value: true. */
  JOIN,
  /** {@code leave(groups)}; value: true. */
  LEAVE,
  /** {@code get_members(group)}; value: PIDs. */
  GET_MEMBERS,
  /** {@code get_local_members(group)}; value: PIDs. */
  GET_LOCAL_MEMBERS,
  /** {@code which_groups()}; value: group names. */
  WHICH_GROUPS,
  /** {@code which_local_groups()}; value: group names. */
  WHICH_LOCAL_GROUPS,
  /** {@code broadcast(group, topic, payload)}; value: true. */
  BROADCAST,
  /** {@code monitor(group)}; value: {@link Monitor} (subscription id and snapshot). */
  MONITOR,
  /** Drains a subscription: value {@link MonitorRead} with its events, drops and the view now. */
  MONITOR_READ,
  /** Everything the process received so far, in order; value: list of {@link Received}. */
  RECEIVED,
  /** Kills the process (its exit hooks leave its groups); value: true. */
  KILL;

  /** The HTTP path, e.g. {@code /get_members}. */
  public String path() {
    return "/" + name().toLowerCase(Locale.ROOT);
  }

  /** The endpoint of a path, or null. */
  public static Endpoint ofPath(String path) {
    for (Endpoint e : values()) {
      if (e.path().equals(path)) {
        return e;
      }
    }
    return null;
  }
}
