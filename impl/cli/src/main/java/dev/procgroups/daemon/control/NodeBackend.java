package dev.procgroups.daemon.control;

import java.util.List;

/**
 * What the control server needs of a node: the pg calls, acting as one of the processes it spawned.
 * Implemented by the node daemon over the real pg API; pg errors are thrown as {@link
 * PgCallException}; an unknown PID or subscription is an {@link IllegalArgumentException}.
 */
public interface NodeBackend {
  Health health();

  NodeStatus status();

  /** The node's meters in Prometheus' text format. */
  String metrics();

  String spawn() throws PgCallException;

  void join(String pid, List<String> groups) throws PgCallException;

  void leave(String pid, List<String> groups) throws PgCallException;

  List<String> getMembers(String pid, String group) throws PgCallException;

  List<String> getLocalMembers(String pid, String group) throws PgCallException;

  List<String> whichGroups(String pid) throws PgCallException;

  List<String> whichLocalGroups(String pid) throws PgCallException;

  void broadcast(String pid, String group, String topic, Object payload) throws PgCallException;

  Monitor monitor(String pid, String group) throws PgCallException;

  MonitorRead readMonitor(String subscription) throws PgCallException;

  List<Received> received(String pid);

  void kill(String pid);
}
