package dev.procgroups.daemon.control;

import java.util.List;
import java.util.Locale;

/**
 * The control API of a node, one POST per call, JSON {@link Call} in and {@link Reply} out, with
 * {@code Authorization: Bearer <token>}. Every pg call acts as the process named by {@code pid},
 * which the client got from {@link #SPAWN}.
 */
public enum Endpoint {
  /** Node name, incarnation and OS pid; a client polls it until the node is ready. */
  HEALTH(),
  /** Peers with their incarnations, scopes with group and slot counts: {@link NodeStatus}. */
  STATUS(),
  /** The node's meters in Prometheus' text format (not JSON); also on GET. */
  METRICS(),
  /** Starts a process that opens the scope and logs every message it receives; value: its PID. */
  SPAWN(),
  /** {@code join(groups)}; value: true. */
  JOIN(Field.PID, Field.GROUPS),
  /** {@code leave(groups)}; value: true. */
  LEAVE(Field.PID, Field.GROUPS),
  /** {@code get_members(group)}; value: PIDs. */
  GET_MEMBERS(Field.PID, Field.GROUP),
  /** {@code get_local_members(group)}; value: PIDs. */
  GET_LOCAL_MEMBERS(Field.PID, Field.GROUP),
  /** {@code which_groups()}; value: group names. */
  WHICH_GROUPS(Field.PID),
  /** {@code which_local_groups()}; value: group names. */
  WHICH_LOCAL_GROUPS(Field.PID),
  /** {@code broadcast(group, topic, payload)}; value: true. */
  BROADCAST(Field.PID, Field.GROUP, Field.TOPIC),
  /** {@code monitor(group)}; value: {@link Monitor} (subscription id and snapshot). */
  MONITOR(Field.PID, Field.GROUP),
  /** Drains a subscription: value {@link MonitorRead} with its events, drops and the view now. */
  MONITOR_READ(Field.SUBSCRIPTION),
  /** Everything the process received so far, in order; value: list of {@link Received}. */
  RECEIVED(Field.PID),
  /** Kills the process (its exit hooks leave its groups); value: true. */
  KILL(Field.PID);

  /** A field of a {@link Call} that an endpoint needs. */
  public enum Field {
    PID,
    GROUP,
    GROUPS,
    TOPIC,
    SUBSCRIPTION
  }

  private final List<Field> required;

  Endpoint(Field... required) {
    this.required = List.of(required);
  }

  /** The fields a call to this endpoint must have (not null). */
  public List<Field> required() {
    return required;
  }

  /** Reads only: also answered on GET (a Prometheus scrape, a health probe). */
  public boolean readOnly() {
    return this == HEALTH || this == STATUS || this == METRICS;
  }

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
